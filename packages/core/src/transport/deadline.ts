/**
 * Which limit ended an attempt: its own timeout, the whole call's deadline, or the caller's signal.
 *
 * @example
 * ```ts
 * const why: AttemptAbortReason | undefined = attempt.reason();
 * ```
 */
export type AttemptAbortReason = "timeout" | "deadline" | "aborted";

/**
 * The signal for one attempt, with `cleanup()` to release its timer and listener once the
 * attempt settles, and `reason()` to tell which limit fired.
 *
 * @example
 * ```ts
 * const attempt = createAttemptSignal({ timeoutMs: 30_000, callerSignal, now: Date.now() });
 * try { await fetch(url, { signal: attempt.signal }); } finally { attempt.cleanup(); }
 * ```
 */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  cleanup(): void;
  reason(): AttemptAbortReason | undefined;
  /**
   * Starts the attempt's timeout again from `now` (still capped by the deadline): a streamed body calls it on each
   * chunk, so its timeout measures silence rather than the whole transfer. Nothing once it fired or was cleaned up.
   */
  restart(now: number): void;
}

/**
 * The input of {@link createAttemptSignal}. `deadlineAt` is an absolute time in milliseconds on
 * the same clock as `now`; any limit left out does not apply.
 *
 * @example
 * ```ts
 * const input: AttemptSignalInput = { timeoutMs: 30_000, deadlineAt: start + 120_000, now: Date.now() };
 * ```
 */
export interface AttemptSignalInput {
  timeoutMs?: number | undefined;
  deadlineAt?: number | undefined;
  callerSignal?: AbortSignal | null | undefined;
  now: number;
}

// setTimeout stores its delay in 32 bits and fires at once when given more; a limit that far
// away (about 24.8 days) is treated as no limit.
const MAX_TIMER_MS = 2_147_483_647;

function timeoutReason(message: string): Error {
  // The same reason AbortSignal.timeout() uses, so code that checks `name` keeps working.
  if (typeof DOMException === "function") return new DOMException(message, "TimeoutError");
  const error = new Error(message);
  error.name = "TimeoutError";
  return error;
}

function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  if (typeof DOMException === "function") {
    return new DOMException("This operation was aborted", "AbortError");
  }
  const error = new Error("This operation was aborted");
  error.name = "AbortError";
  return error;
}

/**
 * Milliseconds left until `deadlineAt`, never negative; `Infinity` when there is no deadline.
 *
 * @example
 * ```ts
 * remainingMs(start + 60_000, Date.now()); // e.g. 41_250
 * remainingMs(undefined, Date.now());       // Infinity
 * ```
 */
export function remainingMs(deadlineAt: number | undefined, now: number): number {
  return deadlineAt === undefined ? Number.POSITIVE_INFINITY : Math.max(0, deadlineAt - now);
}

/**
 * Composes a per-attempt timeout, an overall deadline and the caller's signal into one
 * `AbortSignal`. It uses one timer and one listener (no `AbortSignal.any`, which older runtimes
 * lack and which keeps sources alive), and releases both on abort or on `cleanup()`.
 *
 * @example
 * ```ts
 * const attempt = createAttemptSignal({ timeoutMs: 30_000, deadlineAt, callerSignal, now: Date.now() });
 * try {
 *   return await fetch(url, { signal: attempt.signal });
 * } catch (err) {
 *   if (attempt.reason() === "timeout") throw new TimeoutError("timed out", { code: "timeout" });
 *   throw err;
 * } finally {
 *   attempt.cleanup();
 * }
 * ```
 */
export function createAttemptSignal(input: AttemptSignalInput): AttemptSignal {
  const controller = new AbortController();
  const caller = input.callerSignal ?? undefined;
  let fired: AttemptAbortReason | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let released = false;
  const cleanup = (): void => {
    released = true;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    caller?.removeEventListener("abort", onCallerAbort);
  };
  const abort = (why: AttemptAbortReason, value: unknown): void => {
    if (fired !== undefined) return;
    fired = why;
    cleanup();
    controller.abort(value);
  };
  function onCallerAbort(): void {
    if (caller !== undefined) abort("aborted", abortReason(caller));
  }

  const timeoutMs =
    input.timeoutMs !== undefined && Number.isFinite(input.timeoutMs) ? Math.max(0, input.timeoutMs) : Number.POSITIVE_INFINITY;
  // One timer for whichever limit comes first; on a tie the deadline wins, since retrying a
  // timeout with no time left would be pointless.
  const arm = (now: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const left = remainingMs(input.deadlineAt, now);
    if (left <= 0) {
      abort("deadline", timeoutReason("The deadline for this call has passed"));
      return;
    }
    const limit = Math.min(timeoutMs, left);
    if (limit <= MAX_TIMER_MS) {
      const why: AttemptAbortReason = timeoutMs < left ? "timeout" : "deadline";
      const message = why === "timeout" ? `The attempt timed out after ${timeoutMs} ms` : "The deadline for this call has passed";
      timer = setTimeout(() => abort(why, timeoutReason(message)), limit);
    }
  };
  const restart = (now: number): void => {
    if (!released) arm(now);
  };

  const attempt: AttemptSignal = { signal: controller.signal, cleanup, reason: () => fired, restart };
  if (caller?.aborted === true) {
    abort("aborted", abortReason(caller));
    return attempt;
  }
  arm(input.now);
  if (fired === undefined) caller?.addEventListener("abort", onCallerAbort, { once: true });
  return attempt;
}

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason as soon as `signal` aborts; either
 * way the timer and the listener are released.
 *
 * @example
 * ```ts
 * await sleep(retryDelay({ attempt, policy, random: Math.random }), callerSignal);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortReason(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      if (signal) reject(abortReason(signal));
    };
    timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, ms)),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
