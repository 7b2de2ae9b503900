// @airbyte-agents/tools: connectors as tools for AI agents. This entry is framework-neutral; each framework has its
// own subpath (`/ai-sdk`, `/openai-agents`, `/mcp`), so importing one never loads another.

export { type CapContext, capResult, DEFAULT_MAX_OUTPUT_CHARS, type InputForm, recordsOf } from "./cap";
export { connectorDescription, DEFAULT_MAX_DESCRIPTION_CHARS, estimateTokens } from "./description";
export { failure, toToolFailure } from "./errors";
export { type ActionRule, allows, isReadAction, READ_ACTIONS } from "./policy";
export {
  type AskToolOptions,
  askTool,
  type ConnectorLike,
  type ConnectorToolOptions,
  connectorTools,
  toolName,
  type WorkspaceToolOptions,
  workspaceTools,
} from "./tools";
export type {
  AirbyteTool,
  JsonSchema,
  ToolCallOptions,
  ToolErrorType,
  ToolFailure,
  ToolInputSchema,
  ToolResult,
  ToolSuccess,
  Truncation,
} from "./types";
