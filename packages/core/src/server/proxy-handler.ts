// A same-origin route for the browser client (api-notes §10 U2: the hosted API may not answer CORS). It relays
// the browser's own scoped token and never adds a credential, so it cannot widen what that token may do.
import { decodeBase64Text } from "../auth/jwt";
import type { AirbyteClient } from "../client";
import {
  checkOption,
  isBoolean,
  isFunction,
  isHttpUrl,
  isNonNegativeInteger,
  isObject,
  isPositiveNumber,
  optionsObject,
} from "../input/values";
import { DEFAULT_BASE_URL, normalizeBaseUrl, trimTrailingSlashes } from "../transport/client-transport";
import { readWithin } from "../transport/read-within";

/**
 * Options of {@link createProxyHandler}.
 *
 * @example
 * ```ts
 * const options: ProxyHandlerOptions = { baseUrl: "https://api.airbyte.ai", prefix: "/api/airbyte" };
 * ```
 */
export interface ProxyHandlerOptions {
  /** Takes the API's `baseUrl` from a server client (its credentials are never used). */
  client?: Pick<AirbyteClient, "options"> | undefined;
  /** The API. Default: `client.options.baseUrl`, else `https://api.airbyte.ai`. */
  baseUrl?: string | undefined;
  /** The path this route is mounted at, e.g. `/api/airbyte`; the browser client's `baseUrl` is origin + prefix. */
  prefix?: string | undefined;
  /** A fetch implementation for the upstream call. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Refuse bearer tokens that are not workspace-scoped JWTs (no `io.airbyte.auth.workspace_scope` claim), so
   * the route is never a relay for application tokens. Default `true`.
   */
  requireScopedToken?: boolean | undefined;
  /** Largest request body relayed, in bytes. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** Milliseconds to wait for the API's response headers. Default 300 000 (execute runs live third-party calls). */
  timeout?: number | undefined;
}

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
// The calls a scoped or widget token may make (api-notes §10 U1). Nothing else is relayed.
const ROUTES: ReadonlyArray<readonly [method: string, path: RegExp]> = [
  ["GET", /^\/api\/v1\/integrations\/connectors$/],
  ["POST", /^\/api\/v1\/integrations\/connectors$/],
  ["GET", /* @__PURE__ */ new RegExp(`^/api/v1/integrations/connectors/${UUID}$`)],
  ["DELETE", /* @__PURE__ */ new RegExp(`^/api/v1/integrations/connectors/${UUID}$`)],
  ["POST", /* @__PURE__ */ new RegExp(`^/api/v1/integrations/connectors/${UUID}/execute$`)],
  ["GET", /^\/api\/v1\/account\/applications\/scoped-token\/info$/],
];
const REQUEST_HEADERS = ["content-type", "accept"] as const;
const RESPONSE_HEADERS = ["content-type", "content-disposition", "x-request-id", "retry-after"] as const;
const WORKSPACE_SCOPE_CLAIM = "io.airbyte.auth.workspace_scope";
const BEARER = /^Bearer\s+(\S+)\s*$/i;

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function isScopedJwt(token: string): boolean {
  const payload = token.split(".")[1];
  const text = payload === undefined ? undefined : decodeBase64Text(payload);
  if (text === undefined) return false;
  try {
    const claim = (JSON.parse(text) as Record<string, unknown>)[WORKSPACE_SCOPE_CLAIM];
    return claim !== null && typeof claim === "object";
  } catch {
    return false;
  }
}

/**
 * The request body, or undefined once it passes `limit` bytes. Read chunk by chunk: a chunked body has no
 * content-length, and arrayBuffer() would buffer all of it (any size) before the size could be checked.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const within = await readWithin(request.body, limit, (chunk) => {
    chunks.push(chunk);
    total += chunk.byteLength;
  });
  if (!within) return undefined;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function normalizePrefix(prefix: string | undefined): string {
  if (!prefix) return "";
  const trimmed = trimTrailingSlashes(prefix);
  return trimmed === "" || trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

/**
 * Creates a same-origin proxy route for the browser client: `(request: Request) => Promise<Response>`. It relays
 * only the workspace-scoped calls (list/create connectors, get/delete a connector, execute, token info) with the
 * browser's own `Authorization: Bearer <scoped token>`, drops cookies and every other header but `content-type`
 * and `accept`, never adds the application token, answers anything else with 404, streams downloads through,
 * and passes back the status and `content-type`, `content-disposition`, `x-request-id` and `retry-after`.
 *
 * @example
 * ```ts
 * // app/api/airbyte/[...path]/route.ts (Next.js)
 * import { createProxyHandler } from "@airbyte-agents/core";
 *
 * const proxy = createProxyHandler({ prefix: "/api/airbyte" });
 * export { proxy as GET, proxy as POST, proxy as DELETE };
 *
 * // in the browser:
 * const browser = createWidgetClient({ getToken, baseUrl: `${location.origin}/api/airbyte` });
 * ```
 */
export function createProxyHandler(options: ProxyHandlerOptions = {}): (request: Request) => Promise<Response> {
  const what = "createProxyHandler";
  const o = optionsObject(what, options);
  checkOption(what, o, "client", "a client from createClient()", (v) => isObject(v) && isObject(v.options) && isHttpUrl(v.options.baseUrl));
  checkOption(what, o, "baseUrl", "an absolute http(s) URL string", isHttpUrl);
  checkOption(what, o, "prefix", "a path string such as /api/airbyte", (v) => typeof v === "string" && !/[?#\s]/.test(v));
  checkOption(what, o, "fetch", "a function", isFunction);
  checkOption(what, o, "requireScopedToken", "a boolean", isBoolean);
  checkOption(what, o, "maxBodyBytes", "a positive integer number of bytes", (v) => isNonNegativeInteger(v) && (v as number) > 0);
  checkOption(what, o, "timeout", "a positive finite number of milliseconds", isPositiveNumber);
  const rawBase = options.baseUrl ?? options.client?.options.baseUrl ?? DEFAULT_BASE_URL;
  const baseUrl = normalizeBaseUrl(rawBase);
  const prefix = normalizePrefix(options.prefix);
  const requireScoped = options.requireScopedToken ?? true;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const timeoutMs = options.timeout ?? 300_000;
  const fetchImpl: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return json({ error: "Not found" }, 404);
    }
    if (prefix !== "" && !url.pathname.startsWith(`${prefix}/`)) return json({ error: "Not found" }, 404);
    const path = url.pathname.slice(prefix.length);
    const method = request.method.toUpperCase();
    if (!ROUTES.some(([m, pattern]) => m === method && pattern.test(path))) return json({ error: "Not found" }, 404);

    const token = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!token) return json({ error: "Missing bearer token" }, 401);
    if (requireScoped && !isScopedJwt(token)) return json({ error: "Only workspace-scoped tokens may use this route" }, 403);

    const headers = new Headers({ authorization: `Bearer ${token}` });
    for (const name of REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method === "POST") {
      // A declared length is refused before reading; an undeclared (chunked) one is counted while reading.
      const declared = Number(request.headers.get("content-length") ?? "0");
      if (declared > maxBodyBytes) return json({ error: "Request body too large" }, 413);
      body = await readBody(request, maxBodyBytes);
      if (body === undefined) return json({ error: "Request body too large" }, 413);
    }

    // Cancelled when the browser goes away, or when the API sends no headers in time.
    const controller = new AbortController();
    const onAbort = () => controller.abort(request.signal.reason);
    if (request.signal.aborted) onAbort();
    else request.signal.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let upstream: Response;
    try {
      upstream = await fetchImpl(`${baseUrl}${path}${url.search}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        redirect: "manual",
      });
    } catch {
      request.signal.removeEventListener("abort", onAbort);
      return timedOut
        ? json({ error: "The Airbyte API did not answer in time" }, 504)
        : json({ error: "Could not reach the Airbyte API" }, 502);
    } finally {
      clearTimeout(timer);
    }

    const out = new Headers({ "cache-control": "no-store" });
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    const empty = upstream.status === 204 || upstream.status === 205 || upstream.status === 304;
    // The body is passed on as a stream: downloads are never buffered here.
    return new Response(empty ? null : upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
  };
}
