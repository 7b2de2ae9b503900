// What one execute costs the emulator itself: CPU per call, the time to page through 100,000 records, and record
// generation alone. Raw fetch against the in-process app (no SDK, no sockets) so the SDK's own work is not counted.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
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
  // The caller's side of each answer (reading the body as text and JSON.parse), timed apart from the emulator's.
  let callerMs = 0;
  const call = async (url, init) => {
    const response = await emuFetch(`${BASE}${url}`, init);
    const started = performance.now();
    const parsed = JSON.parse(await response.text());
    callerMs += performance.now() - started;
    return parsed;
  };
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

  // 100,000 records in pages of 100, Stripe's maximum `limit` (a larger one is a 422, as the spec says).
  let records = 0;
  let pages = 0;
  let after;
  callerMs = 0;
  const started = performance.now();
  const pagingCpu = process.cpuUsage();
  for (;;) {
    const page = await execute({ limit: 100, ...(after ? { starting_after: after } : {}) });
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
    // Of paging100kSeconds: the caller's response.text() + JSON.parse, and the rest (the emulator's answers).
    pagingCallerParseSeconds: round(callerMs / 1000, 2),
    pagingEmulatorSeconds: round(pagingSeconds - callerMs / 1000, 2),
    pagingRecords: records,
    pagingPages: pages,
    // Generation from this checkout's sources; another commit's comes from generationBeforeAfter.
    ...(generation
      ? {
          generateMicrosPerRecord: round(await generationMicros(emulatorRoot), 2),
          writeMicrosPerRecord: round(await generationMicros(emulatorRoot, "write"), 2),
        }
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
 * Record generation before and after in one run, so both sides see the same machine: the emulator's sources at
 * `commit` (git archive: generate.ts imports more of src/ than it once did) against the working tree's.
 */
export async function generationBeforeAfter(commit) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-generate-"));
  try {
    const repo = path.join(here, "../..");
    execFileSync("sh", ["-c", `git archive ${commit} packages/emulator/src | tar -x -C "${dir}"`], { cwd: repo });
    const before = await generationMicros(path.join(dir, "packages/emulator"));
    const after = await generationMicros(emulatorRoot);
    return { beforeCommit: commit, beforeMicros: round(before, 2), afterMicros: round(after, 2), speedup: round(before / after, 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Record generation from the emulator's sources under `root` (bundled on the fly: it is not a public export), over
// Stripe customers, in CPU microseconds per record: generateRecord (the record as an object), or with "write"
// writeRecord (its JSON written into a byte buffer, as a list page writes untouched records), where `root` has it.
async function generationMicros(root, mode = "object") {
  const writes = existsSync(path.join(root, "src/records/json-out.ts"));
  if (mode === "write" && !writes) return Number.NaN;
  const contents = `export * from "./src/records/generate.ts";${writes ? ` export { JsonOut } from "./src/records/json-out.ts";` : ""}`;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  const source = result.outputFiles[0].text;
  const { generateRecord, writeRecord, JsonOut, idStyleOf } = await import(
    `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`
  );
  const stripe = JSON.parse(readFileSync(path.join(emulatorRoot, "src/catalog/generated/connectors/stripe.json"), "utf8"));
  const entity = stripe.entities.find((e) => e.name === "customers");
  const schema = entity.actions.find((a) => a.action === "list").record;
  const style = idStyleOf("customers", schema);
  const out = writes ? new JsonOut(1 << 16) : undefined;
  const make =
    mode === "write"
      ? (s, seed, i, st) => {
          out.length = 0;
          writeRecord(s, seed, i, st, out);
        }
      : generateRecord;
  const n = 20_000;
  for (let i = 0; i < 2_000; i++) make(schema, "bench", i, style);
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) make(schema, "bench", i, style);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / n;
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
