import type { AirbyteError, Definition, ListWorkspacesInput, WorkspaceInfo } from "@airbyte-agents/core";
import { queryOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, definitionsOf, required, workspacesOf } from "../client-like";
import { defined } from "../defined";
import { airbyteKeys } from "../keys";
import type { AirbyteQueryOptions, RequestOptions } from "../query-types";

/**
 * The key of a definitions query.
 *
 * @example
 * ```ts
 * const key: DefinitionsKey = airbyteKeys.definitions({ name: "github" });
 * ```
 */
export type DefinitionsKey = ReturnType<typeof airbyteKeys.definitions>;

/**
 * The key of a workspaces query.
 *
 * @example
 * ```ts
 * const key: WorkspacesKey = airbyteKeys.workspaces({ limit: 50 });
 * ```
 */
export type WorkspacesKey = ReturnType<typeof airbyteKeys.workspaces>;

/**
 * Input of {@link definitionsQueryOptions}: an optional name filter (case-insensitive, anywhere in the name),
 * per-call options, and query options.
 *
 * @example
 * ```ts
 * const input: DefinitionsQueryInput = { name: "zendesk", staleTime: Number.POSITIVE_INFINITY };
 * ```
 */
export type DefinitionsQueryInput<TData = Definition[]> = { name?: string; request?: RequestOptions } & AirbyteQueryOptions<
  Definition[],
  TData,
  DefinitionsKey
>;

/**
 * Query options for the connector catalog (`airbyte.definitions.list()`), organization-wide. Needs an application
 * token: a widget client gets a `ValidationError`.
 *
 * @example
 * ```ts
 * const { data: matches } = useQuery(definitionsQueryOptions(airbyte, { name: "github" }));
 * ```
 */
export function definitionsQueryOptions<TData = Definition[]>(client: AirbyteClientLike, input: DefinitionsQueryInput<TData> = {}) {
  const { name, request, ...query } = input;
  const filter = defined({ name });
  return queryOptions<Definition[], AirbyteError, TData, DefinitionsKey>({
    ...query,
    queryKey: airbyteKeys.definitions(filter),
    queryFn: async ({ signal }) => {
      const definitions = definitionsOf(client);
      return required(definitions?.list.bind(definitions), "definitions.list")(filter, { ...request, signal });
    },
  });
}

/**
 * One page of workspaces and the cursor of the next (`null` on the last), as core's `workspaces.list()` returns.
 *
 * @example
 * ```ts
 * const page: WorkspacePage = await airbyte.workspaces.list({ limit: 20 });
 * ```
 */
export interface WorkspacePage {
  data: WorkspaceInfo[];
  nextCursor: string | null;
}

/**
 * Input of {@link workspacesQueryOptions}: core's filters and paging, per-call options, and query options.
 *
 * @example
 * ```ts
 * const input: WorkspacesQueryInput = { nameContains: "acme", status: "active", limit: 50 };
 * ```
 */
export type WorkspacesQueryInput<TData = WorkspacePage> = ListWorkspacesInput & { request?: RequestOptions } & AirbyteQueryOptions<
    WorkspacePage,
    TData,
    WorkspacesKey
  >;

/**
 * Query options for one page of the organization's workspaces (`airbyte.workspaces.list()`). Needs an application
 * token: a widget client gets a `ValidationError`.
 *
 * @example
 * ```ts
 * const { data } = useQuery(workspacesQueryOptions(airbyte, { status: "active" }));
 * data?.data.map((ws) => ws.name);
 * ```
 */
export function workspacesQueryOptions<TData = WorkspacePage>(client: AirbyteClientLike, input: WorkspacesQueryInput<TData> = {}) {
  const { nameContains, status, limit, cursor, request, ...query } = input;
  const filter: ListWorkspacesInput = defined({ nameContains, status, limit, cursor });
  return queryOptions<WorkspacePage, AirbyteError, TData, WorkspacesKey>({
    ...query,
    queryKey: airbyteKeys.workspaces(filter),
    queryFn: async ({ signal }) => {
      const workspaces = workspacesOf(client);
      return required(workspaces?.list.bind(workspaces), "workspaces.list")(filter, { ...request, signal });
    },
  });
}
