#!/usr/bin/env node
// The package's tests on the machine's Node and on Node 22 from npm (apps/node-runtimes). The AI SDK (`ai` 7)
// declares Node >= 22, so its adapter's tests run on Node 22 only; everything else runs on both. Each run writes
// .test-results/vitest-<node>.json (npm test sums them).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { nodeRuntimes } from "@airbyte-agents/node-runtimes";

const here = path.resolve(import.meta.dirname, "..");
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const node22 = nodeRuntimes().find((r) => r.label === "node22");
const major = Number(process.versions.node.split(".")[0]);
const runs = [
  ...(major < 22 ? [{ label: `node${major}`, version: process.versions.node, binary: process.execPath, skipAiSdk: true }] : []),
  { ...node22, skipAiSdk: false },
];
let failed = 0;
for (const run of runs) {
  console.log(`\n# ${run.label} (${run.version})${run.skipAiSdk ? ": without the AI SDK tests (ai 7 needs Node >= 22)" : ""}`);
  const result = spawnSync(
    run.binary,
    [
      vitest,
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=.test-results/vitest-${run.label}.json`,
      ...process.argv.slice(2),
    ],
    { cwd: here, stdio: "inherit", env: { ...process.env, TOOLS_TEST_SKIP_AI_SDK: run.skipAiSdk ? "1" : "0" } },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
