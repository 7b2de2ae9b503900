// createProxyHandler served on 127.0.0.1 in front of the emulator: the browser client goes through it with its
// own widget token; the proxy's upstream fetch is recorded to see exactly what it sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWidgetClient, PermissionDeniedError } from "../../src/browser";
import { createProxyHandler, decodeWidgetToken } from "../../src/index";
import { useEmulator } from "../helpers/emulator";
import { type ServedHandler, serveFetch } from "./serve-fetch";

const h = useEmulator();
const PREFIX = "/api/airbyte";

interface Sent {
  url: string;
  method: string;
  headers: Headers;
}

let server: ReturnType<typeof h.client>;
let served: ServedHandler;
let sent: Sent[] = [];
let widgetToken: string;
let bearer: string;
let otherConnectorId: string;

beforeAll(async () => {
  server = h.client();
  served = await serveFetch(
    createProxyHandler({
      client: server,
      prefix: PREFIX,
      fetch: (input, init) => {
        sent.push({ url: String(input), method: init?.method ?? "GET", headers: new Headers(init?.headers) });
        return fetch(input, init);
      },
    }),
  );
  widgetToken = (await server.tokens.widget({ workspaceName: "default", allowedOrigin: "http://localhost:5173" })).token;
  bearer = decodeWidgetToken(widgetToken).token;
  await server.tokens.scoped({ workspaceName: "tenant-b" });
  otherConnectorId = (
    await server.workspace("tenant-b").connectors.create({
      connectorType: "Stripe",
      credentials: { api_key: "sk_test_tenant_b_0001" },
      replicationConfig: { account_id: "acct_b" },
    })
  ).id;
});

afterAll(async () => {
  await served?.close();
});

function viaProxy(path: string, init: RequestInit & { token?: string | null } = {}) {
  const { token = bearer, headers, ...rest } = init;
  const all = new Headers(headers);
  if (token !== null) all.set("authorization", `Bearer ${token}`);
  return fetch(`${served.url}${PREFIX}${path}`, { ...rest, headers: all });
}

/** A connector create whose body streams in chunks, with no content-length. */
function chunkedCreate(body: ReadableStream<Uint8Array>): Request {
  return new Request("https://app.test/api/v1/integrations/connectors", {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("createProxyHandler", () => {
  it("carries the browser client: list, execute, paginate, download, create, get, delete and token info", async () => {
    sent = [];
    const browser = createWidgetClient({ getToken: () => widgetToken, baseUrl: `${served.url}${PREFIX}`, logLevel: "off" });
    expect(await browser.workspaceName()).toBe("default");
    expect((await browser.connectors.list()).map((c) => c.connectorName).sort()).toEqual(["github", "linear", "stripe", "zendesk-support"]);
    expect(await browser.connector("linear").paginate("issues", "list", { first: 25 }).toArray()).toHaveLength(57);
    const created = await browser.connectors.create({
      connectorType: "Stripe",
      credentials: { api_key: "sk_test_proxy_0001" },
      replicationConfig: { account_id: "acct_proxy" },
    });
    expect((await browser.connectors.get(created.id)).id).toBe(created.id);
    await browser.connector({ connectorId: created.id }).delete();

    // Every upstream call carried the browser's own token and nothing else of note.
    expect(sent.length).toBeGreaterThan(5);
    for (const call of sent) {
      expect(call.url.startsWith(`${h.emu.url}/api/v1/`)).toBe(true);
      expect(call.headers.get("authorization")).toBe(`Bearer ${bearer}`);
      expect([...call.headers.keys()].every((name) => ["authorization", "content-type", "accept"].includes(name))).toBe(true);
    }
    expect(new Set(sent.map((call) => `${call.method} ${new URL(call.url).pathname.replace(/[0-9a-f-]{36}/g, ":id")}`))).toEqual(
      new Set([
        "GET /api/v1/account/applications/scoped-token/info",
        "GET /api/v1/integrations/connectors",
        "POST /api/v1/integrations/connectors/:id/execute",
        "POST /api/v1/integrations/connectors",
        "GET /api/v1/integrations/connectors/:id",
        "DELETE /api/v1/integrations/connectors/:id",
      ]),
    );
    expect(sent.find((call) => call.method === "GET" && call.url.includes("/integrations/connectors?"))?.url).toContain(
      "workspace_name=default",
    );
  });

  it("streams a download through with its content-type, content-disposition and x-request-id", async () => {
    const browser = createWidgetClient({ getToken: () => widgetToken, baseUrl: `${served.url}${PREFIX}`, logLevel: "off" });
    const zendesk = browser.connector("zendesk-support");
    const connectorId = await zendesk.id();
    const body = JSON.stringify({ entity: "attachments", action: "download", params: { attachment_id: 1 } });
    const [proxied, direct] = await Promise.all([
      viaProxy(`/api/v1/integrations/connectors/${connectorId}/execute`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
      }),
      fetch(`${h.emu.url}/api/v1/integrations/connectors/${connectorId}/execute`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      }),
    ]);
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get("content-type")).toBe(direct.headers.get("content-type"));
    expect(proxied.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    expect(proxied.headers.get("x-request-id")).toMatch(/\S/);
    expect(proxied.headers.get("cache-control")).toBe("no-store");
    const [a, b] = await Promise.all([proxied.arrayBuffer(), direct.arrayBuffer()]);
    expect(a.byteLength).toBeGreaterThan(0);
    expect(new Uint8Array(a)).toEqual(new Uint8Array(b));
    // And through the client: the same bytes as a stream.
    const stream = await zendesk.download("attachments", { attachment_id: 1 });
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(new Uint8Array(b));
  });

  it("relays the body as it arrives instead of buffering it", async () => {
    let push: ((chunk: string) => void) | undefined;
    let end: (() => void) | undefined;
    const upstreamBody = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        push = (chunk) => controller.enqueue(encoder.encode(chunk));
        end = () => controller.close();
      },
    });
    const proxy = createProxyHandler({
      baseUrl: "https://api.example.test",
      fetch: async () => new Response(upstreamBody, { status: 200, headers: { "content-type": "application/pdf", "set-cookie": "a=b" } }),
    });
    const response = await proxy(
      new Request(`https://app.test/api/v1/integrations/connectors/${otherConnectorId}/execute`, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("set-cookie")).toBeNull();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    push?.("first ");
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first ");
    push?.("second");
    end?.();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("second");
    expect((await reader.read()).done).toBe(true);
  });

  it("answers 404 to everything but the workspace-scoped routes, without calling the API", async () => {
    sent = [];
    const connectorId = otherConnectorId;
    const refused: Array<[string, string]> = [
      ["POST", "/api/v1/account/applications/token"],
      ["POST", "/api/v1/account/applications/scoped-token"],
      ["POST", "/api/v1/account/applications/widget-token"],
      ["GET", "/api/v1/workspaces"],
      ["GET", "/api/v1/integrations/definitions/sources"],
      ["PUT", `/api/v1/integrations/connectors/${connectorId}`],
      ["POST", "/api/v1/integrations/connectors/check"],
      ["GET", `/api/v1/integrations/connectors/${connectorId}/inspect`],
      ["GET", "/api/v1/integrations/connectors/not-a-uuid"],
      ["GET", "/api/v1/integrations/connectors/"],
      ["GET", `/api/v1/integrations/connectors/${connectorId}/execute`],
      ["PATCH", `/api/v1/integrations/connectors/${connectorId}`],
      ["POST", "/api/v1/integrations/connectors/oauth/initiate"],
    ];
    for (const [method, path] of refused) {
      const res = await viaProxy(path, { method, ...(method === "GET" ? {} : { body: "{}" }) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Outside the prefix, and encoded tricks.
    expect((await fetch(`${served.url}/api/v1/integrations/connectors`, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(
      404,
    );
    expect((await viaProxy("/api/v1/integrations/connectors/..%2F..%2Fworkspaces")).status).toBe(404);
    expect(sent).toEqual([]);
  });

  it("strips cookies and every other header", async () => {
    sent = [];
    const res = await viaProxy("/api/v1/integrations/connectors?workspace_name=default", {
      headers: {
        cookie: "session=abc123; csrftoken=xyz",
        "x-organization-id": "0b8e5d1c-3c1a-4c5e-8a8c-8f5e0a4d9b11",
        "x-forwarded-for": "10.0.0.1",
        "x-api-key": "sk_live_should_not_pass",
        accept: "application/json",
      },
    });
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    const headers = sent[0]?.headers as Headers;
    expect([...headers.keys()].sort()).toEqual(["accept", "authorization"]);
    expect(headers.get("accept")).toBe("application/json");
  });

  it("never adds the application token: no token is a 401, an application token a 403, an app-only route a 404", async () => {
    sent = [];
    const anonymous = await viaProxy("/api/v1/integrations/connectors?workspace_name=default", { token: null });
    expect(anonymous.status).toBe(401);
    const { token: appToken } = await server.tokens.application();
    const withAppToken = await viaProxy("/api/v1/integrations/connectors?workspace_name=default", { token: appToken });
    expect(withAppToken.status).toBe(403);
    expect(sent).toEqual([]);

    // A widget token through the proxy cannot reach another workspace, nor an application-only endpoint.
    const browser = createWidgetClient({ getToken: () => widgetToken, baseUrl: `${served.url}${PREFIX}`, logLevel: "off", maxRetries: 0 });
    const error = await browser.connectors.get(otherConnectorId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).requestId).toMatch(/\S/);
    await expect(browser.connector({ connectorId: otherConnectorId }).update({ name: "x" })).rejects.toMatchObject({ status: 404 });
    for (const call of sent) expect(call.headers.get("authorization")).toBe(`Bearer ${bearer}`);
  });

  it("passes Retry-After through and answers 502 when the API is unreachable", async () => {
    h.emu.setFaults({ queue: [{ status: 429, retryAfter: 2, match: { path: "/integrations/connectors" } }] });
    try {
      const limited = await viaProxy("/api/v1/integrations/connectors?workspace_name=default");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("2");
    } finally {
      h.emu.setFaults(undefined);
    }
    const down = createProxyHandler({ baseUrl: "http://127.0.0.1:9" });
    const res = await down(
      new Request("https://app.test/api/v1/integrations/connectors", { headers: { authorization: `Bearer ${bearer}` } }),
    );
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it("refuses an oversized body with 413", async () => {
    const small = createProxyHandler({ baseUrl: h.emu.url, maxBodyBytes: 16 });
    const res = await small(
      new Request("https://app.test/api/v1/integrations/connectors", {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: JSON.stringify({ workspace_name: "default", connector_type: "Stripe" }),
      }),
    );
    expect(res.status).toBe(413);
  });

  it("stops reading a chunked request body once it passes maxBodyBytes instead of buffering it all", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    // 200 chunks of 64 KiB (12.5 MiB), with no content-length.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 200) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const proxy = createProxyHandler({ maxBodyBytes: 1024, fetch: async () => new Response("{}") });
    const response = await proxy(chunkedCreate(body));
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("relays a chunked request body under maxBodyBytes whole", async () => {
    const encoder = new TextEncoder();
    const parts = ['{"workspace_name":', '"default",', '"connector_type":"Stripe"}'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(encoder.encode(part));
        controller.close();
      },
    });
    let relayed: string | undefined;
    const proxy = createProxyHandler({
      maxBodyBytes: 1024,
      fetch: async (_input, init) => {
        relayed = await new Response(init?.body).text();
        return new Response("{}");
      },
    });
    const response = await proxy(chunkedCreate(body));
    expect(response.status).toBe(200);
    expect(relayed).toBe(parts.join(""));
  });
});
