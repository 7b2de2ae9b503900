// What the SDK knows about HTTP statuses, as data: the error code and text of each, and which ones mean "the same
// request may succeed later". A leaf module: the error classes and the retry policy both read it.
import type { ErrorCode } from "./errors/codes";

// status: [code without a server-supplied `error_code`, status text, retryable]
const STATUSES: Readonly<Record<number, readonly [ErrorCode, string, boolean?]>> = {
  400: ["bad_request", "Bad Request"],
  401: ["unauthorized", "Unauthorized"],
  403: ["forbidden", "Forbidden"],
  404: ["not_found", "Not Found"],
  408: ["request_timeout", "Request Timeout", true],
  409: ["conflict", "Conflict"],
  422: ["validation_error", "Unprocessable Entity"],
  429: ["rate_limited", "Too Many Requests", true],
  500: ["server_error", "Internal Server Error", true],
  502: ["server_error", "Bad Gateway", true],
  503: ["server_error", "Service Unavailable", true],
  504: ["server_error", "Gateway Timeout", true],
};

/**
 * Tells whether a response status means "the same request may succeed later": 408, 429 and every 5xx but 501 and
 * 505 (which say the server cannot do it at all), so a CDN's 520-524 counts too. A 409 is not: the conflict is in
 * the data.
 *
 * @example
 * ```ts
 * isRetryableStatus(503); // true
 * isRetryableStatus(409); // false
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return STATUSES[status]?.[2] === true || (status >= 500 && status < 600 && status !== 501 && status !== 505);
}

/** The error code of a status the server sent no `error_code` for. */
export function defaultCode(status: number): ErrorCode {
  return STATUSES[status]?.[0] ?? (status >= 500 ? "server_error" : "api_error");
}

/** The status text the error message falls back to when the body says nothing. */
export function statusText(status: number): string {
  return STATUSES[status]?.[1] ?? "Request failed";
}
