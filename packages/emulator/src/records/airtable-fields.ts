// Airtable record `fields`: cell values by field name, as the API answers them (a single select as its option's
// name, a checkbox only when checked, an empty cell left out).
import type { Stream } from "../random.js";
import { isoText } from "./iso-time.js";
import type { Scope } from "./scope.js";
import { COMPANIES, SENTENCES, TITLES } from "./vocabulary.js";

const STATUSES = ["Todo", "In progress", "Done"];
const PRIORITIES = ["High", "Medium", "Low"];

const pick = <T>(r: Stream, list: readonly T[]): T => list[r.below(list.length)] as T;

export function airtableFields(r: Stream, s: Scope): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Name: pick(r, TITLES),
    Status: pick(r, STATUSES),
    Priority: pick(r, PRIORITIES),
    Company: pick(r, COMPANIES),
    Estimate: 1 + r.below(13),
  };
  if (r.next() < 0.7) fields.Notes = pick(r, SENTENCES);
  if (r.next() < 0.4) fields.Done = true;
  fields.Created = isoText(s.created).replace("Z", ".000Z");
  return fields;
}
