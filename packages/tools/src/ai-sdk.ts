// @airbyte-agents/tools/ai-sdk: the tools as Vercel AI SDK tools (`tool()` with a `jsonSchema()` input schema), for
// generateText, streamText and agents. Imports only `ai` (a peer dependency).
import { jsonSchema, type Tool, tool } from "ai";
import type { AirbyteTool, ToolResult } from "./index";

/**
 * One tool as an AI SDK tool. A failure (invalid arguments, a refused write, an API error) is returned to the model
 * as an `error-json` tool result it can read and act on, not thrown; errors that are not the API's are thrown and
 * become the AI SDK's tool errors.
 *
 * @example
 * ```ts
 * const [stripe] = await connectorTools(ws, "stripe");
 * const tools = { stripe: toAiSdkTool(stripe) };
 * ```
 */
export function toAiSdkTool(airbyteTool: AirbyteTool): Tool<Record<string, unknown>, ToolResult> {
  return tool<Record<string, unknown>, ToolResult, Record<string, never>>({
    description: airbyteTool.description,
    // The arguments are checked by execute against the connector's catalog, so a mistake comes back as a result the
    // model can fix (with the valid choices), not as an SDK-level parse error.
    inputSchema: jsonSchema<Record<string, unknown>>(airbyteTool.inputSchema as Parameters<typeof jsonSchema>[0]),
    execute: (input, options) => airbyteTool.execute(input, { signal: options.abortSignal }),
    toModelOutput: ({ output }) => (output.ok ? { type: "json", value: output as never } : { type: "error-json", value: output as never }),
  });
}

/**
 * Tools as an AI SDK tool set, keyed by name: pass it as `tools` to generateText or streamText.
 *
 * @example
 * ```ts
 * const tools = toAiSdkTools(await workspaceTools(createClient().workspace("acme")));
 * const { text } = await generateText({ model, tools, stopWhen: stepCountIs(5), prompt: "How many customers signed up this week?" });
 * ```
 */
export function toAiSdkTools(tools: readonly AirbyteTool[]): Record<string, Tool<Record<string, unknown>, ToolResult>> {
  const set: Record<string, Tool<Record<string, unknown>, ToolResult>> = {};
  for (const t of tools) {
    if (Object.hasOwn(set, t.name)) throw new TypeError(`toAiSdkTools: two tools are named ${JSON.stringify(t.name)}`);
    set[t.name] = toAiSdkTool(t);
  }
  return set;
}
