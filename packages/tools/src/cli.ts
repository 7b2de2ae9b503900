// airbyte-agents-mcp: a workspace's connectors as an MCP server over stdio, for Claude Desktop, Cursor, VS Code and
// any MCP client that starts a command. Credentials come from the environment (AIRBYTE_CLIENT_ID,
// AIRBYTE_CLIENT_SECRET, and AIRBYTE_BASE_URL, AIRBYTE_ORGANIZATION_ID when needed); the workspace from
// --workspace or AIRBYTE_WORKSPACE (default "default"). Reads only unless --actions allows writes.
import { parseArgs } from "node:util";
import { createClient } from "@airbyte-agents/core";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer } from "./mcp";
import type { ActionRule } from "./policy";
import { VERSION } from "./version";

const HELP = `airbyte-agents-mcp ${VERSION}: an Airbyte workspace's connectors as MCP tools, over stdio.

Usage: airbyte-agents-mcp [options]

  --workspace <name>        the workspace (default: $AIRBYTE_WORKSPACE, else "default")
  --actions <list|all>      actions the tools may run, comma-separated: list,get,customers.create ... or "all"
                            (default: reads only: list, get, search, api_search, context_store_search, download)
  --only <slugs>            only these connectors, comma-separated (default: every connector of the workspace)
  --mode <connector|actions> one tool per connector (default) or one per entity and action
  --max-output-chars <n>    the output cap of each result (default 100000)
  --no-ask                  leave out the workspace's ask tool
  --version, --help

Environment: AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET (required), AIRBYTE_BASE_URL, AIRBYTE_ORGANIZATION_ID,
AIRBYTE_WORKSPACE.`;

const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: "string" },
      actions: { type: "string" },
      only: { type: "string" },
      mode: { type: "string" },
      "max-output-chars": { type: "string" },
      "no-ask": { type: "boolean" },
      version: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  if (values.version) return void process.stdout.write(`${VERSION}\n`);
  if (!process.env.AIRBYTE_CLIENT_ID || !process.env.AIRBYTE_CLIENT_SECRET) {
    process.stderr.write("airbyte-agents-mcp: set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (see --help)\n");
    process.exit(2);
  }
  const mode = values.mode ?? "connector";
  if (mode !== "connector" && mode !== "actions") throw new Error(`--mode: expected connector or actions, got ${mode}`);
  const maxOutputChars = values["max-output-chars"] === undefined ? undefined : Number(values["max-output-chars"]);
  if (maxOutputChars !== undefined && !(maxOutputChars > 0)) throw new Error("--max-output-chars: expected a positive number");
  const actions: ActionRule | undefined = values.actions === "all" ? "all" : list(values.actions);
  const only = list(values.only);
  // stdout carries the protocol: the client logs nothing there.
  const client = createClient({ logLevel: "off" });
  const workspace = client.workspace(values.workspace ?? process.env.AIRBYTE_WORKSPACE ?? "default");
  const server = createMcpServer({
    workspace,
    mode,
    ask: !values["no-ask"],
    ...(actions ? { actions } : {}),
    ...(only ? { only } : {}),
    ...(maxOutputChars ? { maxOutputChars } : {}),
  });
  await server.connect(new StdioServerTransport());
}

main().catch((err: unknown) => {
  process.stderr.write(`airbyte-agents-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
