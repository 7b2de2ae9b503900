#!/usr/bin/env node
// Runs every test suite and ends with one line `N passed, N failed` summing them all (CI reads that line).
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { formatDuration, step } from "./steps.mjs";

const root = path.resolve(import.meta.dirname, "..");
// The root holds the generator check's results; every package and app its own.
const workspaces = [
  root,
  ...["packages", "apps"].flatMap((dir) =>
    existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)) : [],
  ),
];
for (const ws of workspaces) rmSync(path.join(ws, ".test-results"), { recursive: true, force: true });

const steps = [
  ["Re-running every generator (committed outputs must not change)", "node", ["scripts/check-generated.mjs"]],
  ["Building every package and app", "pnpm", ["turbo", "run", "build"]],
  ["Type-checking", "pnpm", ["turbo", "run", "typecheck"]],
  ["Linting (Biome)", "pnpm", ["exec", "biome", "check", "."]],
  ["Building the API reference (TypeDoc, warnings are errors)", "node", ["scripts/docs-api.mjs", "--test"]],
  ["Running every test suite", "pnpm", ["turbo", "run", "test", "--continue", "--concurrency=1"]],
];
const startedAt = Date.now();
const timings = [];
let stepFailures = 0;
for (const [what, command, args] of steps) {
  const stepStartedAt = Date.now();
  const code = step(what, command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: "0" } });
  timings.push(`  ${code === 0 ? "✓" : "✗"} ${formatDuration(Date.now() - stepStartedAt).padStart(10)}  ${what}`);
  if (code !== 0) stepFailures++;
}

// Each suite writes a JSON summary into <workspace>/.test-results/*.json: vitest's JSON reporter, or
// {numPassedTests, numFailedTests} written by our runtime scripts.
let passed = 0;
let failed = 0;
const suites = [];
for (const ws of workspaces) {
  const dir = path.join(ws, ".test-results");
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    suites.push(`${path.relative(root, ws) || "."}/${file}: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed`);
  }
}
console.log(`\n${suites.join("\n")}`);
console.log(`\nSteps (${formatDuration(Date.now() - startedAt)} in all):\n${timings.join("\n")}\n`);
if (suites.length === 0) {
  console.error("no test results were written");
  failed++;
}
// A failed step that wrote no test results (build, typecheck, lint) still counts as a failure.
if (stepFailures > 0 && failed === 0) failed = stepFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stepFailures > 0 ? 1 : 0);
