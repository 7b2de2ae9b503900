// A sorted list reads the entity through an order of its positions instead of position by position. Records are
// generated from positions, so a true sort of an entity needs every record's value: it is done exactly for up to
// SORT_WINDOW positions (every default entity, 57 records), once, and the order kept until a write. A larger
// entity is sorted window by window: positions [0, W) in order, then [W, 2W), ... Paging stays exact either way
// (a cursor is an index into the order, which is a permutation of the positions), but past the first window the
// order is only sorted within each window, and the answer carries a `sort_windowed` warning saying so.
import type { Dataset } from "../records/dataset.js";
import { compareSortValues, type SortValue, sortValuesOf } from "../records/record-order.js";
import type { SortKey } from "../records/sort-keys.js";

/** The most positions sorted together: the bounded scan filtered pages use (run.ts SCAN_LIMIT). */
export const SORT_WINDOW = 5000;
/** Windows kept, over every dataset and sort: each is one Int32Array of at most SORT_WINDOW positions. */
const CACHED_WINDOWS = 64;

/** Sorted windows by dataset writes, sort and window start; a Map keeps insertion order, so the oldest go first. */
const windows = new Map<string, Int32Array>();
/** A number per entity store (Dataset.writes), so equal seeds in two emulators never share an order. */
const storeNumbers = new WeakMap<object, number>();
let nextStoreNumber = 0;

function storeNumber(dataset: Dataset): number {
  let n = storeNumbers.get(dataset.writes);
  if (n === undefined) {
    n = nextStoreNumber++;
    storeNumbers.set(dataset.writes, n);
  }
  return n;
}

/** Forgets the orders of an entity before a write changes what they sort by. */
export function forgetOrders(dataset: Dataset): void {
  storeNumbers.delete(dataset.writes);
}

/** What a sort reads at a position: the stored record, or another shape of it (the context store's). */
export type RecordReader = (position: number) => Record<string, unknown> | undefined;

/** Positions [start, end) sorted by the keys, ties (and deleted records, which sort last) by position. */
function sortWindow(read: RecordReader, keys: readonly SortKey[], start: number, end: number): Int32Array {
  const values: SortValue[][] = [];
  for (let position = start; position < end; position++) values.push(sortValuesOf(read(position), keys));
  const order = Array.from({ length: end - start }, (_, i) => i);
  order.sort((a, b) => compareSortValues(values[a] as SortValue[], values[b] as SortValue[], keys) || a - b);
  return Int32Array.from(order, (i) => start + i);
}

export interface SortedOrder {
  /** The position at an index of the order. */
  positionAt(index: number): number;
  /** Whether the entity is larger than one window, so the order is sorted window by window only. */
  windowed: boolean;
}

/**
 * The order a sort reads a dataset in, sorted on first use and cached until the entity's next write. `shape`
 * names what `read` answers when it is not the stored record, so orders of two shapes are cached apart.
 */
export function sortedOrder(
  dataset: Dataset,
  keys: readonly SortKey[],
  read: RecordReader = (position) => dataset.at(position),
  shape = "stored",
): SortedOrder {
  const size = dataset.size();
  const prefix = `${storeNumber(dataset)}:${dataset.seedKey}:${shape}:${size}:${JSON.stringify(keys)}`;
  const windowAt = (start: number): Int32Array => {
    const key = `${prefix}@${start}`;
    const hit = windows.get(key);
    if (hit) {
      windows.delete(key);
      windows.set(key, hit);
      return hit;
    }
    const sorted = sortWindow(read, keys, start, Math.min(size, start + SORT_WINDOW));
    windows.set(key, sorted);
    for (const oldest of windows.keys()) {
      if (windows.size <= CACHED_WINDOWS) break;
      windows.delete(oldest);
    }
    return sorted;
  };
  return {
    positionAt(index) {
      const start = index - (index % SORT_WINDOW);
      return windowAt(start)[index - start] ?? index;
    },
    windowed: size > SORT_WINDOW,
  };
}

export const WINDOWED_WARNING = {
  code: "sort_windowed",
  message: `the entity has more than ${SORT_WINDOW} records: the emulator sorts them ${SORT_WINDOW} at a time (in position order window by window), not all together`,
};
