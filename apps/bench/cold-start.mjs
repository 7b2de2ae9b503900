// Cold start, interleaved, median of N.
// Node: a new process per run (`node --input-type=module -e <script>`), wall time from spawn to exit: an empty
// script, one that imports ofetch and calls ofetch.create, one that imports our core and calls createClient, and one
// per peer SDK of the size table (PEERS), each making its client.
// workerd: the same scripts as Workers (esbuild bundles, platform neutral, conditions workerd/worker/browser, as a
// deploy would), each run starting several Workers of one bundle in one workerd, per Worker; twice: the workerd
// binary serving a config file (the headline: no Node code touches the bundles), and through Miniflare (the dev
// loop, whose Node side serializes every module first; the peers run on the binary only). workerd freezes the clock
// while a script evaluates, so the Worker cannot time itself: the startup seen from outside is the cleanest figure,
// and its fixed part (workerd's own start) is taken out by subtracting the empty Worker.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer as createNetServer } from "node:net";
import os from "node:os";
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

// The peer SDKs of the size table, each imported and its client made, the way ofetch and ours are above: the same
// script as a Node process and as a Worker. Beside the target's denominator (ofetch), they say what a full SDK's
// start costs on each runtime.
const PEERS = {
  ky: ['import ky from "ky";', 'ky.create({ prefixUrl: "https://api.example.com" })'],
  "@octokit/core": ['import { Octokit } from "@octokit/core";', "new Octokit()"],
  openai: ['import OpenAI from "openai";', 'new OpenAI({ apiKey: "k" })'],
  stripe: ['import Stripe from "stripe";', 'new Stripe("sk_test_x")'],
  "supabase-js": ['import { createClient } from "@supabase/supabase-js";', 'createClient("https://x.supabase.co", "key")'],
};
const PEER_NODE = Object.fromEntries(Object.entries(PEERS).map(([name, [imports, make]]) => [name, `${imports} ${make};`]));
const PEER_WORKER = Object.fromEntries(
  Object.entries(PEERS).map(([name, [imports, make]]) => [
    name,
    `${imports}\nconst client = ${make};\nexport default { fetch() { return new Response(typeof client); } };`,
  ]),
);

// Each peer's extra over the empty script or Worker, and ours over it (below 1: ours starts faster).
function peerExtras(medians) {
  const names = Object.keys(PEERS).filter((name) => medians[name] !== undefined);
  if (names.length === 0) return {};
  const extraOurs = medians.ours - medians.empty;
  const extra = Object.fromEntries(names.map((name) => [name, round2(medians[name] - medians.empty)]));
  return {
    peersExtraOverEmptyMs: extra,
    ratioOursOverPeerExtra: Object.fromEntries(names.map((name) => [name, extra[name] > 0 ? round2(extraOurs / extra[name]) : null])),
  };
}

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
  // workerd only: our bundle's bytes as a Text module (loaded, never parsed as JavaScript).
  const bytesAlone =
    medians.oursBytesAsText === undefined ? {} : { extraOverEmptyOursBytesAsTextMs: round2(medians.oursBytesAsText - medians.empty) };
  // workerd only: our Worker's code inside a function never called (pre-parsed at startup, never evaluated).
  const parsedAlone =
    medians.oursNeverCalled === undefined ? {} : { extraOverEmptyOursNeverCalledMs: round2(medians.oursNeverCalled - medians.empty) };
  return {
    medianMs: medians,
    extraOverEmptyMs: { ofetch: extraOfetch, ours: extraOurs },
    ...minified,
    ...bytesAlone,
    ...parsedAlone,
    ratioOursOverOfetchExtra: extraOfetch > 0 ? round2(extraOurs / extraOfetch) : null,
    ...peerExtras(medians),
    runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(round2)])),
  };
}

export function coldStartNode(n) {
  const scripts = { ...NODE, ...PEER_NODE };
  // The process's own CPU time at the end of the script (user + system since it started): less disturbed than the
  // wall time by other work on the machine.
  const report = ";process.stdout.write(String((process.cpuUsage().user + process.cpuUsage().system) / 1000));";
  const once = (name) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", scripts[name] + report], { cwd: here, stdio: "pipe" });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`node cold start failed: ${r.stderr}`);
    return { ms, cpuMs: Number(r.stdout.toString()) };
  };
  // The warm-up run (it fills the file cache) also finds the peers that do not start on this Node: supabase-js
  // needs a global WebSocket, which Node 20 lacks. They are left out of the runs, with the reason.
  const peersFailed = {};
  for (const name of Object.keys(scripts)) {
    try {
      once(name);
    } catch (error) {
      if (!(name in PEERS)) throw error;
      peersFailed[name] = (String(error.message).match(/^Error: .*/m) ?? [String(error.message).split("\n")[0]])[0];
      delete scripts[name];
    }
  }
  const names = Object.keys(scripts);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  const cpuRuns = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < n; i++) {
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
    ...(Object.keys(peersFailed).length > 0 ? { peersFailed } : {}),
  };
}

// Each Worker as a deploy bundles it, and ofetch's and ours also minified (wrangler deploy --minify).
async function workerBundles() {
  const scripts = {};
  const bytes = {};
  let catalogBytes = 0;
  const variants = [
    ...Object.entries(WORKER).map(([name, contents]) => [name, contents, false]),
    ["ofetchMinified", WORKER.ofetch, true],
    ["oursMinified", WORKER.ours, true],
    ...Object.entries(PEER_WORKER).map(([name, contents]) => [name, contents, false]),
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
    if (name === "ours") {
      scripts.oursNeverCalled = await neverCalled(contents);
      bytes.oursNeverCalled = Buffer.byteLength(scripts.oursNeverCalled);
    }
    bytes[name] = result.outputFiles[0].contents.length;
    if (name === "ours")
      for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs))
        if (/\.catalog-[^/]*\.js$/.test(input)) catalogBytes += bytesInOutput;
  }
  return { scripts, bytes, catalogBytes };
}

// Our Worker's code (as an IIFE, the same modules) inside a function nobody calls: V8 still scans and pre-parses
// every byte at startup, and nothing is evaluated, so this Worker over the empty one is what the code's size costs
// before any of it runs.
async function neverCalled(workerSource) {
  const result = await build({
    stdin: { contents: workerSource.replace(/export default[\s\S]*$/, "globalThis.client = client;"), resolveDir: here, loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  return `function neverCalled() {\n${result.outputFiles[0].text}\n}\nexport default { fetch() { return new Response(typeof neverCalled); } };\n`;
}

// One more Worker in both measurements: our bundle's exact bytes as a Text module its entry imports, never parsed as
// JavaScript. What it costs over the empty Worker is what the bytes cost before any compiling.
const TEXT_ENTRY = 'import bytes from "./bytes.txt";\nexport default { fetch() { return new Response(String(bytes.length)); } };';

/** Interleaved runs of `once(name)` (the order rotating), each divided by `copies`. */
async function interleaved(names, n, warmup, copies, once) {
  if (warmup) for (const name of names) await once(name);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      runs[name].push((await once(name)) / copies);
    }
  }
  return runs;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * workerd itself, as a deployed Worker starts: the `workerd` binary (the one Miniflare runs) serving a config that
 * embeds `copies` Workers of one bundle from files, and a router Worker that calls each of them once through a
 * service binding; from spawning workerd to the router's answer, per Worker, over the empty bundle. No Node code
 * handles the bundles' bytes, unlike Miniflare (below), which serializes every module in Node first.
 */
async function coldStartWorkerdDirect(built, n, { warmup, copies }) {
  // The binary Miniflare itself runs: the `workerd` package's default export is its path.
  const binary = createRequire(createRequire(import.meta.url).resolve("miniflare"))("workerd").default;
  const root = mkdtempSync(path.join(os.tmpdir(), "airbyte-workerd-"));
  const names = [...Object.keys(built.scripts), "oursBytesAsText"];
  const configs = {};
  for (const name of names) {
    const dir = path.join(root, name.replace(/[^a-z0-9-]/gi, "_"));
    mkdirSync(dir);
    const ids = Array.from({ length: copies }, (_, i) => i);
    for (const i of ids) {
      if (name === "oursBytesAsText") {
        writeFileSync(path.join(dir, `worker-${i}.mjs`), TEXT_ENTRY);
        writeFileSync(path.join(dir, `bytes-${i}.txt`), built.scripts.ours);
      } else writeFileSync(path.join(dir, `worker-${i}.mjs`), built.scripts[name]);
    }
    writeFileSync(
      path.join(dir, "router.mjs"),
      `export default { async fetch(request, env) { await Promise.all([${ids.map((i) => `env.w${i}.fetch(request.url)`).join(", ")}]); return new Response("ok"); } };`,
    );
    const modulesOf = (i) =>
      name === "oursBytesAsText"
        ? `(name = "worker.mjs", esModule = embed "worker-${i}.mjs"), (name = "bytes.txt", text = embed "bytes-${i}.txt")`
        : `(name = "worker.mjs", esModule = embed "worker-${i}.mjs")`;
    configs[name] = {
      file: path.join(dir, "config.capnp"),
      text: (port) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "router", worker = (modules = [(name = "router.mjs", esModule = embed "router.mjs")], compatibilityDate = "2025-01-01",
      bindings = [${ids.map((i) => `(name = "w${i}", service = "w${i}")`).join(", ")}])),
${ids.map((i) => `    (name = "w${i}", worker = (modules = [${modulesOf(i)}], compatibilityDate = "2025-01-01")),`).join("\n")}
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "router")]
);
`,
    };
  }
  const once = async (name) => {
    const port = await freePort();
    writeFileSync(configs[name].file, configs[name].text(port));
    const start = performance.now();
    const child = spawn(binary, ["serve", configs[name].file], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`workerd ${name} exited: ${stderr.slice(-1000)}`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/`);
          await response.text();
          if (!response.ok) throw new Error(`workerd ${name}: HTTP ${response.status}: ${stderr.slice(-1000)}`);
          return performance.now() - start;
        } catch (error) {
          if (error instanceof Error && error.message.startsWith("workerd")) throw error;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
  };
  try {
    const runs = await interleaved(names, n, warmup, copies, once);
    return {
      how: `the workerd binary serving ${copies} Workers of the same bundle (embedded from files) and a router that calls each once, spawn to the router's answer, divided by ${copies}${warmup ? ", after one warm-up run each" : ", no warm-up run"}`,
      copies,
      bundleBytes: built.bytes,
      catalogBytesInOurs: built.catalogBytes,
      n,
      ...summarize(runs),
      target: { ratioOursOverOfetchExtra: 1.5 },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Through Miniflare (what `wrangler dev` runs): the modules are given as an explicit list (with `script`, Miniflare
 * parses the whole bundle with acorn in Node to find its imports, about 35 ms per 100 KB here). Each run starts
 * `copies` Workers of the same bundle in one workerd, from `new Miniflare(...)` to the first response, divided by
 * `copies`. Miniflare serializes every module's bytes in Node before workerd sees them, which the Text-module row
 * shows: most of that row's cost is CPU in the Node process, a cost of the dev tool, not of a deployed Worker.
 */
async function coldStartMiniflare(built, n, { warmup, copies }) {
  const { Miniflare } = await import("miniflare");
  const modulesOf = (name, i) =>
    name === "oursBytesAsText"
      ? [
          { type: "ESModule", path: path.join(here, `worker-${i}.mjs`), contents: TEXT_ENTRY },
          { type: "Text", path: path.join(here, "bytes.txt"), contents: built.scripts.ours },
        ]
      : [{ type: "ESModule", path: path.join(here, `worker-${i}.mjs`), contents: built.scripts[name] }];
  const once = async (name) => {
    const start = performance.now();
    const workers = Array.from({ length: copies }, (_, i) => ({
      name: `w${i}`,
      modules: modulesOf(name, i),
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
  // The peers are measured on the binary only: Miniflare's row is the dev loop's cost, not a deployed Worker's.
  const names = Object.keys(built.scripts).filter((name) => !(name in PEERS));
  const runs = await interleaved([...names, "oursBytesAsText"], n, warmup, copies, once);
  return {
    how: `Miniflare with ${copies} Workers of the same bundle (modules listed explicitly), new Miniflare to the first response, disposed after each run, divided by ${copies}${warmup ? ", after one warm-up run each" : ", no warm-up run"}`,
    copies,
    n,
    ...summarize(runs),
  };
}

/** Cold start in workerd: the binary directly (the headline figure) and through Miniflare (the dev loop). */
export async function coldStartWorkerd(n, { warmup = true, copies = 10 } = {}) {
  const built = await workerBundles();
  return {
    direct: await coldStartWorkerdDirect(built, n, { warmup, copies }),
    miniflare: await coldStartMiniflare(built, n, { warmup, copies }),
  };
}
