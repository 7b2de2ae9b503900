// Every generator in the repository, with the files it writes. `pnpm generate` runs them all in place;
// `scripts/check-generated.mjs` (part of `npm test`) runs them and fails when an output changed, so a
// committed file can never drift from the inputs under reference/ or from its generator.
// A new generator is added here, or CI will not re-run it.

export const generators = [
  {
    name: "core response schemas",
    command: ["node", "packages/core/scripts/build-schemas.mjs"],
    outputs: ["packages/core/src/schemas/generated"],
  },
  {
    name: "core typed connectors and runtime catalog",
    command: ["node", "packages/core/scripts/build-connectors.mjs", "--quiet"],
    outputs: ["packages/core/src/connectors/generated", "docs/connectors"],
  },
  {
    name: "emulator catalog",
    command: ["node", "packages/emulator/scripts/build-catalog.mjs", "--quiet"],
    outputs: ["packages/emulator/src/catalog/generated"],
  },
];
