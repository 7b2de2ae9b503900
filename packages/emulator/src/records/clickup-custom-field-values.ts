// ClickUp task `custom_fields`: the list's custom fields, each `{id, name, type, type_config, date_created,
// hide_from_guests, required, value}` as the task API answers them; a field without a value has no `value` key.
// The same four fields on every task (a list's fields are shared by its tasks), with fixed ids.
import type { Stream } from "../random.js";
import type { Scope } from "./scope.js";
import { COMPANIES } from "./vocabulary.js";

const SPRINT_OPTIONS = ["Sprint 1", "Sprint 2", "Sprint 3"].map((name, orderindex) => ({
  id: `00000000-0000-4000-8000-0000000005${orderindex + 1}0`,
  name,
  color: ["#1bbc9c", "#7b68ee", "#ff7800"][orderindex],
  orderindex,
}));

/** The fixed ids of the generated custom fields (tests filter by them, as a user copies them from a task). */
export const CLICKUP_CUSTOM_FIELD_IDS = {
  storyPoints: "00000000-0000-4000-8000-000000000501",
  sprint: "00000000-0000-4000-8000-000000000502",
  customer: "00000000-0000-4000-8000-000000000503",
  approved: "00000000-0000-4000-8000-000000000504",
} as const;

const CREATED = "1735689600000";

function field(id: string, name: string, type: string, typeConfig: unknown, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id,
    name,
    type,
    type_config: typeConfig,
    date_created: CREATED,
    hide_from_guests: false,
    required: false,
  };
  if (value !== undefined) out.value = value;
  return out;
}

export function clickupCustomFields(r: Stream, _s: Scope): unknown[] {
  const ids = CLICKUP_CUSTOM_FIELD_IDS;
  return [
    field(ids.storyPoints, "Story Points", "number", {}, 1 + r.below(8)),
    field(
      ids.sprint,
      "Sprint",
      "drop_down",
      { default: 0, placeholder: null, options: SPRINT_OPTIONS },
      r.next() < 0.8 ? r.below(3) : undefined,
    ),
    field(ids.customer, "Customer", "short_text", {}, r.next() < 0.7 ? COMPANIES[r.below(COMPANIES.length)] : undefined),
    field(ids.approved, "Approved", "checkbox", {}, r.next() < 0.5 ? "true" : undefined),
  ];
}
