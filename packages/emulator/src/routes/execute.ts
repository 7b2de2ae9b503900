import type { Hono } from "hono";
import type { Principal } from "../auth.js";
import type { CatalogAction, CatalogConnector, CatalogEntity } from "../catalog/types.js";
import { type EmulatorContext, type Env, isUuid, jsonBody, principalOf } from "../context.js";
import { viewOf } from "../execute/entity.js";
import { type ExecuteBody, lenientParams, type Outcome, runOperation, target } from "../execute/run.js";
import { checkParams } from "../execute/validate.js";
import { badRequest, forbidden, notFound } from "../http/errors.js";
import { jsonResponse } from "../http/json-bytes.js";
import { createDataset, type Dataset } from "../records/dataset.js";
import { type Connector, overlayFor } from "../store.js";
import { catalogEntryOf, matchAuthScheme, visibleConnector } from "./connector-lookup.js";

const WRITE_ACTIONS = new Set(["create", "update", "delete"]);

/** A deterministic body for a download: a text header naming the file, then pseudo-random bytes. */
function downloadStream(seedKey: string, id: string, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  let state = [...`${seedKey}:${id}`].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
  const header = new TextEncoder().encode(`emulator file ${id}\n`);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const chunk = new Uint8Array(Math.min(16_384, size - sent));
      for (let i = 0; i < chunk.length; i++) {
        const offset = sent + i;
        if (offset < header.length) chunk[i] = header[offset] as number;
        else {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          chunk[i] = state >>> 24;
        }
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

function findAction(
  connector: CatalogConnector,
  entityName: string,
  actionName: string,
): { entity: CatalogEntity; action: CatalogAction | undefined } {
  const entity = connector.entities.find((e) => e.name === entityName);
  if (!entity) {
    throw badRequest(
      `Entity '${entityName}' is not supported by ${connector.displayName}. Available entities: ${connector.entities.map((e) => e.name).join(", ")}`,
      "unknown_entity",
      "body.entity",
    );
  }
  // Every entity the context store lists (and every listable one) answers search and context_store_search.
  const canSearch = viewOf(entity).searchable;
  const searchable = (actionName === "search" || actionName === "context_store_search") && canSearch;
  const action = entity.actions.find((a) => a.action === actionName);
  if (!action && !searchable) {
    const available = entity.actions.map((a) => a.action);
    if (canSearch) available.push("search", "context_store_search");
    throw badRequest(
      `Action '${actionName}' is not supported for entity '${entityName}'. Available actions: ${available.join(", ")}`,
      "unknown_action",
      "body.action",
    );
  }
  return { entity, action };
}

function checkEntityAccess(connector: Connector, entity: string, action: string): void {
  if (!connector.entities || connector.entities.length === 0) return;
  const granted = connector.entities.find((e) => e.entity === entity);
  if (!granted) throw forbidden(`Entity '${entity}' is not enabled for this connector`, "entity_not_enabled");
  if (WRITE_ACTIONS.has(action) && granted.modes && !granted.modes.includes("write")) {
    throw forbidden(`Entity '${entity}' is enabled read-only for this connector`, "entity_read_only");
  }
}

export function datasetFor(ctx: EmulatorContext, connector: Connector, definition: CatalogConnector, entity: CatalogEntity): Dataset {
  const view = viewOf(entity);
  const count = ctx.options.recordCounts[`${definition.name}.${entity.name}`] ?? ctx.options.recordsPerEntity;
  // The record field a list's cursor takes (Typeform's `token`): the dataset writes it from each record's position.
  const cursorField = entity.actions.find((a) => a.cursorField !== undefined)?.cursorField;
  return createDataset({
    seedKey: `${ctx.options.seed}:${connector.id}:${entity.name}`,
    entity: entity.name,
    schema: view.record,
    count,
    overlay: overlayFor(ctx.store, connector.id, entity.name),
    ...(entity.key ? { key: entity.key } : {}),
    digits: view.digits,
    ...(view.width !== undefined ? { width: view.width } : {}),
    ...(cursorField !== undefined ? { cursorField } : {}),
  });
}

/**
 * Runs an operation for a principal; shared by the execute route and ask. The route validates params
 * strictly (`strict`); ask, which cannot know each connector's params, passes `limit` and has it mapped.
 */
export function executeOperation(
  ctx: EmulatorContext,
  principal: Principal,
  connector: Connector,
  request: ExecuteBody,
  strict = false,
  asText = false,
): Outcome & { download?: { stream: ReadableStream<Uint8Array>; contentType: string; filename: string } | null } {
  void principal;
  const definition = catalogEntryOf(ctx, connector);
  const { entity, action } = findAction(definition, request.entity, request.action);
  const body = strict ? request : { ...request, params: lenientParams(action, request.params) };
  checkEntityAccess(connector, body.entity, body.action);
  // Credentials are only checked when first used, as the hosted API does (api-notes §4.1).
  const authProblem = matchAuthScheme(definition, connector.credentials);
  if (authProblem) throw badRequest(authProblem, "credentials_mismatch", "credentials");
  const dataset = datasetFor(ctx, connector, definition, entity);
  if (body.action === "download") {
    const spec = action as CatalogAction;
    checkParams(spec.params, body.params);
    const id = spec.keyParam ? body.params[spec.keyParam] : undefined;
    let record: Record<string, unknown> | undefined;
    try {
      record = target(dataset, entity, spec, body.params).record;
    } catch {
      record = undefined;
    }
    // Quirk kept on purpose: an unknown file is a 200 with an empty body (api-notes §5, AGENTIC-1142).
    if (!record) return { result: null, meta: null, download: null };
    const size =
      Number(record.size ?? 0) > 0 && Number(record.size) < 5_000_000
        ? Number(record.size)
        : 4096 + (Number(String(id).replace(/\D/g, "")) % 8) * 1024;
    return {
      result: null,
      meta: null,
      download: {
        stream: downloadStream(ctx.options.seed, String(id), size),
        contentType: spec.download?.contentType ?? "application/octet-stream",
        filename: `${entity.name}-${String(id)}.bin`,
      },
    };
  }
  return runOperation(dataset, entity, action, body, asText);
}

/** C6: `POST /integrations/connectors/{id}/execute` (api-notes §5). */
export function registerExecuteRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.post("/api/v1/integrations/connectors/:id/execute", async (c) => {
    const started = ctx.clock.now();
    const principal = principalOf(c);
    const rawId = c.req.param("id");
    // Unlike the other connector paths, execute's {id} is a plain string in the OpenAPI document (api-notes §1):
    // a non-UUID is an unknown connector (404), not a validation error.
    if (!isUuid(rawId)) throw notFound(`Connector ${rawId} not found`, "connector_not_found");
    const connector = visibleConnector(ctx, principal, rawId);
    // An inactive workspace has its connections disabled (api-notes §3 W4).
    if (ctx.store.workspaces.get(connector.workspace_id)?.status === "inactive") {
      throw forbidden("The connector's workspace is inactive", "workspace_inactive");
    }
    const raw = (await jsonBody(c)) as Record<string, unknown> | undefined;
    // The Python SDK sends "params": null; others send {} (api-notes §5): accept both.
    const body = raw && typeof raw === "object" && (raw.params === null || raw.params === undefined) ? { ...raw, params: {} } : raw;
    // asText: the answer is written by jsonBytes, which writes records read as text as they are.
    const outcome = executeOperation(ctx, principal, connector, body as unknown as ExecuteBody, true, true);
    if ("download" in outcome) {
      if (!outcome.download) return c.body(null, 200);
      return new Response(outcome.download.stream, {
        status: 200,
        headers: {
          "content-type": outcome.download.contentType,
          "content-disposition": `attachment; filename="${outcome.download.filename}"`,
        },
      });
    }
    const response: Record<string, unknown> = {
      status: "success",
      result: outcome.result,
      connector_metadata: outcome.meta,
      execution_metadata: { connector_instance_id: connector.id, execution_time_ms: Math.max(1, ctx.clock.now() - started) },
    };
    if (outcome.warning) response.warning = outcome.warning;
    // The bytes c.json would send, built record by record (a page can be hundreds of KB: see json-bytes.ts).
    return jsonResponse(response, { status: 200, headers: { "Content-Type": "application/json" } });
  });
}
