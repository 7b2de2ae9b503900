// ISO 8601 instants written as JSON strings straight into a JsonOut: `new Date(...).toISOString()` and the slicing and
// concatenation after it cost more than the rest of a date field. The same text as `iso()` in scalars.ts.
import type { JsonOut } from "./json-out.js";

/** The text of `iso(ms)` in scalars.ts: whole seconds, `YYYY-MM-DDTHH:MM:SSZ` (years 0-9999). */
export function isoText(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Writes `JSON.stringify(isoText(ms))`, or only its date (`"YYYY-MM-DD"`) when `dateOnly`. */
export function writeIso(out: JsonOut, ms: number, dateOnly: boolean): void {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const daySeconds = seconds - days * 86_400;
  // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted): no Date object.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  out.reserve(22);
  const b = out.bytes;
  let at = out.length;
  b[at++] = 34;
  b[at++] = 48 + Math.floor(year / 1000);
  b[at++] = 48 + (Math.floor(year / 100) % 10);
  b[at++] = 48 + (Math.floor(year / 10) % 10);
  b[at++] = 48 + (year % 10);
  b[at++] = 45;
  b[at++] = 48 + Math.floor(month / 10);
  b[at++] = 48 + (month % 10);
  b[at++] = 45;
  b[at++] = 48 + Math.floor(day / 10);
  b[at++] = 48 + (day % 10);
  if (!dateOnly) {
    const hour = Math.floor(daySeconds / 3600);
    const minute = Math.floor(daySeconds / 60) % 60;
    const second = daySeconds % 60;
    b[at++] = 84;
    b[at++] = 48 + Math.floor(hour / 10);
    b[at++] = 48 + (hour % 10);
    b[at++] = 58;
    b[at++] = 48 + Math.floor(minute / 10);
    b[at++] = 48 + (minute % 10);
    b[at++] = 58;
    b[at++] = 48 + Math.floor(second / 10);
    b[at++] = 48 + (second % 10);
    b[at++] = 90;
  }
  b[at++] = 34;
  out.length = at;
}
