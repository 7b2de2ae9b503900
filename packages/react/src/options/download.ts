import type { AirbyteError, ConnectorRef, ConnectorSlug } from "@airbyte-agents/core";
import type { UseMutationOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, required, resolveWorkspaceName, workspaceOf } from "../client-like";
import { airbyteKeys } from "../keys";
import type { AirbyteMutationOptions, WorkspaceInput } from "../query-types";
import type { DownloadEntityOf, TypedConnectorRef, TypedDownloadParams } from "../typed";

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
 * `TVariables` is what `mutate()` takes: {@link DownloadVariables}, or the typed params when the file's connector and
 * entity are fixed up front.
 *
 * @example
 * ```ts
 * const input: DownloadMutationInput<"stream"> = { workspace: "acme", as: "stream" };
 * ```
 */
export type DownloadMutationInput<TAs extends DownloadAs = "blob", TVariables = DownloadVariables> = WorkspaceInput & {
  as?: TAs;
} & AirbyteMutationOptions<DownloadResult<TAs>, TVariables>;

/**
 * Input of {@link downloadMutationOptions} for one published connector's entity: `mutate()` then takes only the
 * params, checked against the spec's `download` action.
 *
 * @example
 * ```ts
 * const input: TypedDownloadMutationInput<"zendesk-support", "attachments"> = { connector: "zendesk-support", entity: "attachments" };
 * ```
 */
export type TypedDownloadMutationInput<S extends ConnectorSlug, E extends string, TAs extends DownloadAs = "blob"> = DownloadMutationInput<
  TAs,
  TypedDownloadParams<S, E>
> & { connector: TypedConnectorRef<S>; entity: E };

/**
 * Mutation options that download a file. An unknown file is core's `NotFoundError`, not an empty blob. Give
 * `connector` and `entity` of a published connector to get a mutation over the typed params of its `download`
 * action; without them `mutate()` takes {@link DownloadVariables}.
 *
 * @example
 * ```ts
 * const download = useMutation(downloadMutationOptions(airbyte, { workspace: "acme" }));
 * const blob = await download.mutateAsync({ connector: "zendesk-support", entity: "attachments", params: { attachment_id: 1 } });
 * const attachment = useMutation(downloadMutationOptions(airbyte, { connector: "zendesk-support", entity: "attachments" }));
 * attachment.mutate({ attachment_id: 1 });
 * ```
 */
export function downloadMutationOptions<S extends ConnectorSlug, E extends DownloadEntityOf<S>, TAs extends DownloadAs = "blob">(
  client: AirbyteClientLike,
  input: TypedDownloadMutationInput<S, E, TAs>,
): UseMutationOptions<DownloadResult<TAs>, AirbyteError, TypedDownloadParams<S, E>>;
export function downloadMutationOptions<TAs extends DownloadAs = "blob">(
  client: AirbyteClientLike,
  input?: DownloadMutationInput<TAs>,
): UseMutationOptions<DownloadResult<TAs>, AirbyteError, DownloadVariables>;
// One implementation: a fixed target turns the variables into the params alone.
export function downloadMutationOptions(
  client: AirbyteClientLike,
  input: WorkspaceInput & { as?: DownloadAs; connector?: ConnectorRef; entity?: string } = {},
): UseMutationOptions<Blob | ReadableStream<Uint8Array>, AirbyteError, never> {
  const { workspace: asked, as, request, connector: fixedConnector, entity: fixedEntity, ...rest } = input;
  const workspace = resolveWorkspaceName(client, asked);
  const targetOf = (variables: unknown): DownloadVariables =>
    fixedConnector !== undefined && fixedEntity !== undefined
      ? { connector: fixedConnector, entity: fixedEntity, params: (variables ?? {}) as Record<string, unknown> }
      : (variables as DownloadVariables);
  return {
    mutationKey: [...airbyteKeys.scope(workspace), "download"],
    ...rest,
    mutationFn: async (variables: unknown) => {
      const { connector, entity, params } = targetOf(variables);
      const handle = workspaceOf(client, workspace).connector(connector);
      const stream = await required(handle.download?.bind(handle), "connector.download")(entity, params, request);
      return as === "stream" ? stream : await new Response(stream).blob();
    },
  };
}
