// Leak scan (issue 11, "Hardening", Tests): sentinel secrets (client secret, a connector credential, an OAuth
// app's client_secret, an Authorization and an X-Api-Key header value, the bearer token a server hands out) and
// servers that echo them back. Every error (message, stack, JSON.stringify, util.inspect at depth 10, the cause
// chain), every log line (a debug-level logger) and every hook payload (onRequest, onResponse, onRetry,
// onError) is collected and scanned: 0 occurrences of any sentinel, raw or URL-encoded.
// Servers: a hostile node:http server on 127.0.0.1 that answers with echoes of the request body and headers
// (422 "Invalid API Key provided: <key>", 401 naming the client_secret, 500s that dump the request, a request id
// made of a header's value), and the emulator for normal flows and its fault paths.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ClientOptions, createClient, type Hooks, type Logger } from "../../src/index";
import { SECRET as EMULATOR_SECRET, useEmulator } from "../helpers/emulator";

const CLIENT_SECRET = "sk_live_SENTINEL_hostile_client_secret_5150";
const CONNECTOR_KEY = "sk_live_SENTINEL_connector_api_key_4242";
const OAUTH_SECRET = "SENTINEL-oauth-app-client-secret-7788";
const AUTH_HEADER_TOKEN = "SENTINEL_authorization_header_9911";
const API_KEY_HEADER = "SENTINEL-x-api-key-header-3141";
const CALL_HEADER_KEY = "SENTINEL-per-call-api-key-2718";
const ISSUED_TOKEN = "tok_SENTINEL_issued_access_token_6626";
const PARAM_SECRET = "SENTINEL-execute-param-password-1618";
const SENTINELS = [
  CLIENT_SECRET,
  EMULATOR_SECRET,
  CONNECTOR_KEY,
  OAUTH_SECRET,
  AUTH_HEADER_TOKEN,
  API_KEY_HEADER,
  CALL_HEADER_KEY,
  ISSUED_TOKEN,
  PARAM_SECRET,
];
const CONNECTOR_ID = "7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const TOKEN_PATH = "/api/v1/account/applications/token";

/** Everything a caller could print: collected per test, scanned at the end. */
interface Collected {
  texts: { where: string; text: string }[];
}

function errorTexts(error: unknown, where: string, out: Collected): void {
  out.texts.push({ where: `${where} inspect`, text: inspect(error, { depth: 10 }) });
  try {
    out.texts.push({ where: `${where} JSON`, text: JSON.stringify(error) ?? "" });
  } catch (e) {
    out.texts.push({ where: `${where} JSON failed`, text: String(e) });
  }
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    const e = current as { message?: unknown; stack?: unknown; cause?: unknown; body?: unknown; requestId?: unknown };
    out.texts.push({ where: `${where} cause[${depth}] message`, text: String(e.message) });
    out.texts.push({ where: `${where} cause[${depth}] stack`, text: String(e.stack) });
    out.texts.push({ where: `${where} cause[${depth}] String`, text: String(current) });
    if (e.body !== undefined) out.texts.push({ where: `${where} cause[${depth}] body`, text: inspect(e.body, { depth: 10 }) });
    if (e.requestId !== undefined) out.texts.push({ where: `${where} cause[${depth}] requestId`, text: String(e.requestId) });
    current = typeof current === "object" ? e.cause : undefined;
  }
}

function collector(): { out: Collected; options: Pick<ClientOptions, "logger" | "logLevel" | "hooks"> } {
  const out: Collected = { texts: [] };
  const log =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      out.texts.push({ where: `log.${level}`, text: `${message} ${inspect(data, { depth: 10 })} ${JSON.stringify(data) ?? ""}` });
    };
  const logger: Logger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
  const hook =
    (name: string) =>
    (info: unknown): void => {
      out.texts.push({ where: `hook.${name}`, text: inspect(info, { depth: 10 }) });
      out.texts.push({ where: `hook.${name} JSON`, text: JSON.stringify(info) ?? "" });
      const error = (info as { error?: unknown }).error;
      if (error !== undefined) errorTexts(error, `hook.${name}.error`, out);
    };
  const hooks: Hooks = { onRequest: hook("onRequest"), onResponse: hook("onResponse"), onRetry: hook("onRetry"), onError: hook("onError") };
  return { out, options: { logger, logLevel: "debug", hooks } };
}

/** Runs a call that must fail and collects what it threw. */
async function failing(out: Collected, where: string, call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    errorTexts(error, where, out);
    return error;
  }
  throw new Error(`${where}: expected the call to fail`);
}

function leaks(out: Collected): string[] {
  const found: string[] = [];
  for (const sentinel of SENTINELS) {
    for (const needle of new Set([sentinel, encodeURIComponent(sentinel), JSON.stringify(sentinel).slice(1, -1)])) {
      for (const { where, text } of out.texts) {
        if (text.includes(needle))
          found.push(`${where}: ${needle} in ${text.slice(Math.max(0, text.indexOf(needle) - 80), text.indexOf(needle) + 80)}`);
      }
    }
  }
  return found;
}

// ---------- the hostile server ----------

let hostile: { server: Server; url: string };
let tokenMode: "ok" | "reject" | "crash" = "ok";
/** Whether error answers carry an `x-request-id` made of an echoed secret (a proxy that names requests by a header). */
let echoRequestId = false;
const requestIdOf = (value: string): Record<string, string> => (echoRequestId ? { "x-request-id": `req-${value}` } : {});
const received: string[] = [];

function dump(req: IncomingMessage, body: string): string {
  return `${req.method} ${req.url} headers=${JSON.stringify(req.headers)} body=${body}`;
}

function send(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
}

/** The API's error envelope, with the echo in the message, the field errors and the details. */
function echo(res: ServerResponse, status: number, message: string, raw: string, headers: Record<string, string> = {}): void {
  send(
    res,
    status,
    { message, errors: [{ field: "body", message: `${message} (${raw})`, error_code: "echo", details: { raw } }] },
    headers,
  );
}

function parsed(body: string): Record<string, any> {
  try {
    return JSON.parse(body) as Record<string, any>;
  } catch {
    return {};
  }
}

// Returns whatever `send` or `echo` returned: each branch answers and ends.
function handle(req: IncomingMessage, res: ServerResponse, body: string): unknown {
  const url = new URL(req.url ?? "/", "http://x");
  const raw = dump(req, body);
  const json = parsed(body);
  const authorization = String(req.headers.authorization ?? "");
  const apiKey = String(req.headers["x-api-key"] ?? "");
  if (url.pathname === TOKEN_PATH) {
    if (tokenMode === "ok")
      return send(res, 200, { access_token: ISSUED_TOKEN, token_type: "bearer", expires_in: 900, organization_id: null });
    if (tokenMode === "reject") return echo(res, 401, `Invalid client_secret ${json.client_secret} for ${json.client_id}`, raw);
    // A crashing token endpoint that dumps the request (and, with echoRequestId, names it in the request id).
    return echo(res, 500, `token service crashed on ${body}`, raw, requestIdOf(String(json.client_secret)));
  }
  if (url.pathname === "/api/v1/integrations/connectors" && req.method === "POST") {
    return echo(res, 422, `Invalid API Key provided: ${json.credentials?.api_key}`, raw);
  }
  if (url.pathname === "/api/v1/integrations/connectors/check") {
    return echo(res, 422, `Check failed: Invalid API Key provided: ${json.credentials?.api_key}`, raw);
  }
  if (url.pathname === "/api/v1/oauth/credentials") {
    return echo(res, 400, `client_secret ${json.configuration?.client_secret} was rejected by the provider`, raw);
  }
  if (url.pathname.endsWith("/execute")) {
    // A 500 for a write (outcome unknown) that dumps the headers and params, with a request id made of the API key.
    return echo(res, 500, `upstream failed for ${authorization} ${apiKey} ${JSON.stringify(json.params)}`, raw, requestIdOf(apiKey));
  }
  if (url.pathname === "/api/v1/integrations/connectors" && req.method === "GET") {
    // A read answered 502 with the headers echoed: retried, then final.
    return echo(res, 502, `bad gateway for ${authorization} / ${apiKey}`, raw, { "retry-after": "0" });
  }
  if (url.pathname.startsWith("/api/v1/integrations/connectors/")) {
    // A body that is not JSON, quoting the bearer token.
    res.writeHead(500, { "content-type": "text/plain" });
    return void res.end(`Traceback: token=${authorization.replace(/^Bearer /, "")} key=${apiKey}`);
  }
  echo(res, 404, `no route for ${raw}`, raw);
}

beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push(dump(req, body));
      handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  hostile = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});

afterAll(async () => {
  await new Promise<void>((resolve) => hostile.server.close(() => resolve()));
});

beforeEach(() => {
  tokenMode = "ok";
  echoRequestId = false;
  received.length = 0;
});

function hostileClient(c: ReturnType<typeof collector>, overrides: ClientOptions = {}) {
  return createClient({
    baseUrl: hostile.url,
    clientId: "leak-scan-client",
    clientSecret: CLIENT_SECRET,
    maxRetries: 1,
    headers: { "X-Api-Key": API_KEY_HEADER },
    ...c.options,
    ...overrides,
  });
}

const stripeCreate = {
  connectorType: "Stripe",
  name: "leaky",
  credentials: { api_key: CONNECTOR_KEY },
  replicationConfig: { account_id: "acct_1" },
};

describe("leak scan against a server that echoes secrets back", () => {
  it("connector create: a 422 'Invalid API Key provided: <key>' names no credential", async () => {
    const c = collector();
    const ws = hostileClient(c).workspace();
    await failing(c.out, "connectors.create", () => ws.connectors.create(stripeCreate));
    // The server did get the key: the scan is not empty because nothing was sent.
    expect(received.some((r) => r.includes(CONNECTOR_KEY))).toBe(true);
    expect(leaks(c.out)).toEqual([]);
  });

  it("connectors.check: a 422 whose message echoes the key names no credential", async () => {
    const c = collector();
    const ws = hostileClient(c).workspace();
    await failing(c.out, "connectors.check", () => ws.connectors.check(stripeCreate));
    expect(received.some((r) => r.includes(CONNECTOR_KEY))).toBe(true);
    expect(leaks(c.out)).toEqual([]);
  });

  it("oauth.set: a 400 naming the OAuth app's client_secret names no secret", async () => {
    const c = collector();
    const client = hostileClient(c);
    await failing(c.out, "oauth.set", () =>
      client.oauth.set({ connectorType: "HubSpot", configuration: { client_id: "hubspot-app", client_secret: OAUTH_SECRET } }),
    );
    expect(received.some((r) => r.includes(OAUTH_SECRET))).toBe(true);
    expect(leaks(c.out)).toEqual([]);
  });

  it("execute: a 500 echoing the bearer token, the X-Api-Key headers and a password param names none of them", async () => {
    const c = collector();
    const ws = hostileClient(c).workspace();
    const handle = ws.connector({ connectorId: CONNECTOR_ID });
    const error = await failing(c.out, "execute create", () =>
      handle.execute(
        "customers",
        "create",
        { email: "a@example.com", password: PARAM_SECRET },
        { headers: { "X-Api-Key": CALL_HEADER_KEY } },
      ),
    );
    expect((error as { mayHaveSucceeded?: boolean }).mayHaveSucceeded).toBe(true);
    await failing(c.out, "execute list", () => handle.execute("customers", "list", { limit: 1 }));
    expect(received.some((r) => r.includes(ISSUED_TOKEN) && r.includes(CALL_HEADER_KEY))).toBe(true);
    expect(leaks(c.out)).toEqual([]);
  });

  it("reads: a 502 echoing the headers (retried), and a text 500 quoting the token, name neither", async () => {
    const c = collector();
    const ws = hostileClient(c, { headers: { Authorization: `Bearer ${AUTH_HEADER_TOKEN}`, "X-Api-Key": API_KEY_HEADER } }).workspace();
    await failing(c.out, "connectors.list", () => ws.connectors.list());
    await failing(c.out, "connectors.get", () => ws.connectors.get(CONNECTOR_ID));
    expect(c.out.texts.some((t) => t.where.startsWith("hook.onRetry"))).toBe(true);
    expect(received.some((r) => r.includes(API_KEY_HEADER))).toBe(true);
    expect(leaks(c.out)).toEqual([]);
  });

  it("token mint failures: a 401 naming the client_secret, and a 500 dumping the mint body", async () => {
    const c = collector();
    tokenMode = "reject";
    await failing(c.out, "mint 401", () => hostileClient(c).workspace().connectors.list());
    tokenMode = "crash";
    await failing(c.out, "mint 500", () => hostileClient(c).workspace().connectors.list());
    await failing(c.out, "tokens.application 500", () => hostileClient(c).tokens.application());
    expect(received.filter((r) => r.includes(CLIENT_SECRET)).length).toBeGreaterThan(2);
    expect(leaks(c.out)).toEqual([]);
  });
});

describe("leak scan: a request id made of an echoed secret", () => {
  it("an x-request-id echoing the X-Api-Key or the client_secret reaches no error field, hook payload or log line", async () => {
    const c = collector();
    echoRequestId = true;
    const ws = hostileClient(c).workspace();
    const handle = ws.connector({ connectorId: CONNECTOR_ID });
    await failing(c.out, "execute create", () =>
      handle.execute("customers", "create", { email: "a@example.com" }, { headers: { "X-Api-Key": CALL_HEADER_KEY } }),
    );
    await failing(c.out, "execute list", () => handle.execute("customers", "list", { limit: 1 }));
    tokenMode = "crash";
    await failing(c.out, "tokens.application 500", () => hostileClient(c).tokens.application());
    expect(leaks(c.out)).toEqual([]);
  });
});

// ---------- the emulator: normal flows and fault paths ----------

const h = useEmulator();

describe("leak scan on the emulator, normal flows and fault paths", () => {
  beforeEach(() => {
    h.emu.reset();
  });

  const emulatorClient = (c: ReturnType<typeof collector>, overrides: ClientOptions = {}) =>
    h.client({ maxRetries: 2, headers: { "X-Api-Key": API_KEY_HEADER }, ...c.options, ...overrides });

  it("create, check, oauth.set, execute and delete succeed and log nothing secret", async () => {
    const c = collector();
    const client = emulatorClient(c);
    const ws = client.workspace();
    const created = await ws.connectors.create({ ...stripeCreate, name: "leak-scan-ok" });
    const check = await ws.connectors.check(stripeCreate);
    const oauth = await client.oauth.set({
      connectorType: "HubSpot",
      configuration: { client_id: "hubspot-app", client_secret: OAUTH_SECRET },
    });
    const stripe = ws.connector({ connectorId: created.id });
    const customer = await stripe.execute(
      "customers",
      "create",
      { email: "leak@example.com" },
      { headers: { "X-Api-Key": CALL_HEADER_KEY } },
    );
    await ws.connectors.delete(created.id);
    for (const [where, value] of Object.entries({ created, check, oauth, customer })) {
      c.out.texts.push({ where: `result ${where}`, text: inspect(value, { depth: 10 }) });
    }
    expect(c.out.texts.filter((t) => t.where.startsWith("hook.onRequest")).length).toBeGreaterThan(4);
    expect(c.out.texts.filter((t) => t.where.startsWith("hook.onResponse")).length).toBeGreaterThan(4);
    expect(leaks(c.out)).toEqual([]);
  });

  it("fault paths: applied-then-500, drops, 503 on check, 429, drop and 502 on oauth.set, and a mint with a wrong secret", async () => {
    const c = collector();
    const ws = emulatorClient(c).workspace();
    await ws.connectors.list(); // the token first, so the queued faults hit the calls below
    h.emu.setFaults({
      queue: [
        { status: 500, afterWrite: true, match: { method: "POST", path: "/api/v1/integrations/connectors" } },
        { status: 503, times: 3, match: { method: "POST", path: "/check" } },
        { drop: true, match: { method: "POST", path: "/execute" } },
        { status: 429, retryAfter: 0, match: { method: "PUT", path: "/oauth/credentials" } },
        { drop: true, match: { method: "PUT", path: "/oauth/credentials" } },
        { status: 502, match: { method: "PUT", path: "/oauth/credentials" } },
      ],
    });
    const created = await failing(c.out, "create after-write 500", () =>
      ws.connectors.create({ ...stripeCreate, name: "leak-scan-faulty" }),
    );
    expect((created as { mayHaveSucceeded?: boolean }).mayHaveSucceeded).toBe(true);
    await failing(c.out, "check 503", () => ws.connectors.check(stripeCreate));
    const stripeId = (await ws.connectors.list()).find((x) => x.name === "Stripe")?.id as string;
    await failing(c.out, "execute drop", () =>
      ws.connector({ connectorId: stripeId }).execute("customers", "create", { email: "x@example.com", password: PARAM_SECRET }),
    );
    await failing(c.out, "oauth.set 429, drop, 502", () =>
      emulatorClient(c).oauth.set({ connectorType: "HubSpot", configuration: { client_id: "hubspot-app", client_secret: OAUTH_SECRET } }),
    );
    await failing(c.out, "mint with a wrong secret", () =>
      emulatorClient(c, { clientSecret: CLIENT_SECRET }).workspace().connectors.list(),
    );
    expect(c.out.texts.some((t) => t.where.startsWith("hook.onRetry"))).toBe(true);
    expect(c.out.texts.some((t) => t.where.startsWith("log.info"))).toBe(true);
    expect(c.out.texts.some((t) => t.where.startsWith("log.debug"))).toBe(true);
    expect(leaks(c.out)).toEqual([]);
  });
});
