import type { RecordSchema } from "../catalog/types.js";
import { JsonOut } from "./json-out.js";
import { type Overrides, valueAt, writeAt, writesAt } from "./values.js";

/**
 * How a record's identity is written: the spec's key field (`id`, `gid`, `sid`, `number`...), as integers,
 * `<entity>_<n>` strings, digit strings (a string field an integer parameter names) or UUIDs.
 */
export interface IdStyle {
  field: string;
  integer: boolean;
  prefix: string;
  uuid?: boolean;
  /** Digit strings zero-padded to this many digits, where the key's param has a fixed-width digits pattern. */
  width?: number;
}

/** The id style of an entity: its catalog key when the spec names one, else the record's `id`. */
export function idStyleOf(
  entity: string,
  schema: RecordSchema,
  key?: { field: string; type: "integer" | "string"; format?: string },
  digits = false,
  width?: number,
): IdStyle {
  if (key) {
    if (key.format === "uuid") return { field: key.field, integer: false, prefix: "", uuid: true };
    if (width !== undefined && key.type === "string") return { field: key.field, integer: false, prefix: "", width };
    return { field: key.field, integer: key.type === "integer", prefix: digits ? "" : `${entity}_` };
  }
  const idSchema = schema.properties?.id;
  const types = idSchema ? [idSchema.type].flat() : ["string"];
  return { field: "id", integer: types.includes("integer") || types.includes("number"), prefix: `${entity}_` };
}

/** Digits of a generated cursor-field value: as long as Typeform's response tokens. */
const CURSOR_FIELD_WIDTH = 32;

/**
 * How the field a list's cursor takes besides the record's key (Typeform's `token`) is written: from the record's
 * position, as its id is, so a cursor read back maps to that record (indexOfId). Integers where the schema types
 * the field so, else fixed-width digit strings.
 */
export function cursorStyleOf(schema: RecordSchema, field: string): IdStyle {
  const types = [schema.properties?.[field]?.type ?? "string"].flat();
  if (types.includes("integer") || types.includes("number")) return { field, integer: true, prefix: "" };
  return { field, integer: false, prefix: "", width: CURSOR_FIELD_WIDTH };
}

/** The id of the record at `index` (0-based). */
export function idAt(style: IdStyle, index: number): string | number {
  if (style.uuid) return `00000000-0000-4000-8000-${(index + 1).toString(16).padStart(12, "0")}`;
  if (style.width !== undefined) return String(index + 1).padStart(style.width, "0");
  return style.integer ? index + 1 : `${style.prefix}${index + 1}`;
}

const UUID_ID = /^00000000-0000-4000-8000-([0-9a-f]{12})$/i;

/** The index an id points at, or undefined when it is not one of ours. */
export function indexOfId(style: IdStyle, id: unknown): number | undefined {
  const text = String(id);
  let n: number;
  if (style.uuid) {
    const match = UUID_ID.exec(text);
    if (!match) return undefined;
    n = Number.parseInt(match[1] as string, 16);
  } else {
    const match = style.integer
      ? /^(\d+)$/.exec(text)
      : (new RegExp(`^${style.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)$`).exec(text) ?? /^(\d+)$/.exec(text));
    if (!match) return undefined;
    n = Number(match[1]);
  }
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

/** Fields a dataset sets after the key: (keyed otherwise) its `id`, then a list's cursor field (Typeform's `token`). */
export type SecondaryStyles = IdStyle | readonly IdStyle[];

const stylesOf = (style: IdStyle, secondary?: SecondaryStyles): readonly IdStyle[] =>
  secondary === undefined ? [style] : "field" in secondary ? [style, secondary] : [style, ...secondary];

/** The overrides a dataset's record gets after generation: its key field, then its secondary fields in order. */
function idOverrides(style: IdStyle, index: number, secondary?: SecondaryStyles): Overrides {
  const styles = stylesOf(style, secondary);
  return { keys: styles.map((s) => s.field), values: styles.map((s) => idAt(s, index)) };
}

/**
 * Writes `JSON.stringify(generateRecord(...))`, with `secondary` ids set after it as a dataset sets them, into `out`
 * without building the record (a page of records is bytes on the wire anyway); false, with nothing written, when
 * the schema's value is no plain object.
 */
export function writeRecord(
  schema: RecordSchema,
  seedKey: string,
  index: number,
  style: IdStyle,
  out: JsonOut,
  secondary?: SecondaryStyles,
): boolean {
  return writeAt(schema, seedKey, index, idOverrides(style, index, secondary), out);
}

/** Whether writeRecord writes records of a schema (an object schema, with id fields that keep JSON's key order). */
export function writesRecords(schema: RecordSchema, style: IdStyle, secondary?: SecondaryStyles): boolean {
  return writesAt(
    schema,
    stylesOf(style, secondary).map((s) => s.field),
  );
}

/** The text writeRecord writes, or undefined. */
export function generateRecordText(
  schema: RecordSchema,
  seedKey: string,
  index: number,
  style: IdStyle,
  secondary?: SecondaryStyles,
): string | undefined {
  const out = new JsonOut(4096);
  return writeRecord(schema, seedKey, index, style, out, secondary) ? out.text() : undefined;
}
