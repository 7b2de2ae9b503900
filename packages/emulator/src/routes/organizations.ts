import type { Hono } from "hono";
import { bodyOf, type EmulatorContext, type Env, principalOf, requireUuid } from "../context.js";
import { forbidden, unprocessable } from "../http/errors.js";
import type { Organization, Store } from "../store.js";
import { slugify } from "../store.js";
import { workosOrganizationIdOf } from "./workos.js";
import { workspaceJson } from "./workspaces.js";

/** Creates an organization with a slug unique in the store. */
export function createOrganization(store: Store, id: string, name: string, createdAtSeconds: number): Organization {
  const base = slugify(name) || "org";
  let slug = base;
  for (let n = 2; [...store.organizations.values()].some((o) => o.slug === slug); n++) slug = `${base}-${n}`;
  const org: Organization = { id, name, slug, created_at: createdAtSeconds };
  store.organizations.set(id, org);
  return org;
}

/** Organizations and the caller's place in them: G1-G3 and G6 (api-notes §12), and the WorkOS link (preview). */
export function registerOrganizationRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.post("/api/v1/organizations", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as { name?: unknown } | undefined;
    if (typeof body?.name !== "string" || body.name.trim() === "") {
      throw unprocessable([{ field: "body.name", message: "Field required", code: "missing" }]);
    }
    const org = createOrganization(ctx.store, ctx.nextId(), body.name.trim(), Math.floor(ctx.clock.now() / 1000));
    ctx.store.applications.get(principal.clientId)?.memberships.set(org.id, "owner");
    return c.json(org);
  });

  app.get("/api/v1/organizations/mine", async (c) => {
    const principal = principalOf(c);
    const application = ctx.store.applications.get(principal.clientId);
    const data = [...(application?.memberships.keys() ?? [])].map((id) => ctx.store.organizations.get(id)).filter(Boolean);
    return c.json({ data });
  });

  app.get("/api/v1/organizations/:organization_id/access", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("organization_id"), "path.organization_id");
    const role = ctx.store.applications.get(principal.clientId)?.memberships.get(id);
    if (!role) throw forbidden("You are not a member of this organization", "organization_forbidden");
    return c.json({
      role,
      is_admin: role === "owner" || role === "admin",
      can_manage_billing: role === "owner" || role === "billing_admin",
    });
  });

  // resolveWorkosOrganizationId on the API docs' organizations page: the organization's WorkOS organization id, or null.
  app.get("/api/v1/organizations/:organization_id/workos", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("organization_id"), "path.organization_id");
    const org = ctx.store.organizations.get(id);
    // As for /access: an organization the caller is not in is a 403 whether or not it exists, so ids cannot be probed.
    if (!org || !ctx.store.applications.get(principal.clientId)?.memberships.has(id)) {
      throw forbidden("You are not a member of this organization", "organization_forbidden");
    }
    return c.json({ workos_organization_id: workosOrganizationIdOf(ctx, org) });
  });

  app.get("/api/v1/account/navigation-state", async (c) => {
    const principal = principalOf(c);
    const application = ctx.store.applications.get(principal.clientId);
    const organizations = [...(application?.memberships.keys() ?? [])].map((id) => ctx.store.organizations.get(id)).filter(Boolean);
    const workspaces = [...ctx.store.workspaces.values()]
      .filter((ws) => !ws.tombstone && application?.memberships.has(ws.organization_id))
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    const current = workspaces.find((ws) => ws.organization_id === principal.organizationId) ?? null;
    return c.json({
      organization: ctx.store.organizations.get(principal.organizationId) ?? null,
      workspace: current ? workspaceJson(current) : null,
      organizations,
      workspaces: workspaces.map(workspaceJson),
    });
  });
}
