import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// The CLI as a user runs it: the built dist/cli.js, flags mapped to the same options as createEmulator().
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/cli.js");
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

/** Starts the CLI and resolves with its printed banner once it listens. */
function start(args: string[]): Promise<{ url: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    running.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes("control API")) resolve({ url, output });
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("airbyte-agents-emulator CLI", () => {
  it("prints the demo credentials and honours --client-id, --client-secret, --token-ttl, --seed, --control and --faults", async () => {
    const { url, output } = await start([
      "--port",
      "0",
      "--client-id",
      "cli-client",
      "--client-secret",
      "cli-secret-123456",
      "--token-ttl",
      "7",
      "--seed",
      "cli-seed",
      "--control",
      "--faults",
      JSON.stringify({ queue: [{ status: 503, match: { path: "/workspaces/stats" } }] }),
    ]);
    expect(output).toContain("client id:      cli-client");
    expect(output).toContain("client secret:  cli-secret-123456");
    const token = await fetch(`${url}/api/v1/account/applications/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: "cli-client", client_secret: "cli-secret-123456" }),
    });
    const body = (await token.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(7);
    const auth = { authorization: `Bearer ${body.access_token}` };
    expect((await fetch(`${url}/api/v1/workspaces/stats`, { headers: auth })).status).toBe(503);
    expect((await fetch(`${url}/api/v1/workspaces/stats`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${url}/_emulator/stats`)).status).toBe(200);
  });

  it("the same seed gives the same ids; --no-demo starts empty; control is off by default", async () => {
    const ids = async (args: string[]) => {
      const { url } = await start(["--port", "0", ...args]);
      const { access_token } = (await (
        await fetch(`${url}/api/v1/account/applications/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ client_id: "airbyte-demo-client", client_secret: "airbyte-demo-secret" }),
        })
      ).json()) as { access_token: string };
      const list = await fetch(`${url}/api/v1/integrations/connectors?workspace_name=default`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      const control = (await fetch(`${url}/_emulator/stats`)).status;
      return {
        status: list.status,
        ids: list.ok ? ((await list.json()) as { data: { id: string }[] }).data.map((c) => c.id) : [],
        control,
      };
    };
    const a = await ids(["--seed", "s1"]);
    const b = await ids(["--seed", "s1"]);
    const c = await ids(["--seed", "s2"]);
    expect(a.ids).toHaveLength(4);
    expect(b.ids).toEqual(a.ids);
    expect(c.ids).not.toEqual(a.ids);
    expect(a.control).toBe(404);
    expect((await ids(["--no-demo"])).status).toBe(404);
  });

  it("rejects bad flags with a clear message and exit code 2", async () => {
    const bad = await run(["--port", "abc"]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain("--port must be a non-negative integer");
    const faults = await run(["--faults", "{nope"]);
    expect(faults.code).toBe(2);
    expect(faults.output).toContain("--faults is not valid JSON");
    const unknown = await run(["--what"]);
    expect(unknown.code).toBe(2);
  });
});
