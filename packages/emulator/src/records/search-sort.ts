// The contract's search sort (`search`/`context_store_search` `query.sort`), in the two forms the SDK types:
// `[{created_at: "desc"}, {name: "asc"}]` and `[{field: "created_at", order: "desc"}]`. Entries naming no field
// of the searched records are dropped, as an unknown filter field narrows nothing.
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath } from "./field-path.js";
import { directionOf, type SortKey, sortFieldPath } from "./sort-keys.js";

function entryKeys(entry: unknown, schema: RecordSchema): SortKey[] {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return [];
  const named = entry as Record<string, unknown>;
  const pairs: [string, unknown][] = typeof named.field === "string" ? [[named.field, named.order ?? "asc"]] : Object.entries(named);
  return pairs.flatMap(([name, order]) => {
    // The contract names fields as the records carry them: exact paths first, the sort names' aliases after.
    const path = fieldPath(schema, name) ?? sortFieldPath(schema, name);
    return path ? [{ path, descending: directionOf(order) === "desc" }] : [];
  });
}

/** The sort keys of a contract search's `query.sort`; undefined when it names none. */
export function searchSortKeys(sort: unknown, schema: RecordSchema): SortKey[] | undefined {
  if (!Array.isArray(sort)) return undefined;
  const keys = sort.flatMap((entry) => entryKeys(entry, schema));
  return keys.length > 0 ? keys : undefined;
}
