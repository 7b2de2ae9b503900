import type { AirbyteError, CallOptions } from "@airbyte-agents/core";
import type {
  InfiniteData,
  OmitKeyof,
  QueryKey,
  UseInfiniteQueryOptions,
  UseMutationOptions,
  UseQueryOptions,
  UseSuspenseQueryOptions,
} from "@tanstack/react-query";

/**
 * Per-call options forwarded to core (timeout, deadline, retries, headers). The abort signal is TanStack's and is
 * always passed, so it is not an option here.
 *
 * @example
 * ```ts
 * useConnectors({ request: { timeout: 5_000, maxRetries: 0 } });
 * ```
 */
export type RequestOptions = Omit<CallOptions, "signal">;

/**
 * The workspace a factory or hook targets. Hooks default to the provider's; factories to the client's
 * (`"default"` for a server client, the token's workspace for a widget client). `undefined` is the same as leaving it
 * out, so a component can forward an optional prop of its own.
 *
 * @example
 * ```ts
 * connectorsQueryOptions(airbyte, { workspace: "acme" });
 * ```
 */
export interface WorkspaceInput {
  workspace?: string | undefined;
  /** Per-call options forwarded to core. */
  request?: RequestOptions;
}

/**
 * TanStack query options an Airbyte hook or factory accepts on top of its own parameters (everything but
 * `queryKey` and `queryFn`); the error type is core's `AirbyteError`.
 *
 * @example
 * ```ts
 * const options: AirbyteQueryOptions<ConnectorInfo[], string[]> = { select: (list) => list.map((c) => c.name), staleTime: 30_000 };
 * ```
 */
export type AirbyteQueryOptions<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = OmitKeyof<
  UseQueryOptions<TQueryFnData, AirbyteError, TData, TQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * The TanStack options a suspense hook accepts (no `enabled`, `placeholderData` or `throwOnError`: suspense decides).
 *
 * @example
 * ```ts
 * const options: AirbyteSuspenseQueryOptions<ConnectorInfo[], number> = { select: (list) => list.length };
 * ```
 */
export type AirbyteSuspenseQueryOptions<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = OmitKeyof<
  UseSuspenseQueryOptions<TQueryFnData, AirbyteError, TData, TQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * The TanStack options a paged (infinite) query accepts; the page params follow core's cursor model and are not
 * configurable.
 *
 * @example
 * ```ts
 * const options: AirbyteInfiniteQueryOptions<ExecutionResult<Issue[]>> = { maxPages: 10 };
 * ```
 */
export type AirbyteInfiniteQueryOptions<
  TQueryFnData,
  TData = InfiniteData<TQueryFnData, string | null>,
  TQueryKey extends QueryKey = QueryKey,
> = OmitKeyof<
  UseInfiniteQueryOptions<TQueryFnData, AirbyteError, TData, TQueryKey, string | null>,
  "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam"
>;

/**
 * The TanStack options an Airbyte mutation hook accepts. Your `onSuccess`, `onError` and `onSettled` run after the
 * hook's own cache updates; `onMutate` belongs to the hook (it carries the optimistic update).
 *
 * @example
 * ```ts
 * useCreateConnector({ onSuccess: (connector) => toast(`Created ${connector.name}`) });
 * ```
 */
export type AirbyteMutationOptions<TData, TVariables, TContext = unknown> = Omit<
  UseMutationOptions<TData, AirbyteError, TVariables, TContext>,
  "mutationFn" | "onMutate"
>;
