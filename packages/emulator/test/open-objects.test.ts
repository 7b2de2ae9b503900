import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import type { RecordSchema } from "../src/catalog/types.js";
import { CLICKUP_CUSTOM_FIELD_IDS } from "../src/records/clickup-custom-field-values.js";
import { createDataset } from "../src/records/dataset.js";
import { catalogConnectors } from "./helpers/catalog-connectors.js";
import { useEmulator } from "./helpers/emulator.js";

// Open objects (fields the spec leaves undeclared) carry the vendor's shapes over real HTTP: Notion page and data
// source `properties`, Airtable record `fields`, ClickUp task `custom_fields`; and the vendor filters read them.

const RECORDS = 60;
const h = useEmulator({ recordsPerEntity: RECORDS });

type Rec = Record<string, any>;
let token: string;
const connectionOf = catalogConnectors("open objects");
const connection = (name: string) => connectionOf(h, token, name);

beforeAll(async () => {
  token = await h.appToken();
});

async function execute(name: string, entity: string, action: string, params: Rec): Promise<any> {
  const res = await h.api("POST", `/api/v1/integrations/connectors/${await connection(name)}/execute`, {
    token,
    body: { entity, action, params },
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res.body.result;
}

const ids = (records: Rec[]) => records.map((r) => r.id);
const plainText = (richText: Rec[]) => richText.map((t) => t.plain_text).join("");

describe("Notion properties", () => {
  const pages = (filter?: Rec) => execute("notion", "pages", "list", { page_size: 100, ...(filter ? { filter } : {}) }) as Promise<Rec[]>;

  it("every listed page has a title with plain text, typed values, and its get agrees with the list", async () => {
    const all = await pages();
    expect(all.length).toBe(RECORDS);
    for (const page of all) {
      expect(page.properties.Name.type).toBe("title");
      expect(plainText(page.properties.Name.title).length).toBeGreaterThan(0);
      expect(page.properties.Priority).toMatchObject({ type: "select", select: { name: expect.any(String), color: expect.any(String) } });
      expect(page.properties.Status.type).toBe("status");
    }
    const page = all[7] as Rec;
    const got = await execute("notion", "pages", "get", { page_id: page.id });
    expect(got.id).toBe(page.id);
    expect(got.properties).toEqual(page.properties);
  });

  it("a select filter narrows: every page answered has the option, some page is left out", async () => {
    const all = await pages();
    const name = all[0]?.properties.Priority.select.name as string;
    const high = await pages({ property: "Priority", select: { equals: name } });
    expect(high.length).toBeGreaterThan(0);
    expect(high.length).toBeLessThan(all.length);
    expect(high.every((p) => p.properties.Priority.select.name === name)).toBe(true);
    expect(ids(high)).toEqual(ids(all.filter((p) => p.properties.Priority.select.name === name)));
    const done = await pages({
      and: [
        { property: "Status", status: { equals: "Done" } },
        { property: "Done", checkbox: { equals: true } },
      ],
    });
    expect(done.every((p) => p.properties.Status.status.name === "Done" && p.properties.Done.checkbox === true)).toBe(true);
  });

  it("a data source's properties schema lists the options its pages use", async () => {
    const [source] = (await execute("notion", "data_sources", "list", { page_size: 10 })) as [Rec];
    expect(source.properties.Name).toMatchObject({ name: "Name", type: "title" });
    const options = (source.properties.Priority.select.options as Rec[]).map((o) => o.name);
    const pageOptions = new Set((await pages()).map((p) => p.properties.Priority.select.name));
    for (const name of pageOptions) expect(options).toContain(name);
  });
});

describe("Airtable fields", () => {
  const records = (filterByFormula?: string) =>
    execute("airtable", "records", "list", {
      base_id: "app1",
      table_id_or_name: "Table 1",
      pageSize: 100,
      ...(filterByFormula ? { filterByFormula } : {}),
    }) as Promise<Rec[]>;

  it("records carry named cell values and {Status} = '…' narrows", async () => {
    const all = await records();
    expect(all.length).toBe(RECORDS);
    expect(all.every((r) => typeof r.fields.Name === "string" && typeof r.fields.Status === "string")).toBe(true);
    const status = all[0]?.fields.Status as string;
    const matching = await records(`{Status} = '${status}'`);
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(all.length);
    expect(ids(matching)).toEqual(ids(all.filter((r) => r.fields.Status === status)));
  });
});

describe("ClickUp custom fields", () => {
  it("tasks carry custom fields, and the custom_fields search filter narrows on them", async () => {
    const search = (params: Rec) => execute("clickup-api", "tasks", "api_search", { team_id: "1", ...params }) as Promise<Rec[]>;
    const all = await search({});
    expect(all.length).toBeGreaterThan(0);
    for (const task of all) {
      expect(task.custom_fields.map((f: Rec) => f.name)).toEqual(["Story Points", "Sprint", "Customer", "Approved"]);
      expect(task.custom_fields[0]).toMatchObject({ id: CLICKUP_CUSTOM_FIELD_IDS.storyPoints, type: "number", value: expect.any(Number) });
    }
    const big = await search({ custom_fields: [{ field_id: CLICKUP_CUSTOM_FIELD_IDS.storyPoints, operator: ">", value: 4 }] });
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((t) => t.custom_fields[0].value > 4)).toBe(true);
    expect(ids(big)).toEqual(ids(all.filter((t) => t.custom_fields[0].value > 4)));
  });
});

describe("writes", () => {
  // No catalog action writes these entities today; the store's write-back is checked directly: sent values win.
  it("a record created or updated with properties answers what was sent", () => {
    const schema = catalog.connectors
      .find((c) => c.name === "notion")
      ?.entities.find((e) => e.name === "pages")
      ?.actions.find((a) => a.action === "list")?.record as RecordSchema;
    const overlay = { created: [], updated: new Map(), deleted: new Set<string>() };
    const dataset = createDataset({ seedKey: "open-objects:notion:pages", entity: "pages", schema, count: 3, overlay });
    const generated = dataset.at(1) as Rec;
    expect(generated.properties.Name.type).toBe("title");
    const name = { id: "title", type: "title", title: [{ type: "text", text: { content: "Renamed" }, plain_text: "Renamed" }] };
    const updated = dataset.update(generated.id, { properties: { Name: name } }) as Rec;
    expect(updated.properties.Name).toEqual(name);
    expect((dataset.at(1) as Rec).properties.Name).toEqual(name);
    const created = dataset.create({ properties: { Name: name } });
    // A created record is filled from a generated one (Notion answers a new page with all its data source's properties).
    expect((created as Rec).properties.Name).toEqual(name);
  });
});
