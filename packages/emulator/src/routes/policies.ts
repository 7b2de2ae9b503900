import type { TokenKind } from "../auth.js";
import type { BodyPolicy, PolicyTable } from "../http/route-policy.js";
import { withWorkspaceAlias } from "./connectors.js";
import { templateRequestSchema } from "./templates.js";
import { withTokenWorkspaceAlias } from "./tokens.js";

// Every API route's authentication, scalar query parameters and body, in one table the middleware applies before
// faults and handlers (see src/http/route-policy.ts). The emulator refuses to start if a route is missing here.

const APP: readonly TokenKind[] = ["application"];
/** Scoped and widget tokens reach only what a workspace's own user needs (api-notes §10 U1). */
const ANY: readonly TokenKind[] = ["application", "scoped", "widget"];
const SCOPED: readonly TokenKind[] = ["scoped", "widget"];

/** The body is parsed (malformed JSON is a 422) and, for a documented operation, checked against its schema. */
const JSON_BODY: BodyPolicy = {};
/** Update-style bodies may be left out altogether: that is an empty update. */
const OPTIONAL_BODY: BodyPolicy = { prepare: (raw) => raw ?? {} };

/** The Python SDK sends `"params": null`, others send `{}` (api-notes §5): both are accepted. */
function executeParams(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const body = raw as Record<string, unknown>;
  return body.params === null || body.params === undefined ? { ...body, params: {} } : body;
}

const WORKFLOW_QUERY = ["workspace_id"] as const;

export const ROUTE_POLICIES: PolicyTable = {
  // Tokens (A1-A4): minting takes secrets or application tokens, so a browser may never call it.
  "POST /api/v1/account/applications/token": { auth: "none", body: JSON_BODY, cors: false },
  "POST /api/v1/account/applications/scoped-token": { auth: APP, body: { prepare: withTokenWorkspaceAlias }, cors: false },
  "GET /api/v1/account/applications/scoped-token/info": { auth: SCOPED },
  "POST /api/v1/account/applications/widget-token": { auth: APP, body: { prepare: withTokenWorkspaceAlias }, cors: false },

  // Connectors (C1-C10).
  "GET /api/v1/integrations/connectors": {
    auth: ANY,
    query: ["workspace_id", "workspace_name", "customer_name", "external_user_id", "definition_id"],
  },
  "POST /api/v1/integrations/connectors": { auth: ANY, body: { prepare: withWorkspaceAlias } },
  "POST /api/v1/integrations/connectors/check": { auth: APP, body: { prepare: withWorkspaceAlias } },
  "POST /api/v1/integrations/connectors/oauth/initiate": { auth: ANY, body: JSON_BODY },
  "GET /api/v1/integrations/connectors/{id}": { auth: ANY },
  "PUT /api/v1/integrations/connectors/{id}": { auth: APP, body: OPTIONAL_BODY },
  "DELETE /api/v1/integrations/connectors/{id}": { auth: ANY },
  "POST /api/v1/integrations/connectors/{id}/check": { auth: APP, body: OPTIONAL_BODY },
  "GET /api/v1/integrations/connectors/{id}/inspect": { auth: APP },
  "POST /api/v1/integrations/connectors/{id}/execute": { auth: ANY, body: { prepare: executeParams } },

  // Definitions (D1-D3).
  "GET /api/v1/integrations/definitions/sources": { auth: APP, query: ["name"] },
  "GET /api/v1/integrations/definitions/sources/{id}": { auth: APP },
  // actorDefinitionIds is an array in the document: repeating it is how a list is sent.
  "GET /api/v1/integrations/definitions/destinations": { auth: APP },
  "GET /api/v1/integrations/definitions/destinations/{id}": { auth: APP },

  // Source templates (T1); `tags` is an array.
  "GET /api/v1/integrations/templates/sources/global": { auth: APP },
  "GET /api/v1/integrations/templates/sources": { auth: APP, query: ["use_global", "tags_mode"] },
  "POST /api/v1/integrations/templates/sources": { auth: APP, body: { schema: templateRequestSchema } },
  "GET /api/v1/integrations/templates/sources/{id}": { auth: APP },
  "PATCH /api/v1/integrations/templates/sources/{id}": { auth: APP, body: OPTIONAL_BODY },
  "DELETE /api/v1/integrations/templates/sources/{id}": { auth: APP },

  // Connection templates (T2).
  "POST /api/v1/integrations/templates/connections/cron/describe": { auth: APP, body: JSON_BODY },
  "GET /api/v1/integrations/templates/connections": { auth: APP, query: ["tags_mode"] },
  "POST /api/v1/integrations/templates/connections": { auth: APP, body: JSON_BODY },
  "GET /api/v1/integrations/templates/connections/{id}": { auth: APP },
  "PATCH /api/v1/integrations/templates/connections/{id}": { auth: APP, body: OPTIONAL_BODY },
  "DELETE /api/v1/integrations/templates/connections/{id}": { auth: APP },

  // OAuth app credentials (O1-O2).
  "PUT /api/v1/oauth/credentials": { auth: APP, body: JSON_BODY },
  "DELETE /api/v1/oauth/credentials/connector_type/{connector_type}": { auth: APP },

  // Ask (Q1).
  "POST /api/v1/workspaces/query/structured": { auth: APP, query: ["workspace_name"], body: JSON_BODY },

  // Workspaces (W1-W5, G4, G5).
  "GET /api/v1/workspaces": { auth: APP, query: ["name_contains", "status", "limit", "cursor"] },
  "GET /api/v1/workspaces/stats": { auth: APP },
  "POST /api/v1/workspaces/icon-upload-url": { auth: APP },
  "POST /api/v1/workspaces": { auth: APP, body: JSON_BODY },
  "GET /api/v1/workspaces/{workspace_id}": { auth: APP },
  "PUT /api/v1/workspaces/{workspace_id}": { auth: APP, body: OPTIONAL_BODY },
  "DELETE /api/v1/workspaces/{workspace_id}": { auth: APP },

  // Organizations (G1-G3, G6).
  "POST /api/v1/organizations": { auth: APP, body: JSON_BODY },
  "GET /api/v1/organizations/mine": { auth: APP },
  "GET /api/v1/organizations/{organization_id}/access": { auth: APP },
  "GET /api/v1/organizations/{organization_id}/workos": { auth: APP },
  "GET /api/v1/account/navigation-state": { auth: APP },

  // Workflows and automations (F1-F5): everything but create names its workspace in the query.
  "GET /api/v1/internal/workflows": { auth: APP, query: WORKFLOW_QUERY },
  "POST /api/v1/internal/workflows": { auth: APP, body: JSON_BODY },
  "GET /api/v1/internal/workflows/{workflow_id}": { auth: APP, query: WORKFLOW_QUERY },
  "PATCH /api/v1/internal/workflows/{workflow_id}": { auth: APP, query: WORKFLOW_QUERY, body: OPTIONAL_BODY },
  "DELETE /api/v1/internal/workflows/{workflow_id}": { auth: APP, query: WORKFLOW_QUERY },
  "GET /api/v1/internal/workflows/{workflow_id}/automations": { auth: APP, query: WORKFLOW_QUERY },
  "POST /api/v1/internal/workflows/{workflow_id}/automations": { auth: APP, query: WORKFLOW_QUERY, body: OPTIONAL_BODY },
  "GET /api/v1/internal/workflows/{workflow_id}/automations/{automation_id}": { auth: APP, query: WORKFLOW_QUERY },
  "PATCH /api/v1/internal/workflows/{workflow_id}/automations/{automation_id}": { auth: APP, query: WORKFLOW_QUERY, body: OPTIONAL_BODY },
  "DELETE /api/v1/internal/workflows/{workflow_id}/automations/{automation_id}": { auth: APP, query: WORKFLOW_QUERY },
  // The URL handed out as trigger_webhook_url: whoever holds it may post, as with any webhook.
  "POST /api/v1/internal/webhooks/automations/{automation_id}": { auth: "none" },
};
