// Checks of profile-owners.mjs on a made-up profile whose answer is known, run by every bench run (quick mode counts
// them as tests): the call profile's parts are only worth reading if each sample lands with its owner.
import { attributeProfile, ownerOf } from "./profile-owners.mjs";

const DIRS = { sdkDir: "file:///repo/packages/core/dist", harnessDir: "file:///repo/apps/bench" };
const frame = (functionName, url = "", lineNumber = 0) => ({ functionName, url, lineNumber });

// Frames and the owner each must get; the samples below give the k-th (from 0) (k + 1) × 10 µs in all.
const NODES = [
  [frame("(root)"), "other"],
  [frame("execute", `${DIRS.sdkDir}/chunk-A.js`, 9), "sdk"],
  [frame("destr", "file:///repo/node_modules/.pnpm/destr@2.0.5/node_modules/destr/dist/index.mjs"), "ofetch"],
  [frame("fetch", "node:internal/deps/undici/undici"), "runtime"],
  [frame("writev"), "runtime"],
  [frame("(garbage collector)"), "gc"],
  [frame("loop", `${DIRS.harnessDir}/client-process.mjs`), "harness"],
  [frame("(program)"), "other"],
  [frame("(idle)"), "idle"],
  [frame("parse", `${DIRS.sdkDir}/chunk-A.js`, 40), "sdk"],
];

/** Each check as a bench test: `{ name, passed, detail }`. */
export function profileChecks() {
  const checks = [];
  const check = (name, passed, detail) => checks.push({ name: `call profile: ${name}`, passed, detail });

  const wrong = NODES.filter(([f, owner]) => ownerOf(f, DIRS) !== owner).map(
    ([f, owner]) => `${f.functionName} -> ${ownerOf(f, DIRS)}, not ${owner}`,
  );
  check("each frame goes to its owner", wrong.length === 0, wrong.join("; "));

  const nodes = NODES.map(([callFrame], id) => ({ id: id + 1, callFrame }));
  const samples = [];
  const timeDeltas = [];
  NODES.forEach((_, k) => {
    for (let i = 0; i <= k; i++) {
      samples.push(k + 1);
      timeDeltas.push(10);
    }
  });
  const summary = attributeProfile({ nodes, samples, timeDeltas }, 2, DIRS);
  // Per call over 2 calls: sdk (ids 2 and 10: 20 + 100 µs) 60; ofetch 15; runtime (40 + 50) 45; gc 30; harness 35;
  // other (root 10 + program 80) 45; idle (90) left out; total (550 - 90) / 2 = 230.
  const expected = { sdk: 60, ofetch: 15, runtime: 45, gc: 30, harness: 35, other: 45 };
  const off = Object.entries(expected).filter(([owner, micros]) => summary.byOwner[owner] !== micros);
  check(
    "self time per call adds up by owner, idle left out",
    off.length === 0 && summary.microsPerCall === 230,
    `got ${JSON.stringify(summary.byOwner)}, ${summary.microsPerCall} in all`,
  );
  check(
    "the SDK's busiest functions come first, named with their line",
    summary.topFunctions[0]?.fn === "parse chunk-A.js:41" &&
      summary.topFunctions[0]?.microsPerCall === 50 &&
      summary.topFunctions.length === 2,
    `got ${JSON.stringify(summary.topFunctions)}`,
  );
  return checks;
}
