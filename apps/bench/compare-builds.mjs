// Compares builds of @airbyte-agents/core per execute, over the fixed loopback server (fixed-server.mjs, in a child
// process), beside ofetch: is a change to the request path faster or not? The bench's overhead.mjs interleaves eight
// clients, whose garbage lands on whoever runs next; two or three builds of ours and ofetch alone tell a few
// microseconds apart more steadily.
//
//   cp -r packages/core/dist /tmp/core-before     (before the change, after `pnpm --filter @airbyte-agents/core build`)
//   ... change, build again ...
//   node apps/bench/compare-builds.mjs /tmp/core-before packages/core/dist
//
// Each argument is a core dist folder (its index.js is imported). Interleaved rounds (41 of 100 calls, the order
// rotating), medians of wall time and of CPU (process.cpuUsage) per call, each over ofetch's. Run it under another
// Node to compare there (the binary from apps/node-runtimes, say).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ofetch } from "ofetch";
import { startChild } from "./child.mjs";
import { median } from "./stats.mjs";

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node compare-builds.mjs <core dist folder> [<core dist folder>...]");
  process.exit(2);
}

const ROUNDS = 41;
const BATCH = 100;
const fixed = await startChild("fixed");
try {
  const url = `${fixed.url}/api/v1/integrations/connectors/${fixed.connectorId}/execute`;
  const minted = await fetch(`${fixed.url}/api/v1/account/applications/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: fixed.clientId, client_secret: fixed.clientSecret }),
  });
  const token = JSON.parse(await minted.text()).access_token;
  const body = { entity: "customers", action: "list", params: { limit: 5 } };
  const clients = {
    ofetch: async () => (await ofetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body })).result,
  };
  for (const dir of dirs) {
    const { createClient } = await import(pathToFileURL(path.resolve(dir, "index.js")).href);
    const client = createClient({ baseUrl: fixed.url, clientId: fixed.clientId, clientSecret: fixed.clientSecret, logLevel: "off" });
    const handle = client.workspace().connector({ connectorId: fixed.connectorId });
    clients[dir] = async () => (await handle.execute("customers", "list", { limit: 5 })).data;
  }
  const names = Object.keys(clients);
  for (const name of names) {
    const records = await clients[name]();
    if (!Array.isArray(records) || records.length !== fixed.records) throw new Error(`${name}: expected ${fixed.records} records`);
    for (let i = 0; i < 3 * BATCH; i++) await clients[name]();
  }
  const perRound = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < BATCH; i++) await clients[name]();
      const used = process.cpuUsage(cpu);
      perRound[name].wall.push((performance.now() - start) / BATCH);
      perRound[name].cpu.push((used.user + used.system) / BATCH);
    }
  }
  const wall = (name) => median(perRound[name].wall);
  const cpu = (name) => median(perRound[name].cpu);
  console.log(`node ${process.version}, ${ROUNDS} interleaved rounds of ${BATCH} calls, medians`);
  for (const name of names) {
    const ratios = `wall ${(wall(name) / wall("ofetch")).toFixed(3)}x, cpu ${(cpu(name) / cpu("ofetch")).toFixed(3)}x ofetch`;
    console.log(
      `${name.padEnd(24)} ${(wall(name) * 1000).toFixed(0).padStart(5)} µs wall ${cpu(name).toFixed(0).padStart(5)} µs cpu  (${ratios})`,
    );
  }
} finally {
  await fixed.stop();
}
