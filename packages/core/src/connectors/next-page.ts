import type { PageMeta } from "../resources/pagination";
import type { CatalogAction, RuntimeParam } from "./catalog-types";

type Paging = NonNullable<CatalogAction["pagination"]>;

const TOTAL_PAGES = ["total_pages", "totalPages", "page_count", "pageCount"];
const TOTAL_ITEMS = ["total", "total_count", "totalCount", "total_items", "totalItems", "total_records", "totalRecords"];

const numberAt = (raw: Record<string, unknown> | null, keys: string[]) => {
  for (const key of keys) if (typeof raw?.[key] === "number") return raw[key] as number;
  return undefined;
};

// Which meta key holds the next cursor when several could: the parameter's own name, then tokens and cursors, then
// offsets and bookmarks, then other `next…` values; links and URLs last.
const CURSOR_PREFERENCE = [/cursor|token/i, /offset|after|bookmark|start/i, /next/i];

const scalar = (value: unknown) =>
  (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value)) ? String(value) : null;

/** The next cursor in the connector's own meta keys; an object value (Asana's `next_page`) yields its cursor field. */
function metaCursor(paging: Paging, raw: Record<string, unknown> | null): string | null {
  if (!raw) return null;
  const rank = (key: string) => {
    if (key === paging.cursorParam) return 0;
    if (/link|url|uri/i.test(key)) return CURSOR_PREFERENCE.length + 1;
    const index = CURSOR_PREFERENCE.findIndex((pattern) => pattern.test(key));
    return index < 0 ? CURSOR_PREFERENCE.length + 2 : index + 1;
  };
  const keys = paging.metaKeys.filter((key) => typeof raw[key] !== "boolean").sort((a, b) => rank(a) - rank(b));
  for (const key of keys) {
    if (rank(key) > CURSOR_PREFERENCE.length + 1) continue;
    const value = raw[key];
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const inner = value as Record<string, unknown>;
      const found = scalar(inner[paging.cursorParam]) ?? scalar(inner.offset) ?? scalar(inner.cursor) ?? scalar(inner.token);
      if (found !== null) return found;
    } else if (scalar(value) !== null) return scalar(value);
  }
  return null;
}

const idOf = (item: unknown) => {
  const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
};

/**
 * Where the next page of a paged action starts, from the catalog's rule for that action (generated from the spec):
 * the meta's cursor, the last record's id, the next page number or the next offset. Pure, so it is unit-tested.
 *
 * `sent` is the cursor parameter's value on the page just read (undefined on the first), `items` that page's
 * records and `meta` its normalised metadata.
 */
export function nextPage(
  paging: Paging,
  param: RuntimeParam | undefined,
  sent: unknown,
  items: readonly unknown[],
  meta: PageMeta,
): { hasNextPage: boolean; cursor: string | null } {
  const stop = { hasNextPage: false, cursor: null };
  switch (paging.cursorFrom) {
    case "lastId": {
      const last = idOf(items.at(-1));
      return meta.hasNextPage && last !== null ? { hasNextPage: true, cursor: last } : stop;
    }
    case "pageNumber": {
      if (items.length === 0) return stop;
      const first = typeof param?.default === "number" ? param.default : (param?.minimum ?? 1);
      const current = sent === undefined ? first : Number(sent);
      const totalPages = numberAt(meta.raw, TOTAL_PAGES);
      const lastPage = meta.raw?.last_page ?? meta.raw?.lastPage;
      const more =
        typeof lastPage === "boolean" ? !lastPage : meta.hasNextPage || (totalPages !== undefined && current - first + 1 < totalPages);
      return more ? { hasNextPage: true, cursor: String(current + 1) } : stop;
    }
    case "offset": {
      if (items.length === 0) return stop;
      const next = (sent === undefined ? 0 : Number(sent)) + items.length;
      const total = numberAt(meta.raw, TOTAL_ITEMS);
      const more = total !== undefined ? next < total : meta.hasNextPage;
      return more ? { hasNextPage: true, cursor: String(next) } : stop;
    }
    default: {
      const cursor = metaCursor(paging, meta.raw) ?? meta.cursor;
      // A boolean flag among the connector's keys decides (has_more, hasNextPage, isLast); otherwise a cursor does.
      const flagged = paging.metaKeys.some((key) => typeof meta.raw?.[key] === "boolean");
      const more = (flagged ? meta.hasNextPage : true) && cursor !== null;
      return more ? { hasNextPage: true, cursor } : stop;
    }
  }
}

/** The cursor as the parameter takes it: a number for integer parameters (a page number, an offset, an id). */
export function cursorValue(paging: Paging | undefined, cursor: string): string | number {
  if (paging?.cursorType !== "integer") return cursor;
  const n = Number(cursor);
  return Number.isSafeInteger(n) ? n : cursor;
}
