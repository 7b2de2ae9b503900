// Servers the bench talks to, each in its own process so their CPU and heap are never the client's:
//   node child.mjs emulator '{"control":true,"recordCounts":{...}}'   the emulator (createEmulator)
//   node child.mjs fixed                                              the fixed loopback server (fixed-server.mjs)
// The child prints one JSON line (its URL and credentials) and runs until its stdin closes.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts a child server; resolves with its JSON line and a `stop()`. */
export function startChild(kind, options = {}) {
  const child = spawn(process.execPath, [path.join(here, "child.mjs"), kind, JSON.stringify(options)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${kind} child exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      child.removeAllListeners("exit");
      resolve({
        ...JSON.parse(line),
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.stdin.end();
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kind, json = "{}"] = process.argv.slice(2);
  const options = JSON.parse(json);
  let info;
  let close;
  if (kind === "emulator") {
    const { createEmulator } = await import("@airbyte-agents/emulator");
    const emu = await createEmulator(options);
    info = { url: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret };
    close = () => emu.close();
  } else if (kind === "fixed") {
    const { startFixedServer } = await import("./fixed-server.mjs");
    const fixed = await startFixedServer();
    info = fixed.info;
    close = fixed.close;
  } else {
    throw new Error(`unknown child kind ${kind}`);
  }
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.resume();
  process.stdin.on("end", async () => {
    await close();
    process.exit(0);
  });
}
