// @airbyte-agents/tools/openai-agents: the tools as OpenAI Agents SDK function tools (`tool()` with JSON Schema
// parameters, non-strict). Imports only `@openai/agents` (a peer dependency).
import { type FunctionTool, tool } from "@openai/agents";
import type { AirbyteTool } from "./index";

/** The SDK's non-strict JSON object schema (its own type is not exported). */
type Parameters = { type: "object"; properties: Record<string, never>; required: never[]; additionalProperties: true };

/**
 * An OpenAI Agents function tool made from an Airbyte tool: its input is the model's JSON, its result a JSON string.
 *
 * @example
 * ```ts
 * const tools: AgentsTool[] = toOpenAIAgentsTools(await workspaceTools(ws));
 * ```
 */
export type AgentsTool = FunctionTool<unknown, Parameters, string>;

/**
 * Options of the OpenAI Agents tools.
 *
 * @example
 * ```ts
 * toOpenAIAgentsTools(tools, { approveWrites: true }); // a write interrupts the run until you approve it
 * ```
 */
export interface OpenAIAgentsToolOptions {
  /** Ask for human approval (the SDK's `needsApproval`) before any call that writes. Default false. */
  approveWrites?: boolean;
}

/**
 * One tool as an OpenAI Agents function tool. Its result is the JSON text of the `ToolResult` (exported from the
 * package root): failures (invalid arguments, a refused write, an API error) are results the model reads, not
 * exceptions.
 *
 * @example
 * ```ts
 * const [stripe] = await connectorTools(ws, "stripe");
 * const agent = new Agent({ name: "Billing", instructions: "…", tools: [toOpenAIAgentsTool(stripe)] });
 * ```
 */
export function toOpenAIAgentsTool(airbyteTool: AirbyteTool, options: OpenAIAgentsToolOptions = {}): AgentsTool {
  const schema = airbyteTool.inputSchema;
  const created = tool({
    name: airbyteTool.name,
    description: airbyteTool.description,
    // Non-strict JSON Schema: the connector tool's params are free-form (checked against the catalog by execute).
    parameters: { ...schema, additionalProperties: true } as Parameters,
    strict: false,
    execute: async (input, _context, details) => JSON.stringify(await airbyteTool.execute(input, { signal: details?.signal })),
    ...(options.approveWrites && airbyteTool.writes
      ? { needsApproval: async (_context: unknown, input: unknown) => airbyteTool.isWrite(input) }
      : {}),
  });
  return created as unknown as AgentsTool;
}

/**
 * Tools as OpenAI Agents function tools, for an `Agent`'s `tools`.
 *
 * @example
 * ```ts
 * const agent = new Agent({ name: "Ops", instructions: "…", tools: toOpenAIAgentsTools(await workspaceTools(ws)) });
 * ```
 */
export function toOpenAIAgentsTools(tools: readonly AirbyteTool[], options: OpenAIAgentsToolOptions = {}): AgentsTool[] {
  return tools.map((t) => toOpenAIAgentsTool(t, options));
}
