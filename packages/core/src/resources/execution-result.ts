import type { PageMeta } from "./pagination";

/**
 * What an operation returned, normalised: `data` is the connector's `result` (an array for list, an object
 * for get/create/update/delete), `meta` the pagination metadata in one shape whatever the connector's casing.
 *
 * @example
 * ```ts
 * const res: ExecutionResult<Customer[]> = await stripe.execute("customers", "list", { limit: 10 });
 * res.data.forEach((c) => console.log(c.email));
 * if (res.meta.hasNextPage) console.log("more after", res.meta.cursor);
 * ```
 */
export interface ExecutionResult<T = unknown, M = Record<string, unknown>> {
  data: T;
  /** Paging in one shape; `meta.raw` is the connector's own metadata (typed from the spec on typed handles). */
  meta: PageMeta<M>;
  /** A warning the API attached to an otherwise successful result (e.g. a clamped limit). */
  warning: Record<string, unknown> | undefined;
  requestId: string | undefined;
  executionTimeMs: number | undefined;
}

/**
 * Options of `execute()`: the usual call options plus field selection (dot paths; `selectFields` wins).
 *
 * @example
 * ```ts
 * await github.execute("issues", "list", { limit: 5 }, { selectFields: ["id", "title"] });
 * ```
 */
export interface ExecuteOptions {
  selectFields?: string[];
  excludeFields?: string[];
  /** Long text fields are returned whole by default (`skip_truncation: true`); set false to let the API truncate. */
  skipTruncation?: boolean;
}
