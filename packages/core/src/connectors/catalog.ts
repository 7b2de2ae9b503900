// The public face of the connector catalogs. The catalogs themselves, and the code that reads them, are loaded
// lazily (runtime.ts, describe.ts); only the slug list is here, for listConnectorTypes.

import { requireText } from "../input/invalid-input";
import { loadChunk } from "../load-chunk";
import type { CatalogAction, ConnectorCatalog } from "./catalog-types";
import { CONNECTOR_TYPES } from "./generated/connector-types";
import { loadConnectorRuntime } from "./load-runtime";

/**
 * Everything the SDK knows about one published connector, from its spec: entities, actions, parameters with their
 * descriptions, paging, downloads, auth schemes and replication settings (to build a UI or a tool description).
 * An unknown slug is a `ValidationError` listing the known ones.
 *
 * @example
 * ```ts
 * const stripe = await describeConnector("stripe");
 * for (const entity of stripe.entities) console.log(entity.name, entity.actions.map((a) => a.name).join(", "));
 * ```
 */
export async function describeConnector(slug: string): Promise<ConnectorCatalog> {
  return (await loadChunk("connector descriptions", () => import("./describe"))).describe(slug);
}

/**
 * The published connectors: slug, display name and definition id of each (no request; the list is built into the
 * SDK from the specs).
 *
 * @example
 * ```ts
 * const options = listConnectorTypes().map((c) => ({ value: c.slug, label: c.displayName }));
 * ```
 */
export function listConnectorTypes(): { slug: string; displayName: string; definitionId: string }[] {
  return CONNECTOR_TYPES.map((c) => ({ ...c }));
}

/**
 * How one action of a published connector pages: the parameter that carries the cursor, where the next cursor
 * comes from and the page-size parameter (undefined for actions that do not page and for unknown connectors).
 * Loads only that connector's runtime catalog, not its descriptions: what a custom pager needs.
 *
 * @example
 * ```ts
 * const paging = await connectorPaging("github", "issues", "list"); // { cursorParam: "after", pageSizeParam: "per_page", ... }
 * ```
 */
export async function connectorPaging(slug: string, entity: string, action: string): Promise<CatalogAction["pagination"] | undefined> {
  requireText("connectorPaging", "slug", slug);
  requireText("connectorPaging", "entity", entity);
  requireText("connectorPaging", "action", action);
  return (await loadConnectorRuntime()).pagingOf(slug, entity, action);
}
