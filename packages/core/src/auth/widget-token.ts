import { TokenError } from "../errors/classes";
import type { Redactor } from "../redact";
import { decodeBase64Text, jwtExpiry } from "./jwt";
import { SCOPED_TOKEN_LIFETIME_MS } from "./scoped-expiry";

/**
 * What a browser's `getToken()` may return: the widget token string (base64 JSON `{token, widgetUrl}`), a plain
 * scoped JWT, or the `{ token, expiresAt }` object that `createWidgetTokenHandler` answers with. `expiresAt` may be
 * an ISO string, a `Date`, epoch milliseconds, or epoch seconds (a number below 1e11, as a JWT's `exp`).
 *
 * @example
 * ```ts
 * const getToken = (): Promise<WidgetTokenValue> => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json());
 * ```
 */
export type WidgetTokenValue = string | { token: string; expiresAt?: string | number | Date | null | undefined };

/**
 * A token the browser side can use: the bearer JWT, the widget token and URL when it is one, and its expiry.
 *
 * @example
 * ```ts
 * const { bearer, widgetUrl, expiresAt }: ParsedWidgetToken = parseWidgetTokenValue(await getToken(), Date.now());
 * ```
 */
export interface ParsedWidgetToken {
  /** The scoped JWT sent as `Authorization: Bearer` and posted to the widget iframe. */
  bearer: string;
  /** The base64 widget token, when the value was one (a plain scoped JWT has none). */
  widgetToken: string | undefined;
  widgetUrl: string | undefined;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Decodes a widget token: base64 (standard or URL-safe, padding optional) JSON `{token, widgetUrl}`
 * (api-notes §7 step 4). Throws a `TypeError` naming what is wrong.
 *
 * @example
 * ```ts
 * const { token, widgetUrl } = decodeWidgetToken(widgetToken);
 * ```
 */
export function decodeWidgetToken(widgetToken: string): { token: string; widgetUrl: string } {
  // Plain JavaScript callers can pass anything; the answer is still the documented TypeError, never a crash inside.
  if (typeof widgetToken !== "string") {
    throw new TypeError(`Invalid widget token: expected a string, got ${widgetToken === null ? "null" : typeof widgetToken}`);
  }
  const text = decodeBase64Text(widgetToken);
  if (text === undefined) throw new TypeError("Invalid widget token: not base64");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError("Invalid widget token: not base64-encoded JSON");
  }
  const { token, widgetUrl } = (parsed ?? {}) as { token?: unknown; widgetUrl?: unknown };
  if (typeof token !== "string" || token === "") throw new TypeError("Invalid widget token: missing the inner token");
  if (typeof widgetUrl !== "string" || widgetUrl === "") throw new TypeError("Invalid widget token: missing widgetUrl");
  return { token, widgetUrl };
}

// Below this, a number is epoch seconds (as a JWT's `exp`): in milliseconds it would be a date in 1973.
const LAST_EPOCH_SECOND = 1e11;

function expiryHint(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === "number" && Number.isFinite(value)) return value < LAST_EPOCH_SECOND ? value * 1000 : value;
  if (typeof value === "string" && value !== "") {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/**
 * Reads whatever `getToken()` returned (see {@link WidgetTokenValue}). Expiry: the inner JWT's `exp`, else the
 * `expiresAt` given next to it, else 20 minutes from `now` (api-notes §10 U3). A `widgetUrl` must be an http(s)
 * URL, since it becomes an iframe's `src`. Throws a `TokenError` (`token_invalid`).
 *
 * @example
 * ```ts
 * const parsed = parseWidgetTokenValue({ token: widgetToken, expiresAt: "2026-05-01T12:20:00Z" }, Date.now());
 * fetch(url, { headers: { authorization: `Bearer ${parsed.bearer}` } });
 * ```
 */
export function parseWidgetTokenValue(value: unknown, now: number, redact?: Redactor): ParsedWidgetToken {
  const invalid = (reason: string, cause?: unknown) =>
    new TokenError(`getToken() returned an unusable token: ${reason}`, { code: "token_invalid", cause, redact });
  let raw: unknown = value;
  let hint: number | undefined;
  if (raw !== null && typeof raw === "object") {
    hint = expiryHint((raw as { expiresAt?: unknown }).expiresAt);
    raw = (raw as { token?: unknown }).token;
  }
  if (typeof raw !== "string" || raw.trim() === "") {
    throw invalid("expected a widget token string, a scoped JWT, or { token, expiresAt }");
  }
  const text = raw.trim();
  let bearer: string;
  let widgetToken: string | undefined;
  let widgetUrl: string | undefined;
  if (JWT.test(text)) {
    bearer = text;
  } else {
    let decoded: { token: string; widgetUrl: string };
    try {
      decoded = decodeWidgetToken(text);
    } catch (error) {
      throw invalid((error as Error).message);
    }
    let url: URL;
    try {
      url = new URL(decoded.widgetUrl);
    } catch {
      throw invalid("its widgetUrl is not an absolute URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid("its widgetUrl must be an http(s) URL");
    bearer = decoded.token;
    widgetToken = text;
    widgetUrl = decoded.widgetUrl;
  }
  const exp = jwtExpiry(bearer);
  // An `exp` already past on this clock (it runs ahead of the server's) is ignored, as for application tokens: it
  // would make every call ask getToken() again. A token the server does refuse is replaced after its 401.
  const fromExp = exp !== undefined && exp * 1000 > now ? exp * 1000 : undefined;
  const expiresAt = fromExp ?? (hint !== undefined && hint > now ? hint : now + SCOPED_TOKEN_LIFETIME_MS);
  return { bearer, widgetToken, widgetUrl, expiresAt };
}
