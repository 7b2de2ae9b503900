/** A Context Store search filter: field conditions combined with and/or/not (api-notes §5). */
export type Filter = Record<string, unknown>;

const OPERATORS = new Set(["eq", "neq", "gt", "gte", "lt", "lte", "in", "like", "fuzzy", "keyword", "contains", "any", "has"]);

/** Throws a readable message for an unknown operator, so the route can answer 422 naming it. */
export function validateFilter(filter: unknown, path = "params.query.filter"): void {
  if (filter === undefined || filter === null) return;
  if (typeof filter !== "object" || Array.isArray(filter)) throw new Error(`${path}: must be an object`);
  for (const [key, value] of Object.entries(filter)) {
    if (key === "and" || key === "or") {
      if (!Array.isArray(value)) throw new Error(`${path}.${key}: must be an array`);
      for (const [i, f] of value.entries()) validateFilter(f, `${path}.${key}[${i}]`);
    } else if (key === "not") {
      validateFilter(value, `${path}.not`);
    } else if (!OPERATORS.has(key)) {
      throw new Error(`${path}: unknown operator '${key}' (expected one of ${[...OPERATORS].join(", ")}, and, or, not)`);
    } else if (!value || typeof value !== "object" || Array.isArray(value)) {
      throw new Error(`${path}.${key}: must be an object of {field: value}`);
    }
  }
}

function get(record: unknown, path: string): unknown {
  let current = record;
  for (const part of path.split(".")) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** Whether a record satisfies a (validated) filter. */
export function matchesFilter(record: unknown, filter: Filter | null | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([op, value]) => {
    if (op === "and") return (value as Filter[]).every((f) => matchesFilter(record, f));
    if (op === "or") return (value as Filter[]).some((f) => matchesFilter(record, f));
    if (op === "not") return !matchesFilter(record, value as Filter);
    return Object.entries(value as Record<string, unknown>).every(([field, expected]) => {
      const actual = get(record, field);
      switch (op) {
        case "eq":
          return actual === expected;
        case "neq":
          return actual !== expected;
        case "gt":
          return actual != null && compare(actual, expected) > 0;
        case "gte":
          return actual != null && compare(actual, expected) >= 0;
        case "lt":
          return actual != null && compare(actual, expected) < 0;
        case "lte":
          return actual != null && compare(actual, expected) <= 0;
        case "in":
          return Array.isArray(expected) && expected.includes(actual);
        case "like": {
          const pattern = String(expected)
            .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
            .replaceAll("%", ".*")
            .replaceAll("_", ".");
          return new RegExp(`^${pattern}$`, "i").test(String(actual ?? ""));
        }
        case "any":
          return Array.isArray(actual) && Array.isArray(expected) && expected.some((e) => actual.includes(e));
        case "has":
          return Array.isArray(actual)
            ? actual.includes(expected)
            : actual != null && typeof actual === "object" && String(expected) in actual;
        default:
          // contains, fuzzy, keyword: case-insensitive substring, the closest offline stand-in for ranked text search.
          return String(typeof actual === "object" ? JSON.stringify(actual) : (actual ?? ""))
            .toLowerCase()
            .includes(String(expected).toLowerCase());
      }
    });
  });
}
