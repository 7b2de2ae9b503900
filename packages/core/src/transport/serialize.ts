import { ValidationError } from "../errors/classes";
import { formatJsonPath, formatRequestMessage } from "../errors/format";

// Finds the first value JSON cannot hold (a BigInt, a cycle), so the error names the argument.
function findUnserializable(value: unknown, keys: unknown[], seen: Set<object>): { keys: unknown[]; why: string } | undefined {
  if (typeof value === "bigint") return { keys, why: "a BigInt (JSON has no such type; send a string or a number)" };
  if (value === null || typeof value !== "object") return undefined;
  if (seen.has(value)) return { keys, why: "a circular reference" };
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return undefined;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    const found = findUnserializable(item, [...keys, Array.isArray(value) ? Number(key) : key], seen);
    if (found) return found;
  }
  seen.delete(value);
  return undefined;
}

/**
 * Serializes a request body, or throws a `ValidationError` (`invalid_input`, never retried) naming the
 * field that JSON cannot represent. Runs before any token is minted or hook called, so nothing is sent.
 *
 * @example
 * ```ts
 * serializeBody({ params: { amount: 10n } }, { method: "POST", path });
 * // ValidationError: Invalid input: params.amount: a BigInt (JSON has no such type; send a string or a number)
 * ```
 */
export function serializeBody(body: unknown, request: { method: string; path: string }): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    const found = findUnserializable(body, [], new Set());
    const issue = found
      ? { path: formatJsonPath(found.keys), message: `cannot be sent as JSON: ${found.why}` }
      : { path: "", message: `cannot be sent as JSON: ${error instanceof Error ? error.name : "serialization failed"}` };
    const summary = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
    throw new ValidationError(formatRequestMessage(request, `Invalid input: ${summary}`), {
      code: "invalid_input",
      method: request.method,
      path: request.path,
      issues: [issue],
    });
  }
}
