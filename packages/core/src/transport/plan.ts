// A call's plan: what all its attempts share, worked out once before the first. Both paths plan this way: a data
// call (transport.ts `request`) and a token mint (mint.ts); each attempt of either runs under `attemptSignal`.
import { AbortError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { rememberBodySecrets, sensitiveHeaderValues } from "../redact";
import type { AttemptEnv, AttemptSpec, CallPlan } from "./attempt";
import type { StartedCallOptions } from "./call-deadline";
import { type AttemptSignal, createAttemptSignal } from "./deadline";
import { isIdempotentRequest, type RetryPolicy } from "./retry";
import { serializeBody } from "./serialize";
import type { CallOptions, TransportConfig } from "./transport";

/** What the retry decision needs of a call (decide.ts). */
export interface RetryPlan {
  base: { method: string; path: string };
  policy: RetryPolicy;
  idempotent: boolean;
  retryWrites: boolean | undefined;
  deadlineAt: number | undefined;
  budget: number | undefined;
  callerSignal: AbortSignal | undefined;
}

/** A planned call: what each attempt sends, and what the decision after a failed attempt weighs. */
export interface PlannedCall {
  plan: CallPlan;
  retry: RetryPlan;
}

/**
 * Plans one call: its timeout and deadline, retry policy, whether it is safe to repeat, the body serialized and
 * the secrets it carries remembered (so no echo of them survives in an error). Every mistake of the caller's (a
 * body JSON cannot hold, a signal already aborted) is found here, before any token is fetched or any hook runs.
 *
 * @example
 * ```ts
 * const { plan, retry } = planCall(env, { method: "GET", path: "/api/v1/workspaces", schema: null }, { maxRetries: 0 });
 * ```
 */
export function planCall(env: AttemptEnv, spec: AttemptSpec, options: CallOptions): PlannedCall {
  const { config } = env;
  const budget = options.deadline ?? config.deadlineMs;
  // A call of several requests started its deadline once (startDeadline): this request gets what is left of it.
  const started = (options as StartedCallOptions).deadlineAt;
  const deadlineAt = started ?? (budget === undefined ? undefined : config.now() + budget);
  const timeoutMs = options.timeout ?? (spec.long ? config.longTimeoutMs : config.timeoutMs);
  const policy = options.maxRetries === undefined ? config.retry : { ...config.retry, maxRetries: options.maxRetries };
  const idempotent = spec.idempotent ?? isIdempotentRequest({ method: spec.method, executeAction: spec.executeAction });
  const base = { method: spec.method, path: spec.path };
  // A per-call Authorization or API-key header is remembered like the client's own secrets.
  if (options.headers) config.secrets.addAll(sensitiveHeaderValues(options.headers));
  if (spec.body !== undefined) rememberBodySecrets(config.secrets, spec.body);
  const plan: CallPlan = {
    base,
    url: `${config.baseUrl}${spec.path}`,
    // Serialized first: a body JSON cannot hold is the caller's mistake, found before any token or hook.
    bodyText: spec.body === undefined ? undefined : serializeBody(spec.body, base),
    headers: options.headers,
    idempotent,
    validation: options.validation ?? config.validation,
    failure: { request: base, host: env.host, timeoutMs, deadlineMs: budget, write: !idempotent, redact: config.redact },
  };
  if (options.signal?.aborted) throw new AbortError(formatRequestMessage(base, "The request was aborted before it was sent"), base);
  return {
    plan,
    retry: { base, policy, idempotent, retryWrites: options.retryWrites, deadlineAt, budget, callerSignal: options.signal },
  };
}

/**
 * The signal of one attempt of a planned call: its timeout, what is left of the call's deadline, and the caller's
 * signal (deadline.ts).
 *
 * @example
 * ```ts
 * const signal = attemptSignal(config, plan, retry);
 * try { await sendAttempt(env, spec, plan, token, signal, info, onSent); } finally { signal.cleanup(); }
 * ```
 */
export function attemptSignal(config: TransportConfig, plan: CallPlan, retry: RetryPlan): AttemptSignal {
  return createAttemptSignal({
    timeoutMs: plan.failure.timeoutMs,
    deadlineAt: retry.deadlineAt,
    callerSignal: retry.callerSignal,
    now: config.now(),
  });
}
