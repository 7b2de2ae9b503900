#!/usr/bin/env node
// The main job: build the playground and what it needs, then run the API emulator (port 8787) and the playground
// (port 5173) until Ctrl-C, which stops both. With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set, no emulator is
// started: the playground talks to the hosted API (AIRBYTE_BASE_URL, default https://api.airbyte.ai).
//   EMULATOR_PORT (8787), PLAYGROUND_PORT (5173) override the ports.
import { spawn } from "node:child_process";
import path from "node:path";
import { formatDuration, step } from "./steps.mjs";

const root = path.resolve(import.meta.dirname, "..");
// Read when the servers start, never inside a turbo task, so they are no build inputs (nothing to declare in turbo.json).
const { env } = process;
const emulatorPort = env.EMULATOR_PORT ?? "8787";
const playgroundPort = env.PLAYGROUND_PORT ?? "5173";
const hosted = Boolean(env.AIRBYTE_CLIENT_ID && env.AIRBYTE_CLIENT_SECRET);

const built = step(
  "Building the playground and the packages it uses (turbo; cached after the first run)",
  "pnpm",
  ["turbo", "run", "build", "--filter=@airbyte-agents/playground..."],
  { cwd: root },
);
if (built !== 0) process.exit(built);

const children = new Set();
let stopping = false;

function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  // Whatever does not stop in 5 s is killed.
  const timer = setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
  }, 5_000);
  timer.unref();
  const done = () => children.size === 0 && process.exit(code);
  for (const child of children) child.once("exit", done);
  done();
}

function start(name, args, extraEnv = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  children.add(child);
  child.once("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    // A Ctrl-C reaches the children too: stopping on SIGINT or with exit 0 is not a failure.
    const clean = code === 0 || signal === "SIGINT" || signal === "SIGTERM";
    if (!clean) console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
    stopAll(clean ? 0 : code || 1);
  });
  return child;
}

/** Resolves once `url` answers (any status), or rejects after `ms`. */
async function waitFor(url, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`${url} did not answer in ${ms / 1000} s (${error.message})`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const playgroundUrl = `http://127.0.0.1:${playgroundPort}/`;
try {
  const serversAt = Date.now();
  if (hosted) {
    console.log(`AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET are set: the playground uses the hosted API, no emulator is started.`);
  } else {
    console.log(`\n▸ Starting the emulator on ${emulatorUrl}`);
    start("the emulator", ["packages/emulator/bin/airbyte-agents-emulator.mjs", "--port", emulatorPort, "--control"]);
    await waitFor(emulatorUrl);
  }
  console.log(`\n▸ Starting the playground on ${playgroundUrl}`);
  start("the playground", ["apps/playground/server.mjs"], { PORT: playgroundPort, ...(hosted ? {} : { EMULATOR_URL: emulatorUrl }) });
  await waitFor(`http://127.0.0.1:${playgroundPort}/api/config`);
  console.log(`✓ Servers answering (${formatDuration(Date.now() - serversAt)})`);
  const api = hosted ? (env.AIRBYTE_BASE_URL ?? "https://api.airbyte.ai") : `${emulatorUrl}  (emulator, control API on)`;
  console.log(`\n  Playground  ${playgroundUrl}\n  API         ${api}\n\n  Ctrl-C stops ${hosted ? "the playground" : "both"}.\n`);
} catch (error) {
  console.error(error.message);
  stopAll(1);
}
