import * as v from "valibot";
import { WorkspaceGetResponse } from "./generated/api";

// Every valibot call is marked pure (esbuild does not see valibot's own annotations through a namespace import),
// so a bundle drops each schema it never uses.
// Shapes of endpoints the OpenAPI document does not cover, read from the contract's prose
// (docs/api-notes.md §3, §4.4, §4.5, §12). Loose objects: the server may add fields.

/** api-notes §4.4. */
export const WorkflowSchema = /* @__PURE__ */ v.looseObject({
  id: /* @__PURE__ */ v.string(),
  name: /* @__PURE__ */ v.string(),
  workspace_id: /* @__PURE__ */ v.string(),
  tasks: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.array(/* @__PURE__ */ v.unknown())),
  created_at: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  updated_at: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
});
export const WorkflowListSchema = /* @__PURE__ */ v.looseObject({ data: /* @__PURE__ */ v.array(WorkflowSchema) });

/** api-notes §4.4. */
export const AutomationSchema = /* @__PURE__ */ v.looseObject({
  id: /* @__PURE__ */ v.string(),
  workflow_id: /* @__PURE__ */ v.string(),
  workspace_id: /* @__PURE__ */ v.string(),
  enabled: /* @__PURE__ */ v.boolean(),
  trigger_type: /* @__PURE__ */ v.string(),
  cron_expression: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  timezone: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  completion_webhook_url: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  trigger_webhook_url: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  created_at: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  updated_at: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
});
export const AutomationListSchema = /* @__PURE__ */ v.looseObject({ data: /* @__PURE__ */ v.array(AutomationSchema) });

/** api-notes §4.5. */
export const AskResultSchema = /* @__PURE__ */ v.looseObject({
  outcome: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
  outcome_reason: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  answer: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  results: /* @__PURE__ */ v.optional(
    /* @__PURE__ */ v.array(
      /* @__PURE__ */ v.looseObject({
        source_id: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
        entity: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
        action: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
        params: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.unknown()),
        status: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
        data: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.unknown()),
        connector_metadata: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.unknown()),
        execution_time_ms: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.number())),
      }),
    ),
  ),
  query_id: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  execution_metadata: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.unknown()),
});

/** api-notes §12 G1/G2. */
export const OrganizationSchema = /* @__PURE__ */ v.looseObject({
  id: /* @__PURE__ */ v.string(),
  name: /* @__PURE__ */ v.string(),
  slug: /* @__PURE__ */ v.string(),
  created_at: /* @__PURE__ */ v.number(),
});
export const OrganizationListSchema = /* @__PURE__ */ v.looseObject({ data: /* @__PURE__ */ v.array(OrganizationSchema) });
/** api-notes §12 G3. */
export const OrganizationAccessSchema = /* @__PURE__ */ v.looseObject({
  role: /* @__PURE__ */ v.string(),
  is_admin: /* @__PURE__ */ v.boolean(),
  can_manage_billing: /* @__PURE__ */ v.boolean(),
});
/** api-notes §12 G5. */
export const IconUploadSchema = /* @__PURE__ */ v.looseObject({
  upload_url: /* @__PURE__ */ v.string(),
  storage_id: /* @__PURE__ */ v.string(),
});

/** api-notes §3 C9. */
export const ConnectorInspectSchema = /* @__PURE__ */ v.looseObject({
  connector_id: /* @__PURE__ */ v.string(),
  name: /* @__PURE__ */ v.string(),
  workspace_id: /* @__PURE__ */ v.string(),
  organization_id: /* @__PURE__ */ v.string(),
  source_definition_id: /* @__PURE__ */ v.string(),
  source_definition_name: /* @__PURE__ */ v.string(),
  docs_skill_id: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string())),
  context_store_readiness: /* @__PURE__ */ v.looseObject({
    supported_context_store_entities: /* @__PURE__ */ v.array(
      /* @__PURE__ */ v.looseObject({ entity: /* @__PURE__ */ v.string(), suggested: /* @__PURE__ */ v.boolean() }),
    ),
    configured_cache_entities: /* @__PURE__ */ v.array(/* @__PURE__ */ v.unknown()),
  }),
  warnings: /* @__PURE__ */ v.array(/* @__PURE__ */ v.unknown()),
});

/** api-notes §3 C10. */
export const OAuthInitiateSchema = /* @__PURE__ */ v.looseObject({ consent_url: /* @__PURE__ */ v.string() });

// An intersection rather than a spread of `.entries`: a property read at module scope would keep the schema in
// every bundle, used or not.
/** `POST /workspaces` (api-notes §12): the workspace plus its organization. */
export const CreatedWorkspaceSchema = /* @__PURE__ */ v.intersect([
  WorkspaceGetResponse,
  /* @__PURE__ */ v.looseObject({
    slug: /* @__PURE__ */ v.string(),
    organization_name: /* @__PURE__ */ v.string(),
    organization_slug: /* @__PURE__ */ v.string(),
    icon_url: /* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string()),
  }),
]);

/** api-notes §12. */
export const NavigationStateSchema = /* @__PURE__ */ v.looseObject({
  organization: /* @__PURE__ */ v.nullable(OrganizationSchema),
  workspace: /* @__PURE__ */ v.nullable(WorkspaceGetResponse),
  organizations: /* @__PURE__ */ v.array(OrganizationSchema),
  workspaces: /* @__PURE__ */ v.array(WorkspaceGetResponse),
});

/** api-notes §12. */
export const WorkosOrganizationSchema = /* @__PURE__ */ v.looseObject({
  workos_organization_id: /* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string()),
});
