import type {
  AirbyteError,
  ConnectorRef,
  ConnectorSlug,
  ExecuteOptions,
  ExecutionResult,
  TypedParams,
  TypedResult,
} from "@airbyte-agents/core";
import { type UseQueryResult, type UseSuspenseQueryResult, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { withWorkspace } from "../defined";
import { type ExecuteKey, executeQueryOptions } from "../options/execute";
import { useAirbyteContext } from "../provider";
import type { AirbyteQueryOptions, AirbyteSuspenseQueryOptions, WorkspaceInput } from "../query-types";
import type { ConnectorRefShape, EntityOf, ExecuteActionOf, NotASlug, ParamsArgs, TypedConnectorRef, UntypedConnectorRef } from "../typed";

/**
 * Options of {@link useExecute} for a connector the SDK has no types for: core's field selection (`selectFields`,
 * `excludeFields`, `skipTruncation`), per-call options (`request`), and TanStack query options. `T` is the result's
 * `data` type, as in `useExecute<T>` and every execute hook and factory; `TData` is what `select` returns.
 *
 * @example
 * ```ts
 * const options: UseExecuteOptions<Contact[], string[]> = { select: (result) => result.data.map((c) => c.email) };
 * ```
 */
export type UseExecuteOptions<T = unknown, TData = ExecutionResult<T>> = WorkspaceInput &
  ExecuteOptions &
  AirbyteQueryOptions<ExecutionResult<T>, TData, ExecuteKey>;

/**
 * Options of {@link useExecute} for a published connector: the query holds core's `TypedResult<S, E, A>`; `TData` is
 * what `select` returns.
 *
 * @example
 * ```ts
 * const options: TypedUseExecuteOptions<"stripe", "customers", "list"> = { selectFields: ["id", "email"], staleTime: 10_000 };
 * ```
 */
export type TypedUseExecuteOptions<
  S extends ConnectorSlug,
  E extends string,
  A extends string,
  TData = TypedResult<S, E, A>,
> = WorkspaceInput & ExecuteOptions & AirbyteQueryOptions<TypedResult<S, E, A>, TData, ExecuteKey>;

/**
 * Runs one operation as a query: `ws.connector(ref).execute(entity, action, params)`. Meant for reads (list, get,
 * search); use a mutation for writes.
 *
 * For a published connector (`"stripe"`, or `{ connectorId, type: "stripe" }`), entity, action and params are
 * checked against its spec, and `data` is core's `TypedResult`, as on `ws.connector("stripe")`. For other
 * connectors, `T` is the result's `data` type: the same meaning as in every hook of this package.
 *
 * Type arguments, the same in every execute hook and factory: for a published connector, leave them out (inference
 * gives them) or spell out the typed signature's own, `<S, E, A, TData>`; a slug alone (`useExecute<"stripe">`) is
 * a compile error. A data type (`useExecute<Customer[]>("stripe", …)`) is the untyped reading: `data` is that type
 * and the spec is checked at run time only, so prefer `select` (or `TypedResult`) for a published connector.
 *
 * @example
 * ```tsx
 * const { data } = useExecute("stripe", "customers", "list", { limit: 5 });
 * data?.data.map((customer) => customer.email);
 * const contacts = useExecute<Contact[]>("my-crm", "contacts", "list");
 * const count = useExecute<"stripe", "customers", "list", number>("stripe", "customers", "list", {}, { select: (r) => r.data.length });
 * ```
 */
export function useExecute<S extends ConnectorSlug, E extends EntityOf<S>, A extends ExecuteActionOf<S, E>, TData = TypedResult<S, E, A>>(
  connector: TypedConnectorRef<S>,
  entity: E,
  action: A,
  ...args: ParamsArgs<TypedParams<S, E, A>, TypedUseExecuteOptions<S, E, A, TData>>
): UseQueryResult<TData, AirbyteError>;
export function useExecute<T = unknown, TData = ExecutionResult<T>, R extends ConnectorRefShape = ConnectorRefShape>(
  connector: UntypedConnectorRef<R> & NotASlug<T>,
  entity: string,
  action: string,
  params?: Record<string, unknown>,
  options?: UseExecuteOptions<T, TData>,
): UseQueryResult<TData, AirbyteError>;
export function useExecute(
  connector: ConnectorRef,
  entity: string,
  action: string,
  params: Record<string, unknown> = {},
  options: WorkspaceInput = {},
): unknown {
  const { client, workspace } = useAirbyteContext();
  return useQuery(executeQueryOptions(client, { ...withWorkspace(options, workspace), connector, entity, action, params }));
}

/**
 * Options of {@link useSuspenseExecute} for a connector the SDK has no types for. `T` is the result's `data` type,
 * as in {@link UseExecuteOptions}; `TData` is what `select` returns.
 *
 * @example
 * ```ts
 * const options: UseSuspenseExecuteOptions<Contact[]> = { selectFields: ["id", "email"] };
 * ```
 */
export type UseSuspenseExecuteOptions<T = unknown, TData = ExecutionResult<T>> = WorkspaceInput &
  ExecuteOptions &
  AirbyteSuspenseQueryOptions<ExecutionResult<T>, TData, ExecuteKey>;

/**
 * Options of {@link useSuspenseExecute} for a published connector (the query holds `TypedResult<S, E, A>`).
 *
 * @example
 * ```ts
 * const options: TypedUseSuspenseExecuteOptions<"linear", "issues", "list"> = { selectFields: ["id", "title"] };
 * ```
 */
export type TypedUseSuspenseExecuteOptions<
  S extends ConnectorSlug,
  E extends string,
  A extends string,
  TData = TypedResult<S, E, A>,
> = WorkspaceInput & ExecuteOptions & AirbyteSuspenseQueryOptions<TypedResult<S, E, A>, TData, ExecuteKey>;

/**
 * {@link useExecute} for `<Suspense>`: `data` is always defined; errors go to the nearest error boundary. Typed for
 * published connectors as `useExecute` is; `T` is the result's `data` type for the others.
 *
 * @example
 * ```tsx
 * function Issues() {
 *   const { data } = useSuspenseExecute("linear", "issues", "list", { first: 10 });
 *   return <ul>{data.data.map((issue) => <li key={issue.id}>{issue.title}</li>)}</ul>;
 * }
 * ```
 */
export function useSuspenseExecute<
  S extends ConnectorSlug,
  E extends EntityOf<S>,
  A extends ExecuteActionOf<S, E>,
  TData = TypedResult<S, E, A>,
>(
  connector: TypedConnectorRef<S>,
  entity: E,
  action: A,
  ...args: ParamsArgs<TypedParams<S, E, A>, TypedUseSuspenseExecuteOptions<S, E, A, TData>>
): UseSuspenseQueryResult<TData, AirbyteError>;
export function useSuspenseExecute<T = unknown, TData = ExecutionResult<T>, R extends ConnectorRefShape = ConnectorRefShape>(
  connector: UntypedConnectorRef<R> & NotASlug<T>,
  entity: string,
  action: string,
  params?: Record<string, unknown>,
  options?: UseSuspenseExecuteOptions<T, TData>,
): UseSuspenseQueryResult<TData, AirbyteError>;
export function useSuspenseExecute(
  connector: ConnectorRef,
  entity: string,
  action: string,
  params: Record<string, unknown> = {},
  options: WorkspaceInput = {},
): unknown {
  const { client, workspace } = useAirbyteContext();
  return useSuspenseQuery(executeQueryOptions(client, { ...withWorkspace(options, workspace), connector, entity, action, params }));
}
