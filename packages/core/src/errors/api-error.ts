import { type Redactor, redactText, redactValue } from "../transport/redact";
import { AirbyteError, type AirbyteErrorJSON, type AirbyteErrorOptions } from "./airbyte-error";
import type { ErrorCode } from "./codes";
import { type FieldError, parseErrorBody } from "./error-body";
import { formatRequestMessage } from "./request-message";

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

const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
const REQUEST_ID_HEADERS: readonly string[] = ["x-request-id", "request-id", "x-amzn-requestid"];
// api-notes §9.1: multi-org credentials without X-Organization-Id get this 400.
const ORGANIZATION_HINT =
  " Hint: these credentials belong to several organizations; pass the `organizationId` option" +
  " (or set AIRBYTE_ORGANIZATION_ID) so the client sends X-Organization-Id.";

/**
 * Tells whether a response status means "the same request may succeed later": 408, 429, 500,
 * 502, 503 and 504. A 409 is not, because the conflict is in the data.
 *
 * @example
 * ```ts
 * isRetryableStatus(503); // true
 * isRetryableStatus(409); // false
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.includes(status);
}

function defaultCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 408:
      return "request_timeout";
    case 409:
      return "conflict";
    case 422:
      return "validation_error";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "server_error" : "api_error";
  }
}

function statusText(status: number): string {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Request failed";
  }
}

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
    const parsed = parseErrorBody(input.body);
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
    switch (status) {
      case 400:
        return new BadRequestError(message, { ...init, status });
      case 401:
        return new AuthenticationError(message, { ...init, status });
      case 403:
        return new PermissionDeniedError(message, { ...init, status });
      case 404:
        return new NotFoundError(message, { ...init, status });
      case 409:
        return new ConflictError(message, { ...init, status });
      case 422:
        return new UnprocessableEntityError(message, { ...init, status });
      case 429:
        return new RateLimitError(message, { ...init, status });
      default:
        return status >= 500 ? new InternalServerError(message, { ...init, status }) : new ApiError(message, { ...init, status });
    }
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
 * 500 and above: the server or a gateway failed. 500, 502, 503 and 504 are retryable.
 *
 * @example
 * ```ts
 * if (err instanceof InternalServerError) console.error(err.status, err.requestId);
 * ```
 */
export class InternalServerError extends ApiError {
  override readonly name = "InternalServerError" as const;
}
