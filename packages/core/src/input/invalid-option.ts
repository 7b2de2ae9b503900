import { ValidationError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { isSensitiveKey } from "../redact";
import { describeValue } from "./describe";

/**
 * The error for a rejected option, thrown before anything runs: `createClient: option "maxRetries" must be a
 * non-negative integer, got -5`. The value is described, never echoed when it is a string (see describeValue), and
 * only its type is told when `secret`: by default when the option's name says it holds one (`clientSecret`, `getToken`),
 * with the same test the redactor uses (redact.ts ships with the errors already, so this costs no bytes).
 *
 * @example
 * ```ts
 * throw invalidOption("createClient", "maxRetries", "a non-negative integer", -5);
 * ```
 */
export function invalidOption(
  what: string,
  name: string,
  expected: string,
  value: unknown,
  secret = isSensitiveKey(name),
): ValidationError {
  const message = `must be ${expected}, got ${describeValue(value, secret)}`;
  return new ValidationError(formatRequestMessage({}, `${what}: option "${name}" ${message}`), {
    code: "invalid_input",
    issues: [{ path: name, message }],
  });
}
