import type { CatalogAction, RecordSchema } from "../catalog/types.js";
import type { Dataset } from "../records/dataset.js";
import { listSort } from "../records/list-sort.js";
import { searchSortKeys } from "../records/search-sort.js";
import type { SortKey } from "../records/sort-keys.js";
import { type SortedOrder, sortedOrder, WINDOWED_WARNING } from "./sorted-order.js";

interface ReadOrder {
  order?: SortedOrder;
  warning?: Record<string, unknown>;
}

/**
 * The order a list reads its records in: a query's own (ORDER BY, `sort:`) wins over the sort params, as the query
 * is the more specific; none when nothing sorts. A windowed sort (sorted-order.ts) says so in a warning.
 */
export function listOrder(
  dataset: Dataset,
  action: CatalogAction,
  params: Record<string, unknown>,
  queryOrder: SortKey[] | undefined,
): ReadOrder {
  const keys = queryOrder ?? listSort(action, params);
  if (!keys || keys.length === 0) return {};
  return withWarning(sortedOrder(dataset, keys));
}

/** The order a contract search (`query.sort`) reads in, sorting the records as the context store shapes them. */
export function searchOrder(
  dataset: Dataset,
  sort: unknown,
  schema: RecordSchema,
  shaped: (record: Record<string, unknown>, position: number) => Record<string, unknown>,
): ReadOrder {
  const keys = searchSortKeys(sort, schema);
  if (!keys) return {};
  const read = (position: number) => {
    const record = dataset.at(position);
    return record && shaped(record, position);
  };
  return withWarning(sortedOrder(dataset, keys, read, "context_store"));
}

function withWarning(order: SortedOrder): ReadOrder {
  return { order, ...(order.windowed ? { warning: WINDOWED_WARNING } : {}) };
}
