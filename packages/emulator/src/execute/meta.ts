import type { CatalogAction, RecordSchema } from "../catalog/types.js";
import { cursorValue, firstPage } from "./cursor.js";
import { typesOf } from "./schema.js";

export interface PageFacts {
  start: number;
  size: number;
  next: number;
  hasMore: boolean;
  total: number;
}

const LINK = /link|url|uri|href/i;

/** A link to the next page that carries the cursor, for link-valued meta (`next_page_uri`, `nextRecordsUrl`). */
function linkTo(action: CatalogAction, value: string | number): string {
  return `https://emulator.invalid/next?${encodeURIComponent(action.cursorParam ?? "cursor")}=${encodeURIComponent(String(value))}`;
}

/** Fits a computed value to the meta key's schema type (a count the spec types as a string, say). */
function coerce(value: unknown, schema: RecordSchema): unknown {
  const types = typesOf(schema);
  if (value === null || types.length === 0) return value;
  const kind = typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;
  if (types.includes(kind) || (kind === "integer" && types.includes("number"))) return value;
  if (types.includes("string")) return String(value);
  if ((types.includes("integer") || types.includes("number")) && typeof value !== "object") return Number(value) || 0;
  if (types.includes("boolean")) return Boolean(value);
  return value;
}

/**
 * The paging fact a meta key's name says it holds (`page`, `total_pages`, TikTok's `total_page`, `offset`), at the
 * top of the meta or inside an object of it (TikTok's `page_info`); undefined for any other name.
 */
function namedFact(action: CatalogAction, key: string, facts: PageFacts): unknown {
  const size = Math.max(1, facts.size);
  if (/^(previous|prev)/i.test(key)) return null;
  if (/^(page|current_?page(_?number)?)$/i.test(key)) {
    return Math.floor(facts.start / size) + firstPage(action.params.find((p) => p.name === action.cursorParam));
  }
  if (/^(page_?count|total_?pages?)$/i.test(key)) return Math.ceil(facts.total / size);
  if (/^(offset|start)$/i.test(key)) return facts.start;
  return undefined;
}

/** A plain value of a schema for meta keys that carry no paging fact (`response_aggregation_type`). */
function plain(action: CatalogAction, name: string, schema: RecordSchema, facts: PageFacts, depth = 0): unknown {
  if (schema.enum && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  const type = typesOf(schema).find((t) => t !== "null") ?? "string";
  switch (type) {
    case "object": {
      if (depth > 2) return {};
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const named = namedFact(action, key, facts);
        out[key] = coerce(named !== undefined ? named : plain(action, key, child, facts, depth + 1), child);
      }
      return out;
    }
    case "array":
      return [];
    case "integer":
    case "number":
      return /size|limit|max|per_?page/i.test(name) ? facts.size : facts.total;
    case "boolean":
      return false;
    default:
      return LINK.test(name) ? "https://emulator.invalid/page" : "emulated";
  }
}

/** A cursor-bearing meta value: a token, a number, a link, or an object holding them (Asana's `next_page`). */
function cursorMeta(action: CatalogAction, name: string, schema: RecordSchema, facts: PageFacts): unknown {
  if (!facts.hasMore) return null;
  const value = cursorValue(action, facts.next, facts.size);
  const types = typesOf(schema);
  if (types.includes("object") && schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.properties)) {
      if (key === action.cursorParam || /^(offset|cursor|after|token|next|next_cursor|starting_after|page_token)$/i.test(key))
        out[key] = coerce(value, child);
      else if (LINK.test(key) || key === "path") out[key] = linkTo(action, value);
      else out[key] = plain(action, key, child, facts);
    }
    return out;
  }
  if (types.includes("integer") || types.includes("number")) return typeof value === "number" ? value : facts.next;
  return LINK.test(name) ? linkTo(action, value) : String(value);
}

/**
 * `connector_metadata` with every key of the spec's `x-airbyte-meta-extractor`: paging keys from the page,
 * the others (`row_count`, `page_size`, `response_aggregation_type`...) from the facts or the schema.
 */
export function metaFor(action: CatalogAction, facts: PageFacts): Record<string, unknown> | null {
  if (!action.meta) return null;
  const out: Record<string, unknown> = {};
  for (const [key, { role, schema }] of Object.entries(action.meta)) {
    let value: unknown;
    if (role === "hasMore") value = facts.hasMore;
    else if (role === "done") value = !facts.hasMore;
    else if (role === "cursor") value = cursorMeta(action, key, schema, facts);
    else if (role === "total") value = facts.total;
    else {
      const named = namedFact(action, key, facts);
      value = named !== undefined ? named : plain(action, key, schema, facts);
    }
    out[key] = coerce(value, schema);
  }
  return out;
}
