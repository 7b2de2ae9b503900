// Bundle sizes: our entries doing a typical first use, beside peers doing a comparable first call.
//
// How: esbuild, minified, ESM, `platform: "browser"`, `conditions: ["browser", "import"]`, splitting on (as Vite and
// Rollup do with dynamic imports), gzip level 9. "Initial" is the entry chunk and the chunks it imports statically.
// For our flows, "first use" adds the lazy chunks the flow really loads on its first calls: each flow's bundle is
// written to a scratch directory with every chunk marking itself loaded, then run against a real emulator, so the
// count is what a page would fetch, not a guess from the metafile. Peers are counted by their initial chunks (their
// lazy chunks, when they have any, are listed beside).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Our flows: `run(env)` is called against a real emulator, so the lazy chunks each loads are observed. */
export const OURS = {
  "widget client: first use": {
    note: "createWidgetClient({ getToken }), connectors.list(), connector({ connectorId }).execute(customers list, limit 1), paginate(limit 100) past the first page",
    run: true,
    code: `import { createWidgetClient } from "@airbyte-agents/core/browser";
export async function run(env) {
  const browser = createWidgetClient({ getToken: env.getToken, baseUrl: env.baseUrl });
  const list = await browser.connectors.list();
  const stripe = browser.connector({ connectorId: env.connectorId });
  await stripe.execute("customers", "list", { limit: 1 });
  let n = 0;
  for await (const _c of stripe.paginate("customers", "list", { limit: 100 })) if (++n > 100) break;
  return { connectors: list.length, records: n };
}`,
  },
  "server client: first use": {
    note: 'createClient({ ... }).workspace().connector("stripe").execute("customers", "list", { limit: 1 })',
    run: true,
    code: `import { createClient } from "@airbyte-agents/core";
export async function run(env) {
  const client = createClient({ baseUrl: env.baseUrl, clientId: env.clientId, clientSecret: env.clientSecret });
  const { data } = await client.workspace().connector("stripe").execute("customers", "list", { limit: 1 });
  return { records: data.length };
}`,
  },
  "core: whole main entry": { note: 'export * from "@airbyte-agents/core"', code: 'export * from "@airbyte-agents/core";' },
  "core/browser: whole entry": {
    note: 'export * from "@airbyte-agents/core/browser"',
    code: 'export * from "@airbyte-agents/core/browser";',
  },
  "react: whole entry, own bytes": {
    note: "export * from @airbyte-agents/react; react, react/jsx-runtime, @tanstack/react-query and @airbyte-agents/core external",
    code: 'export * from "@airbyte-agents/react";',
    external: ["react", "react/*", "@tanstack/react-query", "@airbyte-agents/core", "@airbyte-agents/core/*"],
  },
  "isAirbyteError alone": {
    note: 'export { isAirbyteError } from "@airbyte-agents/core"',
    code: 'export { isAirbyteError } from "@airbyte-agents/core";',
  },
  // With splitting on, esbuild makes every `import()` in the package an entry point, live or not, and the entry
  // chunk imports the shared chunks they create, so the figure above moves with the package's lazy chunks. This one
  // is the function's own weight: whatever it drags in through its imports.
  "isAirbyteError alone, no code splitting": {
    note: 'export { isAirbyteError } from "@airbyte-agents/core", bundled with splitting off',
    code: 'export { isAirbyteError } from "@airbyte-agents/core";',
    splitting: false,
  },
};

const URL = "https://api.example.com/v1/items";
/** Peers doing a comparable first call (one authenticated JSON request, or a small schema check for valibot). */
export const PEERS = {
  "raw fetch": `export async function run() {
  const r = await fetch("${URL}", { method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: JSON.stringify({ limit: 1 }) });
  if (!r.ok) throw new Error("HTTP " + r.status);
  return JSON.parse(await r.text());
}`,
  ofetch: `import { ofetch } from "ofetch";
export const run = () => ofetch("${URL}", { method: "POST", headers: { authorization: "Bearer t" }, body: { limit: 1 } });`,
  ky: `import ky from "ky";
export const run = () => ky.post("${URL}", { headers: { authorization: "Bearer t" }, json: { limit: 1 } }).json();`,
  valibot: `import * as v from "valibot";
const Customer = v.object({ id: v.string(), email: v.optional(v.string()), created: v.number(), tags: v.array(v.string()) });
export const run = (input) => v.safeParse(Customer, input);`,
  "@octokit/core": `import { Octokit } from "@octokit/core";
export const run = () => new Octokit().request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });`,
  openai: `import OpenAI from "openai";
export const run = () => new OpenAI({ apiKey: "k", dangerouslyAllowBrowser: true }).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });`,
  stripe: `import Stripe from "stripe";
export const run = () => new Stripe("sk_test_x").customers.list({ limit: 1 });`,
  "supabase-js": `import { createClient } from "@supabase/supabase-js";
export const run = () => createClient("https://x.supabase.co", "key").from("t").select();`,
};

/** Bundles `contents`; returns every output file with its kind (initial or lazy) and sizes. */
async function bundle(contents, { external = [], platform = "browser", splitting = true } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform,
    conditions: platform === "browser" ? ["browser", "import"] : ["import"],
    splitting,
    outdir: "/virtual",
    metafile: true,
    external,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === "<stdin>");
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entry);
  const files = result.outputFiles
    .filter((file) => file.path.endsWith(".js"))
    .map((file) => {
      const name = Object.keys(outputs).find((k) => path.resolve(k) === file.path) ?? file.path;
      return {
        name: path.basename(file.path),
        entry: name === entry,
        initial: initial.has(name),
        contents: file.contents,
        minified: file.contents.length,
        gzip: gzip(file.contents),
      };
    });
  return files;
}

/**
 * The same flow as a Vite app ships it: `vite build` (Rollup bundles and splits, esbuild minifies), each chunk gzipped
 * alone. The files come back in `bundle`'s shape; their names keep Vite's `assets/` folder, so the chunks still
 * import one another once written out.
 */
async function viteBundle(contents) {
  const { build: viteBuild } = await import("vite");
  // Inside the bench app, so the entry resolves @airbyte-agents/core as a user's app would.
  const root = mkdtempSync(path.join(here, ".vite-flow-"));
  try {
    writeFileSync(path.join(root, "entry.js"), contents);
    const result = await viteBuild({
      configFile: false,
      root,
      logLevel: "silent",
      resolve: { conditions: ["browser", "import"] },
      build: {
        write: false,
        minify: "esbuild",
        modulePreload: false,
        rollupOptions: {
          input: path.join(root, "entry.js"),
          preserveEntrySignatures: "exports-only",
          output: { format: "es", entryFileNames: "entry.js" },
        },
      },
    });
    const chunks = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === "chunk");
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const initial = new Set();
    const visit = (name) => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const imported of byName.get(name).imports) visit(imported);
    };
    visit("entry.js");
    return chunks.map((c) => {
      const bytes = Buffer.from(c.code);
      return {
        name: c.fileName,
        entry: c.fileName === "entry.js",
        initial: initial.has(c.fileName),
        contents: bytes,
        minified: bytes.length,
        gzip: gzip(bytes),
      };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const sum = (files) => ({
  minified: files.reduce((n, f) => n + f.minified, 0),
  gzip: files.reduce((n, f) => n + f.gzip, 0),
  chunks: files.length,
});

/**
 * Writes the bundle to a scratch directory, each chunk recording its own load, runs `run(env)` and returns the
 * names of the chunks it loaded.
 */
async function loadedChunks(files, env, scratch) {
  const dir = mkdtempSync(path.join(scratch, "flow-"));
  for (const file of files) {
    const target = path.join(dir, file.name);
    mkdirSync(path.dirname(target), { recursive: true });
    const mark = `globalThis.__benchLoaded?.add(${JSON.stringify(file.name)});\n`;
    writeFileSync(target, mark + Buffer.from(file.contents).toString("utf8"));
  }
  globalThis.__benchLoaded = new Set();
  const entry = files.find((f) => f.entry);
  const module = await import(pathToFileURL(path.join(dir, entry.name)).href);
  const outcome = await module.run(env);
  const loaded = globalThis.__benchLoaded;
  globalThis.__benchLoaded = undefined;
  return { loaded, outcome };
}

/**
 * Measures every entry of OURS and PEERS. `env` is what our flows need to run (an emulator's URL, credentials and
 * a getToken for the widget client).
 */
export async function measureSizes(env) {
  const scratch = path.join("/var/tmp", "airbyte-bench");
  mkdirSync(scratch, { recursive: true });
  const work = mkdtempSync(path.join(scratch, "sizes-"));
  const ours = {};
  const oursVite = {};
  try {
    for (const [name, spec] of Object.entries(OURS)) {
      const files = await bundle(spec.code, { external: spec.external, splitting: spec.splitting ?? true });
      const initialFiles = files.filter((f) => f.initial);
      const lazyFiles = files.filter((f) => !f.initial);
      const entry = { what: spec.note, initial: sum(initialFiles), lazyAvailable: sum(lazyFiles) };
      if (spec.run) {
        const { loaded, outcome } = await loadedChunks(files, env, work);
        const lazyLoaded = lazyFiles.filter((f) => loaded.has(f.name));
        entry.lazyLoaded = { ...sum(lazyLoaded), names: lazyLoaded.map((f) => `${f.name} (${f.gzip} B gzip)`) };
        entry.firstUse = sum([...initialFiles, ...lazyLoaded]);
        entry.outcome = outcome;
      }
      // The budgeted figure: first use when the flow ran, the entry's initial chunks otherwise.
      entry.counted = entry.firstUse ?? entry.initial;
      ours[name] = entry;
    }
    // The two first-use flows again as a Vite app builds them (reported beside, not budgeted).
    for (const [name, spec] of Object.entries(OURS)) {
      if (!spec.run) continue;
      const files = await viteBundle(spec.code);
      const initialFiles = files.filter((f) => f.initial);
      const { loaded, outcome } = await loadedChunks(files, env, work);
      const lazyLoaded = files.filter((f) => !f.initial && loaded.has(f.name));
      oursVite[name] = {
        initial: sum(initialFiles),
        lazyLoaded: { ...sum(lazyLoaded), names: lazyLoaded.map((f) => `${path.basename(f.name)} (${f.gzip} B gzip)`) },
        firstUse: sum([...initialFiles, ...lazyLoaded]),
        outcome,
      };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const peers = {};
  for (const [name, code] of Object.entries(PEERS)) {
    let platform = "browser";
    let files;
    try {
      files = await bundle(code);
    } catch (error) {
      platform = "node";
      files = await bundle(code, { platform: "node" });
      peers[name] = { browserError: String(error.message ?? error).split("\n")[0] };
    }
    peers[name] = {
      ...peers[name],
      platform,
      initial: sum(files.filter((f) => f.initial)),
      lazyAvailable: sum(files.filter((f) => !f.initial)),
    };
    peers[name].counted = peers[name].initial;
  }
  return { ours, oursVite, peers };
}
