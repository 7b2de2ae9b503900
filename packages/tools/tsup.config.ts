import { defineConfig } from "tsup";

// Core and the frameworks are peers: never bundled (each adapter is its own entry, importing only its framework).
const external = [/^@airbyte-agents\/core/, /^ai($|\/)/, /^@openai\/agents/, /^@modelcontextprotocol\/sdk/];

export default defineConfig([
  {
    entry: ["src/index.ts", "src/ai-sdk.ts", "src/openai-agents.ts", "src/mcp.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    splitting: true,
    external,
  },
  {
    // The stdio CLI (bin): Node only, ESM, after the library build so `clean` does not remove it.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    sourcemap: true,
    target: "node18",
    platform: "node",
    external,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
