// Malformed and hostile responses (issue "Hardening"): each ends in a typed error that names the path, within
// its timeout or deadline, and no credential ever reaches an origin other than baseUrl. The server here is our
// own node:http server on 127.0.0.1, scripted per test; a second one stands for "another origin" and must
// never receive a request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AirbyteClient,
  type AirbyteError,
  AuthenticationError,
  type ClientOptions,
  ConnectionError,
  createClient,
  InternalServerError,
  PermissionDeniedError,
  type StoredToken,
  TimeoutError,
  type TokenStore,
  ValidationError,
} from "../../src/index";

const SECRET = "sk_live_HOSTILE_client_secret_0123456789";
const TOKEN_PATH = "/api/v1/account/applications/token";
const CONNECTORS = "/api/v1/integrations/connectors";
const CONNECTOR_ID = "2f9c7b52-7d1a-4b8e-9a43-6f1e2d3c4b5a";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Seen {
  method: string;
  path: string;
  body: string;
  authorization: string | undefined;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

let hostile: { server: Server; url: string };
let elsewhere: { server: Server; url: string };
let route: Handler;
let tokenHandler: Handler;
const seen: Seen[] = [];
const seenElsewhere: Seen[] = [];
let mints = 0;

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
}

const goodMint: Handler = (_req, res) => {
  mints++;
  json(res, 200, { access_token: `token-${mints}-abcdefgh`, token_type: "Bearer", expires_in: 900, organization_id: null });
};

const connectorItem = {
  id: CONNECTOR_ID,
  name: "stripe-main",
  summarized_source_template: {
    id: "7a1d2c3b-0000-4000-8000-000000000001",
    name: "Stripe",
    actor_definition_id: "e094cb9a-26de-4645-8761-65c0c425d1de",
  },
};

beforeAll(async () => {
  hostile = await listen((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      seen.push({ method: req.method ?? "", path, body, authorization: req.headers.authorization });
      if (path === TOKEN_PATH) tokenHandler(req, res, body);
      else route(req, res, body);
    });
  });
  elsewhere = await listen((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      seenElsewhere.push({ method: req.method ?? "", path: req.url ?? "", body, authorization: req.headers.authorization });
      json(res, 200, { access_token: "stolen-token-abcdef", token_type: "Bearer", expires_in: 900, data: [] });
    });
  });
});

afterAll(async () => {
  hostile.server.closeAllConnections();
  elsewhere.server.closeAllConnections();
  await Promise.all([new Promise((r) => hostile.server.close(r)), new Promise((r) => elsewhere.server.close(r))]);
});

beforeEach(() => {
  seen.length = 0;
  seenElsewhere.length = 0;
  mints = 0;
  tokenHandler = goodMint;
  route = (_req, res) => json(res, 200, { data: [connectorItem] });
});

function client(options: ClientOptions = {}): AirbyteClient {
  return createClient({
    baseUrl: hostile.url,
    clientId: "client-id-hostile",
    clientSecret: SECRET,
    logLevel: "off",
    maxRetries: 1,
    timeout: 2_000,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<AirbyteError> {
  try {
    await promise;
  } catch (error) {
    return error as AirbyteError;
  }
  throw new Error("expected the call to fail");
}

/** Nothing that identifies the caller reached the other origin, and the error text holds no secret. */
function expectContained(error: AirbyteError): void {
  expect(seenElsewhere).toEqual([]);
  for (const text of [error.message, error.stack ?? "", JSON.stringify(error)]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/token-\d+-abcdefgh/);
  }
}

describe("redirects are never followed", () => {
  it("a token endpoint answering 307 to another origin gets nothing sent there, and a typed error names the origin", async () => {
    tokenHandler = (_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/steal?x=1` });
      res.end();
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error.code).toBe("unexpected_redirect");
    expect(error.status).toBe(307);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(TOKEN_PATH);
    expect(error.message).toContain(elsewhere.url);
    expect(error.message).not.toContain("/steal");
    expectContained(error);
    // One attempt at the mint: a redirect is not a fault to retry.
    expect(seen.filter((r) => r.path === TOKEN_PATH)).toHaveLength(1);
  });

  it("a data call answered 302 to another origin fails without sending the bearer token there", async () => {
    route = (_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/api/v1/integrations/connectors` });
      res.end();
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error).toMatchObject({ code: "unexpected_redirect", status: 302, method: "GET", path: CONNECTORS });
    expectContained(error);
  });

  it("a redirect to the same origin is refused too (the client never follows one)", async () => {
    route = (req, res) => {
      if (req.url?.startsWith("/moved")) return json(res, 200, { data: [] });
      res.writeHead(301, { location: "/moved" });
      res.end();
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error.code).toBe("unexpected_redirect");
    expect(seen.some((r) => r.path === "/moved")).toBe(false);
  });
});

describe("malformed answers are typed errors naming the path", () => {
  it("an HTML 502 page: InternalServerError 502 after the retries, naming the path", async () => {
    route = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, method: "GET", path: CONNECTORS });
    expect(seen.filter((r) => r.path === CONNECTORS)).toHaveLength(2);
  });

  it("a 200 that is not JSON: ValidationError unexpected_response naming the path and the content type", async () => {
    route = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>login</html>");
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe("unexpected_response");
    expect(error.message).toContain(`GET ${CONNECTORS}`);
    expect(error.message).toContain("text/html");
  });

  it("an empty 200 body: ValidationError naming the path", async () => {
    route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain(CONNECTORS);
  });

  it("a wrong shape where the SDK reads (data is not a list): ValidationError naming the field", async () => {
    route = (_req, res) => json(res, 200, { data: "nope" });
    const error = (await failure(client().workspace().connectors.list())) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.path)).toContain("data");
  });

  it("missing fields the SDK does not read pass by default (lenient) and fail only with validation: strict", async () => {
    // No created_at/updated_at/connector_name; an unknown extra field; a template without icon.
    route = (_req, res) => json(res, 200, { data: [{ ...connectorItem, brand_new_field: 1 }] });
    const listed = await client().workspace().connectors.list();
    expect(listed[0]).toMatchObject({ id: CONNECTOR_ID, name: "stripe-main", createdAt: null });
    // A token response without token_type (which the SDK never reads) still mints.
    tokenHandler = (_req, res) => json(res, 200, { access_token: "token-9-abcdefgh", expires_in: 900 });
    await expect(client().workspace().connectors.list()).resolves.toHaveLength(1);
    route = (_req, res) => json(res, 200, { data: [{ id: CONNECTOR_ID }] });
    await expect(client().workspace().connectors.list()).resolves.toHaveLength(1);
    await expect(client({ validation: "strict" }).workspace().connectors.list()).rejects.toBeInstanceOf(ValidationError);
  });

  it("a delete whose answer lacks job_id fails (the SDK reads it); an execute without execution_metadata passes", async () => {
    route = (req, res) => {
      if (req.method === "DELETE") return json(res, 200, { status: "accepted" });
      json(res, 200, { status: "success", result: [{ id: "cus_1" }], connector_metadata: { has_more: false } });
    };
    const ws = client().workspace();
    const error = (await failure(ws.connectors.delete(CONNECTOR_ID))) as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual(["job_id"]);
    const result = await ws.connector({ connectorId: CONNECTOR_ID }).execute("customers", "list", {});
    expect(result.data).toEqual([{ id: "cus_1" }]);
  });

  it("a body cut off mid-read: ConnectionError naming the path, retried for a read", async () => {
    route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"data": [{"id": "');
      setTimeout(() => res.destroy(), 20);
    };
    const error = await failure(client().workspace().connectors.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(`GET ${CONNECTORS}`);
    expect(error.message).toMatch(/reading the response body/);
    expect(seen.filter((r) => r.path === CONNECTORS)).toHaveLength(2);
  });

  it("a write's body cut off after a 201: not repeated, flagged, and the message says the API applied it", async () => {
    route = (req, res) => {
      if (req.method !== "POST") return json(res, 404, { detail: "not here" });
      res.writeHead(201, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"id": "');
      setTimeout(() => res.destroy(), 20);
    };
    const before = seen.filter((r) => r.method === "POST" && r.path === CONNECTORS).length;
    const error = await failure(
      client({ maxRetries: 3 })
        .workspace()
        .connectors.create({
          definitionId: "e094cb9a-26de-4645-8761-65c0c425d1de",
          credentials: { api_key: "sk_test_cut" },
          replicationConfig: {},
        }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: 201, retryable: false, mayHaveSucceeded: true });
    expect(error.message).toContain(`201 POST ${CONNECTORS}: The connection broke while reading the response body`);
    expect(error.message).toContain("The API accepted the write (HTTP 201), so it was applied: do not repeat it");
    expect(error.message).not.toContain("no answer says");
    expect(seen.filter((r) => r.method === "POST" && r.path === CONNECTORS).length - before).toBe(1);
  });

  it("a write answered 2xx that the SDK then cannot use (too large, not JSON, a missing field): flagged as applied, sent once", async () => {
    const answers: ((res: ServerResponse) => void)[] = [
      (res) => {
        res.writeHead(201, { "content-type": "application/json", "content-length": String(4 * 1024 * 1024) });
        res.end();
      },
      (res) => {
        res.writeHead(201, { "content-type": "text/html" });
        res.end("<html>created</html>");
      },
      (res) => json(res, 201, { name: "no id here" }),
    ];
    for (const [i, answer] of answers.entries()) {
      route = (req, res) => (req.method === "POST" ? answer(res) : json(res, 404, { detail: "not here" }));
      const before = seen.filter((r) => r.method === "POST" && r.path === CONNECTORS).length;
      const error = await failure(
        client({ maxRetries: 3, maxResponseBytes: 1024 * 1024 })
          .workspace()
          .connectors.create({
            definitionId: "e094cb9a-26de-4645-8761-65c0c425d1de",
            credentials: { api_key: "sk_test_answer" },
            replicationConfig: {},
          }),
      );
      expect(error, `answer ${i}`).toMatchObject({ status: 201, retryable: false, mayHaveSucceeded: true });
      expect(error.message, `answer ${i}`).toContain("The API accepted the write (HTTP 201), so it was applied: do not repeat it");
      expect(seen.filter((r) => r.method === "POST" && r.path === CONNECTORS).length - before, `answer ${i}`).toBe(1);
    }
    // A read answered the same way is not flagged: nothing was written.
    route = (_req, res) => json(res, 200, { data: "not a list" });
    const read = await failure(client().workspace().connectors.list());
    expect(read.mayHaveSucceeded).toBeUndefined();
  });

  it("an error answer over maxResponseBytes keeps its status: a 503 is still a retried InternalServerError", async () => {
    let calls = 0;
    route = (_req, res) => {
      calls++;
      res.writeHead(503, { "content-type": "text/html", "content-length": String(4 * 1024 * 1024) });
      res.end();
    };
    const error = await failure(
      client({ maxRetries: 1, maxResponseBytes: 1024 * 1024 })
        .workspace()
        .connectors.list(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(calls).toBe(2);
  });

  it("a body larger than maxResponseBytes: response_too_large, declared or streamed, never read whole", async () => {
    const chunk = "x".repeat(64 * 1024);
    route = (req, res) => {
      if (req.method === "POST") {
        // Declared up front: refused before reading.
        res.writeHead(200, { "content-type": "application/json", "content-length": String(8 * 1024 * 1024) });
        res.end();
        return;
      }
      // Streamed without a length: cancelled once past the limit.
      res.writeHead(200, { "content-type": "application/json" });
      let sent = 0;
      const pump = (): void => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once("drain", pump);
        else res.end();
      };
      pump();
    };
    const small = client({ maxResponseBytes: 1024 * 1024 });
    const streamed = await failure(small.workspace().connectors.list());
    expect(streamed).toMatchObject({ code: "response_too_large", retryable: false, method: "GET", path: CONNECTORS });
    expect(streamed.message).toContain("maxResponseBytes");
    const declared = await failure(small.workspace().connector({ connectorId: CONNECTOR_ID }).execute("customers", "list", {}));
    expect(declared.code).toBe("response_too_large");
  });

  it("a compressed body is bounded by its inflated size: its Content-Length is the compressed one", async () => {
    // 2 MB of records gzip to a few KB: a limit checked against Content-Length alone read it whole.
    const records = Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, name: "x".repeat(80) }));
    const inflated = JSON.stringify({ data: records });
    const gzipped = gzipSync(inflated);
    expect(gzipped.byteLength).toBeLessThan(200 * 1024);
    route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(gzipped.byteLength) });
      res.end(gzipped);
    };
    const error = await failure(
      client({ maxResponseBytes: 1024 * 1024 })
        .workspace()
        .connectors.list(),
    );
    expect(error).toMatchObject({ code: "response_too_large", retryable: false, method: "GET", path: CONNECTORS });
    // Under the limit once inflated, the same answer reads whole.
    const big = client({ maxResponseBytes: 4 * 1024 * 1024, validation: "off" });
    await expect(big.workspace().connectors.list()).resolves.toHaveLength(20_000);
  });
});

describe("time and refusals", () => {
  it("a call's timeout starts when its request is sent: a mint slower than it does not fail the call", async () => {
    tokenHandler = (req, res, body) => setTimeout(() => goodMint(req, res, body), 700);
    route = (_req, res) => json(res, 200, { data: [] });
    const started = Date.now();
    await expect(client({ timeout: 2_000 }).workspace().connectors.list({}, { timeout: 400 })).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    // The data request's own timeout still holds once it is sent.
    route = () => {
      // Never answer.
    };
    const error = await failure(client({ timeout: 2_000, maxRetries: 0 }).workspace().connectors.list({}, { timeout: 300 }));
    expect(error).toMatchObject({ name: "TimeoutError", code: "timeout", timeoutMs: 300 });
  });

  it("a call's deadline and signal still bound its wait for a token", async () => {
    tokenHandler = (req, res, body) => setTimeout(() => goodMint(req, res, body), 1_500);
    const started = Date.now();
    const late = await failure(client({ timeout: 5_000 }).workspace().connectors.list({}, { deadline: 400 }));
    expect(late).toMatchObject({ name: "TimeoutError", code: "deadline_exceeded" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const aborted = await failure(client({ timeout: 5_000 }).workspace().connectors.list({}, { signal: controller.signal }));
    expect(aborted).toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it("a server that never answers: TimeoutError naming the host, within timeout x attempts", async () => {
    route = () => {
      // Never answer.
    };
    const started = Date.now();
    const error = await failure(client({ timeout: 300, maxRetries: 1 }).workspace().connectors.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe("timeout");
    expect(error.message).toContain(`GET ${CONNECTORS}`);
    expect(error.message).toContain(new URL(hostile.url).host);
    // Two attempts of 300 ms and one backoff of at most 500 ms, plus slack for a loaded machine.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("Retry-After: 999999 is capped and a deadline ends the call on time", async () => {
    route = (_req, res) => json(res, 429, { detail: "slow down" }, { "retry-after": "999999" });
    const started = Date.now();
    const error = await failure(client({ deadline: 1_500, maxRetries: 5 }).workspace().connectors.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe("deadline_exceeded");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("dropping a refused token from a slow store is bounded by the call's deadline and signal", async () => {
    // A shared store (a KV namespace) whose delete hangs: the call waited for it whatever its deadline.
    const entries = new Map<string, StoredToken>();
    const slowStore: TokenStore = {
      get: (key) => entries.get(key),
      set: (key, value) => void entries.set(key, value),
      delete: (key) => new Promise((resolve) => setTimeout(() => resolve(void entries.delete(key)), 3_000)),
    };
    let refused = 0;
    route = (_req, res) => {
      refused++;
      json(res, 401, { detail: "Token expired" });
    };
    const started = Date.now();
    const late = await failure(client({ tokenStore: slowStore }).workspace().connectors.list({}, { deadline: 500 }));
    expect(late).toMatchObject({ name: "TimeoutError", code: "deadline_exceeded", timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(1_500);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const aborted = await failure(client({ tokenStore: slowStore }).workspace().connectors.list({}, { signal: controller.signal }));
    expect(aborted).toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(refused).toBe(2);
  });

  it("401 on every mint: one AuthenticationError, one mint attempt, no replay loop", async () => {
    tokenHandler = (_req, res) => json(res, 401, { detail: "Invalid client credentials" });
    const error = await failure(client({ maxRetries: 3 }).workspace().connectors.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain(TOKEN_PATH);
    expect(seen.filter((r) => r.path === TOKEN_PATH)).toHaveLength(1);
    expect(seen.filter((r) => r.path === CONNECTORS)).toHaveLength(0);
    expectContained(error);
  });

  it("a 403 that says the token expired drops it, mints again and replays once", async () => {
    let refusals = 0;
    route = (_req, res) => {
      if (refusals++ === 0) return json(res, 403, { detail: "Token has expired" });
      json(res, 200, { data: [connectorItem] });
    };
    await expect(client().workspace().connectors.list()).resolves.toHaveLength(1);
    expect(mints).toBe(2);
    const calls = seen.filter((r) => r.path === CONNECTORS);
    expect(calls.map((r) => r.authorization)).toEqual(["Bearer token-1-abcdefgh", "Bearer token-2-abcdefgh"]);
  });

  it("a 403 about a permission stays a PermissionDeniedError: no new mint, no replay", async () => {
    route = (_req, res) => json(res, 403, { detail: "You do not have access to workspace acme" });
    const error = await failure(client().workspace().connectors.list());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(mints).toBe(1);
    expect(seen.filter((r) => r.path === CONNECTORS)).toHaveLength(1);
  });

  it("connection refused names the host, the root cause, the caller's operation and baseUrl", async () => {
    const { server, url } = await listen(() => {});
    await new Promise((r) => server.close(r));
    const error = await failure(
      createClient({ baseUrl: url, clientId: "id-x", clientSecret: SECRET, logLevel: "off", maxRetries: 0 }).workspace().connectors.list(),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(`GET ${CONNECTORS}`);
    expect(error.message).toContain(new URL(url).host);
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain("baseUrl");
  });
});

describe("streamed downloads", () => {
  /** Streams `chunks` pieces of bytes, one every `everyMs`, then ends (or stalls for good after `stallAfter` pieces). */
  const slowBody =
    (chunks: number, everyMs: number, stallAfter = Number.POSITIVE_INFINITY): Handler =>
    (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= stallAfter) return;
        res.write(Buffer.alloc(1024, sent));
        sent++;
        if (sent === chunks) {
          clearInterval(timer);
          res.end();
        }
      }, everyMs);
      res.on("close", () => clearInterval(timer));
    };
  const bytesOf = async (stream: ReadableStream<Uint8Array>) => {
    let total = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) total += chunk.byteLength;
    return total;
  };

  it("a download that keeps streaming may take longer than its timeout: the timeout is for silence, not the whole body", async () => {
    route = slowBody(8, 150);
    const handle = client({ timeout: 500 }).workspace().connector({ connectorId: CONNECTOR_ID });
    const stream = await handle.download("attachments", { attachment_id: "a1" }, { timeout: 500 });
    expect(await bytesOf(stream)).toBe(8 * 1024);
  });

  it("a download that goes silent longer than its timeout fails the read with a typed TimeoutError", async () => {
    route = slowBody(8, 100, 2);
    const handle = client().workspace().connector({ connectorId: CONNECTOR_ID });
    const stream = await handle.download("attachments", { attachment_id: "a1" }, { timeout: 400 });
    const error = await failure(bytesOf(stream));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "timeout", timeoutMs: 400 });
  });
});

describe("writes and local failures", () => {
  it("a write answered 500 is flagged mayHaveSucceeded, not retryable, and not repeated", async () => {
    route = (_req, res) => json(res, 500, { detail: "boom" });
    const error = await failure(
      client({ maxRetries: 3 })
        .workspace()
        .connector({ connectorId: CONNECTOR_ID })
        .execute("customers", "create", { email: "a@example.com" }),
    );
    expect(error).toMatchObject({ status: 500, retryable: false, mayHaveSucceeded: true });
    expect(error.message).toContain("may have succeeded");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ mayHaveSucceeded: true, retryable: false });
    expect(seen.filter((r) => r.path.endsWith("/execute"))).toHaveLength(1);
  });

  it("a write refused with 429 is retried (the server did not apply it) and never flagged", async () => {
    let calls = 0;
    route = (_req, res) => {
      if (calls++ === 0) return json(res, 429, { detail: "slow down" }, { "retry-after": "0" });
      json(res, 200, { status: "success", result: { id: "cus_2" }, connector_metadata: null });
    };
    const result = await client()
      .workspace()
      .connector({ connectorId: CONNECTOR_ID })
      .execute("customers", "create", { email: "b@example.com" });
    expect(result.data).toEqual({ id: "cus_2" });
    expect(calls).toBe(2);
  });

  it("a delete whose first answer was lost and whose retry finds nothing reports success", async () => {
    let deletes = 0;
    route = (req, res) => {
      if (req.method !== "DELETE") return json(res, 200, { data: [] });
      if (deletes++ === 0) return json(res, 502, { detail: "bad gateway" });
      json(res, 404, { detail: "Connector not found" });
    };
    await expect(client().workspace().connectors.delete(CONNECTOR_ID)).resolves.toEqual({ jobId: null });
    expect(deletes).toBe(2);
  });

  it("a delete that was never there is still a NotFoundError", async () => {
    route = (_req, res) => json(res, 404, { detail: "Connector not found" });
    const error = await failure(client().workspace().connectors.delete(CONNECTOR_ID));
    expect(error.status).toBe(404);
  });

  it("a BigInt or a cycle in params is a ValidationError naming the field, with nothing sent and no token minted", async () => {
    const handle = client().workspace().connector({ connectorId: CONNECTOR_ID });
    const big = (await failure(handle.execute("customers", "list", { limit: 10n as unknown as number }))) as ValidationError;
    expect(big).toBeInstanceOf(ValidationError);
    expect(big.code).toBe("invalid_input");
    expect(big.retryable).toBe(false);
    expect(big.issues.map((issue) => issue.path)).toEqual(["params.limit"]);
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    const cycle = (await failure(handle.execute("customers", "create", cyclic))) as ValidationError;
    expect(cycle.issues[0]?.path).toBe("params.self");
    expect(cycle.issues[0]?.message).toContain("circular");
    expect(seen).toEqual([]);
  });
});

describe("listings that would never end", () => {
  const mailchimp = {
    id: CONNECTOR_ID,
    name: "newsletter",
    summarized_source_template: {
      id: "7a1d2c3b-0000-4000-8000-000000000002",
      name: "Mailchimp Marketing",
      actor_definition_id: "b03a9f3e-22a5-11eb-adc1-0242ac120002",
    },
  };
  const lists = Array.from({ length: 10 }, (_, i) => ({ id: `list-${i}`, name: `List ${i}` }));

  /** Pages Mailchimp's lists from a server whose execute answers `page(offset)`; what came back and was logged. */
  async function listAll(page: (offset: number | undefined) => unknown[]) {
    const offsets: unknown[] = [];
    route = (req, res, body) => {
      if (req.method === "GET") return json(res, 200, { data: [mailchimp] });
      const { offset } = JSON.parse(body).params as { offset?: number };
      offsets.push(offset);
      json(res, 200, { result: page(offset), connector_metadata: { links: [] }, execution_metadata: {} });
    };
    const warnings: string[] = [];
    const ignore = () => {};
    const logger = { debug: ignore, info: ignore, warn: (message: string) => warnings.push(message), error: ignore };
    const records = await client({ logger, logLevel: "warn" })
      .workspace()
      .connector("mailchimp")
      .paginate("lists", "list", { count: 10 })
      .toArray();
    return { records, offsets, warnings };
  }

  it("an offset the API ignores: the same full page again ends the listing, once, with a warning", async () => {
    // Mailchimp's meta (`links`) says nothing of a next page, so a full page is followed by the next offset; this
    // API answers every offset with the first page.
    const { records, offsets, warnings } = await listAll(() => lists);
    expect(records).toEqual(lists);
    expect(offsets).toEqual([undefined, 10]);
    expect(warnings).toEqual([expect.stringContaining("answered the same page again")]);
  });

  it("an offset the API follows goes on past full pages and stops at the short one", async () => {
    // Records alike but for their ids: pages that moved on differ at their ends.
    const all = Array.from({ length: 25 }, (_, i) => ({ id: `list-${i}`, name: "Same name" }));
    const { records, warnings } = await listAll((offset = 0) => all.slice(offset, offset + 10));
    expect(records).toEqual(all);
    expect(warnings).toEqual([]);
  });

  it("a page that is one record (Amazon Seller Partner's financial events) yields its object; a null page yields nothing", async () => {
    const seller = {
      ...mailchimp,
      summarized_source_template: { ...mailchimp.summarized_source_template, name: "Amazon Seller Partner" },
    };
    seller.summarized_source_template.actor_definition_id = "e55879a8-0ef8-4557-abcf-ab34c53ec460";
    const events = { RefundEventList: [{ AmazonOrderId: "o-1" }], ShipmentEventList: [] };
    route = (req, res, body) => {
      if (req.method === "GET") return json(res, 200, { data: [seller] });
      const first = JSON.parse(body).params.NextToken === undefined;
      json(res, 200, {
        result: first ? events : null,
        connector_metadata: first ? { next_token: "t-2" } : {},
        execution_metadata: {},
      });
    };
    const pages = await client().workspace().connector("amazon-seller-partner").paginate("list_financial_events", "list").toArray();
    expect(pages).toEqual([events]);
  });
});
