// HubSpot's CRM search body: `filterGroups: [{filters: [{propertyName, operator, value}]}]`, the groups OR'ed and the
// filters of one group AND'ed. A filter on a property the record does not have, or with an operator not read
// here, is ignored (in an OR of groups, a group left with nothing to test holds for every record).
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { containsText, isEmptyValue, sameValue, withinBound } from "./value-match.js";

interface HubSpotFilter {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  values?: unknown;
  highValue?: unknown;
}

/** HubSpot sends dates as epoch milliseconds; the emulator compares dates in seconds. */
function limitOf(value: unknown): number | undefined {
  const n = numberOf(value);
  return n !== undefined && Math.abs(n) >= 1e11 && typeof value !== "boolean" ? Math.floor(n / 1000) : n;
}

function bounded(path: string[], low: unknown, high?: unknown): RecordTest | undefined {
  const a = limitOf(low);
  const b = high === undefined ? undefined : limitOf(high);
  if (a === undefined || (high !== undefined && b === undefined)) return undefined;
  return (r) => valuesAt(r, path).some((v) => withinBound(v, ">=", a) && (b === undefined || withinBound(v, "<=", b)));
}

function filterTest(filter: HubSpotFilter, schema: RecordSchema): RecordTest | undefined {
  if (typeof filter?.propertyName !== "string" || typeof filter.operator !== "string") return undefined;
  const path = fieldPath(schema, filter.propertyName);
  if (!path) return undefined;
  const values = (r: Record<string, unknown>) => valuesAt(r, path);
  const { value } = filter;
  const limit = limitOf(value);
  switch (filter.operator.toUpperCase()) {
    case "EQ":
      return (r) => values(r).some((v) => sameValue(v, value));
    case "NEQ":
      return (r) => !values(r).some((v) => sameValue(v, value));
    case "IN":
      return Array.isArray(filter.values) ? (r) => values(r).some((v) => sameValue(v, filter.values)) : undefined;
    case "NOT_IN":
      return Array.isArray(filter.values) ? (r) => !values(r).some((v) => sameValue(v, filter.values)) : undefined;
    case "CONTAINS_TOKEN":
      // `*` is HubSpot's wildcard in a token; without it the token is a substring here.
      return typeof value === "string" ? (r) => values(r).some((v) => containsText(v, value.replaceAll("*", ""))) : undefined;
    case "NOT_CONTAINS_TOKEN":
      return typeof value === "string" ? (r) => !values(r).some((v) => containsText(v, value.replaceAll("*", ""))) : undefined;
    case "HAS_PROPERTY":
      return (r) => !values(r).every(isEmptyValue);
    case "NOT_HAS_PROPERTY":
      return (r) => values(r).every(isEmptyValue);
    case "GT":
    case "GTE":
    case "LT":
    case "LTE": {
      if (limit === undefined) return undefined;
      const bound = ({ GT: ">", GTE: ">=", LT: "<", LTE: "<=" } as const)[filter.operator.toUpperCase() as "GT"];
      return (r) => values(r).some((v) => withinBound(v, bound, limit));
    }
    case "BETWEEN":
      return bounded(path, value, filter.highValue);
    default:
      return undefined;
  }
}

/** The record test of `filterGroups`; undefined when no group has a filter the emulator can read. */
export function filterGroupsTest(groups: unknown, schema: RecordSchema): RecordTest | undefined {
  if (!Array.isArray(groups) || groups.length === 0) return undefined;
  const tests = groups.map((group) => {
    const filters = Array.isArray(group?.filters) ? (group.filters as HubSpotFilter[]) : [];
    const read = filters.map((f) => filterTest(f, schema)).filter((t): t is RecordTest => t !== undefined);
    return read.length === 0 ? undefined : (r: Record<string, unknown>) => read.every((t) => t(r));
  });
  if (tests.some((t) => t === undefined)) return undefined;
  return (r) => tests.some((t) => (t as RecordTest)(r));
}
