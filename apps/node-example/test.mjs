// Test runner: starts an emulator on 127.0.0.1:0, runs index.mjs and index.cjs with `node` against it,
// and writes .test-results/node.json (one test per scenario step).
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { parseSteps, report, reportCrash, run, userAgentStep } from "../scenario/harness.mjs";

const here = import.meta.dirname;
const startedAt = Date.now();
const steps = [];
let emulator;
try {
  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true });
  const env = { AIRBYTE_BASE_URL: emulator.url, AIRBYTE_CLIENT_ID: emulator.clientId, AIRBYTE_CLIENT_SECRET: emulator.clientSecret };
  for (const [label, file] of [
    ["node-esm", "index.mjs"],
    ["node-cjs", "index.cjs"],
  ]) {
    const since = (await emulator.requests()).length;
    console.log(`$ node ${file}`);
    const result = await run(process.execPath, [path.join(here, file)], { cwd: here, env });
    steps.push(...parseSteps(result.stdout, label).map((s) => ({ ...s, name: `${label}: ${s.name}` })));
    steps.push(await userAgentStep(emulator, `${label}: the emulator saw core on Node`, /\(node\/\d+\.\d+\.\d+\)$/, { since }));
    if (result.code !== 0 && steps.every((s) => s.ok)) steps.push({ name: `${label}: exit code`, ok: false, error: `exit ${result.code}` });
  }
  process.exitCode = report(here, "node", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "node", error, steps);
} finally {
  await emulator?.close();
}
