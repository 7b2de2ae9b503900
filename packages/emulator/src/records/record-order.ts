// How two records compare under sort keys. Values of one field compare as the API would order them: numbers by
// value, dates (ISO text) by time, other text case-insensitively; a record without the value comes last in either
// direction. Ties are left to the caller, which breaks them by position so the order is total and stable.
import { valuesAt } from "./field-path.js";
import type { SortKey } from "./sort-keys.js";

/** A value reduced to what it sorts by: a number (numbers, numeric text, ISO dates), lower-cased text, or undefined. */
export type SortValue = number | string | undefined;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

function sortValue(value: unknown): SortValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    if (value === "") return undefined;
    if (NUMERIC.test(value)) return Number(value);
    if (ISO_DATE.test(value)) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) return t;
    }
    return value.toLowerCase();
  }
  // An object sorts by what names it (Zendesk's `assignee`, a Jira `status`): its name, else its id.
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const named = value as Record<string, unknown>;
    return sortValue(named.name ?? named.displayName ?? named.title ?? named.id);
  }
  return undefined;
}

/** What a record sorts by under each key: the first value at the key's path (a list's first element). */
export function sortValuesOf(record: Record<string, unknown> | undefined, keys: readonly SortKey[]): SortValue[] {
  return keys.map((key) => {
    if (!record) return undefined;
    const [first] = valuesAt(record, key.path);
    return sortValue(Array.isArray(first) ? first[0] : first);
  });
}

/** Numbers before text when a field holds both (never in a generated field; possible after a write). */
function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}

/** The order of two records' sort values under the keys; 0 when they tie on every key. */
export function compareSortValues(a: readonly SortValue[], b: readonly SortValue[], keys: readonly SortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // Missing values go last whichever the direction.
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const order = compareValues(x, y);
    if (order !== 0) return (keys[i] as SortKey).descending ? -order : order;
  }
  return 0;
}
