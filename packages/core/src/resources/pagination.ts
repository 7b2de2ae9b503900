/**
 * Pagination metadata in one shape, whatever the connector's casing (`has_next_page`/`end_cursor`,
 * `hasNextPage`/`endCursor`, `next_page_token`, `has_more`...). `raw` keeps the connector's own object.
 *
 * @example
 * ```ts
 * if (result.meta.hasNextPage) next = await github.execute("issues", "list", { cursor: result.meta.cursor });
 * ```
 */
export interface PageMeta<M = Record<string, unknown>> {
  hasNextPage: boolean;
  cursor: string | null;
  raw: M | null;
}

const HAS_MORE_KEYS = ["has_next_page", "hasNextPage", "has_more", "hasMore", "more", "more_records", "moreRecords"];
const DONE_KEYS = ["done", "is_last", "isLast", "last_page", "lastPage"];
const CURSOR_KEYS = [
  "end_cursor",
  "endCursor",
  "next_cursor",
  "nextCursor",
  "next_page_token",
  "nextPageToken",
  "next_token",
  "nextToken",
  "cursor",
  "next",
  "next_page",
  "nextPage",
  "next_page_url",
  "nextPageUrl",
  "next_link",
  "nextLink",
  "nextRecordsUrl",
  "next_page_uri",
  "next_offset",
  "nextOffset",
  "after",
  "starting_after",
  "bookmark",
];

/**
 * Normalises a connector's metadata (api-notes §5, AGENTIC-1142). With no explicit flag, a non-null cursor means
 * there is a next page.
 *
 * @example
 * ```ts
 * normalizePageMeta({ hasNextPage: true, endCursor: "abc" }); // { hasNextPage: true, cursor: "abc", raw: {...} }
 * ```
 */
export function normalizePageMeta(raw: unknown): PageMeta {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { hasNextPage: false, cursor: null, raw: null };
  const meta = raw as Record<string, unknown>;
  const cursorKey = CURSOR_KEYS.find((key) => meta[key] !== undefined && meta[key] !== null && meta[key] !== "");
  const cursorValue = cursorKey === undefined ? null : meta[cursorKey];
  const cursor = cursorValue === null ? null : typeof cursorValue === "string" ? cursorValue : JSON.stringify(cursorValue);
  const hasMoreKey = HAS_MORE_KEYS.find((key) => typeof meta[key] === "boolean");
  const doneKey = DONE_KEYS.find((key) => typeof meta[key] === "boolean");
  let hasNextPage: boolean;
  if (hasMoreKey !== undefined) hasNextPage = meta[hasMoreKey] === true;
  else if (doneKey !== undefined) hasNextPage = meta[doneKey] === false;
  else hasNextPage = cursor !== null;
  return { hasNextPage, cursor, raw: meta };
}
