import { loadConnectorRuntime } from "../connectors/load-runtime";
import { ConnectorResolutionError } from "../errors/classes";
import { checkArgument, checkCallOptions } from "../input/call-options";
import { requireText, requireUuid } from "../input/invalid-input";
import { loadChunk } from "../load-chunk";
import { startDeadline } from "../transport/call-deadline";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import {
  type Connector,
  type ConnectorCheck,
  type ConnectorInfo,
  type CreateConnectorInput,
  toConnector,
  toConnectorInfo,
  type UpdateConnectorInput,
} from "./connector-types";
import { API } from "./context";
import type { WorkspaceScope } from "./workspace-scope";

/**
 * The connector writes and inspect, with the checks of their inputs (connector-extras.ts), imported on first use.
 *
 * @example
 * ```ts
 * await (await connectorExtras()).checkConnectorInput("connectors.create", input);
 * ```
 */
export const connectorExtras = (): Promise<typeof import("./connector-extras")> =>
  loadChunk("connector setup code", () => import("./connector-extras"));

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
    checkArgument("connectors.list", "filter", filter);
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
    const connectors = data.data.map(toConnectorInfo);
    // Paging a `{ connectorId }` handle needs the connector's type: what a listing shows saves it a GET.
    for (const c of connectors)
      this.#scope.ctx.connectorIds.noteKind(c.id, { type: c.connectorName ?? c.connectorType, definitionId: c.definitionId });
    return connectors;
  }

  /**
   * Forgets the connector ids this client resolved from slugs in the workspace, so the next call through a slug
   * (`connector("stripe")`) lists the connectors again. Creating, renaming or deleting a connector through this
   * client does it already; call it when one changed elsewhere: the connect widget created one, another server
   * renamed one. A handle that already resolved its slug keeps its connector. Sends nothing.
   *
   * @example
   * ```ts
   * openConnectWidget({ token, onEvent: (event) => event.type === "connector.created" && ws.connectors.invalidate() });
   * ```
   */
  invalidate(): void {
    this.#scope.ctx.connectorIds.forget(this.#scope.name);
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
    const connector = toConnector(data);
    this.#scope.ctx.connectorIds.noteKind(connector.id, { type: connector.connectorType, definitionId: connector.definitionId });
    return connector;
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
    return (await connectorExtras()).createConnector(this.#scope, input, options);
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
    return (await connectorExtras()).updateConnector(this.#scope, connectorId, input, options);
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
    return (await connectorExtras()).deleteConnector(this.#scope, connectorId, options);
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
    return (await connectorExtras()).checkConnector(this.#scope, input, options);
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
    return (await connectorExtras()).inspectConnector(this.#scope, connectorId, options);
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
    // Two lists on the error path: one deadline for both.
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    const runtime = await loadConnectorRuntime();
    const catalog = await runtime.loadCatalog(slug);
    const toCandidate = (c: ConnectorInfo) => ({ id: c.id, name: c.name, connectorType: c.connectorType });
    if (catalog) {
      const ofType = await this.list({ definitionId: catalog.definitionId }, call);
      if (ofType.length === 1) return ofType[0] as ConnectorInfo;
      throw new ConnectorResolutionError({
        code: ofType.length === 0 ? "connector_not_found" : "connector_ambiguous",
        connector: runtime.catalogKey(slug),
        workspaceName: this.#scope.name,
        // With none of that type, the workspace's connectors are the candidates (one more request, on the error path only).
        candidates: (ofType.length === 0 ? await this.list({}, call) : ofType).map(toCandidate),
      });
    }
    const all = await this.list({}, call);
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
