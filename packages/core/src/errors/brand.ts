// The public brand check, alone in its module: nothing else of the SDK imports it, so `isAirbyteError` costs a
// bundle these lines only. classes.ts declares the same registry symbol for itself (see there why).
import type { AirbyteError } from "./classes";

/**
 * The brand every `AirbyteError` carries. It comes from the global symbol registry, so an error
 * built by another realm (an iframe, a worker) or another copy of this package still passes the guards.
 *
 * @example
 * ```ts
 * (err as Record<symbol, unknown>)[AIRBYTE_ERROR_BRAND] === true; // what isAirbyteError() checks first
 * ```
 */
export const AIRBYTE_ERROR_BRAND: unique symbol = Symbol.for("airbyte-agents.error");

/**
 * Tells whether a value is any error thrown by this SDK, by its brand, so it also works for
 * errors from another realm or another copy of the package.
 *
 * @example
 * ```ts
 * catch (err) { if (isAirbyteError(err)) console.error(err.code, err.message); else throw err; }
 * ```
 */
export function isAirbyteError(value: unknown): value is AirbyteError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[AIRBYTE_ERROR_BRAND] === true;
}
