// Cold start, interleaved, median of N.
// Node: a new process per run (`node --input-type=module -e <script>`), wall time from spawn to exit: an empty
// script, one that imports ofetch and calls ofetch.create, one that imports our core and calls createClient.
// workerd (Miniflare): the same three as Workers (esbuild bundles, platform neutral, conditions workerd/worker/
// browser, as a deploy would), each run starting several Workers of one bundle in one workerd; the time from
// `new Miniflare(...)` to the first response, per Worker. workerd freezes the clock while a script evaluates, so
// the Worker cannot time itself: the startup seen from outside is the cleanest figure, and its fixed part
// (workerd's own start) is taken out by subtracting the empty Worker.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { median } from "./stats.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

const round2 = (n) => Math.round(n * 100) / 100;

const NODE = {
  empty: "",
  ofetch: 'import { ofetch } from "ofetch"; ofetch.create({ baseURL: "https://api.example.com" });',
  ours: 'import { createClient } from "@airbyte-agents/core"; createClient({ clientId: "id", clientSecret: "secret" });',
};

const WORKER = {
  empty: "export default { fetch() { return new Response('ok'); } };",
  ofetch: `import { ofetch } from "ofetch";
const api = ofetch.create({ baseURL: "https://api.example.com" });
export default { fetch() { return new Response(typeof api); } };`,
  ours: `import { createClient } from "@airbyte-agents/core";
const client = createClient({ clientId: "id", clientSecret: "secret" });
export default { fetch() { return new Response(typeof client); } };`,
};

function summarize(runs) {
  const medians = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, round2(median(v))]));
  const extraOfetch = round2(medians.ofetch - medians.empty);
  const extraOurs = round2(medians.ours - medians.empty);
  // workerd only: the same two Workers bundled with `minify` (wrangler's `--minify`), where measured.
  const minified =
    medians.oursMinified === undefined
      ? {}
      : {
          extraOverEmptyMinifiedMs: {
            ofetch: round2(medians.ofetchMinified - medians.empty),
            ours: round2(medians.oursMinified - medians.empty),
          },
        };
  return {
    medianMs: medians,
    extraOverEmptyMs: { ofetch: extraOfetch, ours: extraOurs },
    ...minified,
    ratioOursOverOfetchExtra: extraOfetch > 0 ? round2(extraOurs / extraOfetch) : null,
    runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(round2)])),
  };
}

export function coldStartNode(n) {
  const runs = { empty: [], ofetch: [], ours: [] };
  const cpuRuns = { empty: [], ofetch: [], ours: [] };
  // The process's own CPU time at the end of the script (user + system since it started): less disturbed than the
  // wall time by other work on the machine.
  const report = ";process.stdout.write(String((process.cpuUsage().user + process.cpuUsage().system) / 1000));";
  const once = (name) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", NODE[name] + report], { cwd: here, stdio: "pipe" });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`node cold start failed: ${r.stderr}`);
    return { ms, cpuMs: Number(r.stdout.toString()) };
  };
  for (const name of Object.keys(NODE)) once(name); // warm the file cache
  for (let i = 0; i < n; i++) {
    const names = Object.keys(NODE);
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const { ms, cpuMs } = once(name);
      runs[name].push(ms);
      cpuRuns[name].push(cpuMs);
    }
  }
  return {
    how: "new node process, spawn to exit (wall); the process's own CPU time at the end of the script (cpu)",
    node: process.version,
    n,
    ...summarize(runs),
    cpu: summarize(cpuRuns),
  };
}

export async function coldStartWorkerd(n, { warmup = true, copies = 10 } = {}) {
  const { Miniflare } = await import("miniflare");
  const scripts = {};
  const bytes = {};
  let catalogBytes = 0;
  // Each Worker as a deploy bundles it, and ofetch's and ours also minified (wrangler deploy --minify).
  const variants = [
    ...Object.entries(WORKER).map(([name, contents]) => [name, contents, false]),
    ["ofetchMinified", WORKER.ofetch, true],
    ["oursMinified", WORKER.ours, true],
  ];
  for (const [name, contents, minify] of variants) {
    const result = await build({
      stdin: { contents, resolveDir: here, loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      conditions: ["workerd", "worker", "browser"],
      mainFields: ["module", "main"],
      metafile: true,
      minify,
      logLevel: "silent",
    });
    scripts[name] = result.outputFiles[0].text;
    bytes[name] = result.outputFiles[0].contents.length;
    if (name === "ours")
      for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs))
        if (/\.catalog-[^/]*\.js$/.test(input)) catalogBytes += bytesInOutput;
  }
  // The modules are given to Miniflare as an explicit list: with `script`, Miniflare parses the whole bundle with
  // acorn in Node to find its imports, a cost of the dev tool (about 35 ms per 100 KB of code here) that a deployed
  // Worker never pays. Each run starts `copies` Workers of the same bundle in one workerd, so the per-Worker cost
  // (compile and evaluate) is read over `copies` times workerd's fixed start: (run - empty run) / copies.
  const once = async (name) => {
    const start = performance.now();
    const workers = Array.from({ length: copies }, (_, i) => ({
      name: `w${i}`,
      modules: [{ type: "ESModule", path: path.join(here, `worker-${i}.mjs`), contents: scripts[name] }],
      compatibilityDate: "2025-01-01",
    }));
    const mf = new Miniflare({ workers });
    try {
      const response = await mf.dispatchFetch("http://localhost/");
      await response.text();
      if (!response.ok) throw new Error(`workerd ${name}: HTTP ${response.status}`);
      return performance.now() - start;
    } finally {
      await mf.dispose();
    }
  };
  const names = Object.keys(scripts);
  if (warmup) for (const name of names) await once(name);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      runs[name].push((await once(name)) / copies);
    }
  }
  return {
    how: `Miniflare with ${copies} Workers of the same bundle (modules listed explicitly), new Miniflare to the first response, disposed after each run, divided by ${copies}${warmup ? ", after one warm-up run each" : ", no warm-up run"}`,
    copies,
    bundleBytes: bytes,
    catalogBytesInOurs: catalogBytes,
    n,
    ...summarize(runs),
    target: { ratioOursOverOfetchExtra: 1.5 },
  };
}
