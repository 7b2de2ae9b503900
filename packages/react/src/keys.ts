import type { ConnectorRef, ExecuteOptions, ListWorkspacesInput } from "@airbyte-agents/core";

/**
 * The parts of a connector list request that change its result.
 *
 * @example
 * ```ts
 * airbyteKeys.connectorList("acme", { definitionId });
 * ```
 */
export interface ConnectorListFilter {
  definitionId?: string;
}

/**
 * The parts of an execute request, besides entity, action and params, that change its result. `cursorParam` only
 * matters for paged (infinite) queries.
 *
 * @example
 * ```ts
 * airbyteKeys.execute("acme", "github", "issues", "list", { limit: 5 }, { selectFields: ["id"] });
 * ```
 */
export interface ExecuteKeyOptions extends ExecuteOptions {
  cursorParam?: string;
}

/** A ref as it appears in a key: a slug as given, or only the id (so extra properties never split the cache). */
function refKey(ref: ConnectorRef): string | { connectorId: string } {
  return typeof ref === "string" ? ref : { connectorId: ref.connectorId };
}

const all = ["airbyte"] as const;
const scope = (workspace: string) => [...all, { workspace }] as const;
const connectors = (workspace: string) => [...scope(workspace), "connectors"] as const;
const connectorLists = (workspace: string) => [...connectors(workspace), "list"] as const;
const connectorNodes = (workspace: string) => [...connectors(workspace), "connector"] as const;
const connector = (workspace: string, ref: ConnectorRef) => [...connectorNodes(workspace), refKey(ref)] as const;
const workflows = (workspace: string) => [...scope(workspace), "workflows"] as const;

/**
 * The query-key factory, from general to specific (TkDodo's "Effective React Query Keys"): `all` → `scope(workspace)`
 * → resource → list/detail(params). Every workspace-bound key starts with `scope(workspace)`, so one tenant's cache
 * never answers another's, and one prefix invalidates a whole workspace. A connector's detail and its executions sit
 * under `connector(workspace, ref)`, so one prefix invalidates everything about that connector. Definitions and
 * workspaces belong to the organization and sit directly under `all`.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: airbyteKeys.scope("acme") });              // one workspace
 * queryClient.invalidateQueries({ queryKey: airbyteKeys.connectorLists("acme") });     // its connector lists
 * queryClient.getQueryData(airbyteKeys.connectorList("acme"));                        // ConnectorInfo[] | undefined
 * queryClient.invalidateQueries({ queryKey: airbyteKeys.connector("acme", "stripe") }); // stripe's detail + executions
 * ```
 */
export const airbyteKeys = {
  /** Every query of this package. */
  all,
  /** Every query of one workspace. */
  scope,
  /** Every connector query of a workspace: lists, details and executions. */
  connectors,
  /** Every connector list of a workspace, whatever the filter. */
  connectorLists,
  /** One connector list. */
  connectorList: (workspace: string, filter: ConnectorListFilter = {}) => [...connectorLists(workspace), filter] as const,
  /** Every per-connector query of a workspace (details and executions). */
  connectorNodes,
  /** Everything about one connector: its detail and its executions. */
  connector,
  /** One connector's detail (`get`). */
  connectorDetail: (workspace: string, ref: ConnectorRef) => [...connector(workspace, ref), "detail"] as const,
  /** One operation's result. */
  execute: (
    workspace: string,
    ref: ConnectorRef,
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: ExecuteKeyOptions = {},
  ) => [...connector(workspace, ref), "execute", entity, action, params, options] as const,
  /** One paged operation's pages (kept apart from `execute`, whose data has another shape). */
  executePages: (
    workspace: string,
    ref: ConnectorRef,
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: ExecuteKeyOptions = {},
  ) => [...connector(workspace, ref), "execute-pages", entity, action, params, options] as const,
  /** A workspace's workflows and their automations. */
  workflows,
  /** The workflow list. */
  workflowList: (workspace: string) => [...workflows(workspace), "list"] as const,
  /** Automations of one workflow, or of every workflow when `workflowId` is undefined. */
  automations: (workspace: string, workflowId?: string) => [...workflows(workspace), "automations", { workflowId }] as const,
  /** A question asked with `useAsk()` (a mutation key). */
  ask: (workspace: string) => [...scope(workspace), "ask"] as const,
  /** The organization's source definitions (the connector catalog). */
  definitions: (filter: { name?: string } = {}) => [...all, "definitions", filter] as const,
  /** One page of the organization's workspaces. */
  workspaces: (input: ListWorkspacesInput = {}) => [...all, "workspaces", input] as const,
};
