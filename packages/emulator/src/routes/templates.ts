import type { Hono } from "hono";
import { ADMIN_ROLES, requireRole } from "../auth.js";
import type { CatalogConnector } from "../catalog/types.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, requireUuid, roleOf } from "../context.js";
import { notFound, unprocessable } from "../http/errors.js";
import type { SourceTemplate } from "../store.js";
import { connectorSpecification, iconUrl } from "./definitions.js";

/** Templates an organization can use: its own plus the global ones, live only. */
export function templatesVisibleTo(ctx: EmulatorContext, organizationId: string): SourceTemplate[] {
  return [...ctx.store.templates.values()].filter(
    (t) => t.deleted_at === null && (t.organization_id === null || t.organization_id === organizationId),
  );
}

function connectorOf(ctx: EmulatorContext, template: SourceTemplate): CatalogConnector {
  return ctx.catalog.byDefinitionId(template.actor_definition_id) as CatalogConnector;
}

/** `SummarizedSourceTemplate` / `SourceTemplateListItem`. */
export function templateSummary(ctx: EmulatorContext, base: string, t: SourceTemplate): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    icon: iconUrl(base, connectorOf(ctx, t)),
    connector_name: t.connector_name,
    organization_id: t.organization_id,
    actor_definition_id: t.actor_definition_id,
    tags: t.tags,
    customization: t.customization,
    mode: t.mode,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
}

/** `DetailedSourceTemplate` / `SourceTemplateGetResponse`. */
export function templateDetail(ctx: EmulatorContext, base: string, t: SourceTemplate): Record<string, unknown> {
  const connector = connectorOf(ctx, t);
  return {
    id: t.id,
    name: t.name,
    icon: iconUrl(base, connector),
    source_definition_id: t.actor_definition_id,
    user_config_spec: connectorSpecification(connector),
    partial_default_config: t.partial_default_config,
    customization: t.customization,
    tags: t.tags,
    mode: t.mode,
    is_experimental: false,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
}

/** The global template of each catalog connector, with an id stable across resets. */
export function globalTemplate(ctx: EmulatorContext, connector: CatalogConnector, now: string): SourceTemplate {
  return {
    id: ctx.idFor(`template:${connector.definitionId}`),
    organization_id: null,
    name: connector.displayName,
    connector_name: connector.name,
    actor_definition_id: connector.definitionId,
    partial_default_config: {},
    customization: null,
    tags: [],
    mode: "DIRECT",
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}

/** Tags are not in the create schemas; the emulator accepts them there so the tag filters can be exercised. */
function tagsFrom(body: Record<string, unknown>, fallback: string[]): string[] {
  const tags = body.tags;
  if (tags === undefined || tags === null) return [...fallback];
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== "string")) {
    throw unprocessable([{ field: "body.tags", message: "Input should be a valid list of strings", code: "list_type" }]);
  }
  return [...new Set(tags as string[])];
}

/** A create request naming `original_source_template_id` clones that template; any other creates one. */
function isCloneRequest(body: unknown): body is Record<string, unknown> {
  return !!body && typeof body === "object" && "original_source_template_id" in body;
}

/** The component schema a source-template create body must satisfy: the request is one of two shapes. */
export function templateRequestSchema(body: unknown): string {
  return isCloneRequest(body) ? "SourceTemplateCloneRequest" : "SourceTemplateCreateRequest";
}

/** Source templates: T1 (the organization's catalog of enabled connectors). */
export function registerTemplateRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  const base = (url: string) => ctx.options.publicUrl ?? new URL(url).origin;
  const visible = (organizationId: string, id: string): SourceTemplate => {
    const t = templatesVisibleTo(ctx, organizationId).find((x) => x.id === id);
    if (!t) throw notFound(`Source template ${id} not found`, "source_template_not_found");
    return t;
  };

  app.get("/api/v1/integrations/templates/sources/global", async (c) => {
    const data = [...ctx.store.templates.values()].filter((t) => t.organization_id === null && t.deleted_at === null);
    return c.json({ data: data.map((t) => templateSummary(ctx, base(c.req.url), t)) });
  });

  app.get("/api/v1/integrations/templates/sources", async (c) => {
    const principal = principalOf(c);
    const useGlobal = c.req.query("use_global");
    if (useGlobal !== undefined && useGlobal !== "true" && useGlobal !== "false") {
      throw unprocessable([{ field: "query.use_global", message: "Input should be a valid boolean", code: "bool_parsing" }]);
    }
    const tags = c.req.queries("tags") ?? [];
    const mode = c.req.query("tags_mode") ?? "all";
    if (mode !== "all" && mode !== "any")
      throw unprocessable([{ field: "query.tags_mode", message: "Input should be 'any' or 'all'", code: "enum" }]);
    const data = templatesVisibleTo(ctx, principal.organizationId)
      .filter((t) => (useGlobal === "true" ? t.organization_id === null : t.organization_id === principal.organizationId))
      .filter(
        (t) => tags.length === 0 || (mode === "all" ? tags.every((tag) => t.tags.includes(tag)) : tags.some((tag) => t.tags.includes(tag))),
      );
    return c.json({ data: data.map((t) => templateSummary(ctx, base(c.req.url), t)) });
  });

  app.post("/api/v1/integrations/templates/sources", async (c) => {
    const principal = principalOf(c);
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage source templates");
    // Validated by the route's policy against the schema of its shape (templateRequestSchema).
    const body = bodyOf(c);
    const now = ctx.nowIso();
    let template: SourceTemplate;
    if (isCloneRequest(body)) {
      const original = visible(principal.organizationId, String(body.original_source_template_id));
      template = {
        ...original,
        id: ctx.nextId(),
        organization_id: principal.organizationId,
        name: (body.name as string | null | undefined) ?? original.name,
        mode: (body.mode as SourceTemplate["mode"] | null | undefined) ?? original.mode,
        tags: tagsFrom(body, original.tags),
        created_at: now,
        updated_at: now,
      };
    } else {
      const input = body as {
        actor_definition_id: string;
        name?: string | null;
        partial_default_config: Record<string, unknown>;
        customization?: Record<string, unknown> | null;
        mode?: SourceTemplate["mode"] | null;
      };
      const connector = ctx.catalog.byDefinitionId(input.actor_definition_id.toLowerCase());
      if (!connector) throw notFound(`Source definition ${input.actor_definition_id} not found`, "definition_not_found");
      template = {
        id: ctx.nextId(),
        organization_id: principal.organizationId,
        name: input.name ?? connector.displayName,
        connector_name: connector.name,
        actor_definition_id: connector.definitionId,
        partial_default_config: input.partial_default_config,
        customization: input.customization ?? null,
        tags: tagsFrom(body as Record<string, unknown>, []),
        mode: input.mode ?? "DIRECT",
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
    }
    ctx.store.templates.set(template.id, template);
    return c.json(templateDetail(ctx, base(c.req.url), template));
  });

  app.get("/api/v1/integrations/templates/sources/:id", async (c) => {
    const principal = principalOf(c);
    const t = visible(principal.organizationId, requireUuid(c.req.param("id"), "path.id"));
    const connector = connectorOf(ctx, t);
    return c.json({ ...templateDetail(ctx, base(c.req.url), t), auth_tooltip: null, connector_name: connector.name });
  });

  app.patch("/api/v1/integrations/templates/sources/:id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("id"), "path.id");
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage source templates");
    const t = visible(principal.organizationId, id);
    if (t.organization_id === null) throw notFound(`Source template ${id} not found in your organization`, "source_template_not_found");
    const body = bodyOf(c) as {
      name?: string | null;
      partial_default_config?: Record<string, unknown> | null;
      customization?: Record<string, unknown> | null;
      mode?: SourceTemplate["mode"] | null;
    };
    if (body.name != null) t.name = body.name;
    if (body.partial_default_config != null) t.partial_default_config = body.partial_default_config;
    if (body.customization !== undefined) t.customization = body.customization;
    if (body.mode != null) t.mode = body.mode;
    t.updated_at = ctx.nowIso();
    return c.json(templateDetail(ctx, base(c.req.url), t));
  });

  app.delete("/api/v1/integrations/templates/sources/:id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("id"), "path.id");
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage source templates");
    const t = visible(principal.organizationId, id);
    if (t.organization_id === null) throw notFound(`Source template ${id} not found in your organization`, "source_template_not_found");
    t.deleted_at = ctx.nowIso();
    return c.json({ id: t.id, deleted_at: t.deleted_at });
  });
}
