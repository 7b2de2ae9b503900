// Small predicates for option checks: plain code, no schema library (the browser entry pays for every byte).
import { invalidOption } from "./invalid-option";

type Options = Record<string, unknown>;

/** True for `{}`-like objects: not null, not an array, not a function. */
export function isObject(value: unknown): value is Options {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Throws unless `options` is undefined or an object; returns it as a record to read fields from.
 *
 * @example
 * ```ts
 * const o = optionsObject("createClient", input);
 * ```
 */
export function optionsObject(what: string, value: unknown, name = "options"): Options {
  if (value === undefined) return {};
  if (!isObject(value)) throw invalidOption(what, name, "an object", value);
  return value;
}

/**
 * Checks `o[name]` when present with `ok`; throws naming the option and what was `expected` otherwise.
 *
 * @example
 * ```ts
 * checkOption("createClient", o, "fetch", "a function", (v) => typeof v === "function");
 * ```
 */
export function checkOption(what: string, o: Options, name: string, expected: string, ok: (value: unknown) => boolean): void {
  const value = o[name];
  if (value !== undefined && !ok(value)) throw invalidOption(what, name, expected, value);
}

/** A number of milliseconds above 0 (a zero timeout would fail every call before it starts). */
export const isPositiveNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v > 0;
export const isNonNegativeInteger = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
export const isText = (v: unknown): boolean => typeof v === "string" && v.trim() !== "";
export const isFunction = (v: unknown): boolean => typeof v === "function";
export const isBoolean = (v: unknown): boolean => typeof v === "boolean";
/** True when `v` is one of `choices`. */
export const oneOf =
  (choices: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === "string" && choices.includes(v);
/** True when `v` is an object whose `methods` are all functions. */
export const hasMethods =
  (methods: readonly string[]) =>
  (v: unknown): boolean =>
    isObject(v) && methods.every((m) => typeof v[m] === "function");

/** What {@link isHttpUrl} accepts, worded for an option's error message. */
export const HTTP_URL_EXPECTED = "an absolute http(s) URL string without ? or # (API paths are appended to it)";

/**
 * An absolute `http:` or `https:` URL string with no query or fragment. Clients append `/api/v1/…` to a base URL
 * as text, so `https://host#v1` became `https://host#v1/api/v1/…`: a request to `/` carrying the client secret.
 */
export function isHttpUrl(v: unknown): boolean {
  if (typeof v !== "string" || /[?#]/.test(v)) return false;
  try {
    const { protocol } = new URL(v);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * True for a real AbortSignal, or one from another realm (a test DOM, an iframe) with the same surface: the
 * transport calls `addEventListener`/`removeEventListener` on it, and anything else crashed the process later (issue 11).
 */
export function isAbortSignal(v: unknown): boolean {
  if (typeof AbortSignal !== "undefined" && v instanceof AbortSignal) return true;
  const s = v as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown } | null;
  return (
    typeof s === "object" &&
    s !== null &&
    typeof s.aborted === "boolean" &&
    typeof s.addEventListener === "function" &&
    typeof s.removeEventListener === "function"
  );
}
