import type { Hono } from "hono";
import { bodyOf, type EmulatorContext, type Env, principalOf } from "../context.js";
import { notFound, unprocessable } from "../http/errors.js";
import { findWorkspaceByName } from "../store.js";
import { type AskSource, chooseSource } from "./ask-match.js";
import { fillRequiredParams, listOf, recordsOf } from "./ask-params.js";
import { catalogEntryOf } from "./connector-lookup.js";
import { executeOperation } from "./execute.js";

function label(record: unknown): string {
  if (!record || typeof record !== "object") return String(record);
  const r = record as Record<string, unknown>;
  const name = r.name ?? r.title ?? r.email ?? r.subject ?? r.login ?? r.id;
  return typeof name === "object" ? JSON.stringify(name) : String(name);
}

/**
 * Q1 (preview): answers deterministically by matching the prompt's words to the workspace's connectors and
 * entities (src/routes/ask-match.ts) and running a list with its required parameters filled
 * (src/routes/ask-params.ts), so the flow can be demoed offline (api-notes §10 U8).
 */
export function registerAskRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.post("/api/v1/workspaces/query/structured", async (c) => {
    const principal = principalOf(c);
    const name = c.req.query("workspace_name");
    if (!name) throw unprocessable([{ field: "query.workspace_name", message: "Field required", code: "missing" }]);
    const ws = findWorkspaceByName(ctx.store, principal.organizationId, name);
    if (!ws) throw notFound(`Workspace '${name}' not found`, "workspace_not_found");
    const body = bodyOf(c) as { prompt?: unknown } | undefined;
    if (typeof body?.prompt !== "string" || body.prompt.trim() === "") {
      throw unprocessable([{ field: "body.prompt", message: "Field required", code: "missing" }]);
    }
    const queryId = ctx.nextId();
    const failure = (reason: string, results: unknown[] = []) =>
      c.json({ outcome: "error", outcome_reason: reason, answer: null, results, query_id: queryId, execution_metadata: {} });
    const sources: AskSource[] = [...ctx.store.connectors.values()]
      .filter((x) => x.workspace_id === ws.id)
      .map((connector) => ({ connector, definition: catalogEntryOf(ctx, connector) }));
    if (sources.length === 0) return failure("The workspace has no connectors to answer from");
    const choice = chooseSource(body.prompt, sources);
    if (!choice) return failure("No connector entity in this workspace matches the question");

    const { connector, definition, entity } = choice;
    const limitMatch = /\b(\d{1,2})\b/.exec(body.prompt);
    const limit = Math.min(50, Math.max(1, Number(limitMatch?.[1] ?? 5)));
    const started = ctx.clock.now();
    const result = {
      source_id: connector.id,
      entity: entity.name,
      action: "list",
      params: { limit } as Record<string, unknown>,
      status: "success",
      data: [] as unknown,
      connector_metadata: null as unknown,
      execution_time_ms: 0,
    };
    try {
      result.params = { limit, ...fillRequiredParams({ ctx, principal, connector, definition }, entity) };
      const outcome = executeOperation(ctx, principal, connector, { entity: entity.name, action: "list", params: result.params });
      const records = recordsOf(outcome.result, listOf(entity)).slice(0, limit);
      result.data = records;
      result.connector_metadata = outcome.meta;
      result.execution_time_ms = Math.max(1, ctx.clock.now() - started);
      const answer = `Here are ${records.length} ${entity.name.replaceAll("_", " ")} from ${definition.displayName} (${connector.name}): ${records.map(label).join(", ")}.`;
      return c.json({
        outcome: "success",
        outcome_reason: null,
        answer,
        results: [result],
        query_id: queryId,
        execution_metadata: { connectors_considered: sources.length },
      });
    } catch (error) {
      result.status = "error";
      result.data = { message: (error as Error).message };
      return failure((error as Error).message, [result]);
    }
  });
}
