// The connector calls a first use rarely makes (create, update, delete, check, inspect; a download's stream; a
// probe check's result) and the checks of their inputs, loaded on first need (connectors.ts `connectorExtras`): a
// bundle that lists and executes does not carry them.

import { loadConnectorRuntime } from "../connectors/load-runtime";
import { NotFoundError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { isApiError } from "../errors/guards";
import { checkArgument, checkCallOptions } from "../input/call-options";
import { invalidInput, requireObject, requireText, requireUuid } from "../input/invalid-input";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import {
  type Connector,
  type ConnectorCheck,
  type CreateConnectorInput,
  toConnector,
  toConnectorCheck,
  type UntypedCreateConnectorInput,
  type UpdateConnectorInput,
} from "./connector-types";
import type { ConnectorInspection } from "./connectors";
import { API } from "./context";
import type { WorkspaceScope } from "./workspace-scope";

async function createBody(what: string, workspaceName: string, input: CreateConnectorInput): Promise<Record<string, unknown>> {
  checkArgument(what, "input", input, false);
  const selectors = (["type", "definitionId", "connectorType", "sourceTemplateId"] as const).filter((key) => input[key] !== undefined);
  if (selectors.length !== 1) {
    throw invalidInput(what, [
      {
        path: selectors.length === 0 ? "type" : selectors.join(", "),
        message: `give exactly one of type, definitionId, connectorType or sourceTemplateId (got ${selectors.length === 0 ? "none" : selectors.join(" and ")})`,
      },
    ]);
  }
  if (input.type !== undefined) {
    requireText(what, "type", input.type);
    // A slug becomes the definition id offline, from the connector's spec: no name matching on the server.
    const runtime = await loadConnectorRuntime();
    const catalog = await runtime.loadCatalog(input.type);
    if (!catalog) {
      throw invalidInput(what, [
        { path: "type", message: `unknown connector ${JSON.stringify(input.type)}; give its definitionId or connectorType instead` },
      ]);
    }
    // The settings the spec requires (GitHub's repositories) are checked offline, as execute checks params.
    requireObject(what, "replicationConfig", input.replicationConfig);
    runtime.validateReplicationConfig(catalog, what, input.replicationConfig);
    const { type: _slug, definitionId: _none, connectorType: _no, sourceTemplateId: _not, ...fields } = input;
    // The typed credentials and settings are plain objects on the wire, as the untyped form sends them.
    const untyped = { ...fields, definitionId: catalog.definitionId } as unknown as UntypedCreateConnectorInput;
    return createBody(what, workspaceName, untyped);
  }
  if (input.definitionId !== undefined) requireUuid(what, "definitionId", input.definitionId);
  if (input.sourceTemplateId !== undefined) requireUuid(what, "sourceTemplateId", input.sourceTemplateId);
  if (input.connectorType !== undefined) requireText(what, "connectorType", input.connectorType);
  if (input.name !== undefined) requireText(what, "name", input.name);
  requireObject(what, "credentials", input.credentials);
  requireObject(what, "replicationConfig", input.replicationConfig);
  requireObject(what, "environment", input.environment);
  const body: Record<string, unknown> = { workspace_name: workspaceName };
  if (input.definitionId !== undefined) body.definition_id = input.definitionId;
  if (input.connectorType !== undefined) body.connector_type = input.connectorType;
  if (input.sourceTemplateId !== undefined) body.source_template_id = input.sourceTemplateId;
  if (input.name !== undefined) body.name = input.name;
  if (input.credentials !== undefined) body.credentials = input.credentials;
  if (input.replicationConfig !== undefined) body.replication_config = input.replicationConfig;
  if (input.environment !== undefined) body.environment = input.environment;
  if (input.entities !== undefined) body.entities = input.entities;
  if (input.serverSideOAuthSecretId !== undefined) body.server_side_oauth_secret_id = input.serverSideOAuthSecretId;
  return body;
}

function updateBody(what: string, input: UpdateConnectorInput): Record<string, unknown> {
  checkArgument(what, "input", input, false);
  if (input.name !== undefined) requireText(what, "name", input.name);
  requireObject(what, "replicationConfig", input.replicationConfig);
  const body: Record<string, unknown> = {};
  if (input.name !== undefined) body.name = input.name;
  if (input.replicationConfig !== undefined) body.replication_config = input.replicationConfig;
  if (input.entities !== undefined) body.entities = input.entities;
  return body;
}

/**
 * Checks a create input (or a check input with `connectorId`) in full, offline and without the workspace name:
 * the widget client runs it before it reads its workspace from the token, so a bad input sends nothing at all.
 *
 * @example
 * ```ts
 * await checkConnectorInput("connectors.create", { connectorType: "Stripe", credentials: { api_key } });
 * ```
 */
export async function checkConnectorInput(
  what: string,
  input: CreateConnectorInput | (UpdateConnectorInput & { connectorId: string }),
): Promise<void> {
  checkArgument(what, "input", input, false);
  if ("connectorId" in input && input.connectorId !== undefined) {
    requireUuid(what, "connectorId", input.connectorId);
    updateBody(what, { ...input });
  } else await createBody(what, "", input as CreateConnectorInput);
}

export async function createConnector(scope: WorkspaceScope, input: CreateConnectorInput, options: CallOptions = {}): Promise<Connector> {
  checkCallOptions("connectors.create", options);
  const body = await createBody("connectors.create", scope.name, input);
  const { data } = await scope.ctx.transport.request(
    {
      method: "POST",
      path: `${API}/integrations/connectors`,
      body,
      schema: "ConnectorSourceCreateResponse",
      reads: { id: "string" },
      auth: scope.auth,
    },
    options,
  );
  // A new connector can make a slug ambiguous, or resolvable: this client's resolved ids start over.
  scope.ctx.connectorIds.forget(scope.name);
  return toConnector(data);
}

export async function updateConnector(
  scope: WorkspaceScope,
  connectorId: string,
  input: UpdateConnectorInput,
  options: CallOptions = {},
): Promise<Connector> {
  checkCallOptions("connectors.update", options);
  requireUuid("connectors.update", "connectorId", connectorId);
  const body = updateBody("connectors.update", input);
  const { data } = await scope.ctx.transport.request(
    {
      method: "PUT",
      path: path`/api/v1/integrations/connectors/${connectorId}`,
      body,
      schema: "ConnectorSourceUpdateResponse",
      reads: { id: "string" },
      auth: scope.auth,
    },
    options,
  );
  // A rename changes what instance names resolve to: the old one names nothing now, the new one this connector.
  if (input.name !== undefined) scope.ctx.connectorIds.forget(scope.name);
  return toConnector(data);
}

export async function deleteConnector(
  scope: WorkspaceScope,
  connectorId: string,
  options: CallOptions = {},
): Promise<{ jobId: string | null }> {
  checkCallOptions("connectors.delete", options);
  requireUuid("connectors.delete", "connectorId", connectorId);
  const { data } = await scope.ctx.transport.request(
    {
      method: "DELETE",
      path: path`/api/v1/integrations/connectors/${connectorId}`,
      schema: "ConnectorSourceDeleteAcceptedResponse",
      reads: { job_id: "string" },
      auth: scope.auth,
    },
    options,
  );
  scope.ctx.connectorIds.forget(scope.name);
  scope.ctx.connectorIds.forgetKind(connectorId);
  return { jobId: data === null ? null : data.job_id };
}

export async function checkConnector(
  scope: WorkspaceScope,
  input: CreateConnectorInput | (UpdateConnectorInput & { connectorId: string }),
  options: CallOptions = {},
): Promise<ConnectorCheck> {
  checkCallOptions("connectors.check", options);
  checkArgument("connectors.check", "input", input, false);
  const request =
    "connectorId" in input && input.connectorId !== undefined
      ? {
          path: path`/api/v1/integrations/connectors/${requireUuid("connectors.check", "connectorId", input.connectorId)}/check`,
          body: updateBody("connectors.check", { ...input }),
        }
      : {
          path: `${API}/integrations/connectors/check`,
          body: await createBody("connectors.check", scope.name, input as CreateConnectorInput),
        };
  const { data } = await scope.ctx.transport.request(
    { method: "POST", ...request, schema: "ConnectorSourceCheckConfigResponse", reads: { id: "string" }, auth: scope.auth },
    options,
  );
  return toConnectorCheck(data);
}

export async function inspectConnector(
  scope: WorkspaceScope,
  connectorId: string,
  options: CallOptions = {},
): Promise<ConnectorInspection> {
  checkCallOptions("connectors.inspect", options);
  requireUuid("connectors.inspect", "connectorId", connectorId);
  const { data } = await scope.ctx.transport.request(
    {
      method: "GET",
      path: path`/api/v1/integrations/connectors/${connectorId}/inspect`,
      schema: "ConnectorInspectSchema",
      reads: {},
      auth: scope.auth,
    },
    options,
  );
  return {
    connectorId: data.connector_id,
    name: data.name,
    workspaceId: data.workspace_id,
    organizationId: data.organization_id,
    definitionId: data.source_definition_id,
    definitionName: data.source_definition_name,
    contextStore: {
      supportedEntities: data.context_store_readiness.supported_context_store_entities,
      configuredCacheEntities: data.context_store_readiness.configured_cache_entities,
    },
    warnings: data.warnings,
  };
}

/**
 * A download's body as the caller's stream. The API answers an unknown file with an empty 200: no body, or only
 * empty chunks before the end, is a `NotFoundError` instead of an empty file (api-notes §5).
 */
export async function downloadStream(
  body: ReadableStream<Uint8Array> | null,
  request: { path: string; entity: string; params: Record<string, unknown>; requestId: string | undefined },
): Promise<ReadableStream<Uint8Array>> {
  const notFound = () =>
    new NotFoundError(
      formatRequestMessage(
        { status: 404, method: "POST", path: request.path },
        `No file for ${request.entity} ${JSON.stringify(request.params)}: the API returned an empty body`,
      ),
      { status: 404, code: "download_not_found", method: "POST", path: request.path, requestId: request.requestId },
    );
  if (!body) throw notFound();
  const reader = body.getReader();
  let first = await reader.read();
  while (!first.done && first.value.byteLength === 0) first = await reader.read();
  if (first.done) throw notFound();
  const head = first.value;
  let sentHead = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * A check run as the spec's probe operation (a scoped or widget token): its outcome as a `ConnectorCheck`. What
 * the source said is the outcome; a failure to reach the API at all, or an abort, is not a check result.
 */
export async function probeCheck(id: string, probe: { entity: string }, run: () => Promise<unknown>): Promise<ConnectorCheck> {
  try {
    await run();
    return {
      id,
      status: "succeeded",
      errorMessage: null,
      entities: [{ entity: probe.entity, status: "succeeded", statusCode: 200, errorMessage: null }],
    };
  } catch (error) {
    if (!isApiError(error)) throw error;
    const statusCode = typeof error.status === "number" ? error.status : null;
    return {
      id,
      status: "failed",
      errorMessage: error.message,
      entities: [{ entity: probe.entity, status: "failed", statusCode, errorMessage: error.message }],
    };
  }
}
