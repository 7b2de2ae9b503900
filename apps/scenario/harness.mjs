// Node-side helpers shared by the examples' test runners (never loaded by the examples themselves):
// find a runtime binary, run a program, read its result line, check the emulator's request log, and write
// `.test-results/<runtime>.json` as `{ numPassedTests, numFailedTests }` for scripts/test-all.mjs.
import { spawn } from "node:child_process";
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatSteps, RESULT_MARKER, summarize } from "./scenario.mjs";

/**
 * Finds a binary in the nearest `node_modules/.bin` (walking up from `from`), then on PATH. A missing binary
 * is an error: the run must fail, never skip.
 */
export function findBinary(name, from) {
  const candidates = [];
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, "node_modules", ".bin", name));
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) candidates.push(path.join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(`runtime binary "${name}" not found in node_modules/.bin or PATH: install it (root devDependency) — not skipping`);
}

/** Runs a command; resolves with its exit code and output (also echoed, indented). */
export function run(command, args, { cwd, env, timeoutMs = 120_000, echo = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let pending = "";
    const echoLines = (text, flush = false) => {
      pending += text;
      const lines = pending.split("\n");
      pending = flush ? "" : (lines.pop() ?? "");
      for (const line of lines) if (line !== "" && !line.startsWith(RESULT_MARKER)) process.stdout.write(`  │ ${line}\n`);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      stderr += `\n[killed after ${timeoutMs} ms]`;
    }, timeoutMs);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (echo) echoLines(String(chunk));
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(String(chunk).replace(/^(?=.)/gm, "  │ "));
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (echo) echoLines("", true);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** The steps an example printed after {@link RESULT_MARKER}; a missing line is one failed step. */
export function parseSteps(output, runtime) {
  const line = output
    .split("\n")
    .reverse()
    .find((l) => l.startsWith(RESULT_MARKER));
  if (!line)
    return [{ name: `${runtime}: the program printed its result`, ok: false, error: "no result line (it crashed before the end?)" }];
  try {
    return JSON.parse(line.slice(RESULT_MARKER.length));
  } catch (error) {
    return [{ name: `${runtime}: the program printed its result`, ok: false, error: `unreadable result line: ${error.message}` }];
  }
}

/**
 * A step proving which runtime made the calls: the emulator logs each request's User-Agent, and core sends
 * `airbyte-agents-typescript/<version> (<runtime>)` (browsers send their own).
 */
export async function userAgentStep(emulator, name, pattern, { since = 0, filter = () => true } = {}) {
  const requests = (await emulator.requests()).slice(since).filter(filter);
  const agents = [...new Set(requests.map((r) => r.userAgent))];
  const ok = requests.length > 0 && requests.every((r) => pattern.test(r.userAgent ?? ""));
  return ok
    ? { name, ok, detail: agents }
    : { name, ok, error: `expected every User-Agent to match ${pattern}, saw ${JSON.stringify(agents)} over ${requests.length} requests` };
}

/** Writes `<appDir>/.test-results/<runtime>.json`, prints the steps and a summary, and returns the exit code. */
export function report(appDir, runtime, steps, startedAt) {
  const summary = summarize(steps);
  const dir = path.join(appDir, ".test-results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${runtime}.json`), `${JSON.stringify({ ...summary, steps }, null, 2)}\n`);
  console.log(`\n${formatSteps(runtime, steps)}`);
  const seconds = startedAt ? ` in ${((Date.now() - startedAt) / 1000).toFixed(1)} s` : "";
  console.log(`${runtime}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${seconds}`);
  return summary.numFailedTests > 0 || steps.length === 0 ? 1 : 0;
}

/** Records a crash of the runner itself as one failed step, so the failure is counted and not lost. */
export function reportCrash(appDir, runtime, error, steps = []) {
  return report(appDir, runtime, [...steps, { name: `${runtime}: test runner`, ok: false, error: String(error?.stack ?? error) }]);
}

/** Debian's Chromium (from apt, never a downloaded browser) and its launch flags: no sandbox in CI containers, no background traffic. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A list of test steps and the function that records one: a detail when it passed, the error when not. */
export function createSteps() {
  const steps = [];
  const check = (name, ok, detailOrError) =>
    steps.push(
      ok ? { name, ok, ...(detailOrError === undefined ? {} : { detail: detailOrError }) } : { name, ok, error: String(detailOrError) },
    );
  return { steps, check };
}
