import { invalidOption } from "./invalid-option";
import { isObject } from "./values";

// RFC 9110 token characters for a field name; a value may not hold CR, LF or NUL, nor anything fetch cannot send
// as a byte string (above U+00FF).
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Past these, servers answer 431 or drop the connection: we refuse up front, before a token is minted. */
export const MAX_HEADERS = 64;
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Throws unless `value` is undefined or a plain object of valid header names and string values, at most
 * {@link MAX_HEADERS} of them and {@link MAX_HEADER_BYTES} in all. A rejected value is never echoed (it may be a token):
 * only its type is told, for every header, since a custom one (`x-my-key`) can carry a credential no list of names knows.
 *
 * @example
 * ```ts
 * checkHeaders("createClient", "headers", { "x-team": "core" });
 * ```
 */
export function checkHeaders(what: string, option: string, value: unknown): void {
  if (value === undefined) return;
  const proto = isObject(value) ? Object.getPrototypeOf(value) : undefined;
  if (!isObject(value) || (proto !== Object.prototype && proto !== null)) {
    throw invalidOption(what, option, "a plain object of header names to string values", value, true);
  }
  const names = Object.keys(value);
  if (names.length > MAX_HEADERS) throw invalidOption(what, option, `at most ${MAX_HEADERS} headers`, names.length);
  let bytes = 0;
  for (const name of names) {
    const shown = `${option}[${JSON.stringify(name.slice(0, 40))}]`;
    if (!NAME.test(name)) throw invalidOption(what, shown, "a valid header name (letters, digits and !#$%&'*+-.^_`|~)", name);
    const headerValue = value[name];
    if (typeof headerValue !== "string") throw invalidOption(what, shown, "a string", headerValue, true);
    if (!VALUE.test(headerValue)) {
      throw invalidOption(what, shown, "a header value without line breaks or control characters", headerValue, true);
    }
    bytes += name.length + headerValue.length + 4;
    if (bytes > MAX_HEADER_BYTES) throw invalidOption(what, option, `at most ${MAX_HEADER_BYTES} bytes in all`, bytes);
  }
}
