// Feature tests of connector handles (api-notes §5): execute, field selection, normalised paging metadata, paginate,
// search, download, warnings, and the Python-parity entry points, against the emulator over HTTP.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AbortError,
  type AirbyteClient,
  connect,
  isAbortError,
  NotFoundError,
  ValidationError,
  Workspace,
  type WorkspaceClient,
} from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const EXECUTE = "POST /api/v1/integrations/connectors/:id/execute";
const RECORDS = 45;

interface Customer {
  id: string;
  email?: string;
  name?: string;
  delinquent?: boolean;
  address?: Record<string, unknown>;
}

const h = useEmulator({ recordsPerEntity: RECORDS });
let airbyte: AirbyteClient;
let ws: WorkspaceClient;
let ids: Record<"github" | "stripe" | "linear" | "zendesk-support", string>;

beforeAll(async () => {
  airbyte = h.client();
  ws = airbyte.workspace();
  const list = await ws.connectors.list();
  ids = Object.fromEntries(list.map((c) => [c.connectorName, c.id])) as typeof ids;
});

afterEach(() => h.emu.setFaults(undefined));

const stats = () => h.control<{ requests: number; routes: Record<string, number> }>("/_emulator/stats");
const executeCount = async () => (await stats()).routes[EXECUTE] ?? 0;
const requests = async () => h.emu.requests();
const options = () => ({ baseUrl: h.emu.url, clientId: h.emu.clientId, clientSecret: h.emu.clientSecret, logLevel: "off" as const });

/** Executes and counts how many execute requests the emulator saw meanwhile. */
async function counted<T>(run: () => Promise<T>): Promise<{ value: T; executes: number }> {
  const before = await executeCount();
  const value = await run();
  return { value, executes: (await executeCount()) - before };
}

describe("execute: Stripe customers, list/get/create/update/delete", () => {
  it("writes are visible in later reads", async () => {
    const stripe = ws.connector("stripe");
    const initial = await stripe.execute("customers", "list", { limit: 100 });
    expect(initial.meta).toEqual({ hasNextPage: false, cursor: null, raw: { has_more: false } });

    const created = await stripe.execute("customers", "create", { email: "ada@example.com", name: "Ada Lovelace" });
    expect(created.data).toMatchObject({ id: expect.stringMatching(/^customers_/), email: "ada@example.com", name: "Ada Lovelace" });
    expect(created.warning).toBeUndefined();
    expect(created.executionTimeMs).toBeGreaterThanOrEqual(1);
    const logged = (await requests()).find((r) => r.requestId === created.requestId);
    expect(logged).toMatchObject({ route: EXECUTE, path: `/api/v1/integrations/connectors/${ids.stripe}/execute`, status: 200 });

    // The spec types Stripe's customer id as optional; a created customer has one.
    const id = created.data.id!;
    const fetched = await stripe.execute("customers", "get", { id });
    expect(fetched.data).toMatchObject({ id, email: "ada@example.com", name: "Ada Lovelace" });
    expect(fetched.meta).toEqual({ hasNextPage: false, cursor: null, raw: null });
    const afterCreate = await stripe.execute("customers", "list", { limit: 100 });
    expect(afterCreate.data.map((c) => c.id)).toEqual([...initial.data.map((c) => c.id), id]);

    const updated = await stripe.execute("customers", "update", { id, name: "Ada King" });
    expect(updated.data).toMatchObject({ id, name: "Ada King", email: "ada@example.com" });
    expect((await stripe.execute("customers", "get", { id })).data.name).toBe("Ada King");

    // A generated record can be changed too.
    const first = initial.data[0]!.id!;
    await stripe.execute("customers", "update", { id: first, email: "changed@example.com" });
    expect((await stripe.execute("customers", "get", { id: first })).data.email).toBe("changed@example.com");

    const deleted = await stripe.execute("customers", "delete", { id });
    // Stripe answers a delete with the deleted object's shape (its spec's 200 schema).
    expect(deleted.data).toMatchObject({ id, deleted: true });
    const gone = await rejection(stripe.execute("customers", "get", { id }));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone).toMatchObject({ status: 404, code: "record_not_found", method: "POST" });
    const afterDelete = await stripe.execute("customers", "list", { limit: 100 });
    expect(afterDelete.data.map((c) => c.id)).toEqual(initial.data.map((c) => c.id));
  });

  it("a write to one connector is not seen through another connector", async () => {
    const created = await ws.connector({ connectorId: ids.stripe }).execute<Customer>("customers", "create", { email: "iso@example.com" });
    const other = await airbyte.workspace("iso-ws", { scopedToken: true }).connectors.create({
      connectorType: "Stripe",
      credentials: { api_key: "k" },
      replicationConfig: { account_id: "acct" },
    });
    const error = await rejection(
      airbyte.workspace("iso-ws").connector({ connectorId: other.id }).execute("customers", "get", { id: created.data.id }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    await ws.connector({ connectorId: ids.stripe }).execute("customers", "delete", { id: created.data.id });
  });
});

describe("selectFields and excludeFields", () => {
  it("selectFields keeps only the listed dot paths", async () => {
    const res = await ws.connector("stripe").execute("customers", "list", { limit: 3 }, { selectFields: ["id", "email", "address.city"] });
    expect(res.data).toHaveLength(3);
    for (const customer of res.data) {
      // `address` is nullable in Stripe's spec: a null address has no `city` to keep.
      expect(Object.keys(customer).sort()).toEqual(customer.address === undefined ? ["email", "id"] : ["address", "email", "id"]);
      if (customer.address) expect(Object.keys(customer.address)).toEqual(["city"]);
    }
    expect(res.data.some((customer) => customer.address)).toBe(true);
  });

  it("excludeFields drops the listed paths, and selectFields wins when both are given", async () => {
    const stripe = ws.connector("stripe");
    const full = await stripe.execute("customers", "list", { limit: 3 });
    const excluded = await stripe.execute("customers", "list", { limit: 3 }, { excludeFields: ["address", "email"] });
    excluded.data.forEach((customer, i) => {
      expect(customer).not.toHaveProperty("address");
      expect(customer).not.toHaveProperty("email");
      const { address: _a, email: _e, ...rest } = full.data[i]!;
      expect(customer).toEqual(rest);
    });
    const both = await stripe.execute("customers", "list", { limit: 2 }, { selectFields: ["id"], excludeFields: ["id"] });
    expect(both.data.map((c) => Object.keys(c))).toEqual([["id"], ["id"]]);
  });

  it("non-array field lists are refused before anything is sent", async () => {
    const handle = h.client().workspace().connector({ connectorId: ids.stripe });
    const before = (await stats()).requests;
    const error = await rejection(handle.execute("customers", "list", {}, { selectFields: "id" as unknown as string[] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["selectFields"]);
    const params = await rejection(handle.execute("customers", "list", null as unknown as Record<string, unknown>));
    expect((params as ValidationError).issues.map((i) => i.path)).toEqual(["params"]);
    expect((await stats()).requests).toBe(before);
  });
});

describe("normalised paging metadata", () => {
  it("snake_case (GitHub repositories): has_next_page/end_cursor, raw kept, the cursor gets the next page", async () => {
    const github = ws.connector("github");
    const first = await github.execute("repositories", "list", { username: "airbytehq", per_page: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.meta.hasNextPage).toBe(true);
    expect(first.meta.cursor).toEqual(expect.any(String));
    expect(first.meta.raw).toEqual({ has_next_page: true, end_cursor: first.meta.cursor });

    // GitHub's own `after` continues where the first page ended; a generic `cursor` is not a GitHub parameter and
    // is refused before anything is sent.
    const before = (await stats()).requests;
    const viaCursor = await rejection(
      github.execute("repositories", "list", {
        username: "airbytehq",
        per_page: 5,
        // @ts-expect-error `cursor` is not a parameter of GitHub repositories.list
        cursor: first.meta.cursor,
      }),
    );
    expect(viaCursor).toBeInstanceOf(ValidationError);
    expect((viaCursor as ValidationError).issues[0]?.path).toBe("params.cursor");
    expect((await stats()).requests).toBe(before);
    const viaAfter = await github.execute("repositories", "list", {
      username: "airbytehq",
      per_page: 5,
      after: first.meta.cursor ?? undefined,
    });
    expect(viaAfter.data).toHaveLength(5);
    expect(viaAfter.data.map((r) => r.id).filter((id) => first.data.some((r) => r.id === id))).toEqual([]);

    const all = await github.execute("repositories", "list", { username: "airbytehq", per_page: 100 });
    expect(all.data).toHaveLength(RECORDS);
    expect(all.meta).toEqual({ hasNextPage: false, cursor: null, raw: { has_next_page: false, end_cursor: null } });
  });

  it("camelCase (Linear issues): hasNextPage/endCursor normalised the same way", async () => {
    const linear = ws.connector("linear");
    const first = await linear.execute("issues", "list", { first: 40 });
    expect(first.meta.hasNextPage).toBe(true);
    expect(first.meta.raw).toEqual({ hasNextPage: true, endCursor: first.meta.cursor });
    expect(first.meta.raw).not.toHaveProperty("has_next_page");
    const last = await linear.execute("issues", "list", { first: 40, after: first.meta.cursor ?? undefined });
    expect(last.data).toHaveLength(RECORDS - 40);
    expect(last.meta).toEqual({ hasNextPage: false, cursor: null, raw: { hasNextPage: false, endCursor: null } });
  });
});

describe("paginate", () => {
  it("iterates every item across pages, one execute per page", async () => {
    const { value: items, executes } = await counted(async () => {
      const out: { id: string }[] = [];
      for await (const issue of ws.connector("linear").paginate("issues", "list", { first: 20 })) out.push(issue);
      return out;
    });
    expect(items).toHaveLength(RECORDS);
    expect(new Set(items.map((i) => i.id)).size).toBe(RECORDS);
    expect(executes).toBe(3);
    const direct = await ws.connector("linear").execute("issues", "list", { first: 100 });
    expect(items.map((i) => i.id)).toEqual(direct.data.map((i) => i.id));
  });

  it("sends the cursor in the connector's own parameter when asked (GitHub `after`)", async () => {
    const { value, executes } = await counted(() =>
      ws.connector("github").paginate("repositories", "list", { username: "airbytehq", per_page: 10 }, { cursorParam: "after" }).toArray(),
    );
    expect(new Set(value.map((r) => r.id)).size).toBe(RECORDS);
    expect(executes).toBe(5);
  });

  it("pages() yields whole pages with their metadata", async () => {
    const pages = [];
    for await (const page of ws.connector("linear").paginate("issues", "list", { first: 20 }).pages()) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p.meta.hasNextPage)).toEqual([true, true, false]);
    expect(new Set(pages.map((p) => p.requestId)).size).toBe(3);
    const logged = await requests();
    for (const page of pages) expect(logged.find((r) => r.requestId === page.requestId)?.route).toBe(EXECUTE);
  });

  it("toArray({ limit }) caps the items and stops fetching early", async () => {
    const linear = ws.connector({ connectorId: ids.linear });
    const all = await linear.paginate<{ id: string }>("issues", "list", { first: 20 }).toArray();
    const capped = await counted(() => linear.paginate<{ id: string }>("issues", "list", { first: 20 }).toArray({ limit: 25 }));
    expect(capped.value.map((i) => i.id)).toEqual(all.slice(0, 25).map((i) => i.id));
    expect(capped.executes).toBe(2);
    const onePage = await counted(() => linear.paginate("issues", "list", { first: 20 }).toArray({ limit: 20 }));
    expect(onePage.value).toHaveLength(20);
    expect(onePage.executes).toBe(1);
    const none = await counted(() => linear.paginate("issues", "list", { first: 20 }).toArray({ limit: 0 }));
    expect(none).toEqual({ value: [], executes: 0 });
  });

  it("continues after the last id when the metadata has only has_more (Stripe)", async () => {
    const stripe = ws.connector("stripe");
    const everything = await stripe.execute("customers", "list", { limit: 100 });
    const { value, executes } = await counted(() => stripe.paginate("customers", "list", { limit: 20 }).toArray());
    expect(value.map((c) => c.id)).toEqual(everything.data.map((c) => c.id));
    expect(executes).toBe(Math.ceil(everything.data.length / 20));
  });

  it("search results paginate through result.meta", async () => {
    const stripe = ws.connector("stripe");
    const everything = await stripe.execute("customers", "list", { limit: 100 });
    const expected = everything.data.filter((c) => c.delinquent === true).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(5);
    const filter = { eq: { delinquent: true } };

    const first = await stripe.execute("customers", "search", {
      query: { filter },
      limit: 5,
    });
    expect(first.data.data.map((c) => c.id)).toEqual(expected.slice(0, 5));
    expect(first.meta.hasNextPage).toBe(true);
    expect(first.meta.cursor).toEqual(expect.any(String));
    expect(first.meta.raw).toEqual({ has_more: true, cursor: first.meta.cursor, took_ms: expect.any(Number) });

    const { value, executes } = await counted(() => stripe.paginate("customers", "search", { query: { filter }, limit: 5 }).toArray());
    expect(value.map((c) => c.id)).toEqual(expected);
    expect(executes).toBe(Math.ceil(expected.length / 5) + (expected.length % 5 === 0 ? 1 : 0));
  });
});

describe("download", () => {
  it("streams the same bytes as a direct fetch of the execute call", async () => {
    const zendesk = ws.connector("zendesk-support");
    const attachment = await zendesk.execute("attachments", "get", { attachment_id: 3 });
    const stream = await zendesk.download("attachments", { attachment_id: 3 });
    expect(stream).toBeInstanceOf(ReadableStream);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());

    const { token } = await airbyte.tokens.application();
    const direct = await fetch(`${h.emu.url}/api/v1/integrations/connectors/${ids["zendesk-support"]}/execute`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ entity: "attachments", action: "download", params: { attachment_id: 3 } }),
    });
    expect(direct.status).toBe(200);
    const expected = new Uint8Array(await direct.arrayBuffer());
    expect(expected.byteLength).toBe(attachment.data.size);
    expect(bytes.byteLength).toBe(expected.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
    expect(new TextDecoder().decode(bytes.slice(0, 16))).toBe("emulator file 3\n");
  });

  it("an unknown file (the API's empty 200) is a NotFoundError", async () => {
    const error = await rejection(ws.connector("zendesk-support").download("attachments", { attachment_id: 987654 }));
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(e).toMatchObject({ status: 404, code: "download_not_found", method: "POST" });
    expect(e.path).toBe(`/api/v1/integrations/connectors/${ids["zendesk-support"]}/execute`);
    expect(e.message).toMatch(/^404 POST \/api\/v1\/integrations\/connectors\/[0-9a-f-]+\/execute: No file for attachments/);
    // What the server really answered: 200 with an empty body.
    expect((await requests()).find((r) => r.requestId === e.requestId)).toMatchObject({ route: EXECUTE, status: 200 });
  });

  it('execute(..., "download") is refused locally', async () => {
    const handle = h.client().workspace().connector("zendesk-support");
    const before = (await stats()).requests;
    // @ts-expect-error download is not an execute action (it streams: use download())
    const error = await rejection(handle.execute("attachments", "download", { attachment_id: 3 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: "invalid_input" });
    expect((error as ValidationError).issues[0]).toMatchObject({ path: "action", message: expect.stringContaining("download()") });
    expect((await stats()).requests).toBe(before);
  });
});

describe("warnings", () => {
  it("ExecutionResult.warning carries the server's warning (the emulator's page cap where a spec sets no maximum)", async () => {
    // Ashby's spec gives `limit` no maximum: the emulator answers 1000 records a page and says so in `warning`.
    const ashby = await ws.connectors.create({ type: "ashby", name: "warning-ashby", credentials: { api_key: "ashby_key_123" } });
    try {
      const handle = ws.connector({ connectorId: ashby.id, type: "ashby" });
      const capped = await handle.execute("candidates", "list", { limit: 5000 });
      expect(capped.warning).toEqual({ code: "limit_clamped", message: expect.stringContaining("limit 5000 exceeds") });
      expect((await handle.execute("candidates", "list", { limit: 10 })).warning).toBeUndefined();
    } finally {
      await ws.connectors.delete(ashby.id);
    }
  });
});

describe("Python-SDK parity: connect() and Workspace", () => {
  it("connect() by slug, by connectorId, and in a named workspace", async () => {
    const stripe = connect("stripe", options());
    const page = await stripe.execute("customers", "list", { limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(await stripe.id()).toBe(ids.stripe);

    const before = (await requests()).length;
    const linear = connect("whatever", { ...options(), connectorId: ids.linear });
    const issues = await linear.execute<{ id: string }[]>("issues", "list", { first: 3 });
    // No slug lookup for an id: a token and the execute, nothing else.
    expect((await requests()).slice(before).map((r) => r.route)).toEqual(["POST /api/v1/account/applications/token", EXECUTE]);
    const expected = await ws.connector({ connectorId: ids.linear }).execute<{ id: string }[]>("issues", "list", { first: 3 });
    expect(issues.data.map((i) => i.id)).toEqual(expected.data.map((i) => i.id));

    const elsewhere = await rejection(connect("stripe", { ...options(), workspaceName: "missing-ws" }).execute("customers", "list"));
    expect(elsewhere).toBeInstanceOf(NotFoundError);
    expect((elsewhere as NotFoundError).code).toBe("workspace_not_found");
  });

  it("new Workspace() works like a workspace client, and close() makes later calls fail with AbortError without sending", async () => {
    const workspace = new Workspace(options());
    expect(workspace.name).toBe("default");
    expect((await workspace.connectors.list()).map((c) => c.id).sort()).toEqual(Object.values(ids).sort());
    expect((await workspace.client.definitions.list({ name: "linear" })).map((d) => d.name)).toEqual(["Linear"]);
    const linear = workspace.connector("linear");
    expect((await linear.execute("issues", "list", { first: 2 })).data).toHaveLength(2);

    await workspace.close();
    const before = (await stats()).requests;
    const started = Date.now();
    const listed = await rejection(workspace.connectors.list());
    expect(listed).toBeInstanceOf(AbortError);
    expect(isAbortError(listed)).toBe(true);
    expect(listed).toMatchObject({ code: "aborted", retryable: false });
    const executed = await rejection(linear.execute("issues", "list", { first: 2 }));
    expect(executed).toBeInstanceOf(AbortError);
    // Not retried as a network error, and nothing reached the server.
    expect(Date.now() - started).toBeLessThan(500);
    expect((await stats()).requests).toBe(before);
  });

  it("`await using` closes the workspace at the end of the block", async () => {
    let kept: Workspace | undefined;
    {
      await using workspace = new Workspace(options());
      kept = workspace;
      expect((await workspace.connectors.list()).length).toBe(Object.keys(ids).length);
    }
    const after = await rejection((kept as Workspace).connectors.list());
    expect(after).toBeInstanceOf(AbortError);
  });

  it("close() cancels a call in flight", async () => {
    const workspace = new Workspace(options());
    const linear = workspace.connector({ connectorId: ids.linear });
    await linear.execute("issues", "list", { first: 1 });
    h.emu.setFaults({ queue: [{ delayMs: 3000, match: { method: "POST", path: "/execute" } }] });
    const started = Date.now();
    const call = rejection(linear.execute("issues", "list", { first: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await workspace.close();
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
