import { isAbortError, isApiError, isConnectionError, isTimeoutError } from "../errors/guards";
import { isRetryableStatus } from "../http-status";

/**
 * How often and how patiently a failed request is repeated. `maxRetries` counts repeats, so
 * `2` means at most three attempts.
 *
 * @example
 * ```ts
 * const patient: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 5 };
 * ```
 */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest `Retry-After` we honour; a server asking for more gets this much. */
  readonly maxRetryAfterMs: number;
}

/**
 * Two retries, backoff from 500 ms up to 8 s with full jitter, and `Retry-After` capped at 60 s.
 *
 * @example
 * ```ts
 * createClient({ retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 } }); // never retry
 * ```
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = /* @__PURE__ */ Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});

// RFC 9110 §9.2.2: these methods may be repeated without changing the outcome.
const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];
// Execute is always a POST; these actions only read (api-notes §5).
const READ_ACTIONS: readonly string[] = ["list", "get", "search", "api_search", "context_store_search", "download"];

/**
 * Tells whether repeating a request cannot apply a change twice: reads and the other RFC 9110
 * idempotent methods, plus `POST …/execute` with a read action.
 *
 * @example
 * ```ts
 * isIdempotentRequest({ method: "POST", executeAction: "list" });   // true
 * isIdempotentRequest({ method: "POST", executeAction: "create" }); // false
 * ```
 */
export function isIdempotentRequest(request: { method: string; executeAction?: string | undefined }): boolean {
  const method = request.method.toUpperCase();
  if (IDEMPOTENT_METHODS.includes(method)) return true;
  return method === "POST" && request.executeAction !== undefined ? READ_ACTIONS.includes(request.executeAction) : false;
}

/**
 * The input of {@link shouldRetry}. `attempt` is the zero-based index of the attempt that just
 * failed; `retryWrites` lets the caller opt a non-idempotent call into the read rules.
 *
 * @example
 * ```ts
 * const input: ShouldRetryInput = { attempt: 0, policy: DEFAULT_RETRY_POLICY, error, idempotent: true, retryWrites: false };
 * ```
 */
export interface ShouldRetryInput {
  attempt: number;
  policy: RetryPolicy;
  error: unknown;
  idempotent: boolean;
  retryWrites?: boolean | undefined;
}

/**
 * Decides whether to send a failed request again. Reads retry on connection errors, per-attempt
 * timeouts, 408, 429 and every 5xx but 501 and 505; writes only on 429 and on connections that failed before
 * sending (the server saw neither), never when `mayHaveSucceeded` is set.
 * Aborts, exhausted deadlines and everything else are final.
 *
 * @example
 * ```ts
 * if (shouldRetry({ attempt, policy, error, idempotent: isIdempotentRequest(spec) })) await sleep(delay, signal);
 * ```
 */
export function shouldRetry(input: ShouldRetryInput): boolean {
  const { attempt, policy, error } = input;
  if (attempt >= policy.maxRetries) return false;
  if (isAbortError(error)) return false;
  const repeatable = input.idempotent || input.retryWrites === true;
  if (isTimeoutError(error)) return error.code === "timeout" && repeatable;
  // A write whose connection failed before sending (refused, unknown host) was never seen by the server.
  if (isConnectionError(error)) return repeatable || error.mayHaveSucceeded !== true;
  if (isApiError(error)) {
    // A 429 means the request was refused, not applied, so even a write is safe to repeat.
    if (error.status === 429) return true;
    return repeatable && isRetryableStatus(error.status);
  }
  return false;
}

const HTTP_DATE =
  /^(?:[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]+, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * Reads a `Retry-After` header: seconds (integer or decimal) or an HTTP date, relative to `now`.
 * Returns milliseconds, `0` for a date already past, and `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseRetryAfter("2", Date.now());                               // 2000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.now());   // 0 (in the past)
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!HTTP_DATE.test(trimmed)) return undefined;
  // asctime dates carry no zone, and RFC 9110 §5.6.7 says they are GMT.
  const at = Date.parse(trimmed.endsWith("GMT") ? trimmed : `${trimmed} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * The input of {@link retryDelay}. `random` is injected (usually `Math.random`) so tests and
 * simulations are deterministic.
 *
 * @example
 * ```ts
 * const input: RetryDelayInput = { attempt: 1, policy: DEFAULT_RETRY_POLICY, random: Math.random };
 * ```
 */
export interface RetryDelayInput {
  attempt: number;
  policy: RetryPolicy;
  retryAfterMs?: number | undefined;
  random: () => number;
}

/**
 * How long to wait before the next attempt: the server's `Retry-After` (capped at
 * `maxRetryAfterMs`) when it sent one, else full jitter over `min(maxDelayMs, baseDelayMs * 2^attempt)`.
 *
 * @example
 * ```ts
 * retryDelay({ attempt: 2, policy: DEFAULT_RETRY_POLICY, random: Math.random }); // 0 … 2000 ms
 * ```
 */
export function retryDelay(input: RetryDelayInput): number {
  const { attempt, policy, retryAfterMs } = input;
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    return Math.max(0, Math.min(retryAfterMs, policy.maxRetryAfterMs));
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Full jitter spreads clients that failed together (AWS Architecture Blog, "Exponential Backoff And Jitter").
  return Math.floor(input.random() * ceiling);
}
