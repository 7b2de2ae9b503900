// Bundles the Worker and everything it imports (core, the tools' MCP adapter, the MCP SDK) into one ES module for
// workerd, as a deploy would: platform neutral, with the conditions workerd resolves.
//   node build.mjs            → dist/worker.mjs (+ dist/meta.json)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { nodeBuiltinsExternal } from "../scenario/bundle-check.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Esbuild options for the Worker bundle. */
export function workerBuildOptions(options = {}) {
  return {
    entryPoints: [path.join(here, "src/worker.mjs")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    metafile: true,
    minify: true,
    logLevel: "warning",
    // A Node built-in never resolves on workerd (no nodejs_compat here): keep it external and visible, so the
    // bundle check names the importer instead of the build failing on the resolve.
    plugins: [nodeBuiltinsExternal],
    ...options,
  };
}

export async function buildWorker() {
  const outfile = path.join(here, "dist/worker.mjs");
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await esbuild.build(workerBuildOptions({ outfile }));
  writeFileSync(path.join(here, "dist/meta.json"), JSON.stringify(result.metafile, null, 2));
  return { outfile, metafile: result.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { outfile, metafile } = await buildWorker();
  const bytes = Object.values(metafile.outputs)[0]?.bytes ?? 0;
  console.log(`${path.relative(process.cwd(), outfile)}: ${Object.keys(metafile.inputs).length} inputs, ${(bytes / 1024).toFixed(1)} KiB`);
}
