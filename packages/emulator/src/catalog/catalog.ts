import { markOpenObjects } from "../records/open-objects.js";
import { connectorCatalog } from "./generated/connectors/index.js";
import type { Catalog, CatalogAction, CatalogConnector, CatalogEntity } from "./types.js";

/** The connector catalog generated from the connector specs (see NOTICE and scripts/build-catalog.mjs). */
export const catalog: Catalog = connectorCatalog;
// Before any record is generated from these schemas: values.ts compiles each schema once and caches it.
markOpenObjects(catalog);

/** Lookups over the catalog, built once per emulator instance. */
export interface CatalogIndex {
  all: CatalogConnector[];
  byDefinitionId(id: string): CatalogConnector | undefined;
  byName(name: string): CatalogConnector | undefined;
  /** Case-insensitive match on the display name, as the API matches `connector_type` (api-notes §4.1). */
  byDisplayName(displayName: string): CatalogConnector | undefined;
  entity(connector: CatalogConnector, entity: string): CatalogEntity | undefined;
  action(connector: CatalogConnector, entity: string, action: string): CatalogAction | undefined;
}

export function indexCatalog(source: Catalog = catalog): CatalogIndex {
  markOpenObjects(source);
  const byId = new Map(source.connectors.map((c) => [c.definitionId, c]));
  const byName = new Map(source.connectors.map((c) => [c.name, c]));
  const byDisplay = new Map(source.connectors.map((c) => [c.displayName.toLowerCase(), c]));
  return {
    all: source.connectors,
    byDefinitionId: (id) => byId.get(id),
    byName: (name) => byName.get(name),
    byDisplayName: (name) => byDisplay.get(name.toLowerCase()),
    entity: (connector, entity) => connector.entities.find((e) => e.name === entity),
    action: (connector, entity, action) => connector.entities.find((e) => e.name === entity)?.actions.find((a) => a.action === action),
  };
}
