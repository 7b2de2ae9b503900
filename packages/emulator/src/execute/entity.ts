import type { CatalogAction, CatalogEntity, RecordSchema } from "../catalog/types.js";
import { isIntegerParam } from "./cursor.js";

/** What execute needs to know of an entity beyond the catalog entry, worked out once per entity. */
export interface EntityView {
  /** The schema records are generated from and stored in. */
  record: RecordSchema;
  /** A string key field that an integer parameter names (Amazon's portfolioId): ids are digit strings. */
  digits: boolean;
  /** Whether context_store_search / search answer for this entity. */
  searchable: boolean;
}

const views = new WeakMap<CatalogEntity, EntityView>();

export function viewOf(entity: CatalogEntity): EntityView {
  let view = views.get(entity);
  if (!view) {
    const find = (name: string) => entity.actions.find((a) => a.action === name);
    const record = entity.record ??
      find("list")?.record ??
      find("api_search")?.record ??
      find("get")?.record ??
      entity.actions[0]?.record ??
      entity.contextStore ?? { type: "object" };
    const digits = entity.key?.type === "string" && entity.actions.some((a) => isIntegerParam(a.params.find((p) => p.name === a.keyParam)));
    view = { record, digits, searchable: !!entity.contextStore || !!find("list") };
    views.set(entity, view);
  }
  return view;
}

const texts = new WeakMap<RecordSchema, string>();

function textOf(schema: RecordSchema): string {
  let text = texts.get(schema);
  if (text === undefined) {
    text = JSON.stringify(schema);
    texts.set(schema, text);
  }
  return text;
}

/** Whether an operation answers records exactly as they are stored (most lists): no reshaping needed. */
export function answersStoredShape(action: CatalogAction, entity: CatalogEntity): boolean {
  const stored = viewOf(entity).record;
  return action.record === stored || textOf(action.record) === textOf(stored);
}
