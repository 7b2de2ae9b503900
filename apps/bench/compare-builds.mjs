// Compares builds of @airbyte-agents/core per execute, over the fixed loopback server (fixed-server.mjs, in a child
// process), each against ofetch: is a change to the request path faster or not?
//
//   cp -r packages/core/dist /tmp/core-before     (before the change, after `pnpm --filter @airbyte-agents/core build`)
//   ... change, build again ...
//   node apps/bench/compare-builds.mjs /tmp/core-before packages/core/dist
//
// Every build and ofetch run in processes of their own, taking turns (client-process.mjs): builds loaded into one
// process share ofetch's code, and the one that ran its requests through it first shaped how V8 optimized it for
// the others (two copies of one build, side by side in one process, differed by up to 10 %). Reported per build:
// the median over its processes, wall time and CPU (process.cpuUsage of its process), over ofetch's, and each
// process's figure. Run it under another Node to compare there.
import { startChild } from "./child.mjs";
import { measureInProcesses } from "./client-process.mjs";
import { ratioInterval } from "./stats.mjs";

const PROCESSES = 5;
const ROUNDS = 40;
const BATCH = 100;
const WARMUP = 300;

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node compare-builds.mjs <core dist folder> [<core dist folder>...]");
  process.exit(2);
}
const fixed = await startChild("fixed");
try {
  const minted = await fetch(`${fixed.url}/api/v1/account/applications/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: fixed.clientId, client_secret: fixed.clientSecret }),
  });
  const target = {
    url: `${fixed.url}/api/v1/integrations/connectors/${fixed.connectorId}/execute`,
    baseUrl: fixed.url,
    connectorId: fixed.connectorId,
    clientId: fixed.clientId,
    clientSecret: fixed.clientSecret,
    token: JSON.parse(await minted.text()).access_token,
    records: fixed.records,
  };
  // Keyed by position, so one folder given twice (an A/A run, to see the noise) is measured twice.
  const names = dirs.map((dir, i) => `${i + 1}. ${dir}`);
  const clients = { ofetch: { client: "ofetch" }, ...Object.fromEntries(dirs.map((dir, i) => [names[i], { client: "ours", core: dir }])) };
  const measured = await measureInProcesses(clients, target, { rounds: ROUNDS, batch: BATCH, warmup: WARMUP, processes: PROCESSES });
  console.log(
    `node ${process.version}: ofetch and each build in ${PROCESSES} processes of their own taking turns, ${ROUNDS} rounds of ${BATCH} calls`,
  );
  const base = measured.ofetch;
  console.log(`ofetch: ${base.medianWall.toFixed(4)} ms a call (per process: ${base.byProcess.map((r) => r.wall.toFixed(4)).join(" ")})`);
  for (const name of names) {
    const m = measured[name];
    const each = m.byProcess.map((r) => r.wall.toFixed(4)).join(" ");
    console.log(
      `${name}: ours/ofetch wall ${(m.medianWall / base.medianWall).toFixed(3)}x ${span(m, base, "wall")}, cpu ${(m.medianCpu / base.medianCpu).toFixed(3)}x ${span(m, base, "cpu")} (ms a call per process: ${each})`,
    );
  }
} finally {
  await fixed.stop();
}

// A ratio's 90 % interval, resampling each side's per-process figures (stats.mjs).
function span(m, base, figure) {
  const [low, high] = ratioInterval(
    m.byProcess.map((r) => r[figure]),
    base.byProcess.map((r) => r[figure]),
  );
  return `[${low.toFixed(3)}–${high.toFixed(3)}]`;
}
