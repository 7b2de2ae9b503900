// Test runner: starts an emulator on 127.0.0.1:0, runs main.ts with the real `deno` binary (the `deno`
// npm package at the repo root) against it, and writes .test-results/deno.json. No deno binary = failure.
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { findBinary, parseSteps, report, reportCrash, run, userAgentStep } from "../scenario/harness.mjs";

const here = import.meta.dirname;
const startedAt = Date.now();
const steps = [];
let emulator;
try {
  const deno = findBinary("deno", here);
  const version = await run(deno, ["--version"], { echo: false });
  console.log(`${deno}: ${version.stdout.split("\n")[0]}`);
  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true });
  const env = {
    AIRBYTE_BASE_URL: emulator.url,
    AIRBYTE_CLIENT_ID: emulator.clientId,
    AIRBYTE_CLIENT_SECRET: emulator.clientSecret,
    DENO_NO_UPDATE_CHECK: "1",
    NO_COLOR: "1",
  };
  const args = [
    "run",
    "--no-prompt",
    "--allow-net=127.0.0.1",
    "--allow-env=AIRBYTE_BASE_URL,AIRBYTE_CLIENT_ID,AIRBYTE_CLIENT_SECRET,AIRBYTE_ORGANIZATION_ID",
    path.join(here, "main.ts"),
  ];
  console.log(`$ deno ${args.join(" ")}`);
  const result = await run(deno, args, { cwd: here, env });
  steps.push(...parseSteps(result.stdout, "deno").map((s) => ({ ...s, name: `deno: ${s.name}` })));
  steps.push(await userAgentStep(emulator, "deno: the emulator saw core on Deno", /\(deno\/\d+\.\d+\.\d+\)$/));
  if (result.code !== 0 && steps.every((s) => s.ok)) steps.push({ name: "deno: exit code", ok: false, error: `exit ${result.code}` });
  process.exitCode = report(here, "deno", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "deno", error, steps);
} finally {
  await emulator?.close();
}
