import { AirbyteError, ApiError, ConnectionError, TimeoutError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import type { Redactor, SecretRegistry } from "../redact";
import { abortable } from "./abortable";
import { type CallPlan, createAttemptEnv, sendAttempt } from "./attempt";
import { createAttemptSignal } from "./deadline";
import { attemptError, fail, retryOrFail } from "./decide";
import type { Hooks, RequestInfo } from "./hooks";
import type { Logger } from "./logger";
import { networkError, wasNeverSent } from "./network-error";
import { attemptSignal, planCall, type RetryPlan } from "./plan";
import type { DEFAULT_MAX_RESPONSE_BYTES } from "./read-body";
import type { RetryPolicy } from "./retry";
import type { Reads, SchemaName, SchemaOutput } from "./schemas";
import { isTokenRefusal } from "./token-refusal";

/**
 * Supplies bearer tokens. `invalidate` drops a token the server refused, so the next `get` mints anew.
 *
 * @example
 * ```ts
 * const source: TokenProvider = { get: async () => myToken, invalidate: () => {} };
 * ```
 */
export interface TokenProvider {
  get(signal?: AbortSignal): Promise<string>;
  /** May be async: the transport waits for it, so a shared store is updated before the replay (and before a Worker's response ends). */
  invalidate(token: string): void | Promise<void>;
}

/**
 * How responses are checked against the schemas derived from the OpenAPI document. `lenient` (the
 * default) throws a `ValidationError` only when a field the SDK reads is missing or of the wrong type,
 * and passes every other field through untouched; `strict` throws on any difference (for tests);
 * `warn` logs and returns the data; `off` skips the check.
 *
 * @example
 * ```ts
 * createClient({ validation: "strict" }); // in your test suite, to see any drift of the API
 * ```
 */
export type ValidationMode = "lenient" | "strict" | "warn" | "off";

/**
 * Per-call options every method accepts.
 *
 * @example
 * ```ts
 * await ws.connectors.list({ signal: AbortSignal.timeout(5_000), maxRetries: 0 });
 * ```
 */
export interface CallOptions {
  /** Cancels the call, retries and waits included. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds, from when the request is sent (a token mint before it has its own limits). */
  timeout?: number | undefined;
  /**
   * Overall budget in milliseconds for all attempts and the waits between them. A method that sends several
   * requests (a slug lookup and the execute) spends one budget across them.
   */
  deadline?: number | undefined;
  maxRetries?: number | undefined;
  /** Also retry non-idempotent writes on 5xx and network errors. Only for calls you know are safe to repeat. */
  retryWrites?: boolean | undefined;
  headers?: Record<string, string> | undefined;
  validation?: ValidationMode | undefined;
}

export interface TransportConfig {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  organizationId?: string | undefined;
  timeoutMs: number;
  longTimeoutMs: number;
  deadlineMs?: number | undefined;
  retry: RetryPolicy;
  hooks: Hooks;
  logger: Logger;
  redact: Redactor;
  /** The client's registry: credentials a resource sends are added to it, so no echo of them survives in an error. */
  secrets: SecretRegistry;
  validation: ValidationMode;
  userAgent: string | undefined;
  sdkHeader: string;
  defaultHeaders?: Record<string, string> | undefined;
  /** The largest response body read, in bytes (default {@link DEFAULT_MAX_RESPONSE_BYTES}). */
  maxResponseBytes?: number | undefined;
  random: () => number;
  now: () => number;
}

type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export interface RequestSpec<S extends SchemaName | null = SchemaName | null> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Query | undefined;
  body?: unknown;
  /** The response schema's name in `schemas/registry.ts`; `null` when the response has no body worth reading. */
  schema: S;
  /**
   * The fields the resource reads from the response, with their types (`{ "data[].id": "string" }`): the
   * `lenient` check reads these and nothing else, without loading the schema. Absent: lenient checks the whole
   * schema, as `strict` does.
   */
  reads?: Reads | undefined;
  /** Where the bearer token comes from (a token cache). A token mint has no spec: it goes its own path (mint.ts). */
  auth: TokenProvider;
  /** For execute: the action, which decides whether the call is a read. */
  executeAction?: string | undefined;
  /** Safe to repeat although the method says otherwise (a token mint, mint.ts: it writes nothing). Default: from method and action. */
  idempotent?: boolean | undefined;
  /** Execute and download run live third-party calls: 300 s per attempt by default (api-notes §8). */
  long?: boolean | undefined;
  responseType?: "json" | "stream" | undefined;
}

export interface TransportResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  requestId: string | undefined;
  /**
   * A retried `DELETE` found nothing: an earlier attempt, whose answer was lost, had deleted it. The
   * call succeeded; `data` is `null` since the server's answer to that attempt never arrived.
   */
  alreadyGone?: true;
}

/** The request pipeline: headers, token, attempts with backoff, error mapping, response validation. */
export interface Transport {
  request<S extends SchemaName | null, T = SchemaOutput<S>>(spec: RequestSpec<S>, options?: CallOptions): Promise<TransportResponse<T>>;
  readonly config: TransportConfig;
}

/** A token mint that failed to connect names the call the caller made, not only the token path underneath. */
function tokenFailure(error: AirbyteError, base: { method: string; path: string }, redact: Redactor): AirbyteError {
  if (!(error instanceof ConnectionError)) return error;
  const detail = `Could not get a token for this call: ${error.message}`;
  const options = { ...base, cause: error, redact, retryable: error.retryable };
  return error instanceof TimeoutError
    ? new TimeoutError(formatRequestMessage(base, detail), { ...options, code: error.code })
    : new ConnectionError(formatRequestMessage(base, detail), options);
}

// Failures after which a DELETE may have taken effect: a later 404 then means it did. A connection refused or a host
// not found never carried the request, so a 404 after one is a plain NotFound (the id may never have existed).
function mayHaveDeleted(error: AirbyteError): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return (
    error instanceof ConnectionError && !(error instanceof TimeoutError && error.code === "deadline_exceeded") && !wasNeverSent(error.cause)
  );
}

/**
 * Creates the request pipeline. `request` reads top to bottom: plan the call once (plan.ts), then per attempt: get
 * the bearer token, send one attempt (attempt.ts), and on a failure decide: replay once after a token refusal,
 * accept a retried DELETE's 404, retry with backoff or fail (decide.ts). A token mint does not come back here: it
 * has its own path (mint.ts).
 */
export function createTransport(config: TransportConfig): Transport {
  const env = createAttemptEnv(config);

  // What runs between attempts (the wait for a token, dropping a refused one) is bounded by the call's deadline and
  // the caller's signal, not by an attempt's timeout: that one is the request's, and the request is not sent yet (a
  // mint slower than a short per-call timeout failed a call that never went out). Without a deadline the caller's
  // signal is all there is to follow: no timer, no controller. A stop by either is told by networkError; any other
  // failure goes to `other`.
  const betweenAttempts = async <R>(
    plan: CallPlan,
    retry: RetryPlan,
    info: RequestInfo,
    run: (signal: AbortSignal | undefined) => Promise<R>,
    other: (error: unknown) => R | Promise<R>,
  ): Promise<R> => {
    const wait =
      retry.deadlineAt === undefined
        ? undefined
        : createAttemptSignal({ deadlineAt: retry.deadlineAt, callerSignal: retry.callerSignal, now: config.now() });
    const signal = wait ? wait.signal : retry.callerSignal;
    try {
      return await run(signal);
    } catch (error) {
      const reason = wait ? wait.reason() : signal?.aborted ? "aborted" : undefined;
      if (reason !== undefined && (!(error instanceof AirbyteError) || error.code === "aborted")) {
        return fail(config, networkError(error, { ...plan.failure, reason, write: false }), info);
      }
      return other(error);
    } finally {
      wait?.cleanup();
    }
  };

  // The token source's failure ends the call at once: a mint is retried on its own path, never again here.
  const bearer = (auth: TokenProvider, plan: CallPlan, retry: RetryPlan, info: RequestInfo): Promise<string> =>
    betweenAttempts(
      plan,
      retry,
      info,
      (signal) => auth.get(signal),
      (error) =>
        fail(
          config,
          error instanceof AirbyteError
            ? tokenFailure(error, plan.base, config.redact)
            : networkError(error, { ...plan.failure, reason: undefined, write: false }),
          info,
        ),
    );

  // Dropping a refused token may wait on a shared store (a KV delete). A cache keeps the refused token out of use
  // before it waits, so a stop here loses nothing; a store that fails is no reason to fail the call.
  const forget = (auth: TokenProvider, token: string, plan: CallPlan, retry: RetryPlan, info: RequestInfo): Promise<void> =>
    betweenAttempts(
      plan,
      retry,
      info,
      (signal) =>
        abortable(
          Promise.resolve().then(() => auth.invalidate(token)),
          signal,
        ),
      () => config.logger.warn("the refused token could not be dropped", plan.base),
    );

  const request = async <S extends SchemaName | null, T = SchemaOutput<S>>(
    spec: RequestSpec<S>,
    options: CallOptions = {},
  ): Promise<TransportResponse<T>> => {
    // --- The plan: everything the attempts share, and every mistake of the caller's found before any token or hook.
    const { plan, retry } = planCall(env, spec, options);
    const { base } = plan;
    let replayedRefusal = false;
    let deleteMayHaveApplied = false;
    for (let attempt = 0; ; ) {
      let info: RequestInfo = { ...base, attempt, headers: {} };
      // --- The token, from a cache that mints on its own path (mint.ts) when it has none.
      const token = await bearer(spec.auth, plan, retry, info);
      // --- One attempt, under its timeout, what is left of the deadline, and the caller's signal.
      const signal = attemptSignal(config, plan, retry);
      let keptSignal = false;
      try {
        const response = await sendAttempt<T>(env, spec, plan, token, signal, info, (sent) => {
          info = sent;
        });
        keptSignal = response.keptSignal === true;
        const { keptSignal: _kept, ...result } = response;
        return result;
      } catch (thrown) {
        // --- The decision.
        const error = attemptError(thrown, plan, signal);
        // The token died early (a 401, or a 403 that says so): drop it, mint again, replay once (api-notes §8).
        if (!replayedRefusal && error instanceof ApiError && isTokenRefusal(error, token, config.now())) {
          await forget(spec.auth, token, plan, retry, info);
          replayedRefusal = true;
          config.logger.debug("token refused, minting a new one", base);
          continue;
        }
        if (spec.method === "DELETE") {
          // An earlier attempt of this DELETE got lost after it was sent; nothing left to delete means it took effect.
          if (deleteMayHaveApplied && error instanceof ApiError && error.status === 404) {
            config.logger.debug("a retried delete found nothing left: the earlier attempt took effect", base);
            return { data: null as T, status: 404, headers: new Headers(), requestId: error.requestId, alreadyGone: true };
          }
          if (mayHaveDeleted(error)) deleteMayHaveApplied = true;
        }
        await retryOrFail(config, retry, attempt, error, info);
        attempt++;
      } finally {
        if (!keptSignal) signal.cleanup();
      }
    }
  };

  return { request, config };
}
