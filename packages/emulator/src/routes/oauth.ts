import type { Hono } from "hono";
import { ADMIN_ROLES, requireRole } from "../auth.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, roleOf } from "../context.js";
import { notFound, unprocessable } from "../http/errors.js";
import type { OAuthCredential } from "../store.js";
import { findConnectorType, resolveConnectorType } from "./connector-type.js";

function credentialJson(cred: OAuthCredential): Record<string, unknown> {
  // The configuration is never echoed back (api-notes §3 O1).
  return {
    id: cred.id,
    scope_type: "organization",
    scope_id: cred.organization_id,
    connector_type: "source",
    connector_definition_id: cred.connector_definition_id,
    created_at: cred.created_at,
    updated_at: cred.updated_at,
  };
}

/** Organization-level OAuth app credentials: O1 (upsert) and O2 (delete by connector type). */
export function registerOAuthRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.put("/api/v1/oauth/credentials", async (c) => {
    const principal = principalOf(c);
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage OAuth credentials");
    const body = bodyOf(c) as {
      connector_definition_id?: string | null;
      connector_type?: string | null;
      configuration: Record<string, unknown>;
    };
    if (!body.connector_definition_id === !body.connector_type) {
      throw unprocessable([
        {
          field: "body",
          message: "Value error, exactly one of connector_type or connector_definition_id must be provided",
          code: "value_error",
        },
      ]);
    }
    const connector = body.connector_definition_id
      ? ctx.catalog.byDefinitionId(body.connector_definition_id.toLowerCase())
      : resolveConnectorType(ctx.catalog, String(body.connector_type));
    if (!connector) throw notFound("Connector definition not found", "definition_not_found");
    const now = ctx.nowIso();
    const existing = [...ctx.store.oauthCredentials.values()].find(
      (x) => x.organization_id === principal.organizationId && x.connector_definition_id === connector.definitionId,
    );
    const cred: OAuthCredential = existing
      ? { ...existing, configuration: body.configuration, updated_at: now }
      : {
          id: ctx.nextId(),
          organization_id: principal.organizationId,
          connector_definition_id: connector.definitionId,
          configuration: body.configuration,
          created_at: now,
          updated_at: now,
        };
    ctx.store.oauthCredentials.set(cred.id, cred);
    return c.json(credentialJson(cred));
  });

  app.delete("/api/v1/oauth/credentials/connector_type/:connector_type", async (c) => {
    const principal = principalOf(c);
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage OAuth credentials");
    // Hono has already decoded the path parameter: decoding again turned a '%' into a 500.
    const type = c.req.param("connector_type");
    const connector = findConnectorType(ctx.catalog, type);
    if (connector) {
      for (const [id, cred] of ctx.store.oauthCredentials) {
        if (cred.organization_id === principal.organizationId && cred.connector_definition_id === connector.definitionId) {
          ctx.store.oauthCredentials.delete(id);
        }
      }
    }
    // Idempotent: deleting what is not there is still a 204 (api-notes §3 O2).
    return c.body(null, 204);
  });
}
