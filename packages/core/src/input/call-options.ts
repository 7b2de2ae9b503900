import type { CallOptions } from "../transport/transport";
import { checkHeaders } from "./headers";
import { invalidInput, requireObject } from "./invalid-input";
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

// Every call option's name; `satisfies` fails the build when CallOptions gains one this list lacks.
const CALL_OPTION_NAMES = {
  signal: 1,
  timeout: 1,
  deadline: 1,
  maxRetries: 1,
  retryWrites: 1,
  headers: 1,
  validation: 1,
} satisfies Record<keyof CallOptions, 1>;

/**
 * Checks a method's first argument (a filter or an input) is an object, and refuses a call option found in it:
 * `connectors.list({ signal })` would otherwise drop the signal without a word, since call options are the
 * argument after it. Returns the object (undefined when `optional` and absent).
 *
 * @example
 * ```ts
 * async list(filter = {}, options: CallOptions = {}) {
 *   checkArgument("connectors.list", "filter", filter);
 * }
 * ```
 */
export function checkArgument(what: string, field: string, value: unknown, optional = true): Record<string, unknown> | undefined {
  const o = requireObject(what, field, value, optional);
  const misplaced = o ? Object.keys(CALL_OPTION_NAMES).filter((name) => name in o) : [];
  if (misplaced[0])
    throw invalidInput(
      what,
      misplaced.map((name) => ({ path: `${field}.${name}`, message: `a call option: pass it in the argument after ${field}` })),
    );
  return o;
}
