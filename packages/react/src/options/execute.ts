import type { AirbyteError, ConnectorRef, ExecuteOptions, ExecutionResult, PageMeta } from "@airbyte-agents/core";
import { type InfiniteData, infiniteQueryOptions, queryOptions, type UseMutationOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, required, resolveWorkspaceName, workspaceOf } from "../client-like";
import { defined } from "../defined";
import { airbyteKeys } from "../keys";
import type { AirbyteInfiniteQueryOptions, AirbyteMutationOptions, AirbyteQueryOptions, WorkspaceInput } from "../query-types";

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
 * The key of a paged (infinite) execute query.
 *
 * @example
 * ```ts
 * const key: ExecutePagesKey = airbyteKeys.executePages("acme", "linear", "issues", "list", { limit: 50 });
 * ```
 */
export type ExecutePagesKey = ReturnType<typeof airbyteKeys.executePages>;

/**
 * One operation: which connector (slug or `{ connectorId }`), entity, action and params. A slug costs a connector
 * list call per fetch to resolve (core's rule); `{ connectorId }` skips it.
 *
 * @example
 * ```ts
 * const op: ExecuteTarget = { connector: "stripe", entity: "customers", action: "list", params: { limit: 5 } };
 * ```
 */
export interface ExecuteTarget {
  connector: ConnectorRef;
  entity: string;
  action: string;
  params?: Record<string, unknown>;
}

/**
 * Input of {@link executeQueryOptions}: the operation, core's field selection, and query options.
 *
 * @example
 * ```ts
 * const input: ExecuteQueryInput<Customer> = { workspace: "acme", connector: "stripe", entity: "customers", action: "get", params: { id } };
 * ```
 */
export type ExecuteQueryInput<T = unknown, TData = ExecutionResult<T>> = WorkspaceInput &
  ExecuteTarget &
  ExecuteOptions &
  AirbyteQueryOptions<ExecutionResult<T>, TData, ExecuteKey>;

function fieldsOf(input: { [K in keyof ExecuteOptions]-?: ExecuteOptions[K] | undefined }): ExecuteOptions {
  return defined({ selectFields: input.selectFields, excludeFields: input.excludeFields, skipTruncation: input.skipTruncation });
}

/**
 * Query options for one operation (`ws.connector(ref).execute(entity, action, params)`). `T` types the result's
 * `data`; `select` can narrow it further.
 *
 * @example
 * ```ts
 * const options = executeQueryOptions<Customer[]>(airbyte, { workspace: "acme", connector: "stripe", entity: "customers", action: "list", params: { limit: 10 } });
 * const result = await queryClient.fetchQuery(options); // ExecutionResult<Customer[]>
 * ```
 */
export function executeQueryOptions<T = unknown, TData = ExecutionResult<T>>(
  client: AirbyteClientLike,
  input: ExecuteQueryInput<T, TData>,
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
  return queryOptions<ExecutionResult<T>, AirbyteError, TData, ExecuteKey>({
    ...query,
    queryKey: airbyteKeys.execute(workspace, connector, entity, action, params, fields),
    queryFn: ({ signal }) =>
      workspaceOf(client, workspace)
        .connector(connector)
        .execute<T>(entity, action, params, { ...fields, ...request, signal }),
  });
}

/**
 * One page of a paged operation: core's `ExecutionResult` with `data` always the page's items (a search result's
 * `data` array is unwrapped), as `paginate().pages()` yields them.
 *
 * @example
 * ```ts
 * const page: ExecutePage<Issue> = data.pages[0];
 * page.data.map((issue) => issue.title);
 * ```
 */
export type ExecutePage<T = unknown> = ExecutionResult<T[]>;

/**
 * Input of {@link executeInfiniteQueryOptions}: the operation, the cursor parameter (default `cursor`, which every
 * connector accepts), field selection and query options.
 *
 * @example
 * ```ts
 * const input: ExecuteInfiniteQueryInput<Issue> = { connector: "linear", entity: "issues", action: "list", params: { limit: 50 } };
 * ```
 */
export type ExecuteInfiniteQueryInput<T = unknown, TData = InfiniteData<ExecutePage<T>, string | null>> = WorkspaceInput &
  ExecuteTarget &
  ExecuteOptions & { cursorParam?: string } & AirbyteInfiniteQueryOptions<ExecutePage<T>, TData, ExecutePagesKey>;

/** Items of a page: the result itself when it is an array, or its `data` array (search results). As core's pages(). */
function pageItems<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === "object" && Array.isArray((result as { data?: unknown }).data)) return (result as { data: T[] }).data;
  return [];
}

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
export function nextPageCursor(meta: PageMeta, usedCursors: readonly (string | null)[]): string | undefined {
  if (!meta.hasNextPage || meta.cursor === null) return undefined;
  return usedCursors.includes(meta.cursor) ? undefined : meta.cursor;
}

/**
 * Infinite query options for a paged operation, on the same cursor model as core's `paginate()`: the first page is
 * fetched without a cursor, each next one with the previous page's `meta.cursor`, until `meta.hasNextPage` is false
 * or a cursor repeats.
 *
 * @example
 * ```ts
 * const { data, fetchNextPage, hasNextPage } = useInfiniteQuery(
 *   executeInfiniteQueryOptions<Issue>(airbyte, { workspace: "acme", connector: "linear", entity: "issues", action: "list", params: { limit: 50 } }),
 * );
 * ```
 */
export function executeInfiniteQueryOptions<T = unknown, TData = InfiniteData<ExecutePage<T>, string | null>>(
  client: AirbyteClientLike,
  input: ExecuteInfiniteQueryInput<T, TData>,
) {
  const {
    workspace: asked,
    connector,
    entity,
    action,
    params = {},
    cursorParam = "cursor",
    selectFields,
    excludeFields,
    skipTruncation,
    request,
    ...query
  } = input;
  const workspace = resolveWorkspaceName(client, asked);
  const fields = fieldsOf({ selectFields, excludeFields, skipTruncation });
  return infiniteQueryOptions<ExecutePage<T>, AirbyteError, TData, ExecutePagesKey, string | null>({
    ...query,
    queryKey: airbyteKeys.executePages(workspace, connector, entity, action, params, { ...fields, cursorParam }),
    initialPageParam: null,
    queryFn: async ({ signal, pageParam }) => {
      const pageParams = pageParam === null ? params : { ...params, [cursorParam]: pageParam };
      const page = await workspaceOf(client, workspace)
        .connector(connector)
        .execute(entity, action, pageParams, { ...fields, ...request, signal });
      return { ...page, data: pageItems<T>(page.data) };
    },
    getNextPageParam: (lastPage, _pages, _lastCursor, usedCursors) => nextPageCursor(lastPage.meta, usedCursors),
  });
}

/**
 * How a download is handed back: a `Blob` (read whole, the default) or the byte stream as core returns it.
 *
 * @example
 * ```ts
 * const as: DownloadAs = "stream";
 * ```
 */
export type DownloadAs = "blob" | "stream";

/**
 * The download mutation's data for a {@link DownloadAs}.
 *
 * @example
 * ```ts
 * const file: DownloadResult<"blob"> = await download.mutateAsync({ connector: "zendesk-support", entity: "attachments", params });
 * ```
 */
export type DownloadResult<TAs extends DownloadAs = "blob"> = TAs extends "stream" ? ReadableStream<Uint8Array> : Blob;

/**
 * Which file to download: the connector, the entity and its params (the `download` action).
 *
 * @example
 * ```ts
 * const file: DownloadVariables = { connector: "zendesk-support", entity: "attachments", params: { attachment_id: 1 } };
 * ```
 */
export interface DownloadVariables {
  connector: ConnectorRef;
  entity: string;
  params: Record<string, unknown>;
}

/**
 * Input of {@link downloadMutationOptions}: the workspace, `as` (`"blob"` or `"stream"`), and mutation options.
 *
 * @example
 * ```ts
 * const input: DownloadMutationInput<"stream"> = { workspace: "acme", as: "stream" };
 * ```
 */
export type DownloadMutationInput<TAs extends DownloadAs = "blob"> = WorkspaceInput & { as?: TAs } & AirbyteMutationOptions<
    DownloadResult<TAs>,
    DownloadVariables
  >;

/**
 * Mutation options that download a file. An unknown file is core's `NotFoundError`, not an empty blob.
 *
 * @example
 * ```ts
 * const download = useMutation(downloadMutationOptions(airbyte, { workspace: "acme" }));
 * const blob = await download.mutateAsync({ connector: "zendesk-support", entity: "attachments", params: { attachment_id: 1 } });
 * ```
 */
export function downloadMutationOptions<TAs extends DownloadAs = "blob">(
  client: AirbyteClientLike,
  input: DownloadMutationInput<TAs> = {},
): UseMutationOptions<DownloadResult<TAs>, AirbyteError, DownloadVariables> {
  const { workspace: asked, as, request, ...rest } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return {
    mutationKey: [...airbyteKeys.scope(workspace), "download"],
    ...rest,
    mutationFn: async ({ connector, entity, params }) => {
      const handle = workspaceOf(client, workspace).connector(connector);
      const stream = await required(handle.download?.bind(handle), "connector.download")(entity, params, request);
      return (as === "stream" ? stream : await new Response(stream).blob()) as DownloadResult<TAs>;
    },
  };
}
