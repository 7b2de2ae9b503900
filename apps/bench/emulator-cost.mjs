// What one execute costs the emulator itself: CPU per call, the time to page through 100,000 records, and record
// generation alone. Raw fetch against the in-process app (no SDK, no sockets) so the SDK's own work is not counted.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const emulatorRoot = path.join(here, "../../packages/emulator");
const BASE = "http://emulator.local";

/** The emulator's cost; `app` names the module to measure (the built package, or a build of an earlier commit). */
export async function measureEmulator(app = "@airbyte-agents/emulator/app", { generation = true } = {}) {
  const { createEmulatorApp } = await import(app);
  const { createClient } = await import("@airbyte-agents/core");
  const emulator = createEmulatorApp({ recordCounts: { "stripe.customers": 100_000 } });
  const emuFetch = (input, init) => emulator.fetch(new Request(input, init));
  // The SDK only finds the token and the seeded Stripe connector; every measured call below is a raw fetch.
  const client = createClient({
    baseUrl: BASE,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    fetch: emuFetch,
    logLevel: "off",
  });
  const token = (await client.tokens.application()).token;
  const stripeId = await client.workspace().connector("stripe").id();
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const call = (url, init) => emuFetch(`${BASE}${url}`, init).then((r) => r.json());
  const execute = (params) =>
    call(`/api/v1/integrations/connectors/${stripeId}/execute`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ entity: "customers", action: "list", params }),
    });

  // CPU (user + system) per call, after a warm-up so JIT compilation and first-use caches are not counted.
  async function cpuPerExecute(params, n) {
    for (let i = 0; i < 50; i++) await execute(params);
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < n; i++) await execute(params);
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000 / n, wallMs: (performance.now() - wall) / n };
  }
  const small = await cpuPerExecute({ limit: 5 }, 500);
  const large = await cpuPerExecute({ limit: 100 }, 100);

  // 100,000 records, asking for 1,000 a time; Stripe's spec caps `limit` at 100, so the emulator answers 100 per page.
  let records = 0;
  let pages = 0;
  let after;
  const started = performance.now();
  const pagingCpu = process.cpuUsage();
  for (;;) {
    const page = await execute({ limit: 1000, ...(after ? { starting_after: after } : {}) });
    const data = Array.isArray(page.result) ? page.result : (page.result?.data ?? []);
    records += data.length;
    pages++;
    if (!page.connector_metadata?.has_more || data.length === 0) break;
    after = data[data.length - 1].id;
  }
  const pagingSeconds = (performance.now() - started) / 1000;
  const pagingCpuUsed = process.cpuUsage(pagingCpu);

  return {
    cpuMsPerExecuteLimit5: round(small.cpuMs, 3),
    wallMsPerExecuteLimit5: round(small.wallMs, 3),
    cpuMsPerExecuteLimit100: round(large.cpuMs, 3),
    paging100kSeconds: round(pagingSeconds, 2),
    // CPU of this process (emulator and the bench's own JSON parsing), less sensitive than wall time to a busy machine.
    paging100kCpuSeconds: round((pagingCpuUsed.user + pagingCpuUsed.system) / 1e6, 2),
    pagingRecords: records,
    pagingPages: pages,
    // Generation from this checkout's sources; another commit's comes from generationBeforeAfter.
    ...(generation
      ? { generateMicrosPerRecord: round(await generationMicros(path.join(emulatorRoot, "src/records/generate.ts")), 2) }
      : {}),
  };
}

/**
 * The emulator as it was at `commit`, built into a temporary directory (git archive, then tsup with this checkout's
 * dependencies), so a run can measure before and after on the same machine at the same time.
 */
export function buildEmulatorAt(commit) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-emulator-"));
  const repo = path.join(here, "../..");
  execFileSync("sh", ["-c", `git archive ${commit} packages/emulator tsconfig.json | tar -x -C "${dir}"`], { cwd: repo });
  symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"));
  symlinkSync(path.join(emulatorRoot, "node_modules"), path.join(dir, "packages/emulator/node_modules"));
  execFileSync(path.join(repo, "node_modules/.bin/tsup"), [], { cwd: path.join(dir, "packages/emulator"), stdio: "ignore" });
  return {
    app: pathToFileURL(path.join(dir, "packages/emulator/dist/app.js")).href,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Record generation before and after in one run, so both sides see the same machine: the sources of
 * generate.ts and random.ts at `commit` (read with git show) against the working tree's.
 */
export async function generationBeforeAfter(commit) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-generate-"));
  try {
    for (const file of ["src/records/generate.ts", "src/random.ts", "src/catalog/types.ts"]) {
      const text = execFileSync("git", ["show", `${commit}:packages/emulator/${file}`], { cwd: here, maxBuffer: 1 << 24 });
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const before = await generationMicros(path.join(dir, "src/records/generate.ts"));
    const after = await generationMicros(path.join(emulatorRoot, "src/records/generate.ts"));
    return { beforeCommit: commit, beforeMicros: round(before, 2), afterMicros: round(after, 2), speedup: round(before / after, 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// generateRecord from the emulator's sources (bundled on the fly: it is not a public export), over Stripe customers:
// CPU microseconds per record.
async function generationMicros(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  const source = result.outputFiles[0].text;
  const { generateRecord, idStyleOf } = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  const stripe = JSON.parse(readFileSync(path.join(emulatorRoot, "src/catalog/generated/connectors/stripe.json"), "utf8"));
  const entity = stripe.entities.find((e) => e.name === "customers");
  const schema = entity.actions.find((a) => a.action === "list").record;
  const style = idStyleOf("customers", schema);
  const n = 20_000;
  for (let i = 0; i < 2_000; i++) generateRecord(schema, "bench", i, style);
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) generateRecord(schema, "bench", i, style);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / n;
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
