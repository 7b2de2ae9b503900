import type { ConnectorRef, PageMeta } from "@airbyte-agents/core";
import { describeConnector } from "@airbyte-agents/core/browser";

/** How one paged operation sends and finds its cursor. */
export interface Paging {
  /** The parameter the cursor goes in. */
  cursorParam: string;
  /** The page's meta with the cursor the next request needs. */
  nextMeta<M>(meta: PageMeta<M>, items: readonly { id?: unknown }[]): PageMeta<M>;
}

const asIs = <M>(meta: PageMeta<M>) => meta;

/** Stripe-style paging: the next page starts after the last record, whatever the meta says (core's rule too). */
function afterLastId<M>(meta: PageMeta<M>, items: readonly { id?: unknown }[]): PageMeta<M> {
  if (!meta.hasNextPage) return meta;
  const id = items.at(-1)?.id;
  return { ...meta, cursor: typeof id === "string" || typeof id === "number" ? String(id) : null };
}

/**
 * The paging of one operation from the connector's catalog, as core's `paginate()` reads it: the spec's cursor
 * parameter and where the cursor comes from. The catalog is a lazily imported chunk of core that `execute` loads
 * anyway for its validation, so this costs no extra request and no extra bytes. A connector the SDK does not know
 * pages with `cursorParam` (default `cursor`).
 */
export async function pagingOf(ref: ConnectorRef, entity: string, action: string, cursorParam: string | undefined): Promise<Paging> {
  const slug = typeof ref === "string" ? ref : ref.type;
  // describeConnector refuses unknown slugs with a ValidationError; for paging that only means "no spec".
  const catalog = slug === undefined ? undefined : await describeConnector(slug).catch(() => undefined);
  const spec = catalog?.entities.find((e) => e.name === entity)?.actions.find((a) => a.name === action)?.pagination;
  return {
    cursorParam: cursorParam ?? spec?.cursorParam ?? "cursor",
    nextMeta: spec?.cursorFrom === "lastId" ? afterLastId : asIs,
  };
}
