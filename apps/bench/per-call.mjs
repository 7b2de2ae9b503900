// The per-call figures (fixed loopback server, stub-fetch CPU and, given `profile`, the call profile) on another
// Node: `bench.mjs` measures them in its own process (the machine's Node) and runs this file under the newest LTS from
// apps/node-runtimes, since the cost of the same code moves with the runtime (Node 20's `new AbortController()` alone
// is ~3 µs, Node 22's ~0.1 µs).
//   <node> per-call.mjs '{"rounds":50,"batch":100,"warmup":200,"processes":5,"cpuBatch":1000,"cpuWarmup":2000,
//                         "profile":{"stubCalls":20000,"loopbackCalls":3000,"warmup":2000,"processes":3}}'
// prints one JSON line: { node, overhead, clientCpu, callProfile }.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs the per-call measurements under `binary`; resolves with its JSON (or rejects with its stderr). */
export function perCallOn(binary, plan) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [path.join(here, "per-call.mjs"), JSON.stringify(plan)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").at(-1)));
      else reject(new Error(`per-call.mjs under ${binary} exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const plan = JSON.parse(process.argv[2] ?? "{}");
  const { measureOverhead } = await import("./overhead.mjs");
  const { measureClientCpu } = await import("./client-cpu.mjs");
  const { rounds, batch, warmup, processes } = plan;
  const overhead = await measureOverhead({ rounds, batch, warmup, processes });
  const clientCpu = await measureClientCpu({ rounds, batch: plan.cpuBatch, warmup: plan.cpuWarmup, processes });
  const { measureCallProfile } = await import("./call-profile.mjs");
  const callProfile = plan.profile ? await measureCallProfile(plan.profile) : undefined;
  process.stdout.write(`${JSON.stringify({ node: process.version, overhead, clientCpu, callProfile })}\n`);
}
