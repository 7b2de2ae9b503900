import type { CatalogAction, CatalogParam } from "../catalog/types.js";
import { unprocessable } from "../http/errors.js";
import type { Dataset } from "../records/dataset.js";
import { indexOfId } from "../records/generate.js";

/** Cursors are opaque to clients; inside they carry the next position. */
export function encodeCursor(position: number): string {
  // Base64 pads with at most two `=`; a bounded run keeps the regex linear.
  return btoa(`emu:${position}`).replace(/={1,2}$/, "");
}

function decodeToken(text: string): number | undefined {
  try {
    const match = /^emu:(\d+)$/.exec(atob(text));
    if (match) return Number(match[1]);
  } catch {
    // not one of ours
  }
  return undefined;
}

/** Page-number parameters count pages; other integer cursors (offset, startAt) count records. */
export function isPageNumber(param: CatalogParam | undefined): boolean {
  return !!param && /^(page|page\[number\]|pageNumber|page_number)$/i.test(param.name);
}

/**
 * The number of a page-number parameter's first page: its default (ClickUp's `page` is 0-indexed, default 0), else
 * its minimum, else 1.
 */
export function firstPage(param: CatalogParam | undefined): number {
  if (typeof param?.default === "number" && Number.isInteger(param.default)) return param.default;
  if (typeof param?.minimum === "number" && Number.isInteger(param.minimum)) return param.minimum;
  return 1;
}

export function isIntegerParam(param: CatalogParam | undefined): boolean {
  return !!param && [param.type ?? []].flat().some((t) => t === "integer" || t === "number");
}

/**
 * The position a cursor value points at: our token, a link that carries it (`next_page_uri`, `nextRecordsUrl`),
 * an offset or page number for integer cursor parameters, a record id (Stripe's `starting_after`), or the value of
 * the record field the action's cursor takes (Typeform's `after=<token>`): the position after that record.
 */
export function decodeCursor(value: unknown, action: CatalogAction, size: number, dataset?: Dataset): number {
  const param = action.params.find((p) => p.name === action.cursorParam);
  const field = `params.${action.cursorParam ?? "cursor"}`;
  const text = String(value).trim();
  if (isIntegerParam(param) && /^\d+$/.test(text)) {
    const n = Number(text);
    return isPageNumber(param) ? Math.max(0, n - firstPage(param)) * size : n;
  }
  const direct = decodeToken(text);
  if (direct !== undefined) return direct;
  for (const part of text.split(/[?&=/#]/)) {
    const inside = part.length >= 6 ? decodeToken(decodeURIComponent(part)) : undefined;
    if (inside !== undefined) return inside;
  }
  const style = dataset?.cursorStyle;
  const byField = style && action.cursorField === style.field ? indexOfId(style, value) : undefined;
  if (dataset && byField !== undefined && byField < dataset.size()) return byField + 1;
  const index = dataset ? indexOfId(dataset.idStyle, value) : undefined;
  if (dataset && index !== undefined && index < dataset.size()) return index + 1;
  throw unprocessable([{ field, message: "Invalid pagination cursor", code: "invalid_cursor" }]);
}

/** What a client sends back in the cursor parameter to read the page starting at `position`. */
export function cursorValue(action: CatalogAction, position: number, size: number): string | number {
  const param = action.params.find((p) => p.name === action.cursorParam);
  if (isIntegerParam(param)) return isPageNumber(param) ? Math.floor(position / size) + firstPage(param) : position;
  return encodeCursor(position);
}
