import type { CatalogAction } from "../catalog/types.js";
import type { Dataset } from "../records/dataset.js";
import { listSort } from "../records/list-sort.js";
import type { SortKey } from "../records/sort-keys.js";
import { type SortedOrder, sortedOrder, WINDOWED_WARNING } from "./sorted-order.js";

/**
 * The order a list reads its records in: a query's own (ORDER BY, `sort:`) wins over the sort params, as the query
 * is the more specific; none when nothing sorts. A windowed sort (sorted-order.ts) says so in a warning.
 */
export function listOrder(
  dataset: Dataset,
  action: CatalogAction,
  params: Record<string, unknown>,
  queryOrder: SortKey[] | undefined,
): { order?: SortedOrder; warning?: Record<string, unknown> } {
  const keys = queryOrder ?? listSort(action, params);
  if (!keys || keys.length === 0) return {};
  const order = sortedOrder(dataset, keys);
  return { order, ...(order.windowed ? { warning: WINDOWED_WARNING } : {}) };
}
