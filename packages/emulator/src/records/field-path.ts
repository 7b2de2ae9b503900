// Where a name a caller filters by lives in a record: `email` at the top, Jira's `status` inside `fields`, HubSpot's
// `email` inside `properties`, `state.name` as a dotted path, Twilio-style `AccountSid` as `account_sid`.
import type { RecordSchema } from "../catalog/types.js";

/** A field name reduced to lower-case letters and digits: `space-id`, `spaceId` and `SpaceID` are the same field. */
export function nameKey(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
}

/** The property of `schema` called `name`, exactly or ignoring case and separators. */
export function propertyNamed(schema: RecordSchema | undefined, name: string): string | undefined {
  const props = schema?.properties;
  if (!props) return undefined;
  if (name in props) return name;
  const key = nameKey(name);
  return key === "" ? undefined : Object.keys(props).find((k) => nameKey(k) === key);
}

/** The schema one step into a property, through arrays (`labels[].name` is `labels.name`). */
function childSchema(schema: RecordSchema | undefined, name: string): RecordSchema | undefined {
  const child = schema?.properties?.[name];
  return child?.items ?? child;
}

// Records that keep their fields in one object: Jira's `fields`, HubSpot's `properties`.
const CONTAINERS = ["fields", "properties"];

function pathFrom(schema: RecordSchema | undefined, parts: readonly string[]): string[] | undefined {
  const path: string[] = [];
  let current = schema;
  for (const part of parts) {
    const name = propertyNamed(current, part);
    if (name === undefined) return undefined;
    path.push(name);
    current = childSchema(current, name);
  }
  return path;
}

/**
 * The path of the field a caller names (dotted for nested fields), in the record schema; undefined when the
 * record has no such field, so the caller can ignore a filter on it rather than refuse every record.
 */
export function fieldPath(schema: RecordSchema | undefined, name: string): string[] | undefined {
  const parts = name.split(".").filter((p) => p !== "");
  if (parts.length === 0) return undefined;
  const direct = pathFrom(schema, parts);
  if (direct) return direct;
  for (const container of CONTAINERS) {
    const inside = propertyNamed(schema, container);
    const found = inside === undefined ? undefined : pathFrom(childSchema(schema, inside), parts);
    if (found && inside !== undefined) return [inside, ...found];
  }
  return undefined;
}

/** The schema of the field at a path from fieldPath (through arrays, as valuesAt reads it). */
export function fieldSchema(schema: RecordSchema, path: readonly string[]): RecordSchema | undefined {
  let current: RecordSchema | undefined = schema;
  for (const step of path) current = childSchema(current, step);
  return current;
}

/** The first of `names` the record schema has, as a path. */
export function firstFieldPath(schema: RecordSchema | undefined, names: readonly string[]): string[] | undefined {
  for (const name of names) {
    const path = fieldPath(schema, name);
    if (path) return path;
  }
  return undefined;
}

/**
 * The values at a path of a record, one per array element crossed (`labels.name` gives every label's name);
 * an empty list when the record has none.
 */
export function valuesAt(record: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [record];
  for (const step of path) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items)
        if (item !== null && typeof item === "object" && step in item) next.push((item as Record<string, unknown>)[step]);
    }
    current = next;
  }
  return current;
}
