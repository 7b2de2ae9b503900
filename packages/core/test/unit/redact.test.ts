import { describe, expect, it } from "vitest";
import { AbortError, AirbyteError, ApiError, ConnectionError, TimeoutError, TokenError, ValidationError } from "../../src/errors/index";
import {
  createSecretRegistry,
  isSensitiveKey,
  MAX_ROTATING_SECRETS,
  REDACTED,
  redactHeaders,
  redactText,
  redactValue,
  rememberBodySecrets,
} from "../../src/redact";

const SECRET = "sk_live_SENTINEL_abcdef123456";
// header.payload.signature of a real-looking HS256 token.
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJTRU5USU5FTC11c2VyIiwid29ya3NwYWNlX2lkIjoiYWNtZSJ9.c2lnbmF0dXJlU0VOVElORUxzaWduYXR1cmU";
const BEARER = "Bearer opaqueSENTINELtoken_0123456789";
const WIDGET_TOKEN = btoa(JSON.stringify({ token: JWT, widgetUrl: "https://widget.airbyte.ai/x" }));
const SENTINELS = [SECRET, JWT, "opaqueSENTINELtoken_0123456789", WIDGET_TOKEN, "SENTINEL"];

function everywhere(err: Error): string {
  return [
    err.message,
    JSON.stringify(err),
    String(err.stack),
    JSON.stringify((err as { body?: unknown }).body ?? null),
    String((err as { cause?: { message?: string } }).cause?.message ?? ""),
    String((err as { cause?: { stack?: string } }).cause?.stack ?? ""),
  ].join("\n");
}

function expectNoSentinel(err: Error): void {
  const text = everywhere(err);
  for (const sentinel of SENTINELS) expect(text).not.toContain(sentinel);
}

describe("no secret reaches message, JSON, stack or cause", () => {
  it("ApiError with a body that echoes the client secret, a JWT and a Bearer header", () => {
    const secrets = createSecretRegistry();
    secrets.add(SECRET);
    const err = ApiError.from({
      status: 400,
      body: {
        message: `Invalid client secret ${SECRET}; header was Authorization: ${BEARER}`,
        errors: [
          { field: "client_secret", message: `got ${SECRET}`, error_code: "invalid_client" },
          { field: "token", message: `token ${JWT} is expired` },
        ],
        client_secret: SECRET,
        echo: { headers: { Authorization: BEARER }, widget: WIDGET_TOKEN },
        token_type: "Bearer",
      },
      method: "POST",
      path: `/api/v1/account/applications/token?client_secret=${SECRET}`,
      redact: secrets.redact,
    });
    expectNoSentinel(err);
    expect(err.message).toBe(
      "400 POST /api/v1/account/applications/token: Invalid client secret [REDACTED]; header was Authorization: Bearer [REDACTED]",
    );
    expect(err.body).toMatchObject({
      client_secret: REDACTED,
      echo: { headers: { Authorization: REDACTED }, widget: REDACTED },
      token_type: "Bearer",
    });
    expect(err.fieldErrors).toEqual([
      { field: "client_secret", message: "got [REDACTED]", code: "invalid_client" },
      { field: "token", message: "token [REDACTED] is expired" },
    ]);
  });

  it("patterns alone (no registry) still catch JWTs, Bearer credentials and sensitive keys", () => {
    const err = ApiError.from({
      status: 401,
      body: { detail: `Token ${JWT} rejected (sent ${BEARER})`, access_token: SECRET },
      method: "GET",
      path: "/api/v1/workspaces",
    });
    expectNoSentinel(err);
    expect(err.message).toBe("401 GET /api/v1/workspaces: Token [REDACTED] rejected (sent Bearer [REDACTED])");
  });

  it("the base class redacts through the client's redactor", () => {
    const secrets = createSecretRegistry();
    secrets.add(SECRET);
    const err = new AirbyteError(`could not use ${SECRET}`, { redact: secrets.redact });
    expect(err.message).toBe("could not use [REDACTED]");
    expectNoSentinel(err);
  });

  it.each([
    ["ConnectionError", (m: string, o: object) => new ConnectionError(m, o)],
    ["TimeoutError", (m: string, o: object) => new TimeoutError(m, o)],
    ["AbortError", (m: string, o: object) => new AbortError(m, o)],
    ["TokenError", (m: string, o: object) => new TokenError(m, { ...o, code: "token_refresh_failed" })],
    ["ValidationError", (m: string, o: object) => new ValidationError(m, { ...o, code: "invalid_input" })],
  ])("%s redacts its message and its cause", (_name, make) => {
    const secrets = createSecretRegistry();
    secrets.add(SECRET);
    const cause = new TypeError(`fetch failed: https://api.airbyte.ai/x?access_token=${SECRET} ${BEARER}`);
    const err = make(`failed with ${SECRET}`, { cause, redact: secrets.redact });
    expectNoSentinel(err);
    // The caller's own error object is left untouched.
    expect(cause.message).toContain(SECRET);
  });

  it("keeps a clean cause by identity, so its fields stay usable", () => {
    const cause = Object.assign(new TypeError("fetch failed"), { code: "ECONNREFUSED" });
    const err = new ConnectionError("GET /api/v1/workspaces: fetch failed", { cause });
    expect(err.cause).toBe(cause);
    expect(err.toJSON().cause).toEqual({ name: "TypeError", message: "fetch failed" });
  });

  it("replaces a leaking cause with a redacted copy that keeps name and code", () => {
    const cause = Object.assign(new TypeError(`connect to ?token=${SECRET}`), { code: "ECONNRESET" });
    const err = new ConnectionError("GET /x: failed", { cause });
    expect(err.cause).not.toBe(cause);
    expect(err.cause).toMatchObject({ name: "TypeError", code: "ECONNRESET", message: "connect to ?token=[REDACTED]" });
  });

  it("redacts a leak hidden in a nested cause", () => {
    const inner = new Error(`inner ${BEARER}`);
    const outer = new Error("outer", { cause: inner });
    const err = new ConnectionError("GET /x: failed", { cause: outer });
    const copy = err.cause as Error & { cause: Error };
    expect(copy.message).toBe("outer");
    expect(copy.cause.message).toBe("inner Bearer [REDACTED]");
  });

  it("redacts string and object causes", () => {
    expect(new ConnectionError("x", { cause: `oops ${BEARER}` }).cause).toBe("oops Bearer [REDACTED]");
    expect(new ConnectionError("x", { cause: { password: "hunter2hunter2" } }).cause).toEqual({
      password: REDACTED,
    });
  });

  it("ValidationError does not quote a rejected secret from a sensitive field", () => {
    // A valibot issue as safeParse returns it (a variable, so its extra fields are allowed).
    const issue = {
      kind: "schema",
      type: "number",
      input: SECRET,
      expected: "number",
      received: `"${SECRET}"`,
      message: `Invalid type: Expected number but received "${SECRET}"`,
      path: [{ type: "object", origin: "value", input: {}, key: "api_key", value: SECRET }],
    };
    const err = ValidationError.fromIssues([issue], { code: "invalid_input" });
    expectNoSentinel(err);
    expect(err.issues).toEqual([{ path: "api_key", message: "Invalid type: Expected number" }]);
    const comma = { ...issue, message: `Invalid type: Expected number,  BUT RECEIVED "${SECRET}"` };
    expect(ValidationError.fromIssues([comma], { code: "invalid_input" }).issues[0]?.message).toBe("Invalid type: Expected number");
  });
});

describe("isSensitiveKey", () => {
  it.each([
    "token",
    "access_token",
    "refresh_token",
    "accessToken",
    "client_secret",
    "clientSecret",
    "password",
    "db_password",
    "credentials",
    "api_key",
    "api-key",
    "apiKey",
    "APIKEY",
    "x-api-key",
    "authorization",
    "Authorization",
    "private_key",
    "privateKey",
    "aws_access_key",
    "scopedAuthToken",
    "cookie",
    "page_access_token",
    "session_token",
    "id_token",
  ])("%s is sensitive", (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each([
    "token_type",
    "tokenType",
    "expires_in",
    "refresh_token_expires_in",
    "token_expires_at",
    "credentials_schema",
    "secret_name",
    "token_url",
    "name",
    "workspace_name",
    "id",
    "connector_type",
    // Paging cursors, as the connector specs name them.
    "pageToken",
    "page_token",
    "nextPageToken",
    "next_page_token",
    "nextToken",
    "NextToken",
    "sync_token",
    "continuation_token",
  ])("%s is not", (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe("redactValue", () => {
  it("redacts secret values and keeps metadata about them", () => {
    const tokenResponse = { access_token: SECRET, token_type: "Bearer", expires_in: 900, refresh_token: SECRET };
    expect(redactValue(tokenResponse)).toEqual({
      access_token: REDACTED,
      token_type: "Bearer",
      expires_in: 900,
      refresh_token: REDACTED,
    });
  });

  it("deep-copies and never mutates the input", () => {
    const input = { nested: [{ password: "hunter2hunter2", keep: "me" }], credentials: { api_key: "k" } };
    const output = redactValue(input) as typeof input;
    expect(output).toEqual({ nested: [{ password: REDACTED, keep: "me" }], credentials: REDACTED });
    expect(input.nested[0]?.password).toBe("hunter2hunter2");
    expect(output.nested).not.toBe(input.nested);
  });

  it("keeps booleans and nulls under sensitive keys, since they cannot be secrets", () => {
    expect(redactValue({ has_credentials: true, refresh_token: null, password: 1234 })).toEqual({
      has_credentials: true,
      refresh_token: null,
      password: REDACTED,
    });
  });

  it("runs strings under ordinary keys through the text rules", () => {
    expect(redactValue({ note: `header ${BEARER}` })).toEqual({ note: "header Bearer [REDACTED]" });
  });

  it("survives cycles and exotic values", () => {
    const node: Record<string, unknown> = { name: "a" };
    node.self = node;
    node.map = new Map([["token", "x"]]);
    node.when = new Date(0);
    expect(redactValue(node)).toEqual({ name: "a", self: "[Circular]", map: "[Map]", when: new Date(0) });
  });

  it("copies shared (non-cyclic) references twice rather than calling them circular", () => {
    const shared = { a: 1 };
    expect(redactValue({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});

describe("redactHeaders", () => {
  it("redacts Authorization, Cookie, X-Api-Key and look-alikes in a Headers object", () => {
    const headers = new Headers({
      Authorization: BEARER,
      Cookie: "session=abc",
      "X-Api-Key": SECRET,
      "X-Auth-Token": SECRET,
      "X-Organization-Id": "org_1",
      Accept: "application/json",
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      "x-api-key": REDACTED,
      "x-auth-token": REDACTED,
      "x-organization-id": "org_1",
      accept: "application/json",
    });
  });

  it("accepts records and pairs, skipping undefined values", () => {
    expect(redactHeaders({ authorization: "x", "x-trace": undefined, "x-note": `via ${BEARER}` })).toEqual({
      authorization: REDACTED,
      "x-note": "via Bearer [REDACTED]",
    });
    expect(redactHeaders([["Proxy-Authorization", "Basic dXNlcjpwYXNz"]])).toEqual({
      "proxy-authorization": REDACTED,
    });
  });
});

describe("redactText", () => {
  it.each([
    [`Authorization: ${BEARER}`, "Authorization: Bearer [REDACTED]"],
    ["Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic [REDACTED]"],
    [`jwt ${JWT} end`, "jwt [REDACTED] end"],
    [`widget ${WIDGET_TOKEN}`, "widget [REDACTED]"],
    [`GET /x?workspace=acme&access_token=${SECRET}&limit=5`, "GET /x?workspace=acme&access_token=[REDACTED]&limit=5"],
    [`{"client_secret": "${SECRET}", "token_type": "bearer"}`, '{"client_secret": "[REDACTED]", "token_type": "bearer"}'],
    [`{'password': 'hunter2hunter2'}`, "{'password': '[REDACTED]'}"],
  ])("%s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    "Bearer authentication required",
    "Token expired",
    "see https://api.airbyte.ai/api/v1/workspaces",
    "version 1.2.3 of io.airbyte.auth",
    "Provided keys: [api_key, client_secret]. Available schemes: oauth2",
    "token_type=bearer",
    "limit=10&cursor=abc",
  ])("leaves ordinary text alone: %s", (text) => {
    expect(redactText(text)).toBe(text);
  });

  it("removes known secrets verbatim", () => {
    expect(redactText(`x ${SECRET} y`, [SECRET])).toBe("x [REDACTED] y");
  });
});

describe("createSecretRegistry", () => {
  it("ignores secrets shorter than 6 characters and non-strings", () => {
    const secrets = createSecretRegistry();
    secrets.add("abc");
    secrets.add(undefined);
    secrets.add(null);
    expect(secrets.redact("abc abcdef")).toBe("abc abcdef");
    secrets.add("abcdef");
    expect(secrets.redact("abc abcdef")).toBe("abc [REDACTED]");
  });

  it("also removes the URL-encoded form", () => {
    const secrets = createSecretRegistry();
    secrets.add("p@ss word/123");
    expect(secrets.redact("form: secret_hint=p%40ss%20word%2F123")).toBe("form: secret_hint=[REDACTED]");
    expect(secrets.redact("x p%40ss%20word%2F123 y")).toBe("x [REDACTED] y");
  });

  it("removes a longer secret whole even when it contains a shorter one", () => {
    const secrets = createSecretRegistry();
    secrets.add("abcdef");
    secrets.add("abcdef-longer-secret");
    expect(secrets.redact("v=abcdef-longer-secret")).toBe("v=[REDACTED]");
  });

  it("keeps registries apart", () => {
    const a = createSecretRegistry();
    const b = createSecretRegistry();
    a.add("only-in-a-123");
    expect(a.redact("only-in-a-123")).toBe(REDACTED);
    expect(b.redact("only-in-a-123")).toBe("only-in-a-123");
  });
});

describe("rememberBodySecrets: what an execute body leaves in the registry", () => {
  it("a paging cursor is not remembered, page after page; a credential in the same body is", () => {
    const secrets = createSecretRegistry();
    const cursors = Array.from({ length: 50 }, (_, i) => `CkUKQwo5${i}bmV4dF9wYWdlX3Rva2Vu${i}`);
    for (const pageToken of cursors)
      rememberBodySecrets(secrets, {
        entity: "files",
        action: "list",
        params: { pageSize: 100, pageToken, api_key: "sk_live_in_params_42" },
      });
    const text = `cursors ${cursors.join(" ")} key sk_live_in_params_42`;
    expect(secrets.redact(text)).toBe(`cursors ${cursors.join(" ")} key [REDACTED]`);
  });
});

describe("createSecretRegistry: rotating secrets (minted tokens)", () => {
  // Opaque, so no pattern rule catches them: only the registry can.
  const token = (i: number) => `opaque-token-${String(i).padStart(4, "0")}-value`;

  it("keeps the latest tokens only, so a long-lived client's registry stays bounded", () => {
    const secrets = createSecretRegistry();
    for (let i = 0; i < MAX_ROTATING_SECRETS + 5; i++) secrets.addRotating(token(i));
    expect(secrets.redact(`old ${token(0)}`)).toBe(`old ${token(0)}`);
    expect(secrets.redact(`old ${token(4)}`)).toBe(`old ${token(4)}`);
    for (let i = 5; i < MAX_ROTATING_SECRETS + 5; i++) expect(secrets.redact(`now ${token(i)}`)).toBe(`now ${REDACTED}`);
    expect(secrets.redact(encodeURIComponent(`a/${token(9)}`))).not.toContain(token(9));
  });

  it("never forgets a permanent secret that a rotating one repeated", () => {
    const secrets = createSecretRegistry();
    secrets.add("client-secret-value-1");
    secrets.addRotating("client-secret-value-1");
    for (let i = 0; i < MAX_ROTATING_SECRETS + 1; i++) secrets.addRotating(token(i));
    expect(secrets.redact("x client-secret-value-1")).toBe(`x ${REDACTED}`);
  });
});

// That no pattern can backtrack catastrophically is proven by test/unit/regex-safety.test.ts (recheck, no timing);
// these are the inputs that used to be slow, read right end to end.
describe("redactText on large input", () => {
  it("one long run of base64 is not a secret and comes back whole", () => {
    const input = "a".repeat(1_000_000);
    expect(redactText(input)).toBe(input);
  });

  it("long runs broken by single dots read as JWTs, every segment redacted", () => {
    const out = redactText("abcdefghijkl.".repeat(80_000));
    // No three segments in a row are left: that would be a JWT's shape.
    expect(out).not.toContain("abcdefghijkl.abcdefghijkl.abcdefghijkl");
    expect(out.startsWith(`${REDACTED}.${REDACTED}.`)).toBe(true);
  });

  it("a key without a value separator is left as it is", () => {
    const input = `${"k".repeat(500_000)} x`;
    expect(redactText(input)).toBe(input);
  });

  it("many unterminated quoted pairs: each value that closes is redacted", () => {
    const out = redactText(`"password": "x`.repeat(20_000));
    expect(out.startsWith(`"password": "${REDACTED}"password": "x"password": "${REDACTED}"`)).toBe(true);
    expect(out.split(REDACTED)).toHaveLength(10_001);
  });
});
