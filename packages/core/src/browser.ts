// @airbyte-agents/core/browser: the browser entry. Explicit named exports (no `export *`).
// It must never reach client.ts, options.ts or auth/client-credentials.ts: the browser holds a widget token
// only, and its bundle has no code that mints an application token (test/package/browser-entry.test.ts).

export { decodeWidgetToken, type WidgetTokenValue } from "./auth/widget-token";
export { connectorPaging, describeConnector, listConnectorTypes } from "./connectors/catalog";
export type { CatalogAction, CatalogParam, ConfigField, ConnectorCatalog } from "./connectors/catalog-types";
export type { ContextStoreSearchMeta, ContextStoreSearchParams } from "./connectors/search-types";
export type {
  ConnectorCredentials,
  ConnectorReplicationConfig,
  ConnectorSlug,
  ConnectorTypes,
  DownloadEntityOf,
  EntityOf,
  ExecuteActionOf,
  ItemOf,
  PagedActionOf,
  PageItemOf,
  TypedConnector,
  TypedDownloadParams,
  TypedItem,
  TypedMeta,
  TypedPageParams,
  TypedParams,
  TypedResult,
} from "./connectors/typed";
export {
  AbortError,
  AIRBYTE_ERROR_BRAND,
  AirbyteError,
  type AirbyteErrorCode,
  type AirbyteErrorJSON,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ConnectorResolutionError,
  type ErrorCode,
  type FieldError,
  InternalServerError,
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
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  TokenError,
  type TokenErrorCode,
  UnprocessableEntityError,
  ValidationError,
} from "./errors/index";
export type { ConnectorHandle, ConnectorRef, PaginateOptions } from "./resources/connector";
export type { Connector, ConnectorInfo, CreateConnectorInput } from "./resources/connector-types";
export type { Connectors } from "./resources/connectors";
export type { ExecuteOptions, ExecutionResult } from "./resources/execution-result";
export type { PageIterator } from "./resources/page-iterator";
export { isRepeatedPage, pageItems, recordsKeyOf } from "./resources/page-iterator";
export type { PageMeta } from "./resources/pagination";
export type { ScopedTokenInfo } from "./resources/tokens";
export type { Hooks, RequestInfo, ResponseInfo, RetryInfo } from "./transport/hooks";
export type { Logger, LogLevel } from "./transport/logger";
export type { CallOptions, ValidationMode } from "./transport/transport";
export { VERSION } from "./version";
export {
  type ConnectWidget,
  type ConnectWidgetEvent,
  type ConnectWidgetOptions,
  openConnectWidget,
  parseConnectWidgetEvent,
} from "./widget/connect-widget";
export {
  createWidgetClient,
  type WidgetClient,
  type WidgetClientOptions,
  WidgetConnectorHandle,
  WidgetConnectors,
} from "./widget/widget-client";
