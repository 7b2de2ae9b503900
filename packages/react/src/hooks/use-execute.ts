import type { AirbyteError, ConnectorRef, ExecuteOptions, ExecutionResult } from "@airbyte-agents/core";
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
  type UseSuspenseQueryResult,
  useInfiniteQuery,
  useQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import {
  type ExecuteInfiniteQueryInput,
  type ExecuteKey,
  type ExecutePage,
  type ExecuteQueryInput,
  type ExecuteTarget,
  executeInfiniteQueryOptions,
  executeQueryOptions,
} from "../options/execute";
import { useAirbyteContext } from "../provider";
import type { AirbyteSuspenseQueryOptions, WorkspaceInput } from "../query-types";

/**
 * Options of {@link useExecute}: core's field selection (`selectFields`, `excludeFields`, `skipTruncation`),
 * per-call options (`request`), and TanStack query options.
 *
 * @example
 * ```ts
 * const options: UseExecuteOptions<Customer[]> = { selectFields: ["id", "email"], staleTime: 10_000 };
 * ```
 */
export type UseExecuteOptions<T = unknown, TData = ExecutionResult<T>> = Omit<ExecuteQueryInput<T, TData>, keyof ExecuteTarget>;

/**
 * Runs one operation as a query: `ws.connector(ref).execute(entity, action, params)`. `T` types the result's
 * `data`. Meant for reads (list, get, search); use a mutation for writes.
 *
 * @example
 * ```tsx
 * const { data } = useExecute<Customer[]>("stripe", "customers", "list", { limit: 5 });
 * data?.data.map((customer) => customer.email);
 * ```
 */
export function useExecute<T = unknown, TData = ExecutionResult<T>>(
  connector: ConnectorRef,
  entity: string,
  action: string,
  params: Record<string, unknown> = {},
  options: UseExecuteOptions<T, TData> = {},
): UseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useQuery(executeQueryOptions<T, TData>(client, { workspace, ...options, connector, entity, action, params }));
}

/**
 * Options of {@link useSuspenseExecute}.
 *
 * @example
 * ```ts
 * const options: UseSuspenseExecuteOptions<Issue[]> = { selectFields: ["id", "title"] };
 * ```
 */
export type UseSuspenseExecuteOptions<T = unknown, TData = ExecutionResult<T>> = WorkspaceInput &
  ExecuteOptions &
  AirbyteSuspenseQueryOptions<ExecutionResult<T>, TData, ExecuteKey>;

/**
 * {@link useExecute} for `<Suspense>`: `data` is always defined; errors go to the nearest error boundary.
 *
 * @example
 * ```tsx
 * function Issues() {
 *   const { data } = useSuspenseExecute<Issue[]>("linear", "issues", "list", { limit: 10 });
 *   return <ul>{data.data.map((issue) => <li key={issue.id}>{issue.title}</li>)}</ul>;
 * }
 * ```
 */
export function useSuspenseExecute<T = unknown, TData = ExecutionResult<T>>(
  connector: ConnectorRef,
  entity: string,
  action: string,
  params: Record<string, unknown> = {},
  options: UseSuspenseExecuteOptions<T, TData> = {},
): UseSuspenseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useSuspenseQuery(executeQueryOptions<T, TData>(client, { workspace, ...options, connector, entity, action, params }));
}

/**
 * Options of {@link useInfiniteExecute}: `cursorParam` (default `cursor`), field selection, per-call and TanStack
 * infinite-query options.
 *
 * @example
 * ```ts
 * const options: UseInfiniteExecuteOptions<Issue> = { cursorParam: "after", maxPages: 20 };
 * ```
 */
export type UseInfiniteExecuteOptions<T = unknown, TData = InfiniteData<ExecutePage<T>, string | null>> = Omit<
  ExecuteInfiniteQueryInput<T, TData>,
  keyof ExecuteTarget
>;

/**
 * A paged operation as an infinite query, on core's `paginate()` cursor model: `fetchNextPage()` sends the last
 * page's `meta.cursor`; `hasNextPage` turns false when the connector says so or repeats a cursor. Each page's `data`
 * is its items (`T[]`).
 *
 * @example
 * ```tsx
 * const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteExecute<Issue>("linear", "issues", "list", { limit: 50 });
 * const issues = data?.pages.flatMap((page) => page.data) ?? [];
 * <button disabled={!hasNextPage || isFetchingNextPage} onClick={() => fetchNextPage()}>More</button>;
 * ```
 */
export function useInfiniteExecute<T = unknown, TData = InfiniteData<ExecutePage<T>, string | null>>(
  connector: ConnectorRef,
  entity: string,
  action: string,
  params: Record<string, unknown> = {},
  options: UseInfiniteExecuteOptions<T, TData> = {},
): UseInfiniteQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useInfiniteQuery(executeInfiniteQueryOptions<T, TData>(client, { workspace, ...options, connector, entity, action, params }));
}
