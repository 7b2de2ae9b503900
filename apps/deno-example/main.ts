// The shared scenario on Deno.
//
//   deno run --allow-net --allow-env=AIRBYTE_BASE_URL,AIRBYTE_CLIENT_ID,AIRBYTE_CLIENT_SECRET,AIRBYTE_ORGANIZATION_ID main.ts
//
// In this folder there is a package.json, so Deno resolves the bare specifier "@airbyte-agents/core" from
// node_modules (the workspace link pnpm made), exactly like a Deno project that lists the package in its
// package.json. In a project with a deno.json instead, write `import * as core from "npm:@airbyte-agents/core"`.
import * as core from "@airbyte-agents/core";
import { printSteps, runScenario } from "../scenario/scenario.mjs";

const steps = await runScenario(core, {
  baseUrl: Deno.env.get("AIRBYTE_BASE_URL") ?? "http://127.0.0.1:8787",
  clientId: Deno.env.get("AIRBYTE_CLIENT_ID") ?? "airbyte-demo-client",
  clientSecret: Deno.env.get("AIRBYTE_CLIENT_SECRET") ?? "airbyte-demo-secret",
  label: "deno",
});
Deno.exitCode = printSteps(`deno/${Deno.version.deno}`, steps);
