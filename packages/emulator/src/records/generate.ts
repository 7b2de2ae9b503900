import type { RecordSchema } from "../catalog/types.js";
import { valueAt } from "./values.js";

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
  // Values come from generators compiled once per schema (values.ts); identity is set here, after them.
  const value = valueAt(schema, seedKey, index);
  const record = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  record[style.field] = idAt(style, index);
  return record;
}
