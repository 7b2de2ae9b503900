// Where paginate() continues, per the rule the generator read from each spec (pure logic, no HTTP).
import { describe, expect, it } from "vitest";
import { cursorValue, nextPage as nextPageOf, selectionDropsId } from "../../src/connectors/next-page";
import { keepCursorField, nextPageParams, normalizePageMeta, pageSizeAsked } from "../../src/index";

// Where the next page starts; `resumesAfterShown` has tests of its own below.
const nextPage = (...args: Parameters<typeof nextPageOf>) => {
  const { resumesAfterShown: _, ...next } = nextPageOf(...args);
  return next;
};

const meta = (raw: Record<string, unknown>) => normalizePageMeta(raw);
const items = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: `obj_${from + i}` }));

describe("nextPage", () => {
  it("meta: the connector's own cursor, until its flag says done", () => {
    const paging = { cursorParam: "after", metaKeys: ["end_cursor", "has_next_page"] };
    expect(nextPage(paging, undefined, undefined, items(2), meta({ has_next_page: true, end_cursor: "c1" }))).toEqual({
      hasNextPage: true,
      cursor: "c1",
    });
    expect(nextPage(paging, undefined, "c1", items(2), meta({ has_next_page: false, end_cursor: null }))).toEqual({
      hasNextPage: false,
      cursor: null,
    });
  });

  it("meta: the key named like the parameter, a token before a link, an object's cursor field (Asana next_page.offset)", () => {
    const airtable = { cursorParam: "offset", metaKeys: ["offset"] };
    expect(nextPage(airtable, undefined, undefined, items(2), meta({ offset: "itr1" }))).toEqual({ hasNextPage: true, cursor: "itr1" });
    expect(nextPage(airtable, undefined, "itr1", items(2), meta({ offset: null }))).toEqual({ hasNextPage: false, cursor: null });
    const hubspot = { cursorParam: "after", metaKeys: ["next_cursor", "next_link"] };
    expect(nextPage(hubspot, undefined, undefined, items(2), meta({ next_link: "https://x/?after=9", next_cursor: "9" }))).toEqual({
      hasNextPage: true,
      cursor: "9",
    });
    const asana = { cursorParam: "offset", metaKeys: ["next_page"] };
    expect(nextPage(asana, undefined, undefined, items(2), meta({ next_page: { offset: "eyJ", path: "/p", uri: "https://x" } }))).toEqual({
      hasNextPage: true,
      cursor: "eyJ",
    });
    expect(nextPage(asana, undefined, "eyJ", items(2), meta({ next_page: null }))).toEqual({ hasNextPage: false, cursor: null });
  });

  it("lastId: the last record's id while the meta says more (Stripe starting_after, has_more only)", () => {
    const paging = { cursorParam: "starting_after", cursorFrom: "lastId" as const, metaKeys: ["has_more"] };
    expect(nextPage(paging, undefined, undefined, items(3), meta({ has_more: true }))).toEqual({ hasNextPage: true, cursor: "obj_3" });
    expect(nextPage(paging, undefined, "obj_3", items(3, 4), meta({ has_more: false }))).toEqual({ hasNextPage: false, cursor: null });
    expect(nextPage(paging, undefined, undefined, [], meta({ has_more: true }))).toEqual({ hasNextPage: false, cursor: null });
  });

  it("lastId with a cursorField (Typeform responses: no id, `after` takes the token) goes on while page_count or total_items say more", () => {
    const typeform = {
      cursorParam: "after",
      cursorFrom: "lastId" as const,
      cursorField: "token",
      pageSizeParam: "page_size",
      metaKeys: ["page_count", "total_items"],
    };
    const responses = (n: number, from = 1) =>
      Array.from({ length: n }, (_, i) => ({ response_id: `r${from + i}`, token: `tok${from + i}` }));
    // No flag in the meta: the counts say another page follows; the cursor is the last record's token.
    expect(nextPage(typeform, undefined, undefined, responses(5), meta({ page_count: 5, total_items: 23 }))).toEqual({
      hasNextPage: true,
      cursor: "tok5",
    });
    expect(nextPage(typeform, undefined, "tok5", responses(5, 6), meta({ page_count: 1, total_items: 23 }))).toEqual({
      hasNextPage: true,
      cursor: "tok10",
    });
    expect(nextPage(typeform, undefined, "tok5", responses(5, 6), meta({ total_items: 23 }))).toEqual({
      hasNextPage: true,
      cursor: "tok10",
    });
    // All of it on one page, or an empty page after the last: done.
    expect(nextPage(typeform, undefined, undefined, responses(3), meta({ page_count: 1, total_items: 3 }))).toEqual({
      hasNextPage: false,
      cursor: null,
    });
    expect(nextPage(typeform, undefined, "tok23", [], meta({ page_count: 5, total_items: 23 }))).toEqual({
      hasNextPage: false,
      cursor: null,
    });
    // A cut page resumes after the last token shown; a record without the field ends it.
    expect(nextPage(typeform, undefined, undefined, responses(5), meta({ page_count: 1, total_items: 5 }), 2)).toEqual({
      hasNextPage: true,
      cursor: "tok2",
    });
    expect(nextPage(typeform, undefined, undefined, [{ id: "x" }], meta({ page_count: 5, total_items: 23 }))).toEqual({
      hasNextPage: false,
      cursor: null,
    });
    expect(
      nextPageParams(typeform, undefined, { sent: undefined, records: responses(5), meta: meta({ page_count: 5, total_items: 23 }) })
        .params,
    ).toEqual({ after: "tok5" });
  });

  it("pageNumber: the next page number from the parameter's default (0-based and 1-based), until a link or total says done", () => {
    const paging = { cursorParam: "page", cursorFrom: "pageNumber" as const, cursorType: "integer" as const, metaKeys: ["next"] };
    const oneBased = { name: "page", in: "query" as const, type: "integer", default: 1, minimum: 1 };
    const zeroBased = { name: "page", in: "query" as const, type: "integer", default: 0 };
    expect(nextPage(paging, oneBased, undefined, items(2), meta({ next: "https://x/?page=2" }))).toEqual({
      hasNextPage: true,
      cursor: "2",
    });
    expect(nextPage(paging, zeroBased, undefined, items(2), meta({ next: "https://x/?page=1" }))).toEqual({
      hasNextPage: true,
      cursor: "1",
    });
    expect(nextPage(paging, oneBased, 2, items(2), meta({ next: null }))).toEqual({ hasNextPage: false, cursor: null });
    const counted = { ...paging, metaKeys: ["page_count", "total_items"] };
    expect(nextPage(counted, oneBased, 1, items(2), meta({ page_count: 2, total_items: 4 }))).toEqual({ hasNextPage: true, cursor: "2" });
    expect(nextPage(counted, oneBased, 2, items(2), meta({ page_count: 2, total_items: 4 }))).toEqual({ hasNextPage: false, cursor: null });
    const flagged = { ...paging, metaKeys: ["last_page"] };
    expect(nextPage(flagged, zeroBased, 0, items(2), meta({ last_page: false }))).toEqual({ hasNextPage: true, cursor: "1" });
    expect(nextPage(flagged, zeroBased, 1, items(2), meta({ last_page: true }))).toEqual({ hasNextPage: false, cursor: null });
    expect(nextPage(paging, oneBased, 3, [], meta({ next: "https://x/?page=4" }))).toEqual({ hasNextPage: false, cursor: null });
  });

  it("pageNumber: a page count inside an object of the meta (TikTok's page_info.total_page)", () => {
    const tiktok = { cursorParam: "page", cursorFrom: "pageNumber" as const, cursorType: "integer" as const, metaKeys: ["page_info"] };
    const param = { name: "page", in: "query" as const, type: "integer", default: 1, minimum: 1 };
    const info = (page: number) => meta({ page_info: { page, page_size: 2, total_number: 5, total_page: 3 } });
    expect(nextPage(tiktok, param, undefined, items(2), info(1))).toEqual({ hasNextPage: true, cursor: "2" });
    expect(nextPage(tiktok, param, 2, items(2), info(2))).toEqual({ hasNextPage: true, cursor: "3" });
    expect(nextPage(tiktok, param, 3, items(1), info(3))).toEqual({ hasNextPage: false, cursor: null });
  });

  it("offset with a meta that tells nothing of a next page (Mailchimp's links): a full page goes on, a short one stops", () => {
    const mailchimp = { cursorParam: "offset", cursorFrom: "offset" as const, cursorType: "integer" as const, metaKeys: ["links"] };
    const links = meta({ links: [{ rel: "self", href: "https://x/lists" }] });
    expect(nextPage(mailchimp, undefined, undefined, items(5), links, 5, 5)).toEqual({ hasNextPage: true, cursor: "5" });
    expect(nextPage(mailchimp, undefined, 5, items(3, 6), links, 3, 5)).toEqual({ hasNextPage: false, cursor: null });
    // The size asked unknown: any non-empty page goes on, an empty one stops.
    expect(nextPage(mailchimp, undefined, 5, items(3, 6), links)).toEqual({ hasNextPage: true, cursor: "8" });
    expect(nextPage(mailchimp, undefined, 8, [], links)).toEqual({ hasNextPage: false, cursor: null });
    // A meta that can tell (a next link) is believed: no next link, no next page, however full.
    const sendgrid = { ...mailchimp, metaKeys: ["next"] };
    expect(nextPage(sendgrid, undefined, undefined, items(5), meta({ next: null }), 5, 5)).toEqual({ hasNextPage: false, cursor: null });
  });

  it("pageSizeAsked: the size sent, else the parameter's default, else unknown", () => {
    const paging = { pageSizeParam: "count" };
    expect(pageSizeAsked(paging, { count: 50 }, [{ name: "count", default: 10 }])).toBe(50);
    expect(pageSizeAsked(paging, {}, [{ name: "count", default: 10 }])).toBe(10);
    expect(pageSizeAsked(paging, {}, undefined)).toBeUndefined();
    expect(pageSizeAsked(paging, { count: "x" }, undefined)).toBeUndefined();
    expect(pageSizeAsked({}, { count: 50 }, undefined)).toBeUndefined();
  });

  it("offset: previous offset plus the page's length, until the total is reached", () => {
    const paging = { cursorParam: "startAt", cursorFrom: "offset" as const, cursorType: "integer" as const, metaKeys: ["total"] };
    expect(nextPage(paging, undefined, undefined, items(50), meta({ total: 120 }))).toEqual({ hasNextPage: true, cursor: "50" });
    expect(nextPage(paging, undefined, 100, items(20), meta({ total: 120 }))).toEqual({ hasNextPage: false, cursor: null });
    const linked = { ...paging, metaKeys: ["next"] };
    expect(nextPage(linked, undefined, 10, items(10), meta({ next: "https://x/?offset=20" }))).toEqual({ hasNextPage: true, cursor: "20" });
  });
});

describe("cursorValue", () => {
  it("sends integer cursors as numbers and leaves tokens alone", () => {
    expect(cursorValue({ cursorParam: "page", cursorType: "integer", metaKeys: [] }, "3")).toBe(3);
    expect(cursorValue({ cursorParam: "after", metaKeys: [] }, "3")).toBe("3");
    expect(cursorValue(undefined, "abc")).toBe("abc");
  });
});

describe("a page cut short (an agent tool keeps only what fits its budget)", () => {
  it("lastId and offset resume right after the last record kept; a meta cursor or a page number after the whole page", () => {
    const stripe = { cursorParam: "starting_after", cursorFrom: "lastId" as const, metaKeys: ["has_more"] };
    // Cut at 3 of 10 on the last page: the rest of this page still follows.
    expect(nextPageOf(stripe, undefined, undefined, items(10), meta({ has_more: false }), 3)).toEqual({
      hasNextPage: true,
      cursor: "obj_3",
      resumesAfterShown: true,
    });
    const jira = { cursorParam: "startAt", cursorFrom: "offset" as const, cursorType: "integer" as const, metaKeys: ["total"] };
    expect(nextPageOf(jira, undefined, 40, items(20), meta({ total: 60 }), 5)).toEqual({
      hasNextPage: true,
      cursor: "45",
      resumesAfterShown: true,
    });
    const meta1 = { cursorParam: "after", metaKeys: ["end_cursor", "has_next_page"] };
    expect(nextPageOf(meta1, undefined, undefined, items(10), meta({ has_next_page: true, end_cursor: "c1" }), 3).resumesAfterShown).toBe(
      false,
    );
  });

  it("nextPageParams: the parameters of the next call, typed as the parameter takes them", () => {
    const jira = { cursorParam: "startAt", cursorFrom: "offset" as const, cursorType: "integer" as const, metaKeys: ["total"] };
    expect(nextPageParams(jira, undefined, { sent: 40, records: items(20), meta: meta({ total: 60 }), shown: 5 })).toEqual({
      params: { startAt: 45 },
      resumesAfterShown: true,
    });
    expect(nextPageParams(jira, undefined, { sent: 40, records: items(20), meta: meta({ total: 60 }) })).toEqual({
      resumesAfterShown: true,
    });
    const stripe = { cursorParam: "starting_after", cursorFrom: "lastId" as const, metaKeys: ["has_more"] };
    expect(nextPageParams(stripe, undefined, { sent: undefined, records: items(2), meta: meta({ has_more: true }) }).params).toEqual({
      starting_after: "obj_2",
    });
  });
});

describe("keepCursorField (the next page of a last-id list starts after an id, so the selection keeps it)", () => {
  const lastId = { cursorParam: "starting_after", cursorFrom: "lastId" as const, metaKeys: ["has_more"] };
  const meta = { cursorParam: "after", metaKeys: ["end_cursor"] };

  it("adds id to a selectFields that leaves it out, and takes it out of excludeFields", () => {
    expect(keepCursorField(lastId, { selectFields: ["email"], timeoutMs: 5 })).toEqual({ selectFields: ["email", "id"], timeoutMs: 5 });
    expect(keepCursorField(lastId, { excludeFields: ["id", "email"] })).toEqual({ excludeFields: ["email"] });
    // selectFields wins when both are given, as the API reads them.
    expect(keepCursorField(lastId, { selectFields: ["email"], excludeFields: ["id"] })).toEqual({
      selectFields: ["email", "id"],
      excludeFields: ["id"],
    });
  });

  it("keeps the paging's cursorField instead of id (Typeform's token)", () => {
    const typeform = { cursorParam: "after", cursorFrom: "lastId" as const, cursorField: "token", metaKeys: ["page_count", "total_items"] };
    expect(keepCursorField(typeform, { selectFields: ["answers"] })).toEqual({ selectFields: ["answers", "token"] });
    expect(keepCursorField(typeform, { excludeFields: ["token", "answers"] })).toEqual({ excludeFields: ["answers"] });
    const kept = { selectFields: ["token"] };
    expect(keepCursorField(typeform, kept)).toBe(kept);
    expect(selectionDropsId({ selectFields: ["token"] }, "token")).toBe(false);
    expect(selectionDropsId({ selectFields: ["id"] }, "token")).toBe(true);
    expect(selectionDropsId({ excludeFields: ["token"] }, "token")).toBe(true);
    expect(selectionDropsId({ selectFields: ["email"] })).toBe(true);
  });

  it("returns any other selection as it is: id already kept, no selection, or another paging rule", () => {
    const kept = { selectFields: ["id", "email"] };
    expect(keepCursorField(lastId, kept)).toBe(kept);
    const none = { excludeFields: ["email"] };
    expect(keepCursorField(lastId, none)).toBe(none);
    const other = { selectFields: ["email"] };
    expect(keepCursorField(meta, other)).toBe(other);
    expect(keepCursorField(undefined, other)).toBe(other);
  });
});
