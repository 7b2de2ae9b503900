// Test runner: starts an emulator on 127.0.0.1:0, runs index.mjs and index.cjs against it with the Node running
// this file and with Node 22 and 24 (apps/node-runtimes), and writes .test-results/node.json (one test per
// scenario step and Node).
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { nodeRuntimes } from "@airbyte-agents/node-runtimes";
import { parseSteps, report, reportCrash, run, userAgentStep } from "../scenario/harness.mjs";

const here = import.meta.dirname;
const startedAt = Date.now();
const steps = [];
let emulator;
try {
  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true });
  const env = { AIRBYTE_BASE_URL: emulator.url, AIRBYTE_CLIENT_ID: emulator.clientId, AIRBYTE_CLIENT_SECRET: emulator.clientSecret };
  const nodes = [{ label: "node", version: process.versions.node, binary: process.execPath }, ...nodeRuntimes()];
  for (const node of nodes) {
    for (const [format, file] of [
      ["esm", "index.mjs"],
      ["cjs", "index.cjs"],
    ]) {
      const label = `${node.label}-${format}`;
      const since = (await emulator.requests()).length;
      console.log(`$ node ${file}   (Node ${node.version})`);
      const result = await run(node.binary, [path.join(here, file)], { cwd: here, env });
      steps.push(...parseSteps(result.stdout, label).map((s) => ({ ...s, name: `${label}: ${s.name}` })));
      // The User-Agent proves which Node ran it: core reports process.version.
      const userAgent = new RegExp(`\\(node/${node.version.replaceAll(".", "\\.")}\\)$`);
      steps.push(await userAgentStep(emulator, `${label}: the emulator saw core on Node ${node.version}`, userAgent, { since }));
      if (result.code !== 0 && steps.every((s) => s.ok))
        steps.push({ name: `${label}: exit code`, ok: false, error: `exit ${result.code}` });
    }
  }
  process.exitCode = report(here, "node", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "node", error, steps);
} finally {
  await emulator?.close();
}
