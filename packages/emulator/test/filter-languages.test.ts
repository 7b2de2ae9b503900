import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import type { CatalogAction, RecordSchema } from "../src/catalog/types.js";
import { airtableFormulaTest } from "../src/records/airtable-formula.js";
import { customFieldsTest } from "../src/records/clickup-custom-fields.js";
import { isFilterLanguageParam } from "../src/records/filter-languages.js";
import { filterKind } from "../src/records/list-filter.js";
import { notionFilterTruth } from "../src/records/notion-filter.js";
import { catalogConnectors } from "./helpers/catalog-connectors.js";
import { useEmulator } from "./helpers/emulator.js";

// Vendor filter languages over real HTTP: Notion's `filter` object, Airtable's `filterByFormula` and Klaviyo's
// JSON:API `filter`. Each filter must answer only records that match, keep a known match, and ignore (never
// refuse every record for) a part naming no field of the record or an operator the emulator does not read.

const RECORDS = 80;
const h = useEmulator({ recordsPerEntity: RECORDS });

type Rec = Record<string, any>;
let token: string;
const connectionOf = catalogConnectors("filter languages");
const connection = (name: string) => connectionOf(h, token, name);

beforeAll(async () => {
  token = await h.appToken();
});

/** Every record a list answers, following its cursor to the end. */
async function listAll(name: string, entity: string, params: Rec, cursorParam: string, cursorMeta: string): Promise<Rec[]> {
  const all: Rec[] = [];
  let cursor: unknown;
  for (let page = 0; page < 100; page++) {
    const res = await h.api("POST", `/api/v1/integrations/connectors/${await connection(name)}/execute`, {
      token,
      body: { entity, action: "list", params: { ...params, ...(cursor ? { [cursorParam]: cursor } : {}) } },
    });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    all.push(...(res.body.result as Rec[]));
    cursor = res.body.connector_metadata?.[cursorMeta];
    if (cursor === undefined || cursor === null || cursor === "") {
      expect(new Set(all.map((r) => r.id)).size, "no record is answered twice").toBe(all.length);
      return all;
    }
  }
  throw new Error("paging did not end");
}

/** One page of a list or search, without following a cursor (Gong's stats reports take none). */
async function onePage(name: string, entity: string, params: Rec, action = "list"): Promise<Rec[]> {
  const res = await h.api("POST", `/api/v1/integrations/connectors/${await connection(name)}/execute`, {
    token,
    body: { entity, action, params },
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res.body.result as Rec[];
}

const ids = (records: Rec[]) => records.map((r) => r.id);
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe("Notion filter (pages and data sources lists)", () => {
  const pages = (filter?: Rec) =>
    listAll("notion", "pages", { page_size: 100, ...(filter ? { filter } : {}) }, "start_cursor", "next_cursor");

  it("a property filter on a field of the record: checkbox equals, the search form {property, value}", async () => {
    const all = await pages();
    expect(all.length).toBe(RECORDS);
    const notTrashed = await pages({ property: "in_trash", checkbox: { equals: false } });
    expect(notTrashed.length).toBeGreaterThan(0);
    expect(notTrashed.length).toBeLessThan(RECORDS);
    expect(notTrashed.every((r) => r.in_trash === false)).toBe(true);
    expect(ids(notTrashed)).toEqual(ids(all.filter((r) => r.in_trash === false)));

    const object = all.find((r) => typeof r.object === "string")?.object as string;
    const same = await pages({ property: "object", value: object });
    expect(same.every((r) => String(r.object).toLowerCase() === object.toLowerCase())).toBe(true);
    expect(ids(same)).toEqual(ids(all.filter((r) => r.object === object)));
  });

  it("timestamp filters, and/or compounds, url contains and is_empty", async () => {
    const all = await pages();
    const dated = all.filter((r) => typeof r.created_time === "string").sort((a, b) => seconds(a.created_time) - seconds(b.created_time));
    const middle = dated[Math.floor(dated.length / 2)]?.created_time as string;
    const after = await pages({ timestamp: "created_time", created_time: { after: middle } });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => seconds(r.created_time) > seconds(middle))).toBe(true);
    expect(ids(after)).toContain(dated[dated.length - 1]?.id);
    const onOrBefore = await pages({ timestamp: "created_time", created_time: { on_or_before: middle } });
    expect(onOrBefore.every((r) => seconds(r.created_time) <= seconds(middle))).toBe(true);
    expect(ids(onOrBefore)).toContain(dated[0]?.id);

    const both = await pages({
      and: [
        { property: "in_trash", checkbox: { equals: false } },
        { timestamp: "created_time", created_time: { after: middle } },
      ],
    });
    expect(ids(both)).toEqual(ids(after.filter((r) => r.in_trash === false)));
    const either = await pages({
      or: [
        { property: "in_trash", checkbox: { equals: false } },
        { timestamp: "created_time", created_time: { after: middle } },
      ],
    });
    expect(ids(either)).toEqual(ids(all.filter((r) => r.in_trash === false || ids(after).includes(r.id))));

    const url = all.find((r) => typeof r.url === "string")?.url as string;
    const byUrl = await pages({ property: "url", url: { equals: url } });
    expect(ids(byUrl)).toEqual(ids(all.filter((r) => r.url === url)));
    const noParent = await pages({ property: "parent", rich_text: { is_empty: true } });
    expect(noParent.every((r) => r.parent === null)).toBe(true);
    expect(noParent.length).toBe(all.filter((r) => r.parent === null).length);
  });

  it("a data source's title is read as its plain text (title contains)", async () => {
    const all = await listAll("notion", "data_sources", { page_size: 100 }, "start_cursor", "next_cursor");
    // Notion's plain text, else the text content it is made of.
    const text = (r: Rec) => (r.title ?? []).map((t: Rec) => t.plain_text ?? t.text?.content ?? "").join("");
    const word = "pricing";
    const found = await listAll(
      "notion",
      "data_sources",
      { page_size: 100, filter: { property: "title", title: { contains: word } } },
      "start_cursor",
      "next_cursor",
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all.length);
    expect(found.every((r) => text(r).toLowerCase().includes(word))).toBe(true);
    expect(ids(found)).toEqual(ids(all.filter((r) => text(r).toLowerCase().includes(word))));
  });

  it("a property the page does not have, or an unknown operator, is ignored; known parts beside it still narrow", async () => {
    const all = await pages();
    expect((await pages({ property: "Stage", select: { equals: "Done" } })).length).toBe(RECORDS);
    expect((await pages({ property: "in_trash", checkbox: { past_week: {} } })).length).toBe(RECORDS);
    const known = { property: "in_trash", checkbox: { equals: false } };
    const unknown = { property: "Stage", status: { equals: "Done" } };
    const expected = ids(all.filter((r) => r.in_trash === false));
    expect(ids(await pages({ and: [known, unknown] }))).toEqual(expected);
    // OR with an unknown branch could hold for any record: nothing is dropped.
    expect((await pages({ or: [known, unknown] })).length).toBe(RECORDS);
  });

  it("typed page properties (the generated pages carry none, so read directly): title, select, multi_select, number, date, checkbox", () => {
    const schema = catalog.connectors.find((c) => c.name === "notion")?.entities.find((e) => e.name === "pages")?.record as RecordSchema;
    const page = {
      id: "p1",
      properties: {
        Name: {
          id: "title",
          type: "title",
          title: [{ type: "text", text: { content: "Acme " }, plain_text: "Acme " }, { plain_text: "launch" }],
        },
        Status: { type: "status", status: { name: "In progress" } },
        Tags: { type: "multi_select", multi_select: [{ name: "beta" }, { name: "urgent" }] },
        Points: { type: "number", number: 5 },
        Due: { type: "date", date: { start: "2024-05-10", end: null } },
        Done: { type: "checkbox", checkbox: true },
        Score: { type: "formula", formula: { type: "number", number: 12 } },
      },
    };
    const truth = (filter: Rec) => notionFilterTruth(filter, page, schema);
    expect(truth({ property: "Name", title: { contains: "acme launch" } })).toBe(true);
    expect(truth({ property: "Name", title: { starts_with: "Beta" } })).toBe(false);
    expect(truth({ property: "Status", status: { equals: "In progress" } })).toBe(true);
    expect(truth({ property: "Status", status: { does_not_equal: "In progress" } })).toBe(false);
    expect(truth({ property: "Tags", multi_select: { contains: "urgent" } })).toBe(true);
    expect(truth({ property: "Tags", multi_select: { does_not_contain: "beta" } })).toBe(false);
    expect(truth({ property: "Points", number: { greater_than: 4 } })).toBe(true);
    expect(truth({ property: "Points", number: { less_than_or_equal_to: 4 } })).toBe(false);
    expect(truth({ property: "Due", date: { on_or_after: "2024-05-10" } })).toBe(true);
    expect(truth({ property: "Due", date: { equals: "2024-05-10" } })).toBe(true);
    expect(truth({ property: "Due", date: { after: "2024-05-10" } })).toBe(false);
    expect(truth({ property: "Due", date: { before: "2024-06-01T00:00:00Z" } })).toBe(true);
    expect(truth({ property: "Done", checkbox: { equals: true } })).toBe(true);
    expect(truth({ property: "Score", formula: { number: { equals: 12 } } })).toBe(true);
    expect(truth({ property: "Missing", rich_text: { contains: "x" } })).toBeUndefined();
    expect(truth({ property: "Due", date: { next_week: {} } })).toBeUndefined();
    expect(
      truth({
        and: [
          { property: "Done", checkbox: { equals: false } },
          { property: "Missing", number: { equals: 1 } },
        ],
      }),
    ).toBe(false);
  });
});

describe("Airtable filterByFormula", () => {
  const records = (filterByFormula?: string) =>
    listAll(
      "airtable",
      "records",
      { base_id: "app1", table_id_or_name: "Table 1", pageSize: 100, ...(filterByFormula ? { filterByFormula } : {}) },
      "offset",
      "offset",
    );

  it("RECORD_ID(), CREATED_TIME(), AND/OR/NOT, FIND and IS_AFTER", async () => {
    const all = await records();
    expect(all.length).toBe(RECORDS);
    const [first, second, third] = all as [Rec, Rec, Rec];
    expect(ids(await records(`RECORD_ID() = '${third.id}'`))).toEqual([third.id]);
    expect(ids(await records(`OR(RECORD_ID() = '${first.id}', RECORD_ID() = "${second.id}")`))).toEqual([first.id, second.id]);
    expect(ids(await records(`NOT(RECORD_ID() = '${first.id}')`))).toEqual(ids(all.slice(1)));
    const found = await records(`FIND('${first.id}', RECORD_ID())`);
    expect(ids(found)).toEqual(ids(all.filter((r) => String(r.id).includes(first.id))));

    const dated = all.filter((r) => typeof r.createdTime === "string").sort((a, b) => seconds(a.createdTime) - seconds(b.createdTime));
    const middle = dated[Math.floor(dated.length / 2)]?.createdTime as string;
    const after = await records(`IS_AFTER(CREATED_TIME(), '${middle}')`);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => seconds(r.createdTime) > seconds(middle))).toBe(true);
    expect(ids(after)).toContain(dated[dated.length - 1]?.id);
    const both = await records(`AND(IS_AFTER(CREATED_TIME(), '${middle}'), FIND('1', RECORD_ID()) > 0)`);
    expect(ids(both)).toEqual(ids(after.filter((r) => String(r.id).includes("1"))));
  });

  it("a field the records do not hold, an unknown function, or text that is no formula is ignored", async () => {
    const all = await records();
    const third = all[2] as Rec;
    expect((await records("{Stage} = 'Done'")).length).toBe(RECORDS);
    expect((await records("NOT({Stage} = 'Done')")).length).toBe(RECORDS);
    expect((await records("SOMEDAY_FUNCTION(1)")).length).toBe(RECORDS);
    expect((await records(")))")).length).toBe(RECORDS);
    expect(ids(await records(`AND({Stage} = 'Done', RECORD_ID() = '${third.id}')`))).toEqual([third.id]);
    expect((await records(`OR({Stage} = 'Done', RECORD_ID() = '${third.id}')`)).length).toBe(RECORDS);
  });

  it("fields are read from the record's `fields` (the generated records carry none, so read directly)", () => {
    const record = {
      id: "rec1",
      createdTime: "2024-01-02T00:00:00Z",
      fields: { Name: "Acme Launch", Count: 3, Tags: ["a", "b"], Owner: { id: "usr1", name: "Ada" } },
    };
    const holds = (formula: string) => airtableFormulaTest(formula)?.(record);
    expect(holds("{Name} = 'Acme Launch'")).toBe(true);
    expect(holds("{Name} = 'acme launch'")).toBe(false);
    expect(holds("FIND('launch', LOWER({Name}))")).toBe(true);
    expect(holds("AND({Count} > 2, {Count} <= 3)")).toBe(true);
    expect(holds("{Count} < 3")).toBe(false);
    expect(holds("{Owner} = 'Ada'")).toBe(true);
    expect(holds("FIND('b', ARRAYJOIN({Tags}))")).toBe(true);
    expect(holds("{Name} != BLANK()")).toBe(true);
    expect(holds("NOT({Name})")).toBe(false);
    expect(holds("IF({Count} > 5, TRUE(), FALSE())")).toBe(false);
    expect(holds("{Name} & '!' = 'Acme Launch!'")).toBe(true);
  });
});

describe("Klaviyo filter (JSON:API)", () => {
  const metrics = (filter?: string) => listAll("klaviyo", "metrics", filter ? { filter } : {}, "page[cursor]", "next");
  const campaigns = (filter: string) => listAll("klaviyo", "campaigns", { filter }, "page[cursor]", "next");
  const name = (r: Rec) => r.attributes?.name as string | undefined;

  it("equals, contains, any, greater-than over attributes, and/or/not, comma-joined filters", async () => {
    const all = await metrics();
    expect(all.length).toBe(RECORDS);
    const known = all.find((r) => name(r)) as Rec;
    const same = await metrics(`equals(name,"${name(known)}")`);
    expect(same.every((r) => name(r)?.toLowerCase() === name(known)?.toLowerCase())).toBe(true);
    expect(ids(same)).toContain(known.id);

    const word = (name(known) as string).split(" ")[0] as string;
    const containing = await metrics(`contains(name,'${word}')`);
    expect(containing.every((r) => name(r)?.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect(ids(containing)).toContain(known.id);

    const types = ["default", "custom"];
    const anyType = await metrics(`any(type,["default","custom"])`);
    expect(anyType.length).toBeGreaterThan(0);
    expect(anyType.every((r) => types.includes(r.type))).toBe(true);
    expect(ids(anyType)).toEqual(ids(all.filter((r) => types.includes(r.type))));

    const dated = all.filter((r) => r.attributes?.created).sort((a, b) => seconds(a.attributes.created) - seconds(b.attributes.created));
    const middle = dated[Math.floor(dated.length / 2)]?.attributes.created as string;
    const later = await metrics(`greater-than(created,${middle})`);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => seconds(r.attributes.created) > seconds(middle))).toBe(true);
    expect(ids(later)).toContain(dated[dated.length - 1]?.id);

    const expected = ids(later.filter((r) => types.includes(r.type)));
    expect(ids(await metrics(`and(greater-than(created,${middle}),any(type,["default","custom"]))`))).toEqual(expected);
    expect(ids(await metrics(`greater-than(created,${middle}),any(type,["default","custom"])`))).toEqual(expected);
    expect(ids(await metrics(`or(equals(type,"default"),equals(type,"custom"))`))).toEqual(ids(anyType));
    expect(ids(await metrics(`not(equals(type,"default"))`))).toEqual(ids(all.filter((r) => r.type !== "default")));
  });

  it("a field the record does not have (the campaigns default `messages.channel`) or an unknown operator is ignored", async () => {
    expect((await campaigns("equals(messages.channel,'email')")).length).toBe(RECORDS);
    expect((await metrics(`fuzzy-match(name,"x")`)).length).toBe(RECORDS);
    const active = await campaigns(`and(equals(messages.channel,'email'),equals(status,"active"))`);
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(RECORDS);
    expect(active.every((r) => r.attributes?.status === "active")).toBe(true);
    expect((await metrics("not a filter")).length).toBe(RECORDS);
  });
});

describe("Gong filter (calls, transcripts, scorecards, stats)", () => {
  const list = (entity: string, filter: Rec) => listAll("gong", entity, { filter }, "cursor", "cursor");
  const start = (r: Rec) => seconds(r.metaData?.started);
  // Gong's window reaches back: a filter from the epoch holds every generated call.
  const always = { fromDateTime: "1970-01-01T00:00:00Z" };

  it("callIds, workspaceId and the fromDateTime/toDateTime window of a call's start", async () => {
    const all = await list("calls_extensive", always);
    expect(all.length).toBeGreaterThan(0);
    const known = all.find((r) => r.metaData?.id) as Rec;
    const byId = await list("calls_extensive", { callIds: [known.metaData.id] });
    expect(byId.map((r) => r.metaData.id)).toEqual(all.filter((r) => r.metaData?.id === known.metaData.id).map((r) => r.metaData.id));
    expect(byId.length).toBeLessThan(all.length);
    const workspaceId = all.find((r) => r.metaData?.workspaceId)?.metaData.workspaceId as string;
    const inWorkspace = await list("calls_extensive", { workspaceId });
    expect(inWorkspace.length).toBeGreaterThan(0);
    expect(inWorkspace.every((r) => r.metaData.workspaceId === workspaceId)).toBe(true);

    const dated = all.filter((r) => r.metaData?.started).sort((a, b) => start(a) - start(b));
    const middle = dated[Math.floor(dated.length / 2)]?.metaData.started as string;
    const from = await list("calls_extensive", { fromDateTime: middle });
    expect(from.every((r) => start(r) >= seconds(middle))).toBe(true);
    expect(from.map((r) => r.metaData.id)).toContain(dated[dated.length - 1]?.metaData.id);
    const to = await list("calls_extensive", { fromDateTime: "1970-01-01T00:00:00Z", toDateTime: middle });
    expect(to.every((r) => start(r) < seconds(middle))).toBe(true);
    expect(to.map((r) => r.metaData.id)).toContain(dated[0]?.metaData.id);
  });

  it("transcripts by callIds, scorecards by reviewedUserIds; a key naming no field (stats fromDate) is ignored", async () => {
    const transcripts = await list("call_transcripts", {});
    const callId = transcripts.find((r) => r.callId)?.callId as string;
    const one = await list("call_transcripts", { callIds: [callId] });
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((r) => r.callId === callId)).toBe(true);

    const window = { fromDateTime: "1970-01-01T00:00:00Z", toDateTime: "2100-01-01T00:00:00Z" };
    const cards = await list("stats_activity_scorecards", window);
    const reviewed = cards.find((r) => r.reviewedUserId)?.reviewedUserId as string;
    const byReviewed = await list("stats_activity_scorecards", { ...window, reviewedUserIds: [reviewed] });
    expect(byReviewed.every((r) => r.reviewedUserId === reviewed)).toBe(true);
    expect(byReviewed.length).toBeLessThan(cards.length);

    const period = { fromDate: "2024-01-01", toDate: "2024-01-31" };
    const stats = await onePage("gong", "stats_interaction", { filter: period });
    expect(stats.length).toBeGreaterThan(0);
    const user = stats.find((r) => r.userId)?.userId as string;
    const forUser = await onePage("gong", "stats_interaction", { filter: { ...period, userIds: [user] } });
    expect(forUser.length).toBeGreaterThan(0);
    expect(forUser.every((r) => r.userId === user)).toBe(true);
    expect(forUser.length).toBeLessThan(stats.length);
  });
});

describe("ClickUp custom_fields (task search)", () => {
  it("a custom field the tasks do not have is ignored over HTTP; fields a task has are read by operator", async () => {
    const search = (params: Rec) => onePage("clickup-api", "tasks", params, "api_search");
    const all = await search({ team_id: "1" });
    expect(all.length).toBeGreaterThan(0);
    const filtered = await search({ team_id: "1", custom_fields: [{ field_id: "f-unknown", operator: "=", value: "x" }] });
    expect(ids(filtered)).toEqual(ids(all));

    const task = {
      id: "t1",
      custom_fields: [
        { id: "f-priority", name: "Priority score", type: "number", value: 7 },
        { id: "f-labels", name: "Labels", type: "labels", value: ["l1", "l2"] },
        { id: "f-empty", name: "Notes", type: "text", value: null },
      ],
    };
    const holds = (filters: Rec[]) => customFieldsTest(filters)?.(task);
    expect(holds([{ field_id: "f-priority", operator: "=", value: "7" }])).toBe(true);
    expect(holds([{ field_id: "f-priority", operator: ">", value: 7 }])).toBe(false);
    expect(holds([{ field_id: "f-priority", operator: "RANGE", value: [5, 7] }])).toBe(true);
    expect(holds([{ field_id: "f-labels", operator: "ANY", value: ["l2", "l9"] }])).toBe(true);
    expect(holds([{ field_id: "f-labels", operator: "ALL", value: ["l2", "l9"] }])).toBe(false);
    expect(holds([{ field_id: "f-labels", operator: "NOT ANY", value: ["l9"] }])).toBe(true);
    expect(holds([{ field_id: "f-empty", operator: "IS NULL" }])).toBe(true);
    expect(holds([{ field_id: "f-empty", operator: "IS NOT NULL" }])).toBe(false);
    // An unknown operator or field is ignored; the readable filter beside it still decides.
    expect(holds([{ field_id: "f-priority", operator: "SOUNDS LIKE", value: 7 }])).toBe(true);
    expect(
      holds([
        { field_id: "f-missing", operator: "=", value: 1 },
        { field_id: "f-priority", operator: "<", value: 3 },
      ]),
    ).toBe(false);
    expect(customFieldsTest(JSON.stringify([{ field_id: "f-priority", operator: "=", value: 7 }]))?.(task)).toBe(true);
  });
});

describe("coverage", () => {
  it("the filter-language params are counted as query filters", () => {
    let optional = 0;
    let required = 0;
    for (const c of catalog.connectors)
      for (const e of c.entities)
        for (const action of e.actions as CatalogAction[]) {
          if (action.action !== "list" && action.action !== "api_search") continue;
          for (const p of action.params) {
            if (!isFilterLanguageParam(p)) continue;
            expect(filterKind(action, p)).toBe("query");
            if (p.required) required++;
            else optional++;
          }
        }
    console.log(`filter-language params: ${optional} optional, ${required} required`);
    // Notion pages and data_sources `filter`, Airtable `filterByFormula`, Klaviyo metrics `filter`, ClickUp
    // `custom_fields`; required: Klaviyo campaigns' `filter` and Gong's six (calls_extensive, call_transcripts, four
    // stats reports).
    expect(optional).toBe(5);
    expect(required).toBe(7);
  });
});
