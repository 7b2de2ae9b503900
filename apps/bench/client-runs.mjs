// Our client against the real emulator, the emulator in a child process (child.mjs emulator): token mints and
// connector-list requests for concurrent calls, and the client's heap over a long pagination. The heap is measured
// in a process of its own that holds only the client (`measureHeapInChild`, running this file), so nothing the
// bench did before (the in-process emulator of emulator-cost.mjs, the size flows) sits in its baseline.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient } from "@airbyte-agents/core";

const stats = async (emu) => (await fetch(`${emu.url}/_emulator/stats`)).json();
const LIST = "GET /api/v1/integrations/connectors";
const EXECUTE = "POST /api/v1/integrations/connectors/:id/execute";

/** `calls` concurrent execute calls, each through its own `connector("stripe")` handle, on a fresh client. */
export async function measureConcurrency(emu, calls) {
  const before = await stats(emu);
  const client = createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret, logLevel: "off" });
  const ws = client.workspace();
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: calls }, () => ws.connector("stripe").execute("customers", "list", { limit: 1 })),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await stats(emu);
  const delta = (key) => (after.routes[key] ?? 0) - (before.routes[key] ?? 0);
  const failed = results.filter((r) => r.status === "rejected");
  return {
    concurrentCalls: calls,
    through: 'a fresh createClient(), workspace().connector("stripe") per call, execute customers list limit 1',
    succeeded: calls - failed.length,
    failed: failed.length,
    firstError: failed[0] ? String(failed[0].reason?.message ?? failed[0].reason) : undefined,
    applicationTokenMints: after.tokenMints.application - before.tokenMints.application,
    scopedTokenMints: after.tokenMints.scoped - before.tokenMints.scoped,
    connectorListRequests: delta(LIST),
    executeRequests: delta(EXECUTE),
    seconds: Math.round(seconds * 100) / 100,
  };
}

/** Pages through `records` Stripe customers, asking 100 a page, sampling this process's heap after every page. */
export async function measureHeap(emu, records) {
  const client = createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret, logLevel: "off" });
  const stripe = client.workspace().connector("stripe");
  // What the emulator serves for the limit asked (Stripe's spec caps limit at 100), before the baseline.
  const asked = 100;
  const served = (await stripe.execute("customers", "list", { limit: asked })).data.length;
  const whenAsking1000 = await stripe.execute("customers", "list", { limit: 1000 }).then(
    (page) => `${page.data.length} served`,
    (error) => `refused by the client before sending (${String(error?.message ?? error).split("\n")[0]})`,
  );
  const before = await stats(emu);
  await settle();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let livePeak = 0;
  let count = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const _customer of stripe.paginate("customers", "list", { limit: asked })) {
    count++;
    if (count % asked === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    // Every 10 pages, the live heap too (after a forced gc): what the client really holds.
    if (count % (asked * 10) === 0 && global.gc) {
      global.gc();
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
    }
    if (count >= records) break;
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const after = await stats(emu);
  await settle();
  const retained = process.memoryUsage().heapUsed - baseline;
  const MB = 2 ** 20;
  return {
    records: count,
    pages: (after.routes[EXECUTE] ?? 0) - (before.routes[EXECUTE] ?? 0),
    limitAsked: asked,
    pageSizeServed: served,
    whenAsking1000,
    seconds: Math.round(seconds * 100) / 100,
    heapBaselineMB: round2(baseline / MB),
    clientCpuSeconds: round2((used.user + used.system) / 1e6),
    heapPeakGrowthMB: round2((peak - baseline) / MB),
    liveHeapPeakGrowthMB: livePeak ? round2((livePeak - baseline) / MB) : null,
    heapRetainedAfterGcMB: round2(retained / MB),
    sampledEvery: `heapUsed after every page (${asked} records), includes garbage not yet collected; live heap after a forced gc every 10 pages`,
    gcAvailable: typeof global.gc === "function",
  };
}

// A full gc, a turn for finalizers and sockets to close, and another gc: a baseline that later gcs do not undercut.
async function settle() {
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
  global.gc?.();
}

function round2(n) {
  return Math.round(n * 100) / 100;
}

/** measureHeap in a fresh `node --expose-gc` process that imports only our client. */
export function measureHeapInChild(emu, records) {
  const args = ["--expose-gc", fileURLToPath(import.meta.url), "heap", JSON.stringify({ emu, records })];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`heap process failed: ${stderr || error.message}`));
      else resolve({ ...JSON.parse(stdout), process: "its own node --expose-gc process, holding only the client" });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "heap") {
  const { emu, records } = JSON.parse(process.argv[3]);
  process.stdout.write(JSON.stringify(await measureHeap(emu, records)));
}
