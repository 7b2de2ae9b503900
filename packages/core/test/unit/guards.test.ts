import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import * as errors from "../../src/errors/index";
import {
  AbortError,
  AIRBYTE_ERROR_BRAND,
  AirbyteError,
  ApiError,
  ConnectionError,
  ConnectorResolutionError,
  isAbortError,
  isAirbyteError,
  isApiError,
  isAuthenticationError,
  isConnectionError,
  isConnectorResolutionError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isTokenError,
  isValidationError,
  TimeoutError,
  TokenError,
  ValidationError,
} from "../../src/errors/index";

const GUARDS = {
  isAirbyteError,
  isApiError,
  isAuthenticationError,
  isNotFoundError,
  isRateLimitError,
  isValidationError,
  isTimeoutError,
  isAbortError,
  isConnectionError,
  isTokenError,
  isConnectorResolutionError,
};
type GuardName = keyof typeof GUARDS;

function passing(value: unknown): GuardName[] {
  return (Object.keys(GUARDS) as GuardName[]).filter((name) => GUARDS[name](value)).sort();
}

const samples: [string, () => unknown, GuardName[]][] = [
  ["AirbyteError", () => new AirbyteError("x"), ["isAirbyteError"]],
  ["ApiError 418", () => ApiError.from({ status: 418 }), ["isAirbyteError", "isApiError"]],
  ["401", () => ApiError.from({ status: 401 }), ["isAirbyteError", "isApiError", "isAuthenticationError"]],
  ["404", () => ApiError.from({ status: 404 }), ["isAirbyteError", "isApiError", "isNotFoundError"]],
  ["429", () => ApiError.from({ status: 429 }), ["isAirbyteError", "isApiError", "isRateLimitError"]],
  ["503", () => ApiError.from({ status: 503 }), ["isAirbyteError", "isApiError"]],
  ["ConnectionError", () => new ConnectionError("x"), ["isAirbyteError", "isConnectionError"]],
  ["TimeoutError", () => new TimeoutError("x"), ["isAirbyteError", "isConnectionError", "isTimeoutError"]],
  ["AbortError", () => new AbortError(), ["isAbortError", "isAirbyteError"]],
  ["ValidationError", () => new ValidationError("x", { code: "invalid_input" }), ["isAirbyteError", "isValidationError"]],
  ["TokenError", () => new TokenError("x", { code: "token_expired" }), ["isAirbyteError", "isTokenError"]],
  [
    "ConnectorResolutionError",
    () => new ConnectorResolutionError({ code: "connector_not_found", connector: "stripe" }),
    ["isAirbyteError", "isConnectorResolutionError"],
  ],
];

describe("guards", () => {
  it.each(samples)("%s passes exactly its own guards", (_name, make, expected) => {
    expect(passing(make())).toEqual([...expected].sort());
  });

  it.each([
    ["a plain Error", new Error("x")],
    ["an Error named like ours", Object.assign(new Error("x"), { name: "NotFoundError", status: 404 })],
    ["a DOMException AbortError", new DOMException("aborted", "AbortError")],
    ["a DOMException TimeoutError", new DOMException("timed out", "TimeoutError")],
    ["an object with a false brand", { [Symbol.for("airbyte-agents.error")]: "yes", name: "AirbyteError" }],
    ["null", null],
    ["a string", "NotFoundError"],
    ["undefined", undefined],
  ])("rejects %s", (_name, value) => {
    expect(passing(value)).toEqual([]);
  });

  it("uses the global symbol registry for the brand", () => {
    expect(AIRBYTE_ERROR_BRAND).toBe(Symbol.for("airbyte-agents.error"));
    const err = new AirbyteError("x");
    expect((err as unknown as Record<symbol, unknown>)[AIRBYTE_ERROR_BRAND]).toBe(true);
    // The brand never shows up in keys or JSON.
    expect(Object.keys(err)).not.toContain(AIRBYTE_ERROR_BRAND);
    expect(JSON.stringify(err)).not.toContain("airbyte-agents");
  });

  it("recognises a branded object from another realm (node:vm)", () => {
    const foreign: unknown = runInNewContext(
      `const e = new Error("from another realm");
       e.name = "RateLimitError";
       e.status = 429;
       e[Symbol.for("airbyte-agents.error")] = true;
       e`,
    );
    expect(foreign instanceof Error).toBe(false);
    expect(passing(foreign)).toEqual(["isAirbyteError", "isApiError", "isRateLimitError"]);
  });

  it("recognises a plain branded object by name (a fake realm)", () => {
    const fake = { [Symbol.for("airbyte-agents.error")]: true, name: "TimeoutError", code: "deadline_exceeded" };
    expect(passing(fake)).toEqual(["isAirbyteError", "isConnectionError", "isTimeoutError"]);
  });

  it("recognises errors from a second copy of the package", async () => {
    vi.resetModules();
    const copy = (await import("../../src/errors/index")) as typeof errors;
    expect(copy.NotFoundError).not.toBe(errors.NotFoundError);
    const err = copy.ApiError.from({ status: 404 });
    expect(err instanceof errors.NotFoundError).toBe(false);
    expect(isNotFoundError(err)).toBe(true);
    expect(isApiError(err)).toBe(true);
    const timeout = new copy.TimeoutError("t", { code: "timeout" });
    expect(isTimeoutError(timeout)).toBe(true);
    expect(isConnectionError(timeout)).toBe(true);
  });
});
