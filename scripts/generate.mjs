#!/usr/bin/env node
// `pnpm generate`: runs every generator of scripts/generators.mjs in place (then review and commit the diff).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { generators } from "./generators.mjs";

const root = path.resolve(import.meta.dirname, "..");
for (const generator of generators) {
  const [command, ...args] = generator.command;
  console.log(`$ ${generator.command.join(" ")}`);
  const run = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
