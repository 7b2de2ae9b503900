import type { AirbyteError, ConnectorRef, ConnectorSlug, ExecuteOptions, ExecutionResult, PageMeta } from "@airbyte-agents/core";
import { isRepeatedPage } from "@airbyte-agents/core/browser";
import { type InfiniteData, infiniteQueryOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, resolveWorkspaceName, workspaceOf } from "../client-like";
import { defined } from "../defined";
import { airbyteKeys } from "../keys";
import type { AirbyteInfiniteQueryOptions, WorkspaceInput } from "../query-types";
import type {
  ConnectorRefShape,
  EntityOf,
  ItemOf,
  NotASlug,
  PagedActionOf,
  ParamsProp,
  TypedConnectorRef,
  TypedItem,
  TypedMeta,
  TypedPageParams,
  UntypedConnectorRef,
} from "../typed";
import { fieldsOf } from "./execute";
import { fetchPage } from "./paging";

/**
 * The key of a paged (infinite) execute query.
 *
 * @example
 * ```ts
 * const key: ExecutePagesKey = airbyteKeys.executePages("acme", "linear", "issues", "list", { first: 50 });
 * ```
 */
export type ExecutePagesKey = ReturnType<typeof airbyteKeys.executePages>;

/**
 * One page of a paged operation: core's `ExecutionResult` whose `data` is always the page's items (a search
 * result's `data` array is unwrapped), as `paginate().pages()` yields them. `TItem` is the item type and `M` the
 * connector's own metadata (`meta.raw`).
 *
 * @example
 * ```ts
 * const page: ExecutePage<TypedItem<"linear", "issues", "list">> = data.pages[0];
 * page.data.map((issue) => issue.title);
 * ```
 */
export type ExecutePage<TItem = unknown, M = Record<string, unknown>> = ExecutionResult<TItem[], M>;

/**
 * The pages of a typed paged operation, as the infinite hooks hold them.
 *
 * @example
 * ```ts
 * const pages: TypedPages<"github", "issues", "list"> | undefined = useInfiniteExecute("github", "issues", "list", { owner, repo }).data;
 * ```
 */
export type TypedPages<S extends ConnectorSlug, E extends string, A extends string> = InfiniteData<
  ExecutePage<TypedItem<S, E, A>, TypedMeta<S, E, A>>,
  string | null
>;

/** What an infinite query does that a single query does not: the cursor parameter, for untyped connectors. */
interface PagingInput {
  /**
   * The parameter the cursor is sent in. Published connectors need none: the hook sends the one their spec names
   * (Stripe `starting_after`, GitHub `after`), as core's `paginate()` does. Default for other connectors: `cursor`.
   */
  cursorParam?: string;
}

/**
 * Input of {@link executeInfiniteQueryOptions} for a connector the SDK has no types for. `T` is the `data` type of
 * one page's result (as in `useExecute<T>`); each page's `data` holds its items, `ItemOf<T>`.
 *
 * @example
 * ```ts
 * const input: ExecuteInfiniteQueryInput<Contact[]> = { connector: "my-crm", entity: "contacts", action: "list", cursorParam: "page_token" };
 * ```
 */
export type ExecuteInfiniteQueryInput<T = unknown, TData = InfiniteData<ExecutePage<ItemOf<T>>, string | null>> = WorkspaceInput & {
  connector: ConnectorRef;
  entity: string;
  action: string;
  params?: Record<string, unknown>;
} & ExecuteOptions &
  PagingInput &
  AirbyteInfiniteQueryOptions<ExecutePage<ItemOf<T>>, TData, ExecutePagesKey>;

/**
 * Input of {@link executeInfiniteQueryOptions} for a published connector: a paged action of one of its entities,
 * with the spec's params less the cursor parameter (the query sends it).
 *
 * @example
 * ```ts
 * const input: TypedExecuteInfiniteQueryInput<"stripe", "customers", "list"> = { connector: "stripe", entity: "customers", action: "list", params: { limit: 50 } };
 * ```
 */
export type TypedExecuteInfiniteQueryInput<
  S extends ConnectorSlug,
  E extends string,
  A extends string,
  TData = TypedPages<S, E, A>,
> = WorkspaceInput & { connector: TypedConnectorRef<S>; entity: E; action: A } & ParamsProp<TypedPageParams<S, E, A>> &
  ExecuteOptions &
  PagingInput &
  AirbyteInfiniteQueryOptions<ExecutePage<TypedItem<S, E, A>, TypedMeta<S, E, A>>, TData, ExecutePagesKey>;

/**
 * The next page's cursor under core's `paginate` rules: none when the connector says there is no next page or gives
 * no cursor, and none when the cursor was already used (a connector bug that would otherwise loop forever).
 *
 * @example
 * ```ts
 * nextPageCursor({ hasNextPage: true, cursor: "abc", raw: null }, [null]);        // "abc"
 * nextPageCursor({ hasNextPage: true, cursor: "abc", raw: null }, [null, "abc"]); // undefined
 * ```
 */
export function nextPageCursor(meta: PageMeta<unknown>, usedCursors: readonly (string | null)[]): string | undefined {
  if (!meta.hasNextPage || meta.cursor === null) return undefined;
  return usedCursors.includes(meta.cursor) ? undefined : meta.cursor;
}

/** The one implementation behind both signatures: the types only differ in what a page holds. */
function buildInfiniteOptions<TPage extends ExecutePage<unknown, unknown>, TData>(
  client: AirbyteClientLike,
  input: WorkspaceInput & {
    connector: ConnectorRef;
    entity: string;
    action: string;
    params?: Record<string, unknown>;
  } & ExecuteOptions &
    PagingInput &
    AirbyteInfiniteQueryOptions<TPage, TData, ExecutePagesKey>,
) {
  const {
    workspace: asked,
    connector,
    entity,
    action,
    params = {},
    cursorParam,
    selectFields,
    excludeFields,
    skipTruncation,
    request,
    ...query
  } = input;
  const workspace = resolveWorkspaceName(client, asked);
  const fields = fieldsOf({ selectFields, excludeFields, skipTruncation });
  return infiniteQueryOptions<TPage, AirbyteError, TData, ExecutePagesKey, string | null>({
    ...query,
    // Only an explicit cursorParam is part of the key: the spec's own is a fact of the connector, not an input.
    queryKey: airbyteKeys.executePages(workspace, connector, entity, action, params, defined({ ...fields, cursorParam })),
    initialPageParam: null,
    queryFn: async ({ signal, pageParam }) =>
      (await fetchPage(workspaceOf(client, workspace).connector(connector), {
        ref: connector,
        entity,
        action,
        params,
        cursor: pageParam,
        cursorParam,
        options: { ...fields, ...request, signal },
      })) as TPage,
    // A page that repeats the one before it (an API that ignored its offset) ends the query, as it ends paginate().
    getNextPageParam: (lastPage, pages, _lastCursor, usedCursors) =>
      isRepeatedPage(pages.at(-2)?.data ?? [], lastPage.data) ? undefined : nextPageCursor(lastPage.meta, usedCursors),
  });
}

/**
 * What {@link executeInfiniteQueryOptions} returns: TanStack infinite-query options whose key is tagged with the
 * page type.
 *
 * @example
 * ```ts
 * const options: ExecuteInfiniteQueryOptions<ExecutePage<Contact>> = executeInfiniteQueryOptions<Contact[]>(airbyte, input);
 * ```
 */
export type ExecuteInfiniteQueryOptions<
  TPage extends ExecutePage<unknown, unknown>,
  TData = InfiniteData<TPage, string | null>,
> = ReturnType<typeof buildInfiniteOptions<TPage, TData>>;

/**
 * Infinite query options for a paged operation, on the same cursor model as core's `paginate()`: the first page is
 * fetched without a cursor, each next one with the previous page's cursor in the connector's own cursor parameter,
 * until `meta.hasNextPage` is false, a cursor repeats or a page repeats the one before it. For a published
 * connector, entity, action (a paged one) and params are checked against its spec and the items are typed. For other
 * connectors, `T` is the `data` type of one page's result, as in {@link executeQueryOptions}; pages hold its items.
 *
 * @example
 * ```ts
 * const { data, fetchNextPage, hasNextPage } = useInfiniteQuery(
 *   executeInfiniteQueryOptions(airbyte, { workspace: "acme", connector: "linear", entity: "issues", action: "list", params: { first: 50 } }),
 * );
 * const mine = executeInfiniteQueryOptions<Contact[]>(airbyte, { connector: "my-crm", entity: "contacts", action: "list" });
 * ```
 */
export function executeInfiniteQueryOptions<
  S extends ConnectorSlug,
  E extends EntityOf<S>,
  A extends PagedActionOf<S, E>,
  TData = TypedPages<S, E, A>,
>(
  client: AirbyteClientLike,
  input: TypedExecuteInfiniteQueryInput<S, E, A, TData>,
): ExecuteInfiniteQueryOptions<ExecutePage<TypedItem<S, E, A>, TypedMeta<S, E, A>>, TData>;
export function executeInfiniteQueryOptions<
  T = unknown,
  TData = InfiniteData<ExecutePage<ItemOf<T>>, string | null>,
  R extends ConnectorRefShape = ConnectorRefShape,
>(
  client: AirbyteClientLike,
  input: ExecuteInfiniteQueryInput<T, TData> & { connector: UntypedConnectorRef<R> & NotASlug<T> },
): ExecuteInfiniteQueryOptions<ExecutePage<ItemOf<T>>, TData>;
// The implementation is as loose as core's untyped handle; the signatures above carry the types.
export function executeInfiniteQueryOptions(
  client: AirbyteClientLike,
  input: WorkspaceInput & { connector: ConnectorRef; entity: string; action: string },
): unknown {
  return buildInfiniteOptions(client, input as ExecuteInfiniteQueryInput);
}
