import type { CatalogAction, CatalogEntity, RecordSchema } from "../catalog/types.js";
import { RawJson } from "../http/json-bytes.js";
import type { Dataset } from "../records/dataset.js";
import { generateRecord } from "../records/generate.js";
import { answersStoredShape } from "./entity.js";
import { conformTo, idAs, isPlainObject, typesOf, withValueAt } from "./schema.js";

export interface Positioned {
  record: Record<string, unknown>;
  position: number;
}

/** An untouched record (Dataset.untouched) that answers as stored: written as JSON by Dataset.writeAt, never built. */
export interface PositionedRaw {
  raw: true;
  position: number;
}

/** One stored record as this operation's schema has it: fields that fit are kept, the rest generated. */
export function shapeRecord(
  dataset: Dataset,
  entity: CatalogEntity,
  action: CatalogAction,
  { record, position }: Positioned,
  schema: RecordSchema = action.record,
): Record<string, unknown> {
  if (schema === action.record && answersStoredShape(action, entity) && !dataset.written(position)) return record;
  const base = generateRecord(schema, `${dataset.seedKey}:${action.action}`, position, dataset.idStyle);
  const key = dataset.idStyle.field;
  const keySchema = schema.properties?.[key];
  // This operation may type the key otherwise than the stored record (ClickUp's integer comment id on create).
  if (keySchema) base[key] = idAs(keySchema, base[key], position);
  const source = keySchema && key in record ? { ...record, [key]: idAs(keySchema, record[key], position) } : record;
  const shaped = conformTo(source, schema, base);
  return isPlainObject(shaped) ? shaped : base;
}

/** The value the extractor yields around the records (Salesforce `{searchRecords}`, Linear `{success, issue}`). */
function wrap(dataset: Dataset, action: CatalogAction, position: number, inner: unknown, record?: Record<string, unknown>): unknown {
  const response = action.response as RecordSchema;
  const generated = generateRecord(response, `${dataset.seedKey}:${action.action}:wrapper`, position, dataset.idStyle);
  // Fields beside the record that it also has (Slack's `{ok, channel, ts, text, message}`) are the record's.
  const base = conformTo(record ?? {}, response, generated);
  return affirm(withValueAt(base, action.shape.path, inner), response, action.shape.path);
}

/** Success flags along the way to the record say the write worked (`issueCreate.success`). */
function affirm(value: unknown, schema: RecordSchema | undefined, path: readonly string[]): unknown {
  if (path[0] === "*") return Array.isArray(value) ? value.map((v) => affirm(v, schema?.items, path.slice(1))) : value;
  if (!isPlainObject(value) || !schema?.properties) return value;
  const out = { ...value };
  for (const [name, child] of Object.entries(schema.properties)) {
    if (/^(success|ok|succeeded)$/i.test(name) && typesOf(child).includes("boolean")) out[name] = true;
  }
  const [head, ...rest] = path;
  if (head !== undefined) out[head] = affirm(out[head], schema.properties[head], rest);
  return out;
}

/** What a single-record operation (get, create, update, delete) answers, in the spec's extracted shape. */
export function answerOne(dataset: Dataset, entity: CatalogEntity, action: CatalogAction, item: Positioned): unknown {
  const shaped = shapeRecord(dataset, entity, action, item);
  if (action.action === "delete" && action.record.properties) {
    for (const [name, child] of Object.entries(action.record.properties)) {
      if (/^(deleted|success)$/i.test(name) && typesOf(child).includes("boolean")) shaped[name] = true;
    }
  }
  // A single-record action whose extracted value is a list (ClickUp's comment replies) answers a list of it.
  const inner = action.shape.kind === "records" ? [shaped] : shaped;
  if (action.shape.path.length === 0 || !action.response) return Array.isArray(inner) ? inner : affirm(shaped, action.record, []);
  return wrap(dataset, action, item.position, inner, item.record);
}

/**
 * What a list-like operation answers for one page, in the spec's extracted shape. Untouched items (only where
 * the operation answers the stored shape, see list in run.ts) are RawJson: written when the answer is written.
 */
export function answerMany(dataset: Dataset, entity: CatalogEntity, action: CatalogAction, items: (Positioned | PositionedRaw)[]): unknown {
  const shaped = items.map((item) =>
    "raw" in item ? new RawJson((out) => dataset.writeAt(item.position, out)) : shapeRecord(dataset, entity, action, item),
  );
  if (action.shape.kind === "record") {
    // A list whose extracted value is one object: the first record stands for the page.
    return shaped[0] ?? (action.record.properties ? {} : null);
  }
  if (action.shape.path.length === 0 || !action.response) return shaped;
  return wrap(dataset, action, items[0]?.position ?? 0, shaped);
}
