#!/usr/bin/env node
// `pnpm docs:api`: builds the API reference into docs/api with TypeDoc (typedoc.config.mjs; warnings are errors).
// `--test` (npm test) also writes .test-results/docs-api.json, one test that passes only when TypeDoc exits 0
// with no warning, so a broken {@link} or an unexported type in a public signature fails the run.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const result = spawnSync("pnpm", ["exec", "typedoc"], { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
process.stdout.write(output);
const warnings = output.split("\n").filter((line) => /\[(warning|error)\]/.test(line));
const ok = result.status === 0 && warnings.length === 0;

if (process.argv.includes("--test")) {
  const dir = path.join(root, ".test-results");
  mkdirSync(dir, { recursive: true });
  const test = {
    name: "the API reference (TypeDoc) builds without warnings",
    ok,
    ...(ok ? {} : { error: warnings.join("\n") || `exit ${result.status}` }),
  };
  writeFileSync(
    path.join(dir, "docs-api.json"),
    `${JSON.stringify({ numPassedTests: ok ? 1 : 0, numFailedTests: ok ? 0 : 1, steps: [test] }, null, 2)}\n`,
  );
}
console.log(
  ok ? `API reference: ${path.join("docs", "api", "index.html")}` : `API reference failed (${warnings.length} warnings or errors)`,
);
process.exit(ok ? 0 : 1);
