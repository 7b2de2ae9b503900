// How the README's two commands (setup.mjs, start.mjs, test-all.mjs) announce each step and its duration, so a
// first run says what it is doing while it waits (an install or a build can take a minute).
import { spawnSync } from "node:child_process";

/** `1.2 s` or `1 min 05 s`. */
export function formatDuration(ms) {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, "0")} s`;
}

/** Prints `▸ what` and the command, runs it with inherited output, then `✓ what (1.2 s)` or `✗ …`; returns the exit code. */
export function step(what, command, args, options = {}) {
  console.log(`\n▸ ${what}\n  $ ${[command, ...args].join(" ")}`);
  const startedAt = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  const code = result.status ?? (result.error ? 1 : 128);
  const took = formatDuration(Date.now() - startedAt);
  if (code === 0) console.log(`✓ ${what} (${took})`);
  else console.error(`✗ ${what} failed (exit ${code}${result.error ? `: ${result.error.message}` : ""}, ${took})`);
  return code;
}
