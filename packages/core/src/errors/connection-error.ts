import { AirbyteError, type AirbyteErrorOptions } from "./airbyte-error";

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
