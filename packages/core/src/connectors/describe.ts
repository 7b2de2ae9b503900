// describeConnector's implementation: a catalog's facts joined with its prose. Imported lazily and only by
// describeConnector, so no other call (and no bundle that does not describe connectors) carries the prose.
import { invalidInput } from "../input/invalid-input";
import { loadChunk } from "../load-chunk";
import type { CatalogAction, CatalogProse, ConnectorCatalog, RuntimeCatalog } from "./catalog-types";
import { CATALOG_LOADERS } from "./generated/index";
import { PROSE_LOADERS } from "./generated/prose-loaders";
import { loadCatalog } from "./runtime";
import { SEARCH_PAGING, SEARCH_PARAMS } from "./search-action";

/** The facts and the prose of one catalog, as one description. */
function withProse(catalog: RuntimeCatalog, prose: CatalogProse): ConnectorCatalog {
  const { slug, displayName, definitionId } = catalog;
  return {
    slug,
    displayName,
    definitionId,
    version: prose.version,
    description: prose.description,
    docsUrl: prose.docsUrl,
    exampleQuestions: prose.exampleQuestions,
    auth: catalog.auth.map((scheme) => {
      const text = prose.auth[scheme.scheme];
      return { ...scheme, title: text?.title ?? scheme.scheme, fields: scheme.fields.map((f) => ({ ...f, ...text?.fields[f.name] })) };
    }),
    replicationConfig: catalog.replicationConfig.map((f) => ({ ...f, ...prose.replicationConfig[f.name] })),
    entities: catalog.entities.map((entity) => ({
      name: entity.name,
      actions: entity.actions.map((action): CatalogAction => {
        const text = prose.entities[entity.name]?.[action.name];
        if (action.search) {
          return {
            name: action.name,
            description: `Searches the ${entity.name} records of the context store.`,
            params: [...SEARCH_PARAMS],
            pagination: SEARCH_PAGING,
            ...(text?.searchFields ? { searchFields: text.searchFields } : {}),
          };
        }
        const { search: _search, params = [], ...facts } = action;
        return {
          ...facts,
          ...(text?.description ? { description: text.description } : {}),
          params: params.map((p) => ({ ...p, in: "query", ...text?.params?.[p.name] })),
        };
      }),
    })),
  };
}

/** describeConnector's implementation (the public function lives in catalog.ts). */
export async function describe(slug: string): Promise<ConnectorCatalog> {
  const catalog = typeof slug === "string" ? await loadCatalog(slug) : undefined;
  const loadProse = catalog && PROSE_LOADERS[catalog.slug];
  if (!catalog || !loadProse) {
    throw invalidInput("describeConnector", [
      { path: "slug", message: `unknown connector ${JSON.stringify(slug)}; known: ${Object.keys(CATALOG_LOADERS).join(", ")}` },
    ]);
  }
  return withProse(catalog, (await loadChunk(`${catalog.slug} descriptions`, loadProse)).default);
}
