import { checkCallOptions } from "../input/call-options";
import { requireText } from "../input/invalid-input";
import type { CallOptions } from "../transport/transport";
import type { WorkspaceScope } from "./workspace-scope";

/**
 * The answer to a natural-language question across a workspace (preview; api-notes §4.5).
 * `outcome` is `"success"` or `"error"` (with `outcomeReason`); a missing outcome reads as `"error"`, as in the Python SDK.
 *
 * @example
 * ```ts
 * const { outcome, answer, results } = await ws.ask("list my 5 most recent Stripe customers");
 * ```
 */
export interface AskResult {
  outcome: "success" | "error" | (string & {});
  outcomeReason: string | null;
  answer: string | null;
  results: {
    connectorId: string | null;
    entity: string | null;
    action: string | null;
    params: unknown;
    status: string | null;
    data: unknown;
    executionTimeMs: number | null;
  }[];
  queryId: string | null;
}

/** Q1: `POST /workspaces/query/structured?workspace_name=` (removed from the Python SDK; kept here as preview). */
export async function ask(scope: WorkspaceScope, prompt: string, options: CallOptions = {}): Promise<AskResult> {
  checkCallOptions("ask", options);
  requireText("ask", "prompt", prompt);
  const { data } = await scope.ctx.transport.request(
    {
      method: "POST",
      path: "/api/v1/workspaces/query/structured",
      query: { workspace_name: scope.name },
      body: { prompt },
      schema: "AskResultSchema",
      reads: {},
      auth: scope.auth,
      long: true,
    },
    options,
  );
  return {
    outcome: data.outcome ?? "error",
    outcomeReason: data.outcome_reason ?? null,
    answer: data.answer ?? null,
    results: (data.results ?? []).map((r) => ({
      connectorId: r.source_id ?? null,
      entity: r.entity ?? null,
      action: r.action ?? null,
      params: r.params,
      status: r.status ?? null,
      data: r.data,
      executionTimeMs: r.execution_time_ms ?? null,
    })),
    queryId: data.query_id ?? null,
  };
}
