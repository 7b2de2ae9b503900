// Per-call timings with each client in a process of its own, the processes taking turns.
//
// Why not one process: clients loaded side by side share code. Ours runs on ofetch, and whichever client drove
// ofetch first shaped how V8 optimized it for the others; two copies of one core build, side by side in one process,
// differed by up to 10 % (apps/bench/compare-builds.mjs found it). Here every client has `processes` processes of its
// own, forked from this file and importing only that client's library (call-clients.mjs). Only one runs at a time:
// each round, every client in turn (the order rotating) has one of its processes do a batch of sequential calls and
// report the batch's wall time and CPU (process.cpuUsage of that process alone). A process's figure is the median of
// its batches' per-call means, and a client's figure the median over its processes: one process can settle into
// faster or slower optimized code than its siblings (±10 % seen here), so the spread between processes is the noise
// to read a ratio against, and it is reported.
import { fork } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median } from "./stats.mjs";

const here = fileURLToPath(import.meta.url);

/**
 * Measures `clients` ({ name: { client, core? } }, `client` a key of call-clients.mjs CLIENTS) against `target`
 * ({ url, baseUrl, connectorId, clientId, clientSecret, token, ourHeaders?, records } or `stub: true`).
 * Resolves with, per name: `wall` and `cpu`, per-call milliseconds of every batch (one per round); `byProcess`, each
 * process's median { wall, cpu }; and `medianWall`, `medianCpu`, the medians over the processes.
 */
export async function measureInProcesses(clients, target, { rounds, batch, warmup, processes = 1 }) {
  if (rounds < processes) throw new Error(`${rounds} rounds cannot give each of ${processes} processes a batch`);
  const names = Object.keys(clients);
  const started = [];
  try {
    const procs = {};
    for (const name of names) {
      procs[name] = [];
      for (let i = 0; i < processes; i++) {
        const proc = await startProcess({ ...clients[name], target });
        started.push(proc);
        procs[name].push(proc);
        if (warmup > 0) await proc.run(warmup);
      }
    }
    // batches[name][p]: that process's { wall, cpu } per round it ran.
    const batches = Object.fromEntries(names.map((name) => [name, Array.from({ length: processes }, () => [])]));
    for (let round = 0; round < rounds; round++) {
      for (const name of names.map((_, i) => names[(i + round) % names.length])) {
        const p = round % processes;
        batches[name][p].push(await procs[name][p].run(batch));
      }
    }
    return Object.fromEntries(
      names.map((name) => {
        const all = batches[name].flat();
        const byProcess = batches[name].map((runs) => ({
          wall: median(runs.map((r) => r.wall)),
          cpu: median(runs.map((r) => r.cpu)),
        }));
        return [
          name,
          {
            wall: all.map((r) => r.wall),
            cpu: all.map((r) => r.cpu),
            byProcess,
            medianWall: median(byProcess.map((r) => r.wall)),
            medianCpu: median(byProcess.map((r) => r.cpu)),
          },
        ];
      }),
    );
  } finally {
    await Promise.all(started.map((proc) => proc.stop()));
  }
}

/** Forks one client's process; resolves once it has made one checked call. */
function startProcess(spec) {
  const child = fork(here, ["--client", JSON.stringify(spec)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let pending;
  child.on("message", (message) => {
    const settle = pending;
    pending = undefined;
    if (message.error) settle?.reject(new Error(`${spec.client}: ${message.error}`));
    else settle?.resolve(message);
  });
  child.once("exit", (code) => pending?.reject(new Error(`${spec.client}: process exited with ${code}`)));
  const ask = (message) =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
      child.send(message);
    });
  return ask({ check: true }).then(() => ({
    run: (calls) => ask({ calls }),
    profile: (profile) => ask({ profile }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  }));
}

/**
 * Profiles `calls` calls of `clients` (as measureInProcesses takes them) on `target`: each client in `processes`
 * processes of its own, one at a time, each warmed up by `warmup` calls first, then `calls` calls under V8's sampling
 * profiler (node:inspector, every `intervalMicros`). Resolves with, per name, each process's attribution
 * (profile-owners.mjs attributeProfile: microseconds per call by owner, and the SDK's busiest functions).
 */
export async function profileInProcesses(clients, target, { calls, warmup, processes = 1, intervalMicros = 50 }) {
  const names = Object.keys(clients);
  const byName = Object.fromEntries(names.map((name) => [name, []]));
  for (let p = 0; p < processes; p++) {
    for (const name of names.map((_, i) => names[(i + p) % names.length])) {
      const proc = await startProcess({ ...clients[name], target });
      try {
        if (warmup > 0) await proc.run(warmup);
        byName[name].push(await proc.profile({ calls, intervalMicros }));
      } finally {
        await proc.stop();
      }
    }
  }
  return byName;
}

/** The folder (a file URL, as profiles name scripts) our core was loaded from, for a spec measuring ours. */
function sdkDir(spec) {
  if (spec.client !== "ours") return undefined;
  const entry = spec.core ? pathToFileURL(path.resolve(spec.core, "index.js")).href : import.meta.resolve("@airbyte-agents/core");
  return entry.slice(0, entry.lastIndexOf("/"));
}

/** In the child: `calls` calls under the sampling profiler, summarized here so only the figures cross the IPC. */
async function profileCalls(call, { calls, intervalMicros }, sdk) {
  const { Session } = await import("node:inspector/promises");
  const { attributeProfile } = await import("./profile-owners.mjs");
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: intervalMicros });
    await session.post("Profiler.start");
    for (let i = 0; i < calls; i++) await call();
    const { profile } = await session.post("Profiler.stop");
    // Scripts a build loads by path may be named by real path; the bench's own files sit beside this one.
    const harnessDir = pathToFileURL(path.dirname(here)).href;
    return attributeProfile(profile, calls, { sdkDir: sdk && realUrl(sdk), harnessDir });
  } finally {
    session.disconnect();
  }
}

const realUrl = (dirUrl) => pathToFileURL(realpathSync(fileURLToPath(dirUrl))).href;

/** In the child: builds its one client, then answers `{ check }`, `{ calls }` and `{ profile }` until the parent disconnects. */
async function serve(spec) {
  const { CLIENTS, stubFetch, STUB_TARGET } = await import("./call-clients.mjs");
  const target = spec.target.stub ? STUB_TARGET : spec.target;
  const ctx = { ...target, stubbed: Boolean(spec.target.stub), fetch: spec.target.stub ? stubFetch() : fetch, core: spec.core };
  const call = await CLIENTS[spec.client](ctx);
  process.on("message", async (message) => {
    try {
      if (message.check) {
        const records = await call();
        if (!Array.isArray(records) || records.length !== target.records) throw new Error(`expected ${target.records} records`);
        process.send({ ok: true });
        return;
      }
      if (message.profile) {
        process.send(await profileCalls(call, message.profile, sdkDir(spec)));
        return;
      }
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < message.calls; i++) await call();
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      process.send({ wall: wall / message.calls, cpu: (used.user + used.system) / 1000 / message.calls });
    } catch (error) {
      process.send({ error: String(error?.stack ?? error) });
    }
  });
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[1] === here && process.argv[2] === "--client") await serve(JSON.parse(process.argv[3]));
