import type { CatalogAction, CatalogParam } from "./catalog-types";

/**
 * A context-store search (`context_store_search`, `search`) takes the same parameters and pages the same way for
 * every entity (api-notes §5), so the runtime catalogs mark such actions `search: true` and these fill them in.
 */
export const SEARCH_PARAMS: readonly CatalogParam[] = [
  {
    name: "query",
    in: "body",
    type: "object",
    description: "Filter and sort: { filter: { eq: { field: value } }, sort: [{ field: 'asc' }] }",
  },
  { name: "limit", in: "body", type: "integer", minimum: 1, description: "Maximum records per page." },
  { name: "cursor", in: "body", type: "string", description: "The cursor of the previous page (meta.cursor)." },
  { name: "fields", in: "body", type: "array", description: "Field paths to return, each a list of keys." },
];

export const SEARCH_PAGING: NonNullable<CatalogAction["pagination"]> = {
  cursorParam: "cursor",
  pageSizeParam: "limit",
  metaKeys: ["cursor", "has_more", "took_ms"],
};
