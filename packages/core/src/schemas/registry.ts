// The response schemas the request specs name, and valibot's safeParse, in one module that the transport imports on
// first need (strict or warn validation, or a response without a `reads` list). The default lenient check reads the
// fields the SDK uses without valibot, so a bundle that never asks for a full check loads neither valibot nor these.
// Explicit names (no `export *`): a module loaded as a whole keeps every export, and only these are ever looked up.
export { safeParse } from "valibot";
export {
  ConnectorExecuteResponse,
  ConnectorSourceCheckConfigResponse,
  ConnectorSourceCreateResponse,
  ConnectorSourceDeleteAcceptedResponse,
  ConnectorSourceGetResponse,
  ConnectorSourceListResponse,
  ConnectorSourceUpdateResponse,
  OAuthCredentialsResponse,
  ScopedTokenCreateResponse,
  ScopedTokenInfoGetResponse,
  SourceDefinitionListResponse,
  SourceDefinitionResponse,
  SourceTemplateCreateResponse,
  SourceTemplateDeleteResponse,
  SourceTemplateGetResponse,
  SourceTemplateListResponse,
  SourceTemplateUpdateResponse,
  TokenResponse,
  WidgetTokenCreateResponse,
  WorkspaceDeleteResponse,
  WorkspaceGetResponse,
  WorkspaceListResponse,
  WorkspaceStatsResponse,
  WorkspaceUpdateResponse,
} from "./generated/api";
export {
  AskResultSchema,
  AutomationListSchema,
  AutomationSchema,
  ConnectorInspectSchema,
  CreatedWorkspaceSchema,
  IconUploadSchema,
  NavigationStateSchema,
  OAuthInitiateSchema,
  OrganizationAccessSchema,
  OrganizationListSchema,
  OrganizationSchema,
  WorkflowListSchema,
  WorkflowSchema,
  WorkosOrganizationSchema,
} from "./preview";
