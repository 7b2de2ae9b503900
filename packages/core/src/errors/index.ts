export {
  AIRBYTE_ERROR_BRAND,
  AirbyteError,
  type AirbyteErrorJSON,
  type AirbyteErrorOptions,
} from "./airbyte-error";
export {
  ApiError,
  type ApiErrorFromInput,
  type ApiErrorInit,
  type ApiErrorJSON,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./api-error";
export type { AirbyteErrorCode, ErrorCode } from "./codes";
export { AbortError, ConnectionError, TimeoutError, type TimeoutErrorOptions } from "./connection-error";
export {
  type ConnectorCandidate,
  ConnectorResolutionError,
  type ConnectorResolutionErrorJSON,
  type ConnectorResolutionErrorOptions,
} from "./connector-resolution-error";
export type { FieldError } from "./error-body";
export {
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
} from "./guards";
export { TokenError, type TokenErrorCode, type TokenErrorOptions } from "./token-error";
export {
  ValidationError,
  type ValidationErrorJSON,
  type ValidationErrorOptions,
  type ValidationIssue,
} from "./validation-error";
// Intentionally not exported: parseErrorBody, formatJsonPath, formatRequestMessage, errorPath and
// isRetryableStatus are transport internals; import them from their files inside the package.
