// The spec's bounds on a parameter or request-body field (minimum/maximum, exclusive bounds, string lengths, a
// pattern, a format), checked once the value has the right type. Messages and codes are pydantic's, as the
// hosted API's other 422s are.
import type { Bounds } from "../catalog/types.js";
import { FORMATS } from "./schema.js";

export interface Problem {
  field: string;
  message: string;
  code: string;
}

const FORMAT_MESSAGES: Record<string, [string, string]> = {
  "date-time": ["Input should be a valid datetime", "datetime_parsing"],
  date: ["Input should be a valid date", "date_parsing"],
  email: ["value is not a valid email address", "value_error"],
  uri: ["Input should be a valid URL", "url_parsing"],
};

// Spec patterns are ECMA-262 regexes, unanchored (a search, as JSON Schema says); one that does not compile in
// JavaScript is not checked rather than refusing every value. Compiled once per pattern.
const patterns = new Map<string, RegExp | null>();
function patternOf(source: string): RegExp | null {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, "u");
    } catch {
      try {
        re = new RegExp(source);
      } catch {
        re = null;
      }
    }
    patterns.set(source, re);
  }
  return re;
}

/** The number a value of a numeric type stands for (a URL carries it as a string). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * Pushes the first bound `value` breaks, if any. `numeric` says the schema's type is a number (a URL's "5" is
 * then 5, not a one-character string).
 */
export function checkBounds(value: unknown, bounds: Bounds, field: string, numeric: boolean, problems: Problem[]): void {
  if (numeric) {
    const n = numberOf(value);
    if (n === undefined) return;
    if (bounds.minimum !== undefined && n < bounds.minimum)
      problems.push({ field, message: `Input should be greater than or equal to ${bounds.minimum}`, code: "greater_than_equal" });
    else if (bounds.exclusiveMinimum !== undefined && n <= bounds.exclusiveMinimum)
      problems.push({ field, message: `Input should be greater than ${bounds.exclusiveMinimum}`, code: "greater_than" });
    else if (bounds.maximum !== undefined && n > bounds.maximum)
      problems.push({ field, message: `Input should be less than or equal to ${bounds.maximum}`, code: "less_than_equal" });
    else if (bounds.exclusiveMaximum !== undefined && n >= bounds.exclusiveMaximum)
      problems.push({ field, message: `Input should be less than ${bounds.exclusiveMaximum}`, code: "less_than" });
    return;
  }
  if (typeof value !== "string") return;
  // Lengths count characters (code points), as Python and JSON Schema do, not UTF-16 units.
  const length = bounds.minLength !== undefined || bounds.maxLength !== undefined ? [...value].length : 0;
  if (bounds.minLength !== undefined && length < bounds.minLength) {
    const unit = bounds.minLength === 1 ? "character" : "characters";
    problems.push({ field, message: `String should have at least ${bounds.minLength} ${unit}`, code: "string_too_short" });
  } else if (bounds.maxLength !== undefined && length > bounds.maxLength) {
    const unit = bounds.maxLength === 1 ? "character" : "characters";
    problems.push({ field, message: `String should have at most ${bounds.maxLength} ${unit}`, code: "string_too_long" });
  } else if (bounds.pattern !== undefined && patternOf(bounds.pattern)?.test(value) === false) {
    problems.push({ field, message: `String should match pattern '${bounds.pattern}'`, code: "string_pattern_mismatch" });
  } else if (bounds.format !== undefined && FORMAT_MESSAGES[bounds.format] && FORMATS[bounds.format]?.test(value) === false) {
    const [message, code] = FORMAT_MESSAGES[bounds.format] as [string, string];
    problems.push({ field, message, code });
  }
}
