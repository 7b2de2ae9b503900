#!/usr/bin/env node
// Re-runs every generator of scripts/generators.mjs in place and fails when any output differs from what
// was there before (on CI's clean checkout: from what is committed). Writes .test-results/generated.json
// (one test per generator) so the total of `npm test` counts it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generators } from "./generators.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Every file under the outputs, as path -> bytes. */
function snapshot(outputs) {
  const files = new Map();
  const visit = (abs) => {
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) for (const name of readdirSync(abs).sort()) visit(path.join(abs, name));
    else files.set(path.relative(root, abs), readFileSync(abs));
  };
  for (const output of outputs) visit(path.join(root, output));
  return files;
}

function differences(before, after) {
  const changed = [];
  for (const [file, bytes] of after) {
    if (!before.has(file)) changed.push(`added ${file}`);
    else if (!before.get(file).equals(bytes)) changed.push(`changed ${file}`);
  }
  for (const file of before.keys()) if (!after.has(file)) changed.push(`removed ${file}`);
  return changed;
}

let passed = 0;
let failed = 0;
for (const generator of generators) {
  const before = snapshot(generator.outputs);
  const [command, ...args] = generator.command;
  const run = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  const changed = run.status === 0 ? differences(before, snapshot(generator.outputs)) : [];
  if (run.status !== 0) {
    failed++;
    console.error(`FAIL ${generator.name}: \`${generator.command.join(" ")}\` exited ${run.status}\n${run.stderr}`);
  } else if (changed.length > 0) {
    failed++;
    console.error(`FAIL ${generator.name}: the committed output is stale (run \`pnpm generate\` and commit):\n  ${changed.join("\n  ")}`);
  } else {
    passed++;
    console.log(`ok   ${generator.name}`);
  }
}
mkdirSync(path.join(root, ".test-results"), { recursive: true });
writeFileSync(
  path.join(root, ".test-results", "generated.json"),
  `${JSON.stringify({ numPassedTests: passed, numFailedTests: failed })}\n`,
);
console.log(`generators: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
