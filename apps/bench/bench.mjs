#!/usr/bin/env node
// Size, overhead, token, memory and cold-start figures for the SDK, written to bench-results/results.json and
// bench-results/REPORT.md. Measurements only: nothing here asserts a threshold (tests never time things).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "bench-results");
mkdirSync(out, { recursive: true });

// --- Emulator cost: measured first and alone (a fresh emulator, nothing else warm) so the figure is the emulator's own.
// `--emulator-only --save-before` records the "before" side (run on the code before a change) in emulator-before.json;
// every full run reports it next to the figure it measures now.
const beforeFile = path.join(out, "emulator-before.json");
const { buildEmulatorAt, generationBeforeAfter, measureEmulator } = await import("./emulator-cost.mjs");
const emulatorNow = await measureEmulator();
if (process.argv.includes("--emulator-only")) {
  if (process.argv.includes("--save-before")) {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: here }).toString().trim();
    const command =
      "pnpm --filter @airbyte-agents/core --filter @airbyte-agents/emulator build && cd apps/bench && node --expose-gc bench.mjs --emulator-only --save-before";
    writeFileSync(
      beforeFile,
      `${JSON.stringify({ commit, command, date: new Date().toISOString(), node: process.version, ...emulatorNow }, null, 2)}\n`,
    );
  }
  console.log(JSON.stringify(emulatorNow, null, 2));
  process.exit(0);
}
const emulatorBefore = existsSync(beforeFile) ? JSON.parse(readFileSync(beforeFile, "utf8")) : null;
const generation = emulatorBefore ? await generationBeforeAfter(emulatorBefore.commit) : null;
// The recorded "before" ran on another day's machine load; the same commit measured now, next to "after", is fairer.
let emulatorBeforeNow = null;
if (emulatorBefore) {
  const before = buildEmulatorAt(emulatorBefore.commit);
  try {
    emulatorBeforeNow = {
      ...(await measureEmulator(before.app, { generation: false })),
      generateMicrosPerRecord: generation?.beforeMicros,
    };
  } finally {
    before.cleanup();
  }
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  emulator: { before: emulatorBefore, beforeSameRun: emulatorBeforeNow, after: emulatorNow, generationSameRun: generation },
  size: {},
  overhead: {},
  tokens: {},
  memory: {},
  coldStart: {},
};

// --- Size: what a user's bundler ships (minified, all dependencies bundled, React and TanStack external).
async function bundleSize(name, contents, external = []) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["browser", "import"],
    external,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  results.size[name] = { minified: bytes.length, gzip: gzipSync(bytes).length };
}
await bundleSize("core (whole main entry)", 'export * from "@airbyte-agents/core";');
await bundleSize(
  "core: createClient + one execute",
  'import { createClient } from "@airbyte-agents/core"; export const run = () => createClient().workspace().connector("x").execute("a","list");',
);
await bundleSize("core/browser (whole entry)", 'export * from "@airbyte-agents/core/browser";');
await bundleSize("core/browser: createWidgetClient only", 'export { createWidgetClient } from "@airbyte-agents/core/browser";');
await bundleSize("core/browser: openConnectWidget only", 'export { openConnectWidget } from "@airbyte-agents/core/browser";');
try {
  await bundleSize("react (whole entry)", 'export * from "@airbyte-agents/react";', [
    "react",
    "react/jsx-runtime",
    "@tanstack/react-query",
  ]);
} catch (error) {
  results.size["react (whole entry)"] = { error: String(error.message ?? error).split("\n")[0] };
}

// --- Overhead and tokens: the client against the in-process emulator (no sockets), versus raw fetch of the same calls.
const { createEmulatorApp } = await import("@airbyte-agents/emulator/app");
const { createClient } = await import("@airbyte-agents/core");
const emulator = createEmulatorApp({ recordCounts: { "stripe.customers": 100_000 } });
const base = "http://emulator.local";
const emuFetch = (input, init) => emulator.fetch(new Request(input, init));
const client = createClient({
  baseUrl: base,
  clientId: emulator.clientId,
  clientSecret: emulator.clientSecret,
  fetch: emuFetch,
  logLevel: "off",
});
const ws = client.workspace();
const stripe = ws.connector("stripe");
await stripe.execute("customers", "list", { limit: 1 });

async function timeIt(n, fn) {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return (performance.now() - start) / n;
}
const N = 500;
const token = (await client.tokens.application()).token;
const stripeId = await stripe.id();
const rawMs = await timeIt(N, () =>
  emuFetch(`${base}/api/v1/integrations/connectors/${stripeId}/execute`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ entity: "customers", action: "list", params: { limit: 5 } }),
  }).then((r) => r.json()),
);
const sdkMs = await timeIt(N, () => stripe.execute("customers", "list", { limit: 5 }));
const sdkNoValidationMs = await timeIt(N, () => stripe.execute("customers", "list", { limit: 5 }, { validation: "off" }));
results.overhead = {
  calls: N,
  rawFetchMsPerCall: round(rawMs),
  sdkMsPerCall: round(sdkMs),
  sdkWithoutValidationMsPerCall: round(sdkNoValidationMs),
  sdkOverheadMsPerCall: round(sdkMs - rawMs),
};

const before = emulator.control.stats().tokenMints.application;
const fresh = createClient({
  baseUrl: base,
  clientId: emulator.clientId,
  clientSecret: emulator.clientSecret,
  fetch: emuFetch,
  logLevel: "off",
});
await Promise.all(Array.from({ length: 50 }, () => fresh.workspace().connectors.list()));
results.tokens = { concurrentCalls: 50, applicationTokenMints: emulator.control.stats().tokenMints.application - before };

// --- Memory: iterate 100,000 records page by page; the heap should stay flat because nothing holds the pages.
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
let count = 0;
const started = performance.now();
for await (const _customer of stripe.paginate("customers", "list", { limit: 1000 })) {
  count++;
  if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
results.memory = {
  records: count,
  seconds: round((performance.now() - started) / 1000),
  heapBeforeMB: round(heapBefore / 2 ** 20),
  heapPeakDuringMB: round(peak / 2 ** 20),
  gcAvailable: typeof global.gc === "function",
};

// --- Cold start: a new Node process importing the built package.
for (const [name, specifier] of [
  ["import @airbyte-agents/core", "@airbyte-agents/core"],
  ["import @airbyte-agents/core/browser", "@airbyte-agents/core/browser"],
]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const ms = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const t=performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now()-t)`,
      ],
      { cwd: here },
    ).toString();
    times.push(Number(ms));
  }
  times.sort((a, b) => a - b);
  results.coldStart[name] = { medianMs: round(times[2]), runs: times.map(round) };
}

function emulatorRows(before, beforeNow, after) {
  const rows = [
    ["CPU per execute, Stripe customers list, limit 5 (ms)", "cpuMsPerExecuteLimit5"],
    ["CPU per execute, Stripe customers list, limit 100 (ms)", "cpuMsPerExecuteLimit100"],
    ["wall time per execute, limit 5 (ms)", "wallMsPerExecuteLimit5"],
    ["page through 100,000 Stripe customers, limit 1000 asked (s, wall)", "paging100kSeconds"],
    ["page through 100,000 Stripe customers (s, CPU of the process)", "paging100kCpuSeconds"],
    ["record generation alone, Stripe customer (µs per record)", "generateMicrosPerRecord"],
  ];
  return rows.map(([label, key]) => `| ${label} | ${before?.[key] ?? "n/a"} | ${beforeNow?.[key] ?? "n/a"} | ${after[key] ?? "n/a"} |`);
}

function round(n) {
  return Math.round(n * 100) / 100;
}

writeFileSync(path.join(out, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = [
  "# Benchmarks",
  "",
  `Run ${results.date} on Node ${results.node} with \`pnpm bench\` (apps/bench/bench.mjs). Raw figures: results.json.`,
  "",
  "## Emulator cost (in-process emulator, raw fetch, no SDK)",
  "",
  `Before (recorded): ${emulatorBefore ? `commit ${emulatorBefore.commit} on ${emulatorBefore.date}, measured with \`${emulatorBefore.command}\`` : "not recorded"}. Before (this run): the same commit built from \`git archive\` and measured in this run. After: the working tree, this run.`,
  "",
  "| figure | before (recorded) | before (this run) | after (this run) |",
  "| --- | --- | --- | --- |",
  ...emulatorRows(emulatorBefore, emulatorBeforeNow, emulatorNow),
  "",
  generation
    ? `Record generation, both sides in this run (generate.ts and random.ts of ${generation.beforeCommit} against the working tree, Stripe customers, CPU): ${generation.beforeMicros} µs → ${generation.afterMicros} µs per record, ${generation.speedup}x faster.`
    : "",
  "",
  "## Bundle size (esbuild, minified, dependencies bundled; React and TanStack Query external)",
  "",
  "| entry | minified | gzip |",
  "| --- | --- | --- |",
  ...Object.entries(results.size).map(([k, v]) =>
    v.error ? `| ${k} | error: ${v.error} | |` : `| ${k} | ${kb(v.minified)} | ${kb(v.gzip)} |`,
  ),
  "",
  "## Per-call overhead (in-process emulator, no sockets)",
  "",
  `${N} execute calls: raw fetch ${results.overhead.rawFetchMsPerCall} ms/call, SDK ${results.overhead.sdkMsPerCall} ms/call (${results.overhead.sdkWithoutValidationMsPerCall} ms without response validation): ${results.overhead.sdkOverheadMsPerCall} ms of SDK overhead per call.`,
  "",
  "## Tokens",
  "",
  `${results.tokens.concurrentCalls} concurrent calls on a fresh client minted ${results.tokens.applicationTokenMints} application token(s).`,
  "",
  "## Memory",
  "",
  `Paginated ${results.memory.records} records (pages of 1000) in ${results.memory.seconds} s; heap ${results.memory.heapBeforeMB} MB before, at most ${results.memory.heapPeakDuringMB} MB during.`,
  "",
  "## Cold start (new Node process, median of 5)",
  "",
  ...Object.entries(results.coldStart).map(([k, v]) => `- ${k}: ${v.medianMs} ms`),
  "",
].join("\n");
writeFileSync(path.join(out, "REPORT.md"), report);
console.log(report);
