import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/browser.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  // Each connector catalog is a lazily imported chunk in both formats, so neither entry carries the 51 catalogs.
  splitting: true,
});
