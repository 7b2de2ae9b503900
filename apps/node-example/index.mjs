// The shared scenario on Node, as an ES module.
//
//   npx airbyte-agents-emulator --port 8787          # in another terminal
//   AIRBYTE_BASE_URL=http://127.0.0.1:8787 AIRBYTE_CLIENT_ID=airbyte-demo-client \
//     AIRBYTE_CLIENT_SECRET=airbyte-demo-secret node index.mjs
import * as core from "@airbyte-agents/core";
import { printSteps, runScenario } from "../scenario/scenario.mjs";

const steps = await runScenario(core, {
  baseUrl: process.env.AIRBYTE_BASE_URL ?? "http://127.0.0.1:8787",
  clientId: process.env.AIRBYTE_CLIENT_ID ?? "airbyte-demo-client",
  clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? "airbyte-demo-secret",
  label: "node-esm",
});
process.exitCode = printSteps("node-esm", steps);
