#!/usr/bin/env node
// Full-size reliability figures: runs core's reliability suites (test/reliability) with RELIABILITY_FULL=1, the
// counts CI runs in quick mode, and keeps the figures each suite prints ([chaos], [token-ttl], bad-input:).
// Writes bench-results/reliability.json and its section of bench-results/REPORT.md. Measurements only: the
// suites assert their own guarantees; nothing here asserts a time.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { writeReportSection } from "./report-section.mjs";

const here = import.meta.dirname;
const root = path.resolve(here, "../..");
const core = path.join(root, "packages/core");
const out = path.join(here, "bench-results");
const quick = process.argv.includes("--quick");
const jsonFile = path.join(os.tmpdir(), `reliability-${process.pid}.json`);

const started = Date.now();
const run = spawnSync(
  "pnpm",
  ["exec", "vitest", "run", "test/reliability", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`],
  {
    cwd: core,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", ...(quick ? {} : { RELIABILITY_FULL: "1" }) },
    maxBuffer: 64 * 1024 * 1024,
  },
);
const wallMs = Date.now() - started;
// vitest colours console lines even with FORCE_COLOR=0; the escapes go before matching.
const output = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
const report = JSON.parse(readFileSync(jsonFile, "utf8"));
rmSync(jsonFile, { force: true });

// Each suite prints one line per scenario: `[chaos] key=value ...`, `[token-ttl] application: key=value ...`.
const figures = [...new Set(output.split("\n").filter((line) => /^(\[chaos\]|\[token-ttl\]|bad-input:)/.test(line.trim())))].map((line) =>
  line.trim(),
);
const suites = report.testResults.map((file) => ({
  file: path.relative(core, file.name),
  passed: file.assertionResults.filter((a) => a.status === "passed").length,
  failed: file.assertionResults.filter((a) => a.status === "failed").length,
  durationMs: Math.round(file.endTime - file.startTime),
}));

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  mode: quick ? "quick" : "full",
  command: `cd packages/core && ${quick ? "" : "RELIABILITY_FULL=1 "}pnpm exec vitest run test/reliability`,
  wallMs,
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  suites,
  figures,
};
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "reliability.json"), `${JSON.stringify(results, null, 2)}\n`);

const body = [
  "## Reliability suites at full size (apps/bench/reliability.mjs)",
  "",
  `\`${results.command}\` on ${results.cpus} cores, Node ${results.node}, ${results.date}: ${results.passed} passed, ${results.failed} failed in ${(wallMs / 1000).toFixed(1)} s wall. CI runs the same suites in quick mode.`,
  "",
  "| suite | passed | failed | time |",
  "| --- | --- | --- | --- |",
  ...suites.map((s) => `| ${s.file} | ${s.passed} | ${s.failed} | ${(s.durationMs / 1000).toFixed(1)} s |`),
  "",
  "Figures the suites printed:",
  "",
  ...figures.map((line) => `- \`${line}\``),
].join("\n");
const section = writeReportSection(path.join(out, "REPORT.md"), "reliability", body);
console.log(section);
if (run.status !== 0) process.exitCode = 1;
