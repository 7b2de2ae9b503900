import { Cron } from "croner";
import type { Context, Hono } from "hono";
import type { Principal } from "../auth.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, requireUuid, visibleWorkspace } from "../context.js";
import { notFound, unprocessable } from "../http/errors.js";
import type { Automation, Workflow, Workspace } from "../store.js";

const TRIGGERS = ["schedule", "manual", "webhook"] as const;

/** Five-field cron, checked by croner; the hosted UI schedules with no seconds field (api-notes §4.4). */
function validateCron(expression: unknown, field: string): string {
  if (typeof expression !== "string" || expression.trim().split(/\s+/).length !== 5) {
    throw unprocessable([{ field, message: "cron_expression must have 5 fields (minute hour day month weekday)", code: "value_error" }]);
  }
  try {
    new Cron(expression, { paused: true });
  } catch (error) {
    throw unprocessable([{ field, message: `Invalid cron expression: ${(error as Error).message}`, code: "value_error" }]);
  }
  return expression.trim();
}

function validateTimezone(timezone: unknown, field: string): string {
  if (typeof timezone !== "string") throw unprocessable([{ field, message: "Input should be a valid string", code: "string_type" }]);
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw unprocessable([{ field, message: `Unknown IANA timezone '${timezone}'`, code: "value_error" }]);
  }
  return timezone;
}

function validateUrl(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(String(value));
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    // fall through
  }
  throw unprocessable([{ field, message: "Input should be a valid URL", code: "url_parsing" }]);
}

/** Workflows and automations: F1-F5 (preview, `/internal/` paths used by the Python SDK). */
export function registerWorkflowRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  const base = (url: string) => ctx.options.publicUrl ?? new URL(url).origin;

  const workspaceFromQuery = (c: Context<Env>, principal: Principal): Workspace => {
    const raw = c.req.query("workspace_id");
    if (raw === undefined) throw unprocessable([{ field: "query.workspace_id", message: "Field required", code: "missing" }]);
    return visibleWorkspace(ctx, principal, requireUuid(raw, "query.workspace_id"));
  };

  const workflowIn = (ws: Workspace, id: string): Workflow => {
    const wf = ctx.store.workflows.get(requireUuid(id, "path.workflow_id"));
    if (!wf || wf.workspace_id !== ws.id) throw notFound(`Workflow ${id} not found`, "workflow_not_found");
    return wf;
  };

  const automationIn = (wf: Workflow, id: string): Automation => {
    const automation = ctx.store.automations.get(requireUuid(id, "path.automation_id"));
    if (!automation || automation.workflow_id !== wf.id) throw notFound(`Automation ${id} not found`, "automation_not_found");
    return automation;
  };

  app.get("/api/v1/internal/workflows", async (c) => {
    const principal = principalOf(c);
    const ws = workspaceFromQuery(c, principal);
    const data = [...ctx.store.workflows.values()].filter((wf) => wf.workspace_id === ws.id);
    return c.json({ data });
  });

  app.post("/api/v1/internal/workflows", async (c) => {
    const principal = principalOf(c);
    const body = bodyOf(c) as { workspace_id?: unknown; name?: unknown; tasks?: unknown } | undefined;
    if (body?.workspace_id === undefined) throw unprocessable([{ field: "body.workspace_id", message: "Field required", code: "missing" }]);
    const ws = visibleWorkspace(ctx, principal, requireUuid(String(body.workspace_id), "body.workspace_id"));
    if (typeof body.name !== "string" || body.name.trim() === "")
      throw unprocessable([{ field: "body.name", message: "Field required", code: "missing" }]);
    if (body.tasks !== undefined && !Array.isArray(body.tasks))
      throw unprocessable([{ field: "body.tasks", message: "Input should be a valid list", code: "list_type" }]);
    const now = ctx.nowIso();
    const wf: Workflow = {
      id: ctx.nextId(),
      name: body.name,
      workspace_id: ws.id,
      tasks: (body.tasks as unknown[] | undefined) ?? [],
      created_at: now,
      updated_at: now,
    };
    ctx.store.workflows.set(wf.id, wf);
    return c.json(wf);
  });

  app.get("/api/v1/internal/workflows/:workflow_id", async (c) => {
    const principal = principalOf(c);
    return c.json(workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id")));
  });

  app.patch("/api/v1/internal/workflows/:workflow_id", async (c) => {
    const principal = principalOf(c);
    const wf = workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id"));
    const body = bodyOf(c) as { name?: unknown; tasks?: unknown };
    if (body.name !== undefined) {
      if (typeof body.name !== "string" || body.name.trim() === "")
        throw unprocessable([{ field: "body.name", message: "Input should be a non-empty string", code: "string_type" }]);
      wf.name = body.name;
    }
    if (body.tasks !== undefined) {
      if (!Array.isArray(body.tasks))
        throw unprocessable([{ field: "body.tasks", message: "Input should be a valid list", code: "list_type" }]);
      wf.tasks = body.tasks;
    }
    wf.updated_at = ctx.nowIso();
    return c.json(wf);
  });

  app.delete("/api/v1/internal/workflows/:workflow_id", async (c) => {
    const principal = principalOf(c);
    const wf = workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id"));
    ctx.store.workflows.delete(wf.id);
    for (const [id, a] of ctx.store.automations) if (a.workflow_id === wf.id) ctx.store.automations.delete(id);
    return c.json({ id: wf.id, deleted: true });
  });

  app.get("/api/v1/internal/workflows/:workflow_id/automations", async (c) => {
    const principal = principalOf(c);
    const wf = workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id"));
    return c.json({ data: [...ctx.store.automations.values()].filter((a) => a.workflow_id === wf.id) });
  });

  app.post("/api/v1/internal/workflows/:workflow_id/automations", async (c) => {
    const principal = principalOf(c);
    const ws = workspaceFromQuery(c, principal);
    const wf = workflowIn(ws, c.req.param("workflow_id"));
    const body = bodyOf(c) as Record<string, unknown>;
    if (body.workspace_id !== undefined && body.workspace_id !== ws.id) {
      throw unprocessable([
        { field: "body.workspace_id", message: "workspace_id does not match the query's workspace_id", code: "value_error" },
      ]);
    }
    const trigger = (body.trigger_type ?? "schedule") as Automation["trigger_type"];
    if (!TRIGGERS.includes(trigger))
      throw unprocessable([{ field: "body.trigger_type", message: `Input should be one of ${TRIGGERS.join(", ")}`, code: "enum" }]);
    if (body.enabled !== undefined && typeof body.enabled !== "boolean")
      throw unprocessable([{ field: "body.enabled", message: "Input should be a valid boolean", code: "bool_type" }]);
    const cron = trigger === "schedule" ? validateCron(body.cron_expression, "body.cron_expression") : null;
    const now = ctx.nowIso();
    const id = ctx.nextId();
    const automation: Automation = {
      id,
      workflow_id: wf.id,
      workspace_id: ws.id,
      enabled: (body.enabled as boolean | undefined) ?? true,
      trigger_type: trigger,
      cron_expression: cron,
      timezone: body.timezone === undefined || body.timezone === null ? "UTC" : validateTimezone(body.timezone, "body.timezone"),
      completion_webhook_url: validateUrl(body.completion_webhook_url, "body.completion_webhook_url"),
      trigger_webhook_url: trigger === "webhook" ? `${base(c.req.url)}/api/v1/internal/webhooks/automations/${id}` : null,
      created_at: now,
      updated_at: now,
    };
    ctx.store.automations.set(id, automation);
    return c.json(automation);
  });

  app.get("/api/v1/internal/workflows/:workflow_id/automations/:automation_id", async (c) => {
    const principal = principalOf(c);
    const wf = workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id"));
    return c.json(automationIn(wf, c.req.param("automation_id")));
  });

  app.patch("/api/v1/internal/workflows/:workflow_id/automations/:automation_id", async (c) => {
    const principal = principalOf(c);
    const wf = workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id"));
    const automation = automationIn(wf, c.req.param("automation_id"));
    const body = bodyOf(c) as Record<string, unknown>;
    const next = { ...automation };
    if (body.trigger_type !== undefined) {
      if (!TRIGGERS.includes(body.trigger_type as never))
        throw unprocessable([{ field: "body.trigger_type", message: `Input should be one of ${TRIGGERS.join(", ")}`, code: "enum" }]);
      next.trigger_type = body.trigger_type as Automation["trigger_type"];
    }
    if (body.enabled !== undefined) {
      if (typeof body.enabled !== "boolean")
        throw unprocessable([{ field: "body.enabled", message: "Input should be a valid boolean", code: "bool_type" }]);
      next.enabled = body.enabled;
    }
    if (body.cron_expression !== undefined) next.cron_expression = validateCron(body.cron_expression, "body.cron_expression");
    if (next.trigger_type === "schedule" && !next.cron_expression) validateCron(undefined, "body.cron_expression");
    if (body.timezone !== undefined) next.timezone = validateTimezone(body.timezone, "body.timezone");
    if (body.completion_webhook_url !== undefined)
      next.completion_webhook_url = validateUrl(body.completion_webhook_url, "body.completion_webhook_url");
    next.trigger_webhook_url =
      next.trigger_type === "webhook" ? `${base(c.req.url)}/api/v1/internal/webhooks/automations/${next.id}` : null;
    next.updated_at = ctx.nowIso();
    ctx.store.automations.set(next.id, next);
    return c.json(next);
  });

  app.delete("/api/v1/internal/workflows/:workflow_id/automations/:automation_id", async (c) => {
    const principal = principalOf(c);
    const wf = workflowIn(workspaceFromQuery(c, principal), c.req.param("workflow_id"));
    const automation = automationIn(wf, c.req.param("automation_id"));
    ctx.store.automations.delete(automation.id);
    return c.json({ id: automation.id, deleted: true });
  });

  // The URL handed out as trigger_webhook_url: posting to it records a run and answers 202.
  app.post("/api/v1/internal/webhooks/automations/:automation_id", async (c) => {
    const automation = ctx.store.automations.get(c.req.param("automation_id"));
    if (automation?.trigger_type !== "webhook") throw notFound("Webhook not found", "webhook_not_found");
    // A deleted workspace takes its automations' webhooks with it.
    if (ctx.store.workspaces.get(automation.workspace_id)?.tombstone !== false) throw notFound("Webhook not found", "webhook_not_found");
    const run = { run_id: ctx.nextId(), automation_id: automation.id, workflow_id: automation.workflow_id, triggered_at: ctx.nowIso() };
    ctx.store.automationRuns.push(run);
    return c.json(run, 202);
  });
}
