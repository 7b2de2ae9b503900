import { beforeAll, describe, expect, it } from "vitest";
import { SORT_WINDOW } from "../src/execute/sorted-order.js";
import { catalogConnectors } from "./helpers/catalog-connectors.js";
import { type ApiResponse, type Harness, useEmulator } from "./helpers/emulator.js";

// Sorts and projections over real HTTP: a list's sort params (GitLab `order_by`+`sort`, Zendesk `sort_by`+
// `sort_order`, HubSpot search `sorts`), a query's own order (SOQL/JQL ORDER BY, GitHub's `sort:created-asc`), and
// the params that list the fields to answer (GitHub `fields`, HubSpot `properties`, Jira `fields`, Drive's
// `files(id,name)`). Sorted pages must page through every record once, in order.

const RECORDS = 80;
const h = useEmulator({ recordsPerEntity: RECORDS });

type Rec = Record<string, any>;
const tokens = new Map<Harness, string>();
const connectorOf = catalogConnectors("sort");
const connector = (harness: Harness, name: string) => connectorOf(harness, tokens.get(harness) ?? "", name);

beforeAll(async () => {
  tokens.set(h, await h.appToken());
});

async function execOn(harness: Harness, name: string, entity: string, action: string, params: Rec = {}): Promise<ApiResponse> {
  const res = await harness.api("POST", `/api/v1/integrations/connectors/${await connector(harness, name)}/execute`, {
    token: tokens.get(harness) ?? null,
    body: { entity, action, params },
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res;
}

const exec = (name: string, entity: string, action: string, params: Rec = {}) => execOn(h, name, entity, action, params);

const records = (res: ApiResponse): Rec[] => {
  const result = res.body.result;
  return Array.isArray(result) ? result : (result?.searchRecords ?? result?.data ?? []);
};

const time = (value: unknown) => Date.parse(String(value));
/** Whether each value is <= (or >=, descending) the next; undefined values must all come last. */
function inOrder(values: unknown[], descending: boolean, compare: (a: any, b: any) => number): boolean {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (values.slice(present.length).some((v) => v !== undefined && v !== null)) return false;
  return present.every((v, i) => i === 0 || (descending ? compare(present[i - 1], v) >= 0 : compare(present[i - 1], v) <= 0));
}
/** Fails naming the first values it read, so a wrong order shows what came back. */
function expectOrdered(values: unknown[], descending: boolean, compare: (a: any, b: any) => number): void {
  expect(inOrder(values, descending, compare), `${descending ? "descending" : "ascending"}: ${JSON.stringify(values.slice(0, 12))}`).toBe(
    true,
  );
}
const byNumber = (a: number, b: number) => a - b;
const byTime = (a: unknown, b: unknown) => time(a) - time(b);
const byText = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

describe("sort params", () => {
  const gitlab = (params: Rec) => exec("gitlab", "issues", "list", { project_id: "1", per_page: 100, ...params }).then(records);

  it("GitLab issues `order_by: created_at` with `sort: asc`/`desc` answer in that order, the same records", async () => {
    const plain = await gitlab({});
    const asc = await gitlab({ order_by: "created_at", sort: "asc" });
    const desc = await gitlab({ order_by: "created_at", sort: "desc" });
    expect(asc.length).toBe(RECORDS);
    expectOrdered(
      asc.map((r) => r.created_at),
      false,
      byTime,
    );
    expectOrdered(
      desc.map((r) => r.created_at),
      true,
      byTime,
    );
    // Not merely the stored order: ascending differs from it, and both hold the same records.
    expect(asc.map((r) => r.id)).not.toEqual(plain.map((r) => r.id));
    expect([...asc.map((r) => r.id)].sort()).toEqual([...plain.map((r) => r.id)].sort());
    const updated = await gitlab({ order_by: "updated_at", sort: "asc" });
    expectOrdered(
      updated.map((r) => r.updated_at),
      false,
      byTime,
    );
    // A direction alone orders by the creation date; a sort name naming no field (popularity) leaves the order.
    expect((await gitlab({ sort: "asc" })).map((r) => r.id)).toEqual(asc.map((r) => r.id));
    expect((await gitlab({ order_by: "popularity", sort: "asc" })).map((r) => r.id)).toEqual(plain.map((r) => r.id));
  });

  it("a direction alone sorts by the field param's default: WooCommerce `order` by `orderby`'s default `date`", async () => {
    const orders = (params: Rec) => exec("woocommerce", "orders", "list", { per_page: 100, ...params }).then(records);
    const asc = await orders({ order: "asc" });
    expect(asc.length).toBe(RECORDS);
    expectOrdered(
      asc.map((r) => r.date_created),
      false,
      byTime,
    );
    const byDate = await orders({ orderby: "date", order: "asc" });
    expect(byDate.map((r) => r.id)).toEqual(asc.map((r) => r.id));
    // `orderby` alone takes `order`'s default, `desc`; records without a date come last either way.
    const newest = await orders({ orderby: "date" });
    expectOrdered(
      newest.map((r) => r.date_created),
      true,
      byTime,
    );
    const dated = (list: Rec[]) => list.filter((r) => r.date_created).map((r) => r.id);
    expect(dated(newest)).toEqual(dated(asc).reverse());
  });

  it("Notion `sort: {timestamp, direction}` and Confluence's `-created-date` name their dates", async () => {
    const pages = (sort: Rec) => exec("notion", "pages", "list", { page_size: 100, sort }).then(records);
    const edited = await pages({ timestamp: "last_edited_time", direction: "ascending" });
    expect(edited.length).toBe(RECORDS);
    expectOrdered(
      edited.map((r) => r.last_edited_time),
      false,
      byTime,
    );
    const created = await pages({ timestamp: "created_time", direction: "descending" });
    expectOrdered(
      created.map((r) => r.created_time),
      true,
      byTime,
    );
    const wiki = (sort: string) => exec("confluence", "pages", "list", { limit: 100, sort }).then(records);
    const newest = await wiki("-created-date");
    expect(newest.length).toBeGreaterThan(1);
    expectOrdered(
      newest.map((r) => r.createdAt),
      true,
      byTime,
    );
    expectOrdered(
      (await wiki("title")).map((r) => r.title),
      false,
      byText,
    );
  });

  it("paging a sorted list answers every record once, in the sorted order, for any page size", async () => {
    const whole = await gitlab({ order_by: "updated_at", sort: "desc" });
    for (const size of [7, 20]) {
      const paged: Rec[] = [];
      for (let page = 1; page <= Math.ceil(RECORDS / size) + 1; page++)
        paged.push(...(await gitlab({ order_by: "updated_at", sort: "desc", per_page: size, page })));
      expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    }
  });

  it("a sorted and filtered list keeps both: Zendesk tickets by subject, ascending and descending", async () => {
    const tickets = (params: Rec) => exec("zendesk-support", "tickets", "list", { per_page: 100, ...params }).then(records);
    const asc = await tickets({ sort_by: "subject", sort_order: "asc" });
    const desc = await tickets({ sort_by: "subject", sort_order: "desc" });
    expect(asc.length).toBe(RECORDS);
    expectOrdered(
      asc.map((r) => r.subject),
      false,
      byText,
    );
    expectOrdered(
      desc.map((r) => r.subject),
      true,
      byText,
    );
    expect(asc.map((r) => r.subject)).not.toEqual(desc.map((r) => r.subject));
  });

  it("a write changes the order: the cached order is forgotten on update", async () => {
    const tickets = (params: Rec) => exec("zendesk-support", "tickets", "list", { per_page: 100, ...params }).then(records);
    const before = await tickets({ sort_by: "subject", sort_order: "asc" });
    const last = before[before.length - 1] as Rec;
    await exec("zendesk-support", "tickets", "update", { ticket_id: last.id, ticket: { subject: "AAAA sorts first" } });
    const after = await tickets({ sort_by: "subject", sort_order: "asc" });
    expect(after[0]?.id).toBe(last.id);
    expect(after[0]?.subject).toBe("AAAA sorts first");
  });

  it("HubSpot search `sorts`: `{propertyName, direction}` by a date and by text", async () => {
    const search = (body: Rec) => exec("hubspot", "contacts", "api_search", { limit: 100, ...body }).then(records);
    const desc = await search({ sorts: [{ propertyName: "lastmodifieddate", direction: "DESCENDING" }] });
    expect(desc.length).toBe(RECORDS);
    expectOrdered(
      desc.map((r) => r.properties.lastmodifieddate),
      true,
      byTime,
    );
    const asc = await search({ sorts: [{ propertyName: "lastmodifieddate", direction: "ASCENDING" }] });
    expectOrdered(
      asc.map((r) => r.properties.lastmodifieddate),
      false,
      byTime,
    );
    expect(asc.map((r) => r.id)).not.toEqual(desc.map((r) => r.id));
    const byName = await search({ sorts: [{ propertyName: "lastname", direction: "DESCENDING" }] });
    expectOrdered(
      byName.map((r) => r.properties.lastname),
      true,
      byText,
    );
  });
});

describe("query languages' own order", () => {
  it("SOQL `ORDER BY Name DESC` sorts, with the WHERE and LIMIT still applied", async () => {
    const soql = (q: string) => exec("salesforce", "accounts", "list", { q }).then(records);
    const desc = await soql("SELECT Id, Name FROM Account ORDER BY Name DESC");
    expect(desc.length).toBeGreaterThan(1);
    expectOrdered(
      desc.map((r) => r.Name),
      true,
      byText,
    );
    const asc = await soql("SELECT Id, Name FROM Account ORDER BY Name ASC NULLS LAST LIMIT 5");
    expect(asc.length).toBe(5);
    expectOrdered(
      asc.map((r) => r.Name),
      false,
      byText,
    );
    const name = desc[0]?.Name as string;
    const where = await soql(`SELECT Id, Name FROM Account WHERE Name != '${name}' ORDER BY Name DESC`);
    expect(where.every((r) => r.Name !== name)).toBe(true);
    expectOrdered(
      where.map((r) => r.Name),
      true,
      byText,
    );
  });

  it("GitHub search `sort:created-asc` / `sort:created-desc` order the issues by created_at", async () => {
    const search = (query: string) => exec("github", "issues", "api_search", { query, per_page: 100 }).then(records);
    const asc = await search("repo:o/r sort:created-asc");
    const desc = await search("repo:o/r is:open sort:created-desc");
    expect(asc.length).toBe(RECORDS);
    expectOrdered(
      asc.map((r) => r.created_at),
      false,
      byTime,
    );
    expect(desc.every((r) => r.state === "open")).toBe(true);
    expectOrdered(
      desc.map((r) => r.created_at),
      true,
      byTime,
    );
  });

  it("JQL `ORDER BY created ASC` alone sorts every issue", async () => {
    const asc = records(await exec("jira", "issues", "api_search", { jql: "ORDER BY created ASC", maxResults: 100 }));
    expect(asc.length).toBe(RECORDS);
    expectOrdered(
      asc.map((r) => r.fields.created),
      false,
      byTime,
    );
  });
});

describe("the contract's search sort", () => {
  it("`query.sort` in both forms orders a context store search, and its cursor pages every record once", async () => {
    const search = (params: Rec) => exec("stripe", "customers", "search", params);
    const asc = (await search({ query: { sort: [{ created: "asc" }] }, limit: 100 })).body.result.data as Rec[];
    expect(asc.length).toBe(RECORDS);
    expectOrdered(
      asc.map((r) => r.created),
      false,
      byNumber,
    );
    const desc = (await search({ query: { sort: [{ field: "created", order: "desc" }] }, limit: 100 })).body.result.data as Rec[];
    expectOrdered(
      desc.map((r) => r.created),
      true,
      byNumber,
    );
    expect(asc.map((r) => r.id)).not.toEqual(desc.map((r) => r.id));
    const paged: Rec[] = [];
    let cursor: string | null | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await search({ query: { sort: [{ created: "asc" }] }, limit: 9, ...(cursor ? { cursor } : {}) });
      paged.push(...(res.body.result.data as Rec[]));
      cursor = res.body.result.meta.cursor;
      if (!cursor) break;
    }
    expect(paged.map((r) => r.id)).toEqual(asc.map((r) => r.id));
  });
});

describe("projections", () => {
  it("GitHub `fields` answers only the fields asked, plus the key", async () => {
    const page = records(await exec("github", "issues", "list", { owner: "o", repo: "r", per_page: 10, fields: ["title", "state"] }));
    expect(page.length).toBe(10);
    for (const r of page) expect(Object.keys(r).sort()).toEqual(["number", "state", "title"]);
    const whole = records(await exec("github", "issues", "list", { owner: "o", repo: "r", per_page: 10 }));
    expect(Object.keys(whole[0] as Rec).length).toBeGreaterThan(3);
    expect(page.map((r) => r.title)).toEqual(whole.map((r) => r.title));
  });

  it("HubSpot `properties` narrows each record's properties and keeps its own fields; Jira `fields` likewise", async () => {
    const contacts = records(await exec("hubspot", "contacts", "list", { limit: 5, properties: "email,firstname" }));
    const whole = records(await exec("hubspot", "contacts", "list", { limit: 5 }));
    for (const r of contacts) {
      expect(Object.keys(r.properties).sort()).toEqual(["email", "firstname"]);
      expect(r.id).toBeDefined();
    }
    expect(Object.keys(whole[0]?.properties ?? {}).length).toBeGreaterThan(2);
    expect(Object.keys(contacts[0] as Rec).sort()).toEqual(Object.keys(whole[0] as Rec).sort());
    const issues = records(await exec("jira", "issues", "api_search", { maxResults: 5, fields: "summary,status" }));
    for (const r of issues) expect(Object.keys(r.fields).sort()).toEqual(["status", "summary"]);
    // A wildcard leaves the record whole.
    const all = records(await exec("jira", "issues", "api_search", { maxResults: 5, fields: "*all" }));
    expect(Object.keys(all[0]?.fields ?? {}).length).toBeGreaterThan(2);
  });

  it("Google Drive `fields=nextPageToken,files(id,name)` answers files with only id and name", async () => {
    const files = records(await exec("google-drive", "files", "list", { pageSize: 5, fields: "nextPageToken, files(id, name)" }));
    expect(files.length).toBe(5);
    for (const f of files) expect(Object.keys(f).sort()).toEqual(["id", "name"]);
  });
});

describe("a sort over more records than one window", () => {
  const BIG = SORT_WINDOW + 1500;
  const big = useEmulator({ recordsPerEntity: 10, recordCounts: { "gitlab.issues": BIG } });

  it("is sorted window by window, says so in a warning, and pages without repeats across the boundary", async () => {
    tokens.set(big, await big.appToken());
    const list = (params: Rec) =>
      execOn(big, "gitlab", "issues", "list", { project_id: "1", order_by: "created_at", sort: "asc", ...params });
    const first = await list({ per_page: 100 });
    expect(first.body.warning?.code).toBe("sort_windowed");
    const firstPage = records(first);
    expectOrdered(
      firstPage.map((r) => r.created_at),
      false,
      byTime,
    );
    // The pages either side of the window boundary: each sorted, none shared.
    const lastOfWindow = SORT_WINDOW / 100;
    const before = records(await list({ per_page: 100, page: lastOfWindow }));
    const after = records(await list({ per_page: 100, page: lastOfWindow + 1 }));
    expectOrdered(
      before.map((r) => r.created_at),
      false,
      byTime,
    );
    expectOrdered(
      after.map((r) => r.created_at),
      false,
      byTime,
    );
    const ids = new Set([...firstPage, ...before, ...after].map((r) => r.id));
    expect(ids.size).toBe(300);
  });
});
