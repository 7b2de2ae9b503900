// Where a call's CPU goes: ours, ofetch and ofetch with the timeout ours always sets, each in processes of its own
// (client-process.mjs), profiled by V8's sampling profiler over a run of calls after a warm-up, and each sample's
// time given to the owner of the running function (profile-owners.mjs): our SDK's files, ofetch, Node's own code
// (fetch, streams, timers), the garbage collector. Once with a stub fetch (no network: only the libraries' work and
// the Response they read) and once over the fixed loopback server (fetch's real connection work too).
//
// Why beside the timings: a ratio of loopback timings on this machine moves by ±15 % from run to run (the same build
// measured 0.80x-1.25x ofetch), while a profile says which code the extra time runs in. If ours' extra over ofetch
// sat in Node's fetch or in the collector rather than in our files, optimizing our files would not close it.
// The profiler slows every call down (sampling every 50 µs), so read the parts against one another, not as timings.

import { profileInProcesses } from "./client-process.mjs";
import { withFixedTarget } from "./overhead.mjs";
import { OWNERS, round1 } from "./profile-owners.mjs";
import { median } from "./stats.mjs";

const CLIENTS = ["ofetch", "ofetch, 300 s timeout", "ours"];

/** Profiles the clients on the stub fetch and over loopback; per setting, each client's median parts per call. */
export async function measureCallProfile({ stubCalls, loopbackCalls, warmup, processes = 1 }) {
  const clients = Object.fromEntries(CLIENTS.map((name) => [name, { client: name }]));
  const stub = await profileInProcesses(clients, { stub: true }, { calls: stubCalls, warmup, processes });
  const loopback = await withFixedTarget((target) => profileInProcesses(clients, target, { calls: loopbackCalls, warmup, processes }));
  return {
    how: `V8's sampling profiler (node:inspector, every 50 µs) over each process's calls after ${warmup} warm-up calls; each client in ${processes} process(es) of its own, one at a time; self time per call by owner, median over the processes`,
    stub: summarize(stub, stubCalls),
    loopback: summarize(loopback, loopbackCalls),
  };
}

/** Medians over each client's processes, ours' extra over ofetch with a timeout by owner, and ours' busiest functions. */
function summarize(byName, calls) {
  const clients = Object.fromEntries(
    Object.entries(byName).map(([name, runs]) => [
      name,
      {
        microsPerCall: round1(median(runs.map((r) => r.microsPerCall))),
        byOwner: Object.fromEntries(OWNERS.map((owner) => [owner, round1(median(runs.map((r) => r.byOwner[owner])))])),
      },
    ]),
  );
  const ours = clients.ours;
  const base = clients["ofetch, 300 s timeout"];
  return {
    callsPerProcess: calls,
    clients,
    oursExtraOverOfetchWithTimeout: Object.fromEntries(
      ["total", ...OWNERS].map((owner) => [
        owner,
        round1(owner === "total" ? ours.microsPerCall - base.microsPerCall : ours.byOwner[owner] - base.byOwner[owner]),
      ]),
    ),
    // From the first process: a list of names does not take a median.
    oursTopFunctions: byName.ours[0]?.topFunctions ?? [],
  };
}

// What the client library itself runs: ours runs on ofetch, so its library JS is our files and ofetch's together.
const library = (owners) => round1(owners.sdk + owners.ofetch);

/** The report's section: per setting and Node, each client's parts per call, ours' extra, ours' busiest functions. */
export function callProfileLines(runs) {
  const measured = runs.filter(({ profile }) => profile && !profile.error);
  if (measured.length === 0) return [];
  const first = measured[0].profile;
  const lines = [
    "### Where a call's CPU goes (CPU profile)",
    "",
    `${first.how}. Owners: **sdk** our core's files; **ofetch** ofetch with ufo and destr (ours runs on ofetch, so a client's library JS is the two together); **runtime** Node's own code (fetch and its streams, timers) and native functions; **gc** the collector; harness and other (V8's "(program)") are in the total only. The profiler slows each call (about 2-3x here), so read the parts against one another: the question is which code ours' extra time runs in. With the stub fetch the parts are steady; over loopback the runtime's part moves by more than the library's whole cost from one process to the next, so read the library column there. The body parse (\`JSON.parse\`) counts as ofetch's in ofetch (destr) and as ours in ours.`,
    "",
    "| Node | fetch | client | µs per call | library JS (sdk + ofetch) | of it, sdk | runtime | gc |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const settings = ["stub", "loopback"];
  for (const { node, profile } of measured) {
    for (const setting of settings) {
      for (const [name, c] of Object.entries(profile[setting].clients)) {
        const o = c.byOwner;
        lines.push(`| ${node} | ${setting} | ${name} | ${c.microsPerCall} | ${library(o)} | ${o.sdk} | ${o.runtime} | ${o.gc} |`);
      }
      const x = profile[setting].oursExtraOverOfetchWithTimeout;
      lines.push(
        `| ${node} | ${setting} | **ours − ofetch with a timeout** | **${x.total}** | **${library(x)}** | ${x.sdk} | ${x.runtime} | ${x.gc} |`,
      );
    }
  }
  lines.push("");
  for (const { node, profile } of measured) {
    for (const setting of settings) {
      const top = profile[setting].oursTopFunctions.map((f) => `\`${f.fn}\` ${f.microsPerCall}`).join(", ");
      lines.push(`- Ours' busiest functions (self µs per call, one process), ${node}, ${setting}: ${top || "none sampled"}.`);
    }
  }
  lines.push("");
  return lines;
}
