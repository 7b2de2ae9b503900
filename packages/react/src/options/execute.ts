import type {
  AirbyteError,
  ConnectorRef,
  ConnectorSlug,
  ExecuteOptions,
  ExecutionResult,
  TypedParams,
  TypedResult,
} from "@airbyte-agents/core";
import { queryOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, resolveWorkspaceName, workspaceOf } from "../client-like";
import { defined } from "../defined";
import { airbyteKeys } from "../keys";
import type { AirbyteQueryOptions, WorkspaceInput } from "../query-types";
import type { ConnectorRefShape, EntityOf, ExecuteActionOf, NotASlug, ParamsProp, TypedConnectorRef, UntypedConnectorRef } from "../typed";

/**
 * The key of an execute query.
 *
 * @example
 * ```ts
 * const key: ExecuteKey = airbyteKeys.execute("acme", "stripe", "customers", "list", { limit: 5 });
 * ```
 */
export type ExecuteKey = ReturnType<typeof airbyteKeys.execute>;

/**
 * One operation: which connector (slug or `{ connectorId }`), entity, action and params. A slug is resolved to an id
 * with one connector-list call per client and workspace, shared by every query (core's rule); `{ connectorId }`
 * skips even that.
 *
 * @example
 * ```ts
 * const op: ExecuteTarget = { connector: "my-crm", entity: "contacts", action: "list", params: { limit: 5 } };
 * ```
 */
export interface ExecuteTarget {
  connector: ConnectorRef;
  entity: string;
  action: string;
  params?: Record<string, unknown>;
}

/**
 * Input of {@link executeQueryOptions} for a connector the SDK has no types for: the operation, core's field
 * selection, and query options. `T` is the result's `data` type, as in every hook of this package.
 *
 * @example
 * ```ts
 * const input: ExecuteQueryInput<Contact[]> = { workspace: "acme", connector: "my-crm", entity: "contacts", action: "list" };
 * ```
 */
export type ExecuteQueryInput<T = unknown, TData = ExecutionResult<T>> = WorkspaceInput &
  ExecuteTarget &
  ExecuteOptions &
  AirbyteQueryOptions<ExecutionResult<T>, TData, ExecuteKey>;

/**
 * Input of {@link executeQueryOptions} for a published connector: entity, action and params are checked against
 * its spec, and the result is core's `TypedResult` (`@airbyte-agents/core`).
 *
 * @example
 * ```ts
 * const input: TypedExecuteQueryInput<"stripe", "customers", "list"> = { connector: "stripe", entity: "customers", action: "list", params: { limit: 5 } };
 * ```
 */
export type TypedExecuteQueryInput<
  S extends ConnectorSlug,
  E extends string,
  A extends string,
  TData = TypedResult<S, E, A>,
> = WorkspaceInput & { connector: TypedConnectorRef<S>; entity: E; action: A } & ParamsProp<TypedParams<S, E, A>> &
  ExecuteOptions &
  AirbyteQueryOptions<TypedResult<S, E, A>, TData, ExecuteKey>;

/**
 * Core's field selection out of a hook's options, without undefined entries (so the cache key is the same whether a
 * field was left out or set to undefined).
 *
 * @example
 * ```ts
 * fieldsOf({ selectFields: ["id"], excludeFields: undefined, skipTruncation: undefined }); // { selectFields: ["id"] }
 * ```
 */
export function fieldsOf(input: { [K in keyof ExecuteOptions]-?: ExecuteOptions[K] | undefined }): ExecuteOptions {
  return defined({ selectFields: input.selectFields, excludeFields: input.excludeFields, skipTruncation: input.skipTruncation });
}

/** The one implementation behind both signatures: the types only differ in what `data` is said to be. */
function buildExecuteQueryOptions<TResult, TData>(
  client: AirbyteClientLike,
  input: WorkspaceInput & ExecuteTarget & ExecuteOptions & AirbyteQueryOptions<TResult, TData, ExecuteKey>,
) {
  const {
    workspace: asked,
    connector,
    entity,
    action,
    params = {},
    selectFields,
    excludeFields,
    skipTruncation,
    request,
    ...query
  } = input;
  const workspace = resolveWorkspaceName(client, asked);
  const fields = fieldsOf({ selectFields, excludeFields, skipTruncation });
  return queryOptions<TResult, AirbyteError, TData, ExecuteKey>({
    ...query,
    queryKey: airbyteKeys.execute(workspace, connector, entity, action, params, fields),
    // The client-like interface is untyped; the signature above states what core's typed handle returns.
    queryFn: async ({ signal }) =>
      (await workspaceOf(client, workspace)
        .connector(connector)
        .execute(entity, action, params, { ...fields, ...request, signal })) as TResult,
  });
}

/**
 * What {@link executeQueryOptions} returns: TanStack query options whose key is tagged with the result type.
 *
 * @example
 * ```ts
 * const options: ExecuteQueryOptions<TypedResult<"stripe", "customers", "list">> = executeQueryOptions(airbyte, input);
 * ```
 */
export type ExecuteQueryOptions<TResult, TData = TResult> = ReturnType<typeof buildExecuteQueryOptions<TResult, TData>>;

/**
 * Query options for one operation (`ws.connector(ref).execute(entity, action, params)`). For a published
 * connector (`"stripe"`, or `{ connectorId, type: "stripe" }`) entity, action and params are checked against its
 * spec and `data` is typed, exactly as on core's typed handle. For other connectors, `T` is the result's `data`
 * type (the same meaning in every hook); `select` can narrow either further.
 *
 * @example
 * ```ts
 * const options = executeQueryOptions(airbyte, { workspace: "acme", connector: "stripe", entity: "customers", action: "list", params: { limit: 10 } });
 * const result = await queryClient.fetchQuery(options); // TypedResult<"stripe", "customers", "list">
 * const mine = executeQueryOptions<Contact[]>(airbyte, { connector: "my-crm", entity: "contacts", action: "list" });
 * ```
 */
export function executeQueryOptions<
  S extends ConnectorSlug,
  E extends EntityOf<S>,
  A extends ExecuteActionOf<S, E>,
  TData = TypedResult<S, E, A>,
>(client: AirbyteClientLike, input: TypedExecuteQueryInput<S, E, A, TData>): ExecuteQueryOptions<TypedResult<S, E, A>, TData>;
export function executeQueryOptions<T = unknown, TData = ExecutionResult<T>, R extends ConnectorRefShape = ConnectorRefShape>(
  client: AirbyteClientLike,
  input: ExecuteQueryInput<T, TData> & { connector: UntypedConnectorRef<R> & NotASlug<T> },
): ExecuteQueryOptions<ExecutionResult<T>, TData>;
// The implementation is as loose as core's untyped handle; the signatures above carry the types.
export function executeQueryOptions(client: AirbyteClientLike, input: WorkspaceInput & ExecuteTarget): unknown {
  return buildExecuteQueryOptions(client, input as ExecuteQueryInput);
}
