import { AbortError, AirbyteError, ConnectionError, TimeoutError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import type { Redactor } from "../redact";
import type { AttemptAbortReason } from "./deadline";

// Failures that happen before a single byte of the request leaves the machine: the server never saw it,
// so even a write is safe to send again (Node's and Bun's codes; other runtimes give none, and are unknown).
const NOT_SENT_CODES: readonly string[] = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ConnectionRefused"];

interface Cause {
  code?: string;
  message?: string;
}

/** Walks `cause` (and an AggregateError's first error) down to the error that carries a system code. */
function rootCause(error: unknown): Cause {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return current as Cause;
    const inner = (current as { cause?: unknown }).cause ?? (current as { errors?: unknown[] }).errors?.[0];
    if (inner === undefined) break;
    current = inner;
  }
  return (current ?? {}) as Cause;
}

/**
 * Tells whether a fetch failure happened before the request was sent (connection refused, unknown host).
 *
 * @example
 * ```ts
 * wasNeverSent(new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) })); // true
 * ```
 */
export function wasNeverSent(error: unknown): boolean {
  const code = rootCause(error).code;
  return code !== undefined && NOT_SENT_CODES.includes(code);
}

/**
 * What the transport knows when a fetch rejects: which limit fired, the request, the target host,
 * and whether the request was a write (whose outcome is then unknown unless it was never sent).
 *
 * @example
 * ```ts
 * const input: NetworkFailure = { reason: undefined, request: { method: "GET", path }, host: "127.0.0.1:8787", timeoutMs: 30_000, write: false, redact };
 * ```
 */
export interface NetworkFailure {
  reason: AttemptAbortReason | undefined;
  request: { method: string; path: string };
  /** `host:port` of baseUrl, named in the message so a wrong baseUrl is obvious. */
  host: string;
  timeoutMs: number;
  /** The call's whole budget, when it has a deadline: told when the deadline is what fired. */
  deadlineMs?: number | undefined;
  /** A non-idempotent request: an answer that never came leaves its outcome unknown. */
  write: boolean;
  redact: Redactor;
}

/**
 * Turns a rejected fetch into the SDK's error: an abort, a per-attempt timeout, a spent deadline, or a
 * `ConnectionError` naming the host and the root cause (`ECONNREFUSED 127.0.0.1:59999`) with a hint.
 *
 * @example
 * ```ts
 * throw networkError(error, { reason: attempt.reason(), request, host, timeoutMs, write: false, redact });
 * ```
 */
export function networkError(error: unknown, failure: NetworkFailure): AirbyteError {
  const { reason, request, redact } = failure;
  // An AbortError from a shared wait (abortable.ts) when this attempt's own signal fired: the signal says why
  // (its timer, the deadline, the caller), so it is told as for a fetch.
  if (error instanceof AirbyteError && !(reason !== undefined && error.code === "aborted")) return error;
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const mayHaveSucceeded = failure.write && !wasNeverSent(error);
  const base = { ...request, cause, redact, mayHaveSucceeded };
  // A fetch that rejects with an AbortError on its own (e.g. `Workspace.close()` aborting its wrapper) is an abort, not a network failure to retry.
  const abortedElsewhere = reason === undefined && (cause as { name?: unknown } | null)?.name === "AbortError";
  if (reason === "aborted" || abortedElsewhere) return new AbortError(formatRequestMessage(request, "The request was aborted"), base);
  if (reason === "timeout") {
    const detail = `No response from ${failure.host} within ${failure.timeoutMs} ms`;
    return new TimeoutError(formatRequestMessage(request, detail), { ...base, code: "timeout", timeoutMs: failure.timeoutMs });
  }
  if (reason === "deadline") {
    const detail =
      failure.deadlineMs === undefined ? "The call's deadline passed" : `The call's deadline of ${failure.deadlineMs} ms passed`;
    return new TimeoutError(formatRequestMessage(request, detail), { ...base, code: "deadline_exceeded", timeoutMs: failure.deadlineMs });
  }
  const root = rootCause(error);
  const rootText =
    root.message && root.message !== "" ? root.message : (root.code ?? (cause instanceof Error ? cause.message : String(cause)));
  const detail = `Network error reaching ${failure.host}: ${rootText}. Check baseUrl and that the server is up`;
  return new ConnectionError(formatRequestMessage(request, detail), base);
}

/**
 * The error for a body that broke off mid-read after a status arrived: a `ConnectionError` naming
 * the path (reads retry it); for a write, the status already said it was applied.
 *
 * @example
 * ```ts
 * throw bodyReadError(error, { method: "GET", path }, 200, false, redact);
 * ```
 */
export function bodyReadError(
  error: unknown,
  request: { method: string; path: string },
  status: number,
  write: boolean,
  redact: Redactor,
): AirbyteError {
  if (error instanceof AirbyteError) return error;
  const detail = `The connection broke while reading the response body (${error instanceof Error ? error.message : String(error)})`;
  return new ConnectionError(formatRequestMessage({ ...request, status }, detail), {
    ...request,
    status,
    cause: error,
    redact,
    mayHaveSucceeded: write,
  });
}
