// What the fields of one generated object share, so its dates, state and person agree (values.ts builds it, the
// scalar generators in scalars.ts read it).
import { mixSeed } from "../random.js";

/** "Now" for generated data: fixed, so a record is the same on every run and every day. Records run back from it. */
export const BASE_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** How often a terminal date (closed_at...) is set when the object has no state to say so. */
const TERMINAL_RATE = 0.35;
const ENDED_SALT = 0x2545f491;

/** What the fields of one object share so they agree: created ≤ terminal ≤ updated ≤ now, one person, one state. */
export interface Scope {
  index: number;
  created: number;
  updated: number;
  /** The object's main state, lower-cased, once generated. */
  state: string | undefined;
  /** One person per object: name, first_name, email and login are drawn from it. */
  person: number;
  /** Whether the object ended, when it has no state to say so: drawn once, so closed_at and cancelled_at agree. */
  ended: boolean | undefined;
  /** The object's seed, which its fields' seeds derive from. */
  seed: number;
}

/** Did the object end? Its state says so when it has one; otherwise its seed decides, once, for all its fields. */
export function endedBy(s: Scope, states: ReadonlySet<string>): boolean {
  if (s.state !== undefined) return states.has(s.state);
  if (s.ended === undefined) s.ended = mixSeed(s.seed, ENDED_SALT) / 4294967296 < TERMINAL_RATE;
  return s.ended;
}
