// @airbyte-agents/core: explicit named exports (no `export *`), so the public surface is visible here.

export { createMemoryTokenStore, type StoredToken, type TokenStore } from "./auth/token-store";
export { decodeWidgetToken } from "./auth/widget-token";
export { type AirbyteClient, createClient, type WorkspaceOptions } from "./client";
export { connectorPaging, describeConnector, listConnectorTypes } from "./connectors/catalog";
export type { CatalogAction, CatalogParam, ConfigField, ConnectorCatalog } from "./connectors/catalog-types";
export { keepCursorField, nextPageParams, pageSizeAsked } from "./connectors/next-page";
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
  UnprocessableEntityError,
  ValidationError,
} from "./errors/index";
export { type ClientOptions, configure, resetConfiguration } from "./options";
export { type AsyncDisposeShape, type ConnectOptions, connect, Workspace } from "./parity";
export type { AskResult } from "./resources/ask";
export { ConnectorHandle, type ConnectorRef, type PaginateOptions } from "./resources/connector";
export type {
  Connector,
  ConnectorCheck,
  ConnectorInfo,
  CreateConnectorInput,
  TypedCreateConnectorInput,
  UntypedCreateConnectorInput,
  UpdateConnectorInput,
} from "./resources/connector-types";
export { type ConnectorInspection, Connectors } from "./resources/connectors";
export type { Definition, DefinitionDetail, Definitions } from "./resources/definitions";
export type { ExecuteOptions, ExecutionResult } from "./resources/execution-result";
export type { OAuthCredentials } from "./resources/oauth";
export type { Admin, Organization, OrganizationAccess } from "./resources/organizations";
export type { PageIterator } from "./resources/page-iterator";
export { isRepeatedPage, pageItems, recordsKeyOf } from "./resources/page-iterator";
export { normalizePageMeta, type PageMeta } from "./resources/pagination";
export type { SourceTemplate, SourceTemplateDetail, Templates } from "./resources/templates";
export type { IssuedToken, ScopedTokenInfo, Tokens, WidgetToken, WidgetTokenInput } from "./resources/tokens";
export type { Automation, AutomationInput, Automations, Workflow, Workflows } from "./resources/workflows";
export { WorkspaceClient } from "./resources/workspace";
export type { ListWorkspacesInput, WorkspaceInfo, Workspaces } from "./resources/workspaces";
export { createProxyHandler, type ProxyHandlerOptions } from "./server/proxy-handler";
export {
  createWidgetTokenHandler,
  type WidgetTokenHandlerOptions,
  type WidgetTokenResponse,
  type WorkspaceResolution,
} from "./server/widget-token-handler";
export { DEFAULT_BASE_URL } from "./transport/client-transport";
export type { Hooks, RequestInfo, ResponseInfo, RetryInfo } from "./transport/hooks";
export type { Logger, LogLevel } from "./transport/logger";
export type { CallOptions, ValidationMode } from "./transport/transport";
export { VERSION } from "./version";
