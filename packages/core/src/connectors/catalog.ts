// The run-time side of typed connectors: each connector's catalog is its own lazily imported module, so a bundle
// carries the loaders (a few hundred bytes) and only the catalogs it actually opens.
import { invalidInput } from "../resources/invalid-input";
import type { CatalogAction, CatalogProse, ConnectorCatalog, RuntimeCatalog } from "./catalog-types";
import { CATALOG_LOADERS, CONNECTOR_TYPES, PROSE_LOADERS } from "./generated/index";
import { SEARCH_PAGING, SEARCH_PARAMS } from "./search-action";

/** `"GitHub"`, `"Zendesk Support"`, `"zendesk_support"` -> the slug form (`github`, `zendesk-support`). */
export function catalogKey(ref: string): string {
  return ref
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** The catalog of a published connector by slug or display name, or undefined when the SDK has none for it. */
export async function loadCatalog(ref: string): Promise<RuntimeCatalog | undefined> {
  const key = catalogKey(ref);
  const load = Object.hasOwn(CATALOG_LOADERS, key) ? CATALOG_LOADERS[key] : undefined;
  return load ? (await load()).default : undefined;
}

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
  const catalog = typeof slug === "string" ? await loadCatalog(slug) : undefined;
  const loadProse = catalog && PROSE_LOADERS[catalog.slug];
  if (!catalog || !loadProse) {
    throw invalidInput("describeConnector", [
      { path: "slug", message: `unknown connector ${JSON.stringify(slug)}; known: ${Object.keys(CATALOG_LOADERS).join(", ")}` },
    ]);
  }
  return withProse(catalog, (await loadProse()).default);
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
