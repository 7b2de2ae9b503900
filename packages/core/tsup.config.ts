import { readdir, readFile, writeFile } from "node:fs/promises";
import { defineConfig } from "tsup";

const BARE_CHUNK_IMPORT = /^import "\.\/chunk-[A-Za-z0-9_-]+\.js";$/gm;

// esbuild's code splitting leaves `import "./chunk-X.js";` in a chunk that only wants another one evaluated first.
// Core evaluates nothing at module scope ("sideEffects": false), so every consumer's bundler drops these imports, and
// the esbuild-based ones (wrangler, Vite's dependency prebundling) print an [ignored-bare-import] warning for each.
// They are blanked here, each line kept, so the source maps still line up.
async function dropBareChunkImports(): Promise<void> {
  for (const name of await readdir("dist")) {
    if (!name.endsWith(".js")) continue;
    const file = `dist/${name}`;
    const text = await readFile(file, "utf8");
    const stripped = text.replace(BARE_CHUNK_IMPORT, "");
    if (stripped !== text) await writeFile(file, stripped);
  }
}

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
  onSuccess: dropBareChunkImports,
});
