// How a record value compares with a value a caller filters by. Callers send text (a URL carries no types), so
// numbers and booleans compare by value, text case-insensitively, an array field holds a value when one element
// does, and an object field (Jira's `status`, GitHub's `user`) by what names it: its key, name, login, id or email.
import { numberOf } from "./search-query.js";

/** The fields that name an object (ClickUp's status is `{status, color}`, a WooCommerce category `{id, name, slug}`). */
export const NAMING_FIELDS = [
  "id",
  "key",
  "name",
  "login",
  "username",
  "slug",
  "status",
  "value",
  "displayName",
  "display_name",
  "email",
  "emailAddress",
  "accountId",
  "label",
  "gid",
  "sid",
];

/** Whether `actual` (one record value) equals `expected` (a value sent); an array `expected` means any of them. */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return expected.some((e) => sameValue(actual, e));
  if (actual === null || actual === undefined) return expected === null || String(expected).toLowerCase() === "null";
  if (Array.isArray(actual)) return actual.some((a) => sameValue(a, expected));
  if (typeof actual === "object") {
    const named = actual as Record<string, unknown>;
    return NAMING_FIELDS.some((f) => f in named && named[f] !== null && typeof named[f] !== "object" && sameValue(named[f], expected));
  }
  if (expected === null || typeof expected === "object") return false;
  if (typeof actual === "number") return numberOf(expected) === actual;
  if (typeof actual === "boolean") return String(expected).toLowerCase() === String(actual);
  return String(actual).toLowerCase() === String(expected).toLowerCase();
}

/** Whether the text of a value (any nesting, as JSON) contains `text`, case-insensitively. */
export function containsText(actual: unknown, text: string): boolean {
  if (actual === null || actual === undefined) return false;
  const haystack = typeof actual === "string" ? actual : JSON.stringify(actual);
  return haystack.toLowerCase().includes(text.toLowerCase());
}

/** Whether a value is absent: null, missing, empty text or an empty list (JQL `is EMPTY`, HubSpot `NOT_HAS_PROPERTY`). */
export function isEmptyValue(actual: unknown): boolean {
  return actual === null || actual === undefined || actual === "" || (Array.isArray(actual) && actual.length === 0);
}

export type Bound = ">" | ">=" | "<" | "<=";

/** Whether `actual` is past `bound` of `limit`, both read as numbers or dates (Unix seconds); false when either is not. */
export function withinBound(actual: unknown, bound: Bound, limit: number): boolean {
  const a = numberOf(actual);
  if (a === undefined) return false;
  return bound === ">" ? a > limit : bound === ">=" ? a >= limit : bound === "<" ? a < limit : a <= limit;
}

/** A SQL `LIKE` pattern (`%` any run, `_` one character) as a case-insensitive test. */
export function likeTest(pattern: string): (actual: unknown) => boolean {
  const source = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replaceAll("%", ".*")
    .replaceAll("_", ".");
  const regex = new RegExp(`^${source}$`, "i");
  return (actual) => (Array.isArray(actual) ? actual : [actual]).some((a) => a !== null && a !== undefined && regex.test(String(a)));
}
