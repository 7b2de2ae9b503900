import { describe, expect, it, vi } from "vitest";
import { createSecretRegistry } from "../../src/redact";
import { DEFAULT_RETRY_POLICY } from "../../src/transport/retry";
import { createTransport, type TransportConfig } from "../../src/transport/transport";

const FIXED_TOKEN = { get: async () => "token-abcdefgh", invalidate: () => undefined };

function make(fetch: (input: unknown, init?: RequestInit) => Promise<Response>, overrides: Partial<TransportConfig> = {}) {
  const secrets = createSecretRegistry();
  const transport = createTransport({
    baseUrl: "https://api.test",
    fetch: fetch as unknown as typeof globalThis.fetch,
    timeoutMs: 30_000,
    longTimeoutMs: 300_000,
    retry: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 1 },
    hooks: {},
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    redact: secrets.redact,
    secrets,
    validation: "off",
    userAgent: undefined,
    sdkHeader: "test",
    random: () => 0,
    now: () => Date.now(),
    ...overrides,
  });
  return { transport, secrets };
}

function brokenBody(status: number): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode('{"message":"intern'));
      c.error(new TypeError("terminated"));
    },
  });
  return new Response(stream, { status, headers: { "content-type": "application/json" } });
}

/** A body that sends its first bytes and then stalls until the request's signal aborts it, as fetch's own body does. */
function stalledBody(status: number, signal: AbortSignal | null | undefined): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode('{"message":"intern'));
      signal?.addEventListener("abort", () => c.error(signal.reason));
    },
  });
  return new Response(stream, { status, headers: { "content-type": "application/json" } });
}

const notFound = () =>
  new Response(JSON.stringify({ message: "Connector not found" }), { status: 404, headers: { "content-type": "application/json" } });

describe("a write answered 5xx is not sent again", () => {
  it("a write answered 5xx whose body breaks off is not retried", async () => {
    const fetch = vi.fn(async () => brokenBody(500));
    const { transport } = make(fetch);
    const error = await transport
      .request({ method: "POST", path: "/api/v1/integrations/connectors", body: { name: "x" }, schema: null, auth: FIXED_TOKEN })
      .then(
        () => ({}) as { mayHaveSucceeded?: boolean },
        (e: unknown) => e as { mayHaveSucceeded?: boolean },
      );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error.mayHaveSucceeded).toBe(true);
  });

  it("a write whose 5xx body is still being read when the attempt times out is not retried", async () => {
    const fetch = vi.fn(async (_i: unknown, init?: RequestInit) => stalledBody(500, init?.signal));
    const { transport } = make(fetch, { timeoutMs: 50 });
    const error = await transport
      .request({ method: "POST", path: "/api/v1/integrations/connectors", body: { name: "x" }, schema: null, auth: FIXED_TOKEN })
      .then(
        () => ({}) as { mayHaveSucceeded?: boolean; code?: string },
        (e: unknown) => e as { mayHaveSucceeded?: boolean; code?: string },
      );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error.code).toBe("timeout");
    expect(error.mayHaveSucceeded).toBe(true);
  });

  it("a read answered 5xx whose body breaks off is still retried", async () => {
    const fetch = vi.fn(async () => brokenBody(500));
    const { transport } = make(fetch);
    const error = await transport.request({ method: "GET", path: "/api/v1/integrations/connectors", schema: null, auth: FIXED_TOKEN }).then(
      () => ({}) as { mayHaveSucceeded?: boolean },
      (e: unknown) => e as { mayHaveSucceeded?: boolean },
    );
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(error.mayHaveSucceeded).toBeUndefined();
  });
});

describe("a retried DELETE's 404", () => {
  it("DELETE: ECONNREFUSED then 404 is a NotFound, not 'already gone'", async () => {
    let n = 0;
    const fetch = vi.fn(async () => {
      if (++n === 1)
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("connect ECONNREFUSED 1.2.3.4:443"), { code: "ECONNREFUSED" }),
        });
      return notFound();
    });
    const { transport } = make(fetch);
    await expect(
      transport.request({ method: "DELETE", path: "/api/v1/integrations/connectors/does-not-exist", schema: null, auth: FIXED_TOKEN }),
    ).rejects.toMatchObject({ status: 404 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("DELETE: a reset after sending then 404 is already gone", async () => {
    let n = 0;
    const fetch = vi.fn(async () => {
      if (++n === 1) throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
      return notFound();
    });
    const { transport } = make(fetch);
    const result = await transport.request({
      method: "DELETE",
      path: "/api/v1/integrations/connectors/c1",
      schema: null,
      auth: FIXED_TOKEN,
    });
    expect(result.alreadyGone).toBe(true);
  });
});

describe("headers are matched case-insensitively", () => {
  function recording() {
    const seen: Record<string, string>[] = [];
    const fetch = vi.fn(async (_i: unknown, init?: RequestInit) => {
      seen.push(Object.fromEntries(new Headers(init?.headers).entries()));
      return Response.json({});
    });
    return { seen, fetch };
  }
  const SDK_TOKEN = { get: async () => "sdk-token-abcdefgh", invalidate: () => {} };

  it("a per-call Authorization header is sent alone", async () => {
    const { seen, fetch } = recording();
    const { transport } = make(fetch);
    await transport.request(
      { method: "GET", path: "/x", schema: null, auth: SDK_TOKEN },
      { headers: { Authorization: "Bearer user-token-123456" } },
    );
    expect(seen[0]?.authorization?.includes(",")).toBe(false);
    expect(seen[0]?.authorization).toBe("Bearer sdk-token-abcdefgh");
  });

  it("each header has one value, with the SDK's own winning where it sets one", async () => {
    const { seen, fetch } = recording();
    const { transport } = make(fetch, {
      userAgent: "sdk-agent",
      organizationId: "org-sdk",
      defaultHeaders: { Accept: "text/plain", "X-Default": "d" },
    });
    await transport.request(
      { method: "POST", path: "/x", body: { a: 1 }, schema: null, auth: SDK_TOKEN, idempotent: true },
      { headers: { "Content-Type": "text/plain", "User-Agent": "user", "X-Organization-Id": "org-user", ACCEPT: "application/xml" } },
    );
    const sent = seen[0] ?? {};
    for (const value of Object.values(sent)) expect(value.includes(",")).toBe(false);
    expect(sent).toMatchObject({
      "content-type": "application/json",
      "user-agent": "sdk-agent",
      "x-organization-id": "org-sdk",
      // The caller may ask for another representation: the per-call header wins over the client's, which wins over the SDK's.
      accept: "application/xml",
      "x-default": "d",
    });
  });
});

describe("secrets a server echoes in an error", () => {
  it("a text body is redacted before it is cut at 300 characters: no prefix of a registered secret is left", async () => {
    const secret = "sk_live_51HxQvL2eZvKYlo2CAbCdEfGhIjKlMnOpQrStUv";
    const body = `${"Your request could not be processed. ".repeat(7)}Invalid API Key provided: ${secret}`;
    const fetch = vi.fn(async () => new Response(body, { status: 401, headers: { "content-type": "text/plain" } }));
    const { transport, secrets } = make(fetch, { retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 } });
    secrets.add(secret);
    const error = await transport.request({ method: "GET", path: "/api/v1/things", schema: null, auth: FIXED_TOKEN }).then(
      () => new Error("resolved"),
      (e: unknown) => e as Error,
    );
    expect(error.message).not.toContain("sk_live_51HxQvL");
  });

  it("a multi-line secret (a PEM key) echoed in a text body is redacted before whitespace is collapsed", async () => {
    const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";
    const fetch = vi.fn(
      async () => new Response(`could not parse private key ${pem}`, { status: 400, headers: { "content-type": "text/plain" } }),
    );
    const { transport, secrets } = make(fetch);
    secrets.addAll({ private_key: pem });
    const error = await transport.request({ method: "GET", path: "/api/v1/things", schema: null, auth: FIXED_TOKEN }).then(
      () => new Error("resolved"),
      (e: unknown) => e as Error,
    );
    expect(error.message).not.toContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7");
  });

  it.each([
    ["an array", { api_keys: ["sk_live_51HxQvL2eZvKYlo2CAbCdEfGh"] }],
    ["an object", { secrets: { stripe: "sk_live_51HxQvL2eZvKYlo2CAbCdEfGh" } }],
  ])("a secret in %s under a sensitive key of the body is registered", async (_what, params) => {
    const secret = "sk_live_51HxQvL2eZvKYlo2CAbCdEfGh";
    const fetch = vi.fn(async () => Response.json({ message: `Invalid API Key provided: ${secret}` }, { status: 400 }));
    const { transport } = make(fetch);
    const error = await transport
      .request({
        method: "POST",
        path: "/api/v1/integrations/connectors/abc/execute",
        body: { entity: "e", action: "list", params },
        schema: null,
        auth: FIXED_TOKEN,
      })
      .then(
        () => new Error("resolved"),
        (e: unknown) => e,
      );
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String((error as Error).message)).not.toContain(secret);
  });
});

describe("which 5xx are retried", () => {
  it.each([520, 522, 524, 599])("a GET answered %i (a CDN's origin error) is retried, as the README's '5xx' says", async (status) => {
    const fetch = vi.fn(
      async () => new Response("<html><title>Origin timed out</title></html>", { status, headers: { "content-type": "text/html" } }),
    );
    const { transport } = make(fetch);
    await transport.request({ method: "GET", path: "/api/v1/things", schema: null, auth: FIXED_TOKEN }).catch(() => undefined);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it.each([501, 505])("a GET answered %i (the server cannot do it at all) is not", async (status) => {
    const fetch = vi.fn(async () => new Response("no", { status }));
    const { transport } = make(fetch);
    await transport.request({ method: "GET", path: "/api/v1/things", schema: null, auth: FIXED_TOKEN }).catch(() => undefined);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
