#!/usr/bin/env node
// The playground's server (plain node:http). It serves the React app (the Vite build in dist/, or Vite itself in
// middleware mode with --dev) and the few routes that need the client secret, which never leaves this process:
//
//   POST /api/airbyte/widget-token   core's createWidgetTokenHandler: { token, expiresAt } for the demo user's workspace
//   POST /api/airbyte/ask            ws.ask(prompt) with the application token (the browser never gets one)
//   *    /api/airbyte/proxy/...      core's createProxyHandler: relays the browser's own widget token (hosted API)
//   GET  /api/config                 { mode, api, apiBaseUrl }: where the browser sends its API calls, nothing secret
//
// The app's own "auth" is a demo user picked in the UI and sent as the `x-demo-user` header (or a `demo_user`
// cookie); src/demo-users.json maps it to a workspace. A real app would read its session here instead.
//
//   node server.mjs          # production build (run `pnpm build` first); emulator at EMULATOR_URL
//   node server.mjs --dev    # Vite in middleware mode, no build needed
//
// With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set it talks to the hosted API (AIRBYTE_BASE_URL, default
// https://api.airbyte.ai) and the browser goes through the proxy route; otherwise to the emulator at EMULATOR_URL
// (default http://127.0.0.1:8787) with the emulator's demo credentials, and the browser calls it directly (CORS).
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, createProxyHandler, createWidgetTokenHandler, isAirbyteError } from "@airbyte-agents/core";

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(here, "dist");
const USERS = JSON.parse(readFileSync(path.join(here, "src/demo-users.json"), "utf8"));
const PROXY_PREFIX = "/api/airbyte/proxy";
const MAX_BODY_BYTES = 1024 * 1024;
const HOSTED_API = "https://api.airbyte.ai";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The demo users (src/demo-users.json): `{ id, label, workspace }`. */
export const demoUsers = USERS;

/** The demo "session": the `x-demo-user` header, else the `demo_user` cookie, mapped to its workspace. */
export function workspaceOf(request) {
  const cookie = /(?:^|;\s*)demo_user=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  const id = request.headers.get("x-demo-user") ?? (cookie ? decodeURIComponent(cookie) : undefined);
  return USERS.find((user) => user.id === id)?.workspace ?? null;
}

/** A Node request as a web `Request` (what core's handlers take); the body is buffered, at most 1 MiB. */
async function toRequest(req, url) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  let body;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw Object.assign(new Error("Request body too large"), { status: 413 });
      chunks.push(chunk);
    }
    body = Buffer.concat(chunks);
  }
  return new Request(url, { method: req.method, headers, body });
}

/** Writes a web `Response` to a Node response, streaming the body (downloads through the proxy). */
async function sendResponse(res, response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  for await (const chunk of response.body) res.write(chunk);
  res.end();
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A typed, safe error body for the browser: core's errors are already redacted (no secret, no token), and only
 * these fields are passed on.
 */
function errorBody(error) {
  if (isAirbyteError(error)) {
    return {
      error: {
        name: error.name,
        code: error.code,
        status: error.status ?? null,
        requestId: error.requestId ?? null,
        message: error.message,
      },
    };
  }
  return { error: { name: "Error", code: "server_error", status: null, requestId: null, message: "The playground server failed" } };
}

/** The request's own origin, from its Host header (what a same-origin `fetch` sends as `Origin`). */
function ownOrigin(request) {
  return new URL(request.url).origin;
}

/**
 * Starts the playground server. `apiBaseUrl` is the API (the emulator or https://api.airbyte.ai); the client
 * secret stays in this process. `api: "proxy"` makes the browser call the API through `/api/airbyte/proxy`
 * (default for the hosted API, whose CORS behaviour is not documented); `"direct"` has it call `apiBaseUrl`.
 * `dev: true` serves the app through Vite in middleware mode instead of dist/.
 */
export async function startPlaygroundServer({
  apiBaseUrl,
  clientId,
  clientSecret,
  organizationId,
  mode = "emulator",
  api = mode === "hosted" ? "proxy" : "direct",
  port = 0,
  host = "127.0.0.1",
  dev = false,
  allowedOrigins = [],
  onError = (error) => console.error("[playground]", error instanceof Error ? error.message : error),
} = {}) {
  const baseUrl = (apiBaseUrl ?? HOSTED_API).replace(/\/+$/, "");
  const client = createClient({ baseUrl, clientId, clientSecret, ...(organizationId ? { organizationId } : {}) });
  const isAllowedOrigin = (origin, request) => origin === ownOrigin(request) || allowedOrigins.includes(origin);

  const widgetToken = createWidgetTokenHandler({
    client,
    // The page's own origin (whichever host name it was opened with), plus any configured ones.
    allowedOrigins: isAllowedOrigin,
    resolveWorkspace: (request) => workspaceOf(request),
    onError: (error) => onError(error),
  });
  const proxy = createProxyHandler({ baseUrl, prefix: PROXY_PREFIX });

  const ask = async (request) => {
    const origin = request.headers.get("origin");
    if (!origin || !isAllowedOrigin(origin, request))
      return Response.json({ error: { code: "forbidden_origin", status: 403 } }, { status: 403 });
    const workspace = workspaceOf(request);
    if (!workspace) return Response.json({ error: { code: "unauthorized", status: 401, message: "Pick a demo user" } }, { status: 401 });
    let prompt;
    try {
      prompt = (await request.json())?.prompt;
    } catch {
      prompt = undefined;
    }
    if (typeof prompt !== "string" || prompt.trim() === "" || prompt.length > 2000) {
      const message = "Send { prompt } with a question of 1 to 2000 characters";
      return Response.json({ error: { code: "invalid_input", status: 400, message } }, { status: 400 });
    }
    try {
      const result = await client.workspace(workspace).ask(prompt.trim(), { signal: request.signal });
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      onError(error);
      const status = isAirbyteError(error) && error.status && error.status >= 400 && error.status < 500 ? error.status : 502;
      return Response.json(errorBody(error), { status, headers: { "cache-control": "no-store" } });
    }
  };

  const config = () => ({
    mode,
    api,
    // Relative for the proxy: the page resolves it against its own origin.
    apiBaseUrl: api === "proxy" ? PROXY_PREFIX : baseUrl,
  });

  const apiOrigin = new URL(baseUrl).origin;
  // Production pages only talk to this server and the API, and frame only the API's widget page (the hosted
  // widget lives on another airbyte.ai host, so any https: frame is allowed there).
  const csp = [
    "default-src 'self'",
    `connect-src 'self' ${api === "direct" ? apiOrigin : ""}`.trim(),
    `frame-src ${mode === "hosted" ? "https:" : apiOrigin}`,
    `img-src 'self' data: ${apiOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

  let vite;
  const serveStatic = async (req, res, url) => {
    if (vite) {
      vite.middlewares(req, res, () => sendJson(res, 404, { error: { code: "not_found", status: 404 } }));
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = "/";
    }
    let file = path.join(DIST, path.normalize(pathname));
    if (!file.startsWith(DIST)) file = path.join(DIST, "index.html");
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    // Single-page app: anything that is not a built file is the page (unknown assets are a 404).
    if (!isFile) {
      if (pathname.startsWith("/assets/") || path.extname(pathname) !== "") {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      file = path.join(DIST, "index.html");
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res
        .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
        .end("The app is not built: run `pnpm build` (or start with --dev)");
      return;
    }
    const isHtml = file.endsWith(".html");
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      ...(isHtml ? { "content-security-policy": csp } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? `${host}:${port}`}`);
      const { pathname } = url;
      if (pathname === "/api/airbyte/widget-token") return await sendResponse(res, await widgetToken(await toRequest(req, url)));
      if (pathname === "/api/airbyte/ask") {
        if (req.method !== "POST") return sendJson(res, 405, { error: { code: "method_not_allowed", status: 405 } }, { allow: "POST" });
        return await sendResponse(res, await ask(await toRequest(req, url)));
      }
      if (pathname === PROXY_PREFIX || pathname.startsWith(`${PROXY_PREFIX}/`)) {
        return await sendResponse(res, await proxy(await toRequest(req, url)));
      }
      if (pathname === "/api/config") return sendJson(res, 200, config());
      if (pathname.startsWith("/api/")) return sendJson(res, 404, { error: { code: "not_found", status: 404 } });
      if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: { code: "method_not_allowed", status: 405 } });
      await serveStatic(req, res, url);
    } catch (error) {
      onError(error);
      if (res.headersSent) res.destroy();
      else sendJson(res, error?.status === 413 ? 413 : 500, errorBody(error));
    }
  });

  if (dev) {
    const { createServer: createViteServer } = await import("vite");
    vite = await createViteServer({
      root: here,
      configFile: path.join(here, "vite.config.ts"),
      appType: "spa",
      server: { middlewareMode: true, hmr: { server } },
    });
  }

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    origin,
    port: address.port,
    mode,
    api,
    apiBaseUrl: baseUrl,
    /** The server-side client (holds the secret). Exposed for tests, e.g. `client.tokens.application()`. */
    client,
    close: async () => {
      await vite?.close();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The server's settings from the environment (see the header comment). */
export function settingsFromEnv(env = process.env) {
  const hosted = Boolean(env.AIRBYTE_CLIENT_ID && env.AIRBYTE_CLIENT_SECRET);
  return hosted
    ? {
        mode: "hosted",
        apiBaseUrl: env.AIRBYTE_BASE_URL || HOSTED_API,
        clientId: env.AIRBYTE_CLIENT_ID,
        clientSecret: env.AIRBYTE_CLIENT_SECRET,
        organizationId: env.AIRBYTE_ORGANIZATION_ID || undefined,
        api: env.PLAYGROUND_API === "direct" ? "direct" : "proxy",
      }
    : {
        mode: "emulator",
        apiBaseUrl: env.EMULATOR_URL || "http://127.0.0.1:8787",
        // The emulator's demo application (override with EMULATOR_CLIENT_ID / EMULATOR_CLIENT_SECRET).
        clientId: env.EMULATOR_CLIENT_ID || "airbyte-demo-client",
        clientSecret: env.EMULATOR_CLIENT_SECRET || "airbyte-demo-secret",
        api: env.PLAYGROUND_API === "proxy" ? "proxy" : "direct",
      };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dev = process.argv.includes("--dev");
  const settings = settingsFromEnv();
  const playground = await startPlaygroundServer({
    ...settings,
    dev,
    port: Number(process.env.PORT ?? 5173),
    host: process.env.HOST ?? "127.0.0.1",
    allowedOrigins: (process.env.PLAYGROUND_ORIGINS ?? "").split(",").filter(Boolean),
  });
  if (settings.mode === "emulator") {
    const reachable = await fetch(settings.apiBaseUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (!reachable)
      console.warn(`warning: no emulator answers at ${settings.apiBaseUrl} (start one: npx airbyte-agents-emulator --control)`);
  }
  console.log(
    `playground ${playground.origin}/ (${dev ? "vite dev" : "production build"}; ${settings.mode} API ${playground.apiBaseUrl}, browser ${playground.api})`,
  );
  const stop = () => playground.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
