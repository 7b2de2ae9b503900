// Bundles src/main.mjs (the page's code) with core for the browser: core's `/browser` entry when the package
// has one, else its main entry, platform browser.
//   node build.mjs   → dist/app.js
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Which core entry the page gets: `@airbyte-agents/core/browser` if it is exported and built. */
export function coreEntry() {
  const require = createRequire(path.join(here, "package.json"));
  const pkgPath = require.resolve("@airbyte-agents/core/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
  const browser = pkg.exports?.["./browser"];
  const file = browser?.import?.default ?? browser?.default ?? browser?.import;
  if (typeof file === "string" && existsSync(path.join(path.dirname(pkgPath), file))) return "@airbyte-agents/core/browser";
  return "@airbyte-agents/core";
}

/** Esbuild options for the page bundle. */
export function pageBuildOptions(entry = coreEntry()) {
  return {
    entryPoints: [path.join(here, "src/main.mjs")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
    alias: entry === "@airbyte-agents/core" ? {} : { "@airbyte-agents/core": entry },
  };
}

export async function buildPage() {
  const entry = coreEntry();
  const outfile = path.join(here, "dist/app.js");
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await esbuild.build({ ...pageBuildOptions(entry), outfile });
  return { outfile, entry, metafile: result.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { outfile, entry } = await buildPage();
  console.log(`${path.relative(process.cwd(), outfile)} (core entry: ${entry})`);
}
