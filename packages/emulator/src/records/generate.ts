import type { RecordSchema } from "../catalog/types.js";
import { createRandom } from "../random.js";

const BASE_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);
const WORDS = [
  "alpha",
  "bravo",
  "delta",
  "echo",
  "harbor",
  "lumen",
  "nova",
  "orbit",
  "pixel",
  "quartz",
  "river",
  "summit",
  "tango",
  "vector",
  "willow",
  "zephyr",
];
const FIRST = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Edsger"];
const LAST = ["Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Allen", "Dijkstra"];

/** How a record's identity is written: integer ids or `<entity>_<n>` strings. */
export interface IdStyle {
  field: string;
  integer: boolean;
  prefix: string;
}

export function idStyleOf(entity: string, schema: RecordSchema): IdStyle {
  const idSchema = schema.properties?.id;
  const types = idSchema ? [idSchema.type].flat() : ["string"];
  return { field: "id", integer: types.includes("integer") || types.includes("number"), prefix: `${entity}_` };
}

/** The id of the record at `index` (0-based). */
export function idAt(style: IdStyle, index: number): string | number {
  return style.integer ? index + 1 : `${style.prefix}${index + 1}`;
}

/** The index an id points at, or undefined when it is not one of ours. */
export function indexOfId(style: IdStyle, id: unknown): number | undefined {
  const text = String(id);
  const match = style.integer
    ? /^(\d+)$/.exec(text)
    : (new RegExp(`^${style.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)$`).exec(text) ?? /^(\d+)$/.exec(text));
  if (!match) return undefined;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n >= 1 ? n - 1 : undefined;
}

/** One record, generated from the connector's response schema, the same for the same seed and index on every call. */
export function generateRecord(schema: RecordSchema, seedKey: string, index: number, style: IdStyle): Record<string, unknown> {
  const random = createRandom(`${seedKey}#${index}`);
  const value = generateValue(schema, "", random, index, 0);
  const record = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  record[style.field] = idAt(style, index);
  return record;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function generateValue(schema: RecordSchema, name: string, random: () => number, index: number, depth: number): unknown {
  const types = [schema.type ?? (schema.properties ? "object" : schema.items ? "array" : "string")].flat();
  const nonNull = types.filter((t) => t !== "null");
  if (nonNull.length === 0) return null;
  // Nullable fields are null now and then, as real data is.
  if (types.includes("null") && random() < 0.1) return null;
  if (schema.enum && schema.enum.length > 0)
    return pick(random, schema.enum.filter((v) => v !== null).length ? schema.enum.filter((v) => v !== null) : schema.enum);
  const type = nonNull[0] as string;
  switch (type) {
    case "object": {
      if (depth >= 4) return {};
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) out[key] = generateValue(child, key, random, index, depth + 1);
      return out;
    }
    case "array": {
      if (depth >= 4 || !schema.items) return [];
      const length = Math.floor(random() * 3);
      return Array.from({ length }, () => generateValue(schema.items as RecordSchema, name, random, index, depth + 1));
    }
    case "integer":
      return integerFor(name, random, index);
    case "number":
      return Math.round(random() * 100_000) / 100;
    case "boolean":
      return random() < 0.5;
    default:
      return stringFor(name.toLowerCase(), schema.format, random, index);
  }
}

function integerFor(name: string, random: () => number, index: number): number {
  const lower = name.toLowerCase();
  if (/(^|_)(created|updated|time|date)|_at$|timestamp/.test(lower)) return Math.floor((BASE_TIME - index * 3_600_000) / 1000);
  if (/count|total|number|amount|size/.test(lower)) return Math.floor(random() * 1000);
  return Math.floor(random() * 100_000);
}

function stringFor(name: string, format: string | undefined, random: () => number, index: number): string {
  const when = new Date(BASE_TIME - index * 3_600_000 - Math.floor(random() * 3_600_000)).toISOString();
  if (format === "date-time" || /(_at|_on|date|time)$/.test(name) || /^(created|updated|modified)/.test(name)) return when;
  if (format === "date") return when.slice(0, 10);
  if (format === "email" || name.includes("email"))
    return `${pick(random, FIRST).toLowerCase()}.${pick(random, LAST).toLowerCase()}${index}@example.com`;
  if (format === "uri" || format === "url" || /url|link|href|website/.test(name))
    return `https://example.com/${pick(random, WORDS)}/${index + 1}`;
  if (format === "uuid") {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
  if (name === "currency") return pick(random, ["usd", "eur", "gbp"]);
  if (/(^|_)(first_?name|given)/.test(name)) return pick(random, FIRST);
  if (/(^|_)(last_?name|family|surname)/.test(name)) return pick(random, LAST);
  if (name === "name" || name.endsWith("_name") || name === "login" || name === "username")
    return `${pick(random, FIRST)} ${pick(random, LAST)}`;
  if (/title|subject|summary/.test(name)) return `${cap(pick(random, WORDS))} ${pick(random, WORDS)} #${index + 1}`;
  if (/status|state/.test(name)) return pick(random, ["open", "active", "closed", "pending"]);
  if (/phone/.test(name)) return `+1-555-${String(1000 + (index % 9000)).padStart(4, "0")}`;
  if (/(^|_)id$|_ids?$|key$/.test(name)) return `${name.replace(/_?id$/, "") || "ref"}_${Math.floor(random() * 1e8).toString(36)}`;
  if (/body|description|text|content|message|comment|note/.test(name)) {
    return Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(random, WORDS)).join(" ");
  }
  return `${pick(random, WORDS)}-${pick(random, WORDS)}-${index + 1}`;
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
