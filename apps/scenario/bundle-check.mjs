// Checks an esbuild bundle for what breaks outside Node (workerd without nodejs_compat, browsers): imports of
// Node built-ins, read from esbuild's metafile (every input's imports), and free references to the `process`
// and `Buffer` globals, found by building again with those globals defined to markers. esbuild's `define`
// replaces unbound globals only, so `globalThis.process` feature checks are not counted; `typeof process` is.
import { builtinModules } from "node:module";
import * as esbuild from "esbuild";

export const NODE_BUILTIN = new RegExp(`^(node:.*|${builtinModules.map((m) => m.replace(/[/]/g, "\\/")).join("|")})(/.*)?$`);

/** Keeps Node built-ins external instead of failing the resolve, so the check can name the importer. */
export const nodeBuiltinsExternal = {
  name: "node-builtins-external",
  setup(build) {
    build.onResolve({ filter: NODE_BUILTIN }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Builds with `options` (in memory) and reports `{ inputs, builtinImports, globalReferences }`; the bundle is
 * clean when both lists are empty.
 */
export async function analyseBundle(options) {
  const base = { ...options, bundle: true, write: false, metafile: true, outfile: undefined, outdir: undefined, sourcemap: false };
  base.plugins = [...(options.plugins ?? []).filter((p) => p.name !== nodeBuiltinsExternal.name), nodeBuiltinsExternal];
  const { metafile } = await esbuild.build(base);
  const builtinImports = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) if (NODE_BUILTIN.test(imported.path)) builtinImports.push(`${file} imports ${imported.path}`);
  }
  const probe = await esbuild.build({
    ...base,
    metafile: false,
    define: { ...options.define, process: "__NODE_GLOBAL_process__", Buffer: "__NODE_GLOBAL_Buffer__" },
  });
  const text = probe.outputFiles[0].text;
  const globalReferences = [];
  for (const match of text.matchAll(/__NODE_GLOBAL_(process|Buffer)__/g)) {
    const start = text.lastIndexOf("\n", match.index) + 1;
    const end = text.indexOf("\n", match.index);
    globalReferences.push(
      `${match[1]}: ${text
        .slice(start, end === -1 ? undefined : end)
        .trim()
        .slice(0, 160)}`,
    );
  }
  return { inputs: Object.keys(metafile.inputs), builtinImports, globalReferences };
}

/** Test steps for one bundle, plus a self-test proving the check catches a planted offender. */
export async function bundleCheckSteps(label, options, plantedFile) {
  const steps = [];
  const step = (name, ok, detail) => steps.push(ok ? { name, ok } : { name, ok, error: detail });
  const analysis = await analyseBundle(options);
  step(
    `${label}: bundles core`,
    analysis.inputs.some((f) => f.includes("packages/core/")),
    `inputs: ${analysis.inputs.join(", ")}`,
  );
  step(`${label}: no Node built-in imports`, analysis.builtinImports.length === 0, analysis.builtinImports.join("; "));
  step(`${label}: no process/Buffer references`, analysis.globalReferences.length === 0, analysis.globalReferences.join("; "));
  if (plantedFile) {
    const caught = await analyseBundle({ ...options, entryPoints: [plantedFile] });
    const processRefs = caught.globalReferences.filter((r) => r.startsWith("process")).length;
    const bufferRefs = caught.globalReferences.filter((r) => r.startsWith("Buffer")).length;
    step(
      `${label} check: catches a planted node:fs import and process/Buffer references`,
      caught.builtinImports.length === 1 && processRefs === 1 && bufferRefs === 1,
      JSON.stringify(caught),
    );
  }
  return { steps, analysis };
}

/** Source of a module that uses node:fs, `process` and `Buffer`, for the self-test. */
export const PLANTED_SOURCE = [
  'import { readFileSync } from "node:fs";',
  'export default { fetch: () => new Response(String(typeof process) + Buffer.byteLength("x") + String(readFileSync)) };',
  "",
].join("\n");
