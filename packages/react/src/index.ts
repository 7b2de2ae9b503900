// @airbyte-agents/react: explicit named exports (no `export *`), so the public surface is visible here.

export type {
  AirbyteClientLike,
  AirbyteConnectorHandleLike,
  AirbyteConnectorsLike,
  AirbyteServerClientLike,
  AirbyteWidgetClientLike,
  AirbyteWorkspaceLike,
} from "./client-like";
export type {
  ConnectWidgetEvent,
  ConnectWidgetHandle,
  OpenConnectWidget,
  OpenConnectWidgetOptions,
} from "./connect-widget";
export { toConnectWidgetEvent } from "./connect-widget";
export { type UseConnectWidgetOptions, type UseConnectWidgetResult, useConnectWidget } from "./hooks/use-connect-widget";
export {
  type SuspenseConnectorsInput,
  type UseConnectorOptions,
  useConnector,
  useConnectors,
  useSuspenseConnectors,
} from "./hooks/use-connectors";
export {
  type TypedUseExecuteOptions,
  type TypedUseSuspenseExecuteOptions,
  type UseExecuteOptions,
  type UseSuspenseExecuteOptions,
  useExecute,
  useSuspenseExecute,
} from "./hooks/use-execute";
export { type TypedUseInfiniteExecuteOptions, type UseInfiniteExecuteOptions, useInfiniteExecute } from "./hooks/use-infinite-execute";
export { useAsk, useCreateConnector, useDeleteConnector, useDownload, useUpdateConnector } from "./hooks/use-mutations";
export { useAutomations, useDefinitions, useWorkflows, useWorkspaces } from "./hooks/use-organization";
export { airbyteKeys, type ConnectorListFilter, type ExecuteKeyOptions } from "./keys";
export {
  type ConnectorDetailKey,
  type ConnectorListKey,
  type ConnectorQueryInput,
  type ConnectorsQueryInput,
  type CreateConnectorMutationInput,
  connectorQueryOptions,
  connectorsQueryOptions,
  createConnectorMutationOptions,
  type DeleteConnectorContext,
  type DeleteConnectorMutationInput,
  deleteConnectorMutationOptions,
  type UpdateConnectorMutationInput,
  type UpdateConnectorVariables,
  updateConnectorMutationOptions,
} from "./options/connectors";
export {
  type DownloadAs,
  type DownloadMutationInput,
  type DownloadResult,
  type DownloadVariables,
  downloadMutationOptions,
  type TypedDownloadMutationInput,
} from "./options/download";
export {
  type ExecuteKey,
  type ExecuteQueryInput,
  type ExecuteQueryOptions,
  type ExecuteTarget,
  executeQueryOptions,
  type TypedExecuteQueryInput,
} from "./options/execute";
export {
  type ExecuteInfiniteQueryInput,
  type ExecuteInfiniteQueryOptions,
  type ExecutePage,
  type ExecutePagesKey,
  executeInfiniteQueryOptions,
  nextPageCursor,
  type TypedExecuteInfiniteQueryInput,
  type TypedPages,
} from "./options/execute-pages";
export {
  type DefinitionsKey,
  type DefinitionsQueryInput,
  definitionsQueryOptions,
  type WorkspacePage,
  type WorkspacesKey,
  type WorkspacesQueryInput,
  workspacesQueryOptions,
} from "./options/organization";
export {
  type AskMutationInput,
  type AutomationsKey,
  type AutomationsQueryInput,
  askMutationOptions,
  automationsQueryOptions,
  type WorkflowListKey,
  type WorkflowsQueryInput,
  workflowsQueryOptions,
} from "./options/workflows";
export { AirbyteProvider, type AirbyteProviderProps, useAirbyteClient, useAirbyteWorkspace } from "./provider";
export type {
  AirbyteInfiniteQueryOptions,
  AirbyteMutationOptions,
  AirbyteQueryOptions,
  AirbyteSuspenseQueryOptions,
  RequestOptions,
  WorkspaceInput,
} from "./query-types";
export { airbyteRetry } from "./retry";
export type {
  DownloadEntityOf,
  EntityOf,
  ExecuteActionOf,
  ItemOf,
  PagedActionOf,
  TypedConnectorRef,
  TypedDownloadParams,
  TypedItem,
  TypedMeta,
  TypedPageParams,
} from "./typed";
