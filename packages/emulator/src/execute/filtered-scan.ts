import type { CatalogAction } from "../catalog/types.js";
import { isPageNumber } from "./cursor.js";

/**
 * How many records a filtered page may scan. A page-number cursor can only say "page n", which starts at record
 * (n-1)*size, so each page scans exactly its own window of `size` records and keeps the matching ones: pages may be
 * short, but never overlap and always end. Other cursors carry the position the scan reached, so a page scans up
 * to `bound` records (keeping a 100k-record entity cheap) and the next page goes on from there.
 */
export function filteredScanLimit(action: CatalogAction, size: number, bound: number): number {
  return isPageNumber(action.params.find((p) => p.name === action.cursorParam)) ? size : bound;
}
