import { ConnectorResolutionError } from "../errors/classes";
import { checkCallOptions } from "../input/call-options";
import { invalidInput, requireObject, requireText, requireUuid } from "../input/invalid-input";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import {
  type Connector,
  type ConnectorCheck,
  type ConnectorInfo,
  type CreateConnectorInput,
  toConnector,
  toConnectorCheck,
  toConnectorInfo,
  type UntypedCreateConnectorInput,
  type UpdateConnectorInput,
} from "./connector-types";
import { API } from "./context";
import type { WorkspaceScope } from "./workspace-scope";

/** The typed-connector runtime, imported on first use (connectors/runtime.ts). */
const connectorRuntime = () => import("../connectors/runtime");

/**
 * A connector's context-store readiness and identity (api-notes §3 C9, preview).
 *
 * @example
 * ```ts
 * const info: ConnectorInspection = await ws.connectors.inspect(id);
 * ```
 */
export interface ConnectorInspection {
  connectorId: string;
  name: string;
  workspaceId: string;
  organizationId: string;
  definitionId: string;
  definitionName: string;
  contextStore: { supportedEntities: { entity: string; suggested: boolean }[]; configuredCacheEntities: unknown[] };
  warnings: unknown[];
}

async function createBody(what: string, workspaceName: string, input: CreateConnectorInput): Promise<Record<string, unknown>> {
  requireObject(what, "input", input, false);
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
    const runtime = await connectorRuntime();
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
  requireObject(what, "input", input, false);
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
  requireObject(what, "input", input, false);
  if ("connectorId" in input && input.connectorId !== undefined) {
    requireUuid(what, "connectorId", input.connectorId);
    updateBody(what, { ...input });
  } else await createBody(what, "", input as CreateConnectorInput);
}

/**
 * The connectors of one workspace (api-notes §3 C1-C9).
 *
 * @example
 * ```ts
 * const ws = airbyte.workspace("acme");
 * const connectors = await ws.connectors.list();
 * ```
 */
export class Connectors {
  readonly #scope: WorkspaceScope;

  constructor(scope: WorkspaceScope) {
    this.#scope = scope;
  }

  /**
   * Lists the workspace's connectors, optionally only those of one definition.
   *
   * @example
   * ```ts
   * const githubs = await ws.connectors.list({ definitionId: "ef69ef6e-aa7f-4af1-a01d-ef775033524e" });
   * ```
   */
  async list(filter: { definitionId?: string } = {}, options: CallOptions = {}): Promise<ConnectorInfo[]> {
    checkCallOptions("connectors.list", options);
    requireObject("connectors.list", "filter", filter);
    if (filter.definitionId !== undefined) requireUuid("connectors.list", "definitionId", filter.definitionId);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: `${API}/integrations/connectors`,
        query: { workspace_name: this.#scope.name, definition_id: filter.definitionId },
        schema: "ConnectorSourceListResponse",
        reads: { data: "array", "data[].id": "string" },
        auth: this.#scope.auth,
      },
      options,
    );
    return data.data.map(toConnectorInfo);
  }

  /**
   * Gets one connector by id.
   *
   * @example
   * ```ts
   * const connector = await ws.connectors.get(id);
   * ```
   */
  async get(connectorId: string, options: CallOptions = {}): Promise<Connector> {
    checkCallOptions("connectors.get", options);
    requireUuid("connectors.get", "connectorId", connectorId);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/integrations/connectors/${connectorId}`,
        schema: "ConnectorSourceGetResponse",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      options,
    );
    return toConnector(data);
  }

  /**
   * Creates a connector. Credentials are not verified here (the API checks them on first use): call
   * {@link Connectors.check} first to find bad credentials early.
   *
   * @example
   * ```ts
   * const github = await ws.connectors.create({
   *   connectorType: "GitHub",
   *   credentials: { token: githubToken },
   *   replicationConfig: { repositories: ["acme/app"] },
   * });
   * ```
   */
  async create(input: CreateConnectorInput, options: CallOptions = {}): Promise<Connector> {
    checkCallOptions("connectors.create", options);
    const body = await createBody("connectors.create", this.#scope.name, input);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "POST",
        path: `${API}/integrations/connectors`,
        body,
        schema: "ConnectorSourceCreateResponse",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      options,
    );
    // A new connector can make a slug ambiguous, or resolvable: this client's resolved ids start over.
    this.#scope.ctx.connectorIds.forget(this.#scope.name);
    return toConnector(data);
  }

  /**
   * Renames a connector or changes its replication config or entities. Needs an application token: a workspace
   * reached with `{ scopedToken: true }` gets a `PermissionDeniedError` (it never falls back to the application token).
   *
   * @example
   * ```ts
   * await ws.connectors.update(id, { replicationConfig: { repositories: ["acme/app", "acme/api"] } });
   * ```
   */
  async update(connectorId: string, input: UpdateConnectorInput, options: CallOptions = {}): Promise<Connector> {
    checkCallOptions("connectors.update", options);
    requireUuid("connectors.update", "connectorId", connectorId);
    const body = updateBody("connectors.update", input);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "PUT",
        path: path`/api/v1/integrations/connectors/${connectorId}`,
        body,
        schema: "ConnectorSourceUpdateResponse",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      options,
    );
    return toConnector(data);
  }

  /**
   * Deletes a connector. Deletion is asynchronous: the returned `jobId` tracks it, and the connector drops
   * out of `list()` once done. `jobId` is `null` when a retry found the connector already gone: an earlier
   * attempt, whose answer was lost, deleted it.
   *
   * @example
   * ```ts
   * const { jobId } = await ws.connectors.delete(id);
   * ```
   */
  async delete(connectorId: string, options: CallOptions = {}): Promise<{ jobId: string | null }> {
    checkCallOptions("connectors.delete", options);
    requireUuid("connectors.delete", "connectorId", connectorId);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "DELETE",
        path: path`/api/v1/integrations/connectors/${connectorId}`,
        schema: "ConnectorSourceDeleteAcceptedResponse",
        reads: { job_id: "string" },
        auth: this.#scope.auth,
      },
      options,
    );
    this.#scope.ctx.connectorIds.forget(this.#scope.name);
    return { jobId: data === null ? null : data.job_id };
  }

  /**
   * Checks a configuration before creating it, or an existing connector with changes (`connectorId` given).
   *
   * @example
   * ```ts
   * const result = await ws.connectors.check({ connectorType: "Stripe", credentials: { api_key } });
   * ```
   */
  async check(
    input: CreateConnectorInput | (UpdateConnectorInput & { connectorId: string }),
    options: CallOptions = {},
  ): Promise<ConnectorCheck> {
    checkCallOptions("connectors.check", options);
    requireObject("connectors.check", "input", input, false);
    const request =
      "connectorId" in input && input.connectorId !== undefined
        ? {
            path: path`/api/v1/integrations/connectors/${requireUuid("connectors.check", "connectorId", input.connectorId)}/check`,
            body: updateBody("connectors.check", { ...input }),
          }
        : {
            path: `${API}/integrations/connectors/check`,
            body: await createBody("connectors.check", this.#scope.name, input as CreateConnectorInput),
          };
    const { data } = await this.#scope.ctx.transport.request(
      { method: "POST", ...request, schema: "ConnectorSourceCheckConfigResponse", reads: { id: "string" }, auth: this.#scope.auth },
      options,
    );
    return toConnectorCheck(data);
  }

  /**
   * Shows a connector's context-store readiness (preview; api-notes §3 C9).
   *
   * @example
   * ```ts
   * const { contextStore } = await ws.connectors.inspect(id);
   * ```
   */
  async inspect(connectorId: string, options: CallOptions = {}): Promise<ConnectorInspection> {
    checkCallOptions("connectors.inspect", options);
    requireUuid("connectors.inspect", "connectorId", connectorId);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/integrations/connectors/${connectorId}/inspect`,
        schema: "ConnectorInspectSchema",
        reads: {},
        auth: this.#scope.auth,
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
   * Finds the one connector a slug names. A published connector's slug (`github`, `zendesk-support`) or display
   * name maps to its definition id offline, and the API lists the connectors of that definition (the Python SDK's
   * way); anything else matches an instance name, type, slug or id case-insensitively. None or several is a
   * `ConnectorResolutionError` listing the candidates.
   *
   * @example
   * ```ts
   * const id = await ws.connectors.resolve("stripe");
   * ```
   */
  async resolve(slug: string, options: CallOptions = {}): Promise<ConnectorInfo> {
    checkCallOptions("connectors.resolve", options);
    requireText("connectors.resolve", "slug", slug);
    const runtime = await connectorRuntime();
    const catalog = await runtime.loadCatalog(slug);
    const toCandidate = (c: ConnectorInfo) => ({ id: c.id, name: c.name, connectorType: c.connectorType });
    if (catalog) {
      const ofType = await this.list({ definitionId: catalog.definitionId }, options);
      if (ofType.length === 1) return ofType[0] as ConnectorInfo;
      throw new ConnectorResolutionError({
        code: ofType.length === 0 ? "connector_not_found" : "connector_ambiguous",
        connector: runtime.catalogKey(slug),
        workspaceName: this.#scope.name,
        // With none of that type, the workspace's connectors are the candidates (one more request, on the error path only).
        candidates: (ofType.length === 0 ? await this.list({}, options) : ofType).map(toCandidate),
      });
    }
    const all = await this.list({}, options);
    const wanted = slug.toLowerCase();
    const byId = all.filter((c) => c.id.toLowerCase() === wanted);
    const byName = all.filter(
      (c) => c.connectorName?.toLowerCase() === wanted || c.connectorType.toLowerCase() === wanted || c.name.toLowerCase() === wanted,
    );
    const matches = byId.length > 0 ? byId : byName;
    if (matches.length === 1) return matches[0] as ConnectorInfo;
    throw new ConnectorResolutionError({
      code: matches.length === 0 ? "connector_not_found" : "connector_ambiguous",
      connector: slug,
      workspaceName: this.#scope.name,
      candidates: (matches.length === 0 ? all : matches).map(toCandidate),
    });
  }
}
