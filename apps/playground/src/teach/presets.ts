// Parameter presets from the SDK's own catalog (core's describeConnector), filled from the connector's replication
// settings where the spec asks for the same thing (GitHub's owner and repo from the repositories it was created with).
import type { ConnectorCatalog } from "@airbyte-agents/core/browser";

/** A suggested list operation: the entity and the parameters its `list` needs (with a page size of 10). */
export interface Preset {
  entity: string;
  params: Record<string, unknown>;
}

const PAGE_SIZE = 10;
// Entities a first look is usually about, tried first; the others keep the catalog's order.
const FIRST = ["issues", "tickets", "customers", "contacts", "deals", "users"];
const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);

/** Values the connector was set up with, by the parameter names a spec uses for them. */
function fromReplication(replication: Record<string, unknown> | undefined): Record<string, unknown> {
  const known: Record<string, unknown> = {};
  const repos = replication?.repositories;
  const first = Array.isArray(repos) ? repos.find((r): r is string => typeof r === "string" && r.includes("/")) : undefined;
  if (first) {
    const [owner, repo] = first.split("/");
    known.owner = owner;
    if (repo && repo !== "*") known.repo = repo;
  }
  for (const [key, value] of Object.entries(replication ?? {})) {
    if (typeof value === "string" || typeof value === "number") known[key] = value;
  }
  return known;
}

/** The connector's `list` actions, each with its required parameters and page size filled in. */
export function presetsFrom(catalog: ConnectorCatalog, replication?: Record<string, unknown>): Preset[] {
  const known = fromReplication(replication);
  const presets: Preset[] = [];
  for (const entity of catalog.entities) {
    const list = entity.actions.find((a) => a.name === "list");
    if (!list) continue;
    const params: Record<string, unknown> = {};
    for (const param of list.params) {
      if (param.name in known) params[param.name] = known[param.name];
      else if (param.required) params[param.name] = param.default ?? param.enum?.[0] ?? (param.type === "integer" ? 1 : "");
    }
    const size = list.pagination?.pageSizeParam;
    if (size) params[size] = PAGE_SIZE;
    presets.push({ entity: entity.name, params });
  }
  return presets.sort((a, b) => rank(a.entity) - rank(b.entity));
}
