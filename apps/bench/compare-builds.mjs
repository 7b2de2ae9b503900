// Compares builds of @airbyte-agents/core per execute, over the fixed loopback server (fixed-server.mjs, in a child
// process), each against ofetch: is a change to the request path faster or not?
//
//   cp -r packages/core/dist /tmp/core-before     (before the change, after `pnpm --filter @airbyte-agents/core build`)
//   ... change, build again ...
//   node apps/bench/compare-builds.mjs /tmp/core-before packages/core/dist
//
// Each build runs in a process of its own, beside ofetch (interleaved batches, the order rotating), and the builds'
// processes take turns, five each: builds loaded into one process share ofetch's code, and the one that ran its
// requests through it first shaped how V8 optimized it for the others (two copies of one build, side by side in one
// process, differed by up to 10 %). Reported per build: the median over its processes of ours over ofetch, wall time
// and CPU (process.cpuUsage), and each process's ratio. Run it under another Node to compare there.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startChild } from "./child.mjs";
import { median } from "./stats.mjs";

const here = fileURLToPath(import.meta.url);
const TURNS = 5;
const ROUNDS = 21;
const BATCH = 100;

/** In a child: one build beside ofetch against the server; prints `{ wall, cpu }`, each ours over ofetch. */
async function measureOne(dir, server) {
  const { ofetch } = await import("ofetch");
  const { createClient } = await import(pathToFileURL(path.resolve(dir, "index.js")).href);
  const url = `${server.url}/api/v1/integrations/connectors/${server.connectorId}/execute`;
  const minted = await fetch(`${server.url}/api/v1/account/applications/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: server.clientId, client_secret: server.clientSecret }),
  });
  const token = JSON.parse(await minted.text()).access_token;
  const body = { entity: "customers", action: "list", params: { limit: 5 } };
  const client = createClient({ baseUrl: server.url, clientId: server.clientId, clientSecret: server.clientSecret, logLevel: "off" });
  const handle = client.workspace().connector({ connectorId: server.connectorId });
  const clients = {
    ofetch: async () => (await ofetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body })).result,
    ours: async () => (await handle.execute("customers", "list", { limit: 5 })).data,
  };
  const names = Object.keys(clients);
  for (const name of names) {
    const records = await clients[name]();
    if (!Array.isArray(records) || records.length !== server.records) throw new Error(`${name}: expected ${server.records} records`);
    for (let i = 0; i < 3 * BATCH; i++) await clients[name]();
  }
  const perRound = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < BATCH; i++) await clients[name]();
      const used = process.cpuUsage(cpu);
      perRound[name].wall.push(performance.now() - start);
      perRound[name].cpu.push(used.user + used.system);
    }
  }
  const ratio = (kind) => median(perRound.ours[kind]) / median(perRound.ofetch[kind]);
  process.stdout.write(`${JSON.stringify({ wall: ratio("wall"), cpu: ratio("cpu") })}\n`);
}

function runChild(dir, server) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here, "--child", dir, JSON.stringify(server)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`${dir}: exited with ${code}`))));
  });
}

if (process.argv[2] === "--child") {
  await measureOne(process.argv[3], JSON.parse(process.argv[4]));
} else {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error("usage: node compare-builds.mjs <core dist folder> [<core dist folder>...]");
    process.exit(2);
  }
  const fixed = await startChild("fixed");
  try {
    const server = {
      url: fixed.url,
      connectorId: fixed.connectorId,
      clientId: fixed.clientId,
      clientSecret: fixed.clientSecret,
      records: fixed.records,
    };
    const runs = Object.fromEntries(dirs.map((dir) => [dir, []]));
    for (let turn = 0; turn < TURNS; turn++) for (const dir of dirs) runs[dir].push(await runChild(dir, server));
    console.log(
      `node ${process.version}: per build, ${TURNS} processes taking turns, each ${ROUNDS} rounds of ${BATCH} calls beside ofetch`,
    );
    for (const dir of dirs) {
      const wall = median(runs[dir].map((r) => r.wall));
      const cpu = median(runs[dir].map((r) => r.cpu));
      const each = runs[dir].map((r) => r.wall.toFixed(3)).join(" ");
      console.log(`${dir}: ours/ofetch wall ${wall.toFixed(3)}x, cpu ${cpu.toFixed(3)}x (wall per process: ${each})`);
    }
  } finally {
    await fixed.stop();
  }
}
