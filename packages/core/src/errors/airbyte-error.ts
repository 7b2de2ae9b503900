import { type Redactor, redactText, redactValue } from "../transport/redact";
import type { ErrorCode } from "./codes";
import { errorPath } from "./request-message";

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
 * What every error constructor accepts besides its message. `redact` is the client's redactor;
 * it defaults to the pattern rules of `redactText`.
 *
 * @example
 * ```ts
 * new AirbyteError("boom", { code: "server_error", retryable: true, redact: secrets.redact });
 * ```
 */
export interface AirbyteErrorOptions {
  code?: ErrorCode | undefined;
  status?: number | undefined;
  requestId?: string | undefined;
  method?: string | undefined;
  path?: string | undefined;
  retryable?: boolean | undefined;
  retryAfterMs?: number | undefined;
  /**
   * A write was sent and no answer says whether it was applied (a 5xx, a dropped connection, a timeout after
   * sending). Such an error is never retryable, and its message says so.
   */
  mayHaveSucceeded?: boolean | undefined;
  cause?: unknown;
  redact?: Redactor | undefined;
}

/**
 * The plain, redacted object that `JSON.stringify(error)` produces, safe to log or send to a client.
 *
 * @example
 * ```ts
 * const json: AirbyteErrorJSON = err.toJSON();
 * logger.error(json);
 * ```
 */
export interface AirbyteErrorJSON {
  name: string;
  code: ErrorCode;
  message: string;
  status?: number;
  requestId?: string;
  method?: string;
  path?: string;
  retryable: boolean;
  retryAfterMs?: number;
  mayHaveSucceeded?: true;
  cause?: unknown;
}

const MAX_CAUSE_DEPTH = 4;

const OUTCOME_UNKNOWN =
  "The write was sent but no answer says whether it was applied: it may have succeeded. Check before repeating it (mayHaveSucceeded: true)";

function isErrorLike(value: unknown): value is Error {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";
}

function isBranded(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[AIRBYTE_ERROR_BRAND] === true;
}

function isClean(cause: Error, redact: Redactor, depth: number): boolean {
  if (redact(cause.message) !== cause.message) return false;
  if (typeof cause.stack === "string" && redact(cause.stack) !== cause.stack) return false;
  const inner: unknown = cause.cause;
  if (inner === undefined || isBranded(inner)) return true;
  if (depth >= MAX_CAUSE_DEPTH) return false;
  if (isErrorLike(inner)) return isClean(inner, redact, depth + 1);
  if (typeof inner === "string") return redact(inner) === inner;
  // A plain-object cause cannot be checked cheaply; treating it as dirty only costs a copy.
  return typeof inner !== "object" || inner === null;
}

// The caller's cause is kept as-is whenever it is clean, so `err.cause.code === "ECONNREFUSED"`
// still works; a cause that would leak gets a redacted stand-in rather than being mutated.
function sanitizeCause(cause: unknown, redact: Redactor, depth = 0): unknown {
  if (typeof cause === "string") return redact(cause);
  if (cause === null || typeof cause !== "object" || isBranded(cause)) return cause;
  if (!isErrorLike(cause)) return redactValue(cause, redact);
  if (isClean(cause, redact, depth)) return cause;
  const inner: unknown = cause.cause;
  const copy = new Error(
    redact(cause.message),
    inner === undefined || depth >= MAX_CAUSE_DEPTH ? undefined : { cause: sanitizeCause(inner, redact, depth + 1) },
  );
  copy.name = cause.name;
  const code: unknown = (cause as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  copy.stack = typeof cause.stack === "string" ? redact(cause.stack) : `${copy.name}: ${copy.message}`;
  return copy;
}

function describeCause(cause: unknown): unknown {
  if (isBranded(cause) && typeof (cause as { toJSON?: unknown }).toJSON === "function") {
    return (cause as { toJSON(): unknown }).toJSON();
  }
  if (isErrorLike(cause)) return { name: cause.name, message: cause.message };
  return cause;
}

/**
 * The root of every error this SDK throws. The message, path and cause pass through the
 * redactor while the error is built, so no secret can reach `message`, `stack` or `toJSON()`.
 *
 * @example
 * ```ts
 * try {
 *   await ws.connectors.list();
 * } catch (err) {
 *   if (isAirbyteError(err)) console.error(err.code, err.requestId, err.retryable);
 * }
 * ```
 */
export class AirbyteError extends Error {
  override readonly name: string = "AirbyteError";
  /** A machine-readable reason: the server's `error_code` when it sent one, else ours. */
  readonly code: ErrorCode;
  // Optional fields are `declare`d so an unset one is absent rather than an own `undefined`.
  /** The HTTP status, when a response arrived. */
  declare readonly status?: number;
  /** The server's request id (`x-request-id`), to quote in a support ticket. */
  declare readonly requestId?: string;
  /** The HTTP method of the failed request, upper-case. */
  declare readonly method?: string;
  /** The request path without its query string. */
  declare readonly path?: string;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  declare readonly retryAfterMs?: number;
  /**
   * `true` when a write was sent and its outcome is unknown: it may have been applied. Look before repeating it
   * (list, or get by a key you chose); `retryable` is then always `false`. Absent otherwise.
   */
  declare readonly mayHaveSucceeded?: true;

  constructor(message: string, options: AirbyteErrorOptions = {}) {
    const redact = options.redact ?? redactText;
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause, redact);
    const unknownOutcome = options.mayHaveSucceeded === true;
    const text = unknownOutcome ? `${message.replace(/\.\s*$/, "")}. ${OUTCOME_UNKNOWN}` : message;
    super(redact(text), cause === undefined ? undefined : { cause });
    // Runtimes before ES2022 ignore the options bag.
    if (cause !== undefined && !("cause" in this)) {
      Object.defineProperty(this, "cause", { value: cause, writable: true, configurable: true });
    }
    // Defined rather than declared: isolatedDeclarations cannot emit a symbol-keyed member.
    Object.defineProperty(this, AIRBYTE_ERROR_BRAND, { value: true });
    this.code = options.code ?? "unknown";
    // Repeating a write that may have been applied could apply it twice, whatever the status says.
    this.retryable = unknownOutcome ? false : (options.retryable ?? false);
    if (unknownOutcome) this.mayHaveSucceeded = true;
    if (options.status !== undefined) this.status = options.status;
    // A request id is the server's text: one built from an echoed header would carry the secret along.
    if (options.requestId !== undefined) this.requestId = redact(options.requestId);
    if (options.method !== undefined) this.method = options.method.toUpperCase();
    if (options.path !== undefined) this.path = redact(errorPath(options.path));
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * Returns a plain object of the error's fields, without the stack, for logs and API responses.
   *
   * @example
   * ```ts
   * JSON.stringify(err); // '{"name":"NotFoundError","code":"not_found",...}'
   * ```
   */
  toJSON(): AirbyteErrorJSON {
    const json: AirbyteErrorJSON = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.status !== undefined) json.status = this.status;
    if (this.requestId !== undefined) json.requestId = this.requestId;
    if (this.method !== undefined) json.method = this.method;
    if (this.path !== undefined) json.path = this.path;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    if (this.mayHaveSucceeded === true) json.mayHaveSucceeded = true;
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }
}
