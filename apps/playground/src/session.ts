// The browser side of the token flow. The page holds a widget token only: the server (server.mjs) mints it with
// the client secret for the picked demo user's workspace and this page's origin. Nothing here can mint an
// application token: `@airbyte-agents/core/browser` has no such code, and questions go through the server.
import type { AskResult } from "@airbyte-agents/core";
import { createWidgetClient, openConnectWidget, type WidgetClient } from "@airbyte-agents/core/browser";
import type { AirbyteWidgetClientLike, OpenConnectWidget } from "@airbyte-agents/react";
import { createInspector, type Inspector } from "./teach/inspector";

/** What `GET /api/config` answers: where API calls go. Never a credential. */
export interface PlaygroundConfig {
  mode: "emulator" | "hosted";
  /** `direct`: the browser calls the API with CORS; `proxy`: through the server's `/api/airbyte/proxy`. */
  api: "direct" | "proxy";
  apiBaseUrl: string;
}

/** An error from one of the playground server's own routes, typed like core's errors. */
export class PlaygroundApiError extends Error {
  override readonly name = "PlaygroundApiError";
  readonly code: string;
  readonly status: number | null;
  readonly requestId: string | null;

  constructor(
    message: string,
    fields: { code?: string | undefined; status?: number | null | undefined; requestId?: string | null | undefined },
  ) {
    super(message);
    this.code = fields.code ?? "server_error";
    this.status = fields.status ?? null;
    this.requestId = fields.requestId ?? null;
  }
}

async function failure(response: Response, what: string): Promise<PlaygroundApiError> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: string | { code?: string; status?: number; requestId?: string; message?: string };
    code?: string;
    requestId?: string;
  };
  const error = typeof body.error === "object" && body.error !== null ? body.error : {};
  const message = typeof body.error === "string" ? body.error : (error.message ?? `${what} failed`);
  return new PlaygroundApiError(`${response.status} ${what}: ${message}`, {
    code: error.code ?? body.code ?? (response.status === 401 ? "unauthorized" : "server_error"),
    status: response.status,
    requestId: error.requestId ?? body.requestId ?? response.headers.get("x-request-id"),
  });
}

export async function fetchConfig(): Promise<PlaygroundConfig> {
  const response = await fetch("/api/config");
  if (!response.ok) throw await failure(response, "GET /api/config");
  const config = (await response.json()) as PlaygroundConfig;
  // The proxy's base is relative to this page.
  return { ...config, apiBaseUrl: new URL(config.apiBaseUrl, location.origin).href.replace(/\/+$/, "") };
}

/** How the current widget token was fetched: shown in the UI, never the token itself. */
export interface TokenStatus {
  fetches: number;
  expiresAt: string | null;
}

/**
 * One signed-in demo user: a widget client whose `getToken` calls the server's token route, and the hooks' client
 * around it (with `ask` through the server). A new session (and widget client) per user, as core's docs ask.
 */
export interface Session {
  readonly userId: string;
  readonly browser: WidgetClient;
  /** What <AirbyteProvider> gets: the widget client's calls, plus `ask` through the playground server. */
  readonly client: AirbyteWidgetClientLike;
  /** Every request the page made (core's hooks, headers redacted), for the inspector. */
  readonly inspector: Inspector;
  tokenStatus(): TokenStatus;
  subscribe(listener: () => void): () => void;
}

/** Core's `openConnectWidget`, styled by the playground's CSS (`dialog.connect-widget`). */
export const openWidget: OpenConnectWidget = (options) =>
  openConnectWidget({ ...options, className: "connect-widget", title: "Connect a data source" });

export function createSession(config: PlaygroundConfig, userId: string): Session {
  let status: TokenStatus = { fetches: 0, expiresAt: null };
  const listeners = new Set<() => void>();
  const headers = { "x-demo-user": userId };

  const getToken = async (): Promise<{ token: string; expiresAt: string }> => {
    const response = await fetch("/api/airbyte/widget-token", { method: "POST", headers });
    if (!response.ok) throw await failure(response, "POST /api/airbyte/widget-token");
    const body = (await response.json()) as { token: string; expiresAt: string };
    status = { fetches: status.fetches + 1, expiresAt: body.expiresAt };
    for (const listener of listeners) listener();
    return body;
  };

  const inspector = createInspector();
  // Core's hooks see every request with its headers already redacted: the inspector never holds a token.
  const browser = createWidgetClient({ getToken, baseUrl: config.apiBaseUrl, hooks: inspector.hooks });

  // Questions need the application token, so the server asks them (POST /api/airbyte/ask) for the user's workspace.
  const ask = async (prompt: string, options: { signal?: AbortSignal | undefined } = {}): Promise<AskResult> => {
    const sentAt = performance.now();
    const response = await fetch("/api/airbyte/ask", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ prompt }),
      signal: options.signal ?? null,
    });
    const requestId = response.headers.get("x-request-id");
    inspector.record({
      method: "POST",
      path: "/api/airbyte/ask",
      attempt: 0,
      // What this page sent: the demo user and the body's type; the server adds the application token itself.
      headers: { ...headers, "content-type": "application/json" },
      status: response.status,
      durationMs: performance.now() - sentAt,
      ...(requestId ? { requestId } : {}),
    });
    if (!response.ok) throw await failure(response, "POST /api/airbyte/ask");
    return (await response.json()) as AskResult;
  };

  return {
    userId,
    browser,
    client: {
      workspaceName: (options) => browser.workspaceName(options),
      getToken: (options) => browser.getToken(options),
      connectors: browser.connectors,
      connector: (ref) => browser.connector(ref),
      ask,
    },
    inspector,
    tokenStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
