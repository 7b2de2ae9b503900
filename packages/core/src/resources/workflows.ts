import type * as v from "valibot";
import { checkCallOptions } from "../input/call-options";
import { invalidInput, requireObject, requireText, requireUuid } from "../input/invalid-input";
import { checkOption, isBoolean, isText, oneOf } from "../input/values";
import type { AutomationSchema, WorkflowSchema } from "../schemas/preview";
import { startDeadline } from "../transport/call-deadline";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import { API } from "./context";
import type { WorkspaceScope } from "./workspace-scope";

/**
 * A workflow (preview; api-notes §4.4). `tasks` are passed through as the API gives them.
 *
 * @example
 * ```ts
 * const wf: Workflow = await ws.workflows.create({ name: "Daily digest" });
 * ```
 */
export interface Workflow {
  id: string;
  name: string;
  workspaceId: string;
  tasks: unknown[];
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * When a workflow runs: on a cron schedule (5 fields, IANA time zone), by hand, or through a webhook.
 *
 * @example
 * ```ts
 * const a: Automation = await ws.automations.create(wf.id, { triggerType: "schedule", cronExpression: "0 9 * * 1-5", timezone: "Europe/Paris" });
 * ```
 */
export interface Automation {
  id: string;
  workflowId: string;
  workspaceId: string;
  enabled: boolean;
  triggerType: "schedule" | "manual" | "webhook" | (string & {});
  cronExpression: string | null;
  timezone: string;
  completionWebhookUrl: string | null;
  triggerWebhookUrl: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * Input to create or update an automation.
 *
 * @example
 * ```ts
 * const input: AutomationInput = { triggerType: "webhook", completionWebhookUrl: "https://app.example.com/hooks/done" };
 * ```
 */
export interface AutomationInput {
  triggerType?: "schedule" | "manual" | "webhook";
  enabled?: boolean;
  cronExpression?: string;
  timezone?: string;
  completionWebhookUrl?: string | null;
}

const toWorkflow = (w: v.InferOutput<typeof WorkflowSchema>): Workflow => ({
  id: w.id,
  name: w.name,
  workspaceId: w.workspace_id,
  tasks: w.tasks ?? [],
  createdAt: w.created_at ?? null,
  updatedAt: w.updated_at ?? null,
});

const toAutomation = (a: v.InferOutput<typeof AutomationSchema>): Automation => ({
  id: a.id,
  workflowId: a.workflow_id,
  workspaceId: a.workspace_id,
  enabled: a.enabled,
  triggerType: a.trigger_type,
  cronExpression: a.cron_expression ?? null,
  timezone: a.timezone ?? "UTC",
  completionWebhookUrl: a.completion_webhook_url ?? null,
  triggerWebhookUrl: a.trigger_webhook_url ?? null,
  createdAt: a.created_at ?? null,
  updatedAt: a.updated_at ?? null,
});

function automationBody(what: string, input: AutomationInput): Record<string, unknown> {
  requireObject(what, "input", input, false);
  if (input.cronExpression !== undefined && requireText(what, "cronExpression", input.cronExpression).trim().split(/\s+/).length !== 5) {
    throw invalidInput(what, [{ path: "cronExpression", message: "expected 5 fields: minute hour day-of-month month day-of-week" }]);
  }
  const o = input as Record<string, unknown>;
  checkOption(what, o, "triggerType", '"schedule", "manual" or "webhook"', oneOf(["schedule", "manual", "webhook"]));
  checkOption(what, o, "enabled", "a boolean", isBoolean);
  checkOption(what, o, "timezone", "a non-empty string", isText);
  checkOption(what, o, "completionWebhookUrl", "a string or null", (v) => v === null || typeof v === "string");
  const body: Record<string, unknown> = {};
  if (input.triggerType !== undefined) body.trigger_type = input.triggerType;
  if (input.enabled !== undefined) body.enabled = input.enabled;
  if (input.cronExpression !== undefined) body.cron_expression = input.cronExpression;
  if (input.timezone !== undefined) body.timezone = input.timezone;
  if (input.completionWebhookUrl !== undefined) body.completion_webhook_url = input.completionWebhookUrl;
  return body;
}

/** Resolves a workspace name to its id once (the SDK's approach, api-notes §8), for the id-keyed preview endpoints. */
export type WorkspaceIdResolver = (options: CallOptions) => Promise<string>;

/**
 * A workspace's workflows (preview: `/internal/` paths, api-notes §9.9).
 *
 * @example
 * ```ts
 * const workflows = await airbyte.workspace("acme").workflows.list();
 * ```
 */
export class Workflows {
  readonly #scope: WorkspaceScope;
  readonly #workspaceId: WorkspaceIdResolver;

  constructor(scope: WorkspaceScope, workspaceId: WorkspaceIdResolver) {
    this.#scope = scope;
    this.#workspaceId = workspaceId;
  }

  /**
   * Lists the workspace's workflows.
   *
   * @example
   * ```ts
   * const all = await ws.workflows.list();
   * ```
   */
  async list(options: CallOptions = {}): Promise<Workflow[]> {
    checkCallOptions("workflows.list", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: `${API}/internal/workflows`,
        query: { workspace_id: workspaceId },
        schema: "WorkflowListSchema",
        reads: { data: "array", "data[].id": "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return data.data.map(toWorkflow);
  }

  /**
   * Creates a workflow.
   *
   * @example
   * ```ts
   * const wf = await ws.workflows.create({ name: "Weekly report", tasks: [] });
   * ```
   */
  async create(input: { name: string; tasks?: unknown[] }, options: CallOptions = {}): Promise<Workflow> {
    checkCallOptions("workflows.create", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireText("workflows.create", "name", input?.name);
    if (input.tasks !== undefined && !Array.isArray(input.tasks))
      throw invalidInput("workflows.create", [{ path: "tasks", message: "expected an array" }]);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "POST",
        path: `${API}/internal/workflows`,
        body: { workspace_id: workspaceId, name: input.name, ...(input.tasks ? { tasks: input.tasks } : {}) },
        schema: "WorkflowSchema",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return toWorkflow(data);
  }

  /**
   * Gets a workflow.
   *
   * @example
   * ```ts
   * const wf = await ws.workflows.get(id);
   * ```
   */
  async get(workflowId: string, options: CallOptions = {}): Promise<Workflow> {
    checkCallOptions("workflows.get", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireUuid("workflows.get", "workflowId", workflowId);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/internal/workflows/${workflowId}`,
        query: { workspace_id: workspaceId },
        schema: "WorkflowSchema",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return toWorkflow(data);
  }

  /**
   * Renames a workflow.
   *
   * @example
   * ```ts
   * await ws.workflows.update(id, { name: "Renamed" });
   * ```
   */
  async update(workflowId: string, input: { name?: string; tasks?: unknown[] }, options: CallOptions = {}): Promise<Workflow> {
    checkCallOptions("workflows.update", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireObject("workflows.update", "input", input, false);
    if (input.tasks !== undefined && !Array.isArray(input.tasks))
      throw invalidInput("workflows.update", [{ path: "tasks", message: "expected an array" }]);
    requireUuid("workflows.update", "workflowId", workflowId);
    if (input.name !== undefined) requireText("workflows.update", "name", input.name);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "PATCH",
        path: path`/api/v1/internal/workflows/${workflowId}`,
        query: { workspace_id: workspaceId },
        body: input,
        schema: "WorkflowSchema",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return toWorkflow(data);
  }

  /**
   * Deletes a workflow and its automations.
   *
   * @example
   * ```ts
   * await ws.workflows.delete(id);
   * ```
   */
  async delete(workflowId: string, options: CallOptions = {}): Promise<void> {
    checkCallOptions("workflows.delete", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireUuid("workflows.delete", "workflowId", workflowId);
    const workspaceId = await this.#workspaceId(call);
    await this.#scope.ctx.transport.request(
      {
        method: "DELETE",
        path: path`/api/v1/internal/workflows/${workflowId}`,
        query: { workspace_id: workspaceId },
        schema: null,
        auth: this.#scope.auth,
      },
      call,
    );
  }
}

/**
 * A workspace's automations: schedules and triggers of workflows (preview).
 *
 * @example
 * ```ts
 * await ws.automations.create(workflowId, { triggerType: "schedule", cronExpression: "*\/15 * * * *" });
 * ```
 */
export class Automations {
  readonly #scope: WorkspaceScope;
  readonly #workspaceId: WorkspaceIdResolver;
  readonly #workflows: Workflows;

  constructor(scope: WorkspaceScope, workspaceId: WorkspaceIdResolver, workflows: Workflows) {
    this.#scope = scope;
    this.#workspaceId = workspaceId;
    this.#workflows = workflows;
  }

  #base(workflowId: string): string {
    return path`/api/v1/internal/workflows/${workflowId}/automations`;
  }

  #item(workflowId: string, automationId: string): string {
    return path`/api/v1/internal/workflows/${workflowId}/automations/${automationId}`;
  }

  /**
   * Lists a workflow's automations, or every automation of the workspace when no workflow is given (one
   * request per workflow, ten at a time, as the Python SDK does).
   *
   * @example
   * ```ts
   * const all = await ws.automations.list();
   * ```
   */
  async list(workflowId?: string, options: CallOptions = {}): Promise<Automation[]> {
    checkCallOptions("automations.list", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    if (workflowId === undefined) {
      const workflows = await this.#workflows.list(call);
      const out: Automation[] = [];
      for (let i = 0; i < workflows.length; i += 10) {
        const batch = await Promise.all(workflows.slice(i, i + 10).map((wf) => this.list(wf.id, call)));
        out.push(...batch.flat());
      }
      return out;
    }
    requireUuid("automations.list", "workflowId", workflowId);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: this.#base(workflowId),
        query: { workspace_id: workspaceId },
        schema: "AutomationListSchema",
        reads: { data: "array", "data[].id": "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return data.data.map(toAutomation);
  }

  /**
   * Creates an automation; the trigger defaults to `schedule` and `enabled` to true.
   *
   * @example
   * ```ts
   * await ws.automations.create(workflowId, { cronExpression: "0 8 * * *", timezone: "America/New_York" });
   * ```
   */
  async create(workflowId: string, input: AutomationInput, options: CallOptions = {}): Promise<Automation> {
    checkCallOptions("automations.create", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireUuid("automations.create", "workflowId", workflowId);
    const body = automationBody("automations.create", input);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "POST",
        path: this.#base(workflowId),
        query: { workspace_id: workspaceId },
        body: { workspace_id: workspaceId, trigger_type: "schedule", enabled: true, ...body },
        schema: "AutomationSchema",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return toAutomation(data);
  }

  /**
   * Gets an automation.
   *
   * @example
   * ```ts
   * const automation = await ws.automations.get(workflowId, automationId);
   * ```
   */
  async get(workflowId: string, automationId: string, options: CallOptions = {}): Promise<Automation> {
    checkCallOptions("automations.get", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireUuid("automations.get", "workflowId", workflowId);
    requireUuid("automations.get", "automationId", automationId);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "GET",
        path: this.#item(workflowId, automationId),
        query: { workspace_id: workspaceId },
        schema: "AutomationSchema",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return toAutomation(data);
  }

  /**
   * Changes an automation (pause a schedule with `{ enabled: false }`).
   *
   * @example
   * ```ts
   * await ws.automations.update(workflowId, automationId, { enabled: false });
   * ```
   */
  async update(workflowId: string, automationId: string, input: AutomationInput, options: CallOptions = {}): Promise<Automation> {
    checkCallOptions("automations.update", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireUuid("automations.update", "workflowId", workflowId);
    requireUuid("automations.update", "automationId", automationId);
    const body = automationBody("automations.update", input);
    const workspaceId = await this.#workspaceId(call);
    const { data } = await this.#scope.ctx.transport.request(
      {
        method: "PATCH",
        path: this.#item(workflowId, automationId),
        query: { workspace_id: workspaceId },
        body,
        schema: "AutomationSchema",
        reads: { id: "string" },
        auth: this.#scope.auth,
      },
      call,
    );
    return toAutomation(data);
  }

  /**
   * Deletes an automation.
   *
   * @example
   * ```ts
   * await ws.automations.delete(workflowId, automationId);
   * ```
   */
  async delete(workflowId: string, automationId: string, options: CallOptions = {}): Promise<void> {
    checkCallOptions("automations.delete", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    requireUuid("automations.delete", "workflowId", workflowId);
    requireUuid("automations.delete", "automationId", automationId);
    const workspaceId = await this.#workspaceId(call);
    await this.#scope.ctx.transport.request(
      {
        method: "DELETE",
        path: this.#item(workflowId, automationId),
        query: { workspace_id: workspaceId },
        schema: null,
        auth: this.#scope.auth,
      },
      call,
    );
  }
}
