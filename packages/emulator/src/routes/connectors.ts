import type { Hono } from "hono";
import { ADMIN_ROLES, type Principal, requireRole } from "../auth.js";
import type { CatalogConnector } from "../catalog/types.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, requireUuid, roleOf } from "../context.js";
import { badRequest, forbidden, notFound, unprocessable } from "../http/errors.js";
import { type Connector, findWorkspaceByName, type RequestedEntity, type Workspace } from "../store.js";
import { catalogEntryOf, matchAuthScheme, resolveTemplate, validateReplicationConfig, visibleConnector } from "./connector-lookup.js";
import { withCanonicalConnectorType } from "./connector-type.js";
import { templateDetail, templateSummary } from "./templates.js";

const SECRET_KEY = /token|secret|password|credential|api[_-]?key|apikey|private[_-]?key/i;

/** Replication config as echoed back: secret-looking values masked (api-notes §4.1). */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (SECRET_KEY.test(key)) out[key] = "**********";
    else if (value && typeof value === "object" && !Array.isArray(value)) out[key] = redactConfig(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

export function connectorJson(ctx: EmulatorContext, base: string, connector: Connector): Record<string, unknown> {
  return {
    id: connector.id,
    name: connector.name,
    source_template: templateDetail(ctx, base, ctx.store.templates.get(connector.template_id) as never),
    replication_config: redactConfig(connector.replication_config),
    entities: connector.entities,
    created_at: connector.created_at,
    updated_at: connector.updated_at,
  };
}

export function connectorListItem(ctx: EmulatorContext, base: string, connector: Connector): Record<string, unknown> {
  return {
    id: connector.id,
    name: connector.name,
    summarized_source_template: templateSummary(ctx, base, ctx.store.templates.get(connector.template_id) as never),
    created_at: connector.created_at,
    updated_at: connector.updated_at,
  };
}

interface CreateBody {
  workspace_name: string;
  name?: string | null;
  definition_id?: string | null;
  connector_type?: string | null;
  source_template_id?: string | null;
  credentials?: Record<string, unknown> | null;
  replication_config?: Record<string, unknown> | null;
  environment?: Record<string, unknown> | null;
  entities?: RequestedEntity[] | null;
}

/** Normalises the deprecated `customer_name` / `external_user_id` aliases (api-notes §1). */
export function withWorkspaceAlias(body: unknown): unknown {
  if (!body || typeof body !== "object") return body;
  const b = body as Record<string, unknown>;
  if (b.workspace_name === undefined && (b.customer_name !== undefined || b.external_user_id !== undefined)) {
    return { ...b, workspace_name: b.customer_name ?? b.external_user_id };
  }
  return body;
}

function workspaceForWrite(ctx: EmulatorContext, principal: Principal, name: string): Workspace {
  // Unlike token minting, connector creation never creates the workspace (api-notes §9.2).
  const ws = findWorkspaceByName(ctx.store, principal.organizationId, name);
  if (!ws) throw notFound(`Workspace '${name}' not found`, "workspace_not_found");
  if (principal.workspaceId && principal.workspaceId !== ws.id)
    throw forbidden("The token is scoped to another workspace", "workspace_scope");
  if (ws.status === "inactive") throw badRequest(`Workspace '${name}' is inactive`, "workspace_inactive");
  return ws;
}

/** Values the platform supplies for keys the spec marks constant, e.g. GitHub's start_date (90 days ago). */
function platformDefaults(ctx: EmulatorContext, definition: CatalogConnector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ninetyDaysAgo = new Date(ctx.clock.now() - 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const key of definition.replicationConfig?.defaulted ?? []) {
    const format = definition.replicationConfig?.properties[key]?.format;
    if (format === "date-time") out[key] = ninetyDaysAgo;
    else if (format === "date") out[key] = ninetyDaysAgo.slice(0, 10);
  }
  return out;
}

/** Builds and validates a new connector (shared by create, the OAuth callback and the widget page). */
export function buildConnector(
  ctx: EmulatorContext,
  principal: Principal,
  body: CreateBody,
  topLevel?: Record<string, unknown>,
): Connector {
  const ws = workspaceForWrite(ctx, principal, body.workspace_name);
  const template = resolveTemplate(ctx, principal.organizationId, withCanonicalConnectorType(ctx.catalog, body));
  const definition = ctx.catalog.byDefinitionId(template.actor_definition_id);
  if (!definition) throw notFound("Source definition not found", "definition_not_found");
  const replication = { ...platformDefaults(ctx, definition), ...template.partial_default_config, ...(body.replication_config ?? {}) };
  validateReplicationConfig(definition, replication, topLevel);
  const now = ctx.nowIso();
  return {
    id: ctx.nextId(),
    workspace_id: ws.id,
    name: body.name ?? definition.displayName,
    template_id: template.id,
    connector_name: definition.name,
    credentials: body.credentials ?? {},
    replication_config: replication,
    environment: body.environment ?? {},
    entities: body.entities ?? null,
    created_at: now,
    updated_at: now,
  };
}

function checkResult(
  ctx: EmulatorContext,
  id: string,
  connector: Pick<Connector, "connector_name" | "credentials" | "replication_config">,
) {
  const definition = ctx.catalog.byName(connector.connector_name);
  const problem =
    (definition && matchAuthScheme(definition, connector.credentials)) ??
    (() => {
      try {
        if (definition) validateReplicationConfig(definition, connector.replication_config);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    })();
  const entities = (definition?.entities ?? []).slice(0, 5);
  return {
    id,
    status: problem ? "failed" : "succeeded",
    error_message: problem ?? null,
    failure_reason: problem
      ? {
          timestamp: Math.floor(ctx.clock.now() / 1000),
          failure_origin: "source",
          failure_type: "config_error",
          external_message: problem,
          retryable: false,
        }
      : null,
    entity_check_results: entities.map((e) => ({
      entity: e.name,
      status: problem ? "failed" : "succeeded",
      status_code: problem ? 401 : 200,
      error_message: problem ? "Authentication failed" : null,
    })),
  };
}

/** Connectors: C1-C5 and C7-C9 (execute, C6, lives in execute.ts; OAuth initiate, C10, in oauth-initiate.ts). */
export function registerConnectorRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  const base = (url: string) => ctx.options.publicUrl ?? new URL(url).origin;

  app.get("/api/v1/integrations/connectors", async (c) => {
    const principal = principalOf(c);
    let name = c.req.query("workspace_name") ?? c.req.query("customer_name") ?? c.req.query("external_user_id");
    let id = c.req.query("workspace_id");
    if (principal.workspaceId) {
      // A scoped token lists its own workspace whatever the query says, and never another (api-notes §10 U1).
      const own = ctx.store.workspaces.get(principal.workspaceId) as Workspace;
      if ((name !== undefined && name !== own.name) || (id !== undefined && id !== own.id)) {
        throw forbidden("The token is scoped to another workspace", "workspace_scope");
      }
      name = undefined;
      id = own.id;
    }
    if (name === undefined && id === undefined) {
      throw unprocessable([
        { field: "query.workspace_name", message: "One of workspace_name or workspace_id is required", code: "missing" },
      ]);
    }
    let ws: Workspace | undefined;
    if (id !== undefined) {
      const wsId = requireUuid(id, "query.workspace_id");
      const found = ctx.store.workspaces.get(wsId);
      ws = found && !found.tombstone && found.organization_id === principal.organizationId ? found : undefined;
    } else {
      ws = findWorkspaceByName(ctx.store, principal.organizationId, name as string);
    }
    if (!ws) throw notFound(`Workspace '${name ?? id}' not found`, "workspace_not_found");
    const definitionId = c.req.query("definition_id");
    const wanted = definitionId === undefined ? undefined : requireUuid(definitionId, "query.definition_id");
    const data = [...ctx.store.connectors.values()]
      .filter((x) => x.workspace_id === (ws as Workspace).id)
      .filter((x) => (wanted ? ctx.store.templates.get(x.template_id)?.actor_definition_id === wanted : true))
      .map((x) => connectorListItem(ctx, base(c.req.url), x));
    return c.json({ data });
  });

  app.post("/api/v1/integrations/connectors", async (c) => {
    const principal = principalOf(c);
    if (principal.kind === "application") requireRole(roleOf(ctx, principal), ADMIN_ROLES, "create connectors");
    const body = bodyOf(c) as CreateBody & Record<string, unknown>;
    const connector = buildConnector(ctx, principal, body, body);
    ctx.store.connectors.set(connector.id, connector);
    return c.json(connectorJson(ctx, base(c.req.url), connector));
  });

  app.post("/api/v1/integrations/connectors/check", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as CreateBody;
    workspaceForWrite(ctx, principal, body.workspace_name);
    const template = resolveTemplate(ctx, principal.organizationId, withCanonicalConnectorType(ctx.catalog, body));
    const definition = ctx.catalog.byDefinitionId(template.actor_definition_id);
    return c.json(
      checkResult(ctx, ctx.nextId(), {
        connector_name: definition?.name ?? "",
        credentials: body.credentials ?? {},
        replication_config: { ...template.partial_default_config, ...(body.replication_config ?? {}) },
      }),
    );
  });

  app.get("/api/v1/integrations/connectors/:id", async (c) => {
    const principal = principalOf(c);
    return c.json(connectorJson(ctx, base(c.req.url), visibleConnector(ctx, principal, c.req.param("id"))));
  });

  const applyUpdate = (
    connector: Connector,
    body: { name?: string | null; replication_config?: Record<string, unknown> | null; entities?: RequestedEntity[] | null },
  ) => {
    const next = { ...connector };
    if (body.name != null) next.name = body.name;
    if (body.replication_config != null) next.replication_config = { ...connector.replication_config, ...body.replication_config };
    // Omitting entities keeps them; [] clears the restriction (api-notes §3 C4).
    if (body.entities !== undefined) next.entities = body.entities === null || body.entities.length === 0 ? null : body.entities;
    return next;
  };

  app.put("/api/v1/integrations/connectors/:id", async (c) => {
    const principal = principalOf(c);
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "update connectors");
    const connector = visibleConnector(ctx, principal, c.req.param("id"));
    const body = bodyOf(c) as Parameters<typeof applyUpdate>[1];
    const next = applyUpdate(connector, body);
    validateReplicationConfig(catalogEntryOf(ctx, connector), next.replication_config);
    next.updated_at = ctx.nowIso();
    ctx.store.connectors.set(next.id, next);
    return c.json(connectorJson(ctx, base(c.req.url), next));
  });

  app.delete("/api/v1/integrations/connectors/:id", async (c) => {
    const principal = principalOf(c);
    if (principal.kind === "application") requireRole(roleOf(ctx, principal), ADMIN_ROLES, "delete connectors");
    const connector = visibleConnector(ctx, principal, c.req.param("id"));
    ctx.store.connectors.delete(connector.id);
    for (const key of [...ctx.store.overlays.keys()]) if (key.startsWith(`${connector.id}:`)) ctx.store.overlays.delete(key);
    return c.json({ job_id: ctx.nextId() }, 202);
  });

  app.post("/api/v1/integrations/connectors/:id/check", async (c) => {
    const principal = principalOf(c);
    const connector = visibleConnector(ctx, principal, c.req.param("id"));
    const body = bodyOf(c) as Parameters<typeof applyUpdate>[1];
    return c.json(checkResult(ctx, connector.id, applyUpdate(connector, body)));
  });

  app.get("/api/v1/integrations/connectors/:id/inspect", async (c) => {
    const principal = principalOf(c);
    const connector = visibleConnector(ctx, principal, c.req.param("id"));
    const definition = catalogEntryOf(ctx, connector);
    const ws = ctx.store.workspaces.get(connector.workspace_id) as Workspace;
    const listable = definition.entities.filter((e) => e.actions.some((a) => a.action === "list"));
    return c.json({
      connector_id: connector.id,
      name: connector.name,
      workspace_id: ws.id,
      organization_id: ws.organization_id,
      source_definition_id: definition.definitionId,
      source_definition_name: definition.displayName,
      docs_skill_id: null,
      context_store_readiness: {
        supported_context_store_entities: listable.map((e, i) => ({ entity: e.name, suggested: i < 5 })),
        configured_cache_entities: ws.cache_enabled ? listable.slice(0, 5).map((e) => e.name) : [],
      },
      warnings: [],
    });
  });
}
