/**
 * The error codes this SDK knows about. The server may send codes that are not listed here
 * (an older SDK against a newer API), which is why {@link ErrorCode} stays open.
 *
 * @example
 * ```ts
 * const code: AirbyteErrorCode = "rate_limited";
 * ```
 */
export type AirbyteErrorCode =
  // Statuses without a server-supplied `error_code` (api-notes §6; the CLI's type strings, §8).
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "request_timeout"
  | "conflict"
  | "validation_error"
  | "rate_limited"
  | "server_error"
  | "api_error"
  // A 3xx the client refused to follow (credentials never leave baseUrl).
  | "unexpected_redirect"
  // No response at all.
  | "connection_error"
  | "timeout"
  | "deadline_exceeded"
  | "aborted"
  // One of the SDK's own lazy modules did not load (a chunk the page could not fetch): load-chunk.ts.
  | "module_load_failed"
  // Schema checks on either side of the wire.
  | "invalid_input"
  | "unexpected_response"
  | "response_too_large"
  // Tokens and credentials.
  | "token_expired"
  | "token_refresh_failed"
  | "token_invalid"
  | "missing_credentials"
  | "invalid_origin"
  // Slug lookups.
  | "connector_not_found"
  | "connector_ambiguous"
  | "unknown";

/**
 * The type of `AirbyteError.code`: a known {@link AirbyteErrorCode}, still autocompleted, or any
 * other string the server sends.
 *
 * @example
 * ```ts
 * if (isAirbyteError(err) && err.code === "rate_limited") await backOff();
 * ```
 */
export type ErrorCode = AirbyteErrorCode | (string & {});
