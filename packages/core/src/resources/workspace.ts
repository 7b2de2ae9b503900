import { withShortcuts } from "../connectors/shortcuts";
import type { ConnectorSlug, TypedConnector } from "../connectors/typed";
import { checkCallOptions } from "../input/call-options";
import { invalidInput, requireObject, requireText } from "../input/invalid-input";
import type { CallOptions } from "../transport/transport";
import type { AskResult } from "./ask";
import { ConnectorHandle, type ConnectorRef } from "./connector";
import type { CreateConnectorInput } from "./connector-types";
import { Connectors } from "./connectors";
import { lazyResource } from "./lazy";
import { loadOnDemand } from "./load-on-demand";
import type { Automations, Workflows } from "./workflows";
import type { WorkspaceScope } from "./workspace-scope";

// Made on the first workspace, not at import: core runs nothing at module scope (a bundle that never makes a
// workspace drops this module whole).
let scopes: WeakMap<WorkspaceClient, WorkspaceScope> | undefined;

/** The scope behind a workspace object, so a subclass can be built over another client's workspace. */
export function workspaceScopeOf(workspace: WorkspaceClient): WorkspaceScope {
  const scope = scopes?.get(workspace);
  if (!scope) throw new Error("internal: a workspace object without its scope");
  return scope;
}

/**
 * Everything scoped to one workspace: its connectors, operations, questions and workflows.
 *
 * @example
 * ```ts
 * const ws = airbyte.workspace("acme");
 * const stripe = ws.connector("stripe");
 * for await (const c of stripe.paginate("customers", "list", { limit: 100 })) console.log(c);
 * ```
 */
export class WorkspaceClient {
  /** The workspace name every call of this object targets. */
  readonly name: string;
  readonly connectors: Connectors;
  /** Preview: `/internal/` endpoints that may change. */
  readonly workflows: Workflows;
  /** Preview: `/internal/` endpoints that may change. */
  readonly automations: Automations;
  readonly #scope: WorkspaceScope;
  #id: string | undefined;

  constructor(scope: WorkspaceScope) {
    this.#scope = scope;
    scopes ??= new WeakMap();
    scopes.set(this, scope);
    this.name = scope.name;
    this.connectors = new Connectors(scope);
    const resolveId = (options: CallOptions) => this.id(options);
    // Loaded on their first call (lazy.ts). Automations read workflows only through `list`, so the facade serves them.
    const workflows = lazyResource<Workflows>(async () => new (await loadOnDemand()).Workflows(scope, resolveId), {
      list: "async",
      create: "async",
      get: "async",
      update: "async",
      delete: "async",
    });
    this.workflows = workflows;
    this.automations = lazyResource<Automations>(async () => new (await loadOnDemand()).Automations(scope, resolveId, workflows), {
      list: "async",
      create: "async",
      get: "async",
      update: "async",
      delete: "async",
    });
  }

  /**
   * A handle on one connector of this workspace, by slug (`"stripe"`, resolved on first use) or id. A published
   * connector's slug (or `{ connectorId, type: "stripe" }`) gives the typed handle: entity, action and params are
   * checked by tsc and before sending, results are typed, and every entity has shortcuts.
   *
   * @example
   * ```ts
   * const stripe = ws.connector("stripe");
   * const { data } = await stripe.customers.list({ limit: 10 });
   * const byId = ws.connector({ connectorId });
   * ```
   */
  connector<S extends ConnectorSlug>(ref: S | { connectorId: string; type: S }): TypedConnector<S>;
  connector(ref: ConnectorRef): ConnectorHandle;
  // One runtime handle for both overloads: the typed one only adds types (and the shortcuts' Proxy serves both).
  connector(ref: ConnectorRef): unknown {
    return withShortcuts(new ConnectorHandle(this.#scope, ref));
  }

  /**
   * The workspace's id, looked up by exact name once and then remembered (the Python SDK's rule).
   *
   * @example
   * ```ts
   * const id = await ws.id();
   * ```
   */
  async id(options: CallOptions = {}): Promise<string> {
    checkCallOptions("workspace.id", options);
    if (this.#id !== undefined) return this.#id;
    if (this.#scope.scoped) {
      // A scoped token knows its own workspace: no application token, no name lookup.
      const { data } = await this.#scope.ctx.transport.request(
        {
          method: "GET",
          path: "/api/v1/account/applications/scoped-token/info",
          schema: "ScopedTokenInfoGetResponse",
          reads: { workspace_id: "string" },
          auth: this.#scope.auth,
        },
        options,
      );
      this.#id = data.workspace_id;
      return data.workspace_id;
    }
    const { Workspaces } = await loadOnDemand();
    const found = await new Workspaces(this.#scope.ctx).findByName(this.name, options);
    if (!found)
      throw invalidInput("workspace", [
        { path: "name", message: `no workspace is named ${JSON.stringify(this.name)} (names are exact and case-sensitive)` },
      ]);
    this.#id = found.id;
    return found.id;
  }

  /**
   * Asks a natural-language question across the workspace's connectors (preview).
   *
   * @example
   * ```ts
   * const { answer } = await ws.ask("How many open GitHub issues do we have?");
   * ```
   */
  ask(prompt: string, options: CallOptions = {}): Promise<AskResult> {
    checkCallOptions("ask", options);
    return loadOnDemand().then((module) => module.ask(this.#scope, prompt, options));
  }

  /**
   * Starts an OAuth connection: returns the consent URL to send the user to; the API redirects back to
   * `redirectUrl` with `connector_id` (or `error`). Needs org-level OAuth credentials for the type (preview).
   *
   * @example
   * ```ts
   * const { consentUrl } = await ws.initiateOAuth({ connectorType: "HubSpot", redirectUrl: "https://app.example.com/oauth/done" });
   * ```
   */
  async initiateOAuth(
    input: Pick<
      CreateConnectorInput,
      "definitionId" | "connectorType" | "sourceTemplateId" | "name" | "replicationConfig" | "environment"
    > & { redirectUrl: string },
    options: CallOptions = {},
  ): Promise<{ consentUrl: string }> {
    checkCallOptions("initiateOAuth", options);
    requireObject("initiateOAuth", "input", input, false);
    requireText("initiateOAuth", "redirectUrl", input?.redirectUrl);
    try {
      new URL(input.redirectUrl);
    } catch {
      throw invalidInput("initiateOAuth", [{ path: "redirectUrl", message: "expected an absolute URL" }]);
    }
    const body: Record<string, unknown> = { workspace_name: this.name, redirect_url: input.redirectUrl };
    if (input.definitionId !== undefined) body.definition_id = input.definitionId;
    if (input.connectorType !== undefined) body.connector_type = input.connectorType;
    if (input.sourceTemplateId !== undefined) body.source_template_id = input.sourceTemplateId;
    if (input.name !== undefined) body.name = input.name;
    if (input.replicationConfig !== undefined) body.replication_config = input.replicationConfig;
    if (input.environment !== undefined) body.environment = input.environment;
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "POST",
        path: "/api/v1/integrations/connectors/oauth/initiate",
        body,
        schema: "OAuthInitiateSchema",
        reads: { consent_url: "string" },
        auth: this.#scope.auth,
      },
      options,
    );
    return { consentUrl: data.consent_url };
  }
}
