// The shared scenario on Bun.
//
//   AIRBYTE_BASE_URL=http://127.0.0.1:8787 bun run index.ts
import * as core from "@airbyte-agents/core";
import { printSteps, runScenario } from "../scenario/scenario.mjs";

const steps = await runScenario(core, {
  baseUrl: Bun.env.AIRBYTE_BASE_URL ?? "http://127.0.0.1:8787",
  clientId: Bun.env.AIRBYTE_CLIENT_ID ?? "airbyte-demo-client",
  clientSecret: Bun.env.AIRBYTE_CLIENT_SECRET ?? "airbyte-demo-secret",
  label: "bun",
});
process.exitCode = printSteps(`bun/${Bun.version}`, steps);
