import { checkOption, isNonNegativeInteger, optionsObject } from "../input/values";
import type { ExecutionResult } from "./execution-result";

/**
 * Async iteration over every item of a paginated operation, page by page underneath. Stops when the API
 * says there is no next page, the cursor is missing, or a cursor repeats (a connector bug that would
 * otherwise loop forever).
 *
 * @example
 * ```ts
 * for await (const issue of github.paginate("issues", "list", { limit: 100 })) console.log(issue.title);
 * const first500 = await github.paginate("issues", "list").toArray({ limit: 500 });
 * for await (const page of github.paginate("issues", "list").pages()) console.log(page.data.length);
 * ```
 */
export interface PageIterator<T> extends AsyncIterable<T> {
  /** Iterates whole pages, each a full {@link ExecutionResult}. */
  pages(): AsyncIterable<ExecutionResult<T[]>>;
  /** Collects items into an array, at most `limit` of them (default 10 000, so a huge entity cannot exhaust memory). */
  toArray(options?: { limit?: number }): Promise<T[]>;
}

export const DEFAULT_TO_ARRAY_LIMIT = 10_000;

/**
 * Items of a page: the result itself when it is an array, its `data` array (search results), or the one list of a
 * wrapper that holds exactly one (Amazon Ads' `{ campaigns, nextToken }`, whose spec extracts no records), as the
 * agent tools read a page too.
 */
export function pageItems<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (!result || typeof result !== "object") return [];
  const object = result as Record<string, unknown>;
  if (Array.isArray(object.data)) return object.data as T[];
  let only: T[] | undefined;
  for (const key in object) {
    const value = object[key];
    if (!Array.isArray(value)) continue;
    if (only) return [];
    only = value as T[];
  }
  return only ?? [];
}

export function createPageIterator<T>(
  fetchPage: (cursor: string | undefined) => Promise<ExecutionResult<unknown>>,
  startCursor: string | undefined,
  onRepeatedCursor: (cursor: string) => void,
): PageIterator<T> {
  async function* pages(): AsyncGenerator<ExecutionResult<T[]>> {
    let cursor = startCursor;
    const seen = new Set<string>(cursor === undefined ? [] : [cursor]);
    for (;;) {
      const page = await fetchPage(cursor);
      const items = pageItems<T>(page.data);
      yield { ...page, data: items };
      const next = page.meta.cursor;
      if (!page.meta.hasNextPage || next === null) return;
      if (seen.has(next)) {
        onRepeatedCursor(next);
        return;
      }
      seen.add(next);
      cursor = next;
    }
  }
  async function* items(): AsyncGenerator<T> {
    for await (const page of pages()) yield* page.data;
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    pages: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async toArray(options = {}) {
      const o = optionsObject("toArray", options);
      checkOption("toArray", o, "limit", "a non-negative integer", isNonNegativeInteger);
      const limit = options.limit ?? DEFAULT_TO_ARRAY_LIMIT;
      const out: T[] = [];
      if (limit === 0) return out;
      for await (const item of items()) {
        out.push(item);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
