// The sort params of a list or search, read into sort keys: a field param (`sort_by`, `order_by`, `orderby`,
// `sort_field`, `sort`, `orderBy`, HubSpot `sorts`, Notion `sort`) and a direction param (`sort_order`, `sort_dir`,
// `order`, GitLab's `sort`, Asana's `sort_ascending`), told apart by their enums: a param whose values are all
// directions (`asc`/`desc`, `ASCENDING`/`DESCENDING`) or a boolean is the direction. Nothing sent, nothing sorted:
// the spec's defaults (WooCommerce's `orderby=date&order=desc`) are not applied to an unsorted call.
import type { CatalogAction, CatalogParam, RecordSchema } from "../catalog/types.js";
import { directionOf, type SortKey, sortFieldPath, sortKeysOf } from "./sort-keys.js";

const FIELD_PARAM = /^(sorts?|sort_?by|order_?by|sort_?field|sort_?key|order)$/i;
const DIRECTION_PARAM = /^(sort_?order|sort_?dir|sort_?direction|direction|order_?type|order|sort|sort_?ascending)$/i;

function isDirectionParam(param: CatalogParam): boolean {
  if (!DIRECTION_PARAM.test(param.name)) return false;
  if ([param.type ?? []].flat().includes("boolean")) return true;
  return !!param.enum && param.enum.length > 0 && param.enum.every((v) => directionOf(v) !== undefined);
}

function isOptional(param: CatalogParam): boolean {
  return !param.required && (param.in === "query" || param.in === "body");
}

interface SortParams {
  field?: CatalogParam;
  direction?: CatalogParam;
}

function sortParams(action: CatalogAction): SortParams {
  const optional = action.params.filter(isOptional);
  const direction = optional.find(isDirectionParam);
  const field = optional.find((p) => p !== direction && FIELD_PARAM.test(p.name) && !isDirectionParam(p));
  return { ...(field ? { field } : {}), ...(direction ? { direction } : {}) };
}

/** What a direction-only sort orders by (Zendesk's comments "always sorted by created_at", Pinterest's `order`). */
function implicitKey(schema: RecordSchema): string[] | undefined {
  return sortFieldPath(schema, "created") ?? sortFieldPath(schema, "id");
}

/** The sort keys the params of a call name; undefined when it sends no sort param the emulator can read. */
export function listSort(action: CatalogAction, params: Record<string, unknown>): SortKey[] | undefined {
  const { field, direction } = sortParams(action);
  const sentField = field ? params[field.name] : undefined;
  const sentDirection = direction ? params[direction.name] : undefined;
  if ((sentField === undefined || sentField === null) && (sentDirection === undefined || sentDirection === null)) return undefined;
  const said = directionOf(sentDirection ?? direction?.default ?? "asc") ?? "asc";
  if (sentField !== undefined && sentField !== null) {
    const keys = sortKeysOf(sentField, action.record, said);
    return keys.length > 0 ? keys : undefined;
  }
  // A direction alone: by the field param's default (WooCommerce's `orderby=date`) when it names a field.
  const byDefault = field?.default === undefined ? [] : sortKeysOf(field.default, action.record, said);
  if (byDefault.length > 0) return byDefault;
  const path = implicitKey(action.record);
  return path && [{ path, descending: said === "desc" }];
}

/** For the README's counts: whether a param is one of the sort params read, and can name a field of the record. */
export function isSortParam(action: CatalogAction, param: CatalogParam): boolean {
  const { field, direction } = sortParams(action);
  if (param === field) {
    // An enum of sort names: at least one names a field; free text (`modifiedTime desc`) names what it says.
    return !param.enum || param.enum.some((v) => sortKeysOf(String(v), action.record).length > 0);
  }
  if (param === direction) return field ? isSortParam(action, field) : implicitKey(action.record) !== undefined;
  return false;
}
