#!/usr/bin/env node
// The main job: build what is needed, then run the emulator (and, once it exists, the playground) until Ctrl-C.
import { spawn, spawnSync } from "node:child_process";

const port = process.env.EMULATOR_PORT ?? "8787";
const build = spawnSync("pnpm", ["turbo", "run", "build", "--filter=@airbyte-agents/emulator"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

if (process.env.AIRBYTE_CLIENT_ID && process.env.AIRBYTE_CLIENT_SECRET) {
  console.log("AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET are set: the examples and playground use the hosted API.");
}

const emulator = spawn("node", ["packages/emulator/dist/cli.js", "--port", port, "--control"], { stdio: "inherit" });
const stop = () => emulator.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
emulator.on("exit", (code) => process.exit(code ?? 0));
