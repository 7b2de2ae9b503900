import type { ConnectorInfo } from "@airbyte-agents/core";
import { isConnectorResolutionError } from "@airbyte-agents/core/browser";
import type { Query, QueryClient } from "@tanstack/react-query";
import { airbyteKeys } from "./keys";

/** What is known about a connector that was created, changed or deleted. */
export interface ConnectorIdentity {
  id: string;
  /** Every name a slug could use for it: instance name, type, slug, before and after a rename. */
  names: readonly (string | null | undefined)[];
  /**
   * Its names before the change are unknown (no cached list had it, so a rename's old name or a deleted connector's
   * names are lost): any slug query of the workspace may have named it, so all of them refetch.
   */
  namesUnknown?: boolean;
}

/** The ref part of a per-connector key (`[..., "connector", ref, ...]`). */
function refOf(query: Query, workspace: string): unknown {
  return query.queryKey[airbyteKeys.connectorNodes(workspace).length];
}

// A slug resolves by id, slug, type or instance name, case-insensitively (core's Connectors.resolve), so a change to
// a connector also changes what any of those names resolves to: the cached result may now be wrong, or ambiguous.
function slugNames(connector: ConnectorIdentity): string[] {
  return [connector.id, ...connector.names]
    .filter((name): name is string => typeof name === "string" && name !== "")
    .map((name) => name.toLowerCase());
}

/** Per-connector queries (detail, executions) of this connector: keyed by its id, or by a slug that names it. */
function isAbout(connector: ConnectorIdentity, workspace: string, bySlugToo: boolean) {
  const names = slugNames(connector);
  return (query: Query): boolean => {
    const ref = refOf(query, workspace);
    if (typeof ref === "string") return bySlugToo && (connector.namesUnknown === true || names.includes(ref.toLowerCase()));
    return typeof ref === "object" && ref !== null && (ref as { connectorId?: unknown }).connectorId === connector.id;
  };
}

/** Connector lists of the workspace, then the per-connector queries the change affects. */
export function invalidateConnector(
  queryClient: QueryClient,
  workspace: string,
  connector: ConnectorIdentity,
  change: "created" | "updated",
): Promise<void> {
  const about = isAbout(connector, workspace, true);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: airbyteKeys.connectorLists(workspace) }),
    queryClient.invalidateQueries({
      queryKey: airbyteKeys.connectorNodes(workspace),
      // A new connector can make a slug that matched nothing resolve, whatever names we know for it.
      predicate: (query) => about(query) || (change === "created" && isConnectorResolutionError(query.state.error)),
    }),
  ]).then(() => undefined);
}

/**
 * After a delete: unobserved queries keyed by the id can only 404 now, so they go. Observed ones, and slugs naming
 * the connector, refetch: a view still showing the connector gets the truth (a NotFoundError or a resolution error)
 * instead of data about a connector that no longer exists. (Removing an observed query would not help: its
 * observer recreates and refetches it on the next render.)
 */
export function forgetConnector(queryClient: QueryClient, workspace: string, connector: ConnectorIdentity): Promise<void> {
  const nodes = airbyteKeys.connectorNodes(workspace);
  queryClient.removeQueries({ queryKey: nodes, type: "inactive", predicate: isAbout(connector, workspace, false) });
  return queryClient.invalidateQueries({ queryKey: nodes, predicate: isAbout(connector, workspace, true) });
}

/** A connector's names as the lists cached for the workspace know them, for slug matching. */
export function cachedConnectorInfo(queryClient: QueryClient, workspace: string, connectorId: string): ConnectorInfo | undefined {
  for (const [, list] of queryClient.getQueriesData<ConnectorInfo[]>({ queryKey: airbyteKeys.connectorLists(workspace) })) {
    const found = list?.find((c) => c.id === connectorId);
    if (found) return found;
  }
  return undefined;
}
