import { ValidationError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { describeValue } from "./describe";

/**
 * The error for a rejected option, thrown before anything runs: `createClient: option "maxRetries" must be a
 * non-negative integer, got -5`. The value is described, never echoed when it is a string (see describeValue).
 *
 * @example
 * ```ts
 * throw invalidOption("createClient", "maxRetries", "a non-negative integer", -5);
 * ```
 */
export function invalidOption(what: string, name: string, expected: string, value: unknown): ValidationError {
  const message = `must be ${expected}, got ${describeValue(value)}`;
  return new ValidationError(formatRequestMessage({}, `${what}: option "${name}" ${message}`), {
    code: "invalid_input",
    issues: [{ path: name, message }],
  });
}
