/**
 * A function that returns its input with every secret it recognises replaced by `[REDACTED]`.
 *
 * @example
 * ```ts
 * const redact: Redactor = (text) => redactText(text);
 * redact("Bearer abc.def.ghi1234"); // "Bearer [REDACTED]"
 * ```
 */
export type Redactor = (text: string) => string;

/**
 * The placeholder that stands in for every removed secret.
 *
 * @example
 * ```ts
 * redactValue({ password: "hunter22" }); // { password: REDACTED }
 * ```
 */
export const REDACTED = "[REDACTED]";

/**
 * A per-client set of literal secrets (client secret, current tokens) that {@link redactText}
 * removes wherever they appear, on top of its pattern rules.
 *
 * @example
 * ```ts
 * const secrets = createSecretRegistry();
 * secrets.add(clientSecret);
 * new AirbyteError(`failed with ${clientSecret}`, { redact: secrets.redact }).message; // "failed with [REDACTED]"
 * ```
 */
export interface SecretRegistry {
  /** Remembers a secret; values shorter than 6 characters are ignored, since they would mangle ordinary text. */
  add(secret: string | null | undefined): void;
  /**
   * Remembers every string inside a value the caller handed over as secret (connector credentials, an
   * OAuth client's config): each leaf, at any depth, for the life of the client.
   */
  addAll(value: unknown): void;
  /**
   * Remembers a short-lived secret (a token this client minted or was handed). Only the latest
   * {@link MAX_ROTATING_SECRETS} stay, so a client that refreshes tokens for weeks keeps a bounded registry; older
   * tokens have expired, and their JWT or base64-JSON shape is still redacted by pattern.
   */
  addRotating(secret: string | null | undefined): void;
  /** Redacts the registered secrets and everything {@link redactText} recognises. */
  redact(text: string): string;
}

/**
 * The shortest string a {@link SecretRegistry} remembers: shorter ones would mangle ordinary text.
 *
 * @example
 * ```ts
 * secrets.add("abc"); // ignored: shorter than MIN_SECRET_LENGTH
 * ```
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * How many short-lived secrets (minted tokens) a {@link SecretRegistry} keeps: a few refreshes' worth.
 *
 * @example
 * ```ts
 * for (let i = 0; i < MAX_ROTATING_SECRETS + 1; i++) secrets.addRotating(mint());
 * // the first token is forgotten; the last MAX_ROTATING_SECRETS are redacted verbatim
 * ```
 */
export const MAX_ROTATING_SECRETS = 16;

// Credential fields that name the auth scheme ("PAT Credentials"), not a secret: redacting them would only blur errors.
const SCHEME_SELECTORS: readonly string[] = ["option_title", "auth_type", "auth_method", "credentials_title"];

// The CLI's debug-log list (api-notes §8) plus the usual auth vocabulary.
const SENSITIVE_KEY =
  /token|secret|password|passwd|credential|api[_-]?key|apikey|auth[_-]?key|authorization|cookie|refresh|private[_-]?key|client[_-]?secret|access[_-]?key/i;

// A key whose last word names metadata *about* a secret (`token_type`, `refresh_token_expires_in`,
// `credentials_schema`) carries no secret itself; redacting it would only hide useful context.
const METADATA_LAST_WORDS: readonly string[] = [
  "type",
  "types",
  "kind",
  "in",
  "at",
  "ttl",
  "expiry",
  "expiration",
  "count",
  "url",
  "uri",
  "endpoint",
  "status",
  "interval",
  "enabled",
  "required",
  "name",
  "id",
  "schema",
  "spec",
  "format",
  "mode",
  "method",
  "scope",
  "scopes",
];

// A paging cursor is opaque but is no credential: `pageToken`, `next_page_token`, AWS's `NextToken` and `sync_token`
// name where the next page starts (about 50 operations of the connector specs page with one). Taken for a secret,
// every page's cursor was remembered for the client's life: one more entry per page, each making every later
// redaction slower. `page_access_token` (Facebook) still counts: its word before `token` is `access`.
const CURSOR_TOKEN_WORDS: readonly string[] = ["page", "next", "sync", "continuation", "pagination", "cursor", "resume"];

const SENSITIVE_HEADERS: readonly string[] = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"];

/**
 * Tells whether a field, header or query-parameter name holds a secret. `access_token` and
 * `clientSecret` do; `token_type` and `refresh_token_expires_in` describe one and do not, and neither does a
 * paging cursor (`pageToken`, `next_page_token`, `NextToken`).
 *
 * @example
 * ```ts
 * isSensitiveKey("client_secret"); // true
 * isSensitiveKey("token_type");    // false
 * isSensitiveKey("pageToken");     // false
 * ```
 */
export function isSensitiveKey(key: string): boolean {
  if (!SENSITIVE_KEY.test(key)) return false;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  const last = words[words.length - 1];
  if (last === "token" && CURSOR_TOKEN_WORDS.includes(words[words.length - 2] ?? "")) return false;
  return last === undefined || !METADATA_LAST_WORDS.includes(last);
}

// Opaque credentials are random-looking; requiring a digit, symbol or inner capital keeps prose
// such as "Bearer authentication required" readable.
function looksLikeCredential(candidate: string): boolean {
  if (candidate.length < 8) return false;
  if (candidate.length >= 24) return true;
  return /[0-9+/=._~-]/.test(candidate) || /[A-Z]/.test(candidate.slice(1));
}

// Patterns that start inside a run of word characters open with `(^|[^…])`: a match can then only
// begin where a run begins, which keeps a megabyte of base64 linear instead of quadratic. (Lookbehind
// would say it shorter, but Safari before 16.4 cannot even parse it.)
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9\-._~+/]+=*)/gi;
// Three base64url segments of some length is a JWT; `eyJ` is base64 for `{"`, so it also catches
// base64 JSON blobs such as the widget token (api-notes §7 step 4).
const JWT = /(^|[^A-Za-z0-9_-])[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g;
const BASE64_JSON = /\beyJ[A-Za-z0-9_\-+/]{8,}={0,2}(?:\.[A-Za-z0-9_-]*){0,2}/g;
const KEY_VALUE = /(^|[^A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,100})=([^&\s#;,"']+)/g;
const QUOTED_PAIR = /(["'])([^"'\\\n]{1,100})\1(\s*:\s*)(["'])((?:\\.|(?!\4)[^\\\n]){0,4096})\4/g;

function redactPatterns(text: string): string {
  return text
    .replace(AUTH_SCHEME, (match, scheme: string, space: string, credential: string) =>
      looksLikeCredential(credential) ? `${scheme}${space}${REDACTED}` : match,
    )
    .replace(QUOTED_PAIR, (match, q: string, key: string, colon: string, vq: string) =>
      isSensitiveKey(key) ? `${q}${key}${q}${colon}${vq}${REDACTED}${vq}` : match,
    )
    .replace(KEY_VALUE, (match, lead: string, key: string) => (isSensitiveKey(key) ? `${lead}${key}=${REDACTED}` : match))
    .replace(JWT, (_match, lead: string) => `${lead}${REDACTED}`)
    .replace(BASE64_JSON, REDACTED);
}

/**
 * Replaces each of `secrets` wherever it still occurs, in the order given (longest first, so a secret that contains
 * another is removed whole); a secret found only inside one replaced before it is gone by then.
 *
 * @example
 * ```ts
 * redactLiterals("v=abcdef-long", ["abcdef-long", "abcdef"]); // "v=[REDACTED]"
 * ```
 */
export function redactLiterals(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/**
 * Removes secrets from free text: `Bearer`/`Basic` credentials, JWTs and base64 JSON tokens,
 * `key=value` and `"key": "value"` pairs whose key is sensitive, and any `knownSecrets` verbatim.
 *
 * @example
 * ```ts
 * redactText("Authorization: Bearer sk_live_abcdef123456"); // "Authorization: Bearer [REDACTED]"
 * redactText("bad key sk_live_x", ["sk_live_x"]);            // "bad key [REDACTED]"
 * ```
 */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  // Literals go first so a registered secret is removed whole before a pattern cuts it in pieces.
  return redactPatterns(redactLiterals(text, knownSecrets));
}

/**
 * The verbatim half of a {@link SecretRegistry}: each secret at least {@link MIN_SECRET_LENGTH} characters long, removed
 * wherever it occurs, a longer secret before a shorter one (equal lengths in the order added), so a secret that
 * contains another is removed whole.
 *
 * @example
 * ```ts
 * const registry = createSecretRegistry(createIndexedSecrets());
 * ```
 */
export interface LiteralSecrets {
  /** Ignored when shorter than the minimum or already there. */
  add(secret: string): void;
  delete(secret: string): void;
  redact(text: string): string;
}

// A list kept longest first and tested one secret at a time: the cheapest for the few secrets a client usually has.
function createPlainLiterals(): LiteralSecrets {
  const secrets: string[] = [];
  return {
    add(secret) {
      if (secret.length < MIN_SECRET_LENGTH || secrets.includes(secret)) return;
      secrets.push(secret);
      // Longest first (a stable sort keeps equal lengths in the order added).
      secrets.sort((a, b) => b.length - a.length);
    },
    delete(secret) {
      const at = secrets.indexOf(secret);
      if (at !== -1) secrets.splice(at, 1);
    },
    redact: (text) => redactLiterals(text, secrets),
  };
}

/**
 * Creates an empty {@link SecretRegistry}. Make one per client, so two clients never share
 * (or leak) each other's secrets. `literals` holds the verbatim secrets: by default a list tested one by one, right
 * for a handful; a client that may hold thousands (every credential it creates connectors with) passes
 * `createIndexedSecrets()` (indexed-secrets.ts).
 *
 * @example
 * ```ts
 * const secrets = createSecretRegistry();
 * secrets.add("sk_live_abcdef123456");
 * secrets.redact("echo sk_live_abcdef123456"); // "echo [REDACTED]"
 * ```
 */
export function createSecretRegistry(literals: LiteralSecrets = createPlainLiterals()): SecretRegistry {
  // Values added for good (the client secret, credentials) are never dropped with a rotating token.
  const permanent = new Set<string>();
  const rotating: string[] = [];
  const forms = (secret: string): string[] => [secret, encodeURIComponent(secret)];
  const add = (secret: string | null | undefined): void => {
    if (typeof secret !== "string") return;
    // A secret also travels URL-encoded, in query strings and form bodies.
    for (const form of forms(secret)) {
      permanent.add(form);
      literals.add(form);
    }
  };
  const addRotating = (secret: string | null | undefined): void => {
    if (typeof secret !== "string" || rotating.includes(secret)) return;
    for (const form of forms(secret)) literals.add(form);
    rotating.push(secret);
    const oldest = rotating.length > MAX_ROTATING_SECRETS ? rotating.shift() : undefined;
    if (oldest === undefined) return;
    for (const form of forms(oldest)) if (!permanent.has(form)) literals.delete(form);
  };
  const visit = (item: unknown, depth: number): void => {
    if (typeof item === "string") add(item);
    // Long numbers (account ids, PINs stored as numbers) are as secret as strings; short ones are ordinary text.
    else if (typeof item === "number" && Number.isInteger(item) && Math.abs(item) >= 100_000) add(String(item));
    else if (item !== null && typeof item === "object" && depth < 8) {
      for (const [key, inner] of Object.entries(item)) if (!SCHEME_SELECTORS.includes(key)) visit(inner, depth + 1);
    }
  };
  return { add, addAll: (value) => visit(value, 0), addRotating, redact: (text) => redactPatterns(literals.redact(text)) };
}

/**
 * One header's value as it may be shown: `[REDACTED]` when its name says it holds a secret (`Authorization`,
 * `Cookie`, `X-Api-Key`, `X-Auth-Key`...), else the value with every secret `redact` knows taken out.
 *
 * @example
 * ```ts
 * redactHeaderValue("X-Auth-Key", "k3y_live_123"); // "[REDACTED]"
 * redactHeaderValue("Accept", "application/json"); // "application/json"
 * ```
 */
export function redactHeaderValue(name: string, value: string, redact: Redactor = redactText): string {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.includes(lower) || isSensitiveKey(lower) ? REDACTED : redact(value);
}

/**
 * Returns a copy of `headers` as a plain object with lower-case names, where `Authorization`,
 * `Cookie`, `X-Api-Key` and every other sensitive header reads `[REDACTED]` (see {@link redactHeaderValue}).
 *
 * @example
 * ```ts
 * redactHeaders({ Authorization: "Bearer abc", Accept: "application/json" });
 * // { authorization: "[REDACTED]", accept: "application/json" }
 * ```
 */
export function redactHeaders(
  headers:
    | { forEach(fn: (value: string, name: string) => void): void }
    | ReadonlyArray<readonly [string, string]>
    | Record<string, string | null | undefined>
    | null
    | undefined,
  redact: Redactor = redactText,
): Record<string, string> {
  const result: Record<string, string> = {};
  const put = (name: string, value: string): void => {
    result[name.toLowerCase()] = redactHeaderValue(name, value, redact);
  };
  if (headers == null) return result;
  if (typeof (headers as { forEach?: unknown }).forEach === "function" && !Array.isArray(headers)) {
    (headers as { forEach(fn: (value: string, name: string) => void): void }).forEach((value, name) => {
      put(name, value);
    });
  } else if (Array.isArray(headers)) {
    for (const pair of headers) {
      const [name, value] = pair;
      if (typeof name === "string" && typeof value === "string") put(name, value);
    }
  } else {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === "string") put(name, value);
    }
  }
  return result;
}

const MAX_DEPTH = 32;

function redactNode(value: unknown, redact: Redactor, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") {
    return typeof value === "function" || typeof value === "symbol" ? undefined : value;
  }
  if (seen.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Truncated]";
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message) };
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => redactNode(item, redact, seen, depth + 1));
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Maps, streams, typed arrays: nothing in an error needs them, and walking them is unbounded.
      return `[${Object.prototype.toString.call(value).slice(8, -1)}]`;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] =
        isSensitiveKey(key) && item !== null && item !== undefined && typeof item !== "boolean"
          ? REDACTED
          : redactNode(item, redact, seen, depth + 1);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

/**
 * Deep-copies plain objects and arrays, replacing the value of every sensitive key (see
 * {@link isSensitiveKey}) with `[REDACTED]` and running every string through `redact`.
 * Booleans and nulls under sensitive keys stay, because they cannot carry a secret.
 *
 * @example
 * ```ts
 * redactValue({ access_token: "abc", token_type: "Bearer", expires_in: 900 });
 * // { access_token: "[REDACTED]", token_type: "Bearer", expires_in: 900 }
 * ```
 */
export function redactValue(value: unknown, redact: Redactor = redactText): unknown {
  return redactNode(value, redact, new WeakSet(), 0);
}

/**
 * The values of the sensitive headers in `headers` (`Authorization`, `X-Api-Key`, cookies), each also without
 * its `Bearer `/`Basic ` scheme word, for a {@link SecretRegistry} to remember.
 *
 * @example
 * ```ts
 * secrets.addAll(sensitiveHeaderValues({ authorization: "Bearer abc123xyz", accept: "application/json" })); // remembers "abc123xyz"
 * ```
 */
export function sensitiveHeaderValues(headers: Record<string, unknown> | null | undefined): string[] {
  if (headers === null || typeof headers !== "object") return [];
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (typeof value !== "string" || !(SENSITIVE_HEADERS.includes(lower) || isSensitiveKey(lower))) continue;
    values.push(value);
    const credential = value.replace(/^\s*(?:bearer|basic|token)\s+/i, "");
    if (credential !== value) values.push(credential);
  }
  return values;
}

/**
 * Remembers the secrets a request body carries: everything under a `credentials` key (connector
 * credentials on create and check), and every string under a sensitive key (`client_secret` of an OAuth
 * app, an `api_key`), at any depth. The transport calls it for every body, so no resource can forget.
 *
 * @example
 * ```ts
 * rememberBodySecrets(secrets, { credentials: { api_key: "sk_live_123456" } });
 * secrets.redact("Invalid API Key provided: sk_live_123456"); // "Invalid API Key provided: [REDACTED]"
 * ```
 */
export function rememberBodySecrets(secrets: SecretRegistry, body: unknown, depth = 0): void {
  if (body === null || typeof body !== "object" || depth > 8) return;
  for (const [key, value] of Object.entries(body)) {
    // Asked once per key: the transport walks every body it sends.
    const sensitive = key === "credentials" || isSensitiveKey(key);
    // Under a sensitive key, every string counts, however nested (`api_keys: [...]`, `secrets: { stripe }`).
    if (sensitive && typeof value === "object") secrets.addAll(value);
    else if (sensitive && typeof value === "string") secrets.add(value);
    else rememberBodySecrets(secrets, value, depth + 1);
  }
}
