import type { Hono } from "hono";
import { bodyOf, type EmulatorContext, type Env, principalOf } from "../context.js";
import { badRequest, forbidden, notFound, unprocessable } from "../http/errors.js";
import { type Connector, findWorkspaceByName } from "../store.js";
import { resolveTemplate } from "./connector-lookup.js";
import { withCanonicalConnectorType } from "./connector-type.js";
import { buildConnector } from "./connectors.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * C10 (preview): OAuth initiation. `consent_url` points at a consent page served here; approving creates the
 * connector and redirects to `redirect_url?connector_id=…`, denying to `?error=…&error_description=…`.
 */
export function registerOAuthInitiateRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.post("/api/v1/integrations/connectors/oauth/initiate", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as Record<string, unknown> | undefined;
    if (!body || typeof body.workspace_name !== "string")
      throw unprocessable([{ field: "body.workspace_name", message: "Field required", code: "missing" }]);
    let redirect: URL;
    try {
      redirect = new URL(String(body.redirect_url));
    } catch {
      throw unprocessable([{ field: "body.redirect_url", message: "Input should be a valid URL", code: "url_parsing" }]);
    }
    const ws = findWorkspaceByName(ctx.store, principal.organizationId, body.workspace_name);
    if (!ws) throw notFound(`Workspace '${body.workspace_name}' not found`, "workspace_not_found");
    // A scoped or widget token initiates only for its own workspace (api-notes §10 U1), not just at the callback.
    if (principal.workspaceId && principal.workspaceId !== ws.id)
      throw forbidden("The token is scoped to another workspace", "workspace_scope");
    const template = resolveTemplate(ctx, principal.organizationId, withCanonicalConnectorType(ctx.catalog, body));
    const hasAppCredentials = [...ctx.store.oauthCredentials.values()].some(
      (x) => x.organization_id === principal.organizationId && x.connector_definition_id === template.actor_definition_id,
    );
    if (!hasAppCredentials) {
      throw badRequest("No organization-specific source template configured for this connector type.", "oauth_not_configured");
    }
    const id = ctx.nextId();
    ctx.store.oauthSessions.set(id, { id, principal: { ...principal }, request: body, redirect_url: redirect.toString() });
    const base = ctx.options.publicUrl ?? new URL(c.req.url).origin;
    return c.json({ consent_url: `${base}/_oauth/consent/${id}` });
  });

  app.get("/_oauth/consent/:session", (c) => {
    const session = ctx.store.oauthSessions.get(c.req.param("session"));
    if (!session) return c.html("<h1>Unknown or used consent session</h1>", 404);
    const name = escapeHtml(String(session.request.connector_type ?? session.request.name ?? "the connector"));
    return c.html(`<!doctype html><meta charset="utf-8"><title>Authorize</title>
<h1>Authorize Airbyte to access ${name}?</h1>
<form method="post" action="/_oauth/consent/${session.id}"><button name="decision" value="approve">Approve</button>
<button name="decision" value="deny">Deny</button></form>`);
  });

  app.post("/_oauth/consent/:session", async (c) => {
    const session = ctx.store.oauthSessions.get(c.req.param("session"));
    if (!session) return c.html("<h1>Unknown or used consent session</h1>", 404);
    ctx.store.oauthSessions.delete(session.id);
    const form = await c.req.parseBody();
    const target = new URL(session.redirect_url);
    if (form.decision !== "approve") {
      target.searchParams.set("error", "access_denied");
      target.searchParams.set("error_description", "The user denied access");
      return c.redirect(target.toString(), 302);
    }
    try {
      const connector: Connector = buildConnector(ctx, session.principal, {
        ...(session.request as unknown as Parameters<typeof buildConnector>[2]),
        credentials: {
          access_token: `oauth-${session.id}`,
          refresh_token: `refresh-${session.id}`,
          client_id: "org-oauth-app",
          client_secret: "org-oauth-app-secret",
        },
      });
      ctx.store.connectors.set(connector.id, connector);
      target.searchParams.set("connector_id", connector.id);
    } catch (error) {
      target.searchParams.set("error", "connector_creation_failed");
      target.searchParams.set("error_description", (error as Error).message);
    }
    return c.redirect(target.toString(), 302);
  });
}
