import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  external: ["react", "@tanstack/react-query", "@airbyte-agents/core"],
  // The package is for client components: keep the directive at the top of every output file.
  banner: { js: '"use client";' },
});
