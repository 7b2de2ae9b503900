import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import { type ApiResponse, type Harness, useEmulator } from "./helpers/emulator.js";

// Execute, C6 (api-notes §5): paging with each connector's own metadata keys, deterministic records, writes that
// later reads see, projections, search filters, errors, downloads and large generated datasets.

const RECORDS = 45;
const h = useEmulator({ recordsPerEntity: RECORDS });

const LINEAR = "1c5d8316-ed42-4473-8fbc-2626f03f070c";
const CREDENTIALS_MISMATCH = "Credentials do not match any auth scheme";

type Rec = Record<string, unknown>;
interface ExecuteBody {
  entity: string;
  action: string;
  params?: Record<string, unknown> | null;
  select_fields?: string[];
  exclude_fields?: string[];
}

let token: string;
let ids: Record<string, string>;

beforeAll(async () => {
  token = await h.appToken();
  ids = await h.demoConnectors(token);
});

function execute(harness: Harness, bearer: string, connectorId: string, body: ExecuteBody): Promise<ApiResponse> {
  return harness.api("POST", `/api/v1/integrations/connectors/${connectorId}/execute`, { token: bearer, body });
}

/** Executes on the main emulator with the app token, by demo connector name. */
function run(connector: string, body: ExecuteBody): Promise<ApiResponse> {
  return execute(h, token, ids[connector] as string, body);
}

async function ok(connector: string, body: ExecuteBody): Promise<ApiResponse> {
  const res = await run(connector, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.status).toBe("success");
  return res;
}

interface MetaKeys {
  more: string;
  cursor: string;
}

/** Follows a list's cursor until the end, sending it as `cursorParam`; fails on a repeated cursor. */
async function listAll(connector: string, entity: string, params: Rec, keys: MetaKeys, cursorParam: string) {
  const records: Rec[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; pages <= 100; pages++) {
    const res = await ok(connector, { entity, action: "list", params: cursor ? { ...params, [cursorParam]: cursor } : params });
    records.push(...(res.body.result as Rec[]));
    const meta = res.body.connector_metadata as Rec;
    expect(Object.keys(meta).sort()).toEqual([keys.more, keys.cursor].sort());
    if (meta[keys.more] === false) {
      expect(meta[keys.cursor]).toBeNull();
      return { records, pages };
    }
    expect(meta[keys.more]).toBe(true);
    cursor = meta[keys.cursor] as string;
    expect(typeof cursor).toBe("string");
    expect(seen.has(cursor)).toBe(false);
    seen.add(cursor);
  }
  throw new Error("pagination did not end");
}

function idsOf(records: Rec[]): unknown[] {
  return records.map((r) => r.id);
}

describe("list pagination with the connector's own metadata", () => {
  const GITHUB_KEYS = { more: "has_next_page", cursor: "end_cursor" };
  const LINEAR_KEYS = { more: "hasNextPage", cursor: "endCursor" };

  it("GitHub repositories: has_next_page/end_cursor, following the connector's own cursor param (after) to the end", async () => {
    const { records, pages } = await listAll("github", "repositories", { username: "octocat", per_page: 10 }, GITHUB_KEYS, "after");
    expect(pages).toBe(5);
    expect(records).toHaveLength(RECORDS);
    expect(new Set(idsOf(records)).size).toBe(RECORDS);
  });

  it("GitHub repositories: a generic params.cursor is refused (422 naming it and the accepted params)", async () => {
    const res = await run("github", { entity: "repositories", action: "list", params: { username: "octocat", cursor: "x" } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe("params.cursor");
    expect(res.body.errors[0].message).toContain("Accepted parameters: username, per_page, after, fields");
  });

  it("GitHub repositories: the default page size comes from the catalog (per_page 30)", async () => {
    const res = await ok("github", { entity: "repositories", action: "list", params: { username: "octocat" } });
    expect(res.body.result).toHaveLength(30);
    expect(res.body.connector_metadata).toEqual({ has_next_page: true, end_cursor: expect.any(String) });
  });

  it("Linear issues: hasNextPage/endCursor (camelCase), via after", async () => {
    const viaAfter = await listAll("linear", "issues", { first: 20 }, LINEAR_KEYS, "after");
    expect(viaAfter.pages).toBe(3);
    expect(viaAfter.records).toHaveLength(RECORDS);
    expect(new Set(idsOf(viaAfter.records)).size).toBe(RECORDS);
  });

  it("Stripe customers (has_more only) page by starting_after=<last id>", async () => {
    const all: Rec[] = [];
    let after: unknown;
    for (let page = 0; page < 10; page++) {
      const res = await ok("stripe", {
        entity: "customers",
        action: "list",
        params: after ? { limit: 20, starting_after: after } : { limit: 20 },
      });
      const result = res.body.result as Rec[];
      all.push(...result);
      expect(Object.keys(res.body.connector_metadata)).toEqual(["has_more"]);
      if (!res.body.connector_metadata.has_more) break;
      after = result.at(-1)?.id;
    }
    expect(all).toHaveLength(RECORDS);
    expect(new Set(idsOf(all)).size).toBe(RECORDS);
  });

  it("refuses a limit above the connector maximum (422 naming the param and the bound)", async () => {
    const res = await run("github", { entity: "repositories", action: "list", params: { username: "octocat", per_page: 500 } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject([
      { field: "params.per_page", message: "Input should be less than or equal to 100", error_code: "less_than_equal" },
    ]);
    const within = await ok("github", { entity: "repositories", action: "list", params: { username: "octocat", per_page: 100 } });
    expect(within.body.warning).toBeUndefined();
    expect(within.body.result).toHaveLength(RECORDS);
  });

  it("rejects an invalid cursor (422)", async () => {
    const res = await run("linear", { entity: "issues", action: "list", params: { after: "not-a-cursor!" } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe("params.after");
    const own = await run("github", { entity: "repositories", action: "list", params: { username: "x", after: "%%%" } });
    expect(own.status).toBe(422);
    expect(own.body.errors[0].field).toBe("params.after");
  });
});

describe("deterministic records", () => {
  const twinA = useEmulator({ seed: "twin", recordsPerEntity: RECORDS });
  const twinB = useEmulator({ seed: "twin", recordsPerEntity: RECORDS });
  const other = useEmulator({ seed: "another-seed", recordsPerEntity: RECORDS });

  async function firstPage(harness: Harness): Promise<Rec[]> {
    const bearer = await harness.appToken();
    const demo = await harness.demoConnectors(bearer);
    const res = await execute(harness, bearer, demo.linear as string, { entity: "issues", action: "list", params: { first: 25 } });
    expect(res.status).toBe(200);
    return res.body.result as Rec[];
  }

  it("the same seed gives identical pages; another seed gives different ones", async () => {
    const [a, b, c] = await Promise.all([firstPage(twinA), firstPage(twinB), firstPage(other)]);
    expect(a).toHaveLength(25);
    expect(b).toEqual(a);
    expect(c).toHaveLength(25);
    expect(c).not.toEqual(a);
  });

  it("repeated reads on one emulator return the same records", async () => {
    const first = await ok("linear", { entity: "issues", action: "list", params: { first: 25 } });
    const again = await ok("linear", { entity: "issues", action: "list", params: { first: 25 } });
    expect(again.body.result).toEqual(first.body.result);
  });
});

describe("get", () => {
  it("returns the same record as the list (Linear issues, Stripe customers)", async () => {
    const issues = (await ok("linear", { entity: "issues", action: "list", params: { first: 50 } })).body.result as Rec[];
    const issue = issues[17] as Rec;
    expect((await ok("linear", { entity: "issues", action: "get", params: { id: issue.id } })).body.result).toEqual(issue);
    const customers = (await ok("stripe", { entity: "customers", action: "list", params: { limit: 10 } })).body.result as Rec[];
    const customer = customers[4] as Rec;
    const got = await ok("stripe", { entity: "customers", action: "get", params: { id: customer.id } });
    expect(got.body.result).toEqual(customer);
    expect(got.body.connector_metadata).toBeNull();
  });

  it("answers 404 for an id outside the dataset", async () => {
    const res = await run("linear", { entity: "issues", action: "get", params: { id: `issues_${RECORDS + 1}` } });
    expect(res.status).toBe(404);
  });
});

describe("writes change later reads (Stripe customers)", () => {
  const customerIds = async () =>
    idsOf((await ok("stripe", { entity: "customers", action: "list", params: { limit: 100 } })).body.result as Rec[]);
  const get = (id: unknown) => run("stripe", { entity: "customers", action: "get", params: { id } });

  it("create appears in list and get; update shows in get; delete removes it", async () => {
    const created = await ok("stripe", {
      entity: "customers",
      action: "create",
      params: { email: "new.customer@example.com", name: "New Customer" },
    });
    const record = created.body.result as Rec;
    expect(record).toMatchObject({ email: "new.customer@example.com", name: "New Customer" });
    const id = record.id;
    expect(await customerIds()).toContain(id);
    expect(await customerIds()).toHaveLength(RECORDS + 1);
    expect((await get(id)).body.result).toMatchObject({ id, email: "new.customer@example.com", name: "New Customer" });

    const updated = await ok("stripe", { entity: "customers", action: "update", params: { id, name: "Renamed Customer" } });
    expect(updated.body.result).toMatchObject({ id, name: "Renamed Customer" });
    expect((await get(id)).body.result).toMatchObject({ id, name: "Renamed Customer", email: "new.customer@example.com" });

    await ok("stripe", { entity: "customers", action: "delete", params: { id } });
    expect((await get(id)).status).toBe(404);
    expect(await customerIds()).not.toContain(id);
  });

  it("updates and deletes generated records too", async () => {
    const before = await customerIds();
    const target = before[9];
    await ok("stripe", { entity: "customers", action: "update", params: { id: target, description: "patched" } });
    expect((await get(target)).body.result).toMatchObject({ description: "patched" });
    await ok("stripe", { entity: "customers", action: "delete", params: { id: target } });
    const after = await customerIds();
    expect(after).toEqual(before.filter((x) => x !== target));
    expect((await run("stripe", { entity: "customers", action: "delete", params: { id: target } })).status).toBe(404);
  });

  it("keeps writes per connector: another Stripe connector does not see them", async () => {
    const created = await h.api("POST", "/api/v1/integrations/connectors", {
      token,
      body: {
        workspace_name: "default",
        connector_type: "Stripe",
        credentials: { api_key: "sk_test" },
        replication_config: { account_id: "acct_2" },
      },
    });
    expect(created.status).toBe(200);
    const res = await execute(h, token, created.body.id, { entity: "customers", action: "list", params: { limit: 100 } });
    expect(res.body.result).toHaveLength(RECORDS);
  });
});

describe("page numbers as each spec counts them", () => {
  async function create(connectorType: string, credentials: Rec, replicationConfig?: Rec): Promise<string> {
    const created = await h.api("POST", "/api/v1/integrations/connectors", {
      token,
      body: { workspace_name: "default", connector_type: connectorType, credentials, replication_config: replicationConfig },
    });
    expect(created.status).toBe(200);
    return created.body.id as string;
  }

  it("ClickUp's page is 0-indexed (its default is 0): pages 0, 1, 2 are the first, second and third", async () => {
    const id = await create("ClickUp", { api_key: "pk_test" });
    const page = async (n: number | undefined) => {
      const params: Rec = { list_id: "l1", ...(n === undefined ? {} : { page: n }) };
      const res = await execute(h, token, id, { entity: "tasks", action: "list", params });
      expect(res.status).toBe(200);
      return res.body as { result: Rec[]; connector_metadata: Rec };
    };
    const [first, zero, one, two] = [await page(undefined), await page(0), await page(1), await page(2)];
    expect(zero.result.map((r) => r.id)).toEqual(first.result.map((r) => r.id));
    const seen = [...zero.result, ...one.result, ...two.result].map((r) => r.id);
    expect(new Set(seen).size).toBe(RECORDS);
    expect([zero, one, two].map((p) => p.connector_metadata.last_page)).toEqual([false, false, true]);
  });

  it("TikTok's page_info holds the page asked for, its size, the record count and the page count", async () => {
    const id = await create("TikTok Marketing", { access_token: "t" }, { start_date: "2024-01-01" });
    const res = await execute(h, token, id, {
      entity: "campaigns",
      action: "list",
      params: { advertiser_id: "a1", page_size: 10, page: 3 },
    });
    expect(res.body.connector_metadata).toEqual({ page_info: { total_number: RECORDS, page: 3, page_size: 10, total_page: 5 } });
    expect(res.body.result).toHaveLength(10);
  });
});

describe("a cursor that is a field of the record (Typeform's responses have no id: `after` takes a response's token)", () => {
  it("after=<a served record's token> answers the records after that record", async () => {
    const created = await h.api("POST", "/api/v1/integrations/connectors", {
      token,
      body: {
        workspace_name: "default",
        connector_type: "Typeform",
        credentials: { access_token: "tf" },
        replication_config: { start_date: "2024-01-01" },
      },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const list = async (params: Rec) => {
      const res = await execute(h, token, id, { entity: "responses", action: "list", params: { form_id: "f1", ...params } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.result as Rec[];
    };
    const all = await list({ page_size: RECORDS });
    const tokens = all.map((r) => r.token);
    const first = await list({ page_size: 20 });
    const second = await list({ page_size: 20, after: first[19]?.token });
    expect(second.map((r) => r.token)).toEqual(tokens.slice(20, 40));
    const third = await list({ page_size: 20, after: second[19]?.token });
    expect(third.map((r) => r.token)).toEqual(tokens.slice(40));
    expect(await list({ page_size: 20, after: third.at(-1)?.token })).toEqual([]);
    // Every record has a token of its own, so each one is a cursor.
    expect(all).toHaveLength(RECORDS);
    expect(tokens.every((t) => typeof t === "string" && t !== "")).toBe(true);
    expect(new Set(tokens).size).toBe(RECORDS);
  });
});

describe("select_fields and exclude_fields", () => {
  const list = (extra: Partial<ExecuteBody>) => ok("linear", { entity: "issues", action: "list", params: { first: 5 }, ...extra });

  it("select_fields keeps only the named (dot) paths", async () => {
    const res = await list({ select_fields: ["id", "title", "state.name"] });
    for (const r of res.body.result as Rec[]) {
      expect(Object.keys(r).sort()).toEqual(["id", "state", "title"]);
      expect(Object.keys(r.state as Rec)).toEqual(["name"]);
    }
  });

  it("exclude_fields drops the named paths and keeps the rest", async () => {
    const full = (await list({})).body.result as Rec[];
    const res = (await list({ exclude_fields: ["description", "state.id"] })).body.result as Rec[];
    expect(res).toHaveLength(full.length);
    for (const [i, r] of res.entries()) {
      expect(r).not.toHaveProperty("description");
      expect(r.state).not.toHaveProperty("id");
      const { description: _d, ...rest } = full[i] as Rec;
      expect(r.title).toEqual(rest.title);
    }
  });

  it("select_fields wins over exclude_fields", async () => {
    const res = await list({ select_fields: ["id", "title"], exclude_fields: ["title"] });
    for (const r of res.body.result as Rec[]) expect(Object.keys(r).sort()).toEqual(["id", "title"]);
  });

  it("applies to get", async () => {
    const res = await ok("linear", { entity: "issues", action: "get", params: { id: "issues_3" }, select_fields: ["id"] });
    expect(res.body.result).toEqual({ id: "issues_3" });
  });
});

describe("request validation", () => {
  it("accepts params: null (what the Python SDK sends)", async () => {
    const res = await ok("linear", { entity: "issues", action: "list", params: null });
    expect((res.body.result as Rec[]).length).toBeGreaterThan(0);
  });

  it("a missing required param is a 422 naming params.<name>", async () => {
    const res = await run("github", { entity: "repositories", action: "list", params: {} });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain("params.username");
  });

  it("an unknown entity is a 400 listing the available ones", async () => {
    const res = await run("linear", { entity: "tickets", action: "list", params: {} });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("Available entities");
    for (const entity of ["issues", "projects", "teams", "users"]) expect(res.body.message).toContain(entity);
  });

  it("an unknown action is a 400 listing the available ones", async () => {
    const res = await run("linear", { entity: "issues", action: "delete", params: { id: "issues_1" } });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("Available actions");
    for (const action of ["create", "get", "list", "update", "search"]) expect(res.body.message).toContain(action);
    expect((await ok("linear", { entity: "issues", action: "get", params: { id: "issues_1" } })).body.result).toMatchObject({
      id: "issues_1",
    });
  });

  it("credentials matching no auth scheme fail on execute (400), not at create", async () => {
    for (const credentials of [{}, { token: "wrong-key" }]) {
      const created = await h.api("POST", "/api/v1/integrations/connectors", {
        token,
        body: { workspace_name: "default", definition_id: LINEAR, credentials },
      });
      expect(created.status).toBe(200);
      const res = await execute(h, token, created.body.id, { entity: "issues", action: "list", params: {} });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(CREDENTIALS_MISMATCH);
      expect(res.body.message).toContain(
        `Provided keys: [${Object.keys(credentials)
          .map((k) => `'${k}'`)
          .join(", ")}]`,
      );
    }
  });
});

describe("search and context_store_search filters", () => {
  let issues: Rec[];
  beforeAll(async () => {
    issues = (await ok("linear", { entity: "issues", action: "list", params: { first: 100 } })).body.result as Rec[];
    expect(issues).toHaveLength(RECORDS);
  });

  const search = (filter: unknown, action = "search") =>
    run("linear", { entity: "issues", action, params: { query: { filter }, limit: 1000 } });

  async function matching(filter: unknown, action = "search"): Promise<unknown[]> {
    const res = await search(filter, action);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result.meta).toEqual({ has_more: false, cursor: null, took_ms: expect.any(Number) });
    return idsOf(res.body.result.data as Rec[]);
  }

  const titleStarts = (prefix: string) => (r: Rec) => String(r.title).toLowerCase().startsWith(prefix);

  it("eq and in", async () => {
    expect(await matching({ eq: { id: "issues_7" } })).toEqual(["issues_7"]);
    expect(await matching({ in: { id: ["issues_40", "issues_2", "issues_999"] } })).toEqual(["issues_2", "issues_40"]);
    const stateOf = (r: Rec) => (r.state as Rec | null)?.name;
    const stateName = issues.map(stateOf).find((name) => typeof name === "string");
    expect(stateName).toBeDefined();
    expect(await matching({ eq: { "state.name": stateName } })).toEqual(idsOf(issues.filter((r) => stateOf(r) === stateName)));
  });

  it("like (case-insensitive, % wildcard)", async () => {
    const prefix = String(issues[0]?.title).split(" ")[0]?.toLowerCase() as string;
    const expected = idsOf(issues.filter(titleStarts(prefix)));
    expect(expected.length).toBeGreaterThan(0);
    expect(await matching({ like: { title: `${prefix.toUpperCase()}%` } })).toEqual(expected);
  });

  it("and, or, not", async () => {
    expect(await matching({ and: [{ in: { id: ["issues_1", "issues_2", "issues_3"] } }, { not: { eq: { id: "issues_2" } } }] })).toEqual([
      "issues_1",
      "issues_3",
    ]);
    const prefix = String(issues[10]?.title).split(" ")[0]?.toLowerCase() as string;
    const expected = idsOf(issues.filter((r) => r.id === "issues_1" || titleStarts(prefix)(r)));
    expect(await matching({ or: [{ eq: { id: "issues_1" } }, { like: { title: `${prefix}%` } }] })).toEqual(expected);
    expect(await matching({ not: { like: { title: `${prefix}%` } } })).toEqual(idsOf(issues.filter((r) => !titleStarts(prefix)(r))));
  });

  it("context_store_search answers like search", async () => {
    const filter = { in: { id: ["issues_4", "issues_5"] } };
    expect(await matching(filter, "context_store_search")).toEqual(await matching(filter));
  });

  it("pages with meta.has_more/cursor (default limit 10)", async () => {
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const res = await ok("linear", { entity: "issues", action: "search", params: cursor ? { cursor } : {} });
      expect(res.body.result.data.length).toBeLessThanOrEqual(10);
      seen.push(...idsOf(res.body.result.data));
      cursor = res.body.result.meta.cursor;
      expect(res.body.result.meta.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual(idsOf(issues));
  });

  it("an unknown operator is a 422", async () => {
    const res = await search({ regex: { title: ".*" } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe("params.query.filter");
    expect(res.body.message).toContain("regex");
    expect((await search({ and: [{ eq: { id: "issues_1" } }, { startswith: { title: "a" } }] })).status).toBe(422);
  });
});

describe("download", () => {
  const zendesk = catalog.connectors.find((c) => c.name === "zendesk-support");
  const entity = zendesk?.entities.find((e) => e.name === "attachments");
  const spec = entity?.actions.find((a) => a.action === "download");

  async function download(attachmentId: number) {
    const res = await fetch(`${h.emu.url}/api/v1/integrations/connectors/${ids["zendesk-support"]}/execute`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ entity: "attachments", action: "download", params: { attachment_id: attachmentId } }),
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  it("the catalog has a download action on zendesk-support attachments, keyed by attachment_id", () => {
    expect(spec?.download?.contentType).toBeTruthy();
    expect(spec?.params.map((p) => p.name)).toEqual(["attachment_id"]);
  });

  it("answers 200 raw bytes with content-type and content-disposition, the same bytes twice", async () => {
    let id = 1;
    let size = 0;
    for (; id <= 20; id++) {
      const got = await ok("zendesk-support", { entity: "attachments", action: "get", params: { attachment_id: id } });
      size = Number(got.body.result.size);
      if (size > 0) break;
    }
    const first = await download(id);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("content-type")).toBe(spec?.download?.contentType);
    expect(first.res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+"$/);
    expect(first.bytes.length).toBe(size);
    const second = await download(id);
    // Compared as buffers: toEqual over a megabyte of bytes takes seconds, long enough for keep-alive to drop.
    expect(Buffer.compare(Buffer.from(second.bytes), Buffer.from(first.bytes))).toBe(0);
    const otherFile = await download(id + 1);
    expect(Buffer.compare(Buffer.from(otherFile.bytes), Buffer.from(first.bytes))).not.toBe(0);
  });

  it("answers 200 with an empty body for an unknown id (the contract's quirk)", async () => {
    const { res, bytes } = await download(RECORDS + 1000);
    expect(res.status).toBe(200);
    expect(bytes.length).toBe(0);
  });
});

describe("large datasets", () => {
  const TOTAL = 100_000;
  const big = useEmulator({ recordCounts: { "stripe.customers": TOTAL, "zendesk-support.article_attachments": TOTAL } });
  let bigToken: string;
  let bigIds: Record<string, string>;
  beforeAll(async () => {
    bigToken = await big.appToken();
    bigIds = await big.demoConnectors(bigToken);
  });

  const customersAfter = async (startingAfter: string | undefined, limit = 25) => {
    const params = startingAfter ? { limit, starting_after: startingAfter } : { limit };
    const res = await execute(big, bigToken, bigIds.stripe as string, { entity: "customers", action: "list", params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { ids: idsOf(res.body.result as Rec[]), hasMore: res.body.connector_metadata.has_more as boolean, res };
  };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `customers_${from + i}`);

  it("serves the first, a middle and the last page of 100k customers (pages of 25)", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const first = await customersAfter(undefined);
    expect(first.ids).toEqual(range(1, 25));
    expect(first.hasMore).toBe(true);

    const middle = await customersAfter("customers_49975"); // page 2000
    expect(middle.ids).toEqual(range(49_976, 50_000));
    expect(middle.hasMore).toBe(true);

    const last = await customersAfter(`customers_${25 * 3999}`); // page 4000
    expect(last.ids).toEqual(range(99_976, TOTAL));
    expect(last.hasMore).toBe(false);

    const beyond = await customersAfter(`customers_${TOTAL}`);
    expect(beyond.ids).toEqual([]);
    expect(beyond.hasMore).toBe(false);

    for (let page = 3000; page < 3050; page++) {
      const deep = await customersAfter(`customers_${page * 25}`);
      expect(deep.ids[0]).toBe(`customers_${page * 25 + 1}`);
    }
    // Records are generated page by page: 100k would be hundreds of MB if the emulator materialised them.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it("a deep record reads back with get, and an id past the end is a 404", async () => {
    const last = await customersAfter("customers_99990", 1);
    const got = await execute(big, bigToken, bigIds.stripe as string, {
      entity: "customers",
      action: "get",
      params: { id: "customers_99991" },
    });
    expect(got.body.result).toEqual(last.res.body.result[0]);
    const past = await execute(big, bigToken, bigIds.stripe as string, {
      entity: "customers",
      action: "get",
      params: { id: `customers_${TOTAL + 1}` },
    });
    expect(past.status).toBe(404);
  });

  it("answers a page of the connector maximum (100) and refuses one past it", async () => {
    const { ids: page, res } = await customersAfter(undefined, 100);
    expect(page).toHaveLength(100);
    expect(res.body.warning).toBeUndefined();
    const past = await execute(big, bigToken, bigIds.stripe as string, { entity: "customers", action: "list", params: { limit: 1000 } });
    expect(past.status).toBe(422);
    expect(past.body.errors).toMatchObject([
      { field: "params.limit", message: "Input should be less than or equal to 100", error_code: "less_than_equal" },
    ]);
  });

  it("reports the total where the connector has one (Zendesk count)", async () => {
    const res = await execute(big, bigToken, bigIds["zendesk-support"] as string, {
      entity: "article_attachments",
      action: "list",
      params: { article_id: 1, per_page: 50 },
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toHaveLength(50);
    expect(res.body.connector_metadata).toMatchObject({ count: TOTAL, next_page: expect.any(String) });
    const next = await execute(big, bigToken, bigIds["zendesk-support"] as string, {
      entity: "article_attachments",
      action: "list",
      params: { article_id: 1, per_page: 50, page: res.body.connector_metadata.next_page },
    });
    expect(next.body.result[0]).toEqual(expect.objectContaining({ id: 51 }));
    expect(next.body.connector_metadata.count).toBe(TOTAL);
  });
});

describe("inactive workspaces (api-notes §3 W4)", () => {
  it("refuses execute while the workspace is inactive, and serves it again once reactivated", async () => {
    const scoped = await h.scopedToken("inactive-ws", token);
    const created = await h.api("POST", "/api/v1/integrations/connectors", {
      token: scoped,
      body: { workspace_name: "inactive-ws", connector_type: "Linear", credentials: { api_key: "lin_api_x" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const info = await h.api("GET", "/api/v1/account/applications/scoped-token/info", { token: scoped });
    const wsId = info.body.workspace_id as string;
    const list = { entity: "issues", action: "list", params: { first: 1 } };
    expect((await execute(h, token, created.body.id, list)).status).toBe(200);
    await h.api("PUT", `/api/v1/workspaces/${wsId}`, { token, body: { status: "inactive" } });
    const refused = await execute(h, token, created.body.id, list);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].error_code).toBe("workspace_inactive");
    await h.api("PUT", `/api/v1/workspaces/${wsId}`, { token, body: { status: "active" } });
    expect((await execute(h, token, created.body.id, list)).status).toBe(200);
  });
});

// Issue 10: each operation behaves as its connector spec says (the spec walk covers every operation; these pin
// the cases the issue names).
describe("spec fidelity", () => {
  const byName = (name: string) => catalog.connectors.find((c) => c.name === name);

  async function connector(name: string, credentials?: Record<string, unknown>, replication?: Record<string, unknown>): Promise<string> {
    const definition = byName(name);
    const res = await h.api("POST", "/api/v1/integrations/connectors", {
      token,
      body: {
        workspace_name: "default",
        definition_id: definition?.definitionId,
        name: `fidelity ${name} ${Math.random()}`,
        credentials: credentials ?? Object.fromEntries((definition?.auth[0]?.required ?? []).map((k) => [k, `test-${k}`])),
        replication_config:
          replication ??
          Object.fromEntries(
            (definition?.replicationConfig?.required ?? []).map((k) => [
              k,
              definition?.replicationConfig?.properties[k]?.type === "array" ? ["test"] : "test",
            ]),
          ),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  }

  const exec = (id: string, entity: string, action: string, params: Rec = {}) => execute(h, token, id, { entity, action, params });

  it("accepts GitHub's replication-form credentials (PAT Credentials), and refuses a form that matches neither", async () => {
    const repositories = { repositories: ["airbytehq/airbyte"] };
    const pat = await connector("github", { option_title: "PAT Credentials", personal_access_token: "ghp_x" }, repositories);
    expect((await exec(pat, "repositories", "list", { username: "octocat" })).status).toBe(200);
    const oauth = await connector("github", { option_title: "OAuth Credentials", access_token: "gho_x" }, repositories);
    expect((await exec(oauth, "repositories", "list", { username: "octocat" })).status).toBe(200);
    // The PAT form's constant with a key neither form has.
    const mixed = await connector("github", { option_title: "PAT Credentials", pat: "ghp_x" }, repositories);
    const refused = await exec(mixed, "repositories", "list", { username: "octocat" });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain("Credentials do not match any auth scheme. Provided keys: ['option_title', 'pat']");
    expect(refused.body.message).toContain("Available schemes:");
  });

  it("refuses a param the operation does not declare, naming it and the accepted ones; checks types and enums", async () => {
    const stripe = ids.stripe as string;
    const generic = await exec(stripe, "customers", "list", { cursor: "abc" });
    expect(generic.status).toBe(422);
    expect(generic.body.errors[0]).toMatchObject({ field: "params.cursor", error_code: "extra_forbidden" });
    expect(generic.body.errors[0].message).toContain("starting_after");
    const drive = await connector("google-drive");
    expect((await exec(drive, "files", "list", { pageToken: "bad!" })).body.errors[0].field).toBe("params.pageToken");
    expect((await exec(drive, "files", "list", { after: "x" })).status).toBe(422);
    const typed = await exec(ids.linear as string, "issues", "create", { teamId: "t", title: 42 });
    expect(typed.status).toBe(422);
    expect(typed.body.errors[0]).toMatchObject({ field: "params.title", error_code: "string_type" });
    const missing = await exec(ids.linear as string, "issues", "create", { teamId: "t" });
    expect(missing.body.errors[0]).toMatchObject({ field: "params.title", error_code: "missing" });
    const asana = await connector("asana");
    const nested = await exec(asana, "tasks", "list", { limit: "many" });
    expect(nested.body.errors[0]).toMatchObject({ field: "params.limit", error_code: "int_parsing" });
  });

  it("Linear issue create answers {success, issue} and keeps the title; the issue reads back", async () => {
    const res = await exec(ids.linear as string, "issues", "create", { teamId: "team_1", title: "Fidelity title" });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ success: true, issue: { title: "Fidelity title" } });
    const id = res.body.result.issue.id;
    const got = await exec(ids.linear as string, "issues", "get", { id });
    expect(got.body.result).toMatchObject({ id, title: "Fidelity title" });
  });

  it("api_search reads field clauses (Stripe's query language); other languages are in filters.test.ts", async () => {
    const stripe = ids.stripe as string;
    const records = (q: ApiResponse) => (Array.isArray(q.body.result) ? q.body.result : q.body.result.data) as Rec[];
    const listed = (await exec(stripe, "customers", "list", { limit: 5 })).body.result as Rec[];
    const target = listed[2] as Rec;
    const byEmail = await exec(stripe, "customers", "api_search", { query: `email:'${String(target.email).toUpperCase()}'` });
    expect(byEmail.status).toBe(200);
    expect(records(byEmail).length).toBeGreaterThan(0);
    expect(records(byEmail).every((r) => r.email === target.email)).toBe(true);
    expect(records(byEmail).some((r) => r.id === target.id)).toBe(true);
    const both = await exec(stripe, "customers", "api_search", { query: `email:'${target.email}' AND -id:'${target.id}'` });
    expect(records(both).some((r) => r.id === target.id)).toBe(false);
    const created = Number(target.created);
    const newer = records(await exec(stripe, "customers", "api_search", { query: `created>${created}` }));
    expect(newer.length).toBeGreaterThan(0);
    expect(newer.every((r) => Number(r.created) > created)).toBe(true);
    const withName = listed.find((r) => typeof r.name === "string") as Rec;
    const word = String(withName.name).split(" ")[0] as string;
    const named = records(await exec(stripe, "customers", "api_search", { query: `name~'${word.toLowerCase()}'` }));
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((r) => String(r.name).toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect(records(await exec(stripe, "customers", "api_search", { query: "email:'nobody@nowhere.invalid'" }))).toEqual([]);
    // Not clauses over the record's fields: read as GitHub search terms (filters.test.ts).
    const github = await exec(ids.github as string, "issues", "api_search", { query: "repo:airbytehq/airbyte is:open" });
    expect(github.status).toBe(200);
  });

  it("Salesforce api_search answers {searchRecords}; Stripe delete answers the deleted object's shape", async () => {
    const salesforce = await connector("salesforce");
    const found = await exec(salesforce, "accounts", "api_search", { q: "FIND {Acme}" });
    expect(Object.keys(found.body.result)).toEqual(["searchRecords"]);
    expect(found.body.result.searchRecords.length).toBeGreaterThan(0);
    const stripe = await connector("stripe");
    const [first] = (await exec(stripe, "customers", "list", { limit: 1 })).body.result as Rec[];
    const deleted = await exec(stripe, "customers", "delete", { id: first?.id });
    expect(deleted.body.result).toEqual({ id: first?.id, object: "customer", deleted: true });
    expect((await exec(stripe, "customers", "get", { id: first?.id })).status).toBe(404);
  });

  it("GitHub issue create answers REST fields with what was sent", async () => {
    const res = await exec(ids.github as string, "issues", "create", {
      owner: "airbytehq",
      repo: "airbyte",
      title: "Broken",
      body: "Steps",
    });
    expect(res.body.result).toMatchObject({ title: "Broken", body: "Steps", number: expect.any(Number), html_url: expect.any(String) });
  });

  it("Asana's data wrapper is unwrapped, ids are gids, and a listed gid resolves in get", async () => {
    const asana = await connector("asana");
    const created = await exec(asana, "tasks", "create", { data: { name: "Write docs", workspace: "1" } });
    expect(created.status).toBe(200);
    const gid = created.body.result.gid;
    expect(gid).toEqual(expect.any(String));
    expect(created.body.result).not.toHaveProperty("data");
    const listed = (await exec(asana, "tasks", "list", { limit: 100 })).body.result as Rec[];
    const mine = listed.find((t) => t.gid === gid);
    expect(mine).toMatchObject({ name: "Write docs" });
    expect(mine).not.toHaveProperty("data");
    expect((await exec(asana, "tasks", "get", { task_gid: listed[0]?.gid })).status).toBe(200);
  });

  it("keys and types come from the spec: Twilio sid under its AccountSid, integer portfolioId, GitHub owner + repo", async () => {
    const twilio = await connector("twilio");
    const calls = (await exec(twilio, "calls", "list", { AccountSid: "AC0001" })).body.result as Rec[];
    expect(calls[0]).toMatchObject({ sid: expect.any(String), account_sid: "AC0001" });
    const call = await exec(twilio, "calls", "get", { AccountSid: "AC0001", sid: calls[0]?.sid });
    expect(call.body.result).toMatchObject({ sid: calls[0]?.sid });
    const amazon = await connector("amazon-ads");
    const listed = await exec(amazon, "portfolios", "list", { "Amazon-Advertising-API-Scope": "1" });
    const portfolios = listed.body.result.portfolios as Rec[];
    expect(typeof portfolios[0]?.portfolioId).toBe("number");
    const portfolio = await exec(amazon, "portfolios", "get", {
      portfolioId: portfolios[0]?.portfolioId,
      "Amazon-Advertising-API-Scope": "1",
    });
    expect(portfolio.body.result.portfolioId).toBe(portfolios[0]?.portfolioId);
    const [repo] = (await exec(ids.github as string, "repositories", "list", { username: "octocat", per_page: 1 })).body.result as Rec[];
    const got = await exec(ids.github as string, "repositories", "get", { owner: "octocat", repo: repo?.name });
    expect(got.body.result).toMatchObject({ name: repo?.name, id: repo?.id });
  });

  it("pages with each connector's own cursor: Asana's next_page.offset, Google Drive's pageToken", async () => {
    const asana = await connector("asana");
    const seen: unknown[] = [];
    let offset: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await exec(asana, "tasks", "list", { limit: 20, ...(offset ? { offset } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...(res.body.result as Rec[]).map((r) => r.gid));
      const next = res.body.connector_metadata.next_page as { offset: string; uri: string } | null;
      if (!next) break;
      expect(next.uri).toContain(encodeURIComponent(next.offset));
      offset = next.offset;
    }
    expect(new Set(seen).size).toBe(RECORDS);
    const drive = await connector("google-drive");
    const first = await exec(drive, "files", "list", { pageSize: 40 });
    const token = first.body.connector_metadata.nextPageToken as string;
    const second = await exec(drive, "files", "list", { pageSize: 40, pageToken: token });
    expect((second.body.result as Rec[]).length).toBe(RECORDS - 40);
    expect(second.body.connector_metadata.nextPageToken).toBeNull();
  });

  it("a singleton answers a get with no params (Stripe balance)", async () => {
    const res = await exec(ids.stripe as string, "balance", "get");
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ object: "balance" });
  });

  it("answers every meta-extractor key, pagination or not (row_count, response_aggregation_type)", async () => {
    const spec = byName("google-analytics-data-api");
    const entity = spec?.entities.find((e) => e.actions.some((a) => a.meta && "row_count" in a.meta));
    const action = entity?.actions.find((a) => a.meta && "row_count" in a.meta);
    expect(action).toBeDefined();
    const ga = await connector("google-analytics-data-api");
    const params = Object.fromEntries(
      (action?.params ?? []).filter((p) => p.required).map((p) => [p.name, [p.type].flat().includes("integer") ? 1 : "x"]),
    );
    const res = await exec(ga, entity?.name as string, action?.action as string, params);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body.connector_metadata).sort()).toEqual(Object.keys(action?.meta ?? {}).sort());
    expect(res.body.connector_metadata.row_count).toEqual(expect.any(Number));
  });

  it("context_store_search answers the listed fields with took_ms, for entities with no list too", async () => {
    const res = await exec(ids.stripe as string, "charges", "context_store_search", { limit: 2 });
    const listed = (byName("stripe")?.entities.find((e) => e.name === "charges")?.contextStore?.properties ?? {}) as Rec;
    for (const record of res.body.result.data as Rec[]) for (const key of Object.keys(record)) expect(listed).toHaveProperty(key);
    expect(res.body.result.meta).toEqual({ has_more: true, cursor: expect.any(String), took_ms: expect.any(Number) });
    const intercom = await connector("intercom");
    const parts = await exec(intercom, "conversation_parts", "context_store_search", { limit: 1 });
    expect(parts.status, JSON.stringify(parts.body)).toBe(200);
  });
});
