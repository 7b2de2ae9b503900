import type { CatalogIndex } from "../catalog/catalog.js";
import type { CatalogConnector } from "../catalog/types.js";
import { HttpError } from "../http/errors.js";

/**
 * `connector_type` as people write it: the display name or the slug, in any case, with any separators. The official
 * docs use "Zendesk-Support", "Clickup-Api", "Incident-Io", "zendesk support", "GitHub" and "github"; all of them
 * reduce to the same letters and digits as one connector's display name or slug.
 */
export function connectorTypeKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The connector a `connector_type` names, or undefined. */
export function findConnectorType(catalog: CatalogIndex, connectorType: string): CatalogConnector | undefined {
  const key = connectorTypeKey(connectorType);
  if (key === "") return undefined;
  return catalog.all.find((c) => connectorTypeKey(c.displayName) === key || connectorTypeKey(c.name) === key);
}

/** The connector a `connector_type` names; anything else is a 404 whose message lists the closest connector types. */
export function resolveConnectorType(catalog: CatalogIndex, connectorType: string): CatalogConnector {
  const found = findConnectorType(catalog, connectorType);
  if (found) return found;
  const closest = closestConnectorTypes(catalog, connectorType, 3);
  const suggestion = closest.length > 0 ? ` Closest matches: ${closest.map((c) => `'${c.displayName}' (${c.name})`).join(", ")}.` : "";
  const message = `Connector type '${connectorType}' not found.${suggestion} connector_type is a connector's display name or slug (case, spaces, '-', '_' and '.' do not matter)`;
  throw new HttpError(404, message, [
    {
      field: "body.connector_type",
      message,
      error_code: "connector_type_not_found",
      details: { closest_matches: closest.map((c) => ({ display_name: c.displayName, slug: c.name, definition_id: c.definitionId })) },
    },
  ]);
}

/**
 * Rewrites a body's `connector_type` to the display name of the connector it names, when it is the body's only
 * connector selector (with two selectors the 422 "only one of" must win), so later lookups by display name hold.
 */
export function withCanonicalConnectorType<T extends { connector_type?: unknown; definition_id?: unknown; source_template_id?: unknown }>(
  catalog: CatalogIndex,
  body: T,
): T {
  if (typeof body.connector_type !== "string" || body.definition_id != null || body.source_template_id != null) return body;
  return { ...body, connector_type: resolveConnectorType(catalog, body.connector_type).displayName };
}

/** Connectors ranked by how close their names are to the input: containing it (or contained in it) first, then by edit distance. */
function closestConnectorTypes(catalog: CatalogIndex, connectorType: string, count: number): CatalogConnector[] {
  const key = connectorTypeKey(connectorType);
  if (key === "") return [];
  const scored = catalog.all.map((connector) => {
    const names = [connectorTypeKey(connector.displayName), connectorTypeKey(connector.name)];
    const contains = names.some((name) => name.includes(key) || key.includes(name));
    const distance = Math.min(...names.map((name) => editDistance(key, name)));
    return { connector, score: (contains ? 0 : 1000) + distance };
  });
  const threshold = Math.max(3, Math.ceil(key.length / 2));
  return scored
    .filter((s) => s.score < 1000 || s.score - 1000 <= threshold)
    .sort((a, b) => a.score - b.score || a.connector.displayName.localeCompare(b.connector.displayName))
    .slice(0, count)
    .map((s) => s.connector);
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
