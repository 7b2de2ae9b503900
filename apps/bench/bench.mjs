#!/usr/bin/env node
// The SDK's benchmark, in one run: bundle sizes beside peers (with the size budgets), per-call overhead over a fixed
// loopback server, token mints and connector lists for 1,000 concurrent calls, the client's own heap over 100,000
// records (the emulator in another process), cold start in Node and workerd, and the emulator's own cost.
//
//   node --expose-gc bench.mjs                              full run (part of `pnpm bench`): bench-results/results.json
//                                                           and the `bench` and `emulator-cost` sections of REPORT.md
//   node --expose-gc bench.mjs --quick                      CI (`pnpm --filter @airbyte-agents/bench test`): sizes with
//                                                           the budgets enforced, the timing parts small and reported
//                                                           only; writes .test-results/bench.json
//   node --expose-gc bench.mjs --emulator-only [--save-before]   the emulator's cost alone (emulator-cost.mjs)
//
// Needs packages/core, packages/react and packages/emulator built. Timings are reported, never asserted.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUDGETS, KB } from "./budgets.mjs";
import { profileChecks } from "./profile-checks.mjs";
import { writeReportSection } from "./report-section.mjs";
import { statsChecks } from "./stats-checks.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "bench-results");
const reportPath = path.join(out, "REPORT.md");
const quick = process.argv.includes("--quick");
mkdirSync(out, { recursive: true });

// --- The emulator's own cost, measured first and alone (a fresh emulator, nothing else warm). `--emulator-only
// --save-before` records the "before" side (run on the code before a change) in emulator-before.json; every full
// run reports it next to the figure it measures now.
const beforeFile = path.join(out, "emulator-before.json");
let emulatorCost;
if (!quick) {
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
  emulatorCost = { before: emulatorBefore, beforeSameRun: emulatorBeforeNow, after: emulatorNow, generationSameRun: generation };
}

const { measureSizes } = await import("./sizes.mjs");
const { measureOverhead } = await import("./overhead.mjs");
const { measureClientCpu } = await import("./client-cpu.mjs");
const { callProfileLines, measureCallProfile } = await import("./call-profile.mjs");
const { measureConcurrency, measureHeapInChild } = await import("./client-runs.mjs");
const { coldStartNode, coldStartWorkerd } = await import("./cold-start.mjs");
const { startChild } = await import("./child.mjs");
const { perCallOn } = await import("./per-call.mjs");
const { nodeRuntimes } = await import("@airbyte-agents/node-runtimes");
const { createClient } = await import("@airbyte-agents/core");

const plan = quick
  ? {
      rounds: 6,
      batch: 40,
      warmup: 50,
      processes: 2,
      calls: 1000,
      records: 5_000,
      recordCount: 100_000,
      nodeRuns: 3,
      workerdRuns: 2,
      profile: { stubCalls: 2000, loopbackCalls: 300, warmup: 200, processes: 1 },
    }
  : {
      rounds: 50,
      batch: 100,
      warmup: 200,
      processes: 5,
      calls: 1000,
      records: 100_000,
      recordCount: 100_000,
      nodeRuns: 15,
      workerdRuns: 9,
      profile: { stubCalls: 20_000, loopbackCalls: 3000, warmup: 2000, processes: 3 },
    };
const cpus = os.cpus();
const results = {
  date: new Date().toISOString(),
  mode: quick ? "quick" : "full",
  command: quick ? "cd apps/bench && node --expose-gc bench.mjs --quick" : "pnpm bench (node --expose-gc bench.mjs)",
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim(),
    totalMemoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: loadAverage(),
  },
  plan,
};
if (emulatorCost) results.emulator = emulatorCost;

// Each part runs on its own; one that throws is recorded (and fails the quick run) without hiding the others.
const tests = [];
async function part(name, fn) {
  const started = performance.now();
  try {
    const value = await fn();
    tests.push({ name: `${name} ran`, passed: true, seconds: round((performance.now() - started) / 1000) });
    return value;
  } catch (error) {
    console.error(`${name} failed:`, error);
    tests.push({ name: `${name} ran`, passed: false, detail: String(error?.stack ?? error) });
    return { error: String(error?.message ?? error) };
  }
}

// One emulator child for the size flows, the concurrent calls and the heap (Stripe customers: 100,000).
const emu = await startChild("emulator", { control: true, recordCounts: { "stripe.customers": plan.recordCount } });
try {
  const server = createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret, logLevel: "off" });
  const workspaceName = server.workspace().name;
  const connectorId = await server.workspace().connector("stripe").id();
  const sizes = await part("sizes", () =>
    measureSizes({
      baseUrl: emu.url,
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      connectorId,
      getToken: async () => (await server.tokens.scoped({ workspaceName })).token,
    }),
  );
  results.sizes = sizes;
  results.budgets = {};
  for (const [entry, budget] of Object.entries(BUDGETS)) {
    const measured = sizes.ours?.[entry]?.counted?.gzip;
    const passed = typeof measured === "number" && measured <= budget.limit;
    results.budgets[entry] = { measuredGzip: measured ?? null, limit: budget.limit, target: budget.target, passed };
    tests.push({
      name: `size budget: ${entry}`,
      passed,
      detail: `measured ${measured ?? "n/a"} B gzip, enforced limit ${budget.limit} B, target ${budget.target === null ? "none" : `${budget.target} B`} (apps/bench/budgets.mjs)`,
    });
  }
  results.overhead = await part("per-call overhead", () =>
    measureOverhead({ rounds: plan.rounds, batch: plan.batch, warmup: plan.warmup, processes: plan.processes }),
  );
  results.clientCpu = await part("client CPU, stub fetch", () =>
    measureClientCpu({ rounds: plan.rounds, batch: quick ? 200 : 1000, warmup: quick ? 200 : 2000, processes: plan.processes }),
  );
  results.callProfile = await part("call profile", () => measureCallProfile(plan.profile));
  // The same measurements under the newest LTS (apps/node-runtimes): the machine's Node is not what most users run.
  const lts = nodeRuntimes().at(-1);
  results.perCallNewestLts = await part(`per-call overhead and client CPU (${lts.label})`, () =>
    perCallOn(lts.binary, {
      rounds: plan.rounds,
      batch: plan.batch,
      warmup: plan.warmup,
      processes: plan.processes,
      cpuBatch: quick ? 200 : 1000,
      cpuWarmup: quick ? 200 : 2000,
      profile: plan.profile,
    }),
  );
  results.tokens = await part("concurrent calls", () => measureConcurrency(emu, plan.calls));
  results.heap = await part("client heap", async () => ({
    ...(await measureHeapInChild({ url: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret }, plan.records)),
    emulator: `child process, recordCounts stripe.customers ${plan.recordCount}`,
  }));
} finally {
  await emu.stop();
}
results.coldStart = {
  node: await part("cold start (node)", () => coldStartNode(plan.nodeRuns)),
  workerd: await part("cold start (workerd)", () => coldStartWorkerd(plan.workerdRuns, { warmup: !quick, copies: quick ? 4 : 10 })),
};
tests.push(...statsChecks(), ...profileChecks());
results.tests = tests;
results.machine.loadAverageAtEnd = loadAverage();

const passed = tests.filter((t) => t.passed).length;
const failed = tests.length - passed;
const report = renderReport(results);

if (quick) {
  const dir = path.join(here, ".test-results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "bench.json"),
    `${JSON.stringify({ numPassedTests: passed, numFailedTests: failed, ...results }, null, 2)}\n`,
  );
  console.log(report);
  for (const t of tests) console.log(`${t.passed ? "✓" : "✗"} ${t.name}${t.passed ? "" : `: ${t.detail}`}`);
  console.log(`\n${passed} passed, ${failed} failed (timings are reported, never asserted)`);
  process.exit(failed > 0 ? 1 : 0);
}

writeFileSync(path.join(out, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
prepareReport();
writeReportSection(reportPath, "bench", report);
writeReportSection(reportPath, "emulator-cost", renderEmulatorCost(results.emulator));
prepareReport();
console.log(report);
if (failed > 0)
  console.log(
    `\n${failed} part(s) failed or exceeded a budget: ${tests
      .filter((t) => !t.passed)
      .map((t) => t.name)
      .join("; ")}`,
  );

// REPORT.md: the header and every script's section. Text outside any section (an older bench.mjs wrote the whole
// file) is dropped; writeReportSection puts the section it writes last.
function prepareReport() {
  const text = existsSync(reportPath) ? readFileSync(reportPath, "utf8") : "";
  const sections = [...text.matchAll(/<!-- ([\w-]+) -->[\s\S]*?<!-- \/\1 -->/g)].map((m) => m[0]);
  const header = "# Benchmarks\n\nWritten by the scripts of apps/bench (`pnpm bench`); each section names its script and command.";
  writeFileSync(reportPath, `${[header, ...sections].join("\n\n")}\n`);
}

function renderReport(r) {
  const lines = [];
  const kb = (n) => (typeof n === "number" ? `${(n / KB).toFixed(1)} KB` : "n/a");
  const ms = (n) => (typeof n === "number" ? `${n} ms` : "n/a");
  const m = r.machine;
  lines.push(
    `## Sizes, per-call overhead, tokens, heap, cold start (apps/bench/bench.mjs, ${r.mode} run)`,
    "",
    `\`${r.command}\` on ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryGB} GB, ${m.platform}, Node ${m.node}, ${r.date} (load average ${m.loadAverageAtStart.join(" ")} at the start, ${m.loadAverageAtEnd?.join(" ") ?? "n/a"} at the end: other work shared the machine, so wall times are noisy; CPU times are less so). Raw figures: ${r.mode === "quick" ? ".test-results/bench.json" : "bench-results/results.json"}.`,
    "",
  );
  if (r.sizes?.ours) {
    lines.push(
      "### Bundle size",
      "",
      'esbuild, minified, ESM, `platform: "browser"`, `conditions: ["browser", "import"]`, splitting on (as Vite/Rollup do with dynamic imports); each chunk gzipped alone at level 9; 1 KB = 1000 B. **Counted**: for the two first-use flows, the initial chunks (entry + static imports) plus the lazy chunks the flow actually loaded when it ran against the emulator (the scratch bundle records each chunk it loads); for whole entries, their initial chunks. Budgets: apps/bench/budgets.mjs (the enforced limit is a ratchet at today\'s size; the target is the issue\'s).',
      "",
      "| our entry | initial gzip | lazy chunks loaded | counted gzip (minified) | enforced limit | target | |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const [name, e] of Object.entries(r.sizes.ours)) {
      const b = r.budgets?.[name];
      const lazy = e.lazyLoaded ? `${kb(e.lazyLoaded.gzip)} (${e.lazyLoaded.chunks})` : "-";
      lines.push(
        `| ${name} | ${kb(e.initial.gzip)} | ${lazy} | **${kb(e.counted.gzip)}** (${kb(e.counted.minified)}) | ${b ? kb(b.limit) : "-"} | ${b?.target ? kb(b.target) : "-"} | ${b ? (b.passed ? "ok" : "**over the limit**") : ""} |`,
      );
    }
    const vite = r.sizes.oursVite ?? {};
    if (Object.keys(vite).length > 0) {
      lines.push(
        "",
        "The two first-use flows again as a Vite app ships them (`vite build`: Rollup bundles and splits, esbuild minifies; the same run against the emulator). Reported beside the budgeted esbuild figure, not budgeted:",
        "",
        "| our flow, built with Vite | initial gzip | lazy chunks loaded | first use gzip (minified) |",
        "| --- | --- | --- | --- |",
        ...Object.entries(vite).map(
          ([name, e]) =>
            `| ${name} | ${kb(e.initial.gzip)} | ${kb(e.lazyLoaded.gzip)} (${e.lazyLoaded.chunks}) | **${kb(e.firstUse.gzip)}** (${kb(e.firstUse.minified)}) |`,
        ),
      );
    }
    lines.push("", "What each entry does:", "");
    for (const [name, e] of Object.entries(r.sizes.ours)) {
      const loaded = e.lazyLoaded?.names?.length ? ` Lazy chunks loaded: ${e.lazyLoaded.names.join(", ")}.` : "";
      lines.push(`- ${name}: ${e.what}.${loaded}`);
    }
    lines.push("", "| peer, comparable first call | platform | gzip | minified |", "| --- | --- | --- | --- |");
    for (const [name, p] of Object.entries(r.sizes.peers)) {
      lines.push(
        `| ${name} | ${p.platform}${p.browserError ? " (no browser bundle)" : ""} | ${kb(p.counted.gzip)} | ${kb(p.counted.minified)} |`,
      );
    }
    lines.push(
      "",
      'Peers (apps/bench devDependencies, exact versions in its package.json): raw fetch is a POST with a bearer and `JSON.parse`; ofetch and ky one POST; valibot a four-field object schema and `safeParse`; `new Octokit().request("GET /repos/{owner}/{repo}")`; `new OpenAI().chat.completions.create`; `new Stripe(key).customers.list`; supabase-js `createClient(url, key).from("t").select()`. Peers are counted by their initial chunks.',
      "",
    );
  }
  const o = r.overhead;
  if (o?.clients) {
    lines.push(
      "### Per-call overhead (fixed loopback server)",
      "",
      `A node:http server in a child process answers the execute route with constant bytes (${o.executeResponseBytes} B, ${o.recordsPerCall} Stripe customers in the API's envelope), the token route with a JWT valid for hours. Each client does the same execute in ${o.processesPerClient} process(es) of its own (forked, importing only its library; clients sharing a process share ofetch's optimized code), one process running at a time: ${o.rounds} interleaved rounds, in each every client in turn (the order rotating) has one of its processes do ${o.batch} sequential calls, after ${o.warmup} warm-up calls per process. A process's figure is the median of its batches' per-call means, a client's the median over its processes; the spread between processes is the noise to read a ratio against. CPU: process.cpuUsage of the client's process around each batch, per call.`,
      "",
      "| client | median per call | each process | CPU per call | vs ofetch | vs raw fetch |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const [name, c] of Object.entries(o.clients)) {
      const vs = (other) => (o.clients[other] ? `${(c.medianMsPerCall / o.clients[other].medianMsPerCall).toFixed(2)}x` : "");
      const each = (c.msPerCallByProcess ?? []).map((v) => v.toFixed(3)).join(", ");
      lines.push(`| ${name} | ${ms(c.medianMsPerCall)} | ${each} | ${ms(c.cpuMsPerCall)} | ${vs("ofetch")} | ${vs("raw fetch")} |`);
    }
    lines.push(
      "",
      `Ours / ofetch: **${o.ratios.oursOverOfetch}x**${within(o, "oursOverOfetch")} (target ≤ ${o.targets.oursOverOfetch}x); ours / raw fetch: **${o.ratios.oursOverRawFetch}x**${within(o, "oursOverRawFetch")} (target ≤ ${o.targets.oursOverRawFetch}x); ky / ofetch: ${o.ratios.kyOverOfetch}x; ours / ofetch with the same per-attempt timeout ours always sets: ${o.ratios.oursOverOfetchWithTimeout}x (CPU ${o.ratios.cpuOursOverOfetchWithTimeout}x); ours / ofetch sending what ours sends (our headers, \`redirect: "manual"\`, a per-call AbortController and timer, \`JSON.parse\`), that is the SDK's own code: **${o.ratios.oursOverOfetchSameSettings}x**${within(o, "oursOverOfetchSameSettings")} (CPU ${o.ratios.cpuOursOverOfetchSameSettings}x), and those settings cost ofetch ${o.ratios.ourSettingsOverOfetch}x. CPU ours / ofetch: ${o.ratios.cpuOursOverOfetch}x; ours / raw fetch: ${o.ratios.cpuOursOverRawFetch}x. Our two fetch settings alone, on raw fetch: an AbortSignal (every attempt of ours runs under one, for its timeout) ${o.ratios.signalOverRawFetch}x wall, ${o.ratios.cpuSignalOverRawFetch}x CPU; \`redirect: "manual"\` (credentials never follow a redirect) ${o.ratios.redirectManualOverRawFetch}x wall, ${o.ratios.cpuRedirectManualOverRawFetch}x CPU; ofetch without a timeout sets neither. Measured, reported, never asserted. The intervals in brackets are 90 % intervals of a ratio, resampling each client's per-process figures (stats.mjs \`ratioInterval\`): a ratio whose interval straddles its target has not shown, in this run, that the target is met or missed.`,
      "",
    );
  } else if (o?.error) lines.push(`Per-call overhead failed: ${o.error}`, "");
  const cc = r.clientCpu;
  if (cc && !cc.error) {
    lines.push(
      "### Each client's own CPU per call (stub fetch, no network)",
      "",
      `Every client's \`fetch\` is a stub answering the same constant Response at once, so only each library's own work is left; each client in ${cc.processesPerClient} process(es) of its own taking turns, ${cc.rounds} interleaved rounds of ${cc.batch} calls, the CPU that client's process used; median per process, then over processes. "Own" is the figure minus a bare \`fetch\` + \`JSON.parse\`.`,
      "",
      "| client | CPU per call | each process | own CPU per call |",
      "| --- | --- | --- | --- |",
      ...Object.entries(cc.cpuMicrosPerCall).map(
        ([name, us]) =>
          `| ${name} | ${us} µs | ${(cc.cpuMicrosPerCallByProcess?.[name] ?? []).join(", ")} | ${cc.ownMicrosPerCall[name] === undefined ? "-" : `${cc.ownMicrosPerCall[name]} µs`} |`,
      ),
      "",
    );
  } else if (cc?.error) lines.push(`Client CPU failed: ${cc.error}`, "");
  const lts = r.perCallNewestLts;
  if (lts && !lts.error) {
    const row = (node, o, c) =>
      `| ${node} | ${o.ratios.oursOverOfetch}x${within(o, "oursOverOfetch")} | ${o.ratios.oursOverOfetchWithTimeout}x | ${o.ratios.oursOverOfetchSameSettings}x | ${o.ratios.oursOverRawFetch}x${within(o, "oursOverRawFetch")} | ${o.ratios.cpuOursOverOfetch}x | ${o.ratios.cpuSignalOverRawFetch}x | ${o.ratios.cpuRedirectManualOverRawFetch}x | ${c.ownMicrosPerCall.ours} µs | ${c.ownMicrosPerCall.ofetch} µs | ${c.ownMicrosPerCall["ofetch, 300 s timeout"]} µs |`;
    lines.push(
      "### Per-call figures by Node version",
      "",
      `The two tables above ran on the machine's Node (${r.machine.node}); the same scripts ran again under Node ${lts.node} (apps/node-runtimes, \`per-call.mjs\` in a process of its own). The code is the same; what a call costs moves with the runtime (Node 20's \`new AbortController()\` alone takes about 3 µs, Node 22's and 24's about 0.1 µs). In brackets, the ratio's 90 % interval over the processes (as above).`,
      "",
      "| Node | ours / ofetch (wall) | ours / ofetch with the same timeout | ours / ofetch with our fetch settings | ours / raw fetch | CPU ours / ofetch | CPU raw fetch + AbortSignal / raw fetch | CPU raw fetch, redirect manual / raw fetch | ours own CPU (stub fetch) | ofetch own CPU | ofetch + timeout own CPU |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...(o?.ratios && cc?.ownMicrosPerCall ? [row(r.machine.node, o, cc)] : []),
      row(lts.node, lts.overhead, lts.clientCpu),
      "",
    );
  } else if (lts?.error) lines.push(`Per-call figures on the newest LTS failed: ${lts.error}`, "");
  lines.push(
    ...callProfileLines([
      { node: r.machine.node, profile: r.callProfile },
      { node: lts?.node, profile: lts?.callProfile },
    ]),
  );
  if (r.callProfile?.error) lines.push(`The call profile failed: ${r.callProfile.error}`, "");
  const t = r.tokens;
  if (t && !t.error) {
    lines.push(
      "### Tokens for concurrent calls",
      "",
      `${t.concurrentCalls} concurrent execute calls on a fresh client (${t.through}), the emulator in a child process: ${t.succeeded} succeeded; **${t.applicationTokenMints}** application token mint(s), **${t.connectorListRequests}** \`GET /integrations/connectors\` request(s), ${t.executeRequests} execute requests (the emulator's /_emulator/stats), ${t.seconds} s.`,
      "",
    );
  } else if (t?.error) lines.push(`Concurrent calls failed: ${t.error}`, "");
  const h = r.heap;
  if (h && !h.error) {
    lines.push(
      "### Client heap",
      "",
      `Our client pages through ${h.records.toLocaleString("en")} Stripe customers (\`paginate("customers", "list", { limit: ${h.limitAsked} })\`: Stripe's spec caps \`limit\` at 100; the emulator served ${h.pageSizeServed} a page; asking for 1000: ${h.whenAsking1000}) in ${h.pages} pages, ${h.seconds} s wall, ${h.clientCpuSeconds} s CPU in the client's process. The emulator runs in a child process and the client in a process of its own (node --expose-gc, only the client imported), so the heap is the client's; gc before the baseline.`,
      "",
      "| heap baseline | peak growth of heapUsed (sampled every page, garbage not yet collected included) | peak growth of the live heap (after a forced gc, every 10 pages) | after the run, after gc |",
      "| --- | --- | --- | --- |",
      `| ${h.heapBaselineMB} MB | ${h.heapPeakGrowthMB} MB | ${h.liveHeapPeakGrowthMB} MB | ${h.heapRetainedAfterGcMB >= 0 ? "+" : ""}${h.heapRetainedAfterGcMB} MB |`,
      "",
      h.liveHeapPeakGrowthMB < 0
        ? "The live heap never rose above the baseline (the baseline still held objects of the first calls that a later gc freed): the client holds no page once it has been iterated. The heapUsed peak is young-generation garbage between two scavenges, not retained memory."
        : `The live heap rose at most ${h.liveHeapPeakGrowthMB} MB above the baseline over the run (${h.heapRetainedAfterGcMB} MB still there after the last gc); the heapUsed peak adds young-generation garbage between two scavenges, not retained memory.`,
      "",
    );
  } else if (h?.error) lines.push(`Client heap failed: ${h.error}`, "");
  const cn = r.coldStart?.node;
  const cw = r.coldStart?.workerd;
  if (cn || cw) {
    const spread = (c, k) => `${ms(c.medianMs[k])} (${Math.min(...c.runs[k])}–${Math.max(...c.runs[k])})`;
    const ratioText = (ratio) => (ratio === null ? "n/a (ofetch's extra is not above zero)" : `**${ratio}x**`);
    lines.push(
      "### Cold start",
      "",
      "Medians, with the fastest and slowest run in brackets.",
      "",
      "| runtime | empty | ofetch (import + ofetch.create) | ours (import + createClient) | ofetch extra | our extra | ours / ofetch extra |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    const row = (label, c) =>
      !c || c.error
        ? `| ${label} | failed: ${c?.error ?? "not run"} | | | | | |`
        : `| ${label} | ${spread(c, "empty")} | ${spread(c, "ofetch")} | ${spread(c, "ours")} | ${ms(c.extraOverEmptyMs.ofetch)} | ${ms(c.extraOverEmptyMs.ours)} | ${ratioText(c.ratioOursOverOfetchExtra)} |`;
    // The workerd rows of one measurement: as bundled, both minified, and our bytes as a Text module.
    const workerdRows = (label, c) => {
      if (!c || c.error) return [row(label, c)];
      const rows = [row(`${label}, per Worker of ${c.copies} started together, median of ${c.n}`, c)];
      const cm = c.extraOverEmptyMinifiedMs;
      if (cm) {
        const ratio = cm.ofetch > 0 ? Math.round((cm.ours / cm.ofetch) * 100) / 100 : null;
        rows.push(
          `| ${label}, both bundles minified (wrangler deploy --minify) | ${spread(c, "empty")} | ${spread(c, "ofetchMinified")} | ${spread(c, "oursMinified")} | ${ms(cm.ofetch)} | ${ms(cm.ours)} | ${ratioText(ratio)} |`,
        );
      }
      if (c.extraOverEmptyOursBytesAsTextMs !== undefined) {
        rows.push(
          `| ${label}, our bundle's bytes as a Text module (never parsed as JavaScript) | ${spread(c, "empty")} | | ${spread(c, "oursBytesAsText")} | | ${ms(c.extraOverEmptyOursBytesAsTextMs)} | |`,
        );
      }
      if (c.extraOverEmptyOursNeverCalledMs !== undefined) {
        rows.push(
          `| ${label}, our Worker's code inside a function never called (pre-parsed at startup, never run) | ${spread(c, "empty")} | | ${spread(c, "oursNeverCalled")} | | ${ms(c.extraOverEmptyOursNeverCalledMs)} | |`,
        );
      }
      return rows;
    };
    lines.push(
      row(`Node (new process, spawn to exit, median of ${cn?.n})`, cn),
      ...(cn?.cpu ? [row(`Node, CPU time of the process (user + system, median of ${cn.n})`, cn.cpu)] : []),
      ...workerdRows("workerd (the binary, a config file)", cw?.direct ?? cw),
      ...workerdRows("workerd through Miniflare (the dev loop)", cw?.miniflare),
    );
    const d = cw?.direct;
    if (d && !d.error) {
      lines.push(
        "",
        `Interleaved runs (the order rotating). workerd: ${d.how}; through Miniflare: ${cw.miniflare?.how ?? "not run"}. Miniflare serializes every module's bytes in its Node process before workerd starts, so its Text-module row (the same bytes, no JavaScript) is mostly a cost of the dev tool, which the binary's row shows a deployed Worker does not pay. Workers are bundled as a deploy would (esbuild, platform neutral, conditions workerd/worker/browser, not minified, no splitting): ${Object.entries(
          d.bundleBytes,
        )
          .map(([k, v]) => `${k} ${kb(v)}`)
          .join(
            ", ",
          )}${d.catalogBytesInOurs ? `, of which the 51 connector catalogs ${kb(d.catalogBytesInOurs)}` : ""}. Target: our extra ≤ 1.5x ofetch's in workerd, the binary's row (measured, reported, never asserted).`,
      );
    }
    lines.push(
      "",
      ...peerColdStart(
        [
          [`Node, wall`, cn],
          [`Node, CPU`, cn?.cpu],
          [`workerd binary, per Worker`, d],
        ],
        ms,
      ),
    );
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

function renderEmulatorCost(emulator) {
  const { before, beforeSameRun, after, generationSameRun: generation } = emulator;
  const rows = [
    ["CPU per execute, Stripe customers list, limit 5 (ms)", "cpuMsPerExecuteLimit5"],
    ["CPU per execute, Stripe customers list, limit 100 (ms)", "cpuMsPerExecuteLimit100"],
    ["wall time per execute, limit 5 (ms)", "wallMsPerExecuteLimit5"],
    ["page through 100,000 Stripe customers, limit 100 (s, wall)", "paging100kSeconds"],
    ["of which the caller's response.text() + JSON.parse (s)", "pagingCallerParseSeconds"],
    ["of which the emulator's answers (s)", "pagingEmulatorSeconds"],
    ["page through 100,000 Stripe customers (s, CPU of the process)", "paging100kCpuSeconds"],
    ["record generation alone, Stripe customer (µs per record)", "generateMicrosPerRecord"],
    ["a record's JSON written alone, as a list page writes it (µs per record)", "writeMicrosPerRecord"],
  ];
  return [
    "## Emulator cost (apps/bench/emulator-cost.mjs: in-process emulator, raw fetch, no SDK)",
    "",
    `Before (recorded): ${before ? `commit ${before.commit} on ${before.date}, measured with \`${before.command}\`` : "not recorded"}. Before (this run): the same commit built from \`git archive\` and measured in this run. After: the working tree, this run (${results.date}).`,
    "",
    "| figure | before (recorded) | before (this run) | after (this run) |",
    "| --- | --- | --- | --- |",
    ...rows.map(([label, key]) => `| ${label} | ${before?.[key] ?? "n/a"} | ${beforeSameRun?.[key] ?? "n/a"} | ${after[key] ?? "n/a"} |`),
    "",
    generation
      ? `Record generation, both sides in this run (the emulator's src at ${generation.beforeCommit} against the working tree, Stripe customers, CPU): ${generation.beforeMicros} µs → ${generation.afterMicros} µs per record, ${generation.speedup}x faster.`
      : "",
  ]
    .join("\n")
    .trimEnd();
}

function loadAverage() {
  return os.loadavg().map((n) => Math.round(n * 100) / 100);
}

function round(n) {
  return Math.round(n * 100) / 100;
}

/** The cold-start extras beside the peer SDKs' (the same runs, interleaved with ours): one row per runtime. */
function peerColdStart(rows, ms) {
  const measured = rows.filter(([, c]) => c && !c.error && c.peersExtraOverEmptyMs);
  if (measured.length === 0) return [];
  const peers = [...new Set(measured.flatMap(([, c]) => Object.keys(c.peersExtraOverEmptyMs)))];
  const lines = [
    "Beside the peer SDKs (each imported and its client made; extra over the empty script or Worker, medians of the same interleaved runs; in brackets, our extra over theirs):",
    "",
    `| runtime | ofetch | ${peers.join(" | ")} | ours |`,
    `| --- | --- | ${peers.map(() => "---").join(" | ")} | --- |`,
  ];
  for (const [label, c] of measured) {
    const peerCell = (name) => {
      if (c.peersExtraOverEmptyMs[name] === undefined) return c.peersFailed?.[name] ? "did not start" : "n/a";
      const ratio = c.ratioOursOverPeerExtra[name];
      return `${ms(c.peersExtraOverEmptyMs[name])}${ratio === null ? "" : ` (${ratio}x)`}`;
    };
    lines.push(`| ${label} | ${ms(c.extraOverEmptyMs.ofetch)} | ${peers.map(peerCell).join(" | ")} | ${ms(c.extraOverEmptyMs.ours)} |`);
  }
  const failed = Object.entries(Object.assign({}, ...measured.map(([, c]) => c.peersFailed ?? {})));
  if (failed.length > 0) lines.push("", `Did not start on this Node: ${failed.map(([name, why]) => `${name} (${why})`).join("; ")}.`);
  return lines;
}

/** " (0.93–1.05)": a ratio's 90 % interval from the overhead figures, or nothing for results written before it. */
function within(overhead, ratio) {
  const interval = overhead.intervals?.[ratio];
  return interval ? ` (${interval[0]}–${interval[1]})` : "";
}
