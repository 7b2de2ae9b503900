// Feature tests of the organization-level resources (api-notes §3 D/T/O/A/W/F/Q/C10, §12) through the public API,
// against the emulator over HTTP: definitions, workspaces, templates, OAuth, tokens, workflows, automations, ask, admin,
// roles and multi-organization credentials.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AirbyteClient,
  BadRequestError,
  decodeWidgetToken,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";
const HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

interface State {
  organizations: { id: string; name: string; slug: string }[];
  workspaces: { id: string; name: string; organization_id: string; status: string; tombstone: boolean }[];
  connectors: { id: string; name: string; workspace_id: string; connector_name: string; credential_keys: string[] }[];
}
interface Stats {
  requests: number;
  routes: Record<string, number>;
  tokenMints: { application: number; scoped: number; widget: number };
}

const apps = {
  multi: { clientId: "multi-org-app", clientSecret: "multi-org-secret-0001" },
  owner: { clientId: "m-owner-app", clientSecret: "m-owner-secret-0001" },
  member: { clientId: "m-member-app", clientSecret: "m-member-secret-0001" },
  admin: { clientId: "admin-app", clientSecret: "admin-app-secret-0001" },
};

const h = useEmulator({
  applications: [
    {
      ...apps.multi,
      organizations: [
        { name: "Org A", role: "owner" },
        { name: "Org B", role: "owner" },
      ],
    },
    { ...apps.owner, organizations: [{ name: "M", role: "owner" }] },
    { ...apps.member, organizations: [{ name: "M", role: "member" }] },
    { ...apps.admin, organizations: [{ name: "Admin Org", role: "owner" }] },
  ],
});
let airbyte: AirbyteClient;

beforeAll(() => {
  airbyte = h.client();
});

const state = () => h.control<State>("/_emulator/state");
const stats = () => h.control<Stats>("/_emulator/stats");
const requests = async () => h.emu.requests();
const orgId = async (name: string) => (await state()).organizations.find((o) => o.name === name)!.id;
const workspaceByName = async (name: string) => (await state()).workspaces.find((w) => w.name === name && !w.tombstone);

async function refusedLocally(call: () => unknown, field: string): Promise<ValidationError> {
  const before = (await stats()).requests;
  const error = await rejection(call);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe("invalid_input");
  expect((error as ValidationError).issues.map((i) => i.path)).toContain(field);
  expect((await stats()).requests).toBe(before);
  return error as ValidationError;
}

describe("definitions", () => {
  it("list({ name }) matches case-insensitively anywhere in the name", async () => {
    const all = await airbyte.definitions.list();
    expect(all.length).toBeGreaterThan(40);
    const hub = await airbyte.definitions.list({ name: "HUB" });
    expect(hub.map((d) => d.name).sort()).toEqual(["GitHub", "HubSpot"]);
    expect(hub.find((d) => d.name === "GitHub")).toEqual({
      definitionId: GITHUB,
      name: "GitHub",
      iconUrl: `${h.emu.url}/_icons/github.svg`,
      supportLevel: expect.any(String),
      dockerRepository: "airbyte/source-github",
    });
    expect(await airbyte.definitions.list({ name: "no-such-connector" })).toEqual([]);
  });

  it("get(id) returns the spec and example questions; bad ids are refused or not found", async () => {
    const github = await airbyte.definitions.get(GITHUB);
    expect(github).toMatchObject({ definitionId: GITHUB, name: "GitHub", dockerRepository: "airbyte/source-github" });
    const spec = github.spec.connectionSpecification as { required: string[]; properties: Record<string, unknown> };
    expect(spec.required).toEqual(expect.arrayContaining(["credentials", "repositories"]));
    expect(Object.keys(spec.properties)).toEqual(expect.arrayContaining(["credentials", "repositories"]));
    expect(github.spec.documentationUrl).toEqual(expect.any(String));
    expect(github.exampleQuestions.direct.length).toBeGreaterThan(0);

    const missing = await rejection(airbyte.definitions.get(crypto.randomUUID()));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).code).toBe("definition_not_found");
    await refusedLocally(() => airbyte.definitions.get("github"), "definitionId");
  });
});

describe("workspaces", () => {
  beforeAll(async () => {
    for (let i = 1; i <= 5; i++) await airbyte.admin.createWorkspace({ name: `page-ws-${i}` });
  });

  it("list pages with nextCursor, and iterate follows every page", async () => {
    const p1 = await airbyte.workspaces.list({ nameContains: "page-ws", limit: 2 });
    // Pages follow the server's order (creation time, then id): check sizes and that together they hold each workspace once.
    expect(p1.data).toHaveLength(2);
    expect(p1.nextCursor).toEqual(expect.any(String));
    const p2 = await airbyte.workspaces.list({ nameContains: "page-ws", limit: 2, cursor: p1.nextCursor! });
    expect(p2.data).toHaveLength(2);
    const p3 = await airbyte.workspaces.list({ nameContains: "page-ws", limit: 2, cursor: p2.nextCursor! });
    expect(p3.data).toHaveLength(1);
    const paged = [...p1.data, ...p2.data, ...p3.data].map((w) => w.name);
    expect([...paged].sort()).toEqual(["page-ws-1", "page-ws-2", "page-ws-3", "page-ws-4", "page-ws-5"]);
    expect(p3.nextCursor).toBeNull();

    const before = (await stats()).routes["GET /api/v1/workspaces"] ?? 0;
    const names: string[] = [];
    for await (const ws of airbyte.workspaces.iterate({ nameContains: "PAGE-WS", limit: 2 })) names.push(ws.name);
    expect(names).toEqual(paged);
    expect((await stats()).routes["GET /api/v1/workspaces"]).toBe(before + 3);

    await refusedLocally(() => airbyte.workspaces.list({ limit: 101 }), "limit");
    await refusedLocally(() => airbyte.workspaces.list({ status: "gone" as "active" }), "status");
  });

  it("findByName matches the exact, case-sensitive name only", async () => {
    const third = await workspaceByName("page-ws-3");
    expect((await airbyte.workspaces.findByName("page-ws-3"))?.id).toBe(third?.id);
    expect(await airbyte.workspaces.findByName("page-ws")).toBeUndefined();
    expect(await airbyte.workspaces.findByName("PAGE-WS-3")).toBeUndefined();
  });

  it("get, update (name, status, cache) and delete, with stats following", async () => {
    const demoOrg = await orgId("Demo Organization");
    const created = await airbyte.admin.createWorkspace({ name: "lifecycle-ws" });
    const got = await airbyte.workspaces.get(created.id);
    expect(got).toEqual({
      id: created.id,
      name: "lifecycle-ws",
      organizationId: demoOrg,
      status: "active",
      cacheEnabled: false,
      createdAt: expect.stringMatching(ISO_MICROS),
      updatedAt: expect.stringMatching(ISO_MICROS),
    });

    const s = await state();
    const live = s.workspaces.filter((w) => w.organization_id === demoOrg && !w.tombstone);
    const stats0 = await airbyte.workspaces.stats();
    expect(stats0).toEqual({
      active: live.filter((w) => w.status === "active").length,
      inactive: live.filter((w) => w.status === "inactive").length,
      total: live.length,
    });

    const updated = await airbyte.workspaces.update(created.id, { name: "lifecycle-renamed", status: "inactive", cacheEnabled: true });
    expect(updated).toMatchObject({ id: created.id, name: "lifecycle-renamed", status: "inactive", cacheEnabled: true });
    expect(await workspaceByName("lifecycle-renamed")).toMatchObject({ id: created.id, status: "inactive" });
    expect(await airbyte.workspaces.findByName("lifecycle-ws")).toBeUndefined();
    expect(await airbyte.workspaces.stats()).toEqual({ active: stats0.active - 1, inactive: stats0.inactive + 1, total: stats0.total });
    const inactive = await airbyte.workspaces.list({ status: "inactive" });
    expect(inactive.data.map((w) => w.id)).toContain(created.id);

    const deleted = await airbyte.workspaces.delete(created.id);
    expect(deleted).toEqual({ id: created.id, deletedAt: expect.stringMatching(ISO_MICROS) });
    expect((await state()).workspaces.find((w) => w.id === created.id)?.tombstone).toBe(true);
    expect((await airbyte.workspaces.stats()).total).toBe(stats0.total - 1);
    expect((await airbyte.workspaces.list({ nameContains: "lifecycle" })).data).toEqual([]);
    const gone = await rejection(airbyte.workspaces.get(created.id));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as NotFoundError).code).toBe("workspace_not_found");
    await refusedLocally(() => airbyte.workspaces.update("lifecycle", { name: "x" }), "workspaceId");
  });
});

describe("source templates", () => {
  it("list (org and global), get, create from a definition and as a clone, update, delete", async () => {
    const demoOrg = await orgId("Demo Organization");
    const global = await airbyte.templates.list({ useGlobal: true });
    const githubGlobal = global.find((t) => t.definitionId === GITHUB)!;
    expect(githubGlobal).toMatchObject({ name: "GitHub", connectorName: "github", organizationId: null, mode: "DIRECT", tags: [] });
    const detail = await airbyte.templates.get(githubGlobal.id);
    expect(detail).toMatchObject({ id: githubGlobal.id, name: "GitHub", definitionId: GITHUB, partialDefaultConfig: {} });
    expect(detail.spec).toHaveProperty("connectionSpecification");
    expect((await airbyte.templates.list()).map((t) => t.id)).not.toContain(githubGlobal.id);

    const created = await airbyte.templates.create({
      definitionId: GITHUB,
      name: "GitHub (org)",
      partialDefaultConfig: { start_date: "2025-06-01T00:00:00Z" },
    });
    expect(created).toMatchObject({
      name: "GitHub (org)",
      definitionId: GITHUB,
      partialDefaultConfig: { start_date: "2025-06-01T00:00:00Z" },
    });
    const orgTemplates = await airbyte.templates.list();
    expect(orgTemplates.find((t) => t.id === created.id)).toMatchObject({ organizationId: demoOrg, connectorName: "github" });

    const clone = await airbyte.templates.create({ cloneOf: created.id, name: "GitHub (clone)" });
    expect(clone.id).not.toBe(created.id);
    expect(clone).toMatchObject({ name: "GitHub (clone)", definitionId: GITHUB, partialDefaultConfig: created.partialDefaultConfig });

    await airbyte.templates.update(created.id, { name: "GitHub (renamed)", partialDefaultConfig: { start_date: "2025-07-01T00:00:00Z" } });
    expect(await airbyte.templates.get(created.id)).toMatchObject({
      name: "GitHub (renamed)",
      partialDefaultConfig: { start_date: "2025-07-01T00:00:00Z" },
    });
    // The stored defaults apply to connectors made from the template.
    await airbyte.admin.createWorkspace({ name: "template-ws" });
    const connector = await airbyte.workspace("template-ws").connectors.create({
      sourceTemplateId: created.id,
      credentials: { token: "t" },
      replicationConfig: { repositories: ["acme/app"] },
    });
    expect(connector.replicationConfig).toEqual({ repositories: ["acme/app"], start_date: "2025-07-01T00:00:00Z" });
    expect(connector.sourceTemplate.name).toBe("GitHub (renamed)");

    const removed = await airbyte.templates.delete(clone.id);
    expect(removed).toEqual({ id: clone.id, deletedAt: expect.stringMatching(ISO_MICROS) });
    expect((await airbyte.templates.list()).map((t) => t.id)).toEqual([created.id]);
    expect(await rejection(airbyte.templates.get(clone.id))).toBeInstanceOf(NotFoundError);
    // Global templates belong to nobody: not deletable.
    expect(await rejection(airbyte.templates.delete(githubGlobal.id))).toBeInstanceOf(NotFoundError);

    await refusedLocally(() => airbyte.templates.create({ definitionId: "github" }), "definitionId");
    await refusedLocally(() => airbyte.templates.create({ cloneOf: "nope" }), "cloneOf");
  });
});

describe("OAuth credentials and initiateOAuth", () => {
  it("400 without org OAuth credentials; after oauth.set a consent URL that creates the connector; oauth.delete undoes it", async () => {
    await airbyte.admin.createWorkspace({ name: "oauth-ws" });
    const ws = airbyte.workspace("oauth-ws");
    const input = { connectorType: "HubSpot", name: "HubSpot via OAuth", redirectUrl: "https://app.example.com/oauth/done" };

    const unconfigured = await rejection(ws.initiateOAuth(input));
    expect(unconfigured).toBeInstanceOf(BadRequestError);
    expect(unconfigured).toMatchObject({ status: 400, code: "oauth_not_configured" });
    expect((unconfigured as BadRequestError).message).toContain(
      "400 POST /api/v1/integrations/connectors/oauth/initiate: No organization-specific source template",
    );

    const set = await airbyte.oauth.set({ connectorType: "HubSpot", configuration: { client_id: "hub-id", client_secret: "hub-secret" } });
    expect(set).toEqual({
      id: expect.stringMatching(UUID),
      definitionId: HUBSPOT,
      scopeType: "organization",
      createdAt: expect.stringMatching(ISO_MICROS),
      updatedAt: expect.stringMatching(ISO_MICROS),
    });
    // Setting again (by definition id) replaces the same credentials.
    expect((await airbyte.oauth.set({ definitionId: HUBSPOT, configuration: { client_id: "hub-id-2" } })).id).toBe(set.id);

    const { consentUrl } = await ws.initiateOAuth(input);
    expect(consentUrl.startsWith(`${h.emu.url}/_oauth/consent/`)).toBe(true);
    const page = await fetch(consentUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Authorize Airbyte to access HubSpot");
    const approved = await fetch(consentUrl, { method: "POST", body: new URLSearchParams({ decision: "approve" }), redirect: "manual" });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(input.redirectUrl);
    const connectorId = location.searchParams.get("connector_id")!;
    expect(await ws.connectors.get(connectorId)).toMatchObject({ name: "HubSpot via OAuth", connectorType: "HubSpot" });
    expect((await state()).connectors.find((c) => c.id === connectorId)?.credential_keys).toContain("refresh_token");

    await airbyte.oauth.delete("HubSpot");
    expect(await rejection(ws.initiateOAuth(input))).toBeInstanceOf(BadRequestError);
    await expect(airbyte.oauth.delete("HubSpot")).resolves.toBeUndefined();

    await refusedLocally(() => airbyte.oauth.set({ connectorType: "HubSpot", definitionId: HUBSPOT, configuration: {} }), "definitionId");
    await refusedLocally(
      () => airbyte.oauth.set({ connectorType: "HubSpot", configuration: "x" as unknown as Record<string, unknown> }),
      "configuration",
    );
    await refusedLocally(() => ws.initiateOAuth({ ...input, redirectUrl: "not a url" }), "redirectUrl");
  });
});

describe("tokens", () => {
  it("scoped() creates the workspace and info() reads it back with the scoped token", async () => {
    const mints = (await stats()).tokenMints.scoped;
    const started = Date.now();
    const scoped = await airbyte.tokens.scoped({ workspaceName: "token-ws" });
    expect(scoped.token).toMatch(JWT);
    expect(Math.abs(scoped.expiresAt.getTime() - (started + 20 * 60_000))).toBeLessThan(60_000);
    expect((await stats()).tokenMints.scoped).toBe(mints + 1);
    const ws = await workspaceByName("token-ws");
    expect(ws).toBeDefined();

    const info = await airbyte.tokens.info(scoped.token);
    expect(info).toEqual({ organizationId: await orgId("Demo Organization"), workspaceId: ws!.id, workspaceName: "token-ws" });
    expect((await requests()).at(-1)).toMatchObject({
      route: "GET /api/v1/account/applications/scoped-token/info",
      auth: "scoped",
      status: 200,
    });

    const app = await airbyte.tokens.application();
    expect(app.token).toMatch(JWT);
    expect(Math.abs(app.expiresAt.getTime() - (started + 900_000))).toBeLessThan(60_000);
  });

  it("widget() returns a token whose decoded widgetUrl names the workspace and origin", async () => {
    const mints = (await stats()).tokenMints.widget;
    const widget = await airbyte.tokens.widget({
      workspaceName: "default",
      allowedOrigin: "https://app.example.com",
      sourceTemplateTags: ["crm"],
    });
    const defaultWs = await workspaceByName("default");
    expect(widget.workspaceId).toBe(defaultWs!.id);
    const url = new URL(widget.widgetUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${h.emu.url}/quick-start/widget`);
    expect(url.searchParams.get("workspaceId")).toBe(defaultWs!.id);
    expect(url.searchParams.get("allowedOrigin")).toBe("https://app.example.com");
    expect(url.searchParams.getAll("selected_source_template_tags")).toEqual(["crm"]);
    const decoded = decodeWidgetToken(widget.token);
    expect(decoded.widgetUrl).toBe(widget.widgetUrl);
    expect(decoded.token).toMatch(JWT);
    expect(widget.expiresAt.getTime()).toBeGreaterThan(Date.now() + 19 * 60_000);
    expect((await stats()).tokenMints.widget).toBe(mints + 1);

    const local = await airbyte.tokens.widget({ workspaceName: "default", allowedOrigin: "http://localhost:5173" });
    expect(new URL(local.widgetUrl).searchParams.get("allowedOrigin")).toBe("http://localhost:5173");
  });

  it.each(["https://a.com/", "*.a.com", "a.com", "https://*.a.com", "https://a.com/path", "ftp://a.com"])(
    "widget() refuses the origin %s before any request",
    async (allowedOrigin) => {
      const mints = (await stats()).tokenMints.widget;
      const error = await refusedLocally(() => airbyte.tokens.widget({ workspaceName: "default", allowedOrigin }), "allowedOrigin");
      expect(error.message).toContain(JSON.stringify(allowedOrigin));
      expect((await stats()).tokenMints.widget).toBe(mints);
    },
  );

  it("decodeWidgetToken answers anything that is not a widget token with a TypeError naming what is wrong", () => {
    for (const [value, what] of [
      [42, "expected a string, got number"],
      [null, "expected a string, got null"],
      [undefined, "expected a string, got undefined"],
      ["%%%", "not base64"],
      [Buffer.from("plain").toString("base64"), "not base64-encoded JSON"],
      [Buffer.from('{"widgetUrl":"https://x"}').toString("base64"), "missing the inner token"],
    ] as const) {
      expect(() => decodeWidgetToken(value as string)).toThrow(new TypeError(`Invalid widget token: ${what}`));
    }
  });

  it("decodeWidgetToken reads URL-safe base64 without padding", async () => {
    const payload = JSON.stringify({ token: "a.b.c", widgetUrl: "https://app.airbyte.ai/quick-start/widget?workspaceId=w1&x=>>>???~~~" });
    const standard = Buffer.from(payload).toString("base64");
    const urlSafe = Buffer.from(payload).toString("base64url");
    expect(standard).toMatch(/[+/]/);
    expect(standard).toMatch(/=$/);
    expect(urlSafe).not.toMatch(/[+/=]/);
    expect(decodeWidgetToken(urlSafe)).toEqual({ token: "a.b.c", widgetUrl: JSON.parse(payload).widgetUrl });
    expect(decodeWidgetToken(standard)).toEqual(decodeWidgetToken(urlSafe));

    // A real token, converted the same way, decodes to the same thing.
    const widget = await airbyte.tokens.widget({ workspaceName: "default", allowedOrigin: "https://app.example.com" });
    const converted = widget.token.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    expect(decodeWidgetToken(converted)).toEqual(decodeWidgetToken(widget.token));

    expect(() => decodeWidgetToken(Buffer.from(JSON.stringify({ token: "a.b.c" })).toString("base64url"))).toThrow(/widgetUrl/);
    expect(() => decodeWidgetToken("%%%")).toThrow(TypeError);
  });
});

describe("workflows and automations (preview)", () => {
  it("workflows CRUD in the workspace", async () => {
    const ws = airbyte.workspace();
    const defaultWs = await workspaceByName("default");
    const wf = await ws.workflows.create({ name: "Daily digest", tasks: [{ kind: "summarize", connector: "stripe" }] });
    expect(wf).toEqual({
      id: expect.stringMatching(UUID),
      name: "Daily digest",
      workspaceId: defaultWs!.id,
      tasks: [{ kind: "summarize", connector: "stripe" }],
      createdAt: expect.stringMatching(ISO_MICROS),
      updatedAt: expect.stringMatching(ISO_MICROS),
    });
    expect(await ws.workflows.get(wf.id)).toEqual(wf);
    expect((await ws.workflows.list()).map((w) => w.id)).toContain(wf.id);
    expect((await ws.workflows.update(wf.id, { name: "Weekly digest" })).name).toBe("Weekly digest");
    // A second client reads what the first stored.
    expect((await h.client().workspace().workflows.get(wf.id)).name).toBe("Weekly digest");

    await ws.workflows.delete(wf.id);
    expect((await ws.workflows.list()).map((w) => w.id)).not.toContain(wf.id);
    expect(await rejection(ws.workflows.get(wf.id))).toBeInstanceOf(NotFoundError);
    await refusedLocally(() => ws.workflows.get("wf-1"), "workflowId");
    await refusedLocally(() => ws.workflows.create({ name: "" }), "name");
  });

  it("automations CRUD, webhook triggers, and list() across workflows", async () => {
    const ws = airbyte.workspace();
    const wf = await ws.workflows.create({ name: "With automations" });
    const schedule = await ws.automations.create(wf.id, { cronExpression: "0 9 * * 1-5", timezone: "Europe/Paris" });
    expect(schedule).toMatchObject({
      workflowId: wf.id,
      workspaceId: wf.workspaceId,
      enabled: true,
      triggerType: "schedule",
      cronExpression: "0 9 * * 1-5",
      timezone: "Europe/Paris",
      triggerWebhookUrl: null,
    });
    expect(await ws.automations.get(wf.id, schedule.id)).toEqual(schedule);
    expect((await ws.automations.update(wf.id, schedule.id, { enabled: false })).enabled).toBe(false);
    expect((await ws.automations.get(wf.id, schedule.id)).enabled).toBe(false);

    const hook = await ws.automations.create(wf.id, { triggerType: "webhook", completionWebhookUrl: "https://app.example.com/hooks/done" });
    expect(hook).toMatchObject({
      triggerType: "webhook",
      cronExpression: null,
      completionWebhookUrl: "https://app.example.com/hooks/done",
    });
    const triggered = await fetch(hook.triggerWebhookUrl!, { method: "POST" });
    expect(triggered.status).toBe(202);
    expect(await triggered.json()).toMatchObject({ automation_id: hook.id, workflow_id: wf.id });
    expect((await ws.automations.list(wf.id)).map((a) => a.id).sort()).toEqual([schedule.id, hook.id].sort());

    const other = await ws.workflows.create({ name: "Other" });
    const manual = await ws.automations.create(other.id, { triggerType: "manual" });
    const all = await ws.automations.list();
    expect(all.map((a) => a.id).sort()).toEqual([schedule.id, hook.id, manual.id].sort());
    expect(new Set(all.map((a) => a.workflowId))).toEqual(new Set([wf.id, other.id]));

    await ws.automations.delete(wf.id, schedule.id);
    expect((await ws.automations.list(wf.id)).map((a) => a.id)).toEqual([hook.id]);
    expect(await rejection(ws.automations.get(wf.id, schedule.id))).toBeInstanceOf(NotFoundError);
    // Deleting a workflow takes its automations with it.
    await ws.workflows.delete(other.id);
    expect((await ws.automations.list()).map((a) => a.id)).toEqual([hook.id]);
  });

  it("cron is validated locally (5 fields); the server rejects an unknown timezone and an impossible cron", async () => {
    const ws = airbyte.workspace();
    const wf = await ws.workflows.create({ name: "Validation" });
    await refusedLocally(() => ws.automations.create(wf.id, { cronExpression: "0 9 * *" }), "cronExpression");
    await refusedLocally(() => ws.automations.create(wf.id, { cronExpression: "0 0 9 * * 1" }), "cronExpression");
    await refusedLocally(() => ws.automations.create("not-a-workflow", { cronExpression: "0 9 * * *" }), "workflowId");

    const timezone = await rejection(ws.automations.create(wf.id, { cronExpression: "0 9 * * *", timezone: "Mars/Olympus_Mons" }));
    expect(timezone).toBeInstanceOf(UnprocessableEntityError);
    expect((timezone as UnprocessableEntityError).fieldErrors).toContainEqual({
      field: "body.timezone",
      message: "Unknown IANA timezone 'Mars/Olympus_Mons'",
      code: "value_error",
    });
    const cron = await rejection(ws.automations.create(wf.id, { cronExpression: "61 * * * *" }));
    expect(cron).toBeInstanceOf(UnprocessableEntityError);
    expect((cron as UnprocessableEntityError).fieldErrors[0]?.field).toBe("body.cron_expression");
    expect(await ws.automations.list(wf.id)).toEqual([]);
  });
});

describe("ask (preview)", () => {
  it("answers from the workspace's connectors", async () => {
    const ws = airbyte.workspace();
    const answer = await ws.ask("list 3 stripe customers");
    const stripeId = (await ws.connectors.resolve("stripe")).id;
    expect(answer).toMatchObject({ outcome: "success", outcomeReason: null, queryId: expect.stringMatching(UUID) });
    expect(answer.answer).toContain("Stripe");
    expect(answer.results).toHaveLength(1);
    expect(answer.results[0]).toMatchObject({
      connectorId: stripeId,
      entity: "customers",
      action: "list",
      params: { limit: 3 },
      status: "success",
      executionTimeMs: expect.any(Number),
    });
    const listed = await ws.connector({ connectorId: stripeId }).execute<{ id: string }[]>("customers", "list", { limit: 3 });
    expect((answer.results[0]!.data as { id: string }[]).map((c) => c.id)).toEqual(listed.data.map((c) => c.id));
    expect((await requests()).some((r) => r.route === "POST /api/v1/workspaces/query/structured" && r.status === 200)).toBe(true);
  });

  it("an empty workspace gives the error outcome with its reason", async () => {
    await airbyte.admin.createWorkspace({ name: "empty-ask-ws" });
    const answer = await airbyte.workspace("empty-ask-ws").ask("list my stripe customers");
    expect(answer).toMatchObject({ outcome: "error", answer: null, results: [] });
    expect(answer.outcomeReason).toContain("no connectors");
    await refusedLocally(() => airbyte.workspace("empty-ask-ws").ask(""), "prompt");
  });
});

describe("admin (preview)", () => {
  it("organizations, access, workspace creation with an uploaded icon, navigation state", async () => {
    const admin = h.client(apps.admin);
    const [home] = await admin.admin.organizations();
    expect(home).toMatchObject({ name: "Admin Org", slug: "admin-org", id: await orgId("Admin Org") });

    const acme = await admin.admin.createOrganization({ name: "Acme Inc" });
    expect(acme).toEqual({ id: expect.stringMatching(UUID), name: "Acme Inc", slug: "acme-inc", createdAt: expect.any(Number) });
    expect(Math.abs(acme.createdAt - Date.now() / 1000)).toBeLessThan(120);
    expect((await state()).organizations).toContainEqual(expect.objectContaining({ id: acme.id, name: "Acme Inc" }));
    expect((await admin.admin.organizations()).map((o) => o.name).sort()).toEqual(["Acme Inc", "Admin Org"]);
    expect(await admin.admin.access(acme.id)).toEqual({ role: "owner", isAdmin: true, canManageBilling: true });
    expect(await rejection(admin.admin.access(crypto.randomUUID()))).toBeInstanceOf(PermissionDeniedError);

    const prod = await admin.admin.createWorkspace({ name: "acme-prod", organizationId: acme.id });
    expect(prod).toEqual({
      id: expect.stringMatching(UUID),
      name: "acme-prod",
      slug: "acme-prod",
      organizationId: acme.id,
      organizationName: "Acme Inc",
      iconUrl: null,
    });
    expect(await workspaceByName("acme-prod")).toMatchObject({ id: prod.id, organization_id: acme.id });

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const storageId = await admin.admin.uploadWorkspaceIcon(new Blob([png], { type: "image/png" }));
    const withIcon = await admin.admin.createWorkspace({ name: "acme-icon", organizationId: acme.id, iconStorageId: storageId });
    expect(withIcon.iconUrl).toEqual(expect.any(String));
    const icon = await fetch(withIcon.iconUrl!);
    expect(icon.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await icon.arrayBuffer())).toEqual(png);
    // An id that names no upload is refused by the server.
    const notUploaded = await rejection(admin.admin.createWorkspace({ name: "acme-bad-icon", iconStorageId: crypto.randomUUID() }));
    expect(notUploaded).toBeInstanceOf(BadRequestError);

    const nav = await admin.admin.navigationState();
    expect(nav.organization).toMatchObject({ id: home!.id, name: "Admin Org" });
    expect(nav.organizations.map((o) => o.id).sort()).toEqual([home!.id, acme.id].sort());
    expect(nav.workspaceIds).toEqual(expect.arrayContaining([prod.id, withIcon.id]));
    expect(nav.workspaceId).toBeNull();

    await refusedLocally(() => admin.admin.createOrganization({ name: " " }), "name");
    await refusedLocally(() => admin.admin.access("acme"), "organizationId");
  });
});

describe("roles and organizations", () => {
  it("a member-role application reads but gets PermissionDeniedError on workspaces.update and delete", async () => {
    const owner = h.client(apps.owner);
    const created = await owner.admin.createWorkspace({ name: "m-ws" });
    const member = h.client(apps.member);
    expect((await member.workspaces.findByName("m-ws"))?.id).toBe(created.id);
    expect(await member.admin.access(await orgId("M"))).toEqual({ role: "member", isAdmin: false, canManageBilling: false });

    const update = await rejection(member.workspaces.update(created.id, { name: "hijacked" }));
    expect(update).toBeInstanceOf(PermissionDeniedError);
    expect(update).toMatchObject({ status: 403, code: "insufficient_role", method: "PUT", path: `/api/v1/workspaces/${created.id}` });
    expect((update as PermissionDeniedError).message).toContain("member");
    expect(await rejection(member.workspaces.delete(created.id))).toBeInstanceOf(PermissionDeniedError);
    expect(await workspaceByName("m-ws")).toMatchObject({ id: created.id, status: "active" });

    // The owner of the same organization may.
    expect((await owner.workspaces.update(created.id, { name: "m-ws-renamed" })).name).toBe("m-ws-renamed");
  });

  it("multi-organization credentials need organizationId: a hinted BadRequestError without, X-Organization-Id with", async () => {
    const noOrg = h.client(apps.multi);
    const error = await rejection(noOrg.workspaces.list());
    expect(error).toBeInstanceOf(BadRequestError);
    const e = error as BadRequestError;
    expect(e).toMatchObject({ status: 400, code: "organization_required", path: "/api/v1/account/applications/token" });
    expect(e.message).toContain("specify target organization");
    expect(e.message).toContain("`organizationId`");
    expect(e.message).toContain("AIRBYTE_ORGANIZATION_ID");
    expect((await requests()).find((r) => r.requestId === e.requestId)).toMatchObject({ status: 400, organizationHeader: null });

    const orgA = await orgId("Org A");
    const orgB = await orgId("Org B");
    const before = (await requests()).length;
    const inA = h.client({ ...apps.multi, organizationId: orgA });
    await inA.tokens.scoped({ workspaceName: "org-a-ws" });
    const listed = await inA.workspaces.list();
    expect(listed.data.map((w) => w.name)).toEqual(["org-a-ws"]);
    expect(listed.data.every((w) => w.organizationId === orgA)).toBe(true);
    const sent = (await requests()).slice(before);
    expect(sent.map((r) => r.route)).toEqual([
      "POST /api/v1/account/applications/token",
      "POST /api/v1/account/applications/scoped-token",
      "GET /api/v1/workspaces",
    ]);
    expect(sent.every((r) => r.organizationHeader === orgA && r.status === 200)).toBe(true);
    expect(await workspaceByName("org-a-ws")).toMatchObject({ organization_id: orgA });

    const inB = h.client({ ...apps.multi, organizationId: orgB });
    expect((await inB.workspaces.list()).data).toEqual([]);
  });
});
