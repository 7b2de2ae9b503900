import * as v from "valibot";

// Shapes of endpoints the OpenAPI document does not cover, read from the contract's prose
// (docs/api-notes.md §3, §4.4, §4.5, §12). Loose objects: the server may add fields.

/** Contract §4.4. */
export const WorkflowSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  workspace_id: v.string(),
  tasks: v.optional(v.array(v.unknown())),
  created_at: v.optional(v.nullable(v.string())),
  updated_at: v.optional(v.nullable(v.string())),
});
export const WorkflowListSchema = v.looseObject({ data: v.array(WorkflowSchema) });

/** Contract §4.4. */
export const AutomationSchema = v.looseObject({
  id: v.string(),
  workflow_id: v.string(),
  workspace_id: v.string(),
  enabled: v.boolean(),
  trigger_type: v.string(),
  cron_expression: v.optional(v.nullable(v.string())),
  timezone: v.optional(v.nullable(v.string())),
  completion_webhook_url: v.optional(v.nullable(v.string())),
  trigger_webhook_url: v.optional(v.nullable(v.string())),
  created_at: v.optional(v.nullable(v.string())),
  updated_at: v.optional(v.nullable(v.string())),
});
export const AutomationListSchema = v.looseObject({ data: v.array(AutomationSchema) });

/** Contract §4.5. */
export const AskResultSchema = v.looseObject({
  outcome: v.optional(v.string()),
  outcome_reason: v.optional(v.nullable(v.string())),
  answer: v.optional(v.nullable(v.string())),
  results: v.optional(
    v.array(
      v.looseObject({
        source_id: v.optional(v.nullable(v.string())),
        entity: v.optional(v.nullable(v.string())),
        action: v.optional(v.nullable(v.string())),
        params: v.optional(v.unknown()),
        status: v.optional(v.nullable(v.string())),
        data: v.optional(v.unknown()),
        connector_metadata: v.optional(v.unknown()),
        execution_time_ms: v.optional(v.nullable(v.number())),
      }),
    ),
  ),
  query_id: v.optional(v.nullable(v.string())),
  execution_metadata: v.optional(v.unknown()),
});

/** Contract §12 G1/G2. */
export const OrganizationSchema = v.looseObject({ id: v.string(), name: v.string(), slug: v.string(), created_at: v.number() });
export const OrganizationListSchema = v.looseObject({ data: v.array(OrganizationSchema) });
/** Contract §12 G3. */
export const OrganizationAccessSchema = v.looseObject({ role: v.string(), is_admin: v.boolean(), can_manage_billing: v.boolean() });
/** Contract §12 G5. */
export const IconUploadSchema = v.looseObject({ upload_url: v.string(), storage_id: v.string() });

/** Contract §3 C9. */
export const ConnectorInspectSchema = v.looseObject({
  connector_id: v.string(),
  name: v.string(),
  workspace_id: v.string(),
  organization_id: v.string(),
  source_definition_id: v.string(),
  source_definition_name: v.string(),
  docs_skill_id: v.optional(v.nullable(v.string())),
  context_store_readiness: v.looseObject({
    supported_context_store_entities: v.array(v.looseObject({ entity: v.string(), suggested: v.boolean() })),
    configured_cache_entities: v.array(v.unknown()),
  }),
  warnings: v.array(v.unknown()),
});

/** Contract §3 C10. */
export const OAuthInitiateSchema = v.looseObject({ consent_url: v.string() });
