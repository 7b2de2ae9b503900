// The shared scenario on Node, as CommonJS: `require("@airbyte-agents/core")` loads the package's CJS build.
//
//   AIRBYTE_BASE_URL=http://127.0.0.1:8787 node index.cjs
const core = require("@airbyte-agents/core");

async function main() {
  // The scenario is shared as ESM; CommonJS loads it with import().
  const { printSteps, runScenario } = await import("../scenario/scenario.mjs");
  const steps = await runScenario(core, {
    baseUrl: process.env.AIRBYTE_BASE_URL ?? "http://127.0.0.1:8787",
    clientId: process.env.AIRBYTE_CLIENT_ID ?? "airbyte-demo-client",
    clientSecret: process.env.AIRBYTE_CLIENT_SECRET ?? "airbyte-demo-secret",
    label: "node-cjs",
  });
  // Prove this really was the CommonJS build: its module object is not an ES module namespace.
  steps.push(
    require.resolve("@airbyte-agents/core").endsWith(".cjs")
      ? { name: "loaded the CommonJS build", ok: true, detail: require.resolve("@airbyte-agents/core") }
      : { name: "loaded the CommonJS build", ok: false, error: `require resolved ${require.resolve("@airbyte-agents/core")}` },
  );
  process.exitCode = printSteps("node-cjs", steps);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
