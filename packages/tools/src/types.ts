/**
 * A JSON Schema (draft 2020-12 subset) as the tools' input schemas use it: what the AI SDK's `jsonSchema()`, the
 * OpenAI Agents SDK's `parameters` and MCP's `inputSchema` all take.
 *
 * @example
 * ```ts
 * const schema: JsonSchema = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
 * ```
 */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  [key: string]: unknown;
}

/** The input schema of a tool: always an object. */
export interface ToolInputSchema extends JsonSchema {
  type: "object";
  properties: Record<string, JsonSchema>;
  required: string[];
  additionalProperties: boolean;
}

/**
 * Why a tool call failed, for the model:
 * - `invalid_arguments`: fix the arguments (the issues name each field and its valid choices) and call again;
 * - `not_allowed`: the developer did not enable this action for this tool; do not retry it;
 * - `not_found`: no such record; check the id (a list finds valid ones);
 * - `rate_limited`, `unavailable`: temporary; the same call may succeed later;
 * - `outcome_unknown`: a write whose outcome is unknown (it may have been applied); do not repeat it blindly;
 * - `unauthorized`, `forbidden`, `configuration`: the connector or the credentials need a person; stop;
 * - `no_answer`: the workspace question found nothing to answer with; rephrase it;
 * - `failed`: anything else the API refused.
 *
 * @example
 * ```ts
 * if (!result.ok && result.error.type === "invalid_arguments") console.log(result.error.issues);
 * ```
 */
export type ToolErrorType =
  | "invalid_arguments"
  | "not_allowed"
  | "not_found"
  | "rate_limited"
  | "unavailable"
  | "outcome_unknown"
  | "unauthorized"
  | "forbidden"
  | "configuration"
  | "no_answer"
  | "failed";

/**
 * A failed call as the model reads it: what went wrong, whether calling again can help and how.
 *
 * @example
 * ```ts
 * const failure: ToolFailure = { ok: false, error: { type: "not_allowed", message: "…", retryable: false, hint: "…" } };
 * ```
 */
export interface ToolFailure {
  ok: false;
  error: {
    type: ToolErrorType;
    message: string;
    /** True when the model can fix or repeat the call (`invalid_arguments`, `not_found`, `rate_limited`, `unavailable`). */
    retryable: boolean;
    /** What to do next, in one sentence. */
    hint: string;
    /** Each bad field (`entity`, `action`, `params.limit`) and what is wrong with it, valid choices included. */
    issues?: { field: string; message: string }[];
    status?: number;
    requestId?: string;
    retryAfterMs?: number;
  };
}

/**
 * What was left out of a result that did not fit the output cap, and how to get the rest.
 *
 * @example
 * ```ts
 * if (result.ok && result.truncated) console.log(result.truncated.note);
 * ```
 */
export interface Truncation {
  /** The size of the whole result, in characters of JSON. */
  totalChars: number;
  /** The cap it was cut to. */
  maxChars: number;
  /** Records kept and records on the page, when the result was a list of records. */
  recordsShown?: number;
  recordsTotal?: number;
  /** What was cut and how to page or narrow the call, for the model. */
  note: string;
}

/**
 * A successful call: the connector's result (`data`), and when more records follow, the parameters that fetch them.
 *
 * @example
 * ```ts
 * if (result.ok && result.nextPage) await tool.execute({ entity, action, params: { ...params, ...result.nextPage.params } });
 * ```
 */
export interface ToolSuccess {
  ok: true;
  data: unknown;
  /** Present when more records follow: merge these into `params` for the next page. */
  nextPage?: { params: Record<string, unknown> };
  /** The result was cut to fit the output cap; `data` holds what fit. */
  truncated?: Truncation;
  /** When the result was not a list and had to be cut: the first characters of its JSON (incomplete JSON). */
  partial?: string;
  /** A warning the API attached to the result (a clamped page size, for example). */
  warning?: Record<string, unknown>;
}

/**
 * What every tool returns: never an exception for the API's errors, so the model can read the failure and act.
 *
 * @example
 * ```ts
 * const result: ToolResult = await tool.execute({ entity: "customers", action: "list", params: { limit: 5 } });
 * ```
 */
export type ToolResult = ToolSuccess | ToolFailure;

/**
 * Options every call of a tool takes: a signal to cancel it (frameworks pass theirs).
 *
 * @example
 * ```ts
 * await tool.execute(input, { signal: AbortSignal.timeout(30_000) });
 * ```
 */
export interface ToolCallOptions {
  signal?: AbortSignal | undefined;
}

/**
 * One framework-neutral tool: a name, a description generated from the connector's catalog, a JSON Schema for its
 * input and `execute`, which validates the arguments, runs the call and returns a {@link ToolResult}. The adapters
 * (`/ai-sdk`, `/openai-agents`, `/mcp`) wrap these.
 *
 * @example
 * ```ts
 * const [stripe] = await connectorTools(ws, "stripe");
 * const result = await stripe.execute({ entity: "customers", action: "list", params: { limit: 5 } });
 * ```
 */
export interface AirbyteTool {
  name: string;
  description: string;
  inputSchema: ToolInputSchema;
  /** True when every action the tool may run is a read. */
  readOnly: boolean;
  /** True when the tool may delete. */
  destructive: boolean;
  /** True when the tool may write; the adapters ask for approval on these when told to. */
  writes: boolean;
  /** Which connector, entity and action the tool covers (undefined entity/action: the whole connector). */
  target: { kind: "connector"; slug: string; entity?: string; action?: string } | { kind: "ask" };
  execute(input: unknown, options?: ToolCallOptions): Promise<ToolResult>;
  /**
   * Whether this particular call would write (`create`, `update`, `delete`…): what an approval step asks about.
   * Malformed input is not a write (it fails validation first).
   */
  isWrite(input: unknown): boolean;
}
