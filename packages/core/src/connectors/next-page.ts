import type { ExecuteOptions } from "../resources/execution-result";
import type { PageMeta } from "../resources/pagination";
import type { CatalogAction, CatalogParam, RuntimeParam } from "./catalog-types";

type Paging = NonNullable<CatalogAction["pagination"]>;

// TikTok names its page count `total_page` and its record count `total_number`, inside `page_info`.
const TOTAL_PAGES = ["total_pages", "totalPages", "total_page", "page_count", "pageCount"];
const TOTAL_ITEMS = ["total", "total_count", "totalCount", "total_items", "totalItems", "total_records", "totalRecords", "total_number"];

/** The first of `keys` holding a number in the meta, or in an object of it (TikTok's `page_info`). */
const numberAt = (raw: Record<string, unknown> | null, keys: string[]): number | undefined => {
  if (!raw) return undefined;
  for (const key of keys) if (typeof raw[key] === "number") return raw[key] as number;
  for (const value of Object.values(raw)) {
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    const inner = value as Record<string, unknown>;
    for (const key of keys) if (typeof inner[key] === "number") return inner[key] as number;
  }
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

// Meta keys that can say whether another page follows (a flag, a next cursor or link, a total). Mailchimp's only key
// is `links`, which never does.
const TELLS_NEXT = /next|more|last|done|total|count|token|cursor|has_?/i;

/**
 * The page size a call asked for: the action's page-size parameter as sent, else that parameter's default in the
 * spec; undefined when neither says. Where a connector's meta tells nothing of a next page, a page this full means
 * another may follow.
 *
 * @example
 * ```ts
 * const paging = await connectorPaging("mailchimp", "lists", "list");
 * const asked = paging && pageSizeAsked(paging, { count: 50 }, undefined); // 50
 * ```
 */
export function pageSizeAsked(
  paging: { pageSizeParam?: string | undefined },
  params: Record<string, unknown>,
  specParams: readonly Pick<CatalogParam, "name" | "default">[] | undefined,
): number | undefined {
  const name = paging.pageSizeParam;
  if (name === undefined) return undefined;
  const sent = Number(params[name] ?? specParams?.find((p) => p.name === name)?.default);
  return Number.isSafeInteger(sent) && sent > 0 ? sent : undefined;
}

/** A record's cursor field (`id`, or the catalog's `cursorField`: Typeform's `token`) as a cursor, or null. */
const fieldOf = (item: unknown, field: string) => {
  const value = item && typeof item === "object" ? (item as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
};

/**
 * Where the next page of a paged action starts, from the catalog's rule for that action (generated from the spec):
 * the meta's cursor, the last record's id (or its `cursorField`), the next page number or the next offset. Pure, so
 * it is unit-tested.
 *
 * `sent` is the cursor parameter's value on the page just read (undefined on the first), `items` that page's
 * records and `meta` its normalised metadata. `shown` (default: all of them) is how many of the records the
 * reader kept: a tool that cut a page to fit a model's budget resumes after the last record it showed when the
 * cursor is a record id or an offset (`resumesAfterShown: true`); a meta cursor or a page number can only resume
 * after the whole page. `asked` (see {@link pageSizeAsked}) is the page size the call asked for: an offset whose
 * meta tells nothing of a next page goes on after a page that full (after any non-empty page when it is unknown).
 */
export function nextPage(
  paging: Paging,
  param: Pick<RuntimeParam, "default" | "minimum"> | undefined,
  sent: unknown,
  items: readonly unknown[],
  meta: PageMeta,
  shown: number = items.length,
  asked?: number,
): { hasNextPage: boolean; cursor: string | null; resumesAfterShown: boolean } {
  const cut = shown < items.length;
  const from = sent === undefined || sent === null ? undefined : sent;
  switch (paging.cursorFrom) {
    case "lastId": {
      // After a cut the rest of this page exists for certain; otherwise the API's flag says whether more follows,
      // or, where the meta has no flag (Typeform's `page_count`, `total_items`), its counts: more than one page, or
      // more records than this page's. The cursor never repeats, so an empty page after the last ends the listing.
      const last = fieldOf(items[shown - 1], paging.cursorField ?? "id");
      const flagged = paging.metaKeys.some((key) => typeof meta.raw?.[key] === "boolean");
      const pages = numberAt(meta.raw, TOTAL_PAGES);
      const total = numberAt(meta.raw, TOTAL_ITEMS);
      const counted = !flagged && ((pages !== undefined && pages > 1) || (total !== undefined && total > items.length));
      const more = (cut || meta.hasNextPage || counted) && last !== null;
      return { hasNextPage: more, cursor: more ? last : null, resumesAfterShown: true };
    }
    case "pageNumber": {
      const stop = { hasNextPage: false, cursor: null, resumesAfterShown: false };
      if (items.length === 0) return stop;
      const first = typeof param?.default === "number" ? param.default : (param?.minimum ?? 1);
      const current = from === undefined ? first : Number(from);
      const totalPages = numberAt(meta.raw, TOTAL_PAGES);
      const lastPage = meta.raw?.last_page ?? meta.raw?.lastPage;
      const more =
        typeof lastPage === "boolean" ? !lastPage : meta.hasNextPage || (totalPages !== undefined && current - first + 1 < totalPages);
      return more ? { hasNextPage: true, cursor: String(current + 1), resumesAfterShown: false } : stop;
    }
    case "offset": {
      const stop = { hasNextPage: false, cursor: null, resumesAfterShown: true };
      if (items.length === 0) return stop;
      const start = from === undefined ? 0 : Number(from);
      const total = numberAt(meta.raw, TOTAL_ITEMS);
      const told = paging.metaKeys.some((key) => TELLS_NEXT.test(key));
      const full = asked === undefined || items.length >= asked;
      const more = cut || (total !== undefined ? start + items.length < total : told ? meta.hasNextPage : full);
      return more ? { hasNextPage: true, cursor: String(start + shown), resumesAfterShown: true } : stop;
    }
    default: {
      const cursor = metaCursor(paging, meta.raw) ?? meta.cursor;
      // A boolean flag among the connector's keys decides (has_more, hasNextPage, isLast); otherwise a cursor does.
      const flagged = paging.metaKeys.some((key) => typeof meta.raw?.[key] === "boolean");
      const more = (flagged ? meta.hasNextPage : true) && cursor !== null;
      return { hasNextPage: more, cursor: more ? cursor : null, resumesAfterShown: false };
    }
  }
}

/**
 * The parameters that fetch the page after one a caller read itself (an agent tool reads one page per call), by
 * the action's paging rule from `connectorPaging()` or `describeConnector()`: `{ [cursorParam]: cursor }`, or no
 * `params` when nothing follows. `shown` is how many of the page's records the caller kept, `asked` the page size
 * the call asked for ({@link pageSizeAsked}; see `nextPage`).
 *
 * @example
 * ```ts
 * const paging = await connectorPaging("stripe", "customers", "list");
 * const page = await stripe.execute("customers", "list", { limit: 100 });
 * const next = paging && nextPageParams(paging, undefined, { sent: undefined, records: page.data, meta: page.meta });
 * // next.params: { starting_after: "cus_100" }
 * ```
 */
export function nextPageParams(
  paging: Paging,
  param: Pick<CatalogParam, "default" | "minimum"> | undefined,
  page: { sent: unknown; records: readonly unknown[]; meta: PageMeta; shown?: number | undefined; asked?: number | undefined },
): { params?: Record<string, unknown>; resumesAfterShown: boolean } {
  const shown = Math.min(page.shown ?? page.records.length, page.records.length);
  const next = nextPage(paging, param, page.sent, page.records, page.meta, shown, page.asked);
  if (!next.hasNextPage || next.cursor === null) return { resumesAfterShown: next.resumesAfterShown };
  return { params: { [paging.cursorParam]: cursorValue(paging, next.cursor) }, resumesAfterShown: next.resumesAfterShown };
}

/** The cursor as the parameter takes it: a number for integer parameters (a page number, an offset, an id). */
export function cursorValue(paging: Paging | undefined, cursor: string): string | number {
  if (paging?.cursorType !== "integer") return cursor;
  const n = Number(cursor);
  return Number.isSafeInteger(n) ? n : cursor;
}

type FieldSelection = Pick<ExecuteOptions, "selectFields" | "excludeFields">;

/**
 * Whether a field selection leaves out the record's `id`, or `field` when given (a paging rule's `cursorField`:
 * Typeform's `token`); `selectFields` wins over `excludeFields`, as the API reads them.
 */
export function selectionDropsId({ selectFields, excludeFields }: FieldSelection, field = "id"): boolean {
  return selectFields ? !selectFields.includes(field) : (excludeFields?.includes(field) ?? false);
}

/**
 * The field selection to send for a page of a paged action. A list whose next page starts after the last record's
 * id (Stripe's `starting_after`, Shopify's `since_id`) needs that id, so a selection that leaves it out gets it back
 * (the records then carry `id`); where the paging names another `cursorField` (Typeform's `token`), that field is
 * kept instead. Any other selection is returned as it is.
 *
 * @example
 * ```ts
 * const paging = await connectorPaging("stripe", "customers", "list");
 * keepCursorField(paging, { selectFields: ["email"] }); // { selectFields: ["email", "id"] }
 * ```
 */
export function keepCursorField<T extends Pick<ExecuteOptions, "selectFields" | "excludeFields">>(
  paging: Paging | undefined,
  selection: T,
): T {
  const field = paging?.cursorField ?? "id";
  if (paging?.cursorFrom !== "lastId" || !selectionDropsId(selection, field)) return selection;
  const { selectFields, excludeFields } = selection;
  return selectFields
    ? { ...selection, selectFields: [...selectFields, field] }
    : { ...selection, excludeFields: excludeFields?.filter((f) => f !== field) };
}
