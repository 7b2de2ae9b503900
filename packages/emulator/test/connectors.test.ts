import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";

// Connectors C1-C5, C7-C10 (api-notes §3, §4.1, §9.2, §9.6, §10 U1), over real HTTP.

const h = useEmulator();

const GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";
const LINEAR = "1c5d8316-ed42-4473-8fbc-2626f03f070c";
const GITHUB_CONFIG = { repositories: ["airbytehq/airbyte"], start_date: "2024-01-01T00:00:00Z" };
const CONNECTORS = "/api/v1/integrations/connectors";
const CREDENTIALS_MISMATCH = "Credentials do not match any auth scheme";
const SELECTOR_MESSAGE = "One of connector_type, definition_id, or source_template_id must be provided";
const OAUTH_NOT_CONFIGURED = "No organization-specific source template configured for this connector type.";

interface ListItem {
  id: string;
  name: string;
  summarized_source_template: { connector_name: string; actor_definition_id: string };
}
interface EmulatorState {
  workspaces: { id: string; name: string }[];
  connectors: { id: string; name: string; workspace_id: string; credential_keys: string[]; replication_config: Record<string, unknown> }[];
}

let app: string;
let demo: Record<string, string>;
let defaultWorkspaceId: string;
let otherWorkspaceId: string;
let otherConnectorId: string;

function createConnector(body: Record<string, unknown>, token: string = app): Promise<ApiResponse> {
  return h.api("POST", CONNECTORS, { token, body });
}

function githubBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workspace_name: "default",
    definition_id: GITHUB,
    name: "GitHub (test)",
    credentials: { token: "ghp_test_token" },
    replication_config: GITHUB_CONFIG,
    ...overrides,
  };
}

async function createGithub(overrides: Record<string, unknown> = {}, token: string = app): Promise<string> {
  const res = await createConnector(githubBody(overrides), token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}

async function list(query: Record<string, string>, token: string = app): Promise<ApiResponse<{ data: ListItem[] }>> {
  return h.api("GET", CONNECTORS, { token, query });
}

async function listIds(workspaceName = "default"): Promise<string[]> {
  const res = await list({ workspace_name: workspaceName });
  expect(res.status).toBe(200);
  return res.body.data.map((c) => c.id);
}

async function state(): Promise<EmulatorState> {
  return (await h.api<EmulatorState>("GET", "/_emulator/state")).body;
}

function fields(res: ApiResponse): string[] {
  return (res.body.errors as { field: string | null }[]).map((e) => e.field ?? "");
}

beforeAll(async () => {
  app = await h.appToken();
  demo = await h.demoConnectors(app);
  await h.scopedToken("team-b", app); // minting creates the workspace (api-notes §2)
  const workspaces = (await state()).workspaces;
  defaultWorkspaceId = workspaces.find((w) => w.name === "default")?.id as string;
  otherWorkspaceId = workspaces.find((w) => w.name === "team-b")?.id as string;
  otherConnectorId = await createGithub({ workspace_name: "team-b", name: "Team B GitHub" });
});

describe("C1 GET /integrations/connectors", () => {
  it("requires workspace_name or workspace_id (422)", async () => {
    const res = await list({});
    expect(res.status).toBe(422);
    expect(fields(res)).toContain("query.workspace_name");
  });

  it("answers 404 for an unknown workspace", async () => {
    expect((await list({ workspace_name: "no-such-workspace" })).status).toBe(404);
    expect((await list({ workspace_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });

  it("lists the same connectors by workspace_name and by workspace_id, and only that workspace's", async () => {
    const byName = await list({ workspace_name: "default" });
    const byId = await list({ workspace_id: defaultWorkspaceId });
    expect(byId.body.data.map((c) => c.id).sort()).toEqual(byName.body.data.map((c) => c.id).sort());
    expect(byName.body.data.map((c) => c.id)).not.toContain(otherConnectorId);
    expect((await listIds("team-b")).includes(otherConnectorId)).toBe(true);
  });

  it("filters by definition_id", async () => {
    const res = await list({ workspace_name: "default", definition_id: GITHUB });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.map((c) => c.id)).toContain(demo.github);
    for (const item of res.body.data) expect(item.summarized_source_template.actor_definition_id).toBe(GITHUB);
    expect(res.body.data.map((c) => c.id)).not.toContain(demo.stripe);
  });

  it("rejects a non-UUID workspace_id or definition_id (422)", async () => {
    expect((await list({ workspace_id: "default" })).status).toBe(422);
    expect((await list({ workspace_name: "default", definition_id: "github" })).status).toBe(422);
  });
});

describe("C2 POST /integrations/connectors", () => {
  it("creates by definition_id with 200 (not 201) and a source_template, and stores it", async () => {
    const res = await createConnector(githubBody({ name: "Created by definition" }));
    expect(res.status).toBe(200);
    expect(res.body.name).toBe("Created by definition");
    expect(res.body.source_template.source_definition_id).toBe(GITHUB);
    expect(res.body.source_template.name).toBe("GitHub");
    expect(res.body.replication_config).toEqual(GITHUB_CONFIG);
    expect(await listIds()).toContain(res.body.id);
    const read = await h.api("GET", `${CONNECTORS}/${res.body.id}`, { token: app });
    expect(read.body).toEqual(res.body);
    const stored = (await state()).connectors.find((c) => c.id === res.body.id);
    expect(stored).toMatchObject({ workspace_id: defaultWorkspaceId, credential_keys: ["token"] });
  });

  it("creates by connector_type: display name or slug, any case or separators (more in connector-type.test.ts)", async () => {
    const ok = await createConnector({ workspace_name: "default", connector_type: "zendesk support", credentials: { access_token: "t" } });
    expect(ok.status).toBe(200);
    expect(ok.body.source_template.name).toBe("Zendesk Support");
    const slug = await createConnector({ workspace_name: "default", connector_type: "zendesk_support", credentials: {} });
    expect(slug.status).toBe(200);
    expect(slug.body.source_template.name).toBe("Zendesk Support");
  });

  it("requires replication_config.repositories for GitHub (422 naming the field)", async () => {
    const before = await listIds();
    const res = await createConnector(githubBody({ replication_config: { start_date: GITHUB_CONFIG.start_date } }));
    expect(res.status).toBe(422);
    expect(fields(res)).toContain("body.replication_config.repositories");
    expect(await listIds()).toEqual(before);
  });

  it("rejects repositories at the top level (422)", async () => {
    const res = await createConnector(githubBody({ replication_config: { start_date: GITHUB_CONFIG.start_date }, repositories: ["a/b"] }));
    expect(res.status).toBe(422);
    expect(fields(res)).toContain("body.repositories");
  });

  it("requires exactly one of definition_id, connector_type and source_template_id (422 with the contract message)", async () => {
    const none = await createConnector({ workspace_name: "default", credentials: { token: "x" } });
    expect(none.status).toBe(422);
    expect(none.body.message).toContain(SELECTOR_MESSAGE);
    const two = await createConnector(githubBody({ connector_type: "GitHub" }));
    expect(two.status).toBe(422);
    expect(two.body.message).toMatch(/connector_type, definition_id, or source_template_id/);
  });

  it("answers 404 on an unknown workspace_name and does not create the workspace (api-notes §9.2)", async () => {
    const res = await createConnector(githubBody({ workspace_name: "never-minted" }));
    expect(res.status).toBe(404);
    expect((await state()).workspaces.map((w) => w.name)).not.toContain("never-minted");
    expect((await list({ workspace_name: "never-minted" })).status).toBe(404);
  });

  it("does not check credentials at create time (api-notes §4.1)", async () => {
    const res = await createConnector({ workspace_name: "default", definition_id: LINEAR, credentials: {} });
    expect(res.status).toBe(200);
    expect(await listIds()).toContain(res.body.id);
  });
});

describe("C3/C4 GET and PUT /integrations/connectors/{id}", () => {
  it("renames, merges replication_config, keeps entities when omitted and clears them with []", async () => {
    const id = await createGithub({ name: "Before", entities: [{ entity: "issues", modes: ["read"] }] });
    const renamed = await h.api("PUT", `${CONNECTORS}/${id}`, {
      token: app,
      body: { name: "After", replication_config: { repositories: ["airbytehq/airbyte", "airbytehq/airbyte-cli"] } },
    });
    expect(renamed.status).toBe(200);
    const read = await h.api("GET", `${CONNECTORS}/${id}`, { token: app });
    expect(read.body.name).toBe("After");
    expect(read.body.replication_config).toEqual({
      repositories: ["airbytehq/airbyte", "airbytehq/airbyte-cli"],
      start_date: GITHUB_CONFIG.start_date,
    });
    expect(read.body.entities).toEqual([{ entity: "issues", modes: ["read"] }]);
    expect((await list({ workspace_name: "default" })).body.data.find((c) => c.id === id)?.name).toBe("After");

    const cleared = await h.api("PUT", `${CONNECTORS}/${id}`, { token: app, body: { entities: [] } });
    expect(cleared.status).toBe(200);
    const after = await h.api("GET", `${CONNECTORS}/${id}`, { token: app });
    expect(after.body.entities ?? []).toEqual([]);
    expect(after.body.name).toBe("After");
  });

  it("rejects an update that removes a required replication setting (422) and keeps the stored config", async () => {
    const id = await createGithub();
    const res = await h.api("PUT", `${CONNECTORS}/${id}`, { token: app, body: { replication_config: { repositories: [] } } });
    expect(res.status).toBe(422);
    expect((await h.api("GET", `${CONNECTORS}/${id}`, { token: app })).body.replication_config).toEqual(GITHUB_CONFIG);
  });

  it("updates the seeded demo connectors (their config satisfies the catalog)", async () => {
    const res = await h.api("PUT", `${CONNECTORS}/${demo.github}`, { token: app, body: { name: "GitHub (renamed)" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await h.api("PUT", `${CONNECTORS}/${demo.github}`, { token: app, body: { name: "GitHub" } });
  });

  it("masks secrets in replication_config in every response and in the state view", async () => {
    const secret = "sk_live_DO_NOT_ECHO";
    const nested = "hunter2-nested";
    const create = await createConnector(
      githubBody({ replication_config: { ...GITHUB_CONFIG, api_key: secret, proxy: { host: "proxy.local", password: nested } } }),
    );
    expect(create.status).toBe(200);
    const id = create.body.id as string;
    const get = await h.api("GET", `${CONNECTORS}/${id}`, { token: app });
    const put = await h.api("PUT", `${CONNECTORS}/${id}`, { token: app, body: { name: "Masked" } });
    for (const res of [create, get, put]) {
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(nested);
      expect(text).not.toContain("ghp_test_token");
      expect(res.body.replication_config.api_key).toMatch(/^\*+$/);
      expect(res.body.replication_config.proxy).toEqual({ host: "proxy.local", password: expect.stringMatching(/^\*+$/) });
      expect(res.body.replication_config.repositories).toEqual(GITHUB_CONFIG.repositories);
    }
    const stateText = JSON.stringify(await state());
    expect(stateText).not.toContain(secret);
    expect(stateText).not.toContain("ghp_test_token");
  });

  it("answers 404 for an unknown connector id", async () => {
    expect((await h.api("GET", `${CONNECTORS}/00000000-0000-4000-8000-000000000000`, { token: app })).status).toBe(404);
  });
});

describe("C5 DELETE /integrations/connectors/{id}", () => {
  it("answers 202 {job_id} and the connector drops out of the list and get", async () => {
    const id = await createGithub({ name: "To delete" });
    expect(await listIds()).toContain(id);
    const res = await h.api("DELETE", `${CONNECTORS}/${id}`, { token: app });
    expect(res.status).toBe(202);
    expect(res.body.job_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await listIds()).not.toContain(id);
    expect((await h.api("GET", `${CONNECTORS}/${id}`, { token: app })).status).toBe(404);
    expect((await h.api("DELETE", `${CONNECTORS}/${id}`, { token: app })).status).toBe(404);
  });
});

describe("C7/C8 check", () => {
  it("C7 succeeds for credentials matching a scheme and stores nothing", async () => {
    const before = await listIds();
    const res = await h.api("POST", `${CONNECTORS}/check`, { token: app, body: githubBody() });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("succeeded");
    expect(res.body.error_message ?? null).toBeNull();
    expect(res.body.entity_check_results.length).toBeGreaterThan(0);
    for (const e of res.body.entity_check_results) expect(e.status).toBe("succeeded");
    expect(await listIds()).toEqual(before);
  });

  it("C7 fails for credentials with the wrong keys, naming them", async () => {
    const res = await h.api("POST", `${CONNECTORS}/check`, { token: app, body: githubBody({ credentials: { password: "x" } }) });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("failed");
    expect(res.body.error_message).toContain(CREDENTIALS_MISMATCH);
    expect(res.body.error_message).toContain("'password'");
    expect(res.body.failure_reason.external_message).toContain(CREDENTIALS_MISMATCH);
  });

  it("C8 checks a stored connector: good credentials succeed, none fail; the body is not persisted", async () => {
    const good = await createGithub({ name: "Checked" });
    const ok = await h.api("POST", `${CONNECTORS}/${good}/check`, { token: app, body: { name: "Not persisted" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: good, status: "succeeded" });
    expect((await h.api("GET", `${CONNECTORS}/${good}`, { token: app })).body.name).toBe("Checked");

    const bad = await createGithub({ credentials: {} });
    const failed = await h.api("POST", `${CONNECTORS}/${bad}/check`, { token: app, body: {} });
    expect(failed.body.status).toBe("failed");
    expect(failed.body.error_message).toContain(CREDENTIALS_MISMATCH);
  });

  it("C8 reports the seeded demo connectors as healthy", async () => {
    for (const id of Object.values(demo)) {
      const res = await h.api("POST", `${CONNECTORS}/${id}/check`, { token: app, body: {} });
      expect(res.body.status, `${id}: ${res.body.error_message}`).toBe("succeeded");
    }
  });
});

describe("C9 GET /integrations/connectors/{id}/inspect", () => {
  it("describes the connector and its context store readiness", async () => {
    const res = await h.api("GET", `${CONNECTORS}/${demo.github}/inspect`, { token: app });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      connector_id: demo.github,
      name: "GitHub",
      workspace_id: defaultWorkspaceId,
      source_definition_id: GITHUB,
      source_definition_name: "GitHub",
      warnings: [],
    });
    expect(res.body.organization_id).toMatch(/^[0-9a-f-]{36}$/);
    const supported = res.body.context_store_readiness.supported_context_store_entities as { entity: string; suggested: boolean }[];
    expect(supported.map((e) => e.entity)).toContain("repositories");
    for (const e of supported) expect(typeof e.suggested).toBe("boolean");
    expect(Array.isArray(res.body.context_store_readiness.configured_cache_entities)).toBe(true);
  });
});

describe("non-UUID connector ids", () => {
  it.each([
    ["GET", ""],
    ["PUT", ""],
    ["DELETE", ""],
    ["POST", "/check"],
    ["GET", "/inspect"],
  ])("%s /connectors/not-a-uuid%s answers 422 naming the path id", async (method, suffix) => {
    const res = await h.api(method, `${CONNECTORS}/not-a-uuid${suffix}`, {
      token: app,
      body: method === "GET" || method === "DELETE" ? undefined : {},
    });
    expect(res.status).toBe(422);
    expect(fields(res)).toContain("path.id");
  });

  it("execute, whose {id} is a plain string in the spec, answers 404 instead", async () => {
    const res = await h.api("POST", `${CONNECTORS}/not-a-uuid/execute`, {
      token: app,
      body: { entity: "issues", action: "list", params: {} },
    });
    expect(res.status).toBe(404);
  });
});

describe("scoped tokens (api-notes §10 U1)", () => {
  let scoped: string;
  beforeAll(async () => {
    scoped = await h.scopedToken("default", app);
  });

  it("lists only its own workspace, whatever the query says", async () => {
    const own = await list({}, scoped);
    expect(own.status).toBe(200);
    expect(own.body.data.map((c) => c.id).sort()).toEqual((await listIds()).sort());
    expect((await list({ workspace_name: "default" }, scoped)).status).toBe(200);
    expect((await list({ workspace_name: "team-b" }, scoped)).status).toBe(403);
    expect((await list({ workspace_id: otherWorkspaceId }, scoped)).status).toBe(403);
  });

  it("creates, reads, executes and deletes in its workspace", async () => {
    const id = await createGithub({ name: "Scoped-created" }, scoped);
    expect(await listIds()).toContain(id);
    const read = await h.api("GET", `${CONNECTORS}/${id}`, { token: scoped });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe("Scoped-created");
    const run = await h.api("POST", `${CONNECTORS}/${id}/execute`, {
      token: scoped,
      body: { entity: "repositories", action: "list", params: { username: "octocat" } },
    });
    expect(run.status).toBe(200);
    expect(run.body.result.length).toBeGreaterThan(0);
    expect((await h.api("DELETE", `${CONNECTORS}/${id}`, { token: scoped })).status).toBe(202);
    expect(await listIds()).not.toContain(id);
  });

  it("gets 403 on PUT, check and inspect, and changes nothing", async () => {
    const put = await h.api("PUT", `${CONNECTORS}/${demo.github}`, { token: scoped, body: { name: "hijacked" } });
    expect(put.status).toBe(403);
    expect((await h.api("GET", `${CONNECTORS}/${demo.github}`, { token: app })).body.name).toBe("GitHub");
    expect((await h.api("POST", `${CONNECTORS}/${demo.github}/check`, { token: scoped, body: {} })).status).toBe(403);
    expect((await h.api("POST", `${CONNECTORS}/check`, { token: scoped, body: githubBody() })).status).toBe(403);
    expect((await h.api("GET", `${CONNECTORS}/${demo.github}/inspect`, { token: scoped })).status).toBe(403);
  });

  it("gets 403 on another workspace's connector and cannot create there", async () => {
    expect((await h.api("GET", `${CONNECTORS}/${otherConnectorId}`, { token: scoped })).status).toBe(403);
    expect((await h.api("DELETE", `${CONNECTORS}/${otherConnectorId}`, { token: scoped })).status).toBe(403);
    const run = await h.api("POST", `${CONNECTORS}/${otherConnectorId}/execute`, {
      token: scoped,
      body: { entity: "repositories", action: "list", params: { username: "octocat" } },
    });
    expect(run.status).toBe(403);
    expect((await createConnector(githubBody({ workspace_name: "team-b" }), scoped)).status).toBe(403);
    expect(await listIds("team-b")).toContain(otherConnectorId);
  });
});

describe("C10 POST /integrations/connectors/oauth/initiate", () => {
  const REDIRECT = "http://localhost:5173/oauth/done?state=xyz";
  const initiate = (token: string = app, overrides: Record<string, unknown> = {}) =>
    h.api("POST", `${CONNECTORS}/oauth/initiate`, {
      token,
      body: {
        workspace_name: "default",
        definition_id: GITHUB,
        redirect_url: REDIRECT,
        name: "OAuth GitHub",
        replication_config: GITHUB_CONFIG,
        ...overrides,
      },
    });
  const consent = (url: string, decision: string) =>
    fetch(url, {
      method: "POST",
      body: new URLSearchParams({ decision }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });

  it("answers 400 with the contract message before the organization has OAuth app credentials", async () => {
    const res = await initiate();
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(OAUTH_NOT_CONFIGURED);
  });

  it("after PUT /oauth/credentials: consent approve creates the connector and redirects with its id", async () => {
    const creds = await h.api("PUT", "/api/v1/oauth/credentials", {
      token: app,
      body: { connector_definition_id: GITHUB, configuration: { client_id: "gh-oauth-app", client_secret: "gh-oauth-secret" } },
    });
    expect(creds.status).toBe(200);
    expect(JSON.stringify(creds.body)).not.toContain("gh-oauth-secret");

    const res = await initiate();
    expect(res.status).toBe(200);
    const consentUrl = res.body.consent_url as string;
    expect(consentUrl.startsWith(h.emu.url)).toBe(true);
    const page = await fetch(consentUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="decision"');

    const approved = await consent(consentUrl, "approve");
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe("http://localhost:5173/oauth/done");
    expect(location.searchParams.get("state")).toBe("xyz");
    const connectorId = location.searchParams.get("connector_id") as string;
    expect(connectorId).toMatch(/^[0-9a-f-]{36}$/);
    const connector = await h.api("GET", `${CONNECTORS}/${connectorId}`, { token: app });
    expect(connector.status).toBe(200);
    expect(connector.body.name).toBe("OAuth GitHub");
    expect(connector.body.source_template.source_definition_id).toBe(GITHUB);
    expect(await listIds()).toContain(connectorId);
    expect((await state()).connectors.find((c) => c.id === connectorId)?.credential_keys).toContain("access_token");
    // The consent session is single-use.
    expect((await consent(consentUrl, "approve")).status).toBe(404);
  });

  it("consent deny redirects with error=access_denied and creates nothing", async () => {
    const before = await listIds();
    const res = await initiate();
    expect(res.status).toBe(200);
    const denied = await consent(res.body.consent_url, "deny");
    expect(denied.status).toBe(302);
    const location = new URL(denied.headers.get("location") as string);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("error_description")).toBeTruthy();
    expect(location.searchParams.get("connector_id")).toBeNull();
    expect(await listIds()).toEqual(before);
  });

  it("accepts a scoped token for its own workspace and refuses another workspace (403)", async () => {
    const scoped = await h.scopedToken("default", app);
    expect((await initiate(scoped)).status).toBe(200);
    const foreign = await initiate(scoped, { workspace_name: "team-b" });
    expect(foreign.status).toBe(403);
  });

  it("answers 404 for an unknown workspace", async () => {
    expect((await initiate(app, { workspace_name: "never-minted" })).status).toBe(404);
  });
});
