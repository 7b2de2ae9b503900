// The server half of the widget-token flow (api-notes §7 steps 1-3): a web-standard (Request) => Response handler.

import { originProblem } from "../auth/origin";
import type { AirbyteClient } from "../client";
import { isAirbyteError } from "../errors/brand";
import { isApiError, isConnectionError, isTimeoutError, isValidationError } from "../errors/guards";
import { invalidOption } from "../input/invalid-option";
import { checkOption, isFunction, isObject } from "../input/values";
import { widgetTokenFieldProblem } from "../input/widget-token-fields";
import type { WidgetTokenInput } from "../resources/tokens";

/**
 * The workspace a request may get a widget token for, as the app's own auth decides: a workspace name, or
 * the name plus the widget's template tag filters.
 *
 * @example
 * ```ts
 * const resolution: WorkspaceResolution = { workspaceName: user.tenantId, sourceTemplateTags: ["crm"] };
 * ```
 */
export type WorkspaceResolution = string | (Omit<WidgetTokenInput, "allowedOrigin"> & { workspaceName: string });

/**
 * What the handler answers on success, and what the browser's `getToken` returns as-is.
 *
 * @example
 * ```ts
 * const { token, expiresAt }: WidgetTokenResponse = await fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json());
 * ```
 */
export interface WidgetTokenResponse {
  /** The widget token: base64 JSON `{token, widgetUrl}`, bound to one workspace and one origin. */
  token: string;
  /** ISO-8601. */
  expiresAt: string;
}

/**
 * Options of {@link createWidgetTokenHandler}.
 *
 * @example
 * ```ts
 * const options: WidgetTokenHandlerOptions = {
 *   client: airbyte,
 *   allowedOrigins: ["https://app.example.com", "http://localhost:5173"],
 *   resolveWorkspace: async (request) => (await getSession(request))?.tenantId ?? null,
 * };
 * ```
 */
export interface WidgetTokenHandlerOptions {
  /** A server client (it holds the client secret). Only `client.tokens.widget` is used. */
  client: Pick<AirbyteClient, "tokens">;
  /**
   * Your own authentication: which workspace this request's user may reach. Return `null` (or throw) to refuse
   * with 401. Throwing a `Response` answers with it as-is.
   */
  resolveWorkspace: (request: Request) => WorkspaceResolution | null | undefined | Promise<WorkspaceResolution | null | undefined>;
  /**
   * Browser origins that may get a token, compared exactly with the `Origin` header (`https://app.example.com`,
   * no trailing slash), or a predicate. The token is bound to the request's origin.
   */
  allowedOrigins: readonly string[] | ((origin: string, request: Request) => boolean | Promise<boolean>);
  /** Tag filters applied to every token; a `WorkspaceResolution` object overrides them. */
  defaults?: Omit<WidgetTokenInput, "workspaceName" | "allowedOrigin"> | undefined;
  /** Sees every failure, unredacted by this handler (the client's errors are already redacted). Default: none. */
  onError?: ((error: unknown, request: Request) => void) | undefined;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

function json(body: unknown, status: number, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra } });
}

/** CORS for an allowed origin that is not the route's own (a token route served to another origin). */
function corsHeaders(origin: string | null, allowed: boolean, request: Request): Record<string, string> {
  if (!origin || !allowed) return { vary: "Origin" };
  let own: string | undefined;
  try {
    own = new URL(request.url).origin;
  } catch {
    own = undefined;
  }
  if (origin === own) return { vary: "Origin" };
  // Credentials allowed: the app's own auth (a session cookie) usually decides the workspace.
  return { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
}

/** A safe answer for a failure: no message from upstream, no secret, the request id to quote. */
function failure(error: unknown): { status: number; body: Record<string, unknown> } {
  if (isApiError(error)) {
    const body: Record<string, unknown> = {
      error: "Could not create a widget token",
      code: "upstream_error",
      upstreamStatus: error.status,
    };
    if (error.requestId) body.requestId = error.requestId;
    return { status: 502, body };
  }
  if (isTimeoutError(error)) return { status: 504, body: { error: "The Airbyte API did not answer in time", code: "upstream_timeout" } };
  if (isConnectionError(error)) return { status: 502, body: { error: "Could not reach the Airbyte API", code: "upstream_unreachable" } };
  if (isValidationError(error) && error.code === "invalid_input") {
    return { status: 400, body: { error: "The widget token request is invalid", code: "invalid_request" } };
  }
  if (isAirbyteError(error)) {
    const body: Record<string, unknown> = { error: "Could not create a widget token", code: "server_error" };
    if (error.requestId) body.requestId = error.requestId;
    return { status: error.code === "unexpected_response" ? 502 : 500, body };
  }
  return { status: 500, body: { error: "Could not create a widget token", code: "server_error" } };
}

function toInput(
  resolution: WorkspaceResolution,
  defaults: WidgetTokenHandlerOptions["defaults"],
): Omit<WidgetTokenInput, "allowedOrigin"> {
  if (typeof resolution === "string") return { ...defaults, workspaceName: resolution };
  return { ...defaults, ...resolution };
}

/**
 * Creates the route your browser calls for a widget token: `(request: Request) => Promise<Response>`, mountable
 * as-is in a Worker, `Deno.serve`, `Bun.serve`, a Next.js route handler or Hono. It answers POST only (and CORS
 * preflights from allowed origins), refuses origins not in `allowedOrigins` (403), asks `resolveWorkspace` who
 * the user is (401 when it returns null or throws), mints a widget token bound to the request's `Origin`, and
 * answers only `{ token, expiresAt }` with `cache-control: no-store`. Upstream failures are a 502 carrying the
 * `requestId`, never a secret or the application token.
 *
 * @example
 * ```ts
 * import { createClient, createWidgetTokenHandler } from "@airbyte-agents/core";
 *
 * const handler = createWidgetTokenHandler({
 *   client: createClient(), // AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET from the environment
 *   allowedOrigins: ["https://app.example.com"],
 *   resolveWorkspace: async (request) => (await auth(request))?.orgId ?? null,
 * });
 * export const POST = handler; // Next.js: app/api/airbyte/token/route.ts
 * ```
 */
export function createWidgetTokenHandler(options: WidgetTokenHandlerOptions): (request: Request) => Promise<Response> {
  const what = "createWidgetTokenHandler";
  if (!isObject(options)) throw invalidOption(what, "options", "an object", options);
  const o = options as unknown as Record<string, unknown>;
  const isClient = (v: unknown) => isObject(v) && isObject(v.tokens) && typeof v.tokens.widget === "function";
  if (!isClient(o.client)) throw invalidOption(what, "client", "a client from createClient()", o.client);
  if (!isFunction(o.resolveWorkspace)) throw invalidOption(what, "resolveWorkspace", "a function", o.resolveWorkspace);
  const { allowedOrigins } = options;
  const isOrigins = (v: unknown) => isFunction(v) || (Array.isArray(v) && v.every((item) => typeof item === "string"));
  if (!isOrigins(allowedOrigins)) throw invalidOption(what, "allowedOrigins", "an array of origin strings or a function", allowedOrigins);
  // The Origin header is compared exactly, so an entry that is not an origin as browsers send it (a trailing
  // slash, a wildcard, a path, a default port) could never match and would make every request a 403.
  if (Array.isArray(allowedOrigins)) {
    allowedOrigins.forEach((entry, i) => {
      const problem = originProblem(entry) ?? (new URL(entry).origin === entry ? undefined : "browsers send no default port");
      if (problem) throw invalidOption(what, `allowedOrigins[${i}]`, `an origin such as https://app.example.com (${problem})`, entry);
    });
  }
  checkOption(what, o, "defaults", "an object", isObject);
  // The rules tokens.widget applies to each request: a bad default is the server's mistake, so it is refused
  // here rather than answered as a 400 invalid_request to every browser.
  const badDefault = isObject(o.defaults) ? widgetTokenFieldProblem(o.defaults) : undefined;
  if (badDefault) throw invalidOption(what, `defaults.${badDefault.field}`, badDefault.expected, badDefault.value);
  checkOption(what, o, "onError", "a function", isFunction);
  const exact = typeof allowedOrigins === "function" ? undefined : new Set(allowedOrigins);
  const report = (error: unknown, request: Request) => {
    try {
      options.onError?.(error, request);
    } catch {
      // A failing reporter must not change the answer.
    }
  };

  const isAllowed = async (origin: string | null, request: Request): Promise<boolean> => {
    if (!origin || origin === "null") return false;
    if (exact) return exact.has(origin);
    try {
      return (await (allowedOrigins as (origin: string, request: Request) => boolean | Promise<boolean>)(origin, request)) === true;
    } catch (error) {
      report(error, request);
      return false;
    }
  };

  return async (request: Request): Promise<Response> => {
    const origin = request.headers.get("origin");
    if (request.method === "OPTIONS") {
      const allowed = await isAllowed(origin, request);
      if (!allowed || !request.headers.get("access-control-request-method")) {
        return new Response(null, { status: 405, headers: { allow: "POST, OPTIONS", vary: "Origin" } });
      }
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(origin, true, request),
          "access-control-allow-methods": "POST",
          "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "content-type",
          "access-control-max-age": "600",
        },
      });
    }
    if (request.method !== "POST") {
      return json({ error: "Method not allowed: use POST" }, 405, { allow: "POST, OPTIONS" });
    }
    const allowed = await isAllowed(origin, request);
    const cors = corsHeaders(origin, allowed, request);
    if (!allowed) {
      return json({ error: origin ? "This origin may not request a widget token" : "Missing Origin header" }, 403, cors);
    }

    let resolution: WorkspaceResolution | null | undefined;
    try {
      resolution = await options.resolveWorkspace(request);
    } catch (error) {
      if (error instanceof Response) return error;
      report(error, request);
      return json({ error: "Unauthorized" }, 401, cors);
    }
    if (resolution === null || resolution === undefined) return json({ error: "Unauthorized" }, 401, cors);
    const input = toInput(resolution, options.defaults);
    if (typeof input.workspaceName !== "string" || input.workspaceName === "") {
      report(new TypeError("createWidgetTokenHandler: resolveWorkspace returned no workspace name"), request);
      return json({ error: "Could not create a widget token", code: "server_error" }, 500, cors);
    }

    try {
      const minted = await options.client.tokens.widget({ ...input, allowedOrigin: origin as string }, { signal: request.signal });
      const body: WidgetTokenResponse = { token: minted.token, expiresAt: minted.expiresAt.toISOString() };
      return json(body, 200, cors);
    } catch (error) {
      report(error, request);
      const { status, body } = failure(error);
      return json(body, status, cors);
    }
  };
}
