import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";

// D1-D2 (source definitions), T1 (source templates), O1-O2 (OAuth app credentials) and connector_type naming
// (api-notes §4.1, §9.5), over HTTP against the emulator's catalog of 51 connectors.

const h = useEmulator();

const GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";
const HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";
const LINEAR = "1c5d8316-ed42-4473-8fbc-2626f03f070c";
const FACEBOOK = "e7778cfc-e97c-4458-9ecb-b4f2bba8946c";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const WORKSPACE = "catalog-routes";

let token: string;
beforeAll(async () => {
  token = await h.appToken();
  await h.scopedToken(WORKSPACE, token);
});

interface Definition {
  sourceDefinitionId: string;
  name: string;
}
interface Template {
  id: string;
  name: string;
  organization_id: string | null;
  actor_definition_id: string;
  tags: string[];
  mode: string;
}

const errorFields = (res: ApiResponse) => (res.body.errors as { field: string }[]).map((e) => e.field);
const get = (path: string, query?: Record<string, string | string[]>) => h.api("GET", path, { token, ...(query ? { query } : {}) });
const send = (method: string, path: string, body?: unknown) => h.api(method, path, { token, ...(body === undefined ? {} : { body }) });

async function definitionsNamed(name: string): Promise<Definition[]> {
  const res = await get("/api/v1/integrations/definitions/sources", { name });
  expect(res.status).toBe(200);
  return res.body.definitions;
}

const TEMPLATES = "/api/v1/integrations/templates/sources";

async function templates(query: Record<string, string | string[]> = {}): Promise<Template[]> {
  const res = await get(TEMPLATES, query);
  expect(res.status).toBe(200);
  return res.body.data;
}

async function createTemplate(body: Record<string, unknown>): Promise<ApiResponse> {
  return send("POST", TEMPLATES, body);
}

/** A global template id by connector definition. */
async function globalTemplateId(definitionId: string): Promise<string> {
  const found = (await templates({ use_global: "true" })).find((t) => t.actor_definition_id === definitionId);
  expect(found).toBeDefined();
  return (found as Template).id;
}

function createConnector(body: Record<string, unknown>) {
  return send("POST", "/api/v1/integrations/connectors", { workspace_name: WORKSPACE, ...body });
}

describe("GET /integrations/definitions/sources (D1)", () => {
  it("lists the whole catalog without a filter", async () => {
    const res = await get("/api/v1/integrations/definitions/sources");
    expect(res.body.definitions).toHaveLength(51);
  });

  it.each(["github", "GitHub", "GITHUB", "itHu"])("finds GitHub by the case-insensitive substring %s", async (name) => {
    const found = await definitionsNamed(name);
    expect(found.map((d) => [d.name, d.sourceDefinitionId])).toEqual([["GitHub", GITHUB]]);
  });

  it("matches several and none", async () => {
    expect((await definitionsNamed("marketing")).map((d) => d.name)).toContain("Facebook Marketing");
    // On the display name, not only the slug ("facebook-marketing").
    expect((await definitionsNamed("BOOK MARK")).map((d) => d.name)).toEqual(["Facebook Marketing"]);
    expect(await definitionsNamed("no-such-connector")).toEqual([]);
  });

  it("describes each definition with camelCase fields and a served icon", async () => {
    const [github] = await definitionsNamed("github");
    expect(github).toMatchObject({ sourceDefinitionId: GITHUB, name: "GitHub", dockerRepository: "airbyte/source-github", custom: false });
    const icon = await fetch((github as unknown as { iconUrl: string }).iconUrl);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
  });
});

describe("GET /integrations/definitions/sources/{id} (D2)", () => {
  it("returns the definition with its spec and example questions", async () => {
    const res = await get(`/api/v1/integrations/definitions/sources/${GITHUB}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(GITHUB);
    expect(res.body.definition).toMatchObject({ sourceDefinitionId: GITHUB, name: "GitHub" });
    const spec = res.body.definition.spec.connectionSpecification;
    expect(spec.required).toEqual(expect.arrayContaining(["credentials", "repositories"]));
    expect(spec.properties.credentials.oneOf.map((s: { title: string }) => s.title)).toEqual(["OAuth 2", "Personal Access Token"]);
    expect(res.body.example_questions.direct.length).toBeGreaterThan(0);
    expect(res.body.example_questions.search).toEqual(expect.any(Array));
    for (const q of res.body.example_questions.direct) expect(q).toEqual(expect.any(String));
  });

  it("answers 404 for an unknown id and 422 for a non-UUID", async () => {
    expect((await get(`/api/v1/integrations/definitions/sources/${UNKNOWN_ID}`)).status).toBe(404);
    const bad = await get("/api/v1/integrations/definitions/sources/github");
    expect(bad.status).toBe(422);
    expect(errorFields(bad)).toEqual(["path.id"]);
  });
});

describe("source templates (T1)", () => {
  it("lists only the organization's templates by default, and the 51 global ones with use_global=true", async () => {
    const own = await templates();
    expect(own.every((t) => t.organization_id !== null)).toBe(true);
    const global = await templates({ use_global: "true" });
    expect(global).toHaveLength(51);
    expect(global.every((t) => t.organization_id === null)).toBe(true);
    expect((await get(TEMPLATES, { use_global: "maybe" })).status).toBe(422);
  });

  it("GET /templates/sources/global lists the global templates", async () => {
    // Not in the OpenAPI document (contract T1, from S9/S10): the harness would match it to /sources/{id}, so a plain fetch.
    const res = await fetch(new URL(`${TEMPLATES}/global`, h.emu.url), { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Template[] };
    expect(body.data.map((t) => t.id).sort()).toEqual((await templates({ use_global: "true" })).map((t) => t.id).sort());
  });

  it("creates a template from actor_definition_id, stored for the organization", async () => {
    const res = await createTemplate({
      actor_definition_id: LINEAR,
      partial_default_config: { team: "core" },
      name: "Linear for support",
      mode: "MULTI",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: "Linear for support",
      source_definition_id: LINEAR,
      partial_default_config: { team: "core" },
      mode: "MULTI",
      is_experimental: false,
    });
    expect(res.body.user_config_spec.connectionSpecification.required).toContain("credentials");
    const stored = await get(`${TEMPLATES}/${res.body.id}`);
    expect(stored.body).toMatchObject({ id: res.body.id, name: "Linear for support", connector_name: "linear" });
    const listed = (await templates()).find((t) => t.id === res.body.id);
    expect(listed).toMatchObject({ organization_id: expect.any(String), actor_definition_id: LINEAR, mode: "MULTI" });
  });

  it("clones a template from original_source_template_id", async () => {
    const original = await globalTemplateId(HUBSPOT);
    const res = await createTemplate({ original_source_template_id: original, name: "HubSpot (sales)", mode: "REPLICATION" });
    expect(res.status).toBe(200);
    expect(res.body.id).not.toBe(original);
    expect(res.body).toMatchObject({ name: "HubSpot (sales)", source_definition_id: HUBSPOT, mode: "REPLICATION" });
    const listed = (await templates()).find((t) => t.id === res.body.id);
    expect(listed?.organization_id).not.toBeNull();
    // The original is untouched.
    expect((await get(`${TEMPLATES}/${original}`)).body).toMatchObject({ name: "HubSpot", mode: "DIRECT" });
  });

  it("rejects a create body missing partial_default_config (422) and an unknown definition or original (404)", async () => {
    const missing = await createTemplate({ actor_definition_id: LINEAR });
    expect(missing.status).toBe(422);
    expect(errorFields(missing)).toContain("body.partial_default_config");
    expect((await createTemplate({ actor_definition_id: UNKNOWN_ID, partial_default_config: {} })).status).toBe(404);
    expect((await createTemplate({ original_source_template_id: UNKNOWN_ID })).status).toBe(404);
  });

  it("filters by tags with tags_mode all (the default) or any", async () => {
    const crm = (await createTemplate({ actor_definition_id: HUBSPOT, partial_default_config: {}, tags: ["crm", "sales"] })).body.id;
    const sales = (await createTemplate({ actor_definition_id: LINEAR, partial_default_config: {}, tags: ["sales"] })).body.id;
    const ids = async (query: Record<string, string | string[]>) => (await templates(query)).map((t) => t.id);
    expect(await ids({ tags: ["crm", "sales"] })).toEqual([crm]);
    expect(await ids({ tags: ["crm", "sales"], tags_mode: "any" })).toEqual([crm, sales]);
    expect(await ids({ tags: ["sales"] })).toEqual([crm, sales]);
    expect(await ids({ tags: ["nope"] })).toEqual([]);
    expect((await get(TEMPLATES, { tags_mode: "some" })).status).toBe(422);
  });

  it("patches an organization template and reads the change back", async () => {
    const id = (await createTemplate({ actor_definition_id: LINEAR, partial_default_config: {} })).body.id;
    const res = await send("PATCH", `${TEMPLATES}/${id}`, {
      name: "Linear v2",
      partial_default_config: { team: "ops" },
      mode: "REPLICATION",
    });
    expect(res.status).toBe(200);
    expect((await get(`${TEMPLATES}/${id}`)).body).toMatchObject({
      name: "Linear v2",
      partial_default_config: { team: "ops" },
      mode: "REPLICATION",
    });
    expect((await send("PATCH", `${TEMPLATES}/${id}`, { mode: "SOMETIMES" })).status).toBe(422);
    expect((await get(`${TEMPLATES}/${id}`)).body.mode).toBe("REPLICATION");
  });

  it("deletes an organization template: gone from get and list, a second delete is 404", async () => {
    const id = (await createTemplate({ actor_definition_id: LINEAR, partial_default_config: {} })).body.id;
    const res = await send("DELETE", `${TEMPLATES}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, deleted_at: expect.any(String) });
    expect((await get(`${TEMPLATES}/${id}`)).status).toBe(404);
    expect((await templates()).map((t) => t.id)).not.toContain(id);
    expect((await send("DELETE", `${TEMPLATES}/${id}`)).status).toBe(404);
  });

  it("never patches or deletes a global template (404), and answers 404/422 for unknown and non-UUID ids", async () => {
    const global = await globalTemplateId(GITHUB);
    expect((await send("PATCH", `${TEMPLATES}/${global}`, { name: "mine now" })).status).toBe(404);
    expect((await send("DELETE", `${TEMPLATES}/${global}`)).status).toBe(404);
    expect((await get(`${TEMPLATES}/${global}`)).body.name).toBe("GitHub");
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const body = method === "PATCH" ? {} : undefined;
      expect((await send(method, `${TEMPLATES}/${UNKNOWN_ID}`, body)).status).toBe(404);
      expect((await send(method, `${TEMPLATES}/not-a-uuid`, body)).status).toBe(422);
    }
  });

  it("is what connector creation resolves to: the organization's own template, or source_template_id when ambiguous", async () => {
    const own = (await createTemplate({ original_source_template_id: await globalTemplateId(FACEBOOK), name: "FB (org)" })).body.id;
    const made = await createConnector({
      connector_type: "Facebook Marketing",
      credentials: { access_token: "t" },
      replication_config: { account_ids: ["1"] },
    });
    expect(made.status).toBe(200);
    expect(made.body.source_template.id).toBe(own);

    const second = (await createTemplate({ actor_definition_id: FACEBOOK, partial_default_config: {} })).body.id;
    const ambiguous = await createConnector({
      definition_id: FACEBOOK,
      credentials: { access_token: "t" },
      replication_config: { account_ids: ["1"] },
    });
    expect(ambiguous.status).toBe(400);
    const chosen = await createConnector({
      source_template_id: second,
      credentials: { access_token: "t" },
      replication_config: { account_ids: ["1"] },
    });
    expect(chosen.body.source_template.id).toBe(second);

    // Back to the global template for the tests below.
    for (const id of [own, second]) expect((await send("DELETE", `${TEMPLATES}/${id}`)).status).toBe(200);
  });
});

describe("PUT /oauth/credentials (O1) and DELETE /oauth/credentials/connector_type/{connector_type} (O2)", () => {
  const put = (body: Record<string, unknown>) => send("PUT", "/api/v1/oauth/credentials", body);

  it("stores organization credentials without echoing the configuration; a second PUT updates the same record", async () => {
    const first = await put({ connector_type: "GitHub", configuration: { client_id: "gh-id", client_secret: "gh-secret" } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      id: expect.any(String),
      scope_type: "organization",
      scope_id: expect.any(String),
      connector_type: "source",
      connector_definition_id: GITHUB,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(JSON.stringify(first.body)).not.toContain("gh-secret");

    const second = await put({ connector_definition_id: GITHUB, configuration: { client_id: "gh-id-2", client_secret: "gh-secret-2" } });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.created_at).toBe(first.body.created_at);
    expect(Date.parse(second.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.body.updated_at));
    expect(JSON.stringify(second.body)).not.toContain("gh-secret-2");
  });

  it("requires exactly one of connector_type and connector_definition_id, and a configuration", async () => {
    const neither = await put({ configuration: {} });
    expect(neither.status).toBe(422);
    const both = await put({ connector_type: "GitHub", connector_definition_id: GITHUB, configuration: {} });
    expect(both.status).toBe(422);
    const noConfig = await put({ connector_type: "GitHub" });
    expect(noConfig.status).toBe(422);
    expect(errorFields(noConfig)).toContain("body.configuration");
    expect((await put({ connector_type: "Nope", configuration: {} })).status).toBe(404);
  });

  it("DELETE answers 204 with no body, idempotently, and a later PUT creates a new record", async () => {
    const created = await put({ connector_type: "HubSpot", configuration: { client_id: "a", client_secret: "b" } });
    for (let i = 0; i < 2; i++) {
      const res = await send("DELETE", "/api/v1/oauth/credentials/connector_type/HubSpot");
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
    }
    const again = await put({ connector_type: "HubSpot", configuration: { client_id: "c", client_secret: "d" } });
    expect(again.body.id).not.toBe(created.body.id);
    // An unknown type is still a 204.
    expect((await send("DELETE", "/api/v1/oauth/credentials/connector_type/Nope")).status).toBe(204);
  });

  it("DELETE takes a percent-encoded display name, decoded once", async () => {
    const created = await put({ connector_type: "Facebook Marketing", configuration: { client_id: "a", client_secret: "b" } });
    expect((await send("DELETE", "/api/v1/oauth/credentials/connector_type/Facebook%20Marketing")).status).toBe(204);
    const again = await put({ connector_type: "Facebook Marketing", configuration: { client_id: "a", client_secret: "b" } });
    expect(again.body.id).not.toBe(created.body.id);
    // A literal '%' is just an unknown type, not a server error.
    expect((await send("DELETE", "/api/v1/oauth/credentials/connector_type/100%25")).status).toBe(204);
  });
});

describe("connector_type naming (api-notes §9.5)", () => {
  const facebook = { credentials: { access_token: "t" }, replication_config: { account_ids: ["42"] } };

  it.each(["Facebook Marketing", "facebook marketing"])("creates a connector by the display name %s", async (type) => {
    const res = await createConnector({ connector_type: type, name: `fb ${type}`, ...facebook });
    expect(res.status).toBe(200);
    expect(res.body.source_template.source_definition_id).toBe(FACEBOOK);
    const listed = await get("/api/v1/integrations/connectors", { workspace_name: WORKSPACE });
    expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it.each(["facebook_marketing", "facebook-marketing"])("creates a connector by the slug %s as well", async (type) => {
    const res = await createConnector({ connector_type: type, name: `fb ${type}`, ...facebook });
    expect(res.status).toBe(200);
    expect(res.body.source_template.source_definition_id).toBe(FACEBOOK);
  });

  it("answers 404 for a name no connector has, and creates nothing", async () => {
    const before = (await get("/api/v1/integrations/connectors", { workspace_name: WORKSPACE })).body.data.length;
    const res = await createConnector({ connector_type: "Facebook Marketting Ads", ...facebook });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].error_code).toBe("connector_type_not_found");
    expect((await get("/api/v1/integrations/connectors", { workspace_name: WORKSPACE })).body.data).toHaveLength(before);
  });
});
