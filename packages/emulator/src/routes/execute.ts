import type { Hono } from "hono";
import type { Principal } from "../auth.js";
import type { CatalogAction, CatalogConnector, CatalogEntity, CatalogParam } from "../catalog/types.js";
import { type EmulatorContext, type Env, isUuid, jsonBody, principalOf } from "../context.js";
import { badRequest, forbidden, notFound, unprocessable } from "../http/errors.js";
import { createDataset, type Dataset } from "../records/dataset.js";
import { projectRecord } from "../records/fields.js";
import { type Filter, matchesFilter, validateFilter } from "../records/filter.js";
import { indexOfId } from "../records/generate.js";
import { type Connector, overlayFor } from "../store.js";
import { catalogEntryOf, matchAuthScheme, visibleConnector } from "./connector-lookup.js";

const WRITE_ACTIONS = new Set(["create", "update", "delete"]);
const DEFAULT_PAGE_SIZE = 20;
const MAX_UNPAGINATED = 100;

interface ExecuteBody {
  entity: string;
  action: string;
  params: Record<string, unknown>;
  select_fields?: string[] | null;
  exclude_fields?: string[] | null;
}

interface Outcome {
  result: unknown;
  meta: Record<string, unknown> | null;
  warning?: Record<string, unknown>;
}

/** Cursors are opaque to clients; inside they carry the next position. */
function encodeCursor(position: number): string {
  return btoa(`emu:${position}`).replace(/=+$/, "");
}

function decodeCursor(cursor: unknown, field: string, dataset?: Dataset): number {
  if (typeof cursor === "number" && Number.isInteger(cursor) && cursor >= 0) return cursor;
  try {
    const match = /^emu:(\d+)$/.exec(atob(String(cursor)));
    if (match) return Number(match[1]);
  } catch {
    // fall through to the record-id cursor, then the 422
  }
  // Connectors without a cursor in their metadata (Stripe: `has_more` only) page by the last id seen
  // (`starting_after: "<id>"`): continue right after that record.
  const index = dataset ? indexOfId(dataset.idStyle, cursor) : undefined;
  if (dataset && index !== undefined && index < dataset.size()) return index + 1;
  throw unprocessable([{ field, message: "Invalid pagination cursor", code: "invalid_cursor" }]);
}

function keyParamOf(entity: CatalogEntity, action: CatalogAction): CatalogParam | undefined {
  const required = action.params.filter((p) => p.required && p.in !== "body");
  const singular = entity.name.replace(/ies$/, "y").replace(/s$/, "");
  return (
    action.params.find((p) => p.name === "id") ??
    action.params.find((p) => p.name === `${singular}_id` || p.name === `${singular}Id`) ??
    required.reverse().find((p) => /(^|_)(id|gid|number|key|uuid)$|Id$/.test(p.name)) ??
    action.params.find((p) => p.in === "path" && p.required)
  );
}

function checkParams(action: CatalogAction, params: Record<string, unknown>, skip: Set<string>): void {
  const items: { field: string; message: string; code: string }[] = [];
  for (const param of action.params) {
    if (skip.has(param.name)) continue;
    const value = params[param.name];
    if (value === undefined || value === null) {
      if (param.required) items.push({ field: `params.${param.name}`, message: `Field required (${param.in} parameter)`, code: "missing" });
      continue;
    }
    const types = [param.type ?? []].flat();
    if (types.includes("integer") && !types.includes("string") && !(Number.isInteger(Number(value)) && String(value).trim() !== "")) {
      items.push({ field: `params.${param.name}`, message: "Input should be a valid integer", code: "int_parsing" });
    } else if (param.enum && !param.enum.includes(value)) {
      items.push({
        field: `params.${param.name}`,
        message: `Input should be one of ${param.enum.map((v) => JSON.stringify(v)).join(", ")}`,
        code: "enum",
      });
    }
  }
  if (items.length > 0) throw unprocessable(items);
}

/** The connector's own metadata keys (`has_next_page`/`end_cursor`, `hasNextPage`/`endCursor`, `next_page_token`...). */
function metadataFor(action: CatalogAction, hasMore: boolean, nextCursor: string | null, total: number): Record<string, unknown> | null {
  const meta = action.pagination?.meta;
  if (!meta) return null;
  const out: Record<string, unknown> = {};
  for (const [key, role] of Object.entries(meta)) {
    if (role === "hasMore") out[key] = hasMore;
    else if (role === "done") out[key] = !hasMore;
    else if (role === "cursor") out[key] = hasMore ? nextCursor : null;
    else if (role === "total") out[key] = total;
    else out[key] = null;
  }
  return out;
}

function pageSize(action: CatalogAction, params: Record<string, unknown>): { size: number; warning?: Record<string, unknown> } {
  const limitParam = action.pagination?.limitParam;
  const raw = (limitParam ? params[limitParam] : undefined) ?? params.limit;
  const spec = action.params.find((p) => p.name === (limitParam ?? "limit"));
  if (raw === undefined || raw === null) return { size: Number(spec?.default ?? DEFAULT_PAGE_SIZE) };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw unprocessable([
      { field: `params.${limitParam ?? "limit"}`, message: "Input should be a positive integer", code: "greater_than_equal" },
    ]);
  const max = spec?.maximum ?? 1000;
  if (n > max)
    return {
      size: max,
      warning: { code: "limit_clamped", message: `limit ${n} exceeds the connector's maximum; ${max} records returned per page` },
    };
  return { size: n };
}

/** Reads one page of live records starting at a position, skipping deleted ones. */
function readPage(
  dataset: Dataset,
  start: number,
  size: number,
  keep: (r: Record<string, unknown>) => boolean = () => true,
  scanLimit = Number.POSITIVE_INFINITY,
) {
  const items: Record<string, unknown>[] = [];
  let position = start;
  const end = dataset.size();
  let scanned = 0;
  while (position < end && items.length < size && scanned < scanLimit) {
    const record = dataset.at(position);
    position++;
    scanned++;
    if (record && keep(record)) items.push(record);
  }
  return { items, next: position, hasMore: position < end };
}

function run(dataset: Dataset, entity: CatalogEntity, action: CatalogAction | undefined, body: ExecuteBody): Outcome {
  const params = body.params;
  const select = body.select_fields;
  const exclude = body.exclude_fields;
  const project = (r: unknown) => projectRecord(r, select, exclude);

  if (body.action === "search" || body.action === "context_store_search") {
    const query = (params.query ?? {}) as { filter?: Filter; sort?: { field: string; order?: string }[] | Record<string, string>[] };
    try {
      validateFilter(query.filter);
    } catch (error) {
      throw unprocessable([{ field: "params.query.filter", message: (error as Error).message, code: "value_error" }]);
    }
    const limit = params.limit === undefined ? 10 : Number(params.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw unprocessable([{ field: "params.limit", message: "Input should be an integer between 1 and 1000", code: "value_error" }]);
    const start = params.cursor === undefined || params.cursor === null ? 0 : decodeCursor(params.cursor, "params.cursor");
    // Bounded scan: search over a 100k-record entity stays cheap, and says so through has_more.
    const page = readPage(dataset, start, limit, (r) => matchesFilter(r, query.filter), 5000);
    return {
      result: { data: page.items.map(project), meta: { has_more: page.hasMore, cursor: page.hasMore ? encodeCursor(page.next) : null } },
      meta: null,
    };
  }

  const spec = action as CatalogAction;
  const key = keyParamOf(entity, spec);
  const skip = new Set<string>([spec.pagination?.cursorParam ?? "", spec.pagination?.limitParam ?? ""]);

  switch (body.action) {
    case "list":
    case "api_search": {
      checkParams(spec, params, skip);
      const { size, warning } = pageSize(spec, params);
      const cursorParam = spec.pagination?.cursorParam;
      const rawCursor = params.cursor ?? (cursorParam ? params[cursorParam] : undefined);
      if (!spec.pagination) {
        const page = readPage(dataset, 0, Math.min(size, MAX_UNPAGINATED));
        return { result: page.items.map(project), meta: null, ...(warning ? { warning } : {}) };
      }
      const start =
        rawCursor === undefined || rawCursor === null || rawCursor === ""
          ? 0
          : decodeCursor(rawCursor, `params.${params.cursor !== undefined ? "cursor" : cursorParam}`, dataset);
      const text = body.action === "api_search" && typeof params.query === "string" ? params.query.toLowerCase() : undefined;
      const page = readPage(
        dataset,
        start,
        size,
        text ? (r) => JSON.stringify(r).toLowerCase().includes(text) : undefined,
        text ? 5000 : Number.POSITIVE_INFINITY,
      );
      return {
        result: page.items.map(project),
        meta: metadataFor(spec, page.hasMore, encodeCursor(page.next), dataset.size()),
        ...(warning ? { warning } : {}),
      };
    }
    case "get": {
      checkParams(spec, params, skip);
      const id = key ? params[key.name] : undefined;
      const record = dataset.find(id);
      if (!record) throw notFound(`${entity.name} record '${String(id)}' not found`, "record_not_found");
      return { result: project(record), meta: null };
    }
    case "create": {
      checkParams(spec, params, skip);
      const bodyFields = Object.fromEntries(
        Object.entries(params).filter(([name]) => spec.params.some((p) => p.name === name && p.in === "body")),
      );
      return { result: dataset.create(bodyFields), meta: null };
    }
    case "update": {
      checkParams(spec, params, skip);
      const id = key ? params[key.name] : undefined;
      const fields = Object.fromEntries(
        Object.entries(params).filter(([name]) => name !== key?.name && spec.params.some((p) => p.name === name && p.in === "body")),
      );
      const updated = dataset.update(id, fields);
      if (!updated) throw notFound(`${entity.name} record '${String(id)}' not found`, "record_not_found");
      return { result: updated, meta: null };
    }
    case "delete": {
      checkParams(spec, params, skip);
      const id = key ? params[key.name] : undefined;
      if (!dataset.remove(id)) throw notFound(`${entity.name} record '${String(id)}' not found`, "record_not_found");
      return { result: { id, deleted: true }, meta: null };
    }
    default:
      throw badRequest(`Action '${body.action}' is not supported`, "unsupported_action");
  }
}

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
  const searchable = (actionName === "search" || actionName === "context_store_search") && entity.actions.some((a) => a.action === "list");
  const action = entity.actions.find((a) => a.action === actionName);
  if (!action && !searchable) {
    const available = entity.actions.map((a) => a.action);
    if (entity.actions.some((a) => a.action === "list")) available.push("search", "context_store_search");
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
  const schema = (entity.actions.find((a) => a.action === "list") ?? entity.actions.find((a) => a.action === "get") ?? entity.actions[0])
    ?.record ?? { type: "object" };
  const count = ctx.options.recordCounts[`${definition.name}.${entity.name}`] ?? ctx.options.recordsPerEntity;
  return createDataset({
    seedKey: `${ctx.options.seed}:${connector.id}:${entity.name}`,
    entity: entity.name,
    schema,
    count,
    overlay: overlayFor(ctx.store, connector.id, entity.name),
  });
}

/** Runs an operation for a principal; shared by the execute route and ask. */
export function executeOperation(
  ctx: EmulatorContext,
  principal: Principal,
  connector: Connector,
  body: ExecuteBody,
): Outcome & { download?: { stream: ReadableStream<Uint8Array>; contentType: string; filename: string } | null } {
  void principal;
  const definition = catalogEntryOf(ctx, connector);
  const { entity, action } = findAction(definition, body.entity, body.action);
  checkEntityAccess(connector, body.entity, body.action);
  // Credentials are only checked when first used, as the hosted API does (contract §4.1).
  const authProblem = matchAuthScheme(definition, connector.credentials);
  if (authProblem) throw badRequest(authProblem, "credentials_mismatch", "credentials");
  const dataset = datasetFor(ctx, connector, definition, entity);
  if (body.action === "download") {
    const spec = action as CatalogAction;
    checkParams(spec, body.params, new Set());
    const key = keyParamOf(entity, spec);
    const id = key ? body.params[key.name] : undefined;
    const record = dataset.find(id);
    // Quirk kept on purpose: an unknown file is a 200 with an empty body (contract §5, AGENTIC-1142).
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
  return run(dataset, entity, action, body);
}

/** C6: `POST /integrations/connectors/{id}/execute` (contract §5). */
export function registerExecuteRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.post("/api/v1/integrations/connectors/:id/execute", async (c) => {
    const started = ctx.clock.now();
    const principal = principalOf(c);
    const rawId = c.req.param("id");
    // Unlike the other connector paths, execute's {id} is a plain string in the OpenAPI document (contract §1):
    // a non-UUID is an unknown connector (404), not a validation error.
    if (!isUuid(rawId)) throw notFound(`Connector ${rawId} not found`, "connector_not_found");
    const connector = visibleConnector(ctx, principal, rawId);
    // An inactive workspace has its connections disabled (contract §3 W4).
    if (ctx.store.workspaces.get(connector.workspace_id)?.status === "inactive") {
      throw forbidden("The connector's workspace is inactive", "workspace_inactive");
    }
    const raw = (await jsonBody(c)) as Record<string, unknown> | undefined;
    // The Python SDK sends "params": null; others send {} (contract §5): accept both.
    const body = raw && typeof raw === "object" && (raw.params === null || raw.params === undefined) ? { ...raw, params: {} } : raw;
    const outcome = executeOperation(ctx, principal, connector, body as unknown as ExecuteBody);
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
    return c.json(response);
  });
}
