// The public face of the connector catalogs. The catalogs themselves, and the code that reads them, are loaded
// lazily (runtime.ts, describe.ts); only the slug list is here, for listConnectorTypes.
import type { ConnectorCatalog } from "./catalog-types";
import { CONNECTOR_TYPES } from "./generated/connector-types";

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
  return (await import("./describe")).describe(slug);
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
