import type { AirbyteError, Connector, ConnectorInfo, ConnectorRef } from "@airbyte-agents/core";
import { type UseQueryResult, type UseSuspenseQueryResult, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { withWorkspace } from "../defined";
import type { ConnectorListFilter } from "../keys";
import {
  type ConnectorListKey,
  type ConnectorQueryInput,
  type ConnectorsQueryInput,
  connectorQueryOptions,
  connectorsQueryOptions,
} from "../options/connectors";
import { useAirbyteContext } from "../provider";
import type { AirbyteSuspenseQueryOptions, WorkspaceInput } from "../query-types";

/**
 * The connectors of the provider's workspace (`ws.connectors.list()`), optionally of one definition.
 *
 * @example
 * ```tsx
 * function Connectors() {
 *   const { data, isPending, error } = useConnectors();
 *   if (isPending) return <p>Loading…</p>;
 *   if (error) return <p>{error.message}</p>;
 *   return <ul>{data.map((c) => <li key={c.id}>{c.name}</li>)}</ul>;
 * }
 * ```
 */
export function useConnectors<TData = ConnectorInfo[]>(options: ConnectorsQueryInput<TData> = {}): UseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useQuery(connectorsQueryOptions(client, withWorkspace(options, workspace)));
}

/**
 * Input of {@link useSuspenseConnectors}.
 *
 * @example
 * ```ts
 * const options: SuspenseConnectorsInput<number> = { select: (list) => list.length };
 * ```
 */
export type SuspenseConnectorsInput<TData = ConnectorInfo[]> = WorkspaceInput &
  ConnectorListFilter &
  AirbyteSuspenseQueryOptions<ConnectorInfo[], TData, ConnectorListKey>;

/**
 * {@link useConnectors} for `<Suspense>`: suspends until the list is there, so `data` is always defined; errors go to
 * the nearest error boundary.
 *
 * @example
 * ```tsx
 * function Connectors() {
 *   const { data } = useSuspenseConnectors();
 *   return <ul>{data.map((c) => <li key={c.id}>{c.name}</li>)}</ul>;
 * }
 * <Suspense fallback={<Spinner />}><Connectors /></Suspense>;
 * ```
 */
export function useSuspenseConnectors<TData = ConnectorInfo[]>(
  options: SuspenseConnectorsInput<TData> = {},
): UseSuspenseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useSuspenseQuery(connectorsQueryOptions(client, withWorkspace(options, workspace)));
}

/**
 * Options of {@link useConnector}: query options and per-call options.
 *
 * @example
 * ```ts
 * const options: UseConnectorOptions<string> = { select: (c) => c.name };
 * ```
 */
export type UseConnectorOptions<TData = Connector> = Omit<ConnectorQueryInput<TData>, "connector">;

/**
 * One connector in full (`ws.connector(ref).get()`), by slug or `{ connectorId }`. An unknown slug is a
 * `ConnectorResolutionError`, an unknown id a `NotFoundError`.
 *
 * @example
 * ```tsx
 * const { data: stripe } = useConnector("stripe");
 * const { data: byId } = useConnector({ connectorId });
 * ```
 */
export function useConnector<TData = Connector>(
  ref: ConnectorRef,
  options: UseConnectorOptions<TData> = {},
): UseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useQuery(connectorQueryOptions(client, { ...withWorkspace(options, workspace), connector: ref }));
}
