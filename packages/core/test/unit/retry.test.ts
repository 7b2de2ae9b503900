import { describe, expect, it, vi } from "vitest";
import { AbortError, AirbyteError, ApiError, ConnectionError, TimeoutError, TokenError, ValidationError } from "../../src/errors/index";
import {
  DEFAULT_RETRY_POLICY,
  isIdempotentRequest,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
  shouldRetry,
} from "../../src/transport/retry";

describe("DEFAULT_RETRY_POLICY", () => {
  it("matches the design", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 8000,
      maxRetryAfterMs: 60_000,
    });
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).toBe(true);
  });
});

type IdempotencyCase = [request: { method: string; executeAction?: string }, expected: boolean];

describe("isIdempotentRequest", () => {
  it.each<IdempotencyCase>([
    [{ method: "GET" }, true],
    [{ method: "get" }, true],
    [{ method: "HEAD" }, true],
    [{ method: "OPTIONS" }, true],
    [{ method: "PUT" }, true],
    [{ method: "DELETE" }, true],
    [{ method: "POST" }, false],
    [{ method: "PATCH" }, false],
    ...["list", "get", "search", "api_search", "context_store_search", "download"].map(
      (executeAction): IdempotencyCase => [{ method: "POST", executeAction }, true],
    ),
    ...["create", "update", "delete", "sql_select", "unknown_action"].map(
      (executeAction): IdempotencyCase => [{ method: "POST", executeAction }, false],
    ),
  ])("%o -> %s", (request, expected) => {
    expect(isIdempotentRequest(request)).toBe(expected);
  });
});

const api = (status: number): ApiError => ApiError.from({ status });

const cases: [string, unknown, read: boolean, write: boolean][] = [
  // Without mayHaveSucceeded the connection failed before sending (refused, unknown host): safe even for a write.
  ["ConnectionError before sending", new ConnectionError("fetch failed"), true, true],
  ["ConnectionError after sending", new ConnectionError("fetch failed", { mayHaveSucceeded: true }), true, false],
  ["TimeoutError per attempt", new TimeoutError("t", { code: "timeout" }), true, false],
  ["TimeoutError deadline", new TimeoutError("t", { code: "deadline_exceeded" }), false, false],
  ["AbortError", new AbortError(), false, false],
  ["408", api(408), true, false],
  ["429", api(429), true, true],
  ["500", api(500), true, false],
  ["502", api(502), true, false],
  ["503", api(503), true, false],
  ["504", api(504), true, false],
  ["400", api(400), false, false],
  ["401", api(401), false, false],
  ["403", api(403), false, false],
  ["404", api(404), false, false],
  ["409", api(409), false, false],
  ["422", api(422), false, false],
  ["501", api(501), false, false],
  ["ValidationError", new ValidationError("v", { code: "unexpected_response" }), false, false],
  ["TokenError", new TokenError("t", { code: "token_refresh_failed" }), false, false],
  ["AirbyteError", new AirbyteError("x"), false, false],
  ["a raw TypeError", new TypeError("fetch failed"), false, false],
  ["a string", "boom", false, false],
];

describe("shouldRetry", () => {
  const policy = DEFAULT_RETRY_POLICY;

  it.each(cases)("%s: read=%s, write=%s", (_name, error, read, write) => {
    expect(shouldRetry({ attempt: 0, policy, error, idempotent: true })).toBe(read);
    expect(shouldRetry({ attempt: 0, policy, error, idempotent: false })).toBe(write);
    // retryWrites opts a write into the read rules.
    expect(shouldRetry({ attempt: 0, policy, error, idempotent: false, retryWrites: true })).toBe(read);
  });

  it("stops after maxRetries", () => {
    const error = api(503);
    const results = [0, 1, 2, 3].map((attempt) => shouldRetry({ attempt, policy, error, idempotent: true }));
    expect(results).toEqual([true, true, false, false]);
    expect(shouldRetry({ attempt: 0, policy: { ...policy, maxRetries: 0 }, error, idempotent: true })).toBe(false);
  });

  it("recognises errors from another copy of the package", async () => {
    vi.resetModules();
    const copy = await import("../../src/errors/index");
    expect(shouldRetry({ attempt: 0, policy, error: copy.ApiError.from({ status: 503 }), idempotent: true })).toBe(true);
    expect(shouldRetry({ attempt: 0, policy, error: new copy.AbortError(), idempotent: true })).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-05-21T12:00:00Z");

  it.each([
    ["0", 0],
    ["2", 2000],
    ["  7 ", 7000],
    ["1.5", 1500],
    ["120", 120_000],
  ])("seconds %j -> %i ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([
    ["Thu, 21 May 2026 12:00:30 GMT", 30_000],
    ["Thursday, 21-May-26 12:01:00 GMT", 60_000],
    ["Thu May 21 12:00:05 2026", 5_000],
    ["Thu, 21 May 2026 11:59:00 GMT", 0],
  ])("HTTP date %j -> %i ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([undefined, null, "", "soon", "-1", "-0.5", "1e3", "2 seconds", "NaN", "Infinity", "2026-05-21T12:00:30Z"])(
    "rejects %j",
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );
});

describe("retryDelay", () => {
  const policy: RetryPolicy = DEFAULT_RETRY_POLICY;

  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 8000],
    [30, 8000],
  ])("attempt %i: full jitter within [0, %i)", (attempt, ceiling) => {
    expect(retryDelay({ attempt, policy, random: () => 0 })).toBe(0);
    const high = retryDelay({ attempt, policy, random: () => 0.999 });
    expect(high).toBeLessThan(ceiling);
    expect(high).toBe(Math.floor(0.999 * ceiling));
  });

  it("uses Retry-After instead of backoff, without jitter", () => {
    const random = vi.fn(() => 0.5);
    expect(retryDelay({ attempt: 0, policy, retryAfterMs: 3000, random })).toBe(3000);
    expect(random).not.toHaveBeenCalled();
  });

  it("caps Retry-After at maxRetryAfterMs", () => {
    expect(retryDelay({ attempt: 0, policy, retryAfterMs: 3_600_000, random: () => 0 })).toBe(60_000);
    expect(retryDelay({ attempt: 0, policy: { ...policy, maxRetryAfterMs: 5000 }, retryAfterMs: 9000, random: () => 0 })).toBe(5000);
  });

  it("honours a Retry-After of zero", () => {
    expect(retryDelay({ attempt: 3, policy, retryAfterMs: 0, random: () => 0.999 })).toBe(0);
  });

  it("ends up with the policy's numbers for a real 429 header", () => {
    const now = Date.now();
    const retryAfterMs = parseRetryAfter("90", now);
    expect(retryDelay({ attempt: 0, policy, retryAfterMs, random: Math.random })).toBe(60_000);
  });
});
