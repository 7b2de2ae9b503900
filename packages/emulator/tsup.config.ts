import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", app: "src/app-entry.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: "node",
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    platform: "node",
  },
]);
