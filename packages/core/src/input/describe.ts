/**
 * Says what a rejected value is without echoing it: a string could be a secret (a client secret, a token, a header
 * value), so strings show only their length; numbers, booleans and the like are shown as they are, unless `secret`:
 * then only the type is told (`clientSecret: 987654321` is still a secret, typed wrong).
 *
 * @example
 * ```ts
 * describeValue(-5); // "-5"
 * describeValue("sk_live_…"); // "a string of 12 characters"
 * describeValue(987654321, true); // "a number"
 * ```
 */
export function describeValue(value: unknown, secret = false): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "string") return value === "" ? "an empty string" : secret ? "a string" : `a string of ${value.length} characters`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return secret ? `a ${typeof value}` : String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return "an array";
  return "an object";
}
