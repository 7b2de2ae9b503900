// What typed connectors do at run time, in one module that core only ever imports lazily (`await import()`): the
// catalog loaders, local validation, paging rules and the check operation. A bundle that never calls a connector
// carries none of it, and a bundler that splits chunks loads it on the first call. The catalogs' prose is apart
// again (describe.ts): only describeConnector loads it.

import { loadChunk } from "../load-chunk";
import type { CatalogAction, RuntimeAction, RuntimeCatalog } from "./catalog-types";
import { CATALOG_LOADERS, DISPLAY_NAME_SLUGS } from "./generated/index";
import { SEARCH_PAGING } from "./search-action";

export { cursorValue, keepCursorField, nextPage, pageSizeAsked } from "./next-page";
export { validateOperation, validateReplicationConfig } from "./validate";

/** `"GitHub"`, `"Zendesk Support"`, `"zendesk_support"` -> the slug form (`github`, `zendesk-support`). */
export function catalogKey(ref: string): string {
  return ref
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** The catalog of a published connector by slug or display name, or undefined when the SDK has none for it. */
export async function loadCatalog(ref: string): Promise<RuntimeCatalog | undefined> {
  const form = catalogKey(ref);
  const key = Object.hasOwn(DISPLAY_NAME_SLUGS, form) ? (DISPLAY_NAME_SLUGS[form] as string) : form;
  const load = Object.hasOwn(CATALOG_LOADERS, key) ? CATALOG_LOADERS[key] : undefined;
  return load ? (await loadChunk(`${key} catalog`, load)).default : undefined;
}

/**
 * The spec's preferred check operation (`x-airbyte-preferred-for-check`) with the smallest page and every required
 * parameter that has a default, or undefined when the spec marks none that can run without more input.
 */
export function checkOperation(catalog: RuntimeCatalog): { entity: string; action: string; params: Record<string, unknown> } | undefined {
  for (const entity of catalog.entities) {
    const action = entity.actions.find((a) => a.check);
    if (!action) continue;
    const params: Record<string, unknown> = {};
    for (const param of action.params ?? []) {
      if (param.required && param.default === undefined) return undefined;
      if (param.required) params[param.name] = param.default;
    }
    const size = action.pagination?.pageSizeParam && action.params?.find((p) => p.name === action.pagination?.pageSizeParam);
    if (size) params[size.name] = Math.max(1, size.minimum ?? 1);
    return { entity: entity.name, action: action.name, params };
  }
  return undefined;
}

/** How an action pages: its own rule, or the context store's for a search; undefined when it does not page. */
export function pagingFor(action: RuntimeAction | undefined): CatalogAction["pagination"] | undefined {
  return action?.pagination ?? (action?.search ? SEARCH_PAGING : undefined);
}

/** connectorPaging's implementation (public in catalog.ts): an action's paging rule, without loading any prose. */
export async function pagingOf(slug: string, entity: string, action: string): Promise<CatalogAction["pagination"] | undefined> {
  return pagingFor((await loadCatalog(slug))?.entities.find((e) => e.name === entity)?.actions.find((a) => a.name === action));
}
