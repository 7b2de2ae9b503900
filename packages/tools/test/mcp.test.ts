// The MCP server through the MCP SDK's own Client, against the emulator over HTTP: in memory (InMemoryTransport),
// over streamable HTTP (createMcpHandler, web-standard Request/Response), and over stdio (the built
// airbyte-agents-mcp CLI as a child process). tools/list and tools/call for four connectors, a fixable error with no
// request, a refused write, the output cap.
import path from "node:path";
import type { WorkspaceClient } from "@airbyte-agents/core";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpHandler, createMcpServer } from "../src/mcp";
import { VERSION } from "../src/version";
import { EXECUTE, useEmulator } from "./helpers";

const h = useEmulator({ recordCounts: { "stripe.customers": 100_000 } });
let ws: WorkspaceClient;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients) await client.close();
});

async function inMemoryClient(options: Parameters<typeof createMcpServer>[0]): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(options).connect(serverSide);
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(clientSide);
  clients.push(client);
  return client;
}

type CallResult = { isError?: boolean; content: { type: string; text: string }[] };
const parsed = (result: unknown) => JSON.parse((result as CallResult).content[0]!.text);

// One call per connector of the demo workspace: four connectors.
const CALLS = [
  { name: "github", arguments: { entity: "issues", action: "list", params: { owner: "airbytehq", repo: "airbyte", per_page: 2 } } },
  { name: "stripe", arguments: { entity: "customers", action: "list", params: { limit: 2 } } },
  { name: "linear", arguments: { entity: "issues", action: "list", params: { first: 2 } } },
  { name: "zendesk_support", arguments: { entity: "tickets", action: "list", params: { per_page: 2 } } },
];

beforeAll(() => {
  ws = h.client().workspace("default");
});

/** The checks every transport passes: list, a call on each connector, a fixable error, a refused write. */
async function conformance(client: Client) {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(["airbyte_ask", "github", "linear", "stripe", "zendesk_support"]);
  const stripe = tools.find((t) => t.name === "stripe")!;
  expect(stripe.inputSchema).toMatchObject({ type: "object", required: ["entity", "action"] });
  expect(stripe.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  expect(stripe.description).toContain("customers");
  for (const call of CALLS) {
    const result = await client.callTool(call);
    expect(result.isError, `${call.name}: ${(result as CallResult).content[0]?.text.slice(0, 300)}`).toBe(false);
    expect(parsed(result).data).toHaveLength(2);
  }
  const mark = h.mark();
  const wrong = await client.callTool({ name: "stripe", arguments: { entity: "customers", action: "list", params: { limt: 2 } } });
  expect(wrong.isError).toBe(true);
  expect(parsed(wrong).error).toMatchObject({ type: "invalid_arguments", issues: [{ field: "params.limt" }] });
  const refused = await client.callTool({
    name: "stripe",
    arguments: { entity: "customers", action: "delete", params: { id: "customers_1" } },
  });
  expect(parsed(refused).error.type).toBe("not_allowed");
  expect(h.sentSince(mark).filter((r) => r.route === EXECUTE)).toEqual([]);
}

describe("the MCP server", () => {
  it("in memory: tools/list and tools/call for four connectors, errors as results", async () => {
    const client = await inMemoryClient({ workspace: ws });
    expect(client.getServerVersion()).toMatchObject({ name: "airbyte-agents", version: VERSION });
    await conformance(client);
  });

  it("lists the workspace's connectors once, however many calls follow", async () => {
    const client = await inMemoryClient({ workspace: ws });
    const mark = h.mark();
    await client.listTools();
    await client.callTool(CALLS[1]!);
    await client.listTools();
    const lists = h.sentSince(mark).filter((r) => r.route === "GET /api/v1/integrations/connectors");
    expect(lists).toHaveLength(1);
  });

  it("writes when allowed; the tool says it is destructive", async () => {
    const client = await inMemoryClient({ workspace: ws, only: ["stripe"], actions: { stripe: "all" }, ask: false });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["stripe"]);
    expect(tools[0]?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    const created = await client.callTool({
      name: "stripe",
      arguments: { entity: "customers", action: "create", params: { email: "mcp@example.com" } },
    });
    expect(parsed(created)).toMatchObject({ ok: true, data: { email: "mcp@example.com" } });
  });

  it("an unknown tool is a protocol error", async () => {
    const client = await inMemoryClient({ workspace: ws });
    await expect(client.callTool({ name: "nope", arguments: {} })).rejects.toThrow(/unknown tool/);
  });

  it("holds the output cap on the 100,000-record entity", async () => {
    const client = await inMemoryClient({ workspace: ws });
    const result = await client.callTool({ name: "stripe", arguments: { entity: "customers", action: "list", params: { limit: 100 } } });
    const text = (result as CallResult).content[0]!.text;
    expect(text.length).toBeLessThanOrEqual(100_000);
    expect(JSON.parse(text).truncated).toMatchObject({ recordsTotal: 100 });
  });

  it("per-action tools", async () => {
    const client = await inMemoryClient({ workspace: ws, only: ["linear"], mode: "actions", ask: false });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("linear_issues_list");
    const result = await client.callTool({ name: "linear_issues_list", arguments: { first: 3 } });
    expect(parsed(result).data).toHaveLength(3);
  });

  it("over streamable HTTP (createMcpHandler, stateless, web-standard fetch)", async () => {
    const handler = createMcpHandler({ workspace: ws });
    const transport = new StreamableHTTPClientTransport(new URL("http://mcp.test/mcp"), {
      fetch: (url, init) => handler(new Request(url, init)),
    });
    const client = new Client({ name: "http-test", version: "1.0.0" });
    await client.connect(transport);
    clients.push(client);
    await conformance(client);
  });

  it("over streamable HTTP, per tenant: two clients' workspaces of one name never share tools or credentials", async () => {
    const sent = { a: 0, b: 0 };
    const tenants = {
      a: h.client({ hooks: { onRequest: () => void sent.a++ } }).workspace("default"),
      b: h.client({ hooks: { onRequest: () => void sent.b++ } }).workspace("default"),
    };
    const handler = createMcpHandler({ workspace: (request) => tenants[request.headers.get("x-tenant") as "a" | "b"] });
    const connect = async (tenant: "a" | "b") => {
      const transport = new StreamableHTTPClientTransport(new URL("http://mcp.test/mcp"), {
        fetch: (url, init) => {
          const request = new Request(url, init);
          request.headers.set("x-tenant", tenant);
          return handler(request);
        },
      });
      const client = new Client({ name: `tenant-${tenant}`, version: "1.0.0" });
      await client.connect(transport);
      clients.push(client);
      return client;
    };
    const call = { name: "stripe", arguments: { entity: "customers", action: "list", params: { limit: 1 } } };
    const a = await connect("a");
    expect((await a.callTool(call)).isError).toBe(false);
    const before = { ...sent };
    const b = await connect("b");
    expect((await b.callTool(call)).isError).toBe(false);
    expect(sent.b).toBeGreaterThan(before.b);
    expect(sent.a).toBe(before.a);
    // The same workspace object again: its tools are reused, only the execute is sent.
    const mark = h.mark();
    expect((await b.callTool(call)).isError).toBe(false);
    expect(h.sentSince(mark).map((r) => r.route)).toEqual([EXECUTE]);
  });

  it("over stdio: the airbyte-agents-mcp CLI", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.resolve(import.meta.dirname, "../dist/cli.js"), "--workspace", "default"],
      env: {
        PATH: process.env.PATH ?? "",
        AIRBYTE_BASE_URL: h.emu.url,
        AIRBYTE_CLIENT_ID: h.emu.clientId,
        AIRBYTE_CLIENT_SECRET: h.emu.clientSecret,
      },
      stderr: "pipe",
    });
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(transport);
    clients.push(client);
    await conformance(client);
  });
});
