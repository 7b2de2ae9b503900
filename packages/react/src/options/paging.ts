import type { CallOptions, ConnectorRef, ExecuteOptions, ExecutionResult } from "@airbyte-agents/core";
import { connectorPaging, pageItems } from "@airbyte-agents/core/browser";
import type { AirbyteConnectorHandleLike } from "../client-like";
import { defined } from "../defined";

/**
 * What one page fetch needs besides the handle.
 *
 * @example
 * ```ts
 * const request: PageRequest = { ref: "stripe", entity: "customers", action: "list", params: { limit: 5 }, cursor: null, cursorParam: undefined, options: {} };
 * ```
 */
export interface PageRequest {
  ref: ConnectorRef;
  entity: string;
  action: string;
  params: Record<string, unknown>;
  /** The previous page's cursor, or null for the first page. */
  cursor: string | null;
  /** An explicit cursor parameter (connectors the SDK has no spec for). */
  cursorParam: string | undefined;
  options: ExecuteOptions & CallOptions;
}

/** The spec's cursor parameter and its type for one operation; none for connectors the SDK does not know. */
async function cursorSpec(ref: ConnectorRef, entity: string, action: string) {
  const slug = typeof ref === "string" ? ref : ref.type;
  // Only the connector's runtime catalog is loaded (no descriptions); unknown connectors have no rule.
  return slug === undefined ? undefined : connectorPaging(slug, entity, action);
}

/**
 * One page of a paged operation, starting at `cursor`, with the next page's cursor in `meta` exactly as core's
 * `paginate()` computes it. An infinite query fetches pages one at a time and keeps the cursors itself, so each page
 * is core's `paginate()` started at that cursor (`startCursor`): core puts it in the spec's parameter, as the spec
 * types it, and applies the spec's rule for where the next page starts (the meta's cursor, the last record's id, the
 * next page number or offset), for a `{ connectorId }` ref too (core learns its type once per client).
 *
 * @example
 * ```ts
 * const page = await fetchPage(ws.connector("stripe"), { ...request, cursor: "cus_5" }); // sends starting_after: "cus_5"
 * ```
 */
export async function fetchPage(handle: AirbyteConnectorHandleLike, request: PageRequest): Promise<ExecutionResult<unknown[], unknown>> {
  const { ref, entity, action, params, cursor, cursorParam, options } = request;
  if (handle.paginate) {
    const paginateOptions = { ...options, ...defined({ cursorParam, startCursor: cursor ?? undefined }) };
    const pages = handle.paginate(entity, action, params, paginateOptions).pages()[Symbol.asyncIterator]();
    const first = await pages.next();
    await pages.return?.();
    if (first.done) throw new Error(`Airbyte: ${entity}.${action} returned no page`);
    return first.value;
  }
  // A client-like without paginate (a test double, a proxy): the page as execute returns it, the cursor in the
  // parameter the spec names when the ref is a slug.
  const spec = cursorParam === undefined ? await cursorSpec(ref, entity, action) : undefined;
  const param = cursorParam ?? spec?.cursorParam ?? "cursor";
  const sent = cursor !== null && spec?.cursorType === "integer" && Number.isSafeInteger(Number(cursor)) ? Number(cursor) : cursor;
  const page = await handle.execute(entity, action, sent === null ? params : { ...params, [param]: sent }, options);
  return { ...page, data: pageItems<unknown>(page.data, spec) };
}
