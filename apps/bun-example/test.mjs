// Test runner: starts an emulator on 127.0.0.1:0, runs index.ts with the real `bun` binary (the `bun` npm
// package at the repo root) against it, and writes .test-results/bun.json. No bun binary = failure.
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { findBinary, parseSteps, report, reportCrash, run, userAgentStep } from "../scenario/harness.mjs";

const here = import.meta.dirname;
const startedAt = Date.now();
const steps = [];
let emulator;
try {
  const bun = findBinary("bun", here);
  const version = await run(bun, ["--version"], { echo: false });
  console.log(`${bun}: bun ${version.stdout.trim()}`);
  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true });
  const env = {
    AIRBYTE_BASE_URL: emulator.url,
    AIRBYTE_CLIENT_ID: emulator.clientId,
    AIRBYTE_CLIENT_SECRET: emulator.clientSecret,
    NO_COLOR: "1",
  };
  console.log("$ bun run index.ts");
  const result = await run(bun, ["run", path.join(here, "index.ts")], { cwd: here, env });
  steps.push(...parseSteps(result.stdout, "bun").map((s) => ({ ...s, name: `bun: ${s.name}` })));
  steps.push(await userAgentStep(emulator, "bun: the emulator saw core on Bun", /\(bun\/\d+\.\d+\.\d+\)$/));
  if (result.code !== 0 && steps.every((s) => s.ok)) steps.push({ name: "bun: exit code", ok: false, error: `exit ${result.code}` });
  process.exitCode = report(here, "bun", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "bun", error, steps);
} finally {
  await emulator?.close();
}
