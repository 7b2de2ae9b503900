import type { AirbyteError, AskResult, Connector, CreateConnectorInput } from "@airbyte-agents/core";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
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
  return useMutation(createConnectorMutationOptions(client, useQueryClient(), { workspace, ...options }));
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
  return useMutation(updateConnectorMutationOptions(client, useQueryClient(), { workspace, ...options }));
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
): UseMutationResult<{ jobId: string }, AirbyteError, string, DeleteConnectorContext> {
  const { client, workspace } = useAirbyteContext();
  return useMutation(deleteConnectorMutationOptions(client, useQueryClient(), { workspace, ...options }));
}

/**
 * Downloads a file (the `download` action) as a `Blob`, or as the byte stream with `{ as: "stream" }`.
 *
 * @example
 * ```tsx
 * const download = useDownload();
 * const save = async () => {
 *   const blob = await download.mutateAsync({ connector: "zendesk-support", entity: "attachments", params: { attachment_id: 1 } });
 *   window.open(URL.createObjectURL(blob));
 * };
 * ```
 */
export function useDownload<TAs extends DownloadAs = "blob">(
  options: DownloadMutationInput<TAs> = {},
): UseMutationResult<DownloadResult<TAs>, AirbyteError, DownloadVariables> {
  const { client, workspace } = useAirbyteContext();
  return useMutation(downloadMutationOptions<TAs>(client, { workspace, ...options }));
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
  return useMutation(askMutationOptions(client, { workspace, ...options }));
}
