// Where a list result keeps its records (pure logic, no HTTP): the rule paginate() and the agent tools share.
import { describe, expect, it } from "vitest";
import { recordsKeyOf } from "../../src/index";
import { pageItems } from "../../src/resources/page-iterator";

describe("recordsKeyOf and pageItems", () => {
  it("the array itself, a search result's data, or a wrapper's one list", () => {
    expect(recordsKeyOf([{ id: 1 }])).toBeNull();
    expect(recordsKeyOf({ data: [{ id: 1 }], meta: { cursor: "c" } })).toBe("data");
    // `data` wins even beside other lists (a search result with its facets).
    expect(recordsKeyOf({ data: [], facets: [1] })).toBe("data");
    expect(recordsKeyOf({ campaigns: [{ campaignId: 1 }], nextToken: "t" })).toBe("campaigns");
    expect(pageItems({ campaigns: [{ campaignId: 1 }], nextToken: "t" })).toEqual([{ campaignId: 1 }]);
    expect(pageItems([{ id: 1 }])).toEqual([{ id: 1 }]);
  });

  it("nothing for one record, several lists, or no object", () => {
    expect(recordsKeyOf({ id: 1, name: "one record" })).toBeUndefined();
    expect(recordsKeyOf({ ShipmentEventList: [], RefundEventList: [] })).toBeUndefined();
    for (const value of [null, undefined, "text", 3]) expect(recordsKeyOf(value)).toBeUndefined();
    expect(pageItems({ a: [1], b: [2] })).toEqual([]);
    expect(pageItems(null)).toEqual([]);
  });

  it("with a pageIsRecord paging rule: the page is its one item, a null page none", () => {
    const events = { ShipmentEventList: [], RefundEventList: [{ AmazonOrderId: "o-1" }] };
    expect(pageItems(events, { pageIsRecord: true })).toEqual([events]);
    expect(pageItems(null, { pageIsRecord: true })).toEqual([]);
    expect(pageItems(events, {})).toEqual([]);
  });
});
