#!/usr/bin/env node
// Typed connectors' costs (issue 9): what they add to a browser bundle, and what they add to a consumer's type-check.
// Writes bench-results/typed-connectors.json and its section of bench-results/REPORT.md. Measurements only.
//
//   node typed-connectors.mjs          (part of `pnpm bench`; needs packages/core built)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { writeReportSection } from "./report-section.mjs";
import { median } from "./stats.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const core = path.join(root, "packages", "core");
const out = path.join(here, "bench-results");
// The last commit before typed connectors: core's sources as they were, for the "before" bundle.
const BEFORE = "d9bc18c";

// --- Bundle sizes: esbuild, minified, browser, dependencies bundled. With splitting (what Vite, Rollup, webpack do
// with a dynamic import), the initial chunks are what a page loads first; each catalog is a chunk loaded on first use.
async function bundle(contents, resolveDir, { splitting }) {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["browser", "import"],
    nodePaths: [path.join(core, "node_modules")],
    splitting,
    outdir: "/virtual",
    metafile: true,
    logLevel: "silent",
  });
  // What a page loads first: the entry chunk and what it imports statically. Everything else is a chunk loaded on
  // first use through import() (or never, when the import() sits in code the bundle tree-shook away).
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === "<stdin>");
  const initialFiles = new Set();
  const visit = (file) => {
    if (initialFiles.has(file)) return;
    initialFiles.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(entry);
  // Everything a call can load later: dynamic imports from the initial chunks, and what those import in turn.
  const reachable = new Set(initialFiles);
  const later = [...initialFiles];
  while (later.length > 0) {
    const file = later.pop();
    for (const imported of outputs[file]?.imports ?? []) {
      if (!reachable.has(imported.path)) {
        reachable.add(imported.path);
        later.push(imported.path);
      }
    }
  }
  let initial = 0;
  let initialGzip = 0;
  const chunks = {};
  for (const file of result.outputFiles) {
    const key = path.relative(process.cwd(), file.path);
    const name = Object.keys(outputs).find((k) => path.resolve(k) === file.path) ?? key;
    const gzip = gzipSync(file.contents).length;
    if (initialFiles.has(name)) {
      initial += file.contents.length;
      initialGzip += gzip;
    } else if (reachable.has(name)) chunks[path.basename(file.path)] = { minified: file.contents.length, gzip };
  }
  return { minified: initial, gzip: initialGzip, lazyChunks: chunks };
}

const UNTYPED = `import { createWidgetClient } from "@airbyte-agents/core/browser";
const browser = createWidgetClient({ getToken: async () => "t" });
export async function run(id) {
  const h = browser.connector({ connectorId: id });
  await h.execute("customers", "list", { limit: 1 });
  for await (const c of h.paginate("customers", "list", { limit: 100 })) console.log(c);
}`;
const TYPED = `import { createWidgetClient } from "@airbyte-agents/core/browser";
const browser = createWidgetClient({ getToken: async () => "t" });
export async function run() {
  const stripe = browser.connector("stripe");
  await stripe.customers.list({ limit: 1 });
  for await (const c of stripe.customers.paginate({ limit: 100 })) console.log(c);
}`;

const beforeDir = mkdtempSync(path.join(tmpdir(), "core-before-"));
execFileSync("sh", ["-c", `git -C "${root}" archive ${BEFORE} packages/core/src | tar -x -C "${beforeDir}"`]);
const beforeEntry = path.join(beforeDir, "packages", "core", "src", "browser.ts");
async function bundleWith(contents, entry, options) {
  // Point the package name at a source tree (before) or at the built package (now).
  const source = entry ? contents.replace("@airbyte-agents/core/browser", entry) : contents;
  return bundle(source, here, options);
}

const sizes = {
  before: await bundleWith(UNTYPED, beforeEntry, { splitting: true }),
  untyped: await bundleWith(UNTYPED, null, { splitting: true }),
  typed: await bundleWith(TYPED, null, { splitting: true }),
  untypedNoSplitting: await bundleWith(UNTYPED, null, { splitting: false }),
};
rmSync(beforeDir, { recursive: true, force: true });
const stripeChunk = Object.entries(sizes.typed.lazyChunks).find(([name]) => name.startsWith("stripe.catalog"));
// The runtime's code (validation, paging rules, loaders), split by the bundler across the chunks a call loads later.
// The schema registry (valibot and the response schemas) is loaded only by strict or warn validation, never by this
// flow's default lenient calls, so it is not part of what a typed handle loads.
const runtimeChunks = Object.entries(sizes.typed.lazyChunks).filter(([name]) => !/\.(catalog|prose)-|^registry-/.test(name));
const runtimeChunk = runtimeChunks.length
  ? [
      "runtime",
      runtimeChunks.reduce((sum, [, c]) => ({ minified: sum.minified + c.minified, gzip: sum.gzip + c.gzip }), { minified: 0, gzip: 0 }),
    ]
  : undefined;
const catalogChunks = Object.entries(sizes.untyped.lazyChunks).filter(([name]) => /\.catalog-/.test(name));
const proseChunks = Object.entries(sizes.untyped.lazyChunks).filter(([name]) => /\.prose-/.test(name));

// --- Type-check cost: the same consumer code, five connectors, typed (by slug) and untyped ({ connectorId }).
const CALLS = [
  ["stripe", 'await c.execute("customers", "list", { limit: 10 }); await c.execute("customers", "get", { id: "cus_1" });'],
  [
    "github",
    'await c.execute("issues", "list", { owner: "a", repo: "b", per_page: 10 }); await c.execute("repositories", "get", { owner: "a", repo: "b" });',
  ],
  ["hubspot", 'await c.execute("contacts", "list", { limit: 10 }); await c.execute("deals", "get", { dealId: "1" });'],
  ["linear", 'await c.execute("issues", "list", { first: 10 }); await c.execute("projects", "get", { id: "p" });'],
  ["zendesk-support", 'await c.execute("tickets", "list", { per_page: 10 }); await c.execute("users", "get", { user_id: 1 });'],
];
function consumer(typed) {
  const body = CALLS.map(([slug, calls], i) => {
    const ref = typed ? JSON.stringify(slug) : `{ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df48${i}" }`;
    return `{ const c = ws.connector(${ref}); ${calls} }`;
  });
  return `import { createClient } from "@airbyte-agents/core";\nconst ws = createClient({}).workspace("acme");\nexport async function run() {\n${body.join("\n")}\n}\n`;
}
const tsc = path.join(root, "node_modules", ".bin", "tsc");
function diagnostics(typed) {
  const dir = mkdtempSync(path.join(here, ".tsc-"));
  try {
    writeFileSync(path.join(dir, "index.ts"), consumer(typed));
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM"],
          types: [],
          skipLibCheck: true,
        },
        files: ["index.ts"],
      }),
    );
    const run = spawnSync(tsc, ["-p", dir, "--extendedDiagnostics"], { encoding: "utf8" });
    const read = (label) => Number((run.stdout.match(new RegExp(`^${label}:\\s+([\\d.]+)`, "m")) ?? [])[1]);
    if (!Number.isFinite(read("Instantiations"))) throw new Error(`tsc failed:\n${run.stdout}${run.stderr}`);
    return {
      instantiations: read("Instantiations"),
      checkSeconds: read("Check time"),
      totalSeconds: read("Total time"),
      errors: run.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const runs = { typed: [], untyped: [] };
for (let i = 0; i < 5; i++) {
  // Interleaved, so machine noise falls on both sides alike.
  runs.untyped.push(diagnostics(false));
  runs.typed.push(diagnostics(true));
}
const summary = (list) => ({
  instantiations: median(list.map((r) => r.instantiations)),
  checkSeconds: median(list.map((r) => r.checkSeconds)),
  totalSeconds: median(list.map((r) => r.totalSeconds)),
});
const typecheck = { typed: summary(runs.typed), untyped: summary(runs.untyped), runs: 5 };
typecheck.checkRatio = Math.round((typecheck.typed.checkSeconds / typecheck.untyped.checkSeconds) * 100) / 100;
typecheck.totalRatio = Math.round((typecheck.typed.totalSeconds / typecheck.untyped.totalSeconds) * 100) / 100;

const results = {
  date: new Date().toISOString(),
  command: "pnpm --filter @airbyte-agents/bench bench (apps/bench/typed-connectors.mjs)",
  sizes,
  stripeCatalogChunk: stripeChunk ? stripeChunk[1] : null,
  runtimeChunk: runtimeChunk ? runtimeChunk[1] : null,
  catalogChunks: {
    count: catalogChunks.length,
    gzipTotal: catalogChunks.reduce((n, [, c]) => n + c.gzip, 0),
    proseCount: proseChunks.length,
    proseGzipTotal: proseChunks.reduce((n, [, c]) => n + c.gzip, 0),
  },
  typecheck,
};
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "typed-connectors.json"), `${JSON.stringify(results, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const delta = (a, b) => `${b - a >= 0 ? "+" : ""}${b - a} B`;
const body = [
  "## Typed connectors (apps/bench/typed-connectors.mjs)",
  "",
  "Browser bundle of a widget client that lists and pages one connector (esbuild, minified, browser, splitting as a",
  "browser bundler does; initial chunks, gzip). Catalogs are chunks loaded on a connector's first use.",
  "",
  "| bundle | minified | gzip |",
  "| --- | --- | --- |",
  `| before typed connectors (${BEFORE}), \`connector({ connectorId })\` | ${kb(sizes.before.minified)} | ${kb(sizes.before.gzip)} |`,
  `| now, the same untyped code | ${kb(sizes.untyped.minified)} | ${kb(sizes.untyped.gzip)} (${delta(sizes.before.gzip, sizes.untyped.gzip)}) |`,
  `| now, one typed handle (\`connector("stripe").customers.list/paginate\`) | ${kb(sizes.typed.minified)} | ${kb(sizes.typed.gzip)} (${delta(sizes.untyped.gzip, sizes.typed.gzip)} over untyped) |`,
  `| + the connector runtime (validation, paging rules), loaded on the first call | ${runtimeChunk ? kb(runtimeChunk[1].minified) : "-"} | ${runtimeChunk ? kb(runtimeChunk[1].gzip) : "-"} |`,
  `| + Stripe's catalog, loaded on first use | ${stripeChunk ? kb(stripeChunk[1].minified) : "-"} | ${stripeChunk ? kb(stripeChunk[1].gzip) : "-"} |`,
  `| the untyped code bundled without splitting (every catalog inlined) | ${kb(sizes.untypedNoSplitting.minified)} | ${kb(sizes.untypedNoSplitting.gzip)} |`,
  "",
  `The "now" rows carry every change since ${BEFORE}, not only typed connectors (the hardened transport, input checks and redaction of later work are in them too); what typed connectors themselves add is the typed row over the untyped one, plus the two lazy chunks. The schema registry (valibot and the response schemas, loaded only by strict or warn validation) is not counted in the runtime row.`,
  "",
  `All ${results.catalogChunks.count} catalogs: ${kb(results.catalogChunks.gzipTotal)} gzip in total; their prose (${results.catalogChunks.proseCount} chunks, ${kb(results.catalogChunks.proseGzipTotal)} gzip) is loaded only by \`describeConnector\` (and left out entirely by a bundle that does not import it).`,
  "",
  `Type-check of a consumer with five connectors, two calls each (\`tsc --extendedDiagnostics\`, skipLibCheck, median of ${typecheck.runs} interleaved runs):`,
  "",
  "| variant | instantiations | check time | total time |",
  "| --- | --- | --- | --- |",
  `| untyped (\`{ connectorId }\`) | ${typecheck.untyped.instantiations} | ${typecheck.untyped.checkSeconds} s | ${typecheck.untyped.totalSeconds} s |`,
  `| typed (by slug) | ${typecheck.typed.instantiations} | ${typecheck.typed.checkSeconds} s | ${typecheck.typed.totalSeconds} s |`,
  "",
  `Typed / untyped: check time ${typecheck.checkRatio}x, total ${typecheck.totalRatio}x.`,
].join("\n");
const section = writeReportSection(path.join(out, "REPORT.md"), "typed-connectors", body);
console.log(section);
