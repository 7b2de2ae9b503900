export { AIRBYTE_ERROR_BRAND, isAirbyteError } from "./brand";
export {
  AbortError,
  AirbyteError,
  type AirbyteErrorJSON,
  type AirbyteErrorOptions,
  ApiError,
  type ApiErrorFromInput,
  type ApiErrorInit,
  type ApiErrorJSON,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  type ConnectorCandidate,
  ConnectorResolutionError,
  type ConnectorResolutionErrorJSON,
  type ConnectorResolutionErrorOptions,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  type TimeoutErrorOptions,
  TokenError,
  type TokenErrorCode,
  type TokenErrorOptions,
  UnprocessableEntityError,
  ValidationError,
  type ValidationErrorJSON,
  type ValidationErrorOptions,
  type ValidationIssue,
} from "./classes";
export type { AirbyteErrorCode, ErrorCode } from "./codes";
export type { FieldError } from "./error-body";
export {
  isAbortError,
  isApiError,
  isAuthenticationError,
  isConnectionError,
  isConnectorResolutionError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isTokenError,
  isValidationError,
} from "./guards";
// Intentionally not exported: parseErrorBody, formatJsonPath, formatRequestMessage, errorPath and
// isRetryableStatus are internals; import them from their files (format.ts, http-status.ts) inside the package.
