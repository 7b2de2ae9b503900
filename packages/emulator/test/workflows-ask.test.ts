import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";

// F1-F5 (workflows and automations, `/internal/` preview paths; api-notes §4.4, §10 U7) and Q1 (ask; §4.5, §10 U8).

const h = useEmulator({
  applications: [{ clientId: "other-client", clientSecret: "other-secret", organizations: [{ name: "Other", role: "owner" }] }],
});

const WORKFLOWS = "/api/v1/internal/workflows";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

interface Workflow {
  id: string;
  name: string;
  workspace_id: string;
  tasks: unknown[];
  created_at: string;
  updated_at: string;
}
interface Automation {
  id: string;
  workflow_id: string;
  workspace_id: string;
  enabled: boolean;
  trigger_type: "schedule" | "manual" | "webhook";
  cron_expression: string | null;
  timezone: string;
  completion_webhook_url: string | null;
  trigger_webhook_url: string | null;
}

let token: string;
let workspaceId: string;
let otherWorkspaceId: string;

/** The id of a live workspace in the caller's organization, by exact name (created by minting if needed). */
async function workspaceIdOf(name: string, as = token): Promise<string> {
  const scoped = await h.scopedToken(name, as);
  return (await h.api("GET", "/api/v1/account/applications/scoped-token/info", { token: scoped })).body.workspace_id;
}

beforeAll(async () => {
  token = await h.appToken();
  workspaceId = await workspaceIdOf("default");
  otherWorkspaceId = await workspaceIdOf("flows-b");
});

const errorFields = (res: ApiResponse) => (res.body.errors as { field: string }[]).map((e) => e.field);
const call = <T = unknown>(method: string, path: string, ws: string | undefined, body?: unknown) =>
  h.api<T>(method, path, { token, ...(ws === undefined ? {} : { query: { workspace_id: ws } }), ...(body === undefined ? {} : { body }) });

async function createWorkflow(name: string, ws = workspaceId, tasks?: unknown[]): Promise<Workflow> {
  const res = await call<Workflow>("POST", WORKFLOWS, undefined, { workspace_id: ws, name, ...(tasks ? { tasks } : {}) });
  expect(res.status).toBe(200);
  return res.body;
}

const automationsPath = (wf: Workflow) => `${WORKFLOWS}/${wf.id}/automations`;

function createAutomation(wf: Workflow, body: Record<string, unknown>) {
  return call<Automation>("POST", automationsPath(wf), wf.workspace_id, { workspace_id: wf.workspace_id, ...body });
}

async function listAutomations(wf: Workflow): Promise<Automation[]> {
  return (await call<{ data: Automation[] }>("GET", automationsPath(wf), wf.workspace_id)).body.data;
}

describe("workflows (F1-F3)", () => {
  it("creates a workflow with opaque tasks, listed and fetched in its workspace", async () => {
    const tasks = [{ type: "execute", connector: "stripe", entity: "customers" }, { anything: ["goes", 1] }];
    const wf = await createWorkflow("nightly digest", workspaceId, tasks);
    expect(wf).toMatchObject({ name: "nightly digest", workspace_id: workspaceId, tasks });

    const list = await call<{ data: Workflow[] }>("GET", WORKFLOWS, workspaceId);
    expect(list.body.data.map((w) => w.id)).toContain(wf.id);
    expect((await call<Workflow>("GET", `${WORKFLOWS}/${wf.id}`, workspaceId)).body).toEqual(wf);
  });

  it("defaults tasks to an empty list", async () => {
    expect((await createWorkflow("no tasks")).tasks).toEqual([]);
  });

  it("patches the name and stores it", async () => {
    const wf = await createWorkflow("before");
    const res = await call<Workflow>("PATCH", `${WORKFLOWS}/${wf.id}`, workspaceId, { name: "after" });
    expect(res.status).toBe(200);
    expect((await call<Workflow>("GET", `${WORKFLOWS}/${wf.id}`, workspaceId)).body.name).toBe("after");
    expect((await call("PATCH", `${WORKFLOWS}/${wf.id}`, workspaceId, { name: "" })).status).toBe(422);
    expect((await call<Workflow>("GET", `${WORKFLOWS}/${wf.id}`, workspaceId)).body.name).toBe("after");
  });

  it("deletes a workflow together with its automations", async () => {
    const wf = await createWorkflow("doomed");
    await createAutomation(wf, { trigger_type: "manual" });
    const res = await call("DELETE", `${WORKFLOWS}/${wf.id}`, workspaceId);
    expect(res.status).toBe(200);
    expect((await call("GET", `${WORKFLOWS}/${wf.id}`, workspaceId)).status).toBe(404);
    expect((await call<{ data: Workflow[] }>("GET", WORKFLOWS, workspaceId)).body.data.map((w) => w.id)).not.toContain(wf.id);
    expect((await call("GET", automationsPath(wf), workspaceId)).status).toBe(404);
  });

  it("requires workspace_id: in the body to create, in the query for the rest", async () => {
    const noBody = await call("POST", WORKFLOWS, undefined, { name: "x" });
    expect(noBody.status).toBe(422);
    expect(errorFields(noBody)).toEqual(["body.workspace_id"]);
    const noName = await call("POST", WORKFLOWS, undefined, { workspace_id: workspaceId });
    expect(errorFields(noName)).toEqual(["body.name"]);
    const noQuery = await call("GET", WORKFLOWS, undefined);
    expect(noQuery.status).toBe(422);
    expect(errorFields(noQuery)).toEqual(["query.workspace_id"]);
    const notUuid = await call("GET", WORKFLOWS, "default");
    expect(errorFields(notUuid)).toEqual(["query.workspace_id"]);
  });

  it("scopes workflows to their workspace and organization", async () => {
    const wf = await createWorkflow("in default");
    // Another workspace of the same organization does not see it.
    expect((await call("GET", `${WORKFLOWS}/${wf.id}`, otherWorkspaceId)).status).toBe(404);
    expect((await call<{ data: Workflow[] }>("GET", WORKFLOWS, otherWorkspaceId)).body.data.map((w) => w.id)).not.toContain(wf.id);

    // Another organization's workspace is unknown to this caller, and this one to that caller.
    const other = await h.appToken("other-client", "other-secret");
    const foreignWs = await workspaceIdOf("their-flows", other);
    expect((await call("POST", WORKFLOWS, undefined, { workspace_id: foreignWs, name: "intruder" })).status).toBe(404);
    const theirs = await h.api("GET", `${WORKFLOWS}/${wf.id}`, { token: other, query: { workspace_id: workspaceId } });
    expect(theirs.status).toBe(404);
    const theirList = await h.api("GET", WORKFLOWS, { token: other, query: { workspace_id: foreignWs } });
    expect(theirList.body.data).toEqual([]);
  });

  it("answers 422 for a non-UUID workflow id and 404 for an unknown one", async () => {
    expect((await call("GET", `${WORKFLOWS}/nope`, workspaceId)).status).toBe(422);
    expect((await call("GET", `${WORKFLOWS}/${UNKNOWN_ID}`, workspaceId)).status).toBe(404);
    expect((await call("DELETE", `${WORKFLOWS}/${UNKNOWN_ID}`, workspaceId)).status).toBe(404);
  });
});

describe("automations (F4-F5)", () => {
  let wf: Workflow;
  beforeAll(async () => {
    wf = await createWorkflow("with automations");
  });

  it("creates a schedule with the SDK defaults: enabled, UTC", async () => {
    const res = await createAutomation(wf, { cron_expression: "0 9 * * 1-5" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      workflow_id: wf.id,
      workspace_id: workspaceId,
      trigger_type: "schedule",
      enabled: true,
      cron_expression: "0 9 * * 1-5",
      timezone: "UTC",
      completion_webhook_url: null,
      trigger_webhook_url: null,
    });
    expect((await listAutomations(wf)).map((a) => a.id)).toContain(res.body.id);
    expect((await call<Automation>("GET", `${automationsPath(wf)}/${res.body.id}`, workspaceId)).body).toEqual(res.body);
  });

  it("stores an IANA timezone and a completion webhook URL", async () => {
    const res = await createAutomation(wf, {
      cron_expression: "30 7 * * *",
      timezone: "Europe/Paris",
      enabled: false,
      completion_webhook_url: "https://example.com/done",
    });
    expect(res.status).toBe(200);
    const stored = (await call<Automation>("GET", `${automationsPath(wf)}/${res.body.id}`, workspaceId)).body;
    expect(stored).toMatchObject({ timezone: "Europe/Paris", enabled: false, completion_webhook_url: "https://example.com/done" });
  });

  it.each([
    ["a 6-field cron", { cron_expression: "0 0 9 * * *" }, "body.cron_expression"],
    ["a 4-field cron", { cron_expression: "0 9 * *" }, "body.cron_expression"],
    ["an out-of-range minute", { cron_expression: "61 9 * * *" }, "body.cron_expression"],
    ["a schedule without cron", {}, "body.cron_expression"],
    ["an unknown timezone", { cron_expression: "0 9 * * *", timezone: "Mars/Olympus" }, "body.timezone"],
    ["an unknown trigger", { trigger_type: "email" }, "body.trigger_type"],
    ["a bad completion URL", { cron_expression: "0 9 * * *", completion_webhook_url: "not a url" }, "body.completion_webhook_url"],
    ["another workspace_id in the body", { cron_expression: "0 9 * * *", workspace_id: UNKNOWN_ID }, "body.workspace_id"],
  ])("answers 422 for %s and stores nothing", async (_, body, field) => {
    const before = (await listAutomations(wf)).length;
    const res = await createAutomation(wf, body);
    expect(res.status).toBe(422);
    expect(errorFields(res as ApiResponse)).toEqual([field]);
    expect(await listAutomations(wf)).toHaveLength(before);
  });

  it("creates a manual trigger with no cron", async () => {
    const res = await createAutomation(wf, { trigger_type: "manual" });
    expect(res.body).toMatchObject({ trigger_type: "manual", cron_expression: null, trigger_webhook_url: null });
  });

  it("gives a webhook trigger a URL that answers 202 and records a run", async () => {
    const res = await createAutomation(wf, { trigger_type: "webhook" });
    expect(res.status).toBe(200);
    const url = res.body.trigger_webhook_url as string;
    expect(new URL(url).origin).toBe(h.emu.url);
    expect(url).toContain(res.body.id);

    const fired = await fetch(url, {
      method: "POST",
      body: JSON.stringify({ hello: "world" }),
      headers: { "content-type": "application/json" },
    });
    expect(fired.status).toBe(202);
    const run = (await fired.json()) as { run_id: string; automation_id: string; workflow_id: string };
    expect(run).toMatchObject({ automation_id: res.body.id, workflow_id: wf.id, run_id: expect.any(String) });

    const unknown = await fetch(url.replace(res.body.id, UNKNOWN_ID), { method: "POST" });
    expect(unknown.status).toBe(404);
  });

  it("turns off a webhook when its workspace is deleted", async () => {
    const wsId = await workspaceIdOf("flows-doomed");
    const doomed = await createWorkflow("doomed hook", wsId);
    const url = (await createAutomation(doomed, { trigger_type: "webhook" })).body.trigger_webhook_url as string;
    expect((await fetch(url, { method: "POST" })).status).toBe(202);
    expect((await h.api("DELETE", `/api/v1/workspaces/${wsId}`, { token })).status).toBe(200);
    expect((await fetch(url, { method: "POST" })).status).toBe(404);
  });

  it("patches enabled, cron and timezone; a bad value is 422 and changes nothing", async () => {
    const a = (await createAutomation(wf, { cron_expression: "0 9 * * *" })).body;
    const path = `${automationsPath(wf)}/${a.id}`;
    const res = await call<Automation>("PATCH", path, workspaceId, {
      enabled: false,
      cron_expression: "15 18 * * 5",
      timezone: "America/New_York",
    });
    expect(res.status).toBe(200);
    const read = async () => (await call<Automation>("GET", path, workspaceId)).body;
    expect(await read()).toMatchObject({ enabled: false, cron_expression: "15 18 * * 5", timezone: "America/New_York" });

    for (const bad of [{ timezone: "Mars/Olympus" }, { cron_expression: "* * * * * *" }, { enabled: "yes" }]) {
      expect((await call("PATCH", path, workspaceId, bad)).status).toBe(422);
    }
    expect(await read()).toMatchObject({ enabled: false, cron_expression: "15 18 * * 5", timezone: "America/New_York" });
  });

  it("patching to a webhook trigger hands out a trigger URL, and back to manual removes it", async () => {
    const a = (await createAutomation(wf, { trigger_type: "manual" })).body;
    const path = `${automationsPath(wf)}/${a.id}`;
    const webhook = await call<Automation>("PATCH", path, workspaceId, { trigger_type: "webhook" });
    expect(webhook.body.trigger_webhook_url).toEqual(expect.stringContaining(a.id));
    const manual = await call<Automation>("PATCH", path, workspaceId, { trigger_type: "manual" });
    expect(manual.body.trigger_webhook_url).toBeNull();
    expect((await fetch(webhook.body.trigger_webhook_url as string, { method: "POST" })).status).toBe(404);
  });

  it("deletes an automation", async () => {
    const a = (await createAutomation(wf, { trigger_type: "manual" })).body;
    const path = `${automationsPath(wf)}/${a.id}`;
    expect((await call("DELETE", path, workspaceId)).status).toBe(200);
    expect((await call("GET", path, workspaceId)).status).toBe(404);
    expect((await listAutomations(wf)).map((x) => x.id)).not.toContain(a.id);
  });

  it("scopes automations to their workflow and workspace", async () => {
    const a = (await createAutomation(wf, { trigger_type: "manual" })).body;
    const otherWf = await createWorkflow("sibling");
    expect((await call("GET", `${automationsPath(otherWf)}/${a.id}`, workspaceId)).status).toBe(404);
    expect((await call("GET", `${automationsPath(wf)}/${a.id}`, otherWorkspaceId)).status).toBe(404);
    expect((await call("GET", `${automationsPath(wf)}/not-a-uuid`, workspaceId)).status).toBe(422);
  });
});

describe("POST /api/v1/workspaces/query/structured (Q1)", () => {
  const ask = (workspaceName: string | undefined, body: unknown) =>
    h.api("POST", "/api/v1/workspaces/query/structured", {
      token,
      ...(workspaceName === undefined ? {} : { query: { workspace_name: workspaceName } }),
      body,
    });

  it("answers 'list my 3 most recent stripe customers' from the Stripe connector with 3 records", async () => {
    const res = await ask("default", { prompt: "list my 3 most recent stripe customers" });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("success");
    expect(res.body.answer).toEqual(expect.any(String));
    expect(res.body.results).toHaveLength(1);
    const [result] = res.body.results;
    const stripe = (await h.demoConnectors(token)).stripe;
    expect(result).toMatchObject({ source_id: stripe, entity: "customers", action: "list", status: "success", params: { limit: 3 } });
    expect(result.data).toHaveLength(3);
    expect(res.body.query_id).toEqual(expect.any(String));

    // The same records execute returns for that list.
    const direct = await h.api("POST", `/api/v1/integrations/connectors/${stripe}/execute`, {
      token,
      body: { entity: "customers", action: "list", params: { limit: 3 } },
    });
    expect(result.data).toEqual(direct.body.result);
  });

  it("answers a question naming GitHub from GitHub, not from Linear's issues, with owner and repo from its repositories", async () => {
    const res = await ask("default", { prompt: "list 4 github issues" });
    expect(res.status).toBe(200);
    expect(res.body.outcome, JSON.stringify(res.body)).toBe("success");
    const { github } = await h.demoConnectors(token);
    const [result] = res.body.results;
    expect(result).toMatchObject({ source_id: github, entity: "issues", status: "success" });
    // The demo GitHub connector replicates airbytehq/airbyte: that is the repository asked about.
    expect(result.params).toEqual({ limit: 4, owner: "airbytehq", repo: "airbyte" });
    expect(result.data).toHaveLength(4);
    expect(res.body.answer).toMatch(/^Here are 4 issues from GitHub \(GitHub\): /);
    const direct = await h.api("POST", `/api/v1/integrations/connectors/${github}/execute`, {
      token,
      body: { entity: "issues", action: "list", params: { owner: "airbytehq", repo: "airbyte", per_page: 4 } },
    });
    expect(result.data).toEqual(direct.body.result);
  });

  it("answers from the named connector even when its entity is not named: 'what is new in github?'", async () => {
    const res = await ask("default", { prompt: "what is new in github?" });
    expect(res.body.outcome, JSON.stringify(res.body)).toBe("success");
    expect(res.body.results[0].source_id).toBe((await h.demoConnectors(token)).github);
  });

  it("still answers 'linear issues' from Linear, and names Zendesk Support by its first word", async () => {
    const ids = await h.demoConnectors(token);
    expect((await ask("default", { prompt: "list linear issues" })).body.results[0]).toMatchObject({
      source_id: ids.linear,
      entity: "issues",
    });
    const zendesk = await ask("default", { prompt: "show 2 zendesk tickets" });
    expect(zendesk.body.results[0]).toMatchObject({ source_id: ids["zendesk-support"], entity: "tickets", status: "success" });
  });

  it("fills a parameter from a prior list: GitHub comments take an issue's number", async () => {
    const res = await ask("default", { prompt: "list 3 github comments" });
    expect(res.body.outcome, JSON.stringify(res.body)).toBe("success");
    const { github } = await h.demoConnectors(token);
    const issues = await h.api("POST", `/api/v1/integrations/connectors/${github}/execute`, {
      token,
      body: { entity: "issues", action: "list", params: { owner: "airbytehq", repo: "airbyte", per_page: 1 } },
    });
    expect(res.body.results[0]).toMatchObject({
      entity: "comments",
      status: "success",
      params: { limit: 3, owner: "airbytehq", repo: "airbyte", number: issues.body.result[0].number },
    });
  });

  it("fills a parent id from the parent's list, through several levels (Asana project tasks, ClickUp tasks)", async () => {
    const create = (connector_type: string, credentials: Record<string, string>) =>
      h.api("POST", "/api/v1/integrations/connectors", { token, body: { workspace_name: "ask-parents", connector_type, credentials } });
    await h.scopedToken("ask-parents", token);
    const asana = await create("Asana", { token: "asana-token" });
    expect(asana.status).toBe(200);
    expect((await create("ClickUp", { api_key: "clickup-key" })).status).toBe(200);

    const tasks = await ask("ask-parents", { prompt: "list 2 asana project tasks" });
    expect(tasks.body.outcome, JSON.stringify(tasks.body)).toBe("success");
    const projects = await h.api("POST", `/api/v1/integrations/connectors/${asana.body.id}/execute`, {
      token,
      body: { entity: "projects", action: "list", params: { limit: 1 } },
    });
    expect(tasks.body.results[0]).toMatchObject({
      source_id: asana.body.id,
      entity: "project_tasks",
      status: "success",
      params: { limit: 2, project_gid: projects.body.result[0].gid },
    });
    expect(tasks.body.results[0].data).toHaveLength(2);

    // ClickUp tasks need a list, which needs a folder, which needs a space, which needs a team.
    const clickup = await ask("ask-parents", { prompt: "show clickup tasks" });
    expect(clickup.body.outcome, JSON.stringify(clickup.body)).toBe("success");
    expect(clickup.body.results[0]).toMatchObject({ entity: "tasks", status: "success", params: { list_id: expect.any(String) } });
  });

  it("answers outcome 'error' with a reason for a workspace without connectors", async () => {
    await h.scopedToken("ask-empty", token);
    const res = await ask("ask-empty", { prompt: "list my 3 most recent stripe customers" });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("error");
    expect(res.body.outcome_reason).toEqual(expect.any(String));
    expect(res.body.results).toEqual([]);
  });

  it("answers 404 for an unknown workspace and 422 without a prompt or a workspace_name", async () => {
    expect((await ask("no-such-workspace", { prompt: "hi" })).status).toBe(404);
    const noPrompt = await ask("default", {});
    expect(noPrompt.status).toBe(422);
    expect(errorFields(noPrompt)).toEqual(["body.prompt"]);
    const noWorkspace = await ask(undefined, { prompt: "hi" });
    expect(noWorkspace.status).toBe(422);
    expect(errorFields(noWorkspace)).toEqual(["query.workspace_name"]);
  });
});
