import type { Hono } from "hono";
import { ADMIN_ROLES, requireRole } from "../auth.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, resolveOrganization, roleOf } from "../context.js";
import { unauthorized, unprocessable } from "../http/errors.js";
import { findWorkspaceByName, type Workspace } from "../store.js";
import { createWorkspace } from "./workspaces.js";

const US_REGION = "645a183f-b12b-4c6e-8ad3-99e165603450";

/** The `allowed_origin` rules of the contract (§7 step 2): scheme, host and optional port, nothing else. */
export function isValidOrigin(origin: string): boolean {
  if (origin.includes("*")) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const rebuilt = `${url.protocol}//${url.host}`;
  return origin === rebuilt || origin === `${url.protocol}//${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
}

/** Scoped and widget tokens accept the deprecated `customer_name` / `external_user_id` for `workspace_name` (api-notes §1). */
export function withTokenWorkspaceAlias(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const body = raw as Record<string, unknown>;
  const name = body.workspace_name ?? body.customer_name ?? body.external_user_id;
  return name === undefined ? body : { ...body, workspace_name: name };
}

/** Tokens: A1 (client credentials), A2 (scoped), A3 (scoped info), A4 (widget). */
export function registerTokenRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.post("/api/v1/account/applications/token", async (c) => {
    const body = bodyOf(c) as Record<string, unknown> | undefined;
    const { client_id: clientId, client_secret: clientSecret } = body as { client_id: string; client_secret: string };
    const application = ctx.store.applications.get(clientId);
    if (!application || application.clientSecret !== clientSecret) {
      throw unauthorized("Invalid client credentials", "invalid_client");
    }
    const organizationId = resolveOrganization(application, c.req.header("x-organization-id"));
    const ttl = ctx.options.tokenTtlSeconds;
    const accessToken = await ctx.signer.sign({ kind: "application", clientId, organizationId }, ttl);
    ctx.stats.tokenMints.application++;
    return c.json({ access_token: accessToken, token_type: "bearer", expires_in: ttl, organization_id: organizationId });
  });

  const workspaceForToken = (
    principalOrg: string,
    role: ReturnType<typeof roleOf>,
    name: string,
    regionId: string | null | undefined,
  ): Workspace => {
    const existing = findWorkspaceByName(ctx.store, principalOrg, name);
    if (existing) {
      if (existing.status === "inactive") requireRole(role, ADMIN_ROLES, "use an inactive workspace");
      return existing;
    }
    // Minting for a new name creates the workspace (api-notes §2); creating needs an admin role (§12).
    requireRole(role, ADMIN_ROLES, "create a workspace");
    return createWorkspace(ctx, { name, organizationId: principalOrg, regionId: regionId ?? US_REGION });
  };

  app.post("/api/v1/account/applications/scoped-token", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as { workspace_name?: string; region_id?: string | null } | undefined;
    const name = body?.workspace_name;
    if (!name)
      throw unprocessable([{ field: "body.workspace_name", message: "String should have at least 1 character", code: "string_too_short" }]);
    const ws = workspaceForToken(principal.organizationId, roleOf(ctx, principal), name, body?.region_id);
    const token = await ctx.signer.sign(
      {
        kind: "scoped",
        clientId: principal.clientId,
        organizationId: principal.organizationId,
        workspaceId: ws.id,
        workspaceName: ws.name,
      },
      ctx.options.scopedTokenTtlSeconds,
    );
    ctx.stats.tokenMints.scoped++;
    return c.json({ token });
  });

  app.get("/api/v1/account/applications/scoped-token/info", async (c) => {
    const principal = principalOf(c);
    const ws = ctx.store.workspaces.get(principal.workspaceId as string) as Workspace;
    return c.json({ organization_id: principal.organizationId, workspace_id: ws.id, workspace_name: ws.name });
  });

  app.post("/api/v1/account/applications/widget-token", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as Record<string, unknown> | undefined;
    const name = body?.workspace_name as string | undefined;
    const { allowed_origin: allowedOrigin, region_id: regionId } = body as { allowed_origin: string; region_id?: string | null };
    if (!isValidOrigin(allowedOrigin)) {
      throw unprocessable([
        {
          field: "body.allowed_origin",
          message: "allowed_origin must be an origin: scheme, host and optional port, with no path, trailing slash or wildcard",
          code: "invalid_origin",
        },
      ]);
    }
    if (!name)
      throw unprocessable([{ field: "body.workspace_name", message: "String should have at least 1 character", code: "string_too_short" }]);
    const ws = workspaceForToken(principal.organizationId, roleOf(ctx, principal), name, regionId);
    const origin = new URL(allowedOrigin).origin;
    ctx.store.allowedOrigins.add(origin);
    const inner = await ctx.signer.sign(
      {
        kind: "widget",
        clientId: principal.clientId,
        organizationId: principal.organizationId,
        workspaceId: ws.id,
        workspaceName: ws.name,
        allowedOrigin: origin,
      },
      ctx.options.scopedTokenTtlSeconds,
    );
    const base = ctx.options.publicUrl ?? new URL(c.req.url).origin;
    const widgetUrl = new URL(`${base}/quick-start/widget`);
    widgetUrl.searchParams.set("workspaceId", ws.id);
    widgetUrl.searchParams.set("allowedOrigin", allowedOrigin);
    for (const key of ["selected_source_template_tags", "selected_connection_template_tags"] as const) {
      const tags = (body as Record<string, unknown>)[key];
      if (Array.isArray(tags)) for (const tag of tags) widgetUrl.searchParams.append(key, String(tag));
      const mode = (body as Record<string, unknown>)[`${key}_mode`];
      if (typeof mode === "string") widgetUrl.searchParams.set(`${key}_mode`, mode);
    }
    ctx.stats.tokenMints.widget++;
    const token = btoa(JSON.stringify({ token: inner, widgetUrl: widgetUrl.toString() }));
    return c.json({ token });
  });
}
