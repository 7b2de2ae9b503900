import { mintApplicationToken } from "./auth/client-credentials";
import { mintScopedToken } from "./auth/scoped-token";
import { createTokenCache } from "./auth/token-cache";
import { createMemoryTokenStore } from "./auth/token-store";
import { createIndexedSecrets } from "./indexed-secrets";
import { requireText } from "./input/invalid-input";
import { checkOption, isBoolean, optionsObject } from "./input/values";
import { type ClientOptions, missingCredentials, type ResolvedClientOptions, resolveClientOptions } from "./options";
import { redactHeaderValue } from "./redact";
import { createConnectorIds } from "./resources/connector-ids";
import type { CachedTokenProvider, ResourceContext } from "./resources/context";
import type { Definitions } from "./resources/definitions";
import { lazyResource } from "./resources/lazy";
import { loadOnDemand } from "./resources/load-on-demand";
import type { OAuthCredentials } from "./resources/oauth";
import type { Admin } from "./resources/organizations";
import type { Templates } from "./resources/templates";
import type { Tokens } from "./resources/tokens";
import { WorkspaceClient } from "./resources/workspace";
import type { Workspaces } from "./resources/workspaces";
import { isBrowser, runtimeName } from "./runtime";
import { createClientTransport } from "./transport/client-transport";
import type { TokenProvider } from "./transport/transport";
import { VERSION } from "./version";

/**
 * Options of `client.workspace()`.
 *
 * @example
 * ```ts
 * airbyte.workspace("acme", { scopedToken: true });
 * ```
 */
export interface WorkspaceOptions {
  /** Reach the workspace with a scoped token (least privilege) instead of the application token. */
  scopedToken?: boolean;
}

/**
 * The Airbyte Agents client for code that holds the client secret (servers, Workers, scripts).
 *
 * @example
 * ```ts
 * const airbyte = createClient({ clientId, clientSecret });
 * const stripe = airbyte.workspace("acme").connector("stripe");
 * const { data } = await stripe.execute("customers", "list", { limit: 10 });
 * ```
 */
export interface AirbyteClient {
  /** The resolved options, without the client secret. */
  readonly options: Readonly<Omit<ResolvedClientOptions, "clientSecret" | "fetch" | "tokenStore" | "logger" | "hooks">>;
  readonly tokens: Tokens;
  readonly definitions: Definitions;
  readonly workspaces: Workspaces;
  readonly templates: Templates;
  readonly oauth: OAuthCredentials;
  /** Organizations, membership and explicit workspace creation (preview). */
  readonly admin: Admin;
  /** Everything scoped to one workspace; the default is `options.workspaceName` (`"default"`). */
  workspace(name?: string, options?: WorkspaceOptions): WorkspaceClient;
}

/**
 * Creates a client. Credentials come from the options, `configure()`, or the `AIRBYTE_*` environment
 * variables; nothing is sent until the first call.
 *
 * @example
 * ```ts
 * import { createClient } from "@airbyte-agents/core";
 *
 * const airbyte = createClient({ baseUrl: "http://127.0.0.1:8787" }); // AIRBYTE_CLIENT_ID/SECRET from the env
 * const connectors = await airbyte.workspace().connectors.list();
 * ```
 */
export function createClient(input: ClientOptions = {}): AirbyteClient {
  const options = resolveClientOptions(input);
  const { transport, secrets, logger } = createClientTransport({
    ...options,
    // Browsers refuse to set User-Agent; the SDK header identifies us everywhere.
    userAgent: isBrowser() ? undefined : `airbyte-agents-typescript/${VERSION} (${runtimeName()})`,
    // A backend that creates connectors for its users keeps every credential: thousands of secrets, indexed.
    secretLiterals: createIndexedSecrets(),
  });
  secrets.add(options.clientSecret);
  if (options.clientSecret && isBrowser()) {
    logger.warn("a client secret was given to createClient in a browser: mint widget tokens on a server and use createWidgetClient here");
  }
  const store = options.tokenStore ?? createMemoryTokenStore();
  const keyBase = `airbyte:${options.baseUrl}:${options.clientId ?? "?"}:${options.organizationId ?? "-"}`;

  const appCache = createTokenCache({
    key: `${keyBase}:app`,
    store,
    now: Date.now,
    mint: async () => {
      if (!options.clientId) throw missingCredentials("clientId");
      if (!options.clientSecret) throw missingCredentials("clientSecret");
      const minted = await mintApplicationToken(transport, options.clientId, options.clientSecret);
      secrets.addRotating(minted.token);
      return { token: minted.token, expiresAt: minted.expiresAt };
    },
  });
  const appToken: CachedTokenProvider = appCache;

  const scopedCaches = new Map<string, TokenProvider>();
  const scopedToken = (workspaceName: string): TokenProvider => {
    let cache = scopedCaches.get(workspaceName);
    if (!cache) {
      cache = createTokenCache({
        key: `${keyBase}:scoped:${workspaceName}`,
        store,
        now: Date.now,
        mint: async () => {
          const minted = await mintScopedToken(transport, appToken, { workspaceName });
          secrets.addRotating(minted.token);
          return minted;
        },
      });
      scopedCaches.set(workspaceName, cache);
    }
    return cache;
  };

  const ctx: ResourceContext = {
    transport,
    logger,
    appToken,
    scopedToken,
    defaultWorkspace: options.workspaceName,
    connectorIds: createConnectorIds(Date.now),
  };
  const { clientSecret: _secret, fetch: _fetch, tokenStore: _store, logger: _logger, hooks: _hooks, ...publicOptions } = options;
  // Which headers are set shows; a secret header's value (a proxy's Authorization) does not.
  const headers =
    options.headers &&
    Object.fromEntries(Object.entries(options.headers).map(([name, value]) => [name, redactHeaderValue(name, value, secrets.redact)]));
  return {
    options: Object.freeze({ ...publicOptions, headers }),
    // Loaded on their first call (resources/lazy.ts): a first use that only executes never bundles them.
    tokens: lazyResource<Tokens>(async () => new (await loadOnDemand()).Tokens(ctx), {
      application: "async",
      scoped: "async",
      info: "async",
      widget: "async",
    }),
    definitions: lazyResource<Definitions>(async () => new (await loadOnDemand()).Definitions(ctx), {
      list: "async",
      get: "async",
    }),
    workspaces: lazyResource<Workspaces>(async () => new (await loadOnDemand()).Workspaces(ctx), {
      list: "async",
      iterate: "iterator",
      findByName: "async",
      stats: "async",
      get: "async",
      update: "async",
      delete: "async",
    }),
    templates: lazyResource<Templates>(async () => new (await loadOnDemand()).Templates(ctx), {
      list: "async",
      get: "async",
      create: "async",
      update: "async",
      delete: "async",
    }),
    oauth: lazyResource<OAuthCredentials>(async () => new (await loadOnDemand()).OAuthCredentials(ctx), {
      set: "async",
      delete: "async",
    }),
    admin: lazyResource<Admin>(async () => new (await loadOnDemand()).Admin(ctx), {
      createOrganization: "async",
      organizations: "async",
      access: "async",
      resolveWorkosOrganizationId: "async",
      createWorkspace: "async",
      uploadWorkspaceIcon: "async",
      navigationState: "async",
    }),
    workspace(name = options.workspaceName, workspaceOptions = {}) {
      requireText("workspace", "name", name);
      const o = optionsObject("workspace", workspaceOptions);
      checkOption("workspace", o, "scopedToken", "a boolean", isBoolean);
      const scoped = o.scopedToken === true;
      return new WorkspaceClient({ ctx, name, auth: scoped ? scopedToken(name) : appToken, scoped });
    },
  };
}
