import type { RecordSchema } from "../catalog/types.js";

/** The JSON types a compact schema allows; empty means any. */
export function typesOf(schema: RecordSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.type !== undefined) return [schema.type].flat();
  if (schema.properties) return ["object"];
  if (schema.items) return ["array"];
  return [];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

// The formats generated and written values are checked against: a value of another format is not copied
// into a field (a date-time into a `date`), so every answer still validates against the spec. Params and
// request-body fields of these formats are checked against them too (bounds.ts).
export const FORMATS: Record<string, RegExp> = {
  "date-time": /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:/i,
};

/** Whether a value satisfies a compact schema: types (null included), enums, formats, required, nested. */
export function fits(value: unknown, schema: RecordSchema | undefined): boolean {
  if (!schema) return true;
  const types = typesOf(schema);
  const kind = jsonType(value);
  if (types.length > 0 && !types.includes(kind) && !(kind === "integer" && types.includes("number"))) return false;
  if (value === null) return true;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === "string" && schema.format && FORMATS[schema.format] && !FORMATS[schema.format]?.test(value)) return false;
  if (isPlainObject(value)) {
    for (const name of schema.required ?? []) if (!(name in value)) return false;
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      if (name in value && !fits(value[name], child)) return false;
    }
  }
  if (Array.isArray(value) && schema.items) return value.every((item) => fits(item, schema.items));
  return true;
}

/**
 * A value shaped by `schema`, taking from `value` every field that fits and the rest from `base` (a record
 * generated for the same schema): how one stored record answers through operations whose schemas differ.
 */
export function conformTo(value: unknown, schema: RecordSchema | undefined, base: unknown): unknown {
  if (value === undefined) return base;
  if (!schema) return value;
  if (isPlainObject(value) && schema.properties && typesOf(schema).includes("object")) {
    const from = isPlainObject(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(schema.properties)) {
      const picked = name in value ? conformTo(value[name], child, from[name]) : from[name];
      if (picked !== undefined) out[name] = picked;
    }
    return out;
  }
  return fits(value, schema) ? value : base;
}

/** The schema at a property path. */
export function schemaAt(schema: RecordSchema | undefined, path: readonly string[]): RecordSchema | undefined {
  let current = schema;
  for (const step of path) current = step === "*" ? current?.items : current?.properties?.[step];
  return current;
}

/** A copy of `root` with `value` set at `path` (objects created on the way; `*` is a one-item array). */
export function withValueAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === "*") return [withValueAt(Array.isArray(root) ? root[0] : undefined, rest, value)];
  const copy: Record<string, unknown> = isPlainObject(root) ? { ...root } : {};
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

/**
 * A record's id as a schema types it: one spec may type an entity's id as an integer in one place and a string
 * in another (GitHub comments, ClickUp comments). Digit strings become their number; other ids fall back to the
 * record's position.
 */
export function idAs(schema: RecordSchema | undefined, id: unknown, position: number): unknown {
  if (!schema || fits(id, schema)) return id;
  const types = typesOf(schema);
  if (types.includes("integer") || types.includes("number")) return typeof id === "string" && /^\d+$/.test(id) ? Number(id) : position + 1;
  if (types.includes("string")) return String(id);
  return id;
}
