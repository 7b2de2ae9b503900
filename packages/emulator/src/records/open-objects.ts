// Vendor shapes for open objects: fields a spec leaves undeclared (`type: object` with `additionalProperties`, or an
// array of bare objects) where the vendor keeps a record's real data (Notion page `properties`, Airtable `fields`,
// ClickUp `custom_fields`). The schema says nothing of their keys, so the schema walk would make them `{}`/`[]`; the
// catalog marks these schema nodes once (by connector, entity and field path) and values.ts compiles a marked node to
// the vendor's shape instead. A shape draws from the field's own seed, like any field, so the list, get and search
// views of a record agree on it.
import type { Catalog, CatalogEntity, RecordSchema } from "../catalog/types.js";
import type { JsonOut } from "./json-out.js";
import { OPEN_OBJECT_SHAPES } from "./open-object-shapes.js";
import type { Gen, Write } from "./scalars.js";

/** A compiled generator pair for one open object: its value, and the same value written as JSON. */
export interface OpenShapeNode {
  value: Gen;
  write: Write;
}

const marked = new WeakMap<RecordSchema, OpenShapeNode>();

/** The vendor shape a schema node was marked with, if any. */
export function openShapeOf(schema: RecordSchema): OpenShapeNode | undefined {
  return marked.get(schema);
}

function nodeOf(value: Gen): OpenShapeNode {
  // These objects are small and few per record: building the value and writing it is as cheap as a hand-written writer.
  return { value, write: (r, s, out: JsonOut) => void out.value(value(r, s)) };
}

/** The schema at a dotted path of declared properties, when every step is declared. */
function schemaAt(schema: RecordSchema | undefined, path: readonly string[]): RecordSchema | undefined {
  let node = schema;
  for (const step of path) node = node?.properties?.[step];
  return node;
}

/**
 * Whether a schema node is open in the way a shape fills: an object with no declared keys, or a list of such
 * objects. A node the spec types otherwise (Notion's context-store `properties`, a bare list) or declares keys of
 * is left to the schema walk, so what is generated always fits its schema.
 */
function isOpen(schema: RecordSchema, kind: "object" | "array"): boolean {
  const types = [schema.type ?? []].flat();
  if (!types.includes(kind)) return false;
  if (kind === "object") return !schema.properties;
  const items = schema.items;
  return !!items && [items.type ?? []].flat().includes("object") && !items.properties;
}

/** Every schema an entity's records are answered in: each action's record, the entity's own, its context-store fields. */
function schemasOf(entity: CatalogEntity): RecordSchema[] {
  const all = entity.actions.map((a) => a.record);
  if (entity.record) all.push(entity.record);
  if (entity.contextStore) all.push(entity.contextStore);
  return all;
}

/** Marks the open objects of a catalog's connectors with their vendor shapes; marking twice is harmless. */
export function markOpenObjects(catalog: Catalog): void {
  for (const connector of catalog.connectors) {
    for (const entity of connector.entities) {
      for (const [path, shape] of Object.entries(OPEN_OBJECT_SHAPES[`${connector.name}/${entity.name}`] ?? {})) {
        const node = nodeOf(shape.gen);
        for (const schema of schemasOf(entity)) {
          const target = schemaAt(schema, path.split("."));
          if (target && isOpen(target, shape.kind) && !marked.has(target)) marked.set(target, node);
        }
      }
    }
  }
}
