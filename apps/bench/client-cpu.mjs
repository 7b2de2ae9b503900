// The clients' own CPU per call, without a network: every client's fetch is a stub that answers a constant
// Response at once (call-clients.mjs stubFetch), so what is left is each library's work (options, headers, timers,
// body reading, parsing, checks). Steadier than loopback timings on a busy machine, and the figure to optimize
// against. Each client in processes of its own taking turns (client-process.mjs), so the CPU counted is that
// client's alone; medians; measured, reported, never asserted.
import { measureInProcesses } from "./client-process.mjs";

// The report's row names, each a client of call-clients.mjs.
const ROWS = {
  "fetch + JSON.parse": "raw fetch",
  ofetch: "ofetch",
  "ofetch, 300 s timeout": "ofetch, 300 s timeout",
  ky: "ky",
  ours: "ours",
};

export async function measureClientCpu({ rounds, batch, warmup, processes = 1 }) {
  const clients = Object.fromEntries(Object.entries(ROWS).map(([row, client]) => [row, { client }]));
  const measured = await measureInProcesses(clients, { stub: true }, { rounds, batch, warmup, processes });
  const names = Object.keys(ROWS);
  // measureInProcesses gives milliseconds per call; the report reads microseconds.
  const micros = Object.fromEntries(names.map((n) => [n, Math.round(measured[n].medianCpu * 10_000) / 10]));
  const own = (name) => Math.round((micros[name] - micros["fetch + JSON.parse"]) * 10) / 10;
  return {
    how: `stub fetch answering a constant Response (no network); each client in ${processes} process(es) of its own, one running at a time; process.cpuUsage of that process around each batch; interleaved rounds; median per process, median over processes`,
    rounds,
    batch,
    processesPerClient: processes,
    cpuMicrosPerCall: micros,
    cpuMicrosPerCallByProcess: Object.fromEntries(names.map((n) => [n, measured[n].byProcess.map((r) => Math.round(r.cpu * 10_000) / 10)])),
    ownMicrosPerCall: Object.fromEntries(names.filter((n) => n !== "fetch + JSON.parse").map((n) => [n, own(n)])),
  };
}
