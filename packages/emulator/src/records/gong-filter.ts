// Gong's `filter` body object: id lists (`callIds`, `userIds`, `primaryUserIds`, `scorecardIds`, `reviewedUserIds`,
// `reviewerUserIds`), `workspaceId`, and the `fromDateTime`/`toDateTime` window of a call's start (`from` inclusive,
// `to` exclusive, as Gong documents). Each key reads the record's field of the singular name (`callId`, `userId`),
// at the top or in a call's `metaData` (a call's own id for `callIds`). A key naming no field of the record is
// ignored: the stats reports' `fromDate`/`toDate` are the period the figures cover, not a field of each row.
import type { RecordSchema } from "../catalog/types.js";
import { firstFieldPath, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { sameValue, withinBound } from "./value-match.js";

// Where a call's start time is: a call's `metaData.started`, a scorecard's `callStartTime`.
const CALL_START = ["metaData.started", "callStartTime", "started"];

/** The paths an id-list key (`callIds`) or a single id key (`workspaceId`) reads. */
function idPaths(key: string): string[] {
  const singular = key.replace(/Ids$/, "Id");
  const paths = [singular, `metaData.${singular}`];
  return key === "callIds" ? [...paths, "metaData.id", "id"] : paths;
}

function keyTest(key: string, value: unknown, schema: RecordSchema): RecordTest | undefined {
  if (key === "fromDateTime" || key === "toDateTime") {
    const limit = numberOf(value);
    const path = firstFieldPath(schema, CALL_START);
    if (limit === undefined || !path) return undefined;
    const bound = key === "fromDateTime" ? ">=" : "<";
    return (r) => valuesAt(r, path).some((v) => withinBound(v, bound, limit));
  }
  if (!/Ids?$/.test(key)) return undefined;
  if (Array.isArray(value) ? value.length === 0 : typeof value !== "string") return undefined;
  const path = firstFieldPath(schema, idPaths(key));
  return path && ((r) => valuesAt(r, path).some((v) => sameValue(v, value)));
}

/** Whether a param's declared object is Gong's filter (id lists or a call-time window). */
export function isGongFilterSchema(schema: RecordSchema | undefined): boolean {
  const props = schema?.properties ?? {};
  return ["callIds", "userIds", "fromDateTime"].some((k) => k in props);
}

/** The record test of a Gong filter; undefined when no key of it names a field of the record. */
export function gongFilterTest(filter: unknown, schema: RecordSchema): RecordTest | undefined {
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) return undefined;
  const tests = Object.entries(filter)
    .map(([key, value]) => keyTest(key, value, schema))
    .filter((t): t is RecordTest => t !== undefined);
  if (tests.length === 0) return undefined;
  return (r) => tests.every((t) => t(r));
}
