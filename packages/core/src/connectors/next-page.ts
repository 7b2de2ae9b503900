import type { PageMeta } from "../resources/pagination";
import type { CatalogAction, CatalogParam } from "./catalog-types";

type Paging = NonNullable<CatalogAction["pagination"]>;

const TOTAL_PAGES = ["total_pages", "totalPages", "page_count", "pageCount"];
const TOTAL_ITEMS = ["total", "total_count", "totalCount", "total_items", "totalItems", "total_records", "totalRecords"];

const numberAt = (raw: Record<string, unknown> | null, keys: string[]) => {
  for (const key of keys) if (typeof raw?.[key] === "number") return raw[key] as number;
  return undefined;
};

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
  param: CatalogParam | undefined,
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
    default:
      return { hasNextPage: meta.hasNextPage && meta.cursor !== null, cursor: meta.hasNextPage ? meta.cursor : null };
  }
}

/** The cursor as the parameter takes it: a number for integer parameters (a page number, an offset, an id). */
export function cursorValue(paging: Paging | undefined, cursor: string): string | number {
  if (paging?.cursorType !== "integer") return cursor;
  const n = Number(cursor);
  return Number.isSafeInteger(n) ? n : cursor;
}
