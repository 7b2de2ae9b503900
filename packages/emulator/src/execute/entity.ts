import type { CatalogAction, CatalogEntity, RecordSchema } from "../catalog/types.js";
import { isIntegerParam } from "./cursor.js";
import { typesOf } from "./schema.js";

/** What execute needs to know of an entity beyond the catalog entry, worked out once per entity. */
export interface EntityView {
  /** The schema records are generated from and stored in. */
  record: RecordSchema;
  /** A string key field that an integer parameter names (Amazon's portfolioId): ids are digit strings. */
  digits: boolean;
  /**
   * The width of a string key's ids when a param naming the key has a fixed-width digits pattern (Google Ads
   * `customer_id`: ^[0-9]{10}$): ids are then zero-padded digit strings, which that param accepts.
   */
  width?: number;
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
    // Digit-string ids when any operation types the key as an integer (ClickUp's comment create answers an
    // integer id, its list a string one): the same id then reads as either.
    const field = entity.key?.field ?? "";
    const integerOnly = (types: string[]) => types.includes("integer") && !types.includes("string");
    const digits =
      entity.key?.type === "string" &&
      entity.actions.some(
        (a) => isIntegerParam(a.params.find((p) => p.name === a.keyParam)) || integerOnly(typesOf(a.record.properties?.[field])),
      );
    const width = entity.key?.type === "string" ? widthOf(entity) : undefined;
    view = { record, digits, ...(width !== undefined ? { width } : {}), searchable: !!entity.contextStore || !!find("list") };
    views.set(entity, view);
  }
  return view;
}

const FIXED_DIGITS = /^\^(?:\[0-9\]|\\d)\{(\d+)\}\$$/;

/** N, when a param that names the entity's key (its key param, or one of the key's name) must be N digits. */
function widthOf(entity: CatalogEntity): number | undefined {
  const field = entity.key?.field;
  for (const action of entity.actions)
    for (const param of action.params) {
      if (param.name !== action.keyParam && param.name !== field) continue;
      const m = param.pattern ? FIXED_DIGITS.exec(param.pattern) : null;
      if (m) return Number(m[1]);
    }
  return undefined;
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
