// The browser client. It reaches the API with the widget (scoped) token only: nothing here, nor anything it
// imports, can mint an application token (architecture §5). Keep it off client.ts, options.ts and client-credentials.ts.
import { createTokenCache } from "../auth/token-cache";
import { createMemoryTokenStore } from "../auth/token-store";
import { type ParsedWidgetToken, parseWidgetTokenValue, type WidgetTokenValue } from "../auth/widget-token";
import { withShortcuts } from "../connectors/shortcuts";
import type { ConnectorSlug, TypedConnector } from "../connectors/typed";
import { TokenError } from "../errors/classes";
import { checkArgument, checkCallOptions } from "../input/call-options";
import { checkTransportOptions } from "../input/client-options";
import { invalidOption } from "../input/invalid-option";
import { ConnectorHandle, type ConnectorRef } from "../resources/connector";
import { createConnectorIds } from "../resources/connector-ids";
import type { ConnectorCheck, CreateConnectorInput, UpdateConnectorInput } from "../resources/connector-types";
import { Connectors, connectorExtras } from "../resources/connectors";
import type { CachedTokenProvider, ResourceContext } from "../resources/context";
import type { ScopedTokenInfo } from "../resources/tokens";
import type { WorkspaceScope } from "../resources/workspace-scope";
import { abortable } from "../transport/abortable";
import { createClientTransport, DEFAULT_BASE_URL } from "../transport/client-transport";
import type { Hooks } from "../transport/hooks";
import type { Logger, LogLevel } from "../transport/logger";
import type { CallOptions, TokenProvider, ValidationMode } from "../transport/transport";

/**
 * Options of {@link createWidgetClient}. There is deliberately no credential field: the browser only ever
 * holds a widget or scoped token, which `getToken` fetches from your server (`createWidgetTokenHandler`).
 *
 * @example
 * ```ts
 * const options: WidgetClientOptions = {
 *   getToken: () => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json()),
 *   baseUrl: `${location.origin}/api/airbyte`, // through createProxyHandler({ prefix: "/api/airbyte" })
 * };
 * ```
 */
export interface WidgetClientOptions {
  /**
   * Returns a fresh token: the widget token string, `{ token, expiresAt }` as `createWidgetTokenHandler`
   * answers, or a plain scoped JWT. Called on first use, about 60 s before expiry, and once after a 401.
   */
  getToken: () => WidgetTokenValue | Promise<WidgetTokenValue>;
  /**
   * Default `https://api.airbyte.ai` (direct calls; the API must answer CORS for your origin). To go through
   * your own server instead, use `${location.origin}/api/airbyte` with `createProxyHandler({ prefix: "/api/airbyte" })`.
   */
  baseUrl?: string | undefined;
  /**
   * A fetch implementation. Default: the global `fetch`.
   * Called as `fetch(url, init)`: `url` a string, `init.headers` a plain object whose names are lower-case.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-attempt timeout in ms. Default 30 000; execute and download default to 300 000. */
  timeout?: number | undefined;
  /** Overall budget in ms for a call, retries and waits included. Default: none. */
  deadline?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  hooks?: Hooks | undefined;
  logger?: Logger | undefined;
  /** Default `"warn"`. */
  logLevel?: LogLevel | undefined;
  /**
   * How responses are checked against the API's schemas. Default `"lenient"`: only the fields the SDK reads
   * must match; `"strict"` (for tests) throws on any difference.
   */
  validation?: ValidationMode | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
}

/**
 * The connectors of the widget token's workspace. Listing and creating fill in the workspace name, read
 * once from the token (`GET scoped-token/info`). `update`, `check` and `inspect` are sent with the widget token
 * too, and the API refuses them (403): they need an application token, so run them on your server.
 *
 * @example
 * ```ts
 * const connectors = await browser.connectors.list();
 * const created = await browser.connectors.create({ connectorType: "Stripe", credentials: { api_key } });
 * ```
 */
export class WidgetConnectors extends Connectors {
  readonly #ready: (options: CallOptions) => Promise<unknown>;
  readonly #ids: WorkspaceScope["ctx"]["connectorIds"];

  constructor(scope: WorkspaceScope, ready: (options: CallOptions) => Promise<unknown>) {
    super(scope);
    this.#ready = ready;
    this.#ids = scope.ctx.connectorIds;
  }

  // The token's workspace is the client's only one, and its name may not be loaded yet (then nothing is resolved).
  override invalidate(): void {
    this.#ids.forget();
  }

  override async list(filter: { definitionId?: string } = {}, options: CallOptions = {}) {
    checkCallOptions("connectors.list", options);
    checkArgument("connectors.list", "filter", filter);
    await this.#ready(options);
    return super.list(filter, options);
  }

  override async create(input: CreateConnectorInput, options: CallOptions = {}) {
    checkCallOptions("connectors.create", options);
    await (await connectorExtras()).checkConnectorInput("connectors.create", input);
    await this.#ready(options);
    return super.create(input, options);
  }

  override async check(
    input: CreateConnectorInput | (UpdateConnectorInput & { connectorId: string }),
    options: CallOptions = {},
  ): Promise<ConnectorCheck> {
    checkCallOptions("connectors.check", options);
    await (await connectorExtras()).checkConnectorInput("connectors.check", input);
    await this.#ready(options);
    return super.check(input, options);
  }
}

/**
 * A handle on one connector of the widget token's workspace: `execute`, `paginate`, `download`, `get`,
 * `delete`. A slug (`"stripe"`) is resolved in that workspace on first use.
 *
 * @example
 * ```ts
 * const stripe = browser.connector("stripe");
 * const { data } = await stripe.execute("customers", "list", { limit: 10 });
 * ```
 */
export class WidgetConnectorHandle extends ConnectorHandle {
  readonly #ready: (options: CallOptions) => Promise<unknown>;

  constructor(scope: WorkspaceScope, ref: ConnectorRef, ready: (options: CallOptions) => Promise<unknown>) {
    super(scope, ref);
    this.#ready = ready;
  }

  // Every operation of ConnectorHandle starts with id(); resolving a slug lists the workspace by name.
  override async id(options: CallOptions = {}): Promise<string> {
    checkCallOptions("connector.id", options);
    await this.#ready(options);
    return super.id(options);
  }
}

/**
 * The browser client: workspace-scoped calls with a widget token that your server mints. It cannot hold a
 * client secret, and its bundle has no code that mints an application token.
 *
 * @example
 * ```ts
 * const browser = createWidgetClient({ getToken: () => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json()) });
 * const connectors = await browser.connectors.list();
 * const widget = openConnectWidget({ token: await browser.getToken(), getToken: () => browser.getToken() });
 * ```
 */
export interface WidgetClient {
  /** `"widget"`: tells this client from a server `AirbyteClient`. */
  readonly kind: "widget";
  readonly baseUrl: string;
  readonly connectors: WidgetConnectors;
  /** A handle on one connector of the token's workspace, by slug or `{ connectorId }`; typed for published slugs. */
  connector<S extends ConnectorSlug>(ref: S | { connectorId: string; type: S }): TypedConnector<S, WidgetConnectorHandle>;
  connector(ref: ConnectorRef): WidgetConnectorHandle;
  /**
   * The token's workspace name, read once with `GET /account/applications/scoped-token/info` and then kept:
   * create a new client when the signed-in user (and so the workspace `getToken` answers for) changes.
   */
  workspaceName(options?: CallOptions): Promise<string>;
  /** The token's organization, workspace id and name (cached like {@link WidgetClient.workspaceName}). */
  info(options?: CallOptions): Promise<ScopedTokenInfo>;
  /** The current widget token (base64 `{token, widgetUrl}`), refreshed when near expiry: give it to `openConnectWidget`. */
  getToken(options?: CallOptions): Promise<string>;
  /** The current bearer (the scoped JWT inside the widget token), refreshed when near expiry. */
  token(options?: CallOptions): Promise<string>;
}

/**
 * Creates the browser client. `getToken` is called lazily: nothing is sent until the first call.
 *
 * @example
 * ```ts
 * import { createWidgetClient } from "@airbyte-agents/core/browser";
 *
 * const browser = createWidgetClient({
 *   getToken: () => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json()),
 * });
 * for await (const customer of browser.connector("stripe").paginate("customers", "list", { limit: 100 })) {
 *   console.log(customer);
 * }
 * ```
 */
export function createWidgetClient(options: WidgetClientOptions): WidgetClient {
  checkTransportOptions("createWidgetClient", options);
  if (typeof options?.getToken !== "function") throw invalidOption("createWidgetClient", "getToken", "a function", options?.getToken);
  const { transport, secrets, logger } = createClientTransport({
    ...options,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    timeoutMs: options.timeout,
    longTimeoutMs: options.timeout,
    deadlineMs: options.deadline,
  });
  const now = () => Date.now();
  const { baseUrl } = transport.config;

  // The last parsed token, so getToken() can hand the widget the same token the API calls use.
  let current: ParsedWidgetToken | undefined;
  const cache = createTokenCache({
    key: "widget",
    store: createMemoryTokenStore(),
    now,
    mint: async () => {
      let value: WidgetTokenValue;
      try {
        value = await options.getToken();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new TokenError(`getToken() failed: ${detail}`, { code: "token_refresh_failed", cause: error, redact: secrets.redact });
      }
      const parsed = parseWidgetTokenValue(value, now(), secrets.redact);
      secrets.addRotating(parsed.bearer);
      secrets.addRotating(parsed.widgetToken);
      current = parsed;
      return { token: parsed.bearer, expiresAt: parsed.expiresAt };
    },
  });
  const auth: TokenProvider = cache;

  // Resources reach a scoped workspace with its own token; should any ask for the application token, they stop
  // here, before sending: a widget client never holds one.
  const noApplicationToken: CachedTokenProvider = {
    get: async () => {
      throw new TokenError(
        "This call needs an application token, which a widget client never holds: make it on your server with createClient()",
        { code: "missing_credentials" },
      );
    },
    invalidate: () => undefined,
    peek: async () => undefined,
  };
  const ctx: ResourceContext = {
    transport,
    logger,
    appToken: noApplicationToken,
    scopedToken: () => noApplicationToken,
    defaultWorkspace: "",
    connectorIds: createConnectorIds(now),
  };

  let info: ScopedTokenInfo | undefined;
  let infoInflight: Promise<ScopedTokenInfo> | undefined;
  const loadInfo = (callOptions: CallOptions = {}): Promise<ScopedTokenInfo> => {
    checkCallOptions("info", callOptions);
    if (info) return Promise.resolve(info);
    if (!infoInflight) {
      // Shared by every caller, so it carries no caller's signal: one caller aborting (a StrictMode remount, a
      // cancelled query) must not fail the others. Each caller still stops waiting on its own signal below.
      const { signal: _ignored, ...shared } = callOptions;
      infoInflight = transport
        .request(
          {
            method: "GET",
            path: "/api/v1/account/applications/scoped-token/info",
            schema: "ScopedTokenInfoGetResponse",
            reads: { workspace_id: "string" },
            auth,
          },
          shared,
        )
        .then(({ data }) => {
          info = { organizationId: data.organization_id, workspaceId: data.workspace_id, workspaceName: data.workspace_name };
          return info;
        })
        .finally(() => {
          infoInflight = undefined;
        });
    }
    return abortable(infoInflight, callOptions.signal);
  };

  const scope: WorkspaceScope = {
    ctx,
    auth,
    scoped: true,
    get name(): string {
      // Every path that reads the name awaits loadInfo first (WidgetConnectors, WidgetConnectorHandle.id).
      if (!info) throw new Error("internal: the widget token's workspace was read before it was loaded");
      return info.workspaceName;
    },
    knownName: () => info?.workspaceName,
  };

  const bearer = (callOptions: CallOptions = {}) => auth.get(checkCallOptions("token", callOptions).signal);

  return {
    kind: "widget",
    baseUrl,
    connectors: new WidgetConnectors(scope, loadInfo),
    // The typed overload only adds types to the same handle.
    connector: ((ref: ConnectorRef) => withShortcuts(new WidgetConnectorHandle(scope, ref, loadInfo))) as WidgetClient["connector"],
    workspaceName: async (callOptions) => (await loadInfo(callOptions)).workspaceName,
    info: loadInfo,
    token: bearer,
    async getToken(callOptions) {
      const token = await bearer(callOptions);
      const parsed = current;
      if (!parsed || parsed.bearer !== token || parsed.widgetToken === undefined) {
        throw new TokenError("getToken() returned a scoped token without a widgetUrl: the connect widget needs a widget token", {
          code: "token_invalid",
        });
      }
      return parsed.widgetToken;
    },
  };
}
