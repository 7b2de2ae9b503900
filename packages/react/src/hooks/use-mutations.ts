import type { AirbyteError, AskResult, Connector, ConnectorRef, ConnectorSlug, CreateConnectorInput } from "@airbyte-agents/core";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { withWorkspace } from "../defined";
import {
  type CreateConnectorMutationInput,
  createConnectorMutationOptions,
  type DeleteConnectorContext,
  type DeleteConnectorMutationInput,
  deleteConnectorMutationOptions,
  type UpdateConnectorMutationInput,
  type UpdateConnectorVariables,
  updateConnectorMutationOptions,
} from "../options/connectors";
import {
  type DownloadAs,
  type DownloadMutationInput,
  type DownloadResult,
  type DownloadVariables,
  downloadMutationOptions,
} from "../options/download";
import { type AskMutationInput, askMutationOptions } from "../options/workflows";
import { useAirbyteContext } from "../provider";
import type { WorkspaceInput } from "../query-types";
import type { DownloadEntityOf, TypedConnectorRef, TypedDownloadParams } from "../typed";

/**
 * Creates a connector in the provider's workspace; the workspace's connector lists refetch before the mutation
 * settles.
 *
 * @example
 * ```tsx
 * const create = useCreateConnector();
 * <button onClick={() => create.mutate({ connectorType: "Linear", name: "Linear", credentials: { api_key } })}>Add</button>;
 * ```
 */
export function useCreateConnector(
  options: CreateConnectorMutationInput = {},
): UseMutationResult<Connector, AirbyteError, CreateConnectorInput> {
  const { client, workspace } = useAirbyteContext();
  return useMutation(createConnectorMutationOptions(client, useQueryClient(), withWorkspace(options, workspace)));
}

/**
 * Updates a connector (needs an application token, so a server-style client); its lists, detail and executions
 * refetch.
 *
 * @example
 * ```tsx
 * const update = useUpdateConnector();
 * update.mutate({ connectorId, name: "Main Linear" });
 * ```
 */
export function useUpdateConnector(
  options: UpdateConnectorMutationInput = {},
): UseMutationResult<Connector, AirbyteError, UpdateConnectorVariables> {
  const { client, workspace } = useAirbyteContext();
  return useMutation(updateConnectorMutationOptions(client, useQueryClient(), withWorkspace(options, workspace)));
}

/**
 * Deletes a connector by id, optimistically: it disappears from the cached lists at once and comes back if the
 * server refuses.
 *
 * @example
 * ```tsx
 * const remove = useDeleteConnector();
 * <button onClick={() => remove.mutate(connector.id)}>Delete</button>;
 * ```
 */
export function useDeleteConnector(
  options: DeleteConnectorMutationInput = {},
): UseMutationResult<{ jobId: string | null }, AirbyteError, string, DeleteConnectorContext> {
  const { client, workspace } = useAirbyteContext();
  return useMutation(deleteConnectorMutationOptions(client, useQueryClient(), withWorkspace(options, workspace)));
}

/**
 * Downloads a file (the `download` action) as a `Blob`, or as the byte stream with `{ as: "stream" }`. With a
 * published connector and one of its download entities first, `mutate()` takes that action's params, checked
 * against the spec; without them it takes `{ connector, entity, params }`.
 *
 * @example
 * ```tsx
 * const attachment = useDownload("zendesk-support", "attachments");
 * const save = async () => {
 *   const blob = await attachment.mutateAsync({ attachment_id: 1 });
 *   window.open(URL.createObjectURL(blob));
 * };
 * const any = useDownload({ as: "stream" });
 * any.mutate({ connector: { connectorId }, entity: "files", params: { file_id: "f1" } });
 * ```
 */
export function useDownload<S extends ConnectorSlug, E extends DownloadEntityOf<S>, TAs extends DownloadAs = "blob">(
  connector: TypedConnectorRef<S>,
  entity: E,
  options?: DownloadMutationInput<TAs, TypedDownloadParams<S, E>>,
): UseMutationResult<DownloadResult<TAs>, AirbyteError, TypedDownloadParams<S, E>>;
export function useDownload<TAs extends DownloadAs = "blob">(
  options?: DownloadMutationInput<TAs>,
): UseMutationResult<DownloadResult<TAs>, AirbyteError, DownloadVariables>;
export function useDownload(
  first?: ConnectorRef | (WorkspaceInput & { as?: DownloadAs }),
  entity?: string,
  options: WorkspaceInput & { as?: DownloadAs } = {},
): unknown {
  const { client, workspace } = useAirbyteContext();
  // A ref is a string or has a connectorId; the options object has neither.
  const fixed = typeof first === "string" || (first !== undefined && "connectorId" in first);
  const input = fixed
    ? { ...withWorkspace(options, workspace), connector: first as ConnectorRef, entity }
    : withWorkspace((first ?? {}) as WorkspaceInput, workspace);
  return useMutation(downloadMutationOptions(client, input as DownloadMutationInput));
}

/**
 * Asks a natural-language question across the provider's workspace (`ws.ask()`, preview). Needs an application
 * token, so a server-style client.
 *
 * @example
 * ```tsx
 * const ask = useAsk();
 * <button onClick={() => ask.mutate("list my 5 most recent Stripe customers")}>Ask</button>;
 * <p>{ask.data?.answer}</p>;
 * ```
 */
export function useAsk(options: AskMutationInput = {}): UseMutationResult<AskResult, AirbyteError, string> {
  const { client, workspace } = useAirbyteContext();
  return useMutation(askMutationOptions(client, withWorkspace(options, workspace)));
}
