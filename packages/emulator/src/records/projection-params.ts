// Params that list the fields a list or search answers: GitHub's `fields: ["title", "state"]`, Facebook's and
// LinkedIn's `fields=id,name`, PayPal's `fields=transaction_info,payer_info`, Jira's `fields=summary,status` (inside
// each issue's `fields`), HubSpot's `properties=email,firstname` and its search's `properties: [...]` (inside
// `properties`), Google Drive's `fields=nextPageToken,files(id,name)`. They are read into select_fields paths and
// applied by projectRecord, as select_fields is. Names the record does not have are dropped; a wildcard (`*`,
// `all`, Jira's `*all`) or a list naming no field leaves the record whole. `expand`, `associations` and
// `propertiesWithHistory` add data rather than choose fields, and are not read.
import type { CatalogAction, CatalogParam, RecordSchema } from "../catalog/types.js";
import { fieldPath } from "./field-path.js";

const PROJECTION_PARAM = /^(fields|properties|select)$/i;
// Fields a record keeps its own fields in: a projection into one keeps the record's other fields (HubSpot's `id`
// and `createdAt` beside `properties`, Jira's `id` and `key` beside `fields`).
const CONTAINERS = new Set(["fields", "properties"]);
const WILDCARD = /^(\*|all|\*all|\*navigable)$/i;

/** Splits at the commas outside parentheses: `nextPageToken, files(id, name)` is two items. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "," && depth === 0) {
      items.push(current.trim());
      current = "";
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    current += ch;
  }
  items.push(current.trim());
  return items.filter((i) => i !== "");
}

/**
 * The field names a projection value lists. Drive and Zendesk Chat name the records inside the page's list
 * (`files(id,name)`, `chats(*)`): the names inside it; a nested `owners(displayName)` keeps `owners` whole.
 */
function namesOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
  if (typeof value !== "string") return undefined;
  const items = topLevelItems(value);
  const group = items.map((i) => /^[\w.]+\s*\(([\s\S]*)\)$/.exec(i)).find((m) => m !== null);
  const names = group ? topLevelItems(group[1] ?? "") : items;
  return names.map((n) => n.replace(/\(.*$/s, "").trim());
}

/** The select_fields paths a projection value names in the record, plus the key; undefined to leave it whole. */
export function projectionPaths(value: unknown, schema: RecordSchema, key: string): string[] | undefined {
  const names = namesOf(value);
  if (!names || names.length === 0 || names.some((n) => WILDCARD.test(n))) return undefined;
  // Jira's `-comment` takes a field away from the default set, which the emulator does not model: left whole.
  const paths = names.flatMap((n) => {
    const path = n.startsWith("-") ? undefined : fieldPath(schema, n);
    return path ? [path] : [];
  });
  if (paths.length === 0) return undefined;
  const containers = new Set(paths.filter((p) => p.length > 1 && CONTAINERS.has(p[0] as string)).map((p) => p[0] as string));
  const beside = containers.size > 0 ? Object.keys(schema.properties ?? {}).filter((k) => !containers.has(k)) : [];
  const withKey = schema.properties && key in schema.properties ? [key] : [];
  return [...new Set([...withKey, ...beside, ...paths.map((p) => p.join("."))])];
}

/**
 * Whether an action's param is a projection read here: a `fields`/`properties`/`select` param of a list whose
 * answer is its records (not a wrapper around them), where a `properties` param names the record's own
 * `properties` object (Jira's `properties` lists entity property keys, not fields).
 */
export function isProjectionParam(action: CatalogAction, param: CatalogParam): boolean {
  if (!PROJECTION_PARAM.test(param.name) || param.required || (param.in !== "query" && param.in !== "body")) return false;
  if (action.shape.kind !== "records" || action.shape.path.length > 0) return false;
  if (param.name.toLowerCase() === "properties") return !!action.record.properties?.properties?.properties;
  return true;
}

/** The select_fields paths the projection params of a call name; undefined when none is sent or readable. */
export function listProjection(action: CatalogAction, params: Record<string, unknown>, key: string): string[] | undefined {
  for (const param of action.params) {
    const value = params[param.name];
    if (value === undefined || value === null || !isProjectionParam(action, param)) continue;
    const paths = projectionPaths(value, action.record, key);
    if (paths) return paths;
  }
  return undefined;
}
