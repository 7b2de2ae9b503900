// @airbyte-agents/tools/mcp: a workspace's connectors as an MCP server, on the MCP SDK's low-level Server with the
// tools' raw JSON Schemas (no zod of ours). createMcpServer() connects to any transport (stdio, in-memory);
// createMcpHandler() answers MCP's streamable HTTP on web-standard Request/Response (Workers, Deno, Bun, Node).
// Imports only `@modelcontextprotocol/sdk` (a peer dependency) and core; no Node built-ins.
import type { WorkspaceClient } from "@airbyte-agents/core";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { type WorkspaceToolOptions, workspaceTools } from "./tools";
import type { AirbyteTool } from "./types";
import { VERSION } from "./version";

/**
 * Options of the MCP server: the workspace and the tool options (allow-list, output cap, `ask`), or tools you built.
 *
 * @example
 * ```ts
 * createMcpServer({ workspace: createClient().workspace("acme"), actions: { stripe: "all" } });
 * ```
 */
export interface McpServerOptions extends WorkspaceToolOptions {
  /** The workspace whose connectors become tools (listed on the first `tools/list` or `tools/call`). */
  workspace?: WorkspaceClient | undefined;
  /** Tools to serve instead of (or as well as, with `workspace`) the workspace's. */
  tools?: readonly AirbyteTool[];
  /** The server's name in `initialize` (default `airbyte-agents`). */
  name?: string;
  /** Instructions for the client's model, sent in `initialize`. */
  instructions?: string;
}

/** MCP's form of a tool: raw JSON Schema and the hints clients show (read-only, destructive). */
function toMcpTool(t: AirbyteTool): Tool {
  return {
    name: t.name,
    description: t.description,
    inputSchema: t.inputSchema as Tool["inputSchema"],
    annotations: { readOnlyHint: t.readOnly, destructiveHint: t.destructive, idempotentHint: t.readOnly, openWorldHint: true },
  };
}

// The server never sends elicitation requests, so it needs no schema validator (the SDK's default would build Ajv,
// which compiles code at run time): any elicitation result is refused.
const noElicitation = {
  getValidator: () => () => ({ valid: false as const, data: undefined, errorMessage: "this server does not use elicitation" }),
};

/** Loads the tools once (again after a failure): the workspace's connector list is one request. */
function toolLoader(options: McpServerOptions): () => Promise<AirbyteTool[]> {
  let loading: Promise<AirbyteTool[]> | undefined;
  return () => {
    loading ??= (async () => {
      const own = options.workspace ? await workspaceTools(options.workspace, options) : [];
      return [...own, ...(options.tools ?? [])];
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

function serverFor(options: McpServerOptions, loadTools: () => Promise<AirbyteTool[]>): Server {
  const server = new Server(
    { name: options.name ?? "airbyte-agents", version: VERSION },
    {
      capabilities: { tools: {} },
      instructions:
        options.instructions ??
        "Each tool reads (and, where enabled, writes) one Airbyte connector of this workspace. A failed call's error says whether to fix the arguments, retry later or stop.",
      jsonSchemaValidator: noElicitation,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: (await loadTools()).map(toMcpTool) }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const found = (await loadTools()).find((t) => t.name === request.params.name);
    if (!found) throw new McpError(ErrorCode.InvalidParams, `unknown tool ${JSON.stringify(request.params.name)}`);
    const result = await found.execute(request.params.arguments ?? {}, { signal: extra.signal });
    return { content: [{ type: "text", text: JSON.stringify(result) }], isError: !result.ok };
  });
  return server;
}

/**
 * An MCP server whose tools are the workspace's connectors (reads only unless `actions` allows writes) and its
 * `ask`. Connect it to a transport: `StdioServerTransport` on Node, `InMemoryTransport` in tests.
 *
 * @example
 * ```ts
 * import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
 * const server = createMcpServer({ workspace: createClient().workspace("acme") });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createMcpServer(options: McpServerOptions): Server {
  if (!options.workspace && !options.tools) throw new TypeError("createMcpServer: give a workspace or tools");
  return serverFor(options, toolLoader(options));
}

/**
 * Options of the streamable-HTTP handler: the server's options, with the workspace per request if it depends on
 * the request (a header, a path, the caller's identity). A workspace's tools are kept per `WorkspaceClient` object:
 * return the same object for the same tenant to reuse them (a new object per request lists them on each request).
 *
 * @example
 * ```ts
 * const workspaces = new Map<string, WorkspaceClient>();
 * createMcpHandler({
 *   workspace: (request) => {
 *     const name = new URL(request.url).searchParams.get("ws") ?? "default";
 *     if (!workspaces.has(name)) workspaces.set(name, client.workspace(name));
 *     return workspaces.get(name)!;
 *   },
 * });
 * ```
 */
export interface McpHandlerOptions extends Omit<McpServerOptions, "workspace"> {
  workspace?: WorkspaceClient | ((request: Request) => WorkspaceClient | Promise<WorkspaceClient>);
  /** How long a workspace's tool list is reused across requests, in milliseconds (default 60,000). */
  toolsTtlMs?: number;
}

/** A workspace's tools and when they were listed. */
interface ToolsEntry {
  at: number;
  load: () => Promise<AirbyteTool[]>;
}

/**
 * A web-standard handler for MCP's streamable HTTP transport, stateless (no session: each request is answered on its
 * own, with JSON): `(request) => Promise<Response>` for a Worker's `fetch`, Deno.serve, Bun.serve or Hono. Each
 * workspace object's tools are listed once per `toolsTtlMs` and shared by the requests of an isolate; two workspaces
 * of one name from different clients (tenants) never share tools. Authenticate callers
 * before you hand a request to it: the tools act with your Airbyte credentials.
 *
 * @example
 * ```ts
 * const mcp = createMcpHandler({ workspace: createClient({ env }).workspace("acme") });
 * export default { fetch: (request: Request) => mcp(request) };
 * ```
 */
export function createMcpHandler(options: McpHandlerOptions): (request: Request) => Promise<Response> {
  const ttl = options.toolsTtlMs ?? 60_000;
  // By workspace object, never by name: two tenants' clients can both have a workspace "default", and a tool built
  // on one acts with its credentials. Weak, so a resolver's dropped workspaces go with their tools.
  const cache = new WeakMap<WorkspaceClient, ToolsEntry>();
  let toolsOnly: ToolsEntry | undefined;
  return async (request) => {
    const workspace = typeof options.workspace === "function" ? await options.workspace(request) : options.workspace;
    if (!workspace && !options.tools) throw new TypeError("createMcpHandler: give a workspace or tools");
    let entry = workspace ? cache.get(workspace) : toolsOnly;
    if (!entry || Date.now() - entry.at > ttl) {
      entry = { at: Date.now(), load: toolLoader({ ...options, workspace }) };
      if (workspace) cache.set(workspace, entry);
      else toolsOnly = entry;
    }
    const server = serverFor({ ...options, workspace }, entry.load);
    // No sessionIdGenerator: stateless mode.
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      // Stateless: the server and its transport live for one request.
      void server.close().catch(() => undefined);
    }
  };
}
