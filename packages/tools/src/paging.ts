// Where the next page starts, from the catalog's paging rule for the action: what the model must send back. The same
// rules core's paginate() follows (the meta's cursor, the last record's id, the next page number or the next offset);
// a tool call reads one page, so the tool computes the next page's parameters itself and hands them to the model.
import type { CatalogAction, CatalogParam, PageMeta } from "@airbyte-agents/core";

type Paging = NonNullable<CatalogAction["pagination"]>;

const TOTAL_PAGES = ["total_pages", "totalPages", "page_count", "pageCount"];
const TOTAL_ITEMS = ["total", "total_count", "totalCount", "total_items", "totalItems", "total_records", "totalRecords"];
const CURSOR_PREFERENCE = [/cursor|token/i, /offset|after|bookmark|start/i, /next/i];

const numberAt = (raw: Record<string, unknown> | null, keys: string[]) => {
  for (const key of keys) if (typeof raw?.[key] === "number") return raw[key] as number;
  return undefined;
};

const scalar = (value: unknown) =>
  (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value)) ? String(value) : null;

/** The next cursor among the connector's own meta keys (an object value such as Asana's `next_page` yields its cursor). */
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
 * How a page continues. `shown` is the number of records the model receives (fewer than `records` when the output cap
 * cut the page): a cursor taken from the last record's id or an offset resumes right after the last record shown, so
 * nothing is skipped; a meta cursor or a page number can only resume after the whole page (`resumesAfterShown: false`).
 */
export interface PageContinuation {
  /** The parameters that fetch what follows (absent: nothing follows, or it cannot be reached). */
  params?: Record<string, unknown>;
  /** True when `params` start right after the last record shown, false when after the last record of the page. */
  resumesAfterShown: boolean;
}

export function continuation(
  paging: Paging,
  param: CatalogParam | undefined,
  sent: unknown,
  records: readonly unknown[],
  shown: number,
  meta: PageMeta,
): PageContinuation {
  const asParam = (cursor: string): Record<string, unknown> => {
    if (paging.cursorType !== "integer") return { [paging.cursorParam]: cursor };
    const n = Number(cursor);
    return { [paging.cursorParam]: Number.isSafeInteger(n) ? n : cursor };
  };
  const cut = shown < records.length;
  switch (paging.cursorFrom) {
    case "lastId": {
      // After a cut the rest of this page exists for certain; otherwise the API's flag says whether more follows.
      const last = idOf(records[shown - 1]);
      return (cut || meta.hasNextPage) && last !== null ? { params: asParam(last), resumesAfterShown: true } : { resumesAfterShown: true };
    }
    case "offset": {
      if (records.length === 0) return { resumesAfterShown: true };
      const start = sent === undefined || sent === null ? 0 : Number(sent);
      const total = numberAt(meta.raw, TOTAL_ITEMS);
      const more = cut || (total !== undefined ? start + records.length < total : meta.hasNextPage);
      return more ? { params: asParam(String(start + shown)), resumesAfterShown: true } : { resumesAfterShown: true };
    }
    case "pageNumber": {
      if (records.length === 0) return { resumesAfterShown: false };
      const first = typeof param?.default === "number" ? param.default : (param?.minimum ?? 1);
      const current = sent === undefined || sent === null ? first : Number(sent);
      const totalPages = numberAt(meta.raw, TOTAL_PAGES);
      const lastPage = meta.raw?.last_page ?? meta.raw?.lastPage;
      const more =
        typeof lastPage === "boolean" ? !lastPage : meta.hasNextPage || (totalPages !== undefined && current - first + 1 < totalPages);
      return more ? { params: asParam(String(current + 1)), resumesAfterShown: false } : { resumesAfterShown: false };
    }
    default: {
      const cursor = metaCursor(paging, meta.raw) ?? meta.cursor;
      const flagged = paging.metaKeys.some((key) => typeof meta.raw?.[key] === "boolean");
      const more = (flagged ? meta.hasNextPage : true) && cursor !== null;
      return more && cursor !== null ? { params: asParam(cursor), resumesAfterShown: false } : { resumesAfterShown: false };
    }
  }
}
