// After a failed attempt: what the failure is, then retry it (after the backoff) or fail the call. Both paths
// decide this way: a data call (transport.ts `request`) and a token mint (mint.ts).
import { AbortError, AirbyteError, TimeoutError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import type { CallPlan } from "./attempt";
import { type AttemptSignal, sleep } from "./deadline";
import { type RequestInfo, runHook } from "./hooks";
import { networkError } from "./network-error";
import type { RetryPlan } from "./plan";
import { retryDelay, shouldRetry } from "./retry";
import type { TransportConfig } from "./transport";

/**
 * What an attempt's failure is: an `AirbyteError` as thrown, anything else (a fetch that rejected outside the
 * attempt's own handling) named as a network failure, with the limit that ended the attempt.
 *
 * @example
 * ```ts
 * const error = attemptError(thrown, plan, signal); // e.g. a TimeoutError when the attempt's timer fired
 * ```
 */
export function attemptError(thrown: unknown, plan: CallPlan, signal: AttemptSignal): AirbyteError {
  return thrown instanceof AirbyteError ? thrown : networkError(thrown, { ...plan.failure, reason: signal.reason(), write: false });
}

/**
 * Ends a call with `error`: `onError` sees it, the debug log names it, and it is thrown.
 *
 * @example
 * ```ts
 * fail(config, error, info); // never returns
 * ```
 */
export function fail(config: TransportConfig, error: AirbyteError, info: RequestInfo): never {
  runHook(config.hooks.onError, { ...info, error }, config.logger);
  config.logger.debug("request failed", { method: info.method, path: info.path, code: error.code, status: error.status });
  throw error;
}

/**
 * Waits out the backoff before the next attempt, or fails the call: not retryable, out of retries, past the deadline,
 * or aborted while waiting. `attempt` counts from 0.
 *
 * @example
 * ```ts
 * await retryOrFail(config, retry, attempt, error, info); // resolves when the next attempt may start
 * ```
 */
export async function retryOrFail(
  config: TransportConfig,
  retry: RetryPlan,
  attempt: number,
  error: AirbyteError,
  info: RequestInfo,
): Promise<void> {
  if (!shouldRetry({ attempt, policy: retry.policy, error, idempotent: retry.idempotent, retryWrites: retry.retryWrites }))
    fail(config, error, info);
  const delayMs = retryDelay({ attempt, policy: retry.policy, retryAfterMs: error.retryAfterMs, random: config.random });
  if (retry.deadlineAt !== undefined && config.now() + delayMs >= retry.deadlineAt) {
    fail(
      config,
      new TimeoutError(formatRequestMessage(retry.base, `Deadline of ${retry.budget} ms exceeded while retrying`), {
        ...retry.base,
        code: "deadline_exceeded",
        timeoutMs: retry.budget,
        cause: error,
        mayHaveSucceeded: error.mayHaveSucceeded,
        redact: config.redact,
      }),
      info,
    );
  }
  runHook(config.hooks.onRetry, { ...info, delayMs, error }, config.logger);
  config.logger.info("retrying request", { ...retry.base, attempt: attempt + 1, delayMs, code: error.code });
  try {
    await sleep(delayMs, retry.callerSignal);
  } catch {
    fail(
      config,
      new AbortError(formatRequestMessage(retry.base, "The request was aborted while waiting to retry"), {
        ...retry.base,
        cause: error,
        mayHaveSucceeded: error.mayHaveSucceeded,
        redact: config.redact,
      }),
      info,
    );
  }
}
