import type { CatalogEntity, RecordSchema } from "../catalog/types.js";
import type { Dataset } from "../records/dataset.js";
import { generateRecord } from "../records/generate.js";
import { viewOf } from "./entity.js";
import { conformTo, idAs, isPlainObject, typesOf } from "./schema.js";

interface Split {
  /** Context-store fields the stored record has with the same schema: read straight from it. */
  covered: string[];
  /** The other fields, generated together from their own schema (the same values on every read). */
  rest: RecordSchema | undefined;
}

const splits = new WeakMap<RecordSchema, Split>();

/** Whether every value generated for `inner` also satisfies `outer` (a string field read as nullable string). */
function subsumes(outer: RecordSchema, inner: RecordSchema, depth = 0): boolean {
  if (depth > 8) return false;
  const outerTypes = typesOf(outer);
  const innerTypes = typesOf(inner);
  if (outerTypes.length > 0) {
    if (innerTypes.length === 0) return false;
    if (!innerTypes.every((t) => outerTypes.includes(t) || (t === "integer" && outerTypes.includes("number")))) return false;
  }
  if (outer.enum && !inner.enum?.every((v) => outer.enum?.includes(v))) return false;
  if (outer.format && outer.format !== inner.format) return false;
  for (const name of outer.required ?? []) if (!inner.properties?.[name]) return false;
  for (const [name, child] of Object.entries(outer.properties ?? {})) {
    const mine = inner.properties?.[name];
    if (mine && !subsumes(child, mine, depth + 1)) return false;
  }
  if (outer.items && (!inner.items || !subsumes(outer.items, inner.items, depth + 1))) return false;
  return true;
}

function splitOf(entity: CatalogEntity, schema: RecordSchema): Split {
  let split = splits.get(schema);
  if (!split) {
    const stored = viewOf(entity).record.properties ?? {};
    const covered: string[] = [];
    const rest: Record<string, RecordSchema> = {};
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      if (stored[name] && subsumes(child, stored[name])) covered.push(name);
      else rest[name] = child;
    }
    split = { covered, rest: Object.keys(rest).length ? { type: "object", properties: rest } : undefined };
    splits.set(schema, split);
  }
  return split;
}

/**
 * A record as the context store holds it: the entity's listed fields only. Search scans thousands of records
 * per call, so fields the stored record already has are copied, and only the others are generated.
 */
export function contextRecord(
  dataset: Dataset,
  entity: CatalogEntity,
  schema: RecordSchema,
  record: Record<string, unknown>,
  position: number,
): Record<string, unknown> {
  const seed = `${dataset.seedKey}:context_store`;
  if (!schema.properties) return record;
  if (dataset.written(position)) {
    // Written records may hold values of other shapes: checked field by field.
    const out = conformTo(record, schema, generateRecord(schema, seed, position, dataset.idStyle));
    return isPlainObject(out) ? out : {};
  }
  const { covered, rest } = splitOf(entity, schema);
  const generated = rest ? generateRecord(rest, seed, position, dataset.idStyle) : {};
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) {
    if (covered.includes(name) ? name in record : name in generated) out[name] = covered.includes(name) ? record[name] : generated[name];
  }
  const key = dataset.idStyle.field;
  if (key in out) out[key] = idAs(schema.properties[key], record[key], position);
  return out;
}
