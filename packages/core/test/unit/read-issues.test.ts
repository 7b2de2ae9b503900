// The lenient check (transport/response-check.ts): the fields a resource reads, with their types, and nothing else.
import { describe, expect, it } from "vitest";
import { readIssues } from "../../src/transport/response-check";

const paths = (issues: ReturnType<typeof readIssues>) => issues.map((issue) => issue.path.map((item) => item.key).join("/"));

describe("readIssues", () => {
  it("passes a response whose read fields have their types, whatever else it holds", () => {
    const data = { data: [{ id: "a", extra: 1 }, { id: "b" }], next: null, unrelated: { deep: [1, 2] } };
    expect(readIssues(data, { data: "array", "data[].id": "string", next: "string?" })).toEqual([]);
  });

  it("names each item whose field is missing or of another type, in valibot's words", () => {
    const issues = readIssues({ data: [{ id: "a" }, { id: 7 }, {}] }, { data: "array", "data[].id": "string" });
    expect(paths(issues)).toEqual(["data/1/id", "data/2/id"]);
    expect(issues[0]?.message).toBe("Invalid type: Expected string but received 7");
    expect(issues[1]?.message).toBe("Invalid type: Expected string but received undefined");
  });

  it("lets an optional field be absent or null, but not of another type", () => {
    const reads = { next: "string?" } as const;
    expect(readIssues({}, reads)).toEqual([]);
    expect(readIssues({ next: null }, reads)).toEqual([]);
    expect(paths(readIssues({ next: 3 }, reads))).toEqual(["next"]);
  });

  it("reports a broken parent once: by its own entry when listed, else where the walk stopped", () => {
    expect(paths(readIssues({ data: "x" }, { data: "array", "data[].id": "string", "data[].name": "string" }))).toEqual(["data"]);
    expect(paths(readIssues({ data: [5] }, { "data[].id": "string", "data[].name": "string" }))).toEqual(["data/0"]);
    expect(readIssues({ data: [5] }, { "data[].id": "string" })[0]?.message).toBe("Invalid type: Expected object but received 5");
  });

  it("refuses a body that is not an object at all", () => {
    expect(readIssues([1], { id: "string" })).toEqual([{ message: "Invalid type: Expected object but received Array", path: [] }]);
    expect(readIssues("ok", { id: "string" })[0]?.message).toBe('Invalid type: Expected object but received "ok"');
  });

  it("checks nested arrays item by item, and numbers, booleans and objects by type", () => {
    const reads = { "rows[][]": "number", flag: "boolean", meta: "object" } as const;
    expect(readIssues({ rows: [[1, 2], [3]], flag: true, meta: {} }, reads)).toEqual([]);
    expect(paths(readIssues({ rows: [[1, "2"]], flag: "yes", meta: [] }, reads))).toEqual(["rows/0/1", "flag", "meta"]);
  });
});
