// The API reference (`pnpm docs:api` -> docs/api, git-ignored): one TypeDoc run over the published packages, each
// package's own typedoc config naming its entry points and the unexported types its signatures may name.
// `npm test` builds it with warnings as errors (scripts/docs-api.mjs), so a broken {@link} or a new public
// signature naming an unexported type fails CI.
/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "Airbyte Agents TypeScript SDK",
  entryPointStrategy: "packages",
  entryPoints: ["packages/core", "packages/react", "packages/emulator", "packages/tools"],
  packageOptions: {
    includeVersion: true,
    excludePrivate: true,
    excludeInternal: true,
    // The READMEs are the packages' front pages on npm; here each module page starts with its exports.
    readme: "none",
    // Source links need a GitHub remote; a local clone has none.
    disableSources: true,
    // Per package: in packages mode each package is converted (and validated) with these options. notDocumented
    // stays off: about 600 interface members have no comment of their own yet.
    validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: false },
  },
  out: "docs/api",
  readme: "none",
  treatWarningsAsErrors: true,
  disableSources: true,
};
