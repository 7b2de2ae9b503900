import type { AirbyteError, ConnectorRef, ConnectorSlug, ExecuteOptions } from "@airbyte-agents/core";
import { type InfiniteData, type UseInfiniteQueryResult, useInfiniteQuery } from "@tanstack/react-query";
import { withWorkspace } from "../defined";
import { type ExecutePage, type ExecutePagesKey, executeInfiniteQueryOptions, type TypedPages } from "../options/execute-pages";
import { useAirbyteContext } from "../provider";
import type { AirbyteInfiniteQueryOptions, WorkspaceInput } from "../query-types";
import type {
  ConnectorRefShape,
  EntityOf,
  ItemOf,
  NotASlug,
  PagedActionOf,
  ParamsArgs,
  TypedConnectorRef,
  TypedItem,
  TypedMeta,
  TypedPageParams,
  UntypedConnectorRef,
} from "../typed";

/**
 * Options of {@link useInfiniteExecute} for a connector the SDK has no spec for: `cursorParam`, field selection,
 * per-call and TanStack infinite-query options. `T` is the `data` type of one page's result, the same `T` as
 * `useExecute<T>` for that operation (pages hold `ItemOf<T>`); `TData` is what `select` makes of the pages.
 *
 * @example
 * ```ts
 * const options: UseInfiniteExecuteOptions<Contact[]> = { cursorParam: "page_token", maxPages: 20 };
 * ```
 */
export type UseInfiniteExecuteOptions<T = unknown, TData = InfiniteData<ExecutePage<ItemOf<T>>, string | null>> = WorkspaceInput &
  ExecuteOptions & { cursorParam?: string } & AirbyteInfiniteQueryOptions<ExecutePage<ItemOf<T>>, TData, ExecutePagesKey>;

/**
 * Options of {@link useInfiniteExecute} for a published connector: pages hold its typed items and meta; no
 * `cursorParam` (the spec names it).
 *
 * @example
 * ```ts
 * const options: TypedUseInfiniteExecuteOptions<"stripe", "customers", "list"> = { maxPages: 20 };
 * ```
 */
export type TypedUseInfiniteExecuteOptions<
  S extends ConnectorSlug,
  E extends string,
  A extends string,
  TData = TypedPages<S, E, A>,
> = WorkspaceInput &
  ExecuteOptions &
  AirbyteInfiniteQueryOptions<ExecutePage<TypedItem<S, E, A>, TypedMeta<S, E, A>>, TData, ExecutePagesKey>;

/**
 * A paged operation as an infinite query, on core's `paginate()` cursor model: `fetchNextPage()` sends the last
 * page's cursor in the connector's own cursor parameter (Stripe `starting_after`, GitHub `after`); `hasNextPage`
 * turns false when the connector says so or repeats a cursor. Each page's `data` is its items.
 *
 * For a published connector, entity, action (a paged one) and params (less the cursor, which the hook sends) are
 * checked against its spec, and items are typed as core's `paginate()` yields them. For other connectors, `T` is
 * the `data` type of one page's result, the same `T` as `useExecute<T>` for that operation; pages hold
 * `ItemOf<T>`.
 *
 * @example
 * ```tsx
 * const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteExecute("linear", "issues", "list", { first: 50 });
 * const issues = data?.pages.flatMap((page) => page.data) ?? [];
 * <button disabled={!hasNextPage || isFetchingNextPage} onClick={() => fetchNextPage()}>More</button>;
 * ```
 */
export function useInfiniteExecute<
  S extends ConnectorSlug,
  E extends EntityOf<S>,
  A extends PagedActionOf<S, E>,
  TData = TypedPages<S, E, A>,
>(
  connector: TypedConnectorRef<S>,
  entity: E,
  action: A,
  ...args: ParamsArgs<TypedPageParams<S, E, A>, TypedUseInfiniteExecuteOptions<S, E, A, TData>>
): UseInfiniteQueryResult<TData, AirbyteError>;
export function useInfiniteExecute<
  T = unknown,
  TData = InfiniteData<ExecutePage<ItemOf<T>>, string | null>,
  R extends ConnectorRefShape = ConnectorRefShape,
>(
  connector: UntypedConnectorRef<R> & NotASlug<T>,
  entity: string,
  action: string,
  params?: Record<string, unknown>,
  options?: UseInfiniteExecuteOptions<T, TData>,
): UseInfiniteQueryResult<TData, AirbyteError>;
export function useInfiniteExecute(
  connector: ConnectorRef,
  entity: string,
  action: string,
  params: Record<string, unknown> = {},
  options: WorkspaceInput = {},
): unknown {
  const { client, workspace } = useAirbyteContext();
  return useInfiniteQuery(executeInfiniteQueryOptions(client, { ...withWorkspace(options, workspace), connector, entity, action, params }));
}
