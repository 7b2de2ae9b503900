// Notion's `filter` body: a database/data source query filter (`{property: "Status", select: {equals: "Done"}}`,
// `{timestamp: "created_time", created_time: {after: "2024-01-01"}}`, compound `{and: [...]}`/`{or: [...]}`) and
// the search endpoint's `{property: "object", value: "page"}`. A property is read from the page's own
// `properties.<Name>` (a typed value: `title`/`rich_text` as their plain text, `select`/`status` by name,
// `multi_select`/`people`/`relation` as lists, `date` by its start, `number`, `checkbox`, `formula` by its result),
// else from the record field of that name (`in_trash`, `url`, a data source's `title`). A property neither has, an
// operator not read here (`past_week`, `next_month`, rollup `any`/`every`), or a value that is not a date where a
// date is compared, is unknown: it never drops a record (three-valued.ts).
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { allOf, anyOf, kept, type Truth } from "./three-valued.js";
import { type Bound, containsText, isEmptyValue, sameValue, withinBound } from "./value-match.js";

type Rec = Record<string, unknown>;

const isObject = (v: unknown): v is Rec => v !== null && typeof v === "object" && !Array.isArray(v);

// Condition keys that compare dates: the `date` property type and the two timestamps.
const DATE_TYPES = new Set(["date", "created_time", "last_edited_time"]);
// Keys of a property filter that are not its typed condition.
const NOT_CONDITION = new Set(["property", "type", "value"]);

/** A Notion value as filters compare it: rich text as its plain text, a typed value by its content. */
function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.some((v) => isObject(v) && ("plain_text" in v || "text" in v)))
      return value.map((v) => (isObject(v) ? String(v.plain_text ?? (isObject(v.text) ? (v.text.content ?? "") : "")) : "")).join("");
    return value.map(plainValue);
  }
  if (!isObject(value)) return value;
  // A property value (`{type: "select", select: {...}}`) or a formula result (`{type: "string", string: "x"}`).
  if (typeof value.type === "string" && value.type in value) return plainValue(value[value.type]);
  if ("start" in value) return value.start;
  if ("name" in value) return value.name;
  return value;
}

/** The value a filter names in one record; undefined when neither the page's properties nor the record has it. */
function namedValue(record: Rec, name: string, schema: RecordSchema): unknown {
  const props = record.properties;
  if (isObject(props) && name in props) return plainValue(props[name]);
  const path = fieldPath(schema, name);
  if (!path) return undefined;
  const found = valuesAt(record, path);
  return found.length === 0 ? null : plainValue(found[0]);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date condition (`equals`, `before`, `after`, `on_or_before`, `on_or_after`); a date-only value is that whole day. */
function dateTruth(op: string, actual: unknown, expected: unknown): Truth {
  const start = numberOf(expected);
  if (start === undefined || typeof expected !== "string") return undefined;
  const end = DATE_ONLY.test(expected) ? start + 86_400 : start + 1;
  if (actual === null) return false;
  const a = numberOf(actual);
  if (a === undefined) return false;
  switch (op) {
    case "equals":
      return a >= start && a < end;
    case "does_not_equal":
      return !(a >= start && a < end);
    case "before":
      return a < start;
    case "after":
      return a >= end;
    case "on_or_before":
      return a < end;
    case "on_or_after":
      return a >= start;
    default:
      return undefined;
  }
}

const NUMBER_BOUNDS: Record<string, Bound> = {
  greater_than: ">",
  greater_than_or_equal_to: ">=",
  less_than: "<",
  less_than_or_equal_to: "<=",
};

function contains(actual: unknown, expected: unknown): boolean {
  return Array.isArray(actual) ? sameValue(actual, expected) : containsText(actual, String(expected));
}

/** One operator of a condition (`{equals: "Done"}`), over the value of one record. */
function operatorTruth(op: string, expected: unknown, actual: unknown, isDate: boolean): Truth {
  if (op === "is_empty") return expected === true ? isEmptyValue(actual) : undefined;
  if (op === "is_not_empty") return expected === true ? !isEmptyValue(actual) : undefined;
  if (isDate) return dateTruth(op, actual, expected);
  const text = typeof actual === "string" ? actual.toLowerCase() : undefined;
  switch (op) {
    case "equals":
      return sameValue(actual, expected);
    case "does_not_equal":
      return !sameValue(actual, expected);
    case "contains":
      return contains(actual, expected);
    case "does_not_contain":
      return !contains(actual, expected);
    case "starts_with":
      return text?.startsWith(String(expected).toLowerCase());
    case "ends_with":
      return text?.endsWith(String(expected).toLowerCase());
  }
  const bound = NUMBER_BOUNDS[op];
  const limit = numberOf(expected);
  if (bound === undefined || limit === undefined) return undefined;
  return withinBound(actual, bound, limit);
}

/** A typed condition (`{contains: "x"}`); a formula's is one level down (`{formula: {string: {contains}}}`). */
function conditionTruth(type: string, condition: unknown, actual: unknown): Truth {
  if (!isObject(condition)) return undefined;
  if (type === "formula") {
    const [inner, innerCondition] = Object.entries(condition)[0] ?? [];
    return inner === undefined ? undefined : conditionTruth(inner, innerCondition, actual);
  }
  const isDate = DATE_TYPES.has(type);
  return allOf(Object.entries(condition).map(([op, expected]) => operatorTruth(op, expected, actual, isDate)));
}

function truth(filter: unknown, record: Rec, schema: RecordSchema): Truth {
  if (!isObject(filter)) return undefined;
  if (Array.isArray(filter.and)) return allOf(filter.and.map((f) => truth(f, record, schema)));
  if (Array.isArray(filter.or)) return anyOf(filter.or.map((f) => truth(f, record, schema)));
  if (typeof filter.timestamp === "string") {
    const actual = namedValue(record, filter.timestamp, schema);
    return actual === undefined ? undefined : conditionTruth(filter.timestamp, filter[filter.timestamp], actual);
  }
  if (typeof filter.property !== "string") return undefined;
  const actual = namedValue(record, filter.property, schema);
  if (actual === undefined) return undefined;
  const type = Object.keys(filter).find((k) => !NOT_CONDITION.has(k));
  // The search endpoint's `{property: "object", value: "page"}`.
  if (type === undefined) return "value" in filter ? sameValue(actual, filter.value) : undefined;
  return conditionTruth(type, filter[type], actual);
}

/** Whether a value is written as a Notion filter (a property, timestamp or compound filter). */
export function isNotionFilter(value: unknown): boolean {
  return isObject(value) && ["property", "timestamp", "and", "or"].some((k) => k in value);
}

/** The record test of a Notion filter; undefined when the value is not one. */
export function notionFilterTest(filter: unknown, schema: RecordSchema): RecordTest | undefined {
  if (!isNotionFilter(filter)) return undefined;
  return (record) => kept(truth(filter, record, schema));
}

/** For a unit test: the three-valued answer of a filter for one record (the records generated carry no typed properties). */
export function notionFilterTruth(filter: unknown, record: Rec, schema: RecordSchema): Truth {
  return truth(filter, record, schema);
}
