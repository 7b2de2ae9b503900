import type { CallOptions } from "../transport/transport";
import { checkHeaders } from "./headers";
import { checkOption, isAbortSignal, isBoolean, isNonNegativeInteger, isPositiveNumber, oneOf, optionsObject } from "./values";

/** What a bad `validation` option is told. */
export const VALIDATION_EXPECTED = '"lenient", "strict", "warn" or "off"';

/** The response-validation modes, shared by client and call options. */
export const VALIDATION_MODES = ["lenient", "strict", "warn", "off"] as const;

// Pure: a bundle that never checks call options drops it.
const isValidationMode = /* @__PURE__ */ oneOf(VALIDATION_MODES);

/**
 * Checks a method's per-call options before anything runs (no token minted, no timer armed, nothing sent):
 * `signal` an AbortSignal, `timeout`/`deadline` positive milliseconds, `maxRetries` a non-negative integer,
 * `retryWrites` a boolean, `headers` valid headers, `validation` a mode. Returns the options, `{}` for undefined.
 *
 * @example
 * ```ts
 * async list(filter = {}, options: CallOptions = {}) {
 *   checkCallOptions("connectors.list", options);
 * }
 * ```
 */
export function checkCallOptions<T extends CallOptions>(what: string, options: T | undefined): T {
  const o = optionsObject(what, options);
  // Most calls pass no options (the default `{}`): nothing to check.
  for (const _ in o) return checkEach(what, o) as T;
  return o as T;
}

function checkEach(what: string, o: Record<string, unknown>): Record<string, unknown> {
  checkOption(what, o, "signal", "an AbortSignal", isAbortSignal);
  checkOption(what, o, "timeout", "a positive finite number of milliseconds", isPositiveNumber);
  checkOption(what, o, "deadline", "a positive finite number of milliseconds", isPositiveNumber);
  checkOption(what, o, "maxRetries", "a non-negative integer", isNonNegativeInteger);
  checkOption(what, o, "retryWrites", "a boolean", isBoolean);
  checkOption(what, o, "validation", VALIDATION_EXPECTED, isValidationMode);
  checkHeaders(what, "headers", o.headers);
  return o;
}
