import { ValidationError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";

/**
 * The error for a call rejected before anything was sent: names each bad field, like the server's 422 would.
 */
export function invalidInput(what: string, issues: { path: string; message: string }[]): ValidationError {
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
  return new ValidationError(formatRequestMessage({}, `Invalid input to ${what}: ${summary}`), { code: "invalid_input", issues });
}

/** Throws unless `value` is a non-empty string. */
export function requireText(what: string, field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw invalidInput(what, [
      { path: field, message: `expected a non-empty string, got ${value === undefined ? "nothing" : typeof value}` },
    ]);
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws unless `value` is a UUID: the API answers 422 for any other id (api-notes §1), so we say so first. */
export function requireUuid(what: string, field: string, value: unknown): string {
  if (typeof value !== "string" || !UUID.test(value)) {
    throw invalidInput(what, [
      { path: field, message: `expected a UUID, got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value}` },
    ]);
  }
  return value;
}

/** Throws unless `value` is a plain object (or undefined when optional). */
export function requireObject(what: string, field: string, value: unknown, optional = true): Record<string, unknown> | undefined {
  if (value === undefined && optional) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidInput(what, [
      { path: field, message: `expected an object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}` },
    ]);
  }
  return value as Record<string, unknown>;
}

/** Throws unless `value` is an array of strings (or undefined). */
export function optionalStrings(what: string, field: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw invalidInput(what, [{ path: field, message: "expected an array of strings" }]);
  }
  return value as string[];
}
