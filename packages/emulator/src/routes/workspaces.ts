import type { Hono } from "hono";
import { ADMIN_ROLES, requireRole } from "../auth.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, requireUuid, roleOf, visibleWorkspace } from "../context.js";
import { badRequest, unprocessable } from "../http/errors.js";
import { findWorkspaceByName, slugify, type Workspace } from "../store.js";

/** The wire shape of a workspace (api-notes §4.3). */
export function workspaceJson(ws: Workspace): Record<string, unknown> {
  return {
    id: ws.id,
    name: ws.name,
    organization_id: ws.organization_id,
    status: ws.status,
    cache_enabled: ws.cache_enabled,
    tombstone: ws.tombstone,
    created_at: ws.created_at,
    updated_at: ws.updated_at,
  };
}

/** Creates a live workspace in an organization; names are unique among live workspaces. */
export function createWorkspace(
  ctx: EmulatorContext,
  input: { name: string; organizationId: string; regionId?: string; iconStorageId?: string | null },
): Workspace {
  if (findWorkspaceByName(ctx.store, input.organizationId, input.name)) {
    throw badRequest(`A workspace named '${input.name}' already exists`, "workspace_exists", "body.name");
  }
  const now = ctx.nowIso();
  const ws: Workspace = {
    id: ctx.nextId(),
    name: input.name,
    organization_id: input.organizationId,
    status: "active",
    cache_enabled: false,
    tombstone: false,
    created_at: now,
    updated_at: now,
    region_id: input.regionId ?? "645a183f-b12b-4c6e-8ad3-99e165603450",
    icon_storage_id: input.iconStorageId ?? null,
  };
  ctx.store.workspaces.set(ws.id, ws);
  return ws;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 20;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw unprocessable([{ field: "query.limit", message: "Input should be an integer between 1 and 100", code: "less_than_equal" }]);
  }
  return n;
}

/** Workspaces: W1-W5 and G4 (explicit creation) and G5 (icon upload URL). */
export function registerWorkspaceRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.get("/api/v1/workspaces", async (c) => {
    const principal = principalOf(c);
    const nameContains = c.req.query("name_contains");
    const status = c.req.query("status");
    if (status !== undefined && status !== "active" && status !== "inactive") {
      throw unprocessable([{ field: "query.status", message: "Input should be 'active' or 'inactive'", code: "enum" }]);
    }
    const limit = parseLimit(c.req.query("limit"));
    const cursor = c.req.query("cursor");
    // The store keeps creation order, so pages are in creation order even within one millisecond.
    const all = [...ctx.store.workspaces.values()]
      .filter((ws) => ws.organization_id === principal.organizationId && !ws.tombstone)
      .filter((ws) => (nameContains ? ws.name.toLowerCase().includes(nameContains.toLowerCase()) : true))
      .filter((ws) => (status ? ws.status === status : true));
    let start = 0;
    if (cursor) {
      const index = all.findIndex((ws) => ws.id === cursor);
      if (index < 0) throw unprocessable([{ field: "query.cursor", message: "Unknown cursor", code: "value_error" }]);
      start = index;
    }
    const page = all.slice(start, start + limit);
    const nextItem = all[start + limit];
    let next: string | null = null;
    if (nextItem) {
      const url = new URL(c.req.url);
      if (ctx.options.publicUrl) {
        const base = new URL(ctx.options.publicUrl);
        url.protocol = base.protocol;
        url.host = base.host;
      }
      url.searchParams.set("cursor", nextItem.id);
      url.searchParams.set("limit", String(limit));
      next = url.toString();
    }
    return c.json({ next, data: page.map(workspaceJson) });
  });

  app.get("/api/v1/workspaces/stats", async (c) => {
    const principal = principalOf(c);
    const live = [...ctx.store.workspaces.values()].filter((ws) => ws.organization_id === principal.organizationId && !ws.tombstone);
    const active = live.filter((ws) => ws.status === "active").length;
    return c.json({ active_count: active, inactive_count: live.length - active, total_count: live.length });
  });

  app.post("/api/v1/workspaces/icon-upload-url", async (c) => {
    const principal = principalOf(c);
    const storageId = ctx.nextId();
    ctx.store.uploads.set(storageId, { organization_id: principal.organizationId, contentType: null, bytes: null });
    const base = ctx.options.publicUrl ?? new URL(c.req.url).origin;
    return c.json({ upload_url: `${base}/_uploads/${storageId}`, storage_id: storageId });
  });

  app.post("/api/v1/workspaces", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as { name?: unknown; organization_id?: unknown; icon_storage_id?: unknown } | undefined;
    if (typeof body?.name !== "string" || body.name.trim() === "") {
      throw unprocessable([{ field: "body.name", message: "Field required", code: "missing" }]);
    }
    const organizationId =
      body.organization_id === undefined || body.organization_id === null
        ? principal.organizationId
        : requireUuid(String(body.organization_id), "body.organization_id");
    const application = ctx.store.applications.get(principal.clientId);
    const role = application?.memberships.get(organizationId);
    if (!role) throw badRequest("You are not a member of this organization", "organization_forbidden", "body.organization_id");
    requireRole(role, ADMIN_ROLES, "create a workspace");
    let iconStorageId: string | null = null;
    if (body.icon_storage_id !== undefined && body.icon_storage_id !== null) {
      iconStorageId = String(body.icon_storage_id);
      const upload = ctx.store.uploads.get(iconStorageId);
      if (!upload?.bytes) throw badRequest("icon_storage_id does not name an uploaded image", "icon_not_uploaded", "body.icon_storage_id");
    }
    const ws = createWorkspace(ctx, { name: body.name, organizationId, iconStorageId });
    const org = ctx.store.organizations.get(organizationId);
    const base = ctx.options.publicUrl ?? new URL(c.req.url).origin;
    return c.json({
      ...workspaceJson(ws),
      slug: slugify(ws.name),
      organization_name: org?.name ?? "",
      organization_slug: org?.slug ?? "",
      icon_url: iconStorageId ? `${base}/_uploads/${iconStorageId}` : null,
    });
  });

  app.get("/api/v1/workspaces/:workspace_id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("workspace_id"), "path.workspace_id");
    return c.json(workspaceJson(visibleWorkspace(ctx, principal, id)));
  });

  app.put("/api/v1/workspaces/:workspace_id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("workspace_id"), "path.workspace_id");
    const ws = visibleWorkspace(ctx, principal, id);
    const body = bodyOf(c) as {
      name?: string | null;
      status?: "active" | "inactive" | null;
      cache_enabled?: boolean | null;
    };
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "update a workspace");
    if (body.name != null && body.name !== ws.name) {
      if (findWorkspaceByName(ctx.store, ws.organization_id, body.name)) {
        throw badRequest(`A workspace named '${body.name}' already exists`, "workspace_exists", "body.name");
      }
      ws.name = body.name;
    }
    if (body.status != null) ws.status = body.status;
    if (body.cache_enabled !== undefined) ws.cache_enabled = body.cache_enabled;
    ws.updated_at = ctx.nowIso();
    return c.json(workspaceJson(ws));
  });

  app.delete("/api/v1/workspaces/:workspace_id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("workspace_id"), "path.workspace_id");
    const ws = visibleWorkspace(ctx, principal, id);
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "delete a workspace");
    ws.tombstone = true;
    ws.updated_at = ctx.nowIso();
    return c.json({ id: ws.id, deleted_at: ws.updated_at });
  });
}
