import type {
  AskResult,
  Automation,
  CallOptions,
  Connector,
  ConnectorInfo,
  ConnectorRef,
  CreateConnectorInput,
  Definition,
  ExecuteOptions,
  ExecutionResult,
  ListWorkspacesInput,
  PageIterator,
  PaginateOptions,
  UpdateConnectorInput,
  Workflow,
  WorkspaceInfo,
} from "@airbyte-agents/core";
// Runtime imports come from the browser entry: it holds the errors and guards without the credential code.
import { ValidationError } from "@airbyte-agents/core/browser";
import type { OpenConnectWidget } from "./connect-widget";

/**
 * What the hooks need from one connector handle: `execute`, plus `paginate`, `download` and `get` when the client
 * offers them. A paged query asks `paginate` for one page at a time, from the previous page's cursor as its
 * `startCursor` option; without `paginate`, it reads each page's cursor from its meta as given. Core's
 * `ConnectorHandle` satisfies it.
 *
 * @example
 * ```ts
 * const stripe: AirbyteConnectorHandleLike = airbyte.workspace("acme").connector("stripe");
 * ```
 */
export interface AirbyteConnectorHandleLike {
  execute<T = unknown>(
    entity: string,
    action: string,
    params?: Record<string, unknown>,
    options?: ExecuteOptions & CallOptions,
  ): Promise<ExecutionResult<T>>;
  paginate?(entity: string, action: string, params?: Record<string, unknown>, options?: PaginateOptions): PageIterator<unknown>;
  download?(entity: string, params: Record<string, unknown>, options?: CallOptions): Promise<ReadableStream<Uint8Array>>;
  get?(options?: CallOptions): Promise<Connector>;
}

/**
 * What the hooks need from a workspace's connectors: `list`, plus the writes the client allows (a widget token
 * cannot update a connector, for example). Core's `Connectors` satisfies it.
 *
 * @example
 * ```ts
 * const connectors: AirbyteConnectorsLike = airbyte.workspace("acme").connectors;
 * ```
 */
export interface AirbyteConnectorsLike {
  list(filter?: { definitionId?: string }, options?: CallOptions): Promise<ConnectorInfo[]>;
  create?(input: CreateConnectorInput, options?: CallOptions): Promise<Connector>;
  update?(connectorId: string, input: UpdateConnectorInput, options?: CallOptions): Promise<Connector>;
  delete?(connectorId: string, options?: CallOptions): Promise<{ jobId: string | null }>;
  /** Forgets the slugs the client resolved in the workspace (a connector changed outside it, e.g. in the widget). */
  invalidate?(): void;
}

/**
 * One workspace as the hooks see it. Core's `WorkspaceClient` satisfies it, and so does a widget client, which is
 * bound to the one workspace of its token.
 *
 * @example
 * ```ts
 * const ws: AirbyteWorkspaceLike = airbyte.workspace("acme");
 * ```
 */
export interface AirbyteWorkspaceLike {
  readonly connectors: AirbyteConnectorsLike;
  connector(ref: ConnectorRef): AirbyteConnectorHandleLike;
  ask?(prompt: string, options?: CallOptions): Promise<AskResult>;
  readonly workflows?: { list(options?: CallOptions): Promise<Workflow[]> };
  readonly automations?: { list(workflowId?: string, options?: CallOptions): Promise<Automation[]> };
}

/**
 * A client that reaches any workspace of the organization by name: what `createClient()` returns.
 *
 * @example
 * ```tsx
 * const airbyte: AirbyteServerClientLike = createClient({ baseUrl, clientId, clientSecret });
 * <AirbyteProvider client={airbyte} workspace="acme" />;
 * ```
 */
export interface AirbyteServerClientLike {
  workspace(name?: string): AirbyteWorkspaceLike;
  readonly options?: { readonly workspaceName?: string | undefined };
  readonly definitions?: { list(filter?: { name?: string }, options?: CallOptions): Promise<Definition[]> };
  readonly workspaces?: {
    list(input?: ListWorkspacesInput, options?: CallOptions): Promise<{ data: WorkspaceInfo[]; nextCursor: string | null }>;
  };
}

/**
 * A browser client bound to one workspace by its widget token: what `createWidgetClient()` from
 * `@airbyte-agents/core/browser` returns. It exposes `connectors` and `connector()` directly. `workspaceName` (a
 * string, or core's async method that reads it from the token) names the workspace in cache keys; `getToken()`
 * supplies the widget token `useConnectWidget()` opens the widget with.
 *
 * @example
 * ```tsx
 * const browser = createWidgetClient({ getToken: () => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json()) });
 * <AirbyteProvider client={browser} openConnectWidget={openConnectWidget} />;
 * ```
 */
export interface AirbyteWidgetClientLike extends AirbyteWorkspaceLike {
  readonly workspaceName?: string | ((options?: CallOptions) => Promise<string>) | undefined;
  /** The current widget token (base64 `{token, widgetUrl}`), refreshed by the client when near expiry. */
  getToken?(options?: CallOptions): Promise<string>;
  readonly openConnectWidget?: OpenConnectWidget;
  readonly definitions?: { list(filter?: { name?: string }, options?: CallOptions): Promise<Definition[]> };
}

/**
 * Any client `<AirbyteProvider>` accepts: a server-style client or a widget client. The type is structural, so a
 * wrapper (a proxy through your backend, a test double) works as long as it has these methods.
 *
 * @example
 * ```tsx
 * function App({ client }: { client: AirbyteClientLike }) {
 *   return <AirbyteProvider client={client}><Connectors /></AirbyteProvider>;
 * }
 * ```
 */
export type AirbyteClientLike = AirbyteServerClientLike | AirbyteWidgetClientLike;

/** The workspace used when neither the provider nor the client names one (core's default too). */
export const DEFAULT_WORKSPACE = "default";

function isServerClient(client: AirbyteClientLike): client is AirbyteServerClientLike {
  return typeof (client as { workspace?: unknown }).workspace === "function";
}

/** A widget client's workspace name when it is known without a request (a plain string property). */
function ownWorkspaceName(client: AirbyteWidgetClientLike): string | undefined {
  return typeof client.workspaceName === "string" ? client.workspaceName : undefined;
}

/** Core's widget client reads its workspace from the token: this is that (async) reader, if any. */
export function workspaceNameReader(client: AirbyteClientLike): (() => Promise<string>) | undefined {
  if (isServerClient(client)) return undefined;
  const read = client.workspaceName;
  return typeof read === "function" ? () => read.call(client) : undefined;
}

export function mismatch(own: string, asked: string): Error {
  return new Error(`Airbyte: the widget client is bound to workspace "${own}", but workspace "${asked}" was asked for`);
}

/**
 * The workspace name that keys the cache when it can be known now: the one asked for, else the client's own;
 * undefined when only an async read of the token can tell. A widget client's token fixes its workspace, so asking
 * for another is a programming error; failing loudly beats caching one tenant's data under another tenant's key.
 */
export function knownWorkspaceName(client: AirbyteClientLike, workspace?: string): string | undefined {
  if (isServerClient(client)) return workspace ?? client.options?.workspaceName ?? DEFAULT_WORKSPACE;
  const own = ownWorkspaceName(client);
  if (own !== undefined && workspace !== undefined && own !== workspace) throw mismatch(own, workspace);
  if (own === undefined && workspace === undefined && workspaceNameReader(client)) return undefined;
  return own ?? workspace ?? DEFAULT_WORKSPACE;
}

/** {@link knownWorkspaceName} for the option factories, which cannot wait: they need `workspace` for such clients. */
export function resolveWorkspaceName(client: AirbyteClientLike, workspace?: string): string {
  const name = knownWorkspaceName(client, workspace);
  if (name === undefined) {
    throw new Error(
      "Airbyte: this widget client reads its workspace from the token; pass { workspace } to the option factory (<AirbyteProvider> waits for it instead)",
    );
  }
  return name;
}

export function workspaceOf(client: AirbyteClientLike, workspace: string): AirbyteWorkspaceLike {
  return isServerClient(client) ? client.workspace(workspace) : client;
}

export function definitionsOf(client: AirbyteClientLike): AirbyteServerClientLike["definitions"] {
  return client.definitions;
}

export function workspacesOf(client: AirbyteClientLike): AirbyteServerClientLike["workspaces"] {
  return isServerClient(client) ? client.workspaces : undefined;
}

/** A typed error for a method this client does not offer (a widget token cannot list workspaces, for example). */
export function unsupported(what: string): ValidationError {
  const message = `${what} is not available on this client (widget clients only reach their own workspace's connectors; use a server client)`;
  return new ValidationError(message, { code: "invalid_input", issues: [{ path: what, message: "not available on this client" }] });
}

/** The method, or a rejected `ValidationError` when the client lacks it. */
export function required<T>(method: T | undefined, what: string): T {
  if (method === undefined) throw unsupported(what);
  return method;
}
