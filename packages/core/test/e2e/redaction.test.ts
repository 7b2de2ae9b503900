// No secret ever leaves through an error, a log line or a hook: the client secret, the application token, a
// scoped token and connector credentials are checked against every surface a caller can print or ship.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AirbyteClient,
  AuthenticationError,
  ConnectionError,
  type Hooks,
  InternalServerError,
  isAirbyteError,
  type Logger,
  PermissionDeniedError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/index";
import { SECRET, useEmulator } from "../helpers/emulator";

const h = useEmulator();

const CREDENTIAL = "sk_test_CREDENTIAL_SENTINEL_123456";
const BAD_SECRET = "sk_live_BAD_SENTINEL_secret_987654321";
const CONNECTORS = "/api/v1/integrations/connectors";

type EchoMode = "pydantic-422" | "token-401" | "html-502";

/**
 * A gateway in front of the emulator. It forwards everything, except that when `echo` is set it answers the
 * next request itself the way careless servers do: FastAPI/pydantic 422s quote the submitted body as `input`,
 * some auth servers repeat the rejected secret, and proxy error pages dump the request headers.
 */
function useEchoGateway() {
  const gateway = { url: "", echo: undefined as EchoMode | undefined };
  let server: Server;
  beforeAll(async () => {
    const target = new URL(h.emu.url);
    server = createServer((req, res) => {
      const mode = gateway.echo;
      if (mode === undefined) {
        const upstream = httpRequest(
          { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on("error", () => res.destroy());
        req.pipe(upstream);
        return;
      }
      gateway.echo = undefined;
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const input: unknown = text === "" ? null : JSON.parse(text);
        const authorization = req.headers.authorization ?? "";
        if (mode === "pydantic-422") {
          res.writeHead(422, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              detail: [{ type: "missing", loc: ["body", "replication_config"], msg: "Field required", input }],
              request: { headers: { authorization } },
            }),
          );
        } else if (mode === "token-401") {
          const secret = (input as { client_secret?: string } | null)?.client_secret;
          res.writeHead(401, { "content-type": "application/json" });
          res.end(JSON.stringify({ detail: `Invalid client credentials: ${secret}`, input }));
        } else {
          res.writeHead(502, { "content-type": "text/html" });
          res.end(
            `<html><head><title>502 Bad Gateway</title></head><body><pre>upstream failed for request
Authorization: ${authorization}
${text}</pre></body></html>`,
          );
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return gateway;
}

const gateway = useEchoGateway();

/** Every line a debug-level logger receives and every info object every hook receives, as text. */
function capture() {
  const lines: string[] = [];
  const infos: string[] = [];
  const log =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      lines.push(`${level} ${message} ${data === undefined ? "" : JSON.stringify(data)}`);
    };
  const logger: Logger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
  const keep = (kind: string) => (info: object) => {
    infos.push(`${kind} ${JSON.stringify(info)} ${inspect(info, { depth: 6 })}`);
    const error = (info as { error?: Error }).error;
    if (error) infos.push(String(error.stack));
  };
  const hooks: Hooks = { onRequest: keep("request"), onResponse: keep("response"), onRetry: keep("retry"), onError: keep("error") };
  return { lines, infos, options: { logger, logLevel: "debug" as const, hooks } };
}

/** Every way a caller might print an error. */
function surfaces(error: unknown): string[] {
  const e = error as Error & { cause?: unknown };
  return [
    e.message,
    String(e.stack),
    String(e),
    JSON.stringify(e),
    JSON.stringify(e.cause) ?? "",
    JSON.stringify((e as { body?: unknown }).body) ?? "",
    String((e.cause as Error | undefined)?.stack),
    inspect(e, { depth: 8 }),
  ];
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAirbyteError(error), `expected an AirbyteError, got ${String(error)}`).toBe(true);
  return error as Error;
}

function expectClean(texts: readonly string[], secrets: readonly string[]): void {
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(16);
    for (const text of texts) expect(text, `leaked ${secret.slice(0, 12)}…`).not.toContain(secret);
  }
}

describe("secrets never leak", () => {
  const seen = capture();
  let client: AirbyteClient;
  let appToken = "";
  let scopedToken = "";
  const errors: Error[] = [];

  beforeAll(async () => {
    client = h.client({ ...seen.options, baseUrl: gateway.url });
    appToken = (await client.tokens.application()).token;
    scopedToken = (await client.tokens.scoped({ workspaceName: "redaction" })).token;
  });
  beforeEach(() => {
    h.emu.setFaults(undefined);
    gateway.echo = undefined;
  });
  const all = () => [SECRET, appToken, scopedToken, CREDENTIAL];

  it("the tokens are real and different", () => {
    expect(appToken.length).toBeGreaterThan(40);
    expect(scopedToken.length).toBeGreaterThan(40);
    expect(appToken).not.toBe(scopedToken);
  });

  it("client.options carries no secret", () => {
    expect(Object.keys(client.options)).not.toContain("clientSecret");
    expect(JSON.stringify(client.options)).not.toContain(SECRET);
    expect(inspect(client, { depth: 6 })).not.toContain(SECRET);
  });

  it("a connector created with credentials, then listed and run, leaks none of them", async () => {
    const ws = client.workspace();
    const created = await ws.connectors.create({
      connectorType: "Stripe",
      name: "redaction-stripe",
      credentials: { api_key: CREDENTIAL },
      replicationConfig: { account_id: "acct_redaction" },
    });
    h.emu.setFaults({ queue: [{ status: 503, match: { method: "POST", path: "/execute" } }] });
    await ws.connector({ connectorId: created.id }).execute("customers", "list", { limit: 1 });
    expect(JSON.stringify(created)).not.toContain(CREDENTIAL);
  });

  it("bad client secret: 401 at the token endpoint", async () => {
    const bad = capture();
    const error = await failure(
      h
        .client({ ...bad.options, clientSecret: BAD_SECRET })
        .workspace()
        .connectors.list(),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("401 POST /api/v1/account/applications/token");
    expect(bad.infos.length).toBeGreaterThan(0);
    expectClean([...surfaces(error), ...bad.lines, ...bad.infos], [BAD_SECRET, SECRET]);
  });

  it("422 for a create whose body holds credentials", async () => {
    const error = await failure(
      client.workspace().connectors.create({ connectorType: "GitHub", credentials: { api_key: CREDENTIAL, client_secret: SECRET } }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    errors.push(error);
    expectClean(surfaces(error), all());
  });

  it("a 500 on a write that carried credentials, and a 500 after the write was applied", async () => {
    h.emu.setFaults({
      queue: [
        { status: 500, match: { method: "POST", path: CONNECTORS } },
        { status: 500, afterWrite: true, match: { method: "POST", path: CONNECTORS } },
      ],
    });
    const input = { connectorType: "Stripe", credentials: { api_key: CREDENTIAL }, replicationConfig: { account_id: "acct_x" } };
    for (let i = 0; i < 2; i++) {
      const error = await failure(client.workspace().connectors.create(input));
      expect(error).toBeInstanceOf(InternalServerError);
      errors.push(error);
      expectClean(surfaces(error), all());
    }
  });

  it("network error: a dropped connection on a write, and an unreachable server during the mint", async () => {
    h.emu.setFaults({ queue: [{ drop: true, match: { method: "POST", path: CONNECTORS } }] });
    const dropped = await failure(
      client
        .workspace()
        .connectors.create({ connectorType: "Stripe", credentials: { api_key: CREDENTIAL }, replicationConfig: { account_id: "a" } }),
    );
    expect(dropped).toBeInstanceOf(ConnectionError);
    errors.push(dropped);

    const offline = capture();
    const unreachable = await failure(
      h
        .client({ ...offline.options, baseUrl: "http://127.0.0.1:9", maxRetries: 0 })
        .workspace()
        .connectors.list(),
    );
    expect(unreachable).toBeInstanceOf(ConnectionError);
    errors.push(unreachable);
    expectClean([...surfaces(dropped), ...surfaces(unreachable), ...offline.lines, ...offline.infos], all());
  });

  it("timeout on a write with credentials, and on the token mint", async () => {
    h.emu.setFaults({ queue: [{ delayMs: 600, match: { method: "POST", path: CONNECTORS } }] });
    const slowWrite = await failure(
      client
        .workspace()
        .connectors.create(
          { connectorType: "Stripe", credentials: { api_key: CREDENTIAL }, replicationConfig: { account_id: "a" } },
          { timeout: 150 },
        ),
    );
    expect(slowWrite).toBeInstanceOf(TimeoutError);
    errors.push(slowWrite);

    const fresh = capture();
    h.emu.setFaults({ queue: [{ delayMs: 600, match: { path: "/applications/token" } }] });
    const slowMint = await failure(
      h
        .client({ ...fresh.options, timeout: 150, maxRetries: 0 })
        .workspace()
        .connectors.list(),
    );
    expect(slowMint).toBeInstanceOf(TimeoutError);
    errors.push(slowMint);
    expectClean([...surfaces(slowWrite), ...surfaces(slowMint), ...fresh.lines, ...fresh.infos], all());
    await new Promise((resolve) => setTimeout(resolve, 600)); // let the emulator finish the delayed answers
  });

  it("validation errors before sending: credentials of the wrong type, and a bad id", async () => {
    const wrongType = await failure(
      client.workspace().connectors.create({ connectorType: "Stripe", credentials: CREDENTIAL as unknown as Record<string, unknown> }),
    );
    expect(wrongType).toBeInstanceOf(ValidationError);
    expect((wrongType as ValidationError).code).toBe("invalid_input");
    errors.push(wrongType);
    const badId = await failure(client.workspace().connectors.get(appToken));
    expect(badId).toBeInstanceOf(ValidationError);
    errors.push(badId);
    expectClean([...surfaces(wrongType), ...surfaces(badId)], all());
  });

  it("tokens used where they do not belong: a scoped token on another workspace, the app token as a scoped token", async () => {
    const scoped = client.workspace("redaction", { scopedToken: true });
    const demo = await client.workspace().connectors.list();
    const foreign = await failure(scoped.connector({ connectorId: demo[0]!.id }).get());
    expect(foreign).toBeInstanceOf(PermissionDeniedError);
    errors.push(foreign);
    const info = await failure(client.tokens.info(appToken));
    errors.push(info);
    const bogus = await failure(client.tokens.info(`${scopedToken}x`));
    errors.push(bogus);
    expectClean([...surfaces(foreign), ...surfaces(info), ...surfaces(bogus)], all());
  });

  it("a pydantic-style 422 that quotes the submitted credentials and the bearer token", async () => {
    gateway.echo = "pydantic-422";
    const error = await failure(
      client.workspace().connectors.create({
        connectorType: "Stripe",
        credentials: { api_key: CREDENTIAL, client_secret: SECRET, nested: { token: SECRET } },
      }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toBe("422 POST /api/v1/integrations/connectors: body.replication_config: Field required");
    // The body is kept (redacted) for debugging: the field errors and non-secret input survive.
    const body = (error as UnprocessableEntityError).body as { detail: { input: { connector_type: string } }[] };
    expect(body.detail[0]!.input.connector_type).toBe("Stripe");
    errors.push(error);
    expectClean(surfaces(error), all());
  });

  it("a token endpoint that repeats the rejected secret", async () => {
    const echoing = capture();
    gateway.echo = "token-401";
    const error = await failure(
      h
        .client({ ...echoing.options, baseUrl: gateway.url })
        .workspace()
        .connectors.list(),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("Invalid client credentials");
    errors.push(error);
    expectClean([...surfaces(error), ...echoing.lines, ...echoing.infos], all());
  });

  it("a proxy error page that dumps the request's Authorization header and body", async () => {
    gateway.echo = "html-502";
    const error = await failure(
      client
        .workspace()
        .connectors.create({ connectorType: "Stripe", credentials: { api_key: CREDENTIAL }, replicationConfig: { account_id: "a" } }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe(
      "502 POST /api/v1/integrations/connectors: 502 Bad Gateway. The write was sent but no answer says whether it was applied: it may have succeeded. Check before repeating it (mayHaveSucceeded: true)",
    );
    errors.push(error);
    expectClean(surfaces(error), all());
    // A read through the same page, with the scoped token.
    gateway.echo = "html-502";
    const scoped = await failure(client.workspace("redaction", { scopedToken: true }).connectors.list({}, { maxRetries: 0 }));
    errors.push(scoped);
    expectClean(surfaces(scoped), all());
  });

  it("the debug logger and the hooks saw none of them, over every scenario above", () => {
    expect(seen.lines.some((line) => line.startsWith("debug [airbyte] request failed"))).toBe(true);
    expect(seen.lines.some((line) => line.startsWith("info [airbyte] retrying request"))).toBe(true);
    expect(seen.infos.length).toBeGreaterThan(20);
    expect(errors.length).toBeGreaterThanOrEqual(12);
    expectClean([...seen.lines, ...seen.infos], all());
    expectClean(errors.flatMap(surfaces), all());
  });
});
