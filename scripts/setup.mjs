#!/usr/bin/env node
// One-time set-up for a fresh clone on a machine with only Node and npm: pnpm, then the locked dependencies.
// Idempotent, so both README commands run it first.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { formatDuration, step } from "./steps.mjs";

const PNPM_VERSION = "10.34.9";

function has(command) {
  return spawnSync(command, ["--version"], { stdio: "ignore", shell: process.platform === "win32" }).status === 0;
}

function must(code) {
  if (code !== 0) process.exit(code);
}

const startedAt = Date.now();

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: this repository needs Node >= 20.19.`);
  process.exit(1);
}

if (!has("pnpm")) {
  // corepack would need COREPACK_INTEGRITY_KEYS=0 with this registry (the registry mirror has no package signatures); npm is simpler.
  must(
    step(`Installing pnpm ${PNPM_VERSION} (not found on PATH)`, "npm", ["install", "-g", `pnpm@${PNPM_VERSION}`], {
      shell: process.platform === "win32",
    }),
  );
}

// Browser tests drive Debian's Chromium (never a tool's own browser download, which this network refuses).
if (process.platform === "linux" && !existsSync("/usr/bin/chromium")) {
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = asRoot ? "" : "sudo ";
  const install = `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`;
  must(step("Installing Debian's Chromium for the browser tests (once)", "sh", ["-c", install]));
}

must(step("Installing the locked dependencies", "pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]));
console.log(`\nSet-up done in ${formatDuration(Date.now() - startedAt)}.`);
