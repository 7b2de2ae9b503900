// Response validation modes (architecture §4, `validation` option): `strict` throws a ValidationError naming the
// JSON path, `warn` logs and returns the data, `off` returns it silently; per client and per call. The server
// here is a fetch stub, because the emulator never answers off-schema.
import { describe, expect, it, vi } from "vitest";
import { type ClientOptions, createClient, isValidationError, type Logger, ValidationError } from "../../src/index";

const SECRET = "sk_live_validation_SENTINEL_secret_42";
const APP_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2YWxpZGF0aW9uLXRlc3QiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlX29mX3RoZV90b2tlbg";

/** A fake API: the token endpoint answers properly, the connectors list with `listBody`. */
function fakeApi(listBody: unknown) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push(`${init?.method ?? "GET"} ${url.pathname}`);
    if (url.pathname === "/api/v1/account/applications/token") {
      return Response.json({ access_token: APP_TOKEN, token_type: "bearer", expires_in: 900, organization_id: null });
    }
    return Response.json(listBody);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function captureLogger() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (message: string, data?: Record<string, unknown>): void => {
      lines.push(data === undefined ? { level, message } : { level, message, data });
    };
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
}

function client(body: unknown, options: ClientOptions = {}) {
  const api = fakeApi(body);
  const log = captureLogger();
  const airbyte = createClient({
    baseUrl: "https://api.test",
    clientId: "client",
    clientSecret: SECRET,
    fetch: api.fetch,
    logger: log.logger,
    ...options,
  });
  return { airbyte, api, log };
}

const BROKEN = { data: [{ id: 5 }] };

describe("the default (lenient) on a field the SDK reads", () => {
  it("throws ValidationError unexpected_response naming data[0].id", async () => {
    const { airbyte, log } = client(BROKEN);
    const error = await airbyte
      .workspace()
      .connectors.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.code).toBe("unexpected_response");
    expect(v.retryable).toBe(false);
    expect(v.status).toBe(200);
    expect(v.method).toBe("GET");
    expect(v.path).toBe("/api/v1/integrations/connectors");
    expect(v.message).toMatch(/^200 GET \/api\/v1\/integrations\/connectors: Unexpected response: /);
    expect(v.message).toContain("data[0].id");
    expect(v.issues.map((issue) => issue.path)).toContain("data[0].id");
    expect(v.issues.find((issue) => issue.path === "data[0].id")?.message).toMatch(/string/i);
    expect(v.toJSON().issues).toEqual(v.issues);
    expect(log.lines.filter((line) => line.level === "warn")).toHaveLength(0);
  });

  it("is not retried: one request for the list", async () => {
    const { airbyte, api } = client(BROKEN);
    await airbyte
      .workspace()
      .connectors.list()
      .catch(() => undefined);
    expect(api.calls.filter((c) => c === "GET /api/v1/integrations/connectors")).toHaveLength(1);
  });

  it("applies per call even when the client is lenient", async () => {
    const { airbyte } = client(BROKEN, { validation: "off" });
    const error = await airbyte
      .workspace()
      .connectors.list({}, { validation: "strict" })
      .catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
  });

  it("a well-formed response passes", async () => {
    const item = {
      id: "0afbebfc-3d87-49f9-89b5-80a2e69df485",
      name: "Stripe",
      source_template_id: "226322d2-ceee-45f6-ac92-601216c09837",
      summarized_source_template: {
        id: "226322d2-ceee-45f6-ac92-601216c09837",
        name: "Stripe",
        icon: null,
        actor_definition_id: "e094cb9a-26de-4645-8761-65c0c425d1de",
        connector_name: "stripe",
      },
      created_at: "2026-04-20T21:57:20.991787Z",
      updated_at: "2026-04-20T21:57:20.991787Z",
    };
    const { airbyte, log } = client({ data: [item] });
    const list = await airbyte.workspace().connectors.list();
    expect(list).toEqual([expect.objectContaining({ id: item.id, name: "Stripe", connectorType: "Stripe", connectorName: "stripe" })]);
    expect(log.lines).toHaveLength(0);
  });
});

describe("warn", () => {
  it("returns the data and logs one warning naming the path", async () => {
    const { airbyte, log } = client(BROKEN, { validation: "warn" });
    const list = await airbyte.workspace().connectors.list();
    expect(list).toHaveLength(1);
    expect(list[0]!.id).toBe(5 as unknown as string);
    const warnings = log.lines.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain("data[0].id");
    expect(JSON.stringify(warnings[0]!.data)).toContain("data[0].id");
  });

  it("per call, on a strict client", async () => {
    const { airbyte, log } = client(BROKEN);
    await expect(airbyte.workspace().connectors.list({}, { validation: "warn" })).resolves.toHaveLength(1);
    expect(log.lines.filter((line) => line.level === "warn")).toHaveLength(1);
  });
});

describe("off", () => {
  it("returns the data without a word", async () => {
    const { airbyte, log } = client(BROKEN, { validation: "off", logLevel: "debug" });
    const list = await airbyte.workspace().connectors.list();
    expect(list.map((c) => c.id)).toEqual([5]);
    expect(log.lines.filter((line) => line.level === "warn" || line.level === "error")).toHaveLength(0);
  });

  it("per call, on a strict client", async () => {
    const { airbyte, log } = client(BROKEN);
    await expect(airbyte.workspace().connectors.list({}, { validation: "off" })).resolves.toHaveLength(1);
    expect(log.lines).toHaveLength(0);
  });
});

describe("what a ValidationError quotes", () => {
  it("never the secret or the token, even when the bad value is one", async () => {
    // Valibot messages quote the received value; here the server put the bearer token and the client secret
    // where strings are not expected.
    const { airbyte, log } = client({ data: APP_TOKEN, extra: { client_secret: SECRET } }, { logLevel: "debug" });
    const error = await airbyte
      .workspace()
      .connectors.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const warn = client(
      { data: [{ id: SECRET }, { id: 7, name: APP_TOKEN, summarized_source_template: APP_TOKEN }] },
      { validation: "warn" },
    );
    await warn.airbyte.workspace().connectors.list();
    const texts = [
      (error as Error).message,
      String((error as Error).stack),
      JSON.stringify(error),
      JSON.stringify(log.lines),
      JSON.stringify(warn.log.lines),
    ];
    expect(warn.log.lines.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(APP_TOKEN);
    }
  });
});
