import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AbortError,
  AirbyteError,
  type AirbyteErrorCode,
  ConnectionError,
  ConnectorResolutionError,
  type ErrorCode,
  TimeoutError,
  TokenError,
  ValidationError,
} from "../../src/errors/index";

describe("AirbyteError", () => {
  it("has sensible defaults", () => {
    const err = new AirbyteError("something broke");
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("AirbyteError");
    expect(err.code).toBe("unknown");
    expect(err.retryable).toBe(false);
    expect(err.toJSON()).toEqual({
      name: "AirbyteError",
      code: "unknown",
      message: "something broke",
      retryable: false,
    });
    expect(String(err.stack)).toMatch(/^AirbyteError: something broke/);
    // Unset optional fields are absent, not own `undefined`s cluttering console output.
    expect(Object.keys(err).sort()).toEqual(["code", "name", "retryable"]);
  });

  it("carries every documented field into toJSON", () => {
    const err = new AirbyteError("m", {
      code: "rate_limited",
      status: 429,
      requestId: "req_9",
      method: "delete",
      path: "/api/v1/workspaces/1?force=true",
      retryable: true,
      retryAfterMs: 1500,
    });
    expect(err.toJSON()).toEqual({
      name: "AirbyteError",
      code: "rate_limited",
      message: "m",
      status: 429,
      requestId: "req_9",
      method: "DELETE",
      path: "/api/v1/workspaces/1",
      retryable: true,
      retryAfterMs: 1500,
    });
  });

  it("accepts codes the SDK does not know yet, while knowing its own", () => {
    const err = new AirbyteError("m", { code: "brand_new_server_code" });
    expect(err.code).toBe("brand_new_server_code");
    expectTypeOf<"rate_limited">().toMatchTypeOf<AirbyteErrorCode>();
    expectTypeOf<"anything">().toMatchTypeOf<ErrorCode>();
  });

  it("keeps the cause and describes it in JSON", () => {
    const cause = new RangeError("inner");
    const err = new AirbyteError("outer", { cause });
    expect(err.cause).toBe(cause);
    expect(err.toJSON().cause).toEqual({ name: "RangeError", message: "inner" });
  });

  it("serialises an AirbyteError cause with its own toJSON", () => {
    const inner = new ConnectionError("GET /x: fetch failed");
    const err = new TokenError("could not refresh", { code: "token_refresh_failed", cause: inner });
    expect(err.cause).toBe(inner);
    expect(err.toJSON().cause).toMatchObject({ name: "ConnectionError", code: "connection_error" });
  });

  it("defines no cause when none is given", () => {
    expect("cause" in new AirbyteError("m")).toBe(false);
  });
});

describe("ConnectionError, TimeoutError, AbortError", () => {
  it("ConnectionError is retryable by default", () => {
    const err = new ConnectionError("GET /api/v1/workspaces: fetch failed");
    expect(err.code).toBe("connection_error");
    expect(err.retryable).toBe(true);
  });

  it("TimeoutError per attempt is retryable, a deadline is not", () => {
    const attempt = new TimeoutError("timed out", { code: "timeout", timeoutMs: 30_000 });
    expect(attempt).toBeInstanceOf(ConnectionError);
    expect([attempt.name, attempt.code, attempt.retryable, attempt.timeoutMs]).toEqual(["TimeoutError", "timeout", true, 30_000]);
    const deadline = new TimeoutError("out of time", { code: "deadline_exceeded" });
    expect([deadline.code, deadline.retryable]).toEqual(["deadline_exceeded", false]);
    expectTypeOf(deadline.code).toEqualTypeOf<"timeout" | "deadline_exceeded">();
  });

  it("a write that may have been applied says which: no answer, or a 2xx before the failure", () => {
    const unanswered = new ConnectionError("POST /api/v1/integrations/connectors: socket hang up", { mayHaveSucceeded: true });
    expect([unanswered.retryable, unanswered.mayHaveSucceeded]).toEqual([false, true]);
    expect(unanswered.message).toContain("no answer says whether it was applied");
    const accepted = new ConnectionError("201 POST /api/v1/integrations/connectors: the body broke off.", {
      status: 201,
      mayHaveSucceeded: true,
    });
    expect([accepted.retryable, accepted.mayHaveSucceeded, accepted.status]).toEqual([false, true, 201]);
    expect(accepted.message).toBe(
      "201 POST /api/v1/integrations/connectors: the body broke off. The API accepted the write (HTTP 201), so it was applied: do not repeat it (mayHaveSucceeded: true)",
    );
    // A 5xx says nothing about the write: the outcome stays unknown.
    const failed = new ConnectionError("502 POST /x: bad gateway", { status: 502, mayHaveSucceeded: true });
    expect(failed.message).toContain("no answer says whether it was applied");
  });

  it("AbortError is never retryable and keeps the signal's reason", () => {
    const controller = new AbortController();
    controller.abort(new Error("user left"));
    const err = new AbortError(undefined, { cause: controller.signal.reason });
    expect([err.name, err.code, err.retryable, err.message]).toEqual(["AbortError", "aborted", false, "The request was aborted"]);
    expect((err.cause as Error).message).toBe("user left");
  });
});

describe("ValidationError", () => {
  const Connector = v.object({
    data: v.array(v.object({ id: v.string(), name: v.string() })),
    meta: v.optional(v.record(v.string(), v.number())),
  });

  it("names the JSON path of each issue", () => {
    const result = v.safeParse(Connector, {
      data: [{ id: 1, name: "a" }, { id: "2" }],
      meta: { "odd key": "x" },
    });
    expect(result.success).toBe(false);
    const err = ValidationError.fromIssues(result.issues ?? [], {
      code: "unexpected_response",
      status: 200,
      method: "GET",
      path: "/api/v1/integrations/connectors",
    });
    expect(err.issues.map((issue) => issue.path)).toEqual(["data[0].id", "data[1].name", 'meta["odd key"]']);
    expect(err.message).toBe(
      "200 GET /api/v1/integrations/connectors: Unexpected response: data[0].id: Invalid type: Expected string but received 1; " +
        'data[1].name: Invalid key: Expected "name" but received undefined; ' +
        'meta["odd key"]: Invalid type: Expected number but received "x"',
    );
    expect(err.code).toBe("unexpected_response");
    expect(err.retryable).toBe(false);
    expect(err.toJSON().issues).toHaveLength(3);
  });

  it("describes invalid input before any request, root issues without a path", () => {
    const result = v.safeParse(v.string(), 5);
    const err = ValidationError.fromIssues(result.issues ?? [], { code: "invalid_input" });
    expect(err.message).toBe("Invalid input: Invalid type: Expected string but received 5");
    expect(err.issues).toEqual([{ path: "", message: "Invalid type: Expected string but received 5" }]);
  });

  it("caps the message at three issues", () => {
    const result = v.safeParse(v.array(v.number()), ["a", "b", "c", "d", "e"]);
    const err = ValidationError.fromIssues(result.issues ?? [], { code: "invalid_input" });
    expect(err.message).toMatch(/\(and 2 more\)$/);
    expect(err.issues).toHaveLength(5);
  });
});

describe("TokenError", () => {
  it.each(["token_expired", "token_refresh_failed", "token_invalid", "missing_credentials"] as const)("carries code %s", (code) => {
    const err = new TokenError("no token", { code });
    expect([err.name, err.code, err.retryable]).toEqual(["TokenError", code, false]);
  });
});

describe("ConnectorResolutionError", () => {
  const candidates = [
    { id: "c1", name: "Stripe prod", connectorType: "Stripe" },
    { id: "c2", name: "Stripe test", connectorType: "Stripe" },
  ];

  it("lists the ambiguous candidates", () => {
    const err = new ConnectorResolutionError({
      code: "connector_ambiguous",
      connector: "stripe",
      workspaceName: "acme",
      candidates,
    });
    expect(err.message).toBe(
      '"stripe" matches 2 connectors in workspace "acme": Stripe prod (c1, Stripe); Stripe test (c2, Stripe). Pass { connectorId } to pick one.',
    );
    expect(err.candidates).toEqual(candidates);
    expect(err.toJSON()).toMatchObject({ code: "connector_ambiguous", connector: "stripe", candidates });
  });

  it("lists what is available when nothing matched", () => {
    const err = new ConnectorResolutionError({
      code: "connector_not_found",
      connector: "github",
      workspaceName: "acme",
      candidates,
    });
    expect(err.message).toBe(
      'No connector matches "github" in workspace "acme". Available: Stripe prod (c1, Stripe); Stripe test (c2, Stripe).',
    );
  });

  it("says when the workspace is empty, and truncates long lists", () => {
    expect(new ConnectorResolutionError({ code: "connector_not_found", connector: "x" }).message).toBe(
      'No connector matches "x". The workspace has no connectors yet.',
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `id${i}`, name: `n${i}` }));
    const err = new ConnectorResolutionError({ code: "connector_ambiguous", connector: "n", candidates: many });
    expect(err.message).toContain("n9 (id9); and 2 more.");
    expect(err.candidates).toHaveLength(12);
  });
});
