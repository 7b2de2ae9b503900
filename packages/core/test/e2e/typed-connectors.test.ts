// Typed connectors at run time, against the emulator over HTTP: connectors created by slug, shortcuts, paginate to
// the end with each connector's own cursor parameter (read back from the emulator's request log), downloads, slug
// resolution through the definition id, local validation (nothing sent), check() with a scoped token.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AirbyteClient,
  ConnectorResolutionError,
  describeConnector,
  isApiError,
  listConnectorTypes,
  ValidationError,
  type WorkspaceClient,
} from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const RECORDS = 23;
const h = useEmulator({ recordsPerEntity: RECORDS });
let airbyte: AirbyteClient;
let ws: WorkspaceClient;

const executes = (since: number) => h.executes(since);
const logLength = () => h.emu.requests().length;
const connectorGets = (since: number) =>
  h.emu
    .requests()
    .slice(since)
    .filter((r) => r.route === "GET /api/v1/integrations/connectors/:id");
/** Queues one scripted fault on the emulator. */
const queueFault = (fault: Record<string, unknown>) =>
  h.control("/_emulator/faults", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ queue: [fault] }),
  });

/** Credentials for a connector's first auth scheme, every required field filled: what its spec asks for. */
async function credentialsFor(slug: string): Promise<Record<string, unknown>> {
  const [scheme] = (await describeConnector(slug)).auth;
  return Object.fromEntries((scheme?.fields ?? []).filter((f) => f.required).map((f) => [f.name, `test-${f.name}`]));
}

async function replicationFor(slug: string): Promise<Record<string, unknown>> {
  const fields = (await describeConnector(slug)).replicationConfig.filter((f) => f.required);
  return Object.fromEntries(fields.map((f) => [f.name, f.type === "array" ? ["acme/app"] : `test-${f.name}`]));
}

// One paged list per connector: the entity, the params it needs, and the cursor parameter its spec names.
const PAGED = [
  { slug: "stripe", entity: "customers", params: { limit: 5 }, cursor: "starting_after" },
  { slug: "github", entity: "repositories", params: { username: "acme", per_page: 5 }, cursor: "after" },
  { slug: "hubspot", entity: "contacts", params: { limit: 5 }, cursor: "after" },
  { slug: "linear", entity: "issues", params: { first: 5 }, cursor: "after" },
  { slug: "asana", entity: "projects", params: { limit: 5 }, cursor: "offset" },
  { slug: "google-drive", entity: "files", params: { pageSize: 5 }, cursor: "pageToken" },
  { slug: "notion", entity: "users", params: { page_size: 5 }, cursor: "start_cursor" },
  { slug: "slack", entity: "channels", params: { limit: 5 }, cursor: "cursor" },
  { slug: "intercom", entity: "contacts", params: { per_page: 5 }, cursor: "starting_after" },
  { slug: "zendesk-support", entity: "tickets", params: { per_page: 5 }, cursor: "page" },
  { slug: "gitlab", entity: "groups", params: { per_page: 5 }, cursor: "page" },
  { slug: "airtable", entity: "bases", params: {}, cursor: "offset" },
] as const;

beforeAll(async () => {
  airbyte = h.client();
  await airbyte.admin.createWorkspace({ name: "typed-ws" });
  ws = airbyte.workspace("typed-ws");
  for (const { slug } of PAGED) {
    await ws.connectors.create({
      type: slug,
      credentials: await credentialsFor(slug),
      replicationConfig: await replicationFor(slug),
    } as never);
  }
});

describe("the offline catalog", () => {
  it("lists the 51 published connectors with their definition ids", async () => {
    const types = listConnectorTypes();
    expect(types).toHaveLength(51);
    expect(types.find((t) => t.slug === "stripe")).toEqual({
      slug: "stripe",
      displayName: "Stripe",
      definitionId: "e094cb9a-26de-4645-8761-65c0c425d1de",
    });
    const github = await describeConnector("github");
    const list = github.entities.find((e) => e.name === "issues")?.actions.find((a) => a.name === "list");
    expect(list?.pagination).toMatchObject({ cursorParam: "after", pageSizeParam: "per_page" });
    expect(list?.params.find((p) => p.name === "owner")).toMatchObject({ required: true, type: "string" });
    expect(list?.params.find((p) => p.name === "owner")?.description).toEqual(expect.any(String));
    expect(github.auth.map((a) => a.title)).toEqual(expect.arrayContaining(["Personal Access Token"]));
    expect(await rejection(describeConnector("no-such-connector"))).toBeInstanceOf(ValidationError);
  });
});

describe("connectors created by slug", () => {
  it("send the definition id from the catalog, not a name", async () => {
    const since = logLength();
    const made = await ws.connectors.create({
      type: "stripe",
      credentials: { api_key: "sk_test_x" },
      replicationConfig: { account_id: "acct_1" },
      name: "Second Stripe",
    });
    expect(made.definitionId).toBe("e094cb9a-26de-4645-8761-65c0c425d1de");
    expect(
      h.emu
        .requests()
        .slice(since)
        .map((r) => r.route),
    ).toEqual(["POST /api/v1/integrations/connectors"]);
    await ws.connectors.delete(made.id);
  });
});

describe.each(PAGED)("$slug", ({ slug, entity, params, cursor }) => {
  it(`paginates ${entity} to the end, sending ${cursor}`, async () => {
    const handle = ws.connector(slug as "stripe") as unknown as {
      paginate(entity: string, action: string, params: object): AsyncIterable<{ id?: unknown }>;
    };
    const since = logLength();
    const seen: unknown[] = [];
    for await (const item of handle.paginate(entity, "list", params)) seen.push(item);
    expect(seen).toHaveLength(RECORDS);
    const sent = executes(since).map((r) => r.execute?.params ?? {});
    expect(sent.length).toBeGreaterThan(1);
    expect(sent[0]).not.toHaveProperty(cursor);
    for (const later of sent.slice(1)) {
      expect(later).toHaveProperty(cursor);
      expect(later).not.toHaveProperty(cursor === "cursor" ? "after" : "cursor");
    }
    // Every page is new: no record twice.
    const ids = seen.map((item) => JSON.stringify((item as Record<string, unknown>).id ?? item));
    expect(new Set(ids).size).toBe(RECORDS);
  });

  it("resolves the slug through the definition id", async () => {
    const since = logLength();
    // A client of its own: the shared one resolved the slug already, and resolutions are cached per client.
    const id = await h
      .client()
      .workspace("typed-ws")
      .connector(slug as "stripe")
      .id();
    const lists = h.emu
      .requests()
      .slice(since)
      .filter((r) => r.route === "GET /api/v1/integrations/connectors");
    const { definitionId } = await describeConnector(slug);
    expect(lists.map((r) => r.query.definition_id)).toEqual([[definitionId]]);
    expect((await ws.connectors.get(id)).definitionId).toBe(definitionId);
  });
});

describe("shortcuts", () => {
  it("entity.action(params) is execute(entity, action, params); camelCase names map to the wire names", async () => {
    const stripe = ws.connector("stripe");
    const since = logLength();
    const list = await stripe.customers.list({ limit: 2 });
    expect(list.data).toHaveLength(2);
    const id = list.data[0]!.id!;
    const got = await stripe.customers.get({ id });
    expect(got.data.id).toBe(id);
    const balance = await stripe.balance.get();
    expect(balance.data).toEqual(expect.any(Object));
    const transactions = await stripe.balanceTransactions.list({ limit: 1 });
    expect(transactions.data).toHaveLength(1);
    expect(executes(since).map((r) => `${r.execute?.entity}.${r.execute?.action}`)).toEqual([
      "customers.list",
      "customers.get",
      "balance.get",
      "balance_transactions.list",
    ]);
    const paged = await stripe.customers.paginate({ limit: 10 }).toArray();
    expect(paged).toHaveLength(RECORDS);
  });

  it("a bare { connectorId } handle learns its type when a second page is due, and pages by the spec's rule", async () => {
    const id = await ws.connector("zendesk-support").id();
    // A client that has never listed it: what a list or get shows of a connector would spare the GET.
    const fresh = h.client().workspace();
    const since = logLength();
    const seen: unknown[] = [];
    for await (const ticket of fresh.connector({ connectorId: id }).paginate("tickets", "list", { per_page: 10 })) seen.push(ticket);
    expect(seen).toHaveLength(RECORDS);
    const sent = executes(since).map((r) => r.execute?.params);
    // Zendesk's `page` is an integer page number: 2, then 3, never the next_page URL.
    expect(sent).toEqual([{ per_page: 10 }, { per_page: 10, page: 2 }, { per_page: 10, page: 3 }]);
    expect(connectorGets(since)).toHaveLength(1);
  });

  it("what one handle learns serves every handle of the client, and a list or get of the connector spares the GET", async () => {
    const id = await ws.connector("zendesk-support").id();
    const fresh = h.client().workspace();
    const since = logLength();
    const pages = await Promise.all(
      [1, 2, 3].map(() => fresh.connector({ connectorId: id }).paginate("tickets", "list", { per_page: 10 }).toArray()),
    );
    expect(pages.map((items) => items.length)).toEqual([RECORDS, RECORDS, RECORDS]);
    await fresh.connector({ connectorId: id }).paginate("tickets", "list", { per_page: 10 }).toArray();
    expect(connectorGets(since)).toHaveLength(1);
    // ws listed its connectors when it resolved the slug: its own { connectorId } handles never ask.
    const listed = logLength();
    await expect(ws.connector({ connectorId: id }).paginate("tickets", "list", { per_page: 10 }).toArray()).resolves.toHaveLength(RECORDS);
    expect(connectorGets(listed)).toHaveLength(0);
    expect(executes(listed).map((r) => r.execute?.params)).toEqual([
      { per_page: 10 },
      { per_page: 10, page: 2 },
      { per_page: 10, page: 3 },
    ]);
  });

  it("a bare { connectorId } handle that cannot learn its type fails that page with the error, and learns it on the next try", async () => {
    const id = await ws.connector("zendesk-support").id();
    const fresh = h.client().workspace();
    // One scripted 503 for the connector's GET, the request that learns its type; no retries, so it is final.
    await queueFault({ status: 503, match: { method: "GET", path: `/integrations/connectors/${id}` } });
    const handle = fresh.connector({ connectorId: id });
    const since = logLength();
    const error = await rejection(handle.paginate("tickets", "list", { per_page: 10 }, { maxRetries: 0 }).toArray());
    expect(isApiError(error) && error.status).toBe(503);
    // The first page went out; nothing was sent by a guessed rule after the failure.
    expect(executes(since).map((r) => r.execute?.params)).toEqual([{ per_page: 10 }]);
    const seen = await handle.paginate("tickets", "list", { per_page: 10 }).toArray();
    expect(seen).toHaveLength(RECORDS);
  });

  it("a 404 for a connector id forgets what the client knew of it: the next paging learns its type again", async () => {
    const id = await ws.connector("zendesk-support").id();
    const client = h.client().workspace();
    await client.connectors.list();
    await queueFault({ status: 404, match: { method: "POST", path: `/integrations/connectors/${id}/execute` } });
    const error = await rejection(client.connector({ connectorId: id }).paginate("tickets", "list", { per_page: 10 }).toArray());
    expect(isApiError(error) && error.status).toBe(404);
    const since = logLength();
    await expect(client.connector({ connectorId: id }).paginate("tickets", "list", { per_page: 10 }).toArray()).resolves.toHaveLength(
      RECORDS,
    );
    expect(connectorGets(since)).toHaveLength(1);
  });

  it("startCursor resumes where a page left off: in the spec's parameter, as the spec types it", async () => {
    const zendesk = ws.connector("zendesk-support");
    const pages = zendesk.paginate("tickets", "list", { per_page: 10 }).pages()[Symbol.asyncIterator]();
    const first = (await pages.next()).value;
    await pages.return?.();
    expect(first?.meta.cursor).toBe("2");
    const since = logLength();
    const rest = await zendesk.paginate("tickets", "list", { per_page: 10 }, { startCursor: first?.meta.cursor ?? "" }).toArray();
    expect(rest).toHaveLength(RECORDS - 10);
    expect(executes(since).map((r) => r.execute?.params)).toEqual([
      { per_page: 10, page: 2 },
      { per_page: 10, page: 3 },
    ]);

    // Stripe's cursor is the last id, sent as starting_after; a bare { connectorId } handle learns that first.
    const stripeId = await ws.connector("stripe").id();
    const all = await ws.connector("stripe").customers.paginate({ limit: 5 }).toArray();
    const fresh = h.client().workspace();
    const resumed = logLength();
    const after = await fresh
      .connector({ connectorId: stripeId })
      .paginate<{ id: string }>("customers", "list", { limit: 5 }, { startCursor: all[4]?.id ?? "" })
      .toArray();
    expect(after.map((c) => c.id)).toEqual(all.slice(5).map((c) => c.id));
    expect(executes(resumed)[0]?.execute?.params).toEqual({ limit: 5, starting_after: all[4]?.id });
    expect(connectorGets(resumed)).toHaveLength(1);
  });

  it("selectFields or excludeFields that leave out the id still page a last-id list to the end: the id is kept", async () => {
    // Stripe's next page starts after the last record's id, so a page without ids would end the listing silently.
    const stripe = ws.connector("stripe");
    const emails: object[] = await stripe.paginate("customers", "list", { limit: 5 }, { selectFields: ["email"] }).toArray();
    expect(emails).toHaveLength(RECORDS);
    expect(Object.keys(emails[0] ?? {}).sort()).toEqual(["email", "id"]);
    const noIds: object[] = await stripe.paginate("customers", "list", { limit: 5 }, { excludeFields: ["id", "email"] }).toArray();
    expect(noIds).toHaveLength(RECORDS);
    expect(noIds.every((c) => typeof (c as { id?: unknown }).id === "string" && !("email" in c))).toBe(true);
    // A bare { connectorId } handle learns its type before the first page, so the first page keeps the ids too.
    const fresh = h
      .client()
      .workspace()
      .connector({ connectorId: await stripe.id() });
    const since = logLength();
    await expect(fresh.paginate("customers", "list", { limit: 5 }, { selectFields: ["email"] }).toArray()).resolves.toHaveLength(RECORDS);
    expect(connectorGets(since)).toHaveLength(1);
    // Offset and page-number lists are left as asked: Zendesk pages by number.
    const tickets: object[] = await ws
      .connector("zendesk-support")
      .paginate("tickets", "list", { per_page: 10 }, { selectFields: ["subject"] })
      .toArray();
    expect(tickets).toHaveLength(RECORDS);
    expect(Object.keys(tickets[0] ?? {})).toEqual(["subject"]);
  });

  it("a startCursor that is not a non-empty string is a ValidationError naming it, and nothing is sent", async () => {
    const since = logLength();
    for (const startCursor of ["", 2, null]) {
      const error = await rejection(() =>
        ws.connector("stripe").paginate("customers", "list", {}, { startCursor: startCursor as unknown as string }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe("startCursor");
    }
    expect(h.emu.requests().length).toBe(since);
  });

  it("{ connectorId, type } is typed and validated like the slug", async () => {
    const id = await ws.connector("linear").id();
    const linear = ws.connector({ connectorId: id, type: "linear" });
    const { data } = await linear.issues.list({ first: 3 });
    expect(data).toHaveLength(3);
    const error = await rejection(linear.issues.list({ first: "3" as unknown as number }));
    expect((error as ValidationError).issues).toEqual([{ path: "params.first", message: "expected integer, got string" }]);
  });

  it("downloads stream the file where the spec has a download action", async () => {
    const drive = ws.connector("google-drive");
    const {
      data: [file],
    } = await drive.files.list({ pageSize: 1 });
    const stream = await drive.files.download({ fileId: String(file!.id), alt: "media" });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(0);
    const sent = executes(0).at(-1)?.execute;
    expect(sent).toEqual({ entity: "files", action: "download", params: { fileId: String(file!.id), alt: "media" } });
  });
});

describe("types never change the wire", () => {
  it("a typed call, its shortcut and the untyped call send the same bytes", async () => {
    // The real fetch, observed: what left the client for the emulator, byte for byte.
    const sent: string[] = [];
    const observed = h.client({
      fetch: (input, init) => {
        if (String(input instanceof Request ? input.url : input).endsWith("/execute")) sent.push(String(init?.body));
        return fetch(input, init);
      },
    });
    const id = await observed.workspace("typed-ws").connector("github").id();
    const typed = observed.workspace("typed-ws").connector("github");
    const untyped = observed.workspace("typed-ws").connector({ connectorId: id });
    const params = { owner: "acme", repo: "app", per_page: 3, states: ["OPEN" as const] };
    await typed.execute("issues", "list", params, { selectFields: ["id"] });
    await typed.issues.list(params, { selectFields: ["id"] });
    await untyped.execute("issues", "list", params, { selectFields: ["id"] });
    expect(sent).toHaveLength(3);
    expect(sent[0]).toContain('"select_fields":["id"]');
    expect(new Set(sent).size).toBe(1);
  });
});

describe("local validation: a ValidationError naming the field and the choices, nothing sent", () => {
  const refused = async (call: () => Promise<unknown>) => {
    const since = logLength();
    const error = await rejection(call);
    expect(error).toBeInstanceOf(ValidationError);
    expect(h.emu.requests().length).toBe(since);
    return (error as ValidationError).issues;
  };

  it("unknown entity, action or parameter; a wrong type or value; a missing required parameter", async () => {
    const github = ws.connector("github");
    const entity = await refused(() => github.execute("issuez" as "issues", "list", { owner: "a", repo: "b" }));
    expect(entity[0]).toMatchObject({ path: "entity" });
    expect(entity[0]?.message).toContain("valid: ");
    expect(entity[0]?.message).toContain("issues");
    const action = await refused(() => github.execute("issues", "destroy" as "list", { owner: "a", repo: "b" }));
    expect(action[0]?.message).toMatch(/valid: .*list/);
    const unknown = await refused(() => github.issues.list({ owner: "a", repo: "b", limit: 5 } as never));
    expect(unknown).toEqual([{ path: "params.limit", message: expect.stringContaining("valid: owner, repo") }]);
    const missing = await refused(() => github.issues.list({ owner: "a" } as never));
    expect(missing.map((i) => i.path)).toEqual(["params.repo"]);
    const wrongType = await refused(() => github.issues.list({ owner: "a", repo: "b", per_page: "5" as unknown as number }));
    expect(wrongType[0]?.message).toBe("expected integer, got string");
    const wrongItem = await refused(() => github.issues.list({ owner: "a", repo: "b", states: ["OPEN", "open" as "OPEN"] }));
    expect(wrongItem).toEqual([{ path: "params.states.1", message: 'expected one of "OPEN", "CLOSED"' }]);
    const wrongValue = await refused(() => ws.connector("zendesk-support").tickets.list({ sort_order: "up" as "asc" }));
    expect(wrongValue).toEqual([{ path: "params.sort_order", message: 'expected one of "asc", "desc"' }]);
    const stripe = ws.connector("stripe");
    const enumValue = await refused(() => stripe.execute("subscriptions", "list", { status: "paused-forever" as "active" } as never));
    expect(enumValue).toEqual([{ path: "params.status", message: 'expected one of "canceled", "ended", "all"' }]);
  });

  it("a connector the SDK has no catalog for is not validated locally", async () => {
    const before = logLength();
    const error = await rejection(ws.connector("my-private-crm").execute("contacts", "list", { anything: 1 }));
    expect(error).toBeInstanceOf(ConnectorResolutionError);
    expect(h.emu.requests().length).toBeGreaterThan(before);
  });
});

describe("check()", () => {
  it("with a scoped token runs the spec's preferred check operation with the smallest page", async () => {
    const scoped = airbyte.workspace("typed-ws", { scopedToken: true });
    const since = logLength();
    const result = await scoped.connector("stripe").check();
    expect(result).toMatchObject({ status: "succeeded", errorMessage: null });
    const sent = executes(since).map((r) => r.execute);
    expect(sent).toEqual([{ entity: "customers", action: "list", params: { limit: 1 } }]);
    expect(
      h.emu
        .requests()
        .slice(since)
        .some((r) => r.route.endsWith("/check")),
    ).toBe(false);
  });

  it("reports failed, not a thrown error, when the source refuses the credentials", async () => {
    const bad = await ws.connectors.create({ type: "hubspot", credentials: { wrong_field: "x" } as never, name: "Bad HubSpot" });
    const scoped = airbyte.workspace("typed-ws", { scopedToken: true });
    const result = await scoped.connector({ connectorId: bad.id, type: "hubspot" }).check();
    expect(result.status).toBe("failed");
    expect(result.errorMessage).toMatch(/auth scheme/i);
    await ws.connectors.delete(bad.id);
  });

  it("with an application token uses the check endpoint", async () => {
    const since = logLength();
    const result = await ws.connector("stripe").check();
    expect(result.status).toEqual(expect.any(String));
    expect(
      h.emu
        .requests()
        .slice(since)
        .some((r) => r.route === "POST /api/v1/integrations/connectors/:id/check"),
    ).toBe(true);
  });
});
