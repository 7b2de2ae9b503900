// Every error class of the SDK, in one module: the root AirbyteError, the status classes (chosen from the table in
// http-status.ts), the connection, token, validation and slug-resolution errors.
import { defaultCode, isRetryableStatus, statusText } from "../http-status";
import { isSensitiveKey, type Redactor, redactText, redactValue } from "../redact";
import type { ErrorCode } from "./codes";
import { type FieldError, parseErrorBody } from "./error-body";
import { errorPath, formatJsonPath, formatRequestMessage } from "./format";

// The brand every AirbyteError carries: the registry key of AIRBYTE_ERROR_BRAND in brand.ts (Symbol.for gives one
// symbol for one key). Declared here again, not imported, so that brand.ts stays a module of its own: a bundle that
// only asks isAirbyteError() gets those few lines, not this module and everything it imports.
const BRAND: unique symbol = Symbol.for("airbyte-agents.error");

/**
 * What every error constructor accepts besides its message. `redact` is the client's redactor;
 * it defaults to the pattern rules of `redactText`.
 *
 * @example
 * ```ts
 * new AirbyteError("boom", { code: "server_error", retryable: true, redact: secrets.redact });
 * ```
 */
export interface AirbyteErrorOptions {
  code?: ErrorCode | undefined;
  status?: number | undefined;
  requestId?: string | undefined;
  method?: string | undefined;
  path?: string | undefined;
  retryable?: boolean | undefined;
  retryAfterMs?: number | undefined;
  /**
   * A write was sent and may have been applied: no answer says whether it was (a 5xx, a dropped connection, a
   * timeout after sending), or a 2xx `status` said it was before the call failed (its body broke off, or could not
   * be checked). Such an error is never retryable, and its message says which.
   */
  mayHaveSucceeded?: boolean | undefined;
  cause?: unknown;
  redact?: Redactor | undefined;
}

/**
 * The plain, redacted object that `JSON.stringify(error)` produces, safe to log or send to a client.
 *
 * @example
 * ```ts
 * const json: AirbyteErrorJSON = err.toJSON();
 * logger.error(json);
 * ```
 */
export interface AirbyteErrorJSON {
  name: string;
  code: ErrorCode;
  message: string;
  status?: number;
  requestId?: string;
  method?: string;
  path?: string;
  retryable: boolean;
  retryAfterMs?: number;
  mayHaveSucceeded?: true;
  cause?: unknown;
}

const MAX_CAUSE_DEPTH = 4;

const OUTCOME_UNKNOWN =
  "The write was sent but no answer says whether it was applied: it may have succeeded. Check before repeating it (mayHaveSucceeded: true)";

// A 2xx status arrived before the call failed: the API says the write was applied, only its answer is lost.
function appliedOutcome(status: number): string {
  return `The API accepted the write (HTTP ${status}), so it was applied: do not repeat it (mayHaveSucceeded: true)`;
}

function isErrorLike(value: unknown): value is Error {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";
}

/** Whether a value carries the brand (any realm, any copy of the package). Internal: the public check is brand.ts. */
export function isBranded(value: unknown): value is AirbyteError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function isClean(cause: Error, redact: Redactor, depth: number): boolean {
  if (redact(cause.message) !== cause.message) return false;
  if (typeof cause.stack === "string" && redact(cause.stack) !== cause.stack) return false;
  const inner: unknown = cause.cause;
  if (inner === undefined || isBranded(inner)) return true;
  if (depth >= MAX_CAUSE_DEPTH) return false;
  if (isErrorLike(inner)) return isClean(inner, redact, depth + 1);
  if (typeof inner === "string") return redact(inner) === inner;
  // A plain-object cause cannot be checked cheaply; treating it as dirty only costs a copy.
  return typeof inner !== "object" || inner === null;
}

// The caller's cause is kept as-is whenever it is clean, so `err.cause.code === "ECONNREFUSED"`
// still works; a cause that would leak gets a redacted stand-in rather than being mutated.
function sanitizeCause(cause: unknown, redact: Redactor, depth = 0): unknown {
  if (typeof cause === "string") return redact(cause);
  if (cause === null || typeof cause !== "object" || isBranded(cause)) return cause;
  if (!isErrorLike(cause)) return redactValue(cause, redact);
  if (isClean(cause, redact, depth)) return cause;
  const inner: unknown = cause.cause;
  const copy = new Error(
    redact(cause.message),
    inner === undefined || depth >= MAX_CAUSE_DEPTH ? undefined : { cause: sanitizeCause(inner, redact, depth + 1) },
  );
  copy.name = cause.name;
  const code: unknown = (cause as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  copy.stack = typeof cause.stack === "string" ? redact(cause.stack) : `${copy.name}: ${copy.message}`;
  return copy;
}

function describeCause(cause: unknown): unknown {
  if (isBranded(cause) && typeof (cause as { toJSON?: unknown }).toJSON === "function") {
    return (cause as { toJSON(): unknown }).toJSON();
  }
  if (isErrorLike(cause)) return { name: cause.name, message: cause.message };
  return cause;
}

/**
 * The root of every error this SDK throws. The message, path and cause pass through the
 * redactor while the error is built, so no secret can reach `message`, `stack` or `toJSON()`.
 *
 * @example
 * ```ts
 * try {
 *   await ws.connectors.list();
 * } catch (err) {
 *   if (isAirbyteError(err)) console.error(err.code, err.requestId, err.retryable);
 * }
 * ```
 */
export class AirbyteError extends Error {
  override readonly name: string = "AirbyteError";
  /** A machine-readable reason: the server's `error_code` when it sent one, else ours. */
  readonly code: ErrorCode;
  // Optional fields are `declare`d so an unset one is absent rather than an own `undefined`.
  /** The HTTP status, when a response arrived. */
  declare readonly status?: number;
  /** The server's request id (`x-request-id`), to quote in a support ticket. */
  declare readonly requestId?: string;
  /** The HTTP method of the failed request, upper-case. */
  declare readonly method?: string;
  /** The request path without its query string. */
  declare readonly path?: string;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  declare readonly retryAfterMs?: number;
  /**
   * `true` when a write was sent and may have been applied: its outcome is unknown, or (with a 2xx `status`) the
   * API accepted it before the call failed. Look before repeating it (list, or get by a key you chose);
   * `retryable` is then always `false`. Absent otherwise.
   */
  declare readonly mayHaveSucceeded?: true;

  constructor(message: string, options: AirbyteErrorOptions = {}) {
    const redact = options.redact ?? redactText;
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause, redact);
    const unknownOutcome = options.mayHaveSucceeded === true;
    const { status } = options;
    const outcome = status !== undefined && status >= 200 && status < 300 ? appliedOutcome(status) : OUTCOME_UNKNOWN;
    const text = unknownOutcome ? `${message.replace(/\.\s*$/, "")}. ${outcome}` : message;
    super(redact(text), cause === undefined ? undefined : { cause });
    // Runtimes before ES2022 ignore the options bag.
    if (cause !== undefined && !("cause" in this)) {
      Object.defineProperty(this, "cause", { value: cause, writable: true, configurable: true });
    }
    // Defined rather than declared: isolatedDeclarations cannot emit a symbol-keyed member.
    Object.defineProperty(this, BRAND, { value: true });
    this.code = options.code ?? "unknown";
    // Repeating a write that may have been applied could apply it twice, whatever the status says.
    this.retryable = unknownOutcome ? false : (options.retryable ?? false);
    if (unknownOutcome) this.mayHaveSucceeded = true;
    if (options.status !== undefined) this.status = options.status;
    // A request id is the server's text: one built from an echoed header would carry the secret along.
    if (options.requestId !== undefined) this.requestId = redact(options.requestId);
    if (options.method !== undefined) this.method = options.method.toUpperCase();
    if (options.path !== undefined) this.path = redact(errorPath(options.path));
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * Returns a plain object of the error's fields, without the stack, for logs and API responses.
   *
   * @example
   * ```ts
   * JSON.stringify(err); // '{"name":"NotFoundError","code":"not_found",...}'
   * ```
   */
  toJSON(): AirbyteErrorJSON {
    const json: AirbyteErrorJSON = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.status !== undefined) json.status = this.status;
    if (this.requestId !== undefined) json.requestId = this.requestId;
    if (this.method !== undefined) json.method = this.method;
    if (this.path !== undefined) json.path = this.path;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    if (this.mayHaveSucceeded === true) json.mayHaveSucceeded = true;
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }
}

/**
 * Response headers in any common shape: a `Headers`, a plain object or name/value pairs. (Not the DOM's
 * `HeadersInit`, so the declarations compile in Node-only TypeScript projects.)
 *
 * @example
 * ```ts
 * const headers: HeadersLike = { "x-request-id": "req_1" };
 * ```
 */
export type HeadersLike =
  | { get(name: string): string | null }
  | Record<string, string | undefined>
  | ReadonlyArray<readonly [string, string]>;

/**
 * What the `ApiError` constructors take: the usual error options plus the status, the parsed
 * body and the field errors. Most code calls {@link ApiError.from} instead.
 *
 * @example
 * ```ts
 * new NotFoundError("404 GET /api/v1/x: Not Found", { status: 404, method: "GET", path: "/api/v1/x" });
 * ```
 */
export interface ApiErrorInit<TStatus extends number = number> extends Omit<AirbyteErrorOptions, "status"> {
  status: TStatus;
  body?: unknown;
  fieldErrors?: readonly FieldError[] | undefined;
}

/**
 * The input of {@link ApiError.from}: what the transport knows about a non-2xx response.
 * `retryAfterMs` is the parsed `Retry-After` (see `parseRetryAfter`).
 *
 * @example
 * ```ts
 * const input: ApiErrorFromInput = { status: 429, body: await res.text(), headers: res.headers, method: "GET", path: "/api/v1/workspaces" };
 * ```
 */
export interface ApiErrorFromInput {
  status: number;
  body?: unknown;
  headers?: HeadersLike | null | undefined;
  method?: string | undefined;
  path?: string | undefined;
  retryAfterMs?: number | undefined;
  /** The request was a write that reached the server: a 5xx leaves its outcome unknown. */
  mayHaveSucceeded?: boolean | undefined;
  cause?: unknown;
  redact?: Redactor | undefined;
}

/**
 * `ApiError.toJSON()`'s result: the base fields plus the status and, when the server sent any,
 * the field errors.
 *
 * @example
 * ```ts
 * const json: ApiErrorJSON = apiError.toJSON();
 * json.fieldErrors?.forEach((problem) => console.log(problem.field, problem.message));
 * ```
 */
export interface ApiErrorJSON extends AirbyteErrorJSON {
  status: number;
  fieldErrors?: FieldError[];
}

const REQUEST_ID_HEADERS: readonly string[] = ["x-request-id", "request-id", "x-amzn-requestid"];
// api-notes §9.1: multi-org credentials without X-Organization-Id get this 400.
const ORGANIZATION_HINT =
  " Hint: these credentials belong to several organizations; pass the `organizationId` option" +
  " (or set AIRBYTE_ORGANIZATION_ID) so the client sends X-Organization-Id.";

function requestIdFrom(init: HeadersLike | null | undefined): string | undefined {
  if (init == null) return undefined;
  const read = (name: string): string | null | undefined => {
    if (typeof (init as Headers).get === "function") return (init as Headers).get(name);
    if (Array.isArray(init)) return init.find(([key]) => key.toLowerCase() === name)?.[1];
    const record = init as Record<string, string | undefined>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : record[key];
  };
  for (const name of REQUEST_ID_HEADERS) {
    const value = read(name);
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/**
 * Any non-2xx response. Catch a subclass (`NotFoundError`, `RateLimitError`, …) to handle one
 * status, or read `status`, `code` and `fieldErrors` here. The body is kept, redacted.
 *
 * @example
 * ```ts
 * try {
 *   await ws.connectors.create(input);
 * } catch (err) {
 *   if (isApiError(err)) for (const f of err.fieldErrors) console.warn(f.field, f.message);
 * }
 * ```
 */
export class ApiError<TStatus extends number = number> extends AirbyteError {
  override readonly name: string = "ApiError";
  /** The HTTP status of the response. */
  override readonly status: TStatus;
  /** The response body, JSON-decoded when possible, with secrets redacted. */
  readonly body: unknown;
  /** The per-field problems the server listed, if any. */
  readonly fieldErrors: readonly FieldError[];

  constructor(message: string, init: ApiErrorInit<TStatus>) {
    const redact = init.redact ?? redactText;
    super(message, {
      ...init,
      code: init.code ?? defaultCode(init.status),
      retryable: init.retryable ?? isRetryableStatus(init.status),
    });
    this.status = init.status;
    this.body = redactValue(init.body, redact);
    this.fieldErrors = (init.fieldErrors ?? []).map((problem) => {
      const copy: FieldError = { message: redact(problem.message) };
      if (problem.field !== undefined) copy.field = redact(problem.field);
      if (problem.code !== undefined) copy.code = problem.code;
      return copy;
    });
  }

  /**
   * Builds the error for a non-2xx response: picks the subclass for the status (the only place
   * that maps statuses to classes), parses the body, and formats `<status> <METHOD> <path>: <message>`.
   *
   * @example
   * ```ts
   * if (!res.ok) {
   *   throw ApiError.from({ status: res.status, body: await res.text(), headers: res.headers, method: "GET", path });
   * }
   * ```
   */
  static from(input: ApiErrorFromInput): ApiError {
    const { status } = input;
    // A text body is redacted before it is summarized: cut at 300 characters or with its whitespace collapsed, a
    // secret it echoes would no longer match the registered value.
    const parsed = parseErrorBody(typeof input.body === "string" ? (input.redact ?? redactText)(input.body) : input.body);
    let detail = parsed.message ?? statusText(status);
    if (status === 400 && /specify target organization/i.test(detail)) detail += ORGANIZATION_HINT;
    const message = formatRequestMessage({ status, method: input.method, path: input.path }, detail);
    const init: Omit<ApiErrorInit, "status"> = {
      code: parsed.code ?? defaultCode(status),
      body: parsed.body,
      fieldErrors: parsed.fieldErrors,
      requestId: requestIdFrom(input.headers),
      method: input.method,
      path: input.path,
      retryAfterMs: input.retryAfterMs,
      mayHaveSucceeded: input.mayHaveSucceeded,
      cause: input.cause,
      redact: input.redact,
    };
    const Class = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : ApiError);
    return new Class(message, { ...init, status } as ApiErrorInit<never>);
  }

  override toJSON(): ApiErrorJSON {
    const json: ApiErrorJSON = { ...super.toJSON(), status: this.status };
    if (this.fieldErrors.length > 0) json.fieldErrors = this.fieldErrors.map((problem) => ({ ...problem }));
    return json;
  }
}

/**
 * 400: the request was malformed, e.g. credentials that match no auth scheme, or a missing
 * `X-Organization-Id` for multi-organization credentials (the message then carries a hint).
 *
 * @example
 * ```ts
 * if (err instanceof BadRequestError) console.error(err.message);
 * ```
 */
export class BadRequestError extends ApiError<400> {
  override readonly name = "BadRequestError" as const;
}

/**
 * 401: the token is missing, invalid or expired. The transport re-mints once before this reaches you.
 *
 * @example
 * ```ts
 * if (isAuthenticationError(err)) await signInAgain();
 * ```
 */
export class AuthenticationError extends ApiError<401> {
  override readonly name = "AuthenticationError" as const;
}

/**
 * 403: the token is valid but may not do this, e.g. a scoped token used on another workspace.
 *
 * @example
 * ```ts
 * if (err instanceof PermissionDeniedError) showUpgradePrompt();
 * ```
 */
export class PermissionDeniedError extends ApiError<403> {
  override readonly name = "PermissionDeniedError" as const;
}

/**
 * 404: no such workspace, connector or resource.
 *
 * @example
 * ```ts
 * const connector = await ws.connectors.get(id).catch((err) => (isNotFoundError(err) ? null : Promise.reject(err)));
 * ```
 */
export class NotFoundError extends ApiError<404> {
  override readonly name = "NotFoundError" as const;
}

/**
 * 409: the request conflicts with the current state (for example a duplicate name). Not retried.
 *
 * @example
 * ```ts
 * if (err instanceof ConflictError) console.warn("already exists");
 * ```
 */
export class ConflictError extends ApiError<409> {
  override readonly name = "ConflictError" as const;
}

/**
 * 422: the server's schema rejected the request; `fieldErrors` says which fields.
 *
 * @example
 * ```ts
 * if (err instanceof UnprocessableEntityError) console.table(err.fieldErrors);
 * ```
 */
export class UnprocessableEntityError extends ApiError<422> {
  override readonly name = "UnprocessableEntityError" as const;
}

/**
 * 429: too many requests. `retryAfterMs` holds the server's `Retry-After` when it sent one.
 *
 * @example
 * ```ts
 * if (isRateLimitError(err)) await new Promise((r) => setTimeout(r, err.retryAfterMs ?? 1000));
 * ```
 */
export class RateLimitError extends ApiError<429> {
  override readonly name = "RateLimitError" as const;
}

/**
 * 500 and above: the server or a gateway failed. Every 5xx but 501 and 505 is retryable.
 *
 * @example
 * ```ts
 * if (err instanceof InternalServerError) console.error(err.status, err.requestId);
 * ```
 */
export class InternalServerError extends ApiError {
  override readonly name = "InternalServerError" as const;
}

/**
 * No response arrived: DNS, TLS, a refused or reset connection. The underlying error stays in
 * `cause` (replaced by a redacted copy if its text held a secret). Retried for reads.
 *
 * @example
 * ```ts
 * if (isConnectionError(err)) console.error("network problem:", err.cause);
 * ```
 */
export class ConnectionError extends AirbyteError {
  override readonly name: string = "ConnectionError";

  constructor(message: string, options: AirbyteErrorOptions = {}) {
    super(message, {
      ...options,
      code: options.code ?? "connection_error",
      retryable: options.retryable ?? true,
    });
  }
}

/**
 * The options of {@link TimeoutError}: `code` says which limit fired, and `timeoutMs` what it was.
 *
 * @example
 * ```ts
 * new TimeoutError("GET /api/v1/workspaces: timed out after 30000 ms", { code: "timeout", timeoutMs: 30_000 });
 * ```
 */
export interface TimeoutErrorOptions extends Omit<AirbyteErrorOptions, "code"> {
  code?: "timeout" | "deadline_exceeded" | undefined;
  timeoutMs?: number | undefined;
}

/**
 * A time limit ran out. `code` is `"timeout"` when one attempt took too long (retryable) and
 * `"deadline_exceeded"` when the whole call, retries included, ran out of time (not retryable).
 *
 * @example
 * ```ts
 * if (isTimeoutError(err) && err.code === "deadline_exceeded") console.warn("gave up after", err.timeoutMs, "ms");
 * ```
 */
export class TimeoutError extends ConnectionError {
  override readonly name = "TimeoutError" as const;
  declare readonly code: "timeout" | "deadline_exceeded";
  /** The limit that fired, in milliseconds, when known. */
  declare readonly timeoutMs?: number;

  constructor(message: string, options: TimeoutErrorOptions = {}) {
    const code = options.code ?? "timeout";
    super(message, { ...options, code, retryable: options.retryable ?? code === "timeout" });
    if (options.timeoutMs !== undefined) this.timeoutMs = options.timeoutMs;
  }
}

/**
 * The caller's `AbortSignal` fired. Never retried; the signal's reason is kept in `cause`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const call = ws.connectors.list({ signal: controller.signal });
 * controller.abort();
 * await call.catch((err) => isAbortError(err)); // true
 * ```
 */
export class AbortError extends AirbyteError {
  override readonly name = "AbortError" as const;
  declare readonly code: "aborted";
  declare readonly retryable: false;

  constructor(message = "The request was aborted", options: Omit<AirbyteErrorOptions, "code" | "retryable"> = {}) {
    super(message, { ...options, code: "aborted", retryable: false });
  }
}

/**
 * Why a token could not be produced: no credentials configured, a widget or scoped token that
 * expired or does not decode, or a refresh callback that failed.
 *
 * @example
 * ```ts
 * const code: TokenErrorCode = "token_refresh_failed";
 * ```
 */
export type TokenErrorCode = "token_expired" | "token_refresh_failed" | "token_invalid" | "missing_credentials";

/**
 * The options of {@link TokenError}; `code` is required because each case asks for a different fix.
 *
 * @example
 * ```ts
 * new TokenError("getToken() failed", { code: "token_refresh_failed", cause: err });
 * ```
 */
export interface TokenErrorOptions extends Omit<AirbyteErrorOptions, "code"> {
  code: TokenErrorCode;
}

/**
 * The client could not obtain a usable token before sending the request (nothing was sent).
 * A callback's failure is kept in `cause`, redacted.
 *
 * @example
 * ```ts
 * if (isTokenError(err) && err.code === "missing_credentials") {
 *   console.error("Set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET");
 * }
 * ```
 */
export class TokenError extends AirbyteError {
  override readonly name = "TokenError" as const;
  declare readonly code: TokenErrorCode;

  constructor(message: string, options: TokenErrorOptions) {
    super(message, options);
  }
}

/**
 * One schema problem: where it is (`data[0].id`, empty for the value itself) and what is wrong.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: "data[0].id", message: "Invalid type: Expected string but received 1" };
 * ```
 */
export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * The options of {@link ValidationError}. `invalid_input` means nothing was sent;
 * `unexpected_response` means the server answered with a shape the schema rejected.
 *
 * @example
 * ```ts
 * new ValidationError("Invalid input: limit: expected a number", { code: "invalid_input", issues: [{ path: "limit", message: "expected a number" }] });
 * ```
 */
export interface ValidationErrorOptions extends Omit<AirbyteErrorOptions, "code" | "retryable"> {
  code: "invalid_input" | "unexpected_response";
  issues?: readonly ValidationIssue[] | undefined;
}

/**
 * `ValidationError.toJSON()`'s result: the base fields plus the issues.
 *
 * @example
 * ```ts
 * const json: ValidationErrorJSON = err.toJSON();
 * json.issues.map((issue) => issue.path);
 * ```
 */
export interface ValidationErrorJSON extends AirbyteErrorJSON {
  issues: ValidationIssue[];
}

const MAX_LISTED_ISSUES = 3;

/**
 * A schema problem as valibot and the lenient check report it: a message and the keys down to the value.
 *
 * @example
 * ```ts
 * const issue: SchemaIssue = { message: "Invalid type: Expected string but received 1", path: [{ key: "data" }, { key: 0 }, { key: "id" }] };
 * ```
 */
export interface SchemaIssue {
  message: string;
  /** Anything else an issue carries (valibot's `kind`, `input`, …) is ignored. */
  path?: readonly { key: unknown }[] | undefined;
}

function pathOf(issue: SchemaIssue): readonly unknown[] {
  return (issue.path ?? []).map((item) => item.key);
}

// Valibot messages quote the rejected input ("… but received "sk_live_…""); under a sensitive
// key that input is the secret itself, so the quote goes, with the comma and spaces before it.
function issueMessage(issue: SchemaIssue, keys: readonly unknown[]): string {
  const { message } = issue;
  const at = keys.some((key) => typeof key === "string" && isSensitiveKey(key)) ? message.toLowerCase().indexOf("but received") : -1;
  if (at < 0) return message;
  const head = message.slice(0, at).trimEnd();
  return (head.endsWith(",") ? head.slice(0, -1) : head).trimEnd();
}

function summarize(issues: readonly ValidationIssue[]): string {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`))
    .join("; ");
  const more = issues.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed} (and ${more} more)` : listed;
}

/**
 * A value failed a schema: your input before anything was sent (`code: "invalid_input"`), or
 * the server's response (`code: "unexpected_response"`). `issues` names each JSON path.
 *
 * @example
 * ```ts
 * if (isValidationError(err)) for (const issue of err.issues) console.warn(issue.path, issue.message);
 * ```
 */
export class ValidationError extends AirbyteError {
  override readonly name = "ValidationError" as const;
  declare readonly code: "invalid_input" | "unexpected_response";
  /** Each problem with its JSON path. */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, options: ValidationErrorOptions) {
    const redact = options.redact ?? redactText;
    super(message, { ...options, retryable: false });
    this.issues = (options.issues ?? []).map((issue) => ({
      path: redact(issue.path),
      message: redact(issue.message),
    }));
  }

  /**
   * Builds the error from valibot issues (`v.safeParse(schema, value).issues`), naming each
   * issue's path like `data[0].id`. With `method`/`path` it reads like a request error.
   *
   * @example
   * ```ts
   * const result = v.safeParse(ConnectorSchema, body);
   * if (!result.success) {
   *   throw ValidationError.fromIssues(result.issues, { code: "unexpected_response", method: "GET", path });
   * }
   * ```
   */
  static fromIssues(issues: readonly SchemaIssue[], options: Omit<ValidationErrorOptions, "issues">): ValidationError {
    const mapped = issues.map((issue) => {
      const keys = pathOf(issue);
      return { path: formatJsonPath(keys), message: issueMessage(issue, keys) };
    });
    const what = options.code === "invalid_input" ? "Invalid input" : "Unexpected response";
    const detail = mapped.length === 0 ? what : `${what}: ${summarize(mapped)}`;
    const message = formatRequestMessage({ status: options.status, method: options.method, path: options.path }, detail);
    return new ValidationError(message, { ...options, issues: mapped });
  }

  override toJSON(): ValidationErrorJSON {
    return { ...super.toJSON(), issues: this.issues.map((issue) => ({ ...issue })) };
  }
}

/**
 * A connector that a slug could have meant, as listed in a {@link ConnectorResolutionError}.
 *
 * @example
 * ```ts
 * const candidate: ConnectorCandidate = { id: "6f1c…", name: "Stripe (prod)", connectorType: "Stripe" };
 * ```
 */
export interface ConnectorCandidate {
  id: string;
  name: string;
  connectorType?: string;
}

/**
 * The options of {@link ConnectorResolutionError}. For `connector_not_found`, `candidates` are the
 * workspace's connectors; for `connector_ambiguous`, the ones that matched.
 *
 * @example
 * ```ts
 * new ConnectorResolutionError({ code: "connector_ambiguous", connector: "stripe", workspaceName: "acme", candidates });
 * ```
 */
export interface ConnectorResolutionErrorOptions extends Omit<AirbyteErrorOptions, "code" | "retryable"> {
  code: "connector_not_found" | "connector_ambiguous";
  /** The slug or name that was looked up. */
  connector: string;
  workspaceName?: string | undefined;
  candidates?: readonly ConnectorCandidate[] | undefined;
}

/**
 * `ConnectorResolutionError.toJSON()`'s result: the base fields plus the slug and the candidates.
 *
 * @example
 * ```ts
 * const json: ConnectorResolutionErrorJSON = err.toJSON();
 * json.candidates.map((c) => c.id);
 * ```
 */
export interface ConnectorResolutionErrorJSON extends AirbyteErrorJSON {
  connector: string;
  candidates: ConnectorCandidate[];
}

const MAX_LISTED_CANDIDATES = 10;

function describe(candidate: ConnectorCandidate): string {
  const details = [candidate.id, candidate.connectorType].filter((part) => part !== undefined);
  return `${candidate.name} (${details.join(", ")})`;
}

function listCandidates(candidates: readonly ConnectorCandidate[]): string {
  const listed = candidates.slice(0, MAX_LISTED_CANDIDATES).map(describe).join("; ");
  const more = candidates.length - MAX_LISTED_CANDIDATES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

function buildMessage(options: ConnectorResolutionErrorOptions): string {
  const candidates = options.candidates ?? [];
  const where = options.workspaceName === undefined ? "" : ` in workspace "${options.workspaceName}"`;
  if (options.code === "connector_ambiguous") {
    return (
      `"${options.connector}" matches ${candidates.length} connectors${where}: ` +
      `${listCandidates(candidates)}. Pass { connectorId } to pick one.`
    );
  }
  const available = candidates.length === 0 ? " The workspace has no connectors yet." : ` Available: ${listCandidates(candidates)}.`;
  return `No connector matches "${options.connector}"${where}.${available}`;
}

/**
 * A connector slug or name matched no connector, or several. The message and `candidates` list
 * the connectors to choose from; pass `{ connectorId }` to skip the lookup.
 *
 * @example
 * ```ts
 * if (isConnectorResolutionError(err) && err.code === "connector_ambiguous") {
 *   const stripe = ws.connector({ connectorId: err.candidates[0]!.id });
 * }
 * ```
 */
export class ConnectorResolutionError extends AirbyteError {
  override readonly name = "ConnectorResolutionError" as const;
  declare readonly code: "connector_not_found" | "connector_ambiguous";
  /** The slug or name that was looked up. */
  readonly connector: string;
  /** The connectors it could have meant. */
  readonly candidates: readonly ConnectorCandidate[];

  constructor(options: ConnectorResolutionErrorOptions) {
    super(buildMessage(options), { ...options, retryable: false });
    this.connector = options.connector;
    this.candidates = (options.candidates ?? []).map((candidate) => ({ ...candidate }));
  }

  override toJSON(): ConnectorResolutionErrorJSON {
    return {
      ...super.toJSON(),
      connector: this.connector,
      candidates: this.candidates.map((candidate) => ({ ...candidate })),
    };
  }
}

// The class of each status with one; other 5xx are InternalServerError, the rest ApiError.
// (Each class takes its own status only, hence `never`: the lookup above pairs them.)
const STATUS_CLASSES: Readonly<Record<number, new (message: string, init: ApiErrorInit<never>) => ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};
