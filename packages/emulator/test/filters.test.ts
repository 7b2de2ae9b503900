import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import type { CatalogAction } from "../src/catalog/types.js";
import { filterKind } from "../src/records/list-filter.js";
import { isSortParam } from "../src/records/list-sort.js";
import { isProjectionParam } from "../src/records/projection-params.js";
import { catalogConnectors } from "./helpers/catalog-connectors.js";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";

// List and search filters over real HTTP: filter params by field name, ranges, and the query languages of `q`,
// `query`, `jql` and HubSpot's `filterGroups`. Each filter must narrow the page to records that match, and paging a
// filtered list must end without repeating a record.

// Under 100, so one page of 100 holds every record to compare a filtered answer with.
const RECORDS = 80;
const h = useEmulator({ recordsPerEntity: RECORDS });

type Rec = Record<string, any>;
let token: string;
const connectorOf = catalogConnectors("filters");
const connector = (name: string) => connectorOf(h, token, name);

beforeAll(async () => {
  token = await h.appToken();
});

async function exec(name: string, entity: string, action: string, params: Rec = {}): Promise<ApiResponse> {
  const res = await h.api("POST", `/api/v1/integrations/connectors/${await connector(name)}/execute`, {
    token,
    body: { entity, action, params },
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res;
}

const records = (res: ApiResponse): Rec[] => {
  const result = res.body.result;
  return Array.isArray(result) ? result : (result?.searchRecords ?? result?.data ?? []);
};

/** Every record a list answers, following `next(meta, page)` to the end; fails on a repeated record or cursor. */
async function listAll(
  name: string,
  entity: string,
  action: string,
  params: Rec,
  cursorParam: string,
  next: (meta: Rec, page: Rec[]) => unknown,
): Promise<Rec[]> {
  const all: Rec[] = [];
  const cursors = new Set<string>();
  let cursor: unknown;
  for (let pages = 0; pages < 200; pages++) {
    const res = await exec(name, entity, action, cursor === undefined ? params : { ...params, [cursorParam]: cursor });
    const page = records(res);
    all.push(...page);
    cursor = next(res.body.connector_metadata ?? {}, page);
    if (cursor === undefined || cursor === null) {
      const ids = all.map((r) => r.id ?? r.Id);
      expect(new Set(ids).size, "no record is answered twice").toBe(ids.length);
      return all;
    }
    expect(cursors.has(String(cursor)), "a cursor never repeats").toBe(false);
    cursors.add(String(cursor));
  }
  throw new Error("paging did not end");
}

const stripeNext = (meta: Rec, page: Rec[]) => (meta.has_more ? page[page.length - 1]?.id : undefined);

describe("equality filters by field name", () => {
  it("Stripe customers list with `email` answers exactly the customer created with it", async () => {
    const email = `filter-${Date.now()}@example.com`;
    const created = (await exec("stripe", "customers", "create", { email, name: "Filter Probe" })).body.result as Rec;
    const found = records(await exec("stripe", "customers", "list", { email, limit: 100 }));
    expect(found.map((r) => r.id)).toEqual([created.id]);
    // Case-insensitive, as Stripe's email filter.
    expect(records(await exec("stripe", "customers", "list", { email: email.toUpperCase() })).map((r) => r.id)).toEqual([created.id]);
    expect(records(await exec("stripe", "customers", "list", { email: "nobody@nowhere.invalid" }))).toEqual([]);
  });

  it("a filtered Stripe list pages to the end, every record matching, none repeated, none missed", async () => {
    const everything = await listAll("stripe", "invoices", "list", { limit: 100 }, "starting_after", stripeNext);
    expect(everything.length).toBe(RECORDS);
    const status = everything[0]?.status as string;
    const expected = everything.filter((r) => r.status === status).map((r) => r.id);
    expect(expected.length).toBeLessThan(RECORDS);
    const filtered = await listAll("stripe", "invoices", "list", { status, limit: 7 }, "starting_after", stripeNext);
    expect(filtered.every((r) => r.status === status)).toBe(true);
    expect(filtered.map((r) => r.id)).toEqual(expected);
  });

  it("an enum filter is applied, not painted: the records answered really have the status (a get agrees)", async () => {
    const page = records(await exec("woocommerce", "orders", "list", { status: "completed", per_page: 100 }));
    const all = records(await exec("woocommerce", "orders", "list", { per_page: 100 }));
    expect(page.length).toBe(all.filter((r) => r.status === "completed").length);
    expect(page.length).toBeLessThan(all.length);
    for (const r of page.slice(0, 3)) {
      const got = (await exec("woocommerce", "orders", "get", { id: r.id })).body.result as Rec;
      expect(got.status).toBe("completed");
    }
  });

  it("page-number paging of a filtered list ends, never repeating a record", async () => {
    const all = records(await exec("woocommerce", "orders", "list", { per_page: 100 }));
    const more = records(await exec("woocommerce", "orders", "list", { per_page: 100, page: 2 }));
    const status = all[0]?.status as string;
    const expected = [...all, ...more].filter((r) => r.status === status).map((r) => r.id);
    const seen: unknown[] = [];
    for (let page = 1; page <= 50; page++) {
      const res = await exec("woocommerce", "orders", "list", { status, per_page: 10, page });
      const rows = records(res);
      seen.push(...rows.map((r) => r.id));
      expect(rows.every((r) => r.status === status)).toBe(true);
      if (page * 10 >= RECORDS) break;
    }
    expect(seen).toEqual(expected);
  });

  it("a plural array param filters by the singular field (GitHub `states`), any of its values", async () => {
    const open = records(await exec("github", "issues", "list", { owner: "o", repo: "r", states: ["OPEN"], per_page: 100 }));
    const all = records(await exec("github", "issues", "list", { owner: "o", repo: "r", per_page: 100 }));
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(all.length);
    expect(open.every((r) => String(r.state).toLowerCase() === "open")).toBe(true);
    const both = records(await exec("github", "issues", "list", { owner: "o", repo: "r", states: ["OPEN", "CLOSED"], per_page: 100 }));
    expect(both.length).toBe(all.filter((r) => ["open", "closed"].includes(String(r.state).toLowerCase())).length);
  });

  it("a param the record has no field for is accepted and ignored", async () => {
    const all = records(await exec("stripe", "subscriptions", "list", { limit: 100 }));
    const same = records(await exec("stripe", "subscriptions", "list", { limit: 100, price: "price_nowhere" }));
    expect(same.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });
});

describe("ranges", () => {
  it("Stripe `created: {gte, lt}` keeps the records created in that window", async () => {
    const all = records(await exec("stripe", "charges", "list", { limit: 100 }));
    const times = all.map((r) => r.created as number).sort((a, b) => a - b);
    const low = times[20] as number;
    const high = times[60] as number;
    const window = records(await exec("stripe", "charges", "list", { limit: 100, created: { gte: low, lt: high } }));
    expect(window.length).toBe(all.filter((r) => r.created >= low && r.created < high).length);
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((r) => r.created >= low && r.created < high)).toBe(true);
  });

  it("`created_after`/`updated_before` (GitLab) and a bare `after` (WooCommerce) bound the record's dates", async () => {
    const all = records(await exec("gitlab", "issues", "list", { project_id: "1", per_page: 100 }));
    const dates = all.map((r) => r.created_at as string).sort();
    const middle = dates[Math.floor(dates.length / 2)] as string;
    const after = records(await exec("gitlab", "issues", "list", { project_id: "1", per_page: 100, created_after: middle }));
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(all.length);
    expect(after.every((r) => Date.parse(r.created_at) > Date.parse(middle))).toBe(true);
    const orders = records(await exec("woocommerce", "orders", "list", { per_page: 100 }));
    const created = orders.map((r) => r.date_created as string).sort();
    const pivot = created[Math.floor(created.length / 2)] as string;
    const later = records(await exec("woocommerce", "orders", "list", { per_page: 100, after: pivot }));
    expect(later.length).toBe(orders.filter((r) => Date.parse(r.date_created) > Date.parse(pivot)).length);
    expect(later.length).toBeLessThan(orders.length);
  });
});

describe("query languages", () => {
  const issues = (query: string) => exec("github", "issues", "api_search", { query, per_page: 100 }).then(records);

  it("GitHub search qualifiers: is:open/is:closed, state:, label:, author:, free words; repo: is scope and ignored", async () => {
    const all = await issues("repo:airbytehq/airbyte");
    expect(all.length).toBe(RECORDS);
    const open = await issues("repo:airbytehq/airbyte is:open is:issue");
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(all.length);
    expect(open.every((r) => r.state === "open")).toBe(true);
    const closed = await issues("state:closed");
    expect(closed.every((r) => r.state === "closed")).toBe(true);
    expect(closed.length).toBeGreaterThan(0);
    const withLabel = all.find((r) => r.labels?.length > 0);
    if (withLabel) {
      const name = withLabel.labels[0].name as string;
      const labelled = await issues(`label:"${name}"`);
      expect(labelled.map((r) => r.id)).toContain(withLabel.id);
      expect(labelled.every((r) => r.labels.some((l: Rec) => l.name === name))).toBe(true);
    }
    const word = String(all[0]?.title).split(" ")[0] as string;
    const worded = await issues(`${word} is:open`);
    expect(worded.every((r) => JSON.stringify(r).toLowerCase().includes(word.toLowerCase()) && r.state === "open")).toBe(true);
    const negated = await issues("-is:open");
    expect(negated.every((r) => r.state !== "open")).toBe(true);
    // `is:locked` reads the boolean field of that name; an `is:` word that names nothing of the record is ignored.
    const locked = await issues("is:locked");
    expect(locked.length).toBe(all.filter((r) => r.locked === true).length);
    expect(locked.length).toBeLessThan(all.length);
    expect((await issues("is:sponsorable")).length).toBe(all.length);
    // NOT negates the next term; an OR of alternatives is not read (it would otherwise require both).
    expect((await issues("NOT is:open")).map((r) => r.id)).toEqual(negated.map((r) => r.id));
    expect((await issues("is:open OR is:closed")).length).toBe(all.length);
  });

  it('JQL: project = KEY AND status = "..." ORDER BY, !=, ~ and in (...)', async () => {
    const all = records(await exec("jira", "issues", "api_search", { maxResults: 100 }));
    const first = all[0] as Rec;
    const status = first.fields.status.name as string;
    const project = first.fields.project.key as string;
    const jql = (q: string) => exec("jira", "issues", "api_search", { jql: q, maxResults: 100 }).then(records);
    const byStatus = await jql(`status = "${status}" ORDER BY created DESC`);
    // ORDER BY is applied: newest first, ties in list order (Array.prototype.sort is stable).
    const newestFirst = all
      .filter((r) => r.fields.status?.name === status)
      .sort((a, b) => Date.parse(b.fields.created) - Date.parse(a.fields.created));
    expect(byStatus.map((r) => r.id)).toEqual(newestFirst.map((r) => r.id));
    expect(byStatus.length).toBeLessThan(all.length);
    const both = await jql(`project = ${project} AND status = "${status}"`);
    expect(both.map((r) => r.id)).toContain(first.id);
    expect(both.every((r) => r.fields.project.key === project && r.fields.status.name === status)).toBe(true);
    const not = await jql(`status != "${status}"`);
    expect(not.length).toBe(all.length - byStatus.length);
    const word = String(first.fields.summary).split(" ")[0] as string;
    const text = await jql(`summary ~ "${word}"`);
    expect(text.every((r) => String(r.fields.summary).toLowerCase().includes(word.toLowerCase()))).toBe(true);
    const other = all.find((r) => r.fields.status?.name && r.fields.status.name !== status)?.fields.status.name as string;
    const either = await jql(`status in ("${status}", "${other}")`);
    expect(either.length).toBe(all.filter((r) => [status, other].includes(r.fields.status?.name)).length);
    const reporter = all.find((r) => r.fields.reporter?.accountId)?.fields.reporter as Rec;
    const reported = await jql(`reporter = "${reporter.accountId}"`);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((r) => r.fields.reporter?.accountId === reporter.accountId)).toBe(true);
    // A clause the emulator cannot read (a function) is ignored, not a refusal of every record.
    expect((await jql(`assignee = currentUser() AND status = "${status}"`)).length).toBe(byStatus.length);
    // NOT of a clause is read; NOT of a query with an ignored clause is not (it would drop records that match).
    expect((await jql(`NOT status = "${status}"`)).length).toBe(all.length - byStatus.length);
    expect((await jql(`NOT (status = "${status}" AND assignee = currentUser())`)).length).toBe(all.length);
  });

  it("SOQL: SELECT projects, WHERE filters, LIMIT caps (Salesforce `q`)", async () => {
    const all = records(await exec("salesforce", "accounts", "list", { q: "SELECT Id, Name FROM Account" }));
    expect(all.length).toBeGreaterThan(1);
    const name = all[1]?.Name as string;
    const where = records(await exec("salesforce", "accounts", "list", { q: `SELECT Id, Name FROM Account WHERE Name = '${name}'` }));
    expect(where.length).toBeGreaterThan(0);
    expect(where.every((r) => r.Name === name)).toBe(true);
    expect(where.length).toBe(all.filter((r) => r.Name === name).length);
    const word = name.split(" ")[0] as string;
    const like = records(await exec("salesforce", "accounts", "list", { q: `SELECT Id FROM Account WHERE Name LIKE '${word}%' LIMIT 3` }));
    expect(like.length).toBeGreaterThan(0);
    expect(like.length).toBeLessThanOrEqual(3);
    for (const r of like) expect(Object.keys(r).sort()).toEqual(["Id", "attributes"]);
    // Runs of whitespace, newlines and a trailing semicolon read as single spaces.
    const spaced = `SELECT  Id,\n  Name\tFROM   Account\n  WHERE  Name = '${name}'\n LIMIT\t2 ;\n`;
    const loose = records(await exec("salesforce", "accounts", "list", { q: spaced }));
    expect(loose.map((r) => r.Id)).toEqual(where.slice(0, 2).map((r) => r.Id));
    // A keyword inside a quoted string is part of the value, not a clause: the WHERE is read, nothing matches.
    const quoted = `SELECT Id FROM Account WHERE Name = 'Acme LIMIT 1 ORDER BY Name'`;
    expect(records(await exec("salesforce", "accounts", "list", { q: quoted }))).toEqual([]);
  });

  it("HubSpot filterGroups: EQ, NEQ, CONTAINS_TOKEN, HAS_PROPERTY, GT/LT; OR across groups, AND within; `query` text", async () => {
    const search = (body: Rec) => exec("hubspot", "contacts", "api_search", { limit: 100, ...body }).then(records);
    const all = await search({});
    const [a, b] = all.filter((r) => r.properties.email) as [Rec, Rec];
    const eq = (email: string) => ({ filters: [{ propertyName: "email", operator: "EQ", value: email }] });
    const one = await search({ filterGroups: [eq(a.properties.email)] });
    expect(one.every((r) => r.properties.email === a.properties.email)).toBe(true);
    expect(one.map((r) => r.id)).toContain(a.id);
    const either = await search({ filterGroups: [eq(a.properties.email), eq(b.properties.email)] });
    expect(either.map((r) => r.id)).toEqual(
      all.filter((r) => [a.properties.email, b.properties.email].includes(r.properties.email)).map((r) => r.id),
    );
    const neq = await search({ filterGroups: [{ filters: [{ propertyName: "email", operator: "NEQ", value: a.properties.email }] }] });
    expect(neq.length).toBe(all.length - one.length);
    const has = await search({ filterGroups: [{ filters: [{ propertyName: "firstname", operator: "HAS_PROPERTY" }] }] });
    expect(has.length).toBe(all.filter((r) => r.properties.firstname).length);
    const lastname = a.properties.lastname as string;
    const token = await search({
      filterGroups: [
        {
          filters: [
            { propertyName: "email", operator: "CONTAINS_TOKEN", value: "example" },
            { propertyName: "lastname", operator: "EQ", value: lastname },
          ],
        },
      ],
    });
    expect(token.every((r) => r.properties.lastname === lastname && r.properties.email.includes("example"))).toBe(true);
    const dates = all
      .map((r) => r.properties.lastmodifieddate)
      .filter(Boolean)
      .sort();
    const pivot = dates[Math.floor(dates.length / 2)] as string;
    const ms = Date.parse(pivot);
    const later = await search({ filterGroups: [{ filters: [{ propertyName: "lastmodifieddate", operator: "GT", value: String(ms) }] }] });
    expect(later.length).toBe(all.filter((r) => r.properties.lastmodifieddate && Date.parse(r.properties.lastmodifieddate) > ms).length);
    const unknown = await search({ filterGroups: [{ filters: [{ propertyName: "no_such_property", operator: "EQ", value: "x" }] }] });
    expect(unknown.length).toBe(all.length);
    const text = await search({ query: lastname });
    expect(text.map((r) => r.id)).toContain(a.id);
    expect(text.every((r) => JSON.stringify(r).toLowerCase().includes(lastname.toLowerCase()))).toBe(true);
  });

  it("Google Drive `q`: name contains, mimeType =, and/or, 'x' in parents; Gmail `q`: free words, unknown qualifiers ignored", async () => {
    const files = (q?: string) => exec("google-drive", "files", "list", { pageSize: 100, ...(q ? { q } : {}) }).then(records);
    const all = await files();
    const mime = all[0]?.mimeType as string;
    const byMime = await files(`mimeType = '${mime}' and trashed = false`);
    expect(byMime.length).toBe(all.filter((r) => r.mimeType === mime && r.trashed === false).length);
    expect(byMime.length).toBeLessThan(all.length);
    const named = all.find((r) => r.name) as Rec;
    const part = String(named.name).slice(0, 4);
    const contains = await files(`name contains '${part}'`);
    expect(contains.map((r) => r.id)).toContain(named.id);
    expect(contains.every((r) => String(r.name).toLowerCase().includes(part.toLowerCase()))).toBe(true);
    const parent = named.parents?.[0] as string | undefined;
    if (parent) expect((await files(`'${parent}' in parents`)).every((r) => r.parents.includes(parent))).toBe(true);

    const threads = (q?: string) => exec("gmail", "threads", "list", { maxResults: 100, ...(q ? { q } : {}) }).then(records);
    const everything = await threads();
    // Gmail's list records carry no sender or subject: `from:`/`subject:` name no field and are ignored.
    expect((await threads("from:ada@example.com subject:invoice")).length).toBe(everything.length);
    const word = String(everything[0]?.snippet).split(" ")[1] as string;
    const worded = await threads(`${word} from:ada@example.com`);
    expect(worded.length).toBe(everything.filter((r) => JSON.stringify(r).toLowerCase().includes(word.toLowerCase())).length);
    expect(worded.length).toBeLessThan(everything.length);
  });

  it("Google Ads GAQL: WHERE over nested fields, SELECT projects; Sentry `is:unresolved` reads the status", async () => {
    const gaql = (query?: string) =>
      exec("google-ads", "campaigns", "list", { customer_id: "1234567890", pageSize: 100, ...(query ? { query } : {}) }).then(records);
    const all = await gaql();
    const status = all[0]?.campaign.status as string;
    const enabled = await gaql(`SELECT campaign.id, campaign.status FROM campaign WHERE campaign.status = '${status}'`);
    expect(enabled.length).toBe(all.filter((r) => r.campaign.status === status).length);
    expect(enabled.length).toBeLessThan(all.length);
    for (const r of enabled) expect(Object.keys(r.campaign).sort()).toEqual(["id", "status"]);
    const sentry = (query?: string) =>
      exec("sentry", "issues", "list", { organization_slug: "o", project_slug: "p", ...(query ? { query } : {}) }).then(records);
    const issues = await sentry();
    const state = issues.find((r) => r.status)?.status as string;
    const unresolved = await sentry(`is:${state}`);
    // Sentry pages 20 at a time: the first filtered page starts with the matching records of the first plain page.
    const matching = issues.filter((r) => r.status === state).map((r) => r.id);
    expect(matching.length).toBeLessThan(issues.length);
    expect(unresolved.every((r) => r.status === state)).toBe(true);
    expect(unresolved.map((r) => r.id).slice(0, matching.length)).toEqual(matching);
  });

  it("a required `q` that names a finder (LinkedIn `q=search`) does not filter, and the Stripe query language still does", async () => {
    const listed = records(await exec("stripe", "customers", "list", { limit: 100 }));
    const named = listed.find((r) => r.email) as Rec;
    const found = records(await exec("stripe", "customers", "api_search", { query: `email:'${named.email}'` }));
    expect(found.every((r) => r.email === named.email)).toBe(true);
    expect(found.map((r) => r.id)).toContain(named.id);
    const finder = records(await exec("linkedin-ads", "accounts", "list", { q: "search", pageSize: 100 }));
    expect(finder.length).toBe(RECORDS);
  });
});

describe("coverage", () => {
  it("counts the list and search params the emulator applies, by kind", () => {
    const kinds: Record<string, number> = { field: 0, range: 0, query: 0, sort: 0, projection: 0, ignored: 0 };
    const required = new Map<string, number>();
    let total = 0;
    let operations = 0;
    for (const c of catalog.connectors)
      for (const e of c.entities)
        for (const action of e.actions as CatalogAction[]) {
          if (action.action !== "list" && action.action !== "api_search") continue;
          operations++;
          for (const p of action.params) {
            if (p.required && filterKind(action, p) === "query") required.set(c.name, (required.get(c.name) ?? 0) + 1);
            if (p.required || p.in === "path" || p.in === "header") continue;
            if (p.name === action.cursorParam || p.name === action.limitParam || p.name === action.keyParam) continue;
            total++;
            const kind =
              filterKind(action, p) ?? (isSortParam(action, p) ? "sort" : isProjectionParam(action, p) ? "projection" : "ignored");
            kinds[kind] = (kinds[kind] ?? 0) + 1;
          }
        }
    console.log(`filter params of ${operations} list/search operations: ${total} optional; applied`, kinds);
    console.log("required query params read as a query language, by connector", Object.fromEntries(required));
    expect(kinds.field).toBeGreaterThan(100);
    expect(kinds.range).toBeGreaterThan(50);
    expect(kinds.query).toBeGreaterThan(40);
    expect(kinds.sort).toBeGreaterThan(80);
    expect(kinds.projection).toBeGreaterThan(40);
  });
});
