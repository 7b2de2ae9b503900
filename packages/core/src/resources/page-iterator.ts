import { checkOption, isNonNegativeInteger, optionsObject } from "../input/values";
import type { ExecutionResult } from "./execution-result";

/**
 * Async iteration over every item of a paginated operation, page by page underneath. Stops when the API
 * says there is no next page, the cursor is missing, a cursor repeats, or a page repeats the one before it (an API
 * that ignored the page number or offset it was sent): connector bugs that would otherwise loop forever.
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
 * Where a list result keeps its records: `null` when the result is the array of records itself, the key of its
 * `data` array (search results), the key of the one list a wrapper holds (Amazon Ads' `{ campaigns, nextToken }`,
 * whose spec names no record path), or `undefined` when it holds none or several. `paginate()` and the agent tools
 * read a page by this rule.
 *
 * @example
 * ```ts
 * recordsKeyOf([{ id: 1 }]); // null
 * recordsKeyOf({ campaigns: [{ campaignId: 1 }], nextToken: "t" }); // "campaigns"
 * recordsKeyOf({ id: 1, name: "one record" }); // undefined
 * ```
 */
export function recordsKeyOf(result: unknown): string | null | undefined {
  if (Array.isArray(result)) return null;
  if (!result || typeof result !== "object") return undefined;
  const object = result as Record<string, unknown>;
  if (Array.isArray(object.data)) return "data";
  let only: string | undefined;
  for (const key in object) {
    if (!Array.isArray(object[key])) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}

/**
 * The records of one page's result, where {@link recordsKeyOf} finds them; none when it holds no list. With the
 * action's paging rule (`connectorPaging()`), a page that is one record (`pageIsRecord`: Amazon Seller Partner's
 * financial events) is that one item, and a null page none.
 *
 * @example
 * ```ts
 * pageItems({ campaigns: [{ campaignId: 1 }], nextToken: "t" }); // [{ campaignId: 1 }]
 * pageItems({ RefundEventList: [] }, { pageIsRecord: true }); // [{ RefundEventList: [] }]
 * ```
 */
export function pageItems<T>(result: unknown, paging?: { pageIsRecord?: true | undefined }): T[] {
  if (paging?.pageIsRecord) return result == null ? [] : [result as T];
  const key = recordsKeyOf(result);
  if (key === undefined) return [];
  return (key === null ? result : (result as Record<string, unknown>)[key]) as T[];
}

/**
 * Whether a page of records repeats the one before it: the same number of records, the same first and last. An API
 * that ignores the page number or offset it is sent answers the same page again under a cursor that never repeats
 * (it counts up); `paginate()` and the React infinite query stop there. Two pages of a listing that moved on differ
 * at their ends; the whole page is not compared, since serializing it would cost as much as parsing it again.
 *
 * @example
 * ```ts
 * isRepeatedPage([{ id: 1 }, { id: 2 }], [{ id: 1 }, { id: 2 }]); // true
 * isRepeatedPage([{ id: 1 }, { id: 2 }], [{ id: 3 }, { id: 4 }]); // false
 * ```
 */
export function isRepeatedPage(previous: readonly unknown[], page: readonly unknown[]): boolean {
  const ends = (items: readonly unknown[]) => JSON.stringify([items.length, items[0], items.at(-1)]);
  return page.length > 0 && previous.length === page.length && ends(previous) === ends(page);
}

export function createPageIterator<T>(
  fetchPage: (cursor: string | undefined) => Promise<ExecutionResult<unknown>>,
  startCursor: string | undefined,
  onStuck: (why: "cursor" | "page", cursor: string) => void,
): PageIterator<T> {
  async function* pages(): AsyncGenerator<ExecutionResult<T[]>> {
    let cursor = startCursor;
    const seen = new Set<string>(cursor === undefined ? [] : [cursor]);
    let previous: T[] = [];
    for (;;) {
      const page = await fetchPage(cursor);
      const items = pageItems<T>(page.data);
      // A page number or an offset counts up, so its cursor never repeats: an API that ignores it answers the same
      // page again and again. That page is not handed on a second time.
      if (cursor !== undefined && isRepeatedPage(previous, items)) {
        onStuck("page", cursor);
        return;
      }
      previous = items;
      yield { ...page, data: items };
      const next = page.meta.cursor;
      if (!page.meta.hasNextPage || next === null) return;
      if (seen.has(next)) {
        onStuck("cursor", next);
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
