import { type AirbyteClient, createClient } from "./client";
import type { ConnectorSlug, TypedConnector } from "./connectors/typed";
import type { ClientOptions } from "./options";
import type { ConnectorHandle } from "./resources/connector";
import { WorkspaceClient, workspaceScopeOf } from "./resources/workspace";

/**
 * Options of {@link connect} and {@link Workspace}: the client's options plus the workspace.
 *
 * @example
 * ```ts
 * const opts: ConnectOptions = { workspaceName: "acme", connectorId: "…" };
 * ```
 */
export interface ConnectOptions extends ClientOptions {
  /** Skip slug resolution and use this connector. */
  connectorId?: string;
}

/**
 * The Python SDK's `connect()`: a connector handle in one call, with credentials from the environment.
 *
 * @example
 * ```ts
 * const stripe = connect("stripe", { workspaceName: "acme" });
 * const { data } = await stripe.execute("customers", "list", { limit: 5 });
 * ```
 */
export function connect<S extends ConnectorSlug>(slug: S, options?: ConnectOptions): TypedConnector<S>;
export function connect(slug: string, options?: ConnectOptions): ConnectorHandle;
export function connect(slug: string, options: ConnectOptions = {}): unknown {
  const { connectorId, ...clientOptions } = options;
  const workspace = createClient(clientOptions).workspace();
  return workspace.connector(connectorId ? { connectorId, type: slug } : slug);
}

// Runtimes without Symbol.asyncDispose (Node < 20.4) get the registry symbol that TypeScript's downlevel `await using` looks for.
function asyncDisposeSymbol(): symbol {
  return (Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol.for("Symbol.asyncDispose");
}

/**
 * `[Symbol.asyncDispose]` in the types only where the consumer's TypeScript lib knows that symbol, so the
 * declarations still compile in projects without `esnext.disposable`.
 *
 * @example
 * ```ts
 * const disposable: AsyncDisposeShape = new Workspace();
 * ```
 */
export type AsyncDisposeShape = SymbolConstructor extends { readonly asyncDispose: infer K extends symbol }
  ? { [P in K]: () => Promise<void> }
  : unknown;

/**
 * The Python SDK's `Workspace`: a workspace with its own client. `await using` (or `close()`) cancels
 * whatever it still has in flight and refuses new calls.
 *
 * @example
 * ```ts
 * await using ws = new Workspace({ workspaceName: "acme" });
 * const connectors = await ws.connectors.list();
 * ```
 */
class WorkspaceImpl extends WorkspaceClient {
  /** The underlying client, for tokens, definitions and administration. */
  readonly client: AirbyteClient;
  readonly #controller: AbortController;

  constructor(options: ClientOptions = {}) {
    const controller = new AbortController();
    const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    const client = createClient({
      ...options,
      fetch: (input, init) => {
        if (controller.signal.aborted) return Promise.reject(controller.signal.reason);
        const signals = [controller.signal, init?.signal].filter((s): s is AbortSignal => s instanceof AbortSignal);
        return baseFetch(input, { ...init, signal: anySignal(signals) });
      },
    });
    const workspace = client.workspace();
    super(workspaceScopeOf(workspace));
    this.client = client;
    this.#controller = controller;
    // Per instance rather than on the prototype at import time (core runs nothing at module scope); a computed
    // key of type `symbol` would not type-check as a class member, and the public type adds it (AsyncDisposeShape).
    Object.defineProperty(this, asyncDisposeSymbol(), { value: () => this.close(), configurable: true });
  }

  /**
   * Cancels in-flight requests and makes later calls fail with an abort error.
   *
   * @example
   * ```ts
   * const ws = new Workspace(); try { … } finally { await ws.close(); }
   * ```
   */
  async close(): Promise<void> {
    // An AbortError reason, so the transport reports AbortError (not a retryable network error) for later calls.
    this.#controller.abort(closedReason());
  }
}

/**
 * The Python SDK's `Workspace`: a workspace with its own client. `await using` (or `close()`) cancels
 * whatever it still has in flight and refuses new calls.
 *
 * @example
 * ```ts
 * await using ws = new Workspace({ workspaceName: "acme" });
 * const connectors = await ws.connectors.list();
 * ```
 */
export type Workspace = WorkspaceImpl & AsyncDisposeShape;

/**
 * Creates a {@link Workspace}.
 *
 * @example
 * ```ts
 * await using ws = new Workspace({ workspaceName: "acme" });
 * ```
 */
export const Workspace: new (options?: ClientOptions) => Workspace = WorkspaceImpl as never;

function closedReason(): Error {
  if (typeof DOMException === "function") return new DOMException("Workspace closed", "AbortError");
  const error = new Error("Workspace closed");
  error.name = "AbortError";
  return error;
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (any) return any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
