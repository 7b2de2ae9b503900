/**
 * Parameters of `context_store_search` (and `search`): a filter and sort over the synced records, a page size,
 * the previous page's cursor and the fields to return.
 *
 * @example
 * ```ts
 * const params: ContextStoreSearchParams = { query: { filter: { eq: { status: "active" } } }, limit: 20 };
 * ```
 */
export interface ContextStoreSearchParams {
  /** Filter (`eq`, `neq`, `gt`, `gte`, `lt`, `lte`, `in`, `like`, `fuzzy`, `keyword`, `contains`, `any`, `has`, with `and`, `or`, `not`) and sort. */
  query?: { filter?: Record<string, unknown>; sort?: Record<string, "asc" | "desc">[] | { field: string; order?: "asc" | "desc" }[] };
  /** Records per page. */
  limit?: number;
  /** The previous page's `meta.cursor`. */
  cursor?: string;
  /** Field paths to return, each a list of keys (`[["id"], ["user", "name"]]`). */
  fields?: string[][];
}

/**
 * The paging metadata of a context-store search: whether more records follow, the cursor of the next page and
 * how long the search took.
 *
 * @example
 * ```ts
 * const { data } = await stripe.customers.contextStoreSearch({ limit: 5 });
 * const meta: ContextStoreSearchMeta = data.meta;
 * ```
 */
export interface ContextStoreSearchMeta {
  has_more: boolean;
  cursor: string | null;
  took_ms: number | null;
}
