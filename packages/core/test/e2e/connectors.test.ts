// Feature tests of ws.connectors.* (api-notes §3 C1-C9, §4.1, §6) through the public API, against the emulator over HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AirbyteClient,
  ApiError,
  type Connector,
  ConnectorResolutionError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/index";
import { rejection, SECRET, useEmulator } from "../helpers/emulator";

const GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";
const STRIPE = "e094cb9a-26de-4645-8761-65c0c425d1de";
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface StateConnector {
  id: string;
  name: string;
  workspace_id: string;
  connector_name: string;
  credential_keys: string[];
  replication_config: Record<string, unknown>;
}
interface State {
  organizations: { id: string; name: string }[];
  workspaces: { id: string; name: string; organization_id: string; tombstone: boolean }[];
  connectors: StateConnector[];
}

const h = useEmulator();
let airbyte: AirbyteClient;

beforeAll(async () => {
  airbyte = h.client();
  // Workspaces of their own keep these tests apart from the seeded `default` workspace (one slug per connector there).
  for (const name of ["crud-ws", "resolve-ws", "empty-ws"]) await airbyte.admin.createWorkspace({ name });
});

const state = () => h.control<State>("/_emulator/state");
const requestCount = async () => (await h.control<{ requests: number }>("/_emulator/stats")).requests;
const requests = async () => h.emu.requests();
const workspaceId = async (name: string) => (await state()).workspaces.find((w) => w.name === name && !w.tombstone)?.id;
const connectorsIn = async (name: string) => {
  const s = await state();
  const id = s.workspaces.find((w) => w.name === name && !w.tombstone)?.id;
  return s.connectors.filter((c) => c.workspace_id === id);
};

/** Runs a call that must be refused locally: a ValidationError naming `field`, and not one request sent. */
async function refusedLocally(call: () => unknown, field: string): Promise<ValidationError> {
  const before = await requestCount();
  const error = await rejection(call);
  expect(error).toBeInstanceOf(ValidationError);
  const validation = error as ValidationError;
  expect(validation.code).toBe("invalid_input");
  expect(validation.issues.map((issue) => issue.path)).toContain(field);
  expect(validation.message).toContain(field);
  expect(await requestCount()).toBe(before);
  return validation;
}

describe("list and get map every field", () => {
  it("list() maps ConnectorInfo from the summarized template, and filters by definitionId", async () => {
    const ws = airbyte.workspace();
    const list = await ws.connectors.list();
    const s = await state();
    const defaultId = s.workspaces.find((w) => w.name === "default")?.id;
    const stored = s.connectors.filter((c) => c.workspace_id === defaultId);
    expect(list.map((c) => c.id).sort()).toEqual(stored.map((c) => c.id).sort());

    const globalTemplates = await airbyte.templates.list({ useGlobal: true });
    const githubTemplate = globalTemplates.find((t) => t.definitionId === GITHUB);
    const github = list.find((c) => c.connectorName === "github");
    expect(github).toEqual({
      id: stored.find((c) => c.connector_name === "github")?.id,
      name: "GitHub",
      connectorType: "GitHub",
      connectorName: "github",
      definitionId: GITHUB,
      sourceTemplateId: githubTemplate?.id,
      createdAt: expect.stringMatching(ISO_MICROS),
      updatedAt: expect.stringMatching(ISO_MICROS),
    });
    const zendesk = list.find((c) => c.connectorName === "zendesk-support");
    expect(zendesk?.connectorType).toBe("Zendesk Support");

    const onlyGithub = await ws.connectors.list({ definitionId: GITHUB });
    expect(onlyGithub.map((c) => c.id)).toEqual([github?.id]);
    const onlyStripe = await ws.connectors.list({ definitionId: STRIPE });
    expect(onlyStripe.map((c) => c.connectorName)).toEqual(["stripe"]);
  });

  it("get() maps Connector: template, masked replication config, entities and timestamps", async () => {
    const ws = airbyte.workspace();
    const [info] = await ws.connectors.list({ definitionId: GITHUB });
    const connector = await ws.connectors.get(info!.id);
    expect(connector).toEqual({
      id: info!.id,
      name: "GitHub",
      connectorType: "GitHub",
      definitionId: GITHUB,
      sourceTemplate: {
        id: info!.sourceTemplateId,
        name: "GitHub",
        icon: `${h.emu.url}/_icons/github.svg`,
        mode: "DIRECT",
        tags: [],
      },
      replicationConfig: { repositories: ["airbytehq/airbyte"], start_date: "2024-01-01T00:00:00Z" },
      entities: null,
      createdAt: info!.createdAt,
      updatedAt: info!.updatedAt,
    });
    // The handle resolves the slug and gets the same connector.
    expect(await ws.connector("github").get()).toEqual(connector);
  });

  it("inspect() maps identity and context-store readiness", async () => {
    const ws = airbyte.workspace();
    const [info] = await ws.connectors.list({ definitionId: GITHUB });
    const s = await state();
    const defaultWs = s.workspaces.find((w) => w.name === "default")!;
    const inspection = await ws.connectors.inspect(info!.id);
    expect(inspection).toMatchObject({
      connectorId: info!.id,
      name: "GitHub",
      workspaceId: defaultWs.id,
      organizationId: defaultWs.organization_id,
      definitionId: GITHUB,
      definitionName: "GitHub",
      warnings: [],
    });
    const supported = inspection.contextStore.supportedEntities;
    expect(supported.map((e) => e.entity)).toContain("repositories");
    expect(supported.filter((e) => e.suggested)).toHaveLength(Math.min(5, supported.length));
    expect(inspection.contextStore.configuredCacheEntities).toEqual([]);

    // Turning the workspace cache on changes what the server reports: the mapping follows it.
    await airbyte.workspaces.update(defaultWs.id, { cacheEnabled: true });
    try {
      const cached = await ws.connectors.inspect(info!.id);
      expect(cached.contextStore.configuredCacheEntities).toEqual(supported.filter((e) => e.suggested).map((e) => e.entity));
    } finally {
      await airbyte.workspaces.update(defaultWs.id, { cacheEnabled: false });
    }
  });
});

describe("create", () => {
  it("by definitionId: stores credentials (keys only echoed nowhere), replication config and entities", async () => {
    const ws = airbyte.workspace("crud-ws");
    const created = await ws.connectors.create({
      definitionId: GITHUB,
      name: "Acme GitHub",
      credentials: { token: "ghp_created_by_test" },
      replicationConfig: { repositories: ["acme/app"] },
      entities: [{ entity: "issues", modes: ["read"] }],
    });
    expect(created.id).toMatch(UUID);
    expect(created).toMatchObject({
      name: "Acme GitHub",
      connectorType: "GitHub",
      definitionId: GITHUB,
      entities: [{ entity: "issues", modes: ["read"] }],
    });
    // The platform fills GitHub's start_date itself; what we sent is kept.
    expect(created.replicationConfig).toEqual({ repositories: ["acme/app"], start_date: expect.any(String) });
    expect(JSON.stringify(created)).not.toContain("ghp_created_by_test");

    const stored = (await connectorsIn("crud-ws")).find((c) => c.id === created.id);
    expect(stored).toMatchObject({
      name: "Acme GitHub",
      connector_name: "github",
      credential_keys: ["token"],
      replication_config: { repositories: ["acme/app"] },
    });
    expect(await ws.connectors.get(created.id)).toEqual(created);
    expect((await ws.connectors.list()).map((c) => c.id)).toContain(created.id);
  });

  it("by connectorType: the display name or slug, any case or separators; an unknown type is a NotFoundError", async () => {
    const ws = airbyte.workspace("crud-ws");
    const created = await ws.connectors.create({
      connectorType: "sTrIpE",
      name: "Typed Stripe",
      credentials: { api_key: "sk_test_typed" },
      replicationConfig: { account_id: "acct_typed" },
    });
    expect(created).toMatchObject({ connectorType: "Stripe", definitionId: STRIPE, replicationConfig: { account_id: "acct_typed" } });
    const stored = (await connectorsIn("crud-ws")).find((c) => c.id === created.id);
    expect(stored?.credential_keys).toEqual(["api_key"]);
    // The stored credentials satisfy Stripe's auth scheme: the first execute works.
    const page = await ws.connector({ connectorId: created.id }).execute<unknown[]>("customers", "list", { limit: 2 });
    expect(page.data).toHaveLength(2);

    // The forms the Airbyte docs write ("Zendesk-Support", "zendesk_support") name the same connector.
    const zendesk = await ws.connectors.create({ connectorType: "zendesk_support", credentials: { access_token: "x" } });
    expect(zendesk.connectorType).toBe("Zendesk Support");
    await ws.connectors.delete(zendesk.id);
    const before = (await connectorsIn("crud-ws")).length;
    const error = await rejection(ws.connectors.create({ connectorType: "zendesk_suport", credentials: { access_token: "x" } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("connector_type_not_found");
    expect((error as NotFoundError).message).toContain("Zendesk Support");
    expect((await connectorsIn("crud-ws")).length).toBe(before);
  });

  it("by sourceTemplateId: the template decides the type", async () => {
    const ws = airbyte.workspace("crud-ws");
    const [linear] = (await airbyte.workspace().connectors.list()).filter((c) => c.connectorName === "linear");
    const created = await ws.connectors.create({ sourceTemplateId: linear!.sourceTemplateId, credentials: { api_key: "lin_api_test" } });
    expect(created).toMatchObject({ name: "Linear", connectorType: "Linear", sourceTemplate: { id: linear!.sourceTemplateId } });
    expect((await connectorsIn("crud-ws")).find((c) => c.id === created.id)?.connector_name).toBe("linear");
  });
});

describe("update, delete, check", () => {
  async function createGithub(name: string): Promise<Connector> {
    return airbyte.workspace("crud-ws").connectors.create({
      definitionId: GITHUB,
      name,
      credentials: { token: "ghp_update" },
      replicationConfig: { repositories: ["acme/a"], start_date: "2025-01-01T00:00:00Z" },
      entities: [{ entity: "issues", modes: ["read", "write"] }],
    });
  }

  it("update merges replication config, keeps omitted fields, and [] entities clears them", async () => {
    const ws = airbyte.workspace("crud-ws");
    const created = await createGithub("To update");

    const repos = await ws.connectors.update(created.id, { replicationConfig: { repositories: ["acme/a", "acme/b"] } });
    expect(repos.replicationConfig).toEqual({ repositories: ["acme/a", "acme/b"], start_date: "2025-01-01T00:00:00Z" });
    expect(repos.name).toBe("To update");
    expect(repos.entities).toEqual([{ entity: "issues", modes: ["read", "write"] }]);

    const renamed = await ws.connector({ connectorId: created.id }).update({ name: "Renamed" });
    expect(renamed.name).toBe("Renamed");
    expect(renamed.replicationConfig).toEqual(repos.replicationConfig);
    expect(renamed.entities).toEqual(repos.entities);

    const cleared = await ws.connectors.update(created.id, { entities: [] });
    expect(cleared.entities).toBeNull();

    const stored = (await connectorsIn("crud-ws")).find((c) => c.id === created.id);
    expect(stored).toMatchObject({ name: "Renamed", replication_config: { repositories: ["acme/a", "acme/b"] } });
    expect(await ws.connectors.get(created.id)).toMatchObject({ name: "Renamed", entities: null });
  });

  it("delete returns a job id and the connector drops out of list, state and get", async () => {
    const ws = airbyte.workspace("crud-ws");
    const created = await createGithub("To delete");
    expect((await ws.connectors.list()).map((c) => c.id)).toContain(created.id);

    const { jobId } = await ws.connectors.delete(created.id);
    expect(jobId).toMatch(UUID);
    expect((await ws.connectors.list()).map((c) => c.id)).not.toContain(created.id);
    expect((await connectorsIn("crud-ws")).map((c) => c.id)).not.toContain(created.id);
    const log = await requests();
    expect(log.filter((r) => r.method === "DELETE").at(-1)).toMatchObject({
      path: `/api/v1/integrations/connectors/${created.id}`,
      route: "DELETE /api/v1/integrations/connectors/:id",
      status: 202,
    });

    const error = await rejection(ws.connectors.get(created.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("connector_not_found");
  });

  it("check before create: succeeded with matching credentials, failed (with the reason) otherwise", async () => {
    const ws = airbyte.workspace("crud-ws");
    const before = (await connectorsIn("crud-ws")).length;
    const ok = await ws.connectors.check({
      connectorType: "Stripe",
      credentials: { api_key: "sk_test_check" },
      replicationConfig: { account_id: "acct_check" },
    });
    expect(ok.id).toMatch(UUID);
    expect(ok.status).toBe("succeeded");
    expect(ok.errorMessage).toBeNull();
    expect(ok.entities.length).toBeGreaterThan(0);
    expect(ok.entities.every((e) => e.status === "succeeded" && e.statusCode === 200 && e.errorMessage === null)).toBe(true);

    const bad = await ws.connectors.check({
      definitionId: STRIPE,
      credentials: { wrong_key: "x" },
      replicationConfig: { account_id: "acct_check" },
    });
    expect(bad.status).toBe("failed");
    expect(bad.errorMessage).toContain("Provided keys: ['wrong_key']");
    expect(bad.entities.every((e) => e.status === "failed" && e.statusCode === 401)).toBe(true);
    // A check creates nothing.
    expect((await connectorsIn("crud-ws")).length).toBe(before);
  });

  it("check of an existing connector, with and without changes (which are checked, not stored)", async () => {
    const ws = airbyte.workspace();
    expect((await ws.connector("stripe").check()).status).toBe("succeeded");

    const [github] = await ws.connectors.list({ definitionId: GITHUB });
    const withChanges = await ws.connectors.check({ connectorId: github!.id, replicationConfig: { repositories: [] } });
    expect(withChanges.status).toBe("failed");
    expect(withChanges.errorMessage).toContain("repositories");
    expect(withChanges.id).toBe(github!.id);
    const stored = (await state()).connectors.find((c) => c.id === github!.id);
    expect(stored?.replication_config.repositories).toEqual(["airbytehq/airbyte"]);

    const routes = (await requests()).map((r) => r.route);
    expect(routes).toContain("POST /api/v1/integrations/connectors/:id/check");
    expect(routes).toContain("POST /api/v1/integrations/connectors/check");
  });
});

describe("resolve", () => {
  let ids: { billing: string; payments: string; code: string };

  beforeAll(async () => {
    const ws = airbyte.workspace("resolve-ws");
    const stripe = { connectorType: "Stripe", credentials: { api_key: "k" }, replicationConfig: { account_id: "acct" } };
    const billing = await ws.connectors.create({ ...stripe, name: "Billing" });
    const payments = await ws.connectors.create({ ...stripe, name: "Payments" });
    const code = await ws.connectors.create({
      definitionId: GITHUB,
      name: "Code",
      credentials: { token: "t" },
      replicationConfig: { repositories: ["acme/app"] },
    });
    ids = { billing: billing.id, payments: payments.id, code: code.id };
  });

  it("by slug, type, instance name and id, case-insensitively", async () => {
    const ws = airbyte.workspace("resolve-ws");
    expect((await ws.connectors.resolve("github")).id).toBe(ids.code);
    expect((await ws.connectors.resolve("GitHub")).id).toBe(ids.code);
    expect((await ws.connectors.resolve("code")).id).toBe(ids.code);
    expect((await ws.connectors.resolve("BILLING")).id).toBe(ids.billing);
    expect((await ws.connectors.resolve(ids.payments)).id).toBe(ids.payments);
    expect((await ws.connectors.resolve(ids.payments.toUpperCase())).id).toBe(ids.payments);
    expect(await ws.connector("payments").id()).toBe(ids.payments);

    // In the default workspace: the slug of a multi-word type and its display name.
    const defaults = airbyte.workspace();
    const zendesk = await defaults.connectors.resolve("zendesk-support");
    expect(zendesk.connectorType).toBe("Zendesk Support");
    expect((await defaults.connectors.resolve("zendesk support")).id).toBe(zendesk.id);
  });

  it("several matches: connector_ambiguous listing only the matches, and the handle never executes", async () => {
    const ws = airbyte.workspace("resolve-ws");
    const error = await rejection(ws.connectors.resolve("stripe"));
    expect(error).toBeInstanceOf(ConnectorResolutionError);
    const ambiguous = error as ConnectorResolutionError;
    expect(ambiguous.code).toBe("connector_ambiguous");
    expect(ambiguous.connector).toBe("stripe");
    expect(ambiguous.candidates.map((c) => c.id).sort()).toEqual([ids.billing, ids.payments].sort());
    expect(ambiguous.candidates.every((c) => c.connectorType === "Stripe")).toBe(true);
    expect(ambiguous.message).toContain('"stripe" matches 2 connectors in workspace "resolve-ws"');
    expect(ambiguous.retryable).toBe(false);

    const before = (await requests()).length;
    const viaHandle = await rejection(ws.connector("stripe").execute("customers", "list"));
    expect(viaHandle).toBeInstanceOf(ConnectorResolutionError);
    const sent = (await requests()).slice(before).map((r) => r.route);
    expect(sent).not.toContain("POST /api/v1/integrations/connectors/:id/execute");
    expect(sent).toContain("GET /api/v1/integrations/connectors");
  });

  it("no match: connector_not_found listing the workspace's connectors (none in an empty workspace)", async () => {
    const error = await rejection(airbyte.workspace("resolve-ws").connectors.resolve("hubspot"));
    expect(error).toBeInstanceOf(ConnectorResolutionError);
    const notFound = error as ConnectorResolutionError;
    expect(notFound.code).toBe("connector_not_found");
    expect(notFound.candidates.map((c) => c.id).sort()).toEqual(Object.values(ids).sort());
    expect(notFound.message).toContain('No connector matches "hubspot" in workspace "resolve-ws"');

    const empty = await rejection(airbyte.workspace("empty-ws").connectors.resolve("stripe"));
    expect(empty).toBeInstanceOf(ConnectorResolutionError);
    expect((empty as ConnectorResolutionError).candidates).toEqual([]);
    expect((empty as ConnectorResolutionError).message).toContain("has no connectors yet");
  });
});

describe("local input validation: ValidationError naming the field, nothing sent", () => {
  it("create needs exactly one of type, definitionId, connectorType, sourceTemplateId", async () => {
    const ws = h.client().workspace("crud-ws");
    const none = await refusedLocally(() => ws.connectors.create({ name: "x" }), "type");
    expect(none.message).toContain("exactly one of type, definitionId, connectorType or sourceTemplateId");
    expect(none.message).toMatch(/^Invalid input to connectors\.create/);
    await refusedLocally(() => ws.connectors.create({ definitionId: GITHUB, connectorType: "GitHub" }), "definitionId, connectorType");
    await refusedLocally(
      () => ws.connectors.create({ connectorType: "GitHub", sourceTemplateId: crypto.randomUUID() }),
      "connectorType, sourceTemplateId",
    );
    await refusedLocally(() => ws.connectors.check({ name: "x" }), "type");
    // @ts-expect-error a slug and a definition id at once
    await refusedLocally(() => ws.connectors.create({ type: "github", definitionId: GITHUB }), "type, definitionId");
    await refusedLocally(() => ws.connectors.create({ type: "no-such-connector" as "linear" }), "type");
  });

  it("ids must be UUIDs", async () => {
    const ws = h.client().workspace("crud-ws");
    await refusedLocally(() => ws.connectors.create({ definitionId: "github" }), "definitionId");
    await refusedLocally(() => ws.connectors.create({ sourceTemplateId: "123" }), "sourceTemplateId");
    await refusedLocally(() => ws.connectors.get("not-a-uuid"), "connectorId");
    await refusedLocally(() => ws.connectors.update("not-a-uuid", { name: "x" }), "connectorId");
    await refusedLocally(() => ws.connectors.delete("../workspaces"), "connectorId");
    await refusedLocally(() => ws.connectors.inspect("1234"), "connectorId");
    await refusedLocally(() => ws.connectors.check({ connectorId: "nope" }), "connectorId");
    await refusedLocally(() => ws.connectors.list({ definitionId: "stripe" }), "definitionId");
    await refusedLocally(() => ws.connector({ connectorId: "nope" }), "connectorId");
    await refusedLocally(() => ws.connectors.resolve(""), "slug");
  });

  it("credentials, replication config and environment must be objects; the secret never reaches the message", async () => {
    const ws = h.client().workspace("crud-ws");
    const asString = await refusedLocally(
      () => ws.connectors.create({ connectorType: "Stripe", credentials: SECRET as unknown as Record<string, unknown> }),
      "credentials",
    );
    expect(asString.message).not.toContain(SECRET);
    await refusedLocally(
      () => ws.connectors.create({ connectorType: "Stripe", credentials: [] as unknown as Record<string, unknown> }),
      "credentials",
    );
    await refusedLocally(
      () => ws.connectors.create({ connectorType: "Stripe", credentials: null as unknown as Record<string, unknown> }),
      "credentials",
    );
    await refusedLocally(
      () => ws.connectors.create({ connectorType: "GitHub", replicationConfig: "acme/app" as unknown as Record<string, unknown> }),
      "replicationConfig",
    );
    await refusedLocally(
      () => ws.connectors.update(crypto.randomUUID(), { replicationConfig: [] as unknown as Record<string, unknown> }),
      "replicationConfig",
    );
    await refusedLocally(
      () => ws.connectors.create({ connectorType: "Stripe", environment: 1 as unknown as Record<string, unknown> }),
      "environment",
    );
  });
});

describe("server errors map to classes with request details", () => {
  it("GitHub without repositories: UnprocessableEntityError with fieldErrors, request id and message format", async () => {
    const ws = airbyte.workspace("crud-ws");
    const before = (await connectorsIn("crud-ws")).length;
    const error = await rejection(ws.connectors.create({ definitionId: GITHUB, credentials: { token: "ghp_x" } }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as UnprocessableEntityError;
    expect(e.status).toBe(422);
    expect(e.code).toBe("missing");
    expect(e.method).toBe("POST");
    expect(e.path).toBe("/api/v1/integrations/connectors");
    expect(e.retryable).toBe(false);
    expect(e.fieldErrors).toContainEqual({
      field: "body.replication_config.repositories",
      message: "required property 'repositories' not found",
      code: "missing",
    });
    expect(e.message).toMatch(/^422 POST \/api\/v1\/integrations\/connectors: /);
    expect(e.message).toContain("repositories");

    const logged = (await requests()).find((r) => r.requestId === e.requestId);
    expect(logged).toMatchObject({ method: "POST", route: "POST /api/v1/integrations/connectors", status: 422, auth: "application" });
    expect((await connectorsIn("crud-ws")).length).toBe(before);
  });

  it("unknown workspace: NotFoundError on list and on create, which does not create the workspace", async () => {
    const ws = airbyte.workspace("no-such-ws");
    const error = await rejection(ws.connectors.list());
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(e).toMatchObject({ status: 404, code: "workspace_not_found", method: "GET", path: "/api/v1/integrations/connectors" });
    expect(e.message).toBe("404 GET /api/v1/integrations/connectors: Workspace 'no-such-ws' not found");
    const logged = (await requests()).find((r) => r.requestId === e.requestId);
    expect(logged).toMatchObject({ method: "GET", path: "/api/v1/integrations/connectors", status: 404 });

    const created = await rejection(ws.connectors.create({ connectorType: "Stripe", credentials: { api_key: "k" } }));
    expect(created).toBeInstanceOf(NotFoundError);
    expect((created as NotFoundError).requestId).not.toBe(e.requestId);
    expect(await workspaceId("no-such-ws")).toBeUndefined();
  });

  it("unknown connector id: NotFoundError whose path names the connector", async () => {
    const id = crypto.randomUUID();
    const error = await rejection(airbyte.workspace().connectors.get(id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "connector_not_found", path: `/api/v1/integrations/connectors/${id}` });
    expect((error as NotFoundError).message).toMatch(new RegExp(`^404 GET /api/v1/integrations/connectors/${id}: `));
  });
});

describe("a workspace reached with a scoped token", () => {
  it("lists, creates and executes with the scoped token, and gets PermissionDeniedError for app-only endpoints", async () => {
    const client = h.client();
    // Minting the scoped token creates the workspace (api-notes §2).
    const ws = client.workspace("scoped-ws", { scopedToken: true });
    expect(await ws.connectors.list()).toEqual([]);
    expect(await workspaceId("scoped-ws")).toBeDefined();

    const created = await ws.connectors.create({
      connectorType: "Stripe",
      name: "Scoped Stripe",
      credentials: { api_key: "sk_scoped" },
      replicationConfig: { account_id: "acct_scoped" },
    });
    expect((await ws.connectors.list()).map((c) => c.id)).toEqual([created.id]);
    const page = await ws.connector("stripe").execute("customers", "list", { limit: 3 });
    expect(page.data).toHaveLength(3);

    const log = await requests();
    const byRoute = (route: string) => log.filter((r) => r.route === route).at(-1);
    expect(byRoute("POST /api/v1/integrations/connectors")?.auth).toBe("scoped");
    expect(byRoute("POST /api/v1/integrations/connectors/:id/execute")?.auth).toBe("scoped");

    const update = await rejection(ws.connectors.update(created.id, { name: "Escalated" }));
    expect(update).toBeInstanceOf(PermissionDeniedError);
    expect(update).toMatchObject({ status: 403, code: "token_scope", method: "PUT" });
    expect((await state()).connectors.find((c) => c.id === created.id)?.name).toBe("Scoped Stripe");
    // The server saw the scoped token and refused it: no application token was used.
    expect((await requests()).find((r) => r.requestId === (update as PermissionDeniedError).requestId)).toMatchObject({
      method: "PUT",
      status: 403,
      auth: "scoped",
    });

    expect(await rejection(ws.connectors.inspect(created.id))).toBeInstanceOf(PermissionDeniedError);
    expect(await rejection(ws.connector({ connectorId: created.id }).check())).toBeInstanceOf(PermissionDeniedError);

    // Another workspace's connector is out of reach for this token.
    const [github] = await client.workspace().connectors.list({ definitionId: GITHUB });
    const foreign = await rejection(ws.connectors.get(github!.id));
    expect(foreign).toBeInstanceOf(PermissionDeniedError);
    expect((foreign as PermissionDeniedError).code).toBe("workspace_scope");
  });
});
