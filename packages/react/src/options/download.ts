import type { AirbyteError, ConnectorRef } from "@airbyte-agents/core";
import type { UseMutationOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, required, resolveWorkspaceName, workspaceOf } from "../client-like";
import { airbyteKeys } from "../keys";
import type { AirbyteMutationOptions, WorkspaceInput } from "../query-types";

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
