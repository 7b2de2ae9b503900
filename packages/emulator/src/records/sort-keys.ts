// How a sort names its order, in the forms the specs use: `created_at` with a separate `asc`/`desc`, `-created`
// and `+name` prefixes (Confluence, Jira, Klaviyo), `modifiedTime desc,name` (Google Drive), `submitted_at,desc`
// (Typeform), `processed_at ASC` (Shopify), `[{"field": "Name", "direction": "desc"}]` (Airtable), `{timestamp,
// direction}` (Notion), `[{propertyName, direction}]` (HubSpot). A name that is no field of the record is dropped.
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath, firstFieldPath, nameKey } from "./field-path.js";

export interface SortKey {
  path: string[];
  descending: boolean;
}

/** Words that name a direction; anything else is a field name. */
export function directionOf(word: unknown): "asc" | "desc" | undefined {
  if (typeof word === "boolean") return word ? "asc" : "desc";
  const key = String(word).trim().toLowerCase();
  if (key === "asc" || key === "ascending") return "asc";
  if (key === "desc" || key === "descending") return "desc";
  return undefined;
}

// Sort names that say which date or text they order by, without being a field's name: WooCommerce's `date`,
// Confluence's `created-date`, Mailchimp's `create_time`, Zendesk's `alphabetical`, HubSpot's `createdate`.
const CREATED = [
  "created_at",
  "createdAt",
  "created",
  "created_time",
  "createdTime",
  "date_created",
  "creation_time",
  "created_on",
  "createdate",
  "create_time",
  "timestamp_signup",
];
const UPDATED = [
  "updated_at",
  "updatedAt",
  "updated",
  "updated_time",
  "modified",
  "date_modified",
  "modified_at",
  "modifiedTime",
  "last_modified",
  "lastmodifieddate",
  "last_edited_time",
  "last_changed",
];
const ALPHABETICAL = ["name", "title", "subject"];
// Klaviyo and other JSON:API records keep their fields in `attributes` (field-path.ts reads `fields`/`properties`).
const ATTRIBUTES = "attributes";

function familyOf(name: string): readonly string[] | undefined {
  const key = nameKey(name);
  if (key === "date" || key.startsWith("creat") || key === "registereddate") return CREATED;
  if (/^(updat|modif|lastmodif|lastchang|lastedit|lastupdat)/.test(key)) return UPDATED;
  if (key === "alphabetical") return ALPHABETICAL;
  // WooCommerce's `orderby=title` orders products by their name (a product's title).
  if (key === "title") return ["name"];
  return undefined;
}

/** The path of the field a sort name orders by: the field of that name, else the date or text it stands for. */
export function sortFieldPath(schema: RecordSchema, name: string): string[] | undefined {
  const own = fieldPath(schema, name);
  if (own) return own;
  const attributes = schema.properties?.[ATTRIBUTES];
  const inside = attributes ? fieldPath(attributes, name) : undefined;
  if (inside) return [ATTRIBUTES, ...inside];
  const family = familyOf(name);
  return family && firstFieldPath(schema, family);
}

/**
 * The keys a sort text names: comma-separated items, each a field with an optional `+`/`-` prefix or `asc`/`desc`
 * after it (a space or, as Typeform writes it, a comma). `fallback` is the direction an item that says none gets.
 */
export function parseSortText(text: string, schema: RecordSchema, fallback: "asc" | "desc" = "asc"): SortKey[] {
  const keys: (SortKey | undefined)[] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    if (item === "") continue;
    const [head = "", ...rest] = item.split(/\s+/);
    const alone = directionOf(head);
    if (alone && rest.length === 0 && keys.length > 0) {
      // `submitted_at,desc`: the direction of the key before.
      const last = keys[keys.length - 1];
      if (last) last.descending = alone === "desc";
      continue;
    }
    const sign = /^[+-]/.test(head) ? head[0] : undefined;
    const name = sign ? head.slice(1) : head;
    const said = rest.map(directionOf).find((d) => d !== undefined);
    const direction = sign === "-" ? "desc" : sign === "+" ? "asc" : (said ?? fallback);
    const path = sortFieldPath(schema, name);
    keys.push(path && { path, descending: direction === "desc" });
  }
  return keys.filter((k): k is SortKey => k !== undefined);
}

const FIELD_NAMES = ["field", "propertyName", "property", "timestamp", "name", "key"];

/** One sort object: `{field, direction}` (Airtable), `{propertyName, direction}` (HubSpot), `{timestamp, direction}` (Notion). */
function objectKey(value: Record<string, unknown>, schema: RecordSchema, fallback: "asc" | "desc"): SortKey | undefined {
  const named = FIELD_NAMES.map((f) => value[f]).find((v) => typeof v === "string");
  if (typeof named !== "string") return undefined;
  const path = sortFieldPath(schema, named);
  const direction = directionOf(value.direction ?? value.order ?? value.sort ?? fallback);
  return path && { path, descending: direction === "desc" };
}

/**
 * The keys a sort value names, whatever its form: text, a JSON array in text (Airtable), an object or a list of
 * objects or texts (Notion, HubSpot). Empty when nothing in it names a field of the record.
 */
export function sortKeysOf(value: unknown, schema: RecordSchema, fallback: "asc" | "desc" = "asc"): SortKey[] {
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("[") || text.startsWith("{")) {
      try {
        return sortKeysOf(JSON.parse(text), schema, fallback);
      } catch {
        return [];
      }
    }
    return parseSortText(text, schema, fallback);
  }
  if (Array.isArray(value)) return value.flatMap((v) => sortKeysOf(v, schema, fallback));
  if (value !== null && typeof value === "object") {
    const key = objectKey(value as Record<string, unknown>, schema, fallback);
    return key ? [key] : [];
  }
  return [];
}
