import type { CatalogAction, CatalogEntity, CatalogParam, RecordSchema } from "../catalog/types.js";
import { badRequest, notFound, unprocessable } from "../http/errors.js";
import type { Dataset } from "../records/dataset.js";
import { propertyNamed } from "../records/field-path.js";
import { projectRecord } from "../records/fields.js";
import { type Filter, matchesFilter, validateFilter } from "../records/filter.js";
import { indexOfId } from "../records/generate.js";
import { listFilter } from "../records/list-filter.js";
import { listProjection } from "../records/projection-params.js";
import { answerMany, answerOne, type Positioned, type PositionedRaw } from "./answer.js";
import { contextRecord } from "./context-store.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { answersStoredShape, viewOf } from "./entity.js";
import { filteredScanLimit } from "./filtered-scan.js";
import { listOrder, searchOrder } from "./list-order.js";
import { metaFor } from "./meta.js";
import { fits, isPlainObject } from "./schema.js";
import { forgetOrders, type SortedOrder } from "./sorted-order.js";
import { checkParams } from "./validate.js";

export interface ExecuteBody {
  entity: string;
  action: string;
  params: Record<string, unknown>;
  select_fields?: string[] | null;
  exclude_fields?: string[] | null;
}

export interface Outcome {
  result: unknown;
  meta: Record<string, unknown> | null;
  warning?: Record<string, unknown>;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_UNPAGINATED = 100;
/** search/context_store_search take the contract's own params, not the connector's. */
const SEARCH_PARAMS = ["query", "limit", "cursor", "fields"];
// Bounded scans keep text search over a 100k-record entity cheap; has_more says there may be more.
const SCAN_LIMIT = 5000;
const WRITE_ACTIONS = new Set(["create", "update", "delete"]);

/**
 * Reads one page of live records from a position, skipping deleted ones and those `keep` refuses. With `asText`,
 * records no write touched are left to be written as JSON when the answer is (Dataset.writeAt), the others read.
 * With `order`, `start` and the `next` answered are indexes into that order (a sort) rather than positions.
 */
function readPage(
  dataset: Dataset,
  start: number,
  size: number,
  keep?: (r: Record<string, unknown>) => boolean,
  scanLimit = Infinity,
  asText = false,
  order?: SortedOrder,
) {
  const items: (Positioned | PositionedRaw)[] = [];
  let position = start;
  const end = dataset.size();
  let scanned = 0;
  while (position < end && items.length < size && scanned < scanLimit) {
    const at = order ? order.positionAt(position) : position;
    if (asText && dataset.untouched(at)) items.push({ raw: true, position: at });
    else {
      const record = dataset.at(at);
      if (record && (!keep || keep(record))) items.push({ record, position: at });
    }
    position++;
    scanned++;
  }
  return { items, next: position, hasMore: position < end };
}

function pageSize(action: CatalogAction, params: Record<string, unknown>): { size: number; warning?: Record<string, unknown> } {
  const spec = action.params.find((p) => p.name === action.limitParam);
  const raw = spec ? params[spec.name] : undefined;
  if (raw === undefined || raw === null) return { size: Math.min(Number(spec?.default ?? DEFAULT_PAGE_SIZE), spec?.maximum ?? 1000) };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw unprocessable([{ field: `params.${spec?.name}`, message: "Input should be a positive integer", code: "greater_than_equal" }]);
  // Past the spec's maximum is invalid (checkParams refuses it first; this keeps pageSize honest on its own).
  if (spec?.maximum !== undefined && n > spec.maximum)
    throw unprocessable([
      { field: `params.${spec.name}`, message: `Input should be less than or equal to ${spec.maximum}`, code: "less_than_equal" },
    ]);
  // A spec without a maximum: the emulator's own cap on a page, with a warning.
  if (n > 1000)
    return {
      size: 1000,
      warning: { code: "limit_clamped", message: `limit ${n} exceeds the emulator's page cap; 1000 records returned per page` },
    };
  return { size: n };
}

/**
 * The fields a parent key the caller named (Twilio's AccountSid, GitLab's `project_id`) sets in the records read,
 * worked out once per request.
 */
function echoFields(action: CatalogAction, params: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const props = action.record.properties ?? {};
  for (const param of action.params) {
    if (param.name === action.keyParam || param.name === action.cursorParam || param.name === action.limitParam) continue;
    // Optional params filter instead (records/list-filter.ts): only path and required params name a parent.
    if (param.in === "body" || param.in === "header" || !(param.in === "path" || param.required)) continue;
    const value = params[param.name];
    if (value === undefined || value === null) continue;
    const field = propertyNamed(action.record, param.name);
    if (field && fits(value, props[field])) out.push([field, value]);
  }
  return out;
}

function withEcho(record: Record<string, unknown>, fields: [string, unknown][]): Record<string, unknown> {
  let out = record;
  for (const [field, value] of fields) out = { ...out, [field]: value };
  return out;
}

/** A parent key or an enum filter the caller named shows in the record read. */
function echoParams(action: CatalogAction, params: Record<string, unknown>, record: Record<string, unknown>): Record<string, unknown> {
  return withEcho(record, echoFields(action, params));
}

/** The record fields a write sends: declared body params, Asana's `data` wrapper unwrapped (it is no field). */
function writtenFields(action: CatalogAction, entity: CatalogEntity, params: Record<string, unknown>): Record<string, unknown> {
  const body = action.params.filter((p) => p.in === "body" && p.name !== action.keyParam && params[p.name] !== undefined);
  const fields: Record<string, unknown> = {};
  const props = viewOf(entity).record.properties ?? {};
  const norm = (n: string) => n.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  const byNorm = new Map(Object.keys(props).map((k) => [norm(k), k]));
  for (const p of body) {
    const value = params[p.name];
    // A list of one record (Zoho's `data: [{...}]`) wraps it the same way.
    const inner = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (body.length === 1 && isPlainObject(inner) && !(p.name in props)) return { ...inner };
    // Twilio takes `To`/`MessagingServiceSid` and answers `to`/`messaging_service_sid`: the same field.
    const name = p.name in props ? p.name : byNorm.get(norm(p.name));
    const envelope = name === undefined ? envelopeOf(props, p.name) : undefined;
    if (envelope) {
      // Pylon answers some writes as `{data: {...}, request_id}` with no extractor: the fields sent live in `data`.
      const inside = isPlainObject(fields[envelope]) ? (fields[envelope] as Record<string, unknown>) : {};
      fields[envelope] = { ...inside, [p.name]: value };
    } else fields[name ?? p.name] = value;
  }
  return fields;
}

/**
 * The envelope a record keeps a field in, when it has no such field itself: a `data` object that has it (Pylon's
 * `{data, request_id}`). Only `data`: another object with a field of that name is a different thing (Facebook's
 * `learning_stage_info.status` is not an ad set's `status`).
 */
function envelopeOf(props: Record<string, RecordSchema>, field: string): string | undefined {
  const data = props.data;
  return data?.properties && field in data.properties ? "data" : undefined;
}

function keyOf(action: CatalogAction, params: Record<string, unknown>): unknown {
  return action.keyParam ? params[action.keyParam] : undefined;
}

/** The record an action names by its key param; an action without one is a singleton (Stripe's balance). */
export function target(dataset: Dataset, entity: CatalogEntity, action: CatalogAction, params: Record<string, unknown>): Positioned {
  const id = keyOf(action, params);
  if (!action.keyParam) {
    const record = dataset.at(0);
    if (record) return { record, position: 0 };
  } else {
    const position = dataset.positionOf(id) ?? anyKey(dataset, entity, id);
    const record = position === undefined ? undefined : dataset.at(position);
    if (record && position !== undefined) return { record: named(record, dataset, id), position };
  }
  throw notFound(`${entity.name} record '${String(id)}' not found`, "record_not_found");
}

/**
 * An entity no operation lists (GitHub's file_content, Gmail's profile) has no ids to learn: every key
 * names one of its records, the same one for the same key.
 */
function anyKey(dataset: Dataset, entity: CatalogEntity, id: unknown): number | undefined {
  const listed = entity.actions.some((a) => a.action === "list" || a.action === "api_search");
  // An id in our own form past the end is still unknown (a download of it answers the empty-body quirk).
  if (listed || id === undefined || id === null || dataset.size() === 0) return undefined;
  if (indexOfId(dataset.idStyle, id) !== undefined) return undefined;
  let hash = 7;
  for (const ch of String(id)) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return hash % dataset.size();
}

/** The record carries the key it was asked by, when that key is not one of the generated ids. */
function named(record: Record<string, unknown>, dataset: Dataset, id: unknown): Record<string, unknown> {
  const field = dataset.idStyle.field;
  if (id === undefined || record[field] === id || String(record[field]) === String(id)) return record;
  return typeof record[field] === typeof id ? { ...record, [field]: id } : record;
}

function search(dataset: Dataset, entity: CatalogEntity, body: ExecuteBody): Outcome {
  const started = Date.now();
  const params = body.params;
  checkParams([], params, SEARCH_PARAMS);
  const query = (params.query ?? {}) as { filter?: Filter; sort?: unknown };
  try {
    validateFilter(query.filter);
  } catch (error) {
    throw unprocessable([{ field: "params.query.filter", message: (error as Error).message, code: "value_error" }]);
  }
  const limit = params.limit === undefined ? 10 : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw unprocessable([{ field: "params.limit", message: "Input should be an integer between 1 and 1000", code: "value_error" }]);
  let start = 0;
  if (params.cursor !== undefined && params.cursor !== null) {
    const position = decodeCursorToken(params.cursor);
    if (position === undefined)
      throw unprocessable([{ field: "params.cursor", message: "Invalid pagination cursor", code: "invalid_cursor" }]);
    start = position;
  }
  const view = viewOf(entity);
  const schema = entity.contextStore ?? view.record;
  // Records answer with the fields the context store lists for the entity, and the filter sees those.
  // Always reshaped: the stored record carries its key even where the context store does not list it.
  const shaped = (r: Record<string, unknown>, position: number) => contextRecord(dataset, entity, schema, r, position);
  // `query.sort`: the cursor is then an index into the sorted order (execute/sorted-order.ts).
  const { order, warning } = searchOrder(dataset, query.sort, schema, shaped);
  const items: Record<string, unknown>[] = [];
  let position = start;
  const end = dataset.size();
  for (let scanned = 0; position < end && items.length < limit && scanned < SCAN_LIMIT; position++, scanned++) {
    const at = order ? order.positionAt(position) : position;
    const record = dataset.at(at);
    if (!record) continue;
    const out = shaped(record, at);
    if (matchesFilter(out, query.filter)) items.push(out);
  }
  const hasMore = position < end;
  const fields = Array.isArray(params.fields) ? (params.fields as string[]) : undefined;
  return {
    result: {
      data: items.map((r) => projectRecord(projectRecord(r, fields, null), body.select_fields, body.exclude_fields)),
      meta: { has_more: hasMore, cursor: hasMore ? encodeCursor(position) : null, took_ms: Math.max(1, Date.now() - started) },
    },
    meta: null,
    ...(warning ? { warning } : {}),
  };
}

function decodeCursorToken(value: unknown): number | undefined {
  try {
    const match = /^emu:(\d+)$/.exec(atob(String(value)));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function list(dataset: Dataset, entity: CatalogEntity, action: CatalogAction, body: ExecuteBody, asText: boolean): Outcome {
  const params = body.params;
  const { size, warning } = pageSize(action, params);
  const raw = action.cursorParam ? params[action.cursorParam] : undefined;
  const paged = !!action.cursorParam || !!action.pagination;
  const start = raw === undefined || raw === null || raw === "" ? 0 : decodeCursor(raw, action, size, dataset);
  // Filter params, ranges and query languages (`email`, `created_after`, `q`, `jql`, `filterGroups`): one record test.
  const filter = listFilter(action, params);
  // Sort params and a query's ORDER BY (records/list-sort.ts); projection params such as `fields`, `properties`.
  const sorted = listOrder(dataset, action, params, filter?.order);
  const fieldsAsked = listProjection(action, params, dataset.idStyle.field);
  const echo = echoFields(action, params);
  // Records go out exactly as stored when nothing here would change them: then untouched ones are read as text.
  const projected = (body.select_fields?.length ?? 0) > 0 || (body.exclude_fields?.length ?? 0) > 0 || !!fieldsAsked;
  const stored =
    asText &&
    !filter?.keep &&
    !filter?.select &&
    echo.length === 0 &&
    !projected &&
    action.shape.kind !== "record" &&
    answersStoredShape(action, entity);
  const page = readPage(
    dataset,
    start,
    Math.min(paged ? size : Math.min(size, MAX_UNPAGINATED), filter?.limit ?? Infinity),
    filter?.keep,
    filter?.keep ? filteredScanLimit(action, size, SCAN_LIMIT) : Infinity,
    stored,
    sorted.order,
  );
  const items =
    echo.length === 0 ? page.items : page.items.map((item) => ("record" in item ? { ...item, record: withEcho(item.record, echo) } : item));
  const result = answerMany(dataset, entity, action, items);
  // A SOQL/GAQL SELECT list and a `fields`-like param project like select_fields, which wins when both are sent.
  const select = body.select_fields?.length ? body.select_fields : (filter?.select ?? fieldsAsked);
  const project = (r: unknown) => projectRecord(r, select, body.exclude_fields);
  return {
    result: Array.isArray(result) ? result.map(project) : project(result),
    meta: metaFor(action, { start, size, next: page.next, hasMore: paged && page.hasMore, total: dataset.size() }),
    ...(warning || sorted.warning ? { warning: warning ?? sorted.warning } : {}),
  };
}

/**
 * Runs one validated operation on an entity's dataset. `asText`: the caller writes the result with jsonBytes, so
 * a list may answer untouched records as RawJson text (any other serializer still gets the right value, slower).
 */
export function runOperation(
  dataset: Dataset,
  entity: CatalogEntity,
  action: CatalogAction | undefined,
  body: ExecuteBody,
  asText = false,
): Outcome {
  if (body.action === "search" || body.action === "context_store_search") return search(dataset, entity, body);
  const spec = action as CatalogAction;
  const params = body.params;
  checkParams(spec.params, params);
  const project = (r: unknown) => projectRecord(r, body.select_fields, body.exclude_fields);
  // A write changes what a cached sort order sorts by (execute/sorted-order.ts).
  if (WRITE_ACTIONS.has(body.action)) forgetOrders(dataset);
  switch (body.action) {
    case "list":
    case "api_search":
      return list(dataset, entity, spec, body, asText);
    case "get": {
      const item = target(dataset, entity, spec, params);
      return {
        result: project(answerOne(dataset, entity, spec, { ...item, record: echoParams(spec, params, item.record) })),
        meta: metaFor(spec, facts(dataset)),
      };
    }
    case "create": {
      const record = dataset.create(writtenFields(spec, entity, params));
      const position = dataset.size() - 1;
      return { result: answerOne(dataset, entity, spec, { record, position }), meta: metaFor(spec, facts(dataset)) };
    }
    case "update": {
      const item = target(dataset, entity, spec, params);
      // By position: an entity with no list names its records by any key (see anyKey), stored under our id.
      const updated = dataset.update(dataset.idAtPosition(item.position), writtenFields(spec, entity, params));
      if (!updated) throw notFound(`${entity.name} record not found`, "record_not_found");
      const record = named(updated, dataset, keyOf(spec, params));
      return { result: answerOne(dataset, entity, spec, { record, position: item.position }), meta: metaFor(spec, facts(dataset)) };
    }
    case "delete": {
      const item = target(dataset, entity, spec, params);
      // Answered in the deleted object's shape (Stripe's `{id, object, deleted}`) before it goes.
      const result = answerOne(dataset, entity, spec, item);
      dataset.remove(dataset.idAtPosition(item.position));
      return { result, meta: metaFor(spec, facts(dataset)) };
    }
    default:
      throw badRequest(`Action '${body.action}' is not supported`, "unsupported_action");
  }
}

function facts(dataset: Dataset) {
  return { start: 0, size: 1, next: 1, hasMore: false, total: dataset.size() };
}

/** For callers that build params without knowing the connector (ask): `limit` goes to its page-size param, undeclared params are dropped. */
export function lenientParams(action: CatalogAction | undefined, params: Record<string, unknown>): Record<string, unknown> {
  if (!action) return params;
  const declared = new Set(action.params.map((p: CatalogParam) => p.name));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (declared.has(k)) out[k] = v;
    else if (k === "limit" && action.limitParam && params[action.limitParam] === undefined) out[action.limitParam] = v;
  }
  return out;
}
