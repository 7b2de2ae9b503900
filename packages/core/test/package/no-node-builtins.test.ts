// Architecture §5: core runs on Node, Deno, Bun, workerd and browsers, so nothing reachable from its entry may import
// a Node built-in or touch the free globals `process` and `Buffer` (env is read through `globalThis` checks),
// and importing it must do nothing: no I/O, timers, random values or globals at module scope.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/index";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = join(ROOT, "src/index.ts");
const DIST_ESM = join(ROOT, "dist/index.js");
const DIST_CJS = join(ROOT, "dist/index.cjs");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

// Marked external (rather than left to fail resolution) so that every use shows up in the metafile by name.
const BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const MARKERS = { process: "__NO_PROCESS__", Buffer: "__NO_BUFFER__" } as const;

const OPTIONS: BuildOptions = {
  bundle: true,
  platform: "neutral",
  format: "esm",
  target: "es2022",
  write: false,
  metafile: true,
  mainFields: ["module", "main"],
  conditions: ["worker", "browser", "import"],
  external: BUILTINS,
  // A free `process` or `Buffer` (also under `typeof`) becomes a marker; `globalThis.process` is a property access and stays.
  define: { process: MARKERS.process, Buffer: MARKERS.Buffer },
  logLevel: "silent",
};

interface Bundle {
  text: string;
  metafile: Metafile;
}

async function bundle(input: { entry: string } | { contents: string }): Promise<Bundle> {
  const result = await build({
    ...OPTIONS,
    ...("entry" in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.contents, loader: "ts", resolveDir: join(ROOT, "src"), sourcefile: "probe.ts" } }),
  });
  return { text: result.outputFiles?.[0]?.text ?? "", metafile: result.metafile as Metafile };
}

/** What a bundle imports from outside itself, and which forbidden free globals it references. */
function violations(b: Bundle): { imports: string[]; builtins: string[]; globals: string[] } {
  const imports = Object.values(b.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
  const builtins = imports.filter((path) => BUILTINS.includes(path) || path.startsWith("node:"));
  const globals = Object.entries(MARKERS)
    .filter(([, marker]) => b.text.includes(marker))
    .map(([name]) => name);
  return { imports, builtins, globals };
}

let core: Bundle;

beforeAll(async () => {
  core = await bundle({ entry: ENTRY });
});

describe("src/index.ts bundled for a neutral platform (esbuild, worker/browser conditions)", () => {
  it("bundles everything, valibot and ofetch included, and imports nothing from outside", () => {
    expect(core.text.length).toBeGreaterThan(10_000);
    const inputs = Object.keys(core.metafile.inputs);
    expect(inputs.some((path) => path.includes("node_modules") && path.includes("valibot"))).toBe(true);
    expect(inputs.some((path) => path.includes("node_modules") && path.includes("ofetch"))).toBe(true);
    expect(violations(core).imports).toEqual([]);
  });

  it("reaches no Node built-in", () => {
    expect(violations(core).builtins).toEqual([]);
    expect(Object.keys(core.metafile.inputs).filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(core.text).not.toMatch(/\bfrom\s*["'](?:node:)?(?:fs|http|https|net|crypto|buffer|stream|os|path|child_process|util)["']/);
    expect(core.text).not.toMatch(/\brequire\s*\(/);
  });

  it("references neither `process` nor `Buffer` as a free identifier", () => {
    expect(violations(core).globals).toEqual([]);
  });

  it("still reads the runtime through globalThis (the check does not just miss everything)", () => {
    expect(core.text).toMatch(/\.process\?\.versions/);
  });
});

describe("the detector itself", () => {
  it.each([
    ['import { readFileSync } from "node:fs"; export const f = readFileSync;', "builtins", ["node:fs"]],
    ['import { createHash } from "crypto"; export const h = createHash;', "builtins", ["crypto"]],
    ['import { EventEmitter } from "events"; export const e = EventEmitter;', "builtins", ["events"]],
    ["export const id = process.env.AIRBYTE_CLIENT_ID;", "globals", ["process"]],
    ['export const node = typeof process !== "undefined";', "globals", ["process"]],
    ['export const bytes = Buffer.from("x");', "globals", ["Buffer"]],
  ] as const)("flags %s", async (contents, kind, expected) => {
    expect(violations(await bundle({ contents }))[kind]).toEqual(expected);
  });

  it("lets property access on globalThis through", async () => {
    const probe = await bundle({
      contents: "export const env = (globalThis as any).process?.env; export const B = (globalThis as any).Buffer;",
    });
    expect(violations(probe)).toEqual({ imports: [], builtins: [], globals: [] });
  });
});

/**
 * Imports `specifier` in a fresh Node process where fetch throws and every timer, random source and
 * microtask scheduler is recorded, and reports what ran during the import and which globals appeared.
 */
function importInFreshProcess(specifier: string, kind: "import" | "require"): { calls: string[]; newGlobals: string[]; version: unknown } {
  const script = `
    const calls = [];
    const record = (name, original) => function (...args) { calls.push(name); return original?.apply(this, args); };
    globalThis.fetch = () => { calls.push("fetch"); throw new Error("fetch at module scope"); };
    for (const name of ["setTimeout", "setInterval", "setImmediate", "queueMicrotask"]) globalThis[name] = record(name, globalThis[name]);
    Math.random = record("Math.random", Math.random);
    crypto.getRandomValues = record("crypto.getRandomValues", crypto.getRandomValues.bind(crypto));
    crypto.randomUUID = record("crypto.randomUUID", crypto.randomUUID.bind(crypto));
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const mod = ${kind === "import" ? `await import(${JSON.stringify(specifier)})` : `(await import("node:module")).createRequire(import.meta.url)(${JSON.stringify(specifier)})`};
    const newGlobals = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
    process.stdout.write(JSON.stringify({ calls, newGlobals, version: mod.VERSION, exports: Object.keys(mod).length }));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
  if (child.status !== 0) throw new Error(`import of ${specifier} failed:\n${child.stderr}`);
  const result = JSON.parse(child.stdout) as { calls: string[]; newGlobals: string[]; version: unknown; exports: number };
  expect(result.exports).toBeGreaterThan(20);
  return result;
}

describe("nothing runs at module scope", () => {
  let dir = "";
  let fresh = "";
  beforeAll(() => {
    // The current sources, bundled as above (without the markers), next to the published dist.
    dir = mkdtempSync(join(tmpdir(), "core-module-scope-"));
    fresh = join(dir, "index.mjs");
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the built dist/index.js (ESM) and dist/index.cjs make no call and add no global", () => {
    expect(existsSync(DIST_ESM), "dist/index.js is missing: build core first (pnpm --filter @airbyte-agents/core build)").toBe(true);
    const esm = importInFreshProcess(pathToFileURL(DIST_ESM).href, "import");
    expect(esm.calls).toEqual([]);
    expect(esm.newGlobals).toEqual([]);
    const cjs = importInFreshProcess(DIST_CJS, "require");
    expect(cjs.calls).toEqual([]);
    expect(cjs.newGlobals).toEqual([]);
  });

  it("a bundle of the current sources makes no call and adds no global", async () => {
    const { define: _define, ...plain } = OPTIONS;
    const result = await build({ ...plain, entryPoints: [ENTRY] });
    writeFileSync(fresh, result.outputFiles?.[0]?.text ?? "");
    const imported = importInFreshProcess(pathToFileURL(fresh).href, "import");
    expect(imported.calls).toEqual([]);
    expect(imported.newGlobals).toEqual([]);
    expect(imported.version).toBe(PACKAGE_VERSION);
  });

  it("the probe notices a module that does work at import time", () => {
    const busy = join(dir, "busy.mjs");
    writeFileSync(
      busy,
      "export const id = Math.random(); setTimeout(() => {}, 0); globalThis.leak = 1; export const a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8,i=9,j=10,k=11,l=12,m=13,n=14,o=15,p=16,q=17,r=18,s=19,t=20,u=21;",
    );
    const imported = importInFreshProcess(pathToFileURL(busy).href, "import");
    expect(imported.calls).toEqual(["Math.random", "setTimeout"]);
    expect(imported.newGlobals).toEqual(["leak"]);
  });
});

describe("VERSION", () => {
  it("equals package.json's version, in the sources and in the built dist", () => {
    expect(VERSION).toBe(PACKAGE_VERSION);
    expect(importInFreshProcess(pathToFileURL(DIST_ESM).href, "import").version).toBe(PACKAGE_VERSION);
    expect(importInFreshProcess(DIST_CJS, "require").version).toBe(PACKAGE_VERSION);
  });
});
