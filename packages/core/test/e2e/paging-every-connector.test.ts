// Every paged list of every published connector, paged to the end against the emulator: each record once, past the
// first page. Both read the same specs independently (core's generated catalogs, the emulator's own), so a paging
// rule one of them reads wrong shows here (TikTok's page_info, ClickUp's 0-indexed page, Mailchimp's links-only meta
// and Typeform's token cursor all did).
import { describe, expect, it } from "vitest";
import { type CatalogParam, describeConnector, listConnectorTypes } from "../../src/index";
import { useEmulator } from "../helpers/emulator";

const RECORDS = 23;
const h = useEmulator({ recordsPerEntity: RECORDS });

// Lists this sweep cannot page with made-up arguments, each for a reason of its own:
const SKIPPED: Record<string, string> = {
  // One object per page (the financial events, pageIsRecord): a page per item, not 23 items; paged in its own test.
  "amazon-seller-partner.list_financial_events": "one object per page",
  // Its required `filter` selects records: an empty one matches none.
  "gong.stats_activity_scorecards": "a filter that matches none",
  // Its required `pageToken` comes from getStartPageToken: a made-up one is refused.
  "google-drive.changes": "a start token from another call",
};

/** A value a parameter accepts: its default, its first choice, or one of its type. */
function valueFor(p: Pick<CatalogParam, "name" | "type" | "enum" | "default" | "minimum" | "pattern">): unknown {
  if (p.default !== undefined) return p.default;
  if (p.enum?.length) return p.enum[0];
  if (p.type === "integer" || p.type === "number") return p.minimum ?? 1;
  if (p.type === "boolean") return false;
  if (p.type === "array") return ["a1"];
  if (p.type === "object") return {};
  if (p.pattern === "^[0-9]{10}$") return "1234567890";
  return /date/i.test(p.name) ? "2024-01-01" : "a1";
}

describe("paging every connector's lists", () => {
  it("reads every record of every paged list once, in pages of 5 where the spec takes a size", async () => {
    await h.client().admin.createWorkspace({ name: "paging-sweep" });
    const ws = h.client().workspace("paging-sweep");
    const problems: string[] = [];
    let lists = 0;
    for (const { slug } of listConnectorTypes()) {
      if (SKIPPED[slug]) continue;
      const catalog = await describeConnector(slug);
      const credentials = Object.fromEntries(
        (catalog.auth[0]?.fields ?? [])
          .filter((f) => f.required)
          .map((f) => [f.name, /url/i.test(f.name) ? "https://a.example.com" : "k1"]),
      );
      const replicationConfig = Object.fromEntries(
        catalog.replicationConfig.filter((f) => f.required).map((f) => [f.name, valueFor(f as never)]),
      );
      await ws.connectors.create({ type: slug, credentials, replicationConfig } as never);
      const handle = ws.connector(slug as never) as unknown as {
        paginate(entity: string, action: string, params: Record<string, unknown>): { toArray(o: { limit: number }): Promise<unknown[]> };
      };
      for (const entity of catalog.entities) {
        const list = entity.actions.find((a) => a.name === "list" && a.pagination);
        if (!list?.pagination || SKIPPED[`${slug}.${entity.name}`]) continue;
        lists++;
        const params = Object.fromEntries(list.params.filter((p) => p.required).map((p) => [p.name, valueFor(p)]));
        const sizeParam = list.params.find((p) => p.name === list.pagination?.pageSizeParam);
        if (sizeParam) params[sizeParam.name] = Math.max(sizeParam.minimum ?? 1, 5);
        const what = `${slug}.${entity.name}`;
        try {
          const records = await handle.paginate(entity.name, "list", params).toArray({ limit: 10 * RECORDS });
          const distinct = new Set(records.map((r) => JSON.stringify(r))).size;
          if (records.length !== RECORDS || distinct !== RECORDS) problems.push(`${what}: ${records.length} records, ${distinct} distinct`);
        } catch (error) {
          problems.push(`${what}: ${String(error).slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(lists).toBeGreaterThan(100);
  }, 120_000);

  it("Amazon Seller Partner's financial events: each page is one object of event lists, yielded as one item", async () => {
    await h.client().admin.createWorkspace({ name: "paging-asp" });
    const ws = h.client().workspace("paging-asp");
    const catalog = await describeConnector("amazon-seller-partner");
    expect(
      catalog.entities.find((e) => e.name === "list_financial_events")?.actions.find((a) => a.name === "list")?.pagination,
    ).toMatchObject({ cursorParam: "NextToken", pageIsRecord: true });
    const credentials = Object.fromEntries((catalog.auth[0]?.fields ?? []).filter((f) => f.required).map((f) => [f.name, "k1"]));
    await ws.connectors.create({ type: "amazon-seller-partner", credentials } as never);
    const asp = ws.connector("amazon-seller-partner");
    const since = (await h.emu.requests()).length;
    const pages = await asp.listFinancialEvents.paginate({ MaxResultsPerPage: 5 }).toArray();
    // 23 stored events in pages of 5: five pages, each one object holding the event lists.
    expect(pages).toHaveLength(Math.ceil(RECORDS / 5));
    for (const page of pages) expect(Array.isArray(page.RefundEventList)).toBe(true);
    expect(new Set(pages.map((p) => JSON.stringify(p))).size).toBe(pages.length);
    const sent = h.executes(since).map((r) => r.execute?.params.NextToken);
    expect(sent[0]).toBeUndefined();
    expect(sent.slice(1).every((t) => typeof t === "string")).toBe(true);
  });
});
