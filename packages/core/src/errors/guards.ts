import {
  AbortError,
  type AirbyteError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  ConnectorResolutionError,
  isBranded,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  TokenError,
  ValidationError,
} from "./classes";

// `instanceof` fails across realms and between two installed copies of the package, so each
// guard also accepts a branded error whose `name` belongs to the class or its subclasses.
const API_ERROR_NAMES: readonly string[] = [
  "ApiError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "InternalServerError",
];
const CONNECTION_ERROR_NAMES: readonly string[] = ["ConnectionError", "TimeoutError"];

function matches(value: unknown, type: abstract new (...args: never[]) => AirbyteError, names: readonly string[]): boolean {
  if (!isBranded(value)) return false;
  const { name } = value;
  return value instanceof type || names.includes(name);
}

/**
 * Tells whether a value is an {@link ApiError}: the server answered with a non-2xx status.
 *
 * @example
 * ```ts
 * if (isApiError(err)) console.error(err.status, err.fieldErrors);
 * ```
 */
export function isApiError(value: unknown): value is ApiError {
  return matches(value, ApiError, API_ERROR_NAMES);
}

/**
 * Tells whether a value is an {@link AuthenticationError} (401).
 *
 * @example
 * ```ts
 * if (isAuthenticationError(err)) redirectToLogin();
 * ```
 */
export function isAuthenticationError(value: unknown): value is AuthenticationError {
  return matches(value, AuthenticationError, ["AuthenticationError"]);
}

/**
 * Tells whether a value is a {@link NotFoundError} (404).
 *
 * @example
 * ```ts
 * const found = await ws.connectors.get(id).catch((err) => (isNotFoundError(err) ? undefined : Promise.reject(err)));
 * ```
 */
export function isNotFoundError(value: unknown): value is NotFoundError {
  return matches(value, NotFoundError, ["NotFoundError"]);
}

/**
 * Tells whether a value is a {@link RateLimitError} (429).
 *
 * @example
 * ```ts
 * if (isRateLimitError(err)) console.warn(`retry in ${err.retryAfterMs ?? "?"} ms`);
 * ```
 */
export function isRateLimitError(value: unknown): value is RateLimitError {
  return matches(value, RateLimitError, ["RateLimitError"]);
}

/**
 * Tells whether a value is a {@link ValidationError}: bad input, or a response of the wrong shape.
 *
 * @example
 * ```ts
 * if (isValidationError(err)) console.table(err.issues);
 * ```
 */
export function isValidationError(value: unknown): value is ValidationError {
  return matches(value, ValidationError, ["ValidationError"]);
}

/**
 * Tells whether a value is a {@link TimeoutError}, per attempt or for the whole call.
 *
 * @example
 * ```ts
 * if (isTimeoutError(err)) console.warn(err.code); // "timeout" | "deadline_exceeded"
 * ```
 */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return matches(value, TimeoutError, ["TimeoutError"]);
}

/**
 * Tells whether a value is an {@link AbortError}: the caller's signal cancelled the call.
 *
 * @example
 * ```ts
 * if (isAbortError(err)) return; // the user navigated away
 * ```
 */
export function isAbortError(value: unknown): value is AbortError {
  return matches(value, AbortError, ["AbortError"]);
}

/**
 * Tells whether a value is a {@link ConnectionError} (including a `TimeoutError`): no response arrived.
 *
 * @example
 * ```ts
 * if (isConnectionError(err)) showOfflineBanner();
 * ```
 */
export function isConnectionError(value: unknown): value is ConnectionError {
  return matches(value, ConnectionError, CONNECTION_ERROR_NAMES);
}

/**
 * Tells whether a value is a {@link TokenError}: no usable token could be obtained.
 *
 * @example
 * ```ts
 * if (isTokenError(err) && err.code === "token_refresh_failed") await reconnect();
 * ```
 */
export function isTokenError(value: unknown): value is TokenError {
  return matches(value, TokenError, ["TokenError"]);
}

/**
 * Tells whether a value is a {@link ConnectorResolutionError}: a slug matched no connector or several.
 *
 * @example
 * ```ts
 * if (isConnectorResolutionError(err)) console.log(err.candidates);
 * ```
 */
export function isConnectorResolutionError(value: unknown): value is ConnectorResolutionError {
  return matches(value, ConnectorResolutionError, ["ConnectorResolutionError"]);
}
