// ClickUp's `custom_fields` filter of a task search: `[{field_id, operator, value}]`, every filter AND'ed, read
// against the task's `custom_fields: [{id, name, type, value}]` (by id, or by name). Operators: `=`, `!=`, `<`, `<=`, `>`, `>=`,
// `IS NULL`, `IS NOT NULL`, `RANGE` (`[low, high]`, inclusive), `ANY`, `ALL`, `NOT ANY`, `NOT ALL` (a labels field's
// ids). A field the task does not have (the generated tasks carry four, see clickup-custom-field-values.ts) or another operator is
// unknown and never drops a task (three-valued.ts).
import type { RecordTest } from "./search-query.js";
import { numberOf } from "./search-query.js";
import { allOf, kept, type Truth } from "./three-valued.js";
import { type Bound, isEmptyValue, sameValue, withinBound } from "./value-match.js";

type Rec = Record<string, unknown>;

const isObject = (v: unknown): v is Rec => v !== null && typeof v === "object" && !Array.isArray(v);

const BOUNDS: Record<string, Bound> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** The value of the task's custom field `id`, or undefined when the task has no such field. */
function fieldValue(record: Rec, id: string): unknown {
  const fields = Array.isArray(record.custom_fields) ? record.custom_fields : [];
  const field = fields.find((f) => isObject(f) && (f.id === id || f.name === id));
  return isObject(field) ? (field.value ?? null) : undefined;
}

function operatorTruth(operator: string, actual: unknown, expected: unknown): Truth {
  const list = Array.isArray(expected) ? expected : [expected];
  const held = Array.isArray(actual) ? actual : isEmptyValue(actual) ? [] : [actual];
  switch (operator.toUpperCase()) {
    case "=":
      return sameValue(actual, expected);
    case "!=":
      return !sameValue(actual, expected);
    case "IS NULL":
      return isEmptyValue(actual);
    case "IS NOT NULL":
      return !isEmptyValue(actual);
    case "ANY":
      return list.some((e) => held.some((a) => sameValue(a, e)));
    case "NOT ANY":
      return !list.some((e) => held.some((a) => sameValue(a, e)));
    case "ALL":
      return list.every((e) => held.some((a) => sameValue(a, e)));
    case "NOT ALL":
      return !list.every((e) => held.some((a) => sameValue(a, e)));
    case "RANGE": {
      const low = numberOf(list[0]);
      const high = numberOf(list[1]);
      if (low === undefined || high === undefined) return undefined;
      return withinBound(actual, ">=", low) && withinBound(actual, "<=", high);
    }
  }
  const bound = BOUNDS[operator];
  const limit = numberOf(expected);
  return bound === undefined || limit === undefined ? undefined : withinBound(actual, bound, limit);
}

function filterTruth(filter: unknown, record: Rec): Truth {
  if (!isObject(filter) || typeof filter.field_id !== "string" || typeof filter.operator !== "string") return undefined;
  const actual = fieldValue(record, filter.field_id);
  return actual === undefined ? undefined : operatorTruth(filter.operator, actual, filter.value);
}

/** The record test of a `custom_fields` filter (a list, or its JSON text); undefined when it is neither. */
export function customFieldsTest(value: unknown): RecordTest | undefined {
  let filters = value;
  if (typeof value === "string") {
    try {
      filters = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(filters) || filters.length === 0) return undefined;
  const list = filters;
  return (record) => kept(allOf(list.map((f) => filterTruth(f, record))));
}
