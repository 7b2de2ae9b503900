// An Airbyte workspace's connectors as an MCP server in a Cloudflare Worker, over MCP's streamable HTTP transport
// (stateless: any isolate answers any request). Point an MCP client at https://<your-worker>/mcp with the header
// `Authorization: Bearer <MCP_AUTH_TOKEN>`.
//
// - Airbyte credentials from `env` (secrets/vars): AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_BASE_URL.
// - AIRBYTE_WORKSPACE: the workspace whose connectors become tools (default "default").
// - MCP_AUTH_TOKEN: the bearer token MCP clients must send; without it every request is refused. The tools act
//   with your Airbyte credentials, so never serve them unauthenticated (or put your own OAuth in front).
// - MCP_ACTIONS (optional): the allow-list, comma-separated ("list,get,customers.create") or "all"; default reads only.
import { createClient } from "@airbyte-agents/core";
import { createMcpHandler } from "@airbyte-agents/tools/mcp";

/** One handler per isolate: the workspace's tool list is reused across requests (for a minute). */
let handler;

/** Compares two strings in time that does not depend on where they differ. */
function sameSecret(a, b) {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let diff = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}

export default {
  /**
   * @param {Request} request
   * @param {{ AIRBYTE_CLIENT_ID: string, AIRBYTE_CLIENT_SECRET: string, AIRBYTE_BASE_URL?: string,
   *           AIRBYTE_WORKSPACE?: string, MCP_AUTH_TOKEN?: string, MCP_ACTIONS?: string }} env
   */
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== "/mcp") return new Response("Not found", { status: 404 });
    const given = (request.headers.get("authorization") ?? "").replace(/^Bearer\s+/i, "");
    if (!env.MCP_AUTH_TOKEN || !sameSecret(given, env.MCP_AUTH_TOKEN)) {
      return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="mcp"' } });
    }
    if (!handler) {
      const actions = env.MCP_ACTIONS === "all" ? "all" : env.MCP_ACTIONS?.split(",").map((a) => a.trim());
      handler = createMcpHandler({
        workspace: createClient({ env }).workspace(env.AIRBYTE_WORKSPACE ?? "default"), // AIRBYTE_* read from the bindings
        ...(actions ? { actions } : {}),
      });
    }
    return handler(request);
  },
};
