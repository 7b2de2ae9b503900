import { beforeAll, describe, expect, it } from "vitest";
import { ALL_OPERATIONS } from "./helpers/conformance.js";
import { coveredOperations, useEmulator } from "./helpers/emulator.js";

// Every operation of the OpenAPI document answered at least once with a 2xx (each body checked against the
// document by the harness), with what the emulator stored read back. The last test checks the coverage.

const h = useEmulator();

const WORKSPACE = "conformance";
const LINEAR = "1c5d8316-ed42-4473-8fbc-2626f03f070c";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let token: string;
let workspaceId: string;

beforeAll(async () => {
  token = await h.appToken();
  const scoped = await h.scopedToken(WORKSPACE, token);
  const info = await h.api("GET", "/api/v1/account/applications/scoped-token/info", { token: scoped });
  workspaceId = info.body.workspace_id;
});

const get = (path: string, query?: Record<string, string | string[]>) => h.api("GET", path, { token, ...(query ? { query } : {}) });
const send = (method: string, path: string, body?: unknown) => h.api(method, path, { token, ...(body === undefined ? {} : { body }) });

async function createLinear(name: string) {
  const res = await send("POST", "/api/v1/integrations/connectors", {
    workspace_name: WORKSPACE,
    definition_id: LINEAR,
    name,
    credentials: { api_key: "lin_api_test" },
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

describe("tokens", () => {
  it("POST /account/applications/token returns a bearer token for the organization", async () => {
    const res = await h.api("POST", "/api/v1/account/applications/token", {
      body: { client_id: h.emu.clientId, client_secret: h.emu.clientSecret },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: "bearer", expires_in: 900 });
    // The token works: it lists the organization's workspaces.
    expect((await h.api("GET", "/api/v1/workspaces", { token: res.body.access_token })).status).toBe(200);
  });

  it("POST /account/applications/scoped-token and GET /scoped-token/info name the same workspace", async () => {
    const mint = await send("POST", "/api/v1/account/applications/scoped-token", { workspace_name: WORKSPACE });
    expect(mint.status).toBe(200);
    const info = await h.api("GET", "/api/v1/account/applications/scoped-token/info", { token: mint.body.token });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({ organization_id: expect.any(String), workspace_id: workspaceId, workspace_name: WORKSPACE });
  });

  it("POST /account/applications/widget-token wraps a scoped token and the widget URL", async () => {
    const res = await send("POST", "/api/v1/account/applications/widget-token", {
      workspace_name: WORKSPACE,
      allowed_origin: "https://yourapp.com",
    });
    expect(res.status).toBe(200);
    const decoded = JSON.parse(atob(res.body.token));
    expect(new URL(decoded.widgetUrl).searchParams.get("workspaceId")).toBe(workspaceId);
  });
});

describe("workspaces", () => {
  it("GET /workspaces lists the minted workspace", async () => {
    const res = await get("/api/v1/workspaces", { name_contains: WORKSPACE });
    expect(res.status).toBe(200);
    expect(res.body.data.map((w: { id: string }) => w.id)).toEqual([workspaceId]);
  });

  it("GET /workspaces/stats counts the live workspaces", async () => {
    const res = await get("/api/v1/workspaces/stats");
    expect(res.status).toBe(200);
    const list = await get("/api/v1/workspaces", { limit: "100" });
    expect(res.body.total_count).toBe(list.body.data.length);
  });

  it("GET, PUT and DELETE /workspaces/{workspace_id}", async () => {
    await h.scopedToken("conformance-scratch", token);
    const [ws] = (await get("/api/v1/workspaces", { name_contains: "conformance-scratch" })).body.data;
    expect((await get(`/api/v1/workspaces/${ws.id}`)).body.name).toBe("conformance-scratch");

    const put = await send("PUT", `/api/v1/workspaces/${ws.id}`, { status: "inactive", cache_enabled: true });
    expect(put.status).toBe(200);
    expect(await get(`/api/v1/workspaces/${ws.id}`)).toMatchObject({ body: { status: "inactive", cache_enabled: true } });

    const del = await send("DELETE", `/api/v1/workspaces/${ws.id}`);
    expect(del.body).toEqual({ id: ws.id, deleted_at: expect.any(String) });
    expect((await get(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);
  });
});

describe("definitions", () => {
  it("GET /definitions/sources and /definitions/sources/{id}", async () => {
    const list = await get("/api/v1/integrations/definitions/sources", { name: "linear" });
    expect(list.body.definitions.map((d: { sourceDefinitionId: string }) => d.sourceDefinitionId)).toEqual([LINEAR]);
    const one = await get(`/api/v1/integrations/definitions/sources/${LINEAR}`);
    expect(one.status).toBe(200);
    expect(one.body.definition.name).toBe("Linear");
  });

  it("GET /definitions/destinations, filtered by actorDefinitionIds, and /definitions/destinations/{id}", async () => {
    const all = await get("/api/v1/integrations/definitions/destinations");
    expect(all.status).toBe(200);
    expect(all.body.destinations.length).toBeGreaterThan(1);
    const first = all.body.destinations[0];
    const filtered = await get("/api/v1/integrations/definitions/destinations", { actorDefinitionIds: [first.id] });
    expect(filtered.body.destinations).toEqual([first]);
    const notUuid = await get("/api/v1/integrations/definitions/destinations", { actorDefinitionIds: ["postgres"] });
    expect(notUuid.status).toBe(422);
    expect(notUuid.body.errors[0].field).toBe("query.actorDefinitionIds");
    const one = await get(`/api/v1/integrations/definitions/destinations/${first.id}`);
    expect(one.body).toMatchObject({ id: first.id, definition: { destinationDefinitionId: first.id, name: first.name } });
  });
});

describe("source templates", () => {
  it("POST, GET, PATCH and DELETE /templates/sources, and the list", async () => {
    const created = await send("POST", "/api/v1/integrations/templates/sources", {
      actor_definition_id: LINEAR,
      partial_default_config: {},
      name: "Linear (conformance)",
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;

    const list = await get("/api/v1/integrations/templates/sources");
    expect(list.body.data.map((t: { id: string }) => t.id)).toContain(id);

    const patched = await send("PATCH", `/api/v1/integrations/templates/sources/${id}`, { name: "Linear (renamed)" });
    expect(patched.body.name).toBe("Linear (renamed)");
    expect((await get(`/api/v1/integrations/templates/sources/${id}`)).body.name).toBe("Linear (renamed)");

    const del = await send("DELETE", `/api/v1/integrations/templates/sources/${id}`);
    expect(del.body).toEqual({ id, deleted_at: expect.any(String) });
    expect((await get(`/api/v1/integrations/templates/sources/${id}`)).status).toBe(404);
  });
});

describe("connection templates (T2)", () => {
  let destinationId: string;

  beforeAll(async () => {
    destinationId = (await get("/api/v1/integrations/definitions/destinations")).body.destinations[0].id;
  });

  const createUserHosted = (extra: Record<string, unknown> = {}) =>
    send("POST", "/api/v1/integrations/templates/connections", {
      destination_name: "Warehouse",
      destination_definition_id: destinationId,
      destination_config: { host: "db.internal", password: "hunter2" },
      cron_expression: "0 0 12 * * ?",
      ...extra,
    });

  it("POST creates a user_hosted template with the documented defaults, secrets redacted", async () => {
    const res = await createUserHosted();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      data_hosting_type: "user_hosted",
      destination_name: "Warehouse",
      destination_definition_id: destinationId,
      cron_expression: "0 0 12 * * ?",
      non_breaking_changes_preference: "ignore",
      sync_on_create: true,
      tags: [],
    });
    expect(res.body.destination_config).toEqual({ host: "db.internal", password: "**********" });
    expect((await get(`/api/v1/integrations/templates/connections/${res.body.id}`)).body).toEqual(res.body);
  });

  it("POST creates an airbyte_hosted template with no destination config", async () => {
    const res = await send("POST", "/api/v1/integrations/templates/connections", {
      data_hosting_type: "airbyte_hosted",
      cron_expression: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.data_hosting_type).toBe("airbyte_hosted");
    expect(res.body).not.toHaveProperty("destination_config");
    expect((await get(`/api/v1/integrations/templates/connections/${res.body.id}`)).body.destination_name).toBe(res.body.destination_name);
  });

  it("GET lists the organization's templates, filtered by tags with tags_mode", async () => {
    const a = (await createUserHosted({ tags: ["eu", "daily"] })).body.id;
    const b = (await createUserHosted({ tags: ["eu"] })).body.id;
    const ids = async (query: Record<string, string | string[]>) =>
      (await get("/api/v1/integrations/templates/connections", query)).body.data.map((t: { id: string }) => t.id);
    const all = await ids({});
    expect(all).toEqual(expect.arrayContaining([a, b]));
    expect(await ids({ tags: ["eu", "daily"] })).toEqual([a]);
    expect(await ids({ tags: ["eu", "daily"], tags_mode: "any" })).toEqual([a, b]);
    expect(await ids({ tags: ["nope"] })).toEqual([]);
  });

  it("PATCH updates fields, and cron_expression null clears the schedule", async () => {
    const id = (await createUserHosted()).body.id;
    const patched = await send("PATCH", `/api/v1/integrations/templates/connections/${id}`, {
      destination_name: "Renamed",
      cron_expression: "0 30 6 ? * MON-FRI",
      sync_on_create: false,
      non_breaking_changes_preference: "propagate_columns",
    });
    expect(patched.status).toBe(200);
    const stored = (await get(`/api/v1/integrations/templates/connections/${id}`)).body;
    expect(stored).toMatchObject({
      destination_name: "Renamed",
      cron_expression: "0 30 6 ? * MON-FRI",
      sync_on_create: false,
      non_breaking_changes_preference: "propagate_columns",
      destination_config: { host: "db.internal", password: "**********" },
    });
    await send("PATCH", `/api/v1/integrations/templates/connections/${id}`, { cron_expression: null });
    expect((await get(`/api/v1/integrations/templates/connections/${id}`)).body.cron_expression).toBeNull();
  });

  it("DELETE soft-deletes: the template leaves the list and its id answers 404", async () => {
    const id = (await createUserHosted()).body.id;
    const del = await send("DELETE", `/api/v1/integrations/templates/connections/${id}`);
    expect(del.body).toEqual({ id, deleted_at: expect.any(String) });
    expect((await get(`/api/v1/integrations/templates/connections/${id}`)).status).toBe(404);
    const list = await get("/api/v1/integrations/templates/connections");
    expect(list.body.data.map((t: { id: string }) => t.id)).not.toContain(id);
    expect((await send("DELETE", `/api/v1/integrations/templates/connections/${id}`)).status).toBe(404);
  });

  it("POST /cron/describe describes a Quartz expression with its next runs on the emulator clock", async () => {
    const describe = async (cron_expression: string) =>
      (await send("POST", "/api/v1/integrations/templates/connections/cron/describe", { cron_expression })).body;
    const daily = await describe("0 0 12 * * ?");
    expect(daily.is_valid).toBe(true);
    expect(daily.description).toMatch(/^At 12:00, every day \(UTC\)\. Next runs: /);
    const runs = [...daily.description.matchAll(/\d{4}-\d\d-\d\dT12:00:00Z/g)].map((m) => Date.parse(m[0]));
    expect(runs).toHaveLength(3);
    expect(runs[1]! - runs[0]!).toBe(86_400_000);

    // Quartz weekdays count from 1 = Sunday: "2-6" is Monday through Friday.
    const weekdays = await describe("0 15 9 ? * 2-6");
    expect(weekdays.description).toContain("Monday through Friday");
    for (const m of weekdays.description.matchAll(/\d{4}-\d\d-\d\dT09:15:00Z/g))
      expect([1, 2, 3, 4, 5]).toContain(new Date(m[0]).getUTCDay());
    const sundays = await describe("0 0 12 ? * 1");
    expect(sundays.description).toMatch(/^At 12:00, on Sunday \(UTC\)/);
    const sundayRuns = [...sundays.description.matchAll(/\d{4}-\d\d-\d\dT12:00:00Z/g)].map((m) => new Date(m[0]).getUTCDay());
    expect(sundayRuns).toEqual([0, 0, 0]);

    // The next runs follow the emulator's clock, not the wall clock (a fresh token: the old one expires on the way).
    h.emu.advanceClock(400 * 86_400);
    try {
      const later = await h.api("POST", "/api/v1/integrations/templates/connections/cron/describe", {
        token: await h.appToken(),
        body: { cron_expression: "0 0 12 * * ?" },
      });
      const laterFirst = Date.parse(/\d{4}-\d\d-\d\dT12:00:00Z/.exec(later.body.description)?.[0] ?? "");
      expect(laterFirst - runs[0]!).toBeGreaterThanOrEqual(399 * 86_400_000);
    } finally {
      h.emu.advanceClock(-400 * 86_400);
    }
  });

  it("POST /cron/describe answers is_valid false with a reason for invalid expressions", async () => {
    for (const [cron, reason] of [
      ["0 0 12 * *", /6 or 7 fields/],
      ["0 0 12 * * *", /Exactly one of day-of-month and day-of-week must be '\?'/],
      ["0 0 25 * * ?", /hour/],
      ["0 0 12 ? * 9", /Day-of-week/],
    ] as const) {
      const res = await send("POST", "/api/v1/integrations/templates/connections/cron/describe", { cron_expression: cron });
      expect(res.status).toBe(200);
      expect(res.body.is_valid).toBe(false);
      expect(res.body.description).toMatch(reason);
    }
  });

  it("rejects bad input: missing fields, invalid cron, unknown destination, airbyte_hosted destination_config", async () => {
    const missing = await send("POST", "/api/v1/integrations/templates/connections", {
      destination_name: "x",
      destination_definition_id: destinationId,
    });
    expect(missing.status).toBe(422);
    // Both union members' complaints, as pydantic reports a union, and no bare "body" entry.
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(["body.destination_config", "body.data_hosting_type"]);

    const badCron = await createUserHosted({ cron_expression: "every day" });
    expect(badCron.status).toBe(422);
    expect(badCron.body.errors[0].field).toBe("body.cron_expression");

    expect((await createUserHosted({ destination_definition_id: UNKNOWN_ID })).status).toBe(404);

    const hosted = (await send("POST", "/api/v1/integrations/templates/connections", { data_hosting_type: "airbyte_hosted" })).body.id;
    const patch = await send("PATCH", `/api/v1/integrations/templates/connections/${hosted}`, { destination_config: { bucket: "mine" } });
    expect(patch.status).toBe(422);
    expect(patch.body.errors[0].field).toBe("body.destination_config");

    const describeMissing = await send("POST", "/api/v1/integrations/templates/connections/cron/describe", {});
    expect(describeMissing.status).toBe(422);
    expect(describeMissing.body.errors[0].field).toBe("body.cron_expression");

    const before = (await get("/api/v1/integrations/templates/connections")).body.data.length;
    await createUserHosted({ cron_expression: "0 0 12 * * *" });
    expect((await get("/api/v1/integrations/templates/connections")).body.data.length).toBe(before);
  });

  it("answers 422 for non-UUID ids and 404 for unknown ones, on every /{id} method", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const body = method === "PATCH" ? {} : undefined;
      const bad = await send(method, "/api/v1/integrations/templates/connections/not-a-uuid", body);
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].field).toBe("path.id");
      expect((await send(method, `/api/v1/integrations/templates/connections/${UNKNOWN_ID}`, body)).status).toBe(404);
    }
  });
});

describe("connectors", () => {
  it("POST /connectors creates a connector that GET and the list return", async () => {
    const id = await createLinear("Linear (conformance)");
    expect((await get(`/api/v1/integrations/connectors/${id}`)).body.name).toBe("Linear (conformance)");
    const list = await get("/api/v1/integrations/connectors", { workspace_name: WORKSPACE });
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(id);
  });

  it("PUT /connectors/{id} updates the name and entities", async () => {
    const id = await createLinear("Linear (to rename)");
    const res = await send("PUT", `/api/v1/integrations/connectors/${id}`, { name: "Linear (renamed)", entities: [{ entity: "issues" }] });
    expect(res.status).toBe(200);
    expect((await get(`/api/v1/integrations/connectors/${id}`)).body).toMatchObject({
      name: "Linear (renamed)",
      entities: [{ entity: "issues" }],
    });
  });

  it("POST /connectors/check and /connectors/{id}/check report the credentials", async () => {
    const ok = await send("POST", "/api/v1/integrations/connectors/check", {
      workspace_name: WORKSPACE,
      definition_id: LINEAR,
      credentials: { api_key: "k" },
    });
    expect(ok.body.status).toBe("succeeded");
    const bad = await send("POST", "/api/v1/integrations/connectors/check", {
      workspace_name: WORKSPACE,
      definition_id: LINEAR,
      credentials: {},
    });
    expect(bad.body.status).toBe("failed");

    const id = await createLinear("Linear (check)");
    const existing = await send("POST", `/api/v1/integrations/connectors/${id}/check`, {});
    expect(existing.body).toMatchObject({ id, status: "succeeded" });
  });

  it("POST /connectors/{id}/execute lists records", async () => {
    const id = await createLinear("Linear (execute)");
    const res = await send("POST", `/api/v1/integrations/connectors/${id}/execute`, {
      entity: "issues",
      action: "list",
      // Linear's own page-size param (`limit` is not one of its list's params).
      params: { first: 2 },
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toHaveLength(2);
  });

  it("DELETE /connectors/{id} answers 202 and the connector leaves the list", async () => {
    const id = await createLinear("Linear (delete)");
    const res = await send("DELETE", `/api/v1/integrations/connectors/${id}`);
    expect(res.status).toBe(202);
    expect(res.body.job_id).toEqual(expect.any(String));
    const list = await get("/api/v1/integrations/connectors", { workspace_name: WORKSPACE });
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});

describe("OAuth credentials", () => {
  it("PUT /oauth/credentials stores them and DELETE by connector type removes them", async () => {
    const put = await send("PUT", "/api/v1/oauth/credentials", {
      connector_type: "HubSpot",
      configuration: { client_id: "a", client_secret: "b" },
    });
    expect(put.status).toBe(200);
    expect(put.body).not.toHaveProperty("configuration");
    const del = await send("DELETE", "/api/v1/oauth/credentials/connector_type/HubSpot");
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    // Gone: a new PUT creates a new record.
    const again = await send("PUT", "/api/v1/oauth/credentials", {
      connector_type: "HubSpot",
      configuration: { client_id: "c", client_secret: "d" },
    });
    expect(again.body.id).not.toBe(put.body.id);
  });
});

describe("coverage (runs last)", () => {
  it("answered every operation of the OpenAPI document with a 2xx", () => {
    expect(ALL_OPERATIONS).toHaveLength(34);
    const missing = ALL_OPERATIONS.filter((op) => !coveredOperations.has(op));
    expect(missing).toEqual([]);
  });
});
