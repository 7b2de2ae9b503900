// Test runner: bundles src/worker.mjs with esbuild, checks the bundle has no Node built-ins and no
// process/Buffer references, starts an emulator on 127.0.0.1:0, loads the bundle into workerd through
// Miniflare (a KV namespace bound as TOKENS, credentials as vars) and runs GET /scenario there with
// dispatchFetch. Then it proves the token store: a second request mints nothing (the isolate's memory
// store), and a fresh Miniflare over the same persisted KV mints nothing either (the KV layer).
// Writes .test-results/workerd.json.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { bundleCheckSteps, PLANTED_SOURCE } from "../scenario/bundle-check.mjs";
import { createSteps, parseSteps, report, reportCrash, userAgentStep } from "../scenario/harness.mjs";
import { buildWorker, workerBuildOptions } from "./build.mjs";

const here = import.meta.dirname;
const ALLOWED_ORIGIN = "http://localhost:5173";
const startedAt = Date.now();
const { steps, check } = createSteps();

let emulator;
let mf;
const kvDir = mkdtempSync(path.join(os.tmpdir(), "airbyte-worker-kv-"));
try {
  // workerd comes with the miniflare package (root devDependency): missing = failure, not a skip.
  const { Miniflare } = await import("miniflare");

  // 1. The bundle, and what it would need from Node (esbuild metafile + process/Buffer probe, self-tested).
  const { outfile, metafile } = await buildWorker();
  console.log(`bundled ${Object.keys(metafile.inputs).length} inputs into ${path.relative(here, outfile)}`);
  const planted = path.join(kvDir, "planted.mjs");
  writeFileSync(planted, PLANTED_SOURCE);
  steps.push(...(await bundleCheckSteps("worker bundle", workerBuildOptions(), planted)).steps);

  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true });
  const options = {
    modules: true,
    scriptPath: outfile,
    compatibilityDate: "2025-01-01",
    bindings: {
      AIRBYTE_BASE_URL: emulator.url,
      AIRBYTE_CLIENT_ID: emulator.clientId,
      AIRBYTE_CLIENT_SECRET: emulator.clientSecret,
      ALLOWED_ORIGINS: ALLOWED_ORIGIN,
    },
    kvNamespaces: ["TOKENS"],
    kvPersist: kvDir,
  };
  const scenario = async (label) => {
    const response = await mf.dispatchFetch("http://localhost/scenario");
    const body = await response.json();
    return { status: response.status, runtime: body.runtime, steps: body.steps ?? parseSteps("", label) };
  };
  const mints = () => emulator.stats().tokenMints.application;

  // 2. The scenario in workerd.
  mf = new Miniflare(options);
  const first = await scenario("workerd");
  steps.push(...first.steps.map((s) => ({ ...s, name: `workerd: ${s.name}` })));
  check(
    "workerd: ran in workerd (navigator.userAgent)",
    first.runtime === "Cloudflare-Workers",
    `navigator.userAgent was ${first.runtime}`,
  );
  steps.push(await userAgentStep(emulator, "workerd: the emulator saw core on workerd", /\(workerd\)$/));
  const kv = await mf.getKVNamespace("TOKENS");
  const keys = (await kv.list()).keys.map((k) => k.name);
  check(
    "workerd: the application token is in KV",
    keys.some((k) => k.endsWith(":app")),
    `KV keys: ${JSON.stringify(keys)}`,
  );
  const mintedFirst = mints();
  check("workerd: one application token minted", mintedFirst === 1, `minted ${mintedFirst}`);

  // 3. Same isolate, new request, new client: the module-level memory store answers.
  const second = await scenario("workerd");
  check(
    "workerd: a second request reuses the token (memory store)",
    second.steps.every((s) => s.ok) && mints() === mintedFirst,
    `steps ok: ${second.steps.every((s) => s.ok)}, application mints ${mintedFirst} → ${mints()}`,
  );

  // 4. A new workerd (empty memory) over the same persisted KV: the KV layer answers.
  await mf.dispose();
  mf = new Miniflare(options);
  const third = await scenario("workerd");
  check(
    "workerd: a new isolate reuses the token from KV",
    third.steps.every((s) => s.ok) && mints() === mintedFirst,
    `steps ok: ${third.steps.every((s) => s.ok)}, application mints ${mintedFirst} → ${mints()}`,
  );

  // 5. The widget-token route (core's createWidgetTokenHandler): an allowed origin gets a token bound to it,
  // another origin gets a 403.
  const tokenFor = (origin) => mf.dispatchFetch("http://localhost/api/airbyte/widget-token", { method: "POST", headers: { origin } });
  const allowed = await tokenFor(ALLOWED_ORIGIN);
  const allowedBody = await allowed.json().catch(() => ({}));
  let boundTo;
  try {
    const inner = JSON.parse(atob(allowedBody.token)).token;
    boundTo = JSON.parse(Buffer.from(inner.split(".")[1], "base64url").toString()).allowed_origin;
  } catch {
    boundTo = undefined;
  }
  check(
    "workerd: POST /api/airbyte/widget-token mints a widget token for an allowed origin",
    allowed.status === 200 && typeof allowedBody.token === "string" && boundTo === ALLOWED_ORIGIN && mints() === mintedFirst,
    `${allowed.status} ${JSON.stringify(allowedBody).slice(0, 200)}, bound to ${boundTo}, application mints ${mintedFirst} → ${mints()}`,
  );
  const refused = await tokenFor("https://evil.example");
  check(
    "workerd: the widget-token route refuses another origin (403)",
    refused.status === 403,
    `${refused.status} ${await refused.text()}`,
  );

  process.exitCode = report(here, "workerd", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "workerd", error, steps);
} finally {
  await mf?.dispose();
  await emulator?.close();
  rmSync(kvDir, { recursive: true, force: true });
}
