import type { Hono } from "hono";
import { bodyOf, type EmulatorContext, type Env, principalOf } from "../context.js";
import { notFound, unprocessable } from "../http/errors.js";
import { findWorkspaceByName } from "../store.js";
import { catalogEntryOf } from "./connector-lookup.js";
import { executeOperation } from "./execute.js";

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

function singular(word: string): string {
  return word.replace(/ies$/, "y").replace(/s$/, "");
}

function label(record: unknown): string {
  if (!record || typeof record !== "object") return String(record);
  const r = record as Record<string, unknown>;
  const name = r.name ?? r.title ?? r.email ?? r.subject ?? r.login ?? r.id;
  return typeof name === "object" ? JSON.stringify(name) : String(name);
}

/**
 * Q1 (preview): answers deterministically by matching the prompt's words to the workspace's connectors and
 * entities and running a list, so the flow can be demoed offline (contract §10 U8).
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
    const connectors = [...ctx.store.connectors.values()].filter((x) => x.workspace_id === ws.id);
    if (connectors.length === 0) {
      return c.json({
        outcome: "error",
        outcome_reason: "The workspace has no connectors to answer from",
        answer: null,
        results: [],
        query_id: queryId,
        execution_metadata: {},
      });
    }
    const prompt = words(body.prompt);
    const promptSingular = new Set([...prompt].map(singular));
    let best: { score: number; connectorIndex: number; entity: string } | undefined;
    connectors.forEach((connector, connectorIndex) => {
      const definition = catalogEntryOf(ctx, connector);
      const connectorScore = [definition.name, ...words(definition.displayName), ...words(connector.name)].some((w) => prompt.has(w))
        ? 2
        : 0;
      for (const entity of definition.entities) {
        const list = entity.actions.find((a) => a.action === "list");
        // Ask has no way to fill connector-specific required parameters (GitHub's owner/repo): skip such lists.
        const paging = new Set([list?.pagination?.cursorParam, list?.pagination?.limitParam, "limit"]);
        if (!list || list.params.some((p) => p.required && !paging.has(p.name))) continue;
        const entityWords = entity.name.split("_");
        const entityScore = entityWords.every((w) => promptSingular.has(singular(w))) ? 3 : 0;
        const score = connectorScore + entityScore;
        if (score > 0 && entityScore > 0 && (!best || score > best.score)) best = { score, connectorIndex, entity: entity.name };
      }
    });
    if (!best) {
      return c.json({
        outcome: "error",
        outcome_reason: "No connector entity in this workspace matches the question",
        answer: null,
        results: [],
        query_id: queryId,
        execution_metadata: {},
      });
    }
    const connector = connectors[best.connectorIndex] as (typeof connectors)[number];
    const limitMatch = /\b(\d{1,2})\b/.exec(body.prompt);
    const limit = Math.min(50, Math.max(1, Number(limitMatch?.[1] ?? 5)));
    const params = { limit };
    const started = ctx.clock.now();
    const result = {
      source_id: connector.id,
      entity: best.entity,
      action: "list",
      params,
      status: "success",
      data: [] as unknown,
      connector_metadata: null as unknown,
      execution_time_ms: 0,
    };
    try {
      const outcome = executeOperation(ctx, principal, connector, { entity: best.entity, action: "list", params });
      const records = (Array.isArray(outcome.result) ? outcome.result : []).slice(0, limit);
      result.data = records;
      result.connector_metadata = outcome.meta;
      result.execution_time_ms = Math.max(1, ctx.clock.now() - started);
      const definition = catalogEntryOf(ctx, connector);
      const answer = `Here are ${records.length} ${best.entity.replaceAll("_", " ")} from ${definition.displayName} (${connector.name}): ${records.map(label).join(", ")}.`;
      return c.json({
        outcome: "success",
        outcome_reason: null,
        answer,
        results: [result],
        query_id: queryId,
        execution_metadata: { connectors_considered: connectors.length },
      });
    } catch (error) {
      result.status = "error";
      result.data = { message: (error as Error).message };
      return c.json({
        outcome: "error",
        outcome_reason: (error as Error).message,
        answer: null,
        results: [result],
        query_id: queryId,
        execution_metadata: {},
      });
    }
  });
}
