import type {
  AirbyteError,
  Connector,
  ConnectorInfo,
  ConnectorRef,
  CreateConnectorInput,
  UpdateConnectorInput,
} from "@airbyte-agents/core";
import { type QueryClient, type QueryKey, queryOptions, type UseMutationOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, required, resolveWorkspaceName, workspaceOf } from "../client-like";
import { cachedConnectorInfo, forgetConnector, invalidateConnector } from "../invalidation";
import { airbyteKeys, type ConnectorListFilter } from "../keys";
import type { AirbyteMutationOptions, AirbyteQueryOptions, WorkspaceInput } from "../query-types";

/**
 * The key of a connector list query.
 *
 * @example
 * ```ts
 * const key: ConnectorListKey = airbyteKeys.connectorList("acme");
 * ```
 */
export type ConnectorListKey = ReturnType<typeof airbyteKeys.connectorList>;

/**
 * The key of a connector detail query.
 *
 * @example
 * ```ts
 * const key: ConnectorDetailKey = airbyteKeys.connectorDetail("acme", "stripe");
 * ```
 */
export type ConnectorDetailKey = ReturnType<typeof airbyteKeys.connectorDetail>;

/**
 * Input of {@link connectorsQueryOptions}: the workspace, an optional definition filter, per-call options, and any
 * TanStack query option.
 *
 * @example
 * ```ts
 * const input: ConnectorsQueryInput = { workspace: "acme", definitionId, staleTime: 30_000 };
 * ```
 */
export type ConnectorsQueryInput<TData = ConnectorInfo[]> = WorkspaceInput &
  ConnectorListFilter &
  AirbyteQueryOptions<ConnectorInfo[], TData, ConnectorListKey>;

/**
 * Query options for a workspace's connectors (`ws.connectors.list()`), for `useQuery`, `useSuspenseQuery`,
 * `queryClient.prefetchQuery` in a loader or on a server, and `queryClient.getQueryData`.
 *
 * @example
 * ```ts
 * await queryClient.prefetchQuery(connectorsQueryOptions(airbyte, { workspace: "acme" }));
 * const cached = queryClient.getQueryData(connectorsQueryOptions(airbyte, { workspace: "acme" }).queryKey); // ConnectorInfo[] | undefined
 * ```
 */
export function connectorsQueryOptions<TData = ConnectorInfo[]>(client: AirbyteClientLike, input: ConnectorsQueryInput<TData> = {}) {
  const { workspace: asked, definitionId, request, ...query } = input;
  const workspace = resolveWorkspaceName(client, asked);
  const filter: ConnectorListFilter = definitionId === undefined ? {} : { definitionId };
  return queryOptions<ConnectorInfo[], AirbyteError, TData, ConnectorListKey>({
    ...query,
    queryKey: airbyteKeys.connectorList(workspace, filter),
    queryFn: ({ signal }) => workspaceOf(client, workspace).connectors.list(filter, { ...request, signal }),
  });
}

/**
 * Input of {@link connectorQueryOptions}: which connector (slug or `{ connectorId }`), and query options.
 *
 * @example
 * ```ts
 * const input: ConnectorQueryInput = { workspace: "acme", connector: { connectorId } };
 * ```
 */
export type ConnectorQueryInput<TData = Connector> = WorkspaceInput & { connector: ConnectorRef } & AirbyteQueryOptions<
    Connector,
    TData,
    ConnectorDetailKey
  >;

/**
 * Query options for one connector in full (`ws.connector(ref).get()`).
 *
 * @example
 * ```ts
 * const { data } = useQuery(connectorQueryOptions(airbyte, { workspace: "acme", connector: "stripe" }));
 * ```
 */
export function connectorQueryOptions<TData = Connector>(client: AirbyteClientLike, input: ConnectorQueryInput<TData>) {
  const { workspace: asked, connector, request, ...query } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return queryOptions<Connector, AirbyteError, TData, ConnectorDetailKey>({
    ...query,
    queryKey: airbyteKeys.connectorDetail(workspace, connector),
    queryFn: async ({ signal }) => {
      const handle = workspaceOf(client, workspace).connector(connector);
      return required(handle.get?.bind(handle), "connector.get")({ ...request, signal });
    },
  });
}

/**
 * Input of {@link createConnectorMutationOptions}: the workspace, per-call options, and mutation options.
 *
 * @example
 * ```ts
 * const input: CreateConnectorMutationInput = { workspace: "acme", onSuccess: (c) => console.log(c.id) };
 * ```
 */
export type CreateConnectorMutationInput = WorkspaceInput & AirbyteMutationOptions<Connector, CreateConnectorInput>;

/**
 * Mutation options that create a connector, then invalidate the workspace's connector lists (and any slug query
 * the new connector could now answer). The mutation stays pending until the lists have refetched.
 *
 * @example
 * ```ts
 * const create = useMutation(createConnectorMutationOptions(airbyte, queryClient, { workspace: "acme" }));
 * create.mutate({ connectorType: "Linear", credentials: { api_key } });
 * ```
 */
export function createConnectorMutationOptions(
  client: AirbyteClientLike,
  queryClient: QueryClient,
  input: CreateConnectorMutationInput = {},
): UseMutationOptions<Connector, AirbyteError, CreateConnectorInput> {
  const { workspace: asked, request, onSuccess, ...rest } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return {
    mutationKey: [...airbyteKeys.connectors(workspace), "create"],
    ...rest,
    mutationFn: (variables) => {
      const connectors = workspaceOf(client, workspace).connectors;
      return required(connectors.create?.bind(connectors), "connectors.create")(variables, request);
    },
    onSuccess: async (connector, variables, onMutateResult, context) => {
      await invalidateConnector(queryClient, workspace, { id: connector.id, names: [connector.name, connector.connectorType] }, "created");
      await onSuccess?.(connector, variables, onMutateResult, context);
    },
  };
}

/**
 * The variables of an update: the connector's id and the changes (core's `UpdateConnectorInput`).
 *
 * @example
 * ```ts
 * const variables: UpdateConnectorVariables = { connectorId, name: "Main Stripe" };
 * ```
 */
export type UpdateConnectorVariables = UpdateConnectorInput & { connectorId: string };

/**
 * Input of {@link updateConnectorMutationOptions}.
 *
 * @example
 * ```ts
 * const input: UpdateConnectorMutationInput = { workspace: "acme" };
 * ```
 */
export type UpdateConnectorMutationInput = WorkspaceInput & AirbyteMutationOptions<Connector, UpdateConnectorVariables>;

/**
 * Mutation options that update a connector (needs an application token), then invalidate the workspace's connector
 * lists and that connector's detail and executions, whether keyed by id or by a slug naming it (old or new name;
 * every slug query of the workspace when no cached list knew the old name).
 *
 * @example
 * ```ts
 * const update = useMutation(updateConnectorMutationOptions(airbyte, queryClient, { workspace: "acme" }));
 * update.mutate({ connectorId, name: "Renamed" });
 * ```
 */
export function updateConnectorMutationOptions(
  client: AirbyteClientLike,
  queryClient: QueryClient,
  input: UpdateConnectorMutationInput = {},
): UseMutationOptions<Connector, AirbyteError, UpdateConnectorVariables> {
  const { workspace: asked, request, onSuccess, ...rest } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return {
    mutationKey: [...airbyteKeys.connectors(workspace), "update"],
    ...rest,
    mutationFn: ({ connectorId, ...changes }) => {
      const connectors = workspaceOf(client, workspace).connectors;
      return required(connectors.update?.bind(connectors), "connectors.update")(connectorId, changes, request);
    },
    onSuccess: async (connector, variables, onMutateResult, context) => {
      const before = cachedConnectorInfo(queryClient, workspace, connector.id);
      const names = [connector.name, connector.connectorType, before?.name, before?.connectorType, before?.connectorName];
      await invalidateConnector(queryClient, workspace, { id: connector.id, names, namesUnknown: !before }, "updated");
      await onSuccess?.(connector, variables, onMutateResult, context);
    },
  };
}

/**
 * What the delete mutation remembers for a rollback: every connector list as it was, and the deleted connector's
 * entry (for its names).
 *
 * @example
 * ```ts
 * useDeleteConnector({ onError: (_err, _id, context?: DeleteConnectorContext) => console.log(context?.removed?.name) });
 * ```
 */
export interface DeleteConnectorContext {
  previous: [QueryKey, ConnectorInfo[] | undefined][];
  removed: ConnectorInfo | undefined;
}

/**
 * Input of {@link deleteConnectorMutationOptions}.
 *
 * @example
 * ```ts
 * const input: DeleteConnectorMutationInput = { workspace: "acme" };
 * ```
 */
export type DeleteConnectorMutationInput = WorkspaceInput &
  AirbyteMutationOptions<{ jobId: string | null }, string, DeleteConnectorContext>;

/**
 * Mutation options that delete a connector by id, optimistically: it leaves every cached connector list of the
 * workspace at once, comes back if the server refuses, and the lists refetch when the call settles. Unobserved
 * queries keyed by its id are dropped; observed ones, and slug queries naming it, refetch (every slug query of the
 * workspace when no cached list knew its names).
 *
 * @example
 * ```ts
 * const remove = useMutation(deleteConnectorMutationOptions(airbyte, queryClient, { workspace: "acme" }));
 * remove.mutate(connector.id);
 * ```
 */
export function deleteConnectorMutationOptions(
  client: AirbyteClientLike,
  queryClient: QueryClient,
  input: DeleteConnectorMutationInput = {},
): UseMutationOptions<{ jobId: string | null }, AirbyteError, string, DeleteConnectorContext> {
  const { workspace: asked, request, onSuccess, onError, onSettled, ...rest } = input;
  const workspace = resolveWorkspaceName(client, asked);
  const lists = { queryKey: airbyteKeys.connectorLists(workspace) };
  return {
    mutationKey: [...airbyteKeys.connectors(workspace), "delete"],
    ...rest,
    mutationFn: (connectorId) => {
      const connectors = workspaceOf(client, workspace).connectors;
      return required(connectors.delete?.bind(connectors), "connectors.delete")(connectorId, request);
    },
    onMutate: async (connectorId) => {
      // A list fetch already in flight would land after the optimistic update and put the connector back.
      await queryClient.cancelQueries(lists);
      const previous = queryClient.getQueriesData<ConnectorInfo[]>(lists);
      const removed = cachedConnectorInfo(queryClient, workspace, connectorId);
      queryClient.setQueriesData<ConnectorInfo[]>(lists, (list) => list?.filter((c) => c.id !== connectorId));
      return { previous, removed };
    },
    onError: async (error, connectorId, rollback, context) => {
      for (const [key, list] of rollback?.previous ?? []) queryClient.setQueryData(key, list);
      await onError?.(error, connectorId, rollback, context);
    },
    onSuccess: async (result, connectorId, rollback, context) => {
      const removed = rollback?.removed;
      await forgetConnector(queryClient, workspace, {
        id: connectorId,
        names: [removed?.name, removed?.connectorType, removed?.connectorName],
        namesUnknown: !removed,
      });
      await onSuccess?.(result, connectorId, rollback, context);
    },
    onSettled: async (result, error, connectorId, rollback, context) => {
      await queryClient.invalidateQueries(lists);
      await onSettled?.(result, error, connectorId, rollback, context);
    },
  };
}
