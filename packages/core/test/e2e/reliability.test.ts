// Retries, timeouts, deadlines and cancellation under faults injected by the emulator (api-notes §6, §8):
// reads retry on 5xx, 429, drops and per-attempt timeouts; writes only on 429 (unless retryWrites);
// Retry-After is honoured; deadlines and the caller's signal end the wait early.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  type Hooks,
  InternalServerError,
  RateLimitError,
  type RequestInfo,
  type ResponseInfo,
  type RetryInfo,
  TimeoutError,
  VERSION,
} from "../../src/index";
import { SECRET, useEmulator } from "../helpers/emulator";

const h = useEmulator();

interface Stats {
  requests: number;
  routes: Record<string, number>;
  statuses: Record<string, number>;
}

const CONNECTORS = "/api/v1/integrations/connectors";
const LIST = `GET ${CONNECTORS}`;
const CREATE = `POST ${CONNECTORS}`;
const EXECUTE = `POST ${CONNECTORS}/:id/execute`;
const READ: { method: string; path: string } = { method: "GET", path: CONNECTORS };
const WRITE: { method: string; path: string } = { method: "POST", path: "/integrations/connectors" };
const EXEC: { method: string; path: string } = { method: "POST", path: "/execute" };

const stats = () => h.emu.stats() as unknown as Stats;
/** Requests the emulator finished answering, by method and exact path. */
const answered = (method: string, path: string) => h.emu.requests().filter((r) => r.method === method && r.path === path);

function recordHooks() {
  const seen = {
    requests: [] as RequestInfo[],
    responses: [] as ResponseInfo[],
    retries: [] as RetryInfo[],
    errors: [] as (RequestInfo & { error: unknown })[],
  };
  const hooks: Hooks = {
    onRequest: (info) => void seen.requests.push(info),
    onResponse: (info) => void seen.responses.push(info),
    onRetry: (info) => void seen.retries.push(info),
    onError: (info) => void seen.errors.push(info),
  };
  return { seen, hooks };
}

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;
const stripeInput = (name: string) => ({
  connectorType: "Stripe",
  name,
  credentials: { api_key: "sk_test_reliability_0001" },
  replicationConfig: { account_id: "acct_reliability" },
});

beforeEach(() => {
  h.emu.reset();
});

describe("reads", () => {
  it("are retried after a 503 and a 502, with onRetry told the delays", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    h.emu.setFaults({
      queue: [
        { status: 503, match: READ },
        { status: 502, match: READ },
      ],
    });
    await expect(ws.connectors.list()).resolves.toHaveLength(4);
    expect(seen.retries.map((r) => [r.attempt, (r.error as InternalServerError).status])).toEqual([
      [0, 503],
      [1, 502],
    ]);
    // Full jitter under the default 500 ms base: attempt n waits 0 … 500·2^n ms.
    expect(seen.retries[0]!.delayMs).toBeGreaterThanOrEqual(0);
    expect(seen.retries[0]!.delayMs).toBeLessThanOrEqual(500);
    expect(seen.retries[1]!.delayMs).toBeLessThanOrEqual(1000);
    expect(seen.retries.every((r) => r.error instanceof InternalServerError)).toBe(true);
    const s = stats();
    expect(s.routes[LIST]).toBe(3);
    expect(s.statuses).toMatchObject({ "502": 1, "503": 1 });
    expect(answered("GET", CONNECTORS).map((r) => r.status)).toEqual([503, 502, 200]);
    expect(seen.errors).toHaveLength(0);
  });

  it("wait for Retry-After on a 429 (the hook's delayMs is exactly 1000)", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    await ws.connectors.list(); // mint first, so the timing below is the retry alone
    h.emu.setFaults({ queue: [{ status: 429, retryAfter: 1, match: READ }] });
    const started = Date.now();
    await expect(ws.connectors.list()).resolves.toHaveLength(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(seen.retries).toHaveLength(1);
    expect(seen.retries[0]!.delayMs).toBe(1000);
    expect(seen.retries[0]!.error).toBeInstanceOf(RateLimitError);
    expect((seen.retries[0]!.error as RateLimitError).retryAfterMs).toBe(1000);
    expect(answered("GET", CONNECTORS).map((r) => r.status)).toEqual([200, 429, 200]);
  });

  it("are retried after a dropped connection", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    h.emu.setFaults({ queue: [{ drop: true, match: READ }] });
    await expect(ws.connectors.list()).resolves.toHaveLength(4);
    expect(seen.retries).toHaveLength(1);
    expect(seen.retries[0]!.error).toBeInstanceOf(ConnectionError);
    expect(seen.retries[0]!.error).not.toBeInstanceOf(TimeoutError);
    expect(seen.retries[0]!.error.code).toBe("connection_error");
  });

  it("execute reads (list) are retried on 5xx too", async () => {
    const ws = h.client().workspace();
    const stripe = ws.connector("stripe");
    await stripe.id();
    h.emu.setFaults({ queue: [{ status: 500, match: EXEC }] });
    const result = await stripe.execute("customers", "list", { limit: 3 });
    expect(result.data).toHaveLength(3);
    expect(stats().routes[EXECUTE]).toBe(2);
  });
});

describe("writes", () => {
  it("connector create is not retried on a 500: one request, InternalServerError flagged mayHaveSucceeded, not retryable", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    const name = uniqueName("no-retry");
    h.emu.setFaults({ queue: [{ status: 500, match: WRITE }] });
    const error = await caught(ws.connectors.create(stripeInput(name)));
    expect(error).toBeInstanceOf(InternalServerError);
    // A 500 after the write reached the server: it may have been applied, so following `retryable` must not repeat it.
    expect(error).toMatchObject({ status: 500, retryable: false, mayHaveSucceeded: true, method: "POST", path: CONNECTORS });
    expect((error as Error).message).toContain("may have succeeded");
    expect(stats().routes[CREATE]).toBe(1);
    expect(seen.retries).toHaveLength(0);
    expect(seen.errors).toHaveLength(1);
    expect((await ws.connectors.list()).some((c) => c.name === name)).toBe(false);
  });

  it("execute create (Stripe customers) is not retried on a 500", async () => {
    const stripe = h.client().workspace().connector("stripe");
    await stripe.id();
    h.emu.setFaults({ queue: [{ status: 500, match: EXEC }] });
    const error = await caught(stripe.execute("customers", "create", { email: "no-retry@example.com" }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(stats().routes[EXECUTE]).toBe(1);
  });

  it("are retried on a 429, which the server did not apply", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    const stripe = ws.connector("stripe");
    await stripe.id();
    const name = uniqueName("after-429");
    h.emu.setFaults({ queue: [{ status: 429, retryAfter: 1, match: WRITE }] });
    const created = await ws.connectors.create(stripeInput(name));
    expect(created.name).toBe(name);
    expect(stats().routes[CREATE]).toBe(2);

    h.emu.setFaults({ queue: [{ status: 429, retryAfter: 1, match: EXEC }] });
    const customer = await stripe.execute("customers", "create", { email: "after-429@example.com" });
    expect(customer.data).toMatchObject({ email: "after-429@example.com" });
    expect(stats().routes[EXECUTE]).toBe(2);
    expect(seen.retries.map((r) => r.delayMs)).toEqual([1000, 1000]);
    expect((await ws.connectors.list()).filter((c) => c.name === name)).toHaveLength(1);
  });

  it("are retried on a 503 with retryWrites: true", async () => {
    const ws = h.client().workspace();
    const name = uniqueName("retry-writes");
    h.emu.setFaults({ queue: [{ status: 503, match: WRITE }] });
    const created = await ws.connectors.create(stripeInput(name), { retryWrites: true });
    expect(created.name).toBe(name);
    expect(answered("POST", CONNECTORS).map((r) => r.status)).toEqual([503, 200]);
  });

  it("a 500 after the write was applied surfaces an error although the connector exists (the documented hazard)", async () => {
    const ws = h.client().workspace();
    const name = uniqueName("after-write");
    h.emu.setFaults({ queue: [{ status: 500, afterWrite: true, match: WRITE }] });
    const error = await caught(ws.connectors.create(stripeInput(name)));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(stats().routes[CREATE]).toBe(1); // not retried, so no duplicate either
    const matching = (await ws.connectors.list()).filter((c) => c.name === name);
    expect(matching).toHaveLength(1);
  });

  it("a dropped connection on a write surfaces ConnectionError without a retry", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    await ws.connectors.list();
    const name = uniqueName("dropped");
    h.emu.setFaults({ queue: [{ drop: true, match: WRITE }] });
    const error = await caught(ws.connectors.create(stripeInput(name)));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "connection_error", method: "POST", path: CONNECTORS });
    expect(seen.retries).toHaveLength(0);
    expect(seen.requests.filter((r) => r.method === "POST" && r.path === CONNECTORS)).toHaveLength(1);
    expect((await ws.connectors.list()).some((c) => c.name === name)).toBe(false);
  });
});

describe("time limits", () => {
  it("a slow answer beyond `timeout` is a TimeoutError code timeout, retried for reads", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks, timeout: 300 }).workspace();
    await ws.connectors.list();
    h.emu.setFaults({ queue: [{ delayMs: 1500, match: READ, times: 3 }] });
    const started = Date.now();
    const error = await caught(ws.connectors.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "timeout", timeoutMs: 300, retryable: true });
    expect(seen.retries.map((r) => (r.error as TimeoutError).code)).toEqual(["timeout", "timeout"]);
    expect(Date.now() - started).toBeLessThan(3 * 1500); // waiting out the three slow answers would take 4.5 s
    // Let the emulator finish the three delayed answers, so they do not land in the next test's counters.
    await expect.poll(() => answered("GET", CONNECTORS).length, { timeout: 4000 }).toBe(4);
  });

  it("a per-call timeout with maxRetries 0 fails after one attempt, and a later fast answer succeeds", async () => {
    const ws = h.client().workspace();
    await ws.connectors.list();
    h.emu.setFaults({ queue: [{ delayMs: 1000, match: READ }] });
    const error = await caught(ws.connectors.list({}, { timeout: 200, maxRetries: 0 }));
    expect(error).toMatchObject({ name: "TimeoutError", code: "timeout", timeoutMs: 200 });
    await expect(ws.connectors.list({}, { timeout: 200 })).resolves.toHaveLength(4);
    await expect.poll(() => answered("GET", CONNECTORS).length, { timeout: 3000 }).toBe(3);
  });

  it("`deadline` ends the call with deadline_exceeded before a Retry-After sleep would end", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks, deadline: 800 }).workspace();
    h.emu.setFaults({ queue: [{ status: 503, retryAfter: 1, match: READ, times: 5 }] });
    const started = Date.now();
    const error = await caught(ws.connectors.list());
    expect(Date.now() - started).toBeLessThan(800);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "deadline_exceeded", retryable: false, timeoutMs: 800 });
    expect((error as TimeoutError).cause).toBeInstanceOf(InternalServerError);
    expect(seen.retries).toHaveLength(0);
    expect(answered("GET", CONNECTORS)).toHaveLength(1);
    expect(seen.errors).toHaveLength(1);
  });

  it("a per-call deadline allows the retries that fit and stops at the first that does not", async () => {
    const ws = h.client().workspace();
    await ws.connectors.list();
    h.emu.setFaults({ queue: [{ status: 503, retryAfter: 1, match: READ, times: 5 }] });
    const started = Date.now();
    const error = await caught(ws.connectors.list({}, { deadline: 1600 }));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ name: "TimeoutError", code: "deadline_exceeded" });
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(1600);
    expect(answered("GET", CONNECTORS).map((r) => r.status)).toEqual([200, 503, 503]);
  });
});

describe("cancellation and retry settings", () => {
  it("the caller's signal aborted while waiting to retry gives AbortError promptly, and nothing more is sent", async () => {
    const controller = new AbortController();
    const { seen, hooks } = recordHooks();
    hooks.onRetry = (info) => {
      seen.retries.push(info);
      setTimeout(() => controller.abort(), 50);
    };
    const ws = h.client({ hooks }).workspace();
    await ws.connectors.list();
    h.emu.setFaults({ queue: [{ status: 503, retryAfter: 5, match: READ, times: 3 }] });
    const started = Date.now();
    const error = await caught(ws.connectors.list({}, { signal: controller.signal }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: "aborted", retryable: false });
    expect(seen.retries).toHaveLength(1);
    expect(seen.retries[0]!.delayMs).toBe(5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered("GET", CONNECTORS).map((r) => r.status)).toEqual([200, 503]);
  });

  it("a signal aborted before the call sends nothing", async () => {
    const ws = h.client().workspace();
    const error = await caught(ws.connectors.list({}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(stats().requests).toBe(0);
  });

  it("maxRetries: 0 disables retries, on the client and per call", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks, maxRetries: 0 }).workspace();
    h.emu.setFaults({ queue: [{ status: 503, match: READ }] });
    expect(await caught(ws.connectors.list())).toBeInstanceOf(InternalServerError);
    expect(answered("GET", CONNECTORS)).toHaveLength(1);

    const other = h.client().workspace();
    h.emu.setFaults({ queue: [{ status: 503, match: READ }] });
    expect(await caught(other.connectors.list({}, { maxRetries: 0 }))).toBeInstanceOf(InternalServerError);
    expect(answered("GET", CONNECTORS)).toHaveLength(2);
    expect(seen.retries).toHaveLength(0);
  });

  it("the token mint itself is retried on a 503 (it is safe to repeat), and its attempts reach the hooks", async () => {
    const { seen, hooks } = recordHooks();
    const ws = h.client({ hooks }).workspace();
    h.emu.setFaults({ queue: [{ status: 503, match: { method: "POST", path: "/applications/token" } }] });
    await expect(ws.connectors.list()).resolves.toHaveLength(4);
    expect(answered("POST", "/api/v1/account/applications/token").map((r) => r.status)).toEqual([503, 200]);
    // The token path (transport/mint.ts) reports like any request: two attempts, one retry, then the list.
    const route = (info: RequestInfo) => `${info.method} ${info.path} #${info.attempt}`;
    const MINT = "POST /api/v1/account/applications/token";
    expect(seen.requests.map(route)).toEqual([`${MINT} #0`, `${MINT} #1`, `GET ${CONNECTORS} #0`]);
    expect(seen.responses.map((r) => r.status)).toEqual([503, 200, 200]);
    expect(seen.retries.map(route)).toEqual([`${MINT} #0`]);
    expect(seen.errors).toHaveLength(0);
    // The secret the mint sends is in no hook payload.
    expect(JSON.stringify([seen.requests, seen.responses, seen.retries])).not.toContain(SECRET);
  });

  it("a 503 from the token endpoint during a write is retried: the write itself was never sent", async () => {
    const ws = h.client().workspace();
    const name = uniqueName("mint-503");
    h.emu.setFaults({ queue: [{ status: 503, match: { method: "POST", path: "/applications/token" } }] });
    await expect(ws.connectors.create(stripeInput(name))).resolves.toMatchObject({ name });
    expect(answered("POST", "/api/v1/account/applications/token").map((r) => r.status)).toEqual([503, 200]);
    expect(answered("POST", CONNECTORS).map((r) => r.status)).toEqual([200]);
  });

  it("a 401 from the token endpoint (bad secret) is final: no retry, no replay", async () => {
    const ws = h.client({ clientSecret: "sk_live_wrong_secret_for_this_test_42" }).workspace();
    expect(await caught(ws.connectors.list())).toBeInstanceOf(AuthenticationError);
    expect(stats().requests).toBe(1);
  });
});

describe("what every request carries", () => {
  it("hooks receive redacted headers, never the authorization value", async () => {
    const { seen, hooks } = recordHooks();
    const client = h.client({ hooks });
    const ws = client.workspace();
    h.emu.setFaults({ queue: [{ status: 503, match: READ }] });
    await ws.connectors.list();
    await caught(ws.connectors.get("00000000-0000-4000-8000-000000000000"));
    const token = (await client.tokens.application()).token;

    const authed = seen.requests.filter((r) => !r.path.endsWith("/token"));
    expect(authed.length).toBeGreaterThanOrEqual(3);
    for (const info of [...seen.requests, ...seen.responses, ...seen.retries, ...seen.errors]) {
      if (!info.path.endsWith("/token")) expect(info.headers.authorization).toBe("[REDACTED]");
      expect(info.headers["x-adp-agent-sdk"]).toBe(`airbyte-agents-typescript/${VERSION}`);
    }
    expect(seen.responses.map((r) => r.status)).toEqual([200, 503, 200, 404]);
    expect(seen.errors).toHaveLength(1);
    const everything = JSON.stringify(seen);
    expect(token.length).toBeGreaterThan(20);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("Bearer ");
  });

  describe("headers on the wire", () => {
    // A pass-through proxy in front of the emulator records what actually arrives over HTTP.
    let proxy: Server;
    let proxyUrl = "";
    const received: IncomingHttpHeaders[] = [];
    beforeAll(async () => {
      const target = new URL(h.emu.url);
      proxy = createServer((req, res) => {
        received.push(req.headers);
        const upstream = httpRequest(
          { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    });

    it("x-adp-agent-sdk and user-agent reach the server", async () => {
      await h.client({ baseUrl: proxyUrl }).workspace().connectors.list();
      expect(received).toHaveLength(2);
      for (const headers of received) {
        expect(headers["x-adp-agent-sdk"]).toBe(`airbyte-agents-typescript/${VERSION}`);
        expect(headers["user-agent"]).toContain(`airbyte-agents-typescript/${VERSION}`);
      }
      expect(received[1]!.authorization).toMatch(/^Bearer .{20,}/);
      const log = h.emu.requests();
      expect(log).toHaveLength(2);
      for (const entry of log) {
        expect(entry.userAgent).toContain("airbyte-agents-typescript/");
        expect(entry.userAgent).toContain("node/");
      }
    });
  });
});
