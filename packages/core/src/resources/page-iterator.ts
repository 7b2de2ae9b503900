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

/** Items of a page: the records where {@link recordsKeyOf} finds them, else none. */
export function pageItems<T>(result: unknown): T[] {
  const key = recordsKeyOf(result);
  if (key === undefined) return [];
  return (key === null ? result : (result as Record<string, unknown>)[key]) as T[];
}

// What tells one page from the next: its length and its first and last records. Two pages of a listing that moved on
// differ there; the whole page is not serialized, since that would cost as much as parsing it again.
function pageMark(items: readonly unknown[]): string | undefined {
  return items.length === 0 ? undefined : `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items.at(-1))}`;
}

export function createPageIterator<T>(
  fetchPage: (cursor: string | undefined) => Promise<ExecutionResult<unknown>>,
  startCursor: string | undefined,
  onStuck: (why: "cursor" | "page", cursor: string) => void,
): PageIterator<T> {
  async function* pages(): AsyncGenerator<ExecutionResult<T[]>> {
    let cursor = startCursor;
    const seen = new Set<string>(cursor === undefined ? [] : [cursor]);
    let previous: string | undefined;
    for (;;) {
      const page = await fetchPage(cursor);
      const items = pageItems<T>(page.data);
      // A page number or an offset counts up, so its cursor never repeats: an API that ignores it answers the same
      // page again and again. That page is not handed on a second time.
      const mark = pageMark(items);
      if (cursor !== undefined && mark !== undefined && mark === previous) {
        onStuck("page", cursor);
        return;
      }
      previous = mark;
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
