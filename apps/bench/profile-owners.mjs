// Where a call's CPU goes, read from a V8 CPU profile (node:inspector's Profiler): each sample's time is given to
// the owner of the function that was running (its self time), so the parts add up to the profiled CPU.
//   sdk      our core's files (the folder the measured build was loaded from)
//   ofetch   ofetch and the two packages it bundles in (ufo, destr)
//   runtime  Node's own JavaScript (node:*: fetch/undici, streams, timers) and its native functions
//   gc       the garbage collector
//   harness  the bench's own files (the loop making the calls)
//   other    V8's "(program)" and anything not above
// Idle time is left out: a stub-fetch call never waits, and a loopback call's waiting is not CPU.

const OFETCH = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:ofetch|ufo|destr)\//;
export const OWNERS = ["sdk", "ofetch", "runtime", "gc", "harness", "other"];

/** The owner of one profile node's call frame. `sdkDir` and `harnessDir` are file URLs of folders. */
export function ownerOf(callFrame, { sdkDir, harnessDir }) {
  const { url = "", functionName = "" } = callFrame;
  if (functionName === "(garbage collector)") return "gc";
  if (functionName === "(idle)") return "idle";
  if (sdkDir && url.startsWith(`${sdkDir}/`)) return "sdk";
  if (OFETCH.test(url)) return "ofetch";
  if (url.startsWith("node:")) return "runtime";
  if (harnessDir && url.startsWith(`${harnessDir}/`)) return "harness";
  // A native function (writev, TextDecoder's decode...) has no url; V8's own pseudo-frames are in parentheses.
  if (url === "" && functionName !== "" && !functionName.startsWith("(")) return "runtime";
  return "other";
}

/** Rounds to one decimal, as every figure of the call profile is given. */
export const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Summarizes `profile` (V8's { nodes, samples, timeDeltas }) over `calls` calls: microseconds per call by owner
 * (and in all, idle left out), and the SDK's `top` functions by self time per call.
 */
export function attributeProfile(profile, calls, dirs, { top = 8 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const owners = Object.fromEntries(OWNERS.map((owner) => [owner, 0]));
  const functions = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!node || micros <= 0) continue;
    const owner = ownerOf(node.callFrame, dirs);
    if (owner === "idle") continue;
    owners[owner] += micros;
    if (owner === "sdk") {
      const { functionName, url, lineNumber } = node.callFrame;
      const key = `${functionName || "(anonymous)"} ${url.split("/").at(-1)}:${lineNumber + 1}`;
      functions.set(key, (functions.get(key) ?? 0) + micros);
    }
  }
  const total = Object.values(owners).reduce((a, b) => a + b, 0);
  return {
    calls,
    microsPerCall: round1(total / calls),
    byOwner: Object.fromEntries(OWNERS.map((owner) => [owner, round1(owners[owner] / calls)])),
    topFunctions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, micros]) => ({ fn, microsPerCall: round1(micros / calls) })),
  };
}
