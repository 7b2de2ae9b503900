import { createFetch, type FetchResponse } from "ofetch";
import * as v from "valibot";
import { AirbyteError } from "../errors/airbyte-error";
import { ApiError } from "../errors/api-error";
import { AbortError, ConnectionError, TimeoutError } from "../errors/connection-error";
import { formatRequestMessage } from "../errors/request-message";
import { ValidationError } from "../errors/validation-error";
import { createAttemptSignal, sleep } from "./deadline";
import type { Hooks, RequestInfo } from "./hooks";
import type { Logger } from "./logger";
import { type Redactor, redactHeaders } from "./redact";
import { isIdempotentRequest, parseRetryAfter, type RetryPolicy, retryDelay, shouldRetry } from "./retry";

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
 * How responses are checked against the schemas derived from the OpenAPI document: `strict` throws a
 * `ValidationError`, `warn` logs and returns the data, `off` skips the check.
 *
 * @example
 * ```ts
 * createClient({ validation: "warn" });
 * ```
 */
export type ValidationMode = "strict" | "warn" | "off";

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
  /** Per-attempt timeout in milliseconds. */
  timeout?: number | undefined;
  /** Overall budget in milliseconds for all attempts and the waits between them. */
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
  validation: ValidationMode;
  userAgent: string | undefined;
  sdkHeader: string;
  defaultHeaders?: Record<string, string> | undefined;
  random: () => number;
  now: () => number;
}

type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export interface RequestSpec<T> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Query | undefined;
  body?: unknown;
  /** Response schema; `null` when the response has no body worth reading. */
  schema: v.GenericSchema<unknown, T> | null;
  auth: TokenProvider | null;
  /** For execute: the action, which decides whether the call is a read. */
  executeAction?: string | undefined;
  /** Safe to repeat although the method says otherwise (minting a token changes nothing). Default: from method and action. */
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
}

/** The one request pipeline: headers, token, attempts with backoff, error mapping, response validation. */
export interface Transport {
  request<T>(spec: RequestSpec<T>, options?: CallOptions): Promise<TransportResponse<T>>;
  readonly config: TransportConfig;
}

function runHook<T>(hook: ((info: T) => void | Promise<void>) | undefined, info: T, logger: Logger): void {
  if (!hook) return;
  try {
    const result = hook(info);
    if (result && typeof (result as Promise<void>).catch === "function") {
      (result as Promise<void>).catch((error: unknown) => logger.warn("hook failed", { error: String(error) }));
    }
  } catch (error) {
    logger.warn("hook failed", { error: String(error) });
  }
}

function cleanQuery(query: Query): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? [...value] : String(value);
  }
  return out;
}

/** Keeps the attempt's signal alive while a streamed body is read, and releases it when the stream ends. */
function releaseWhenDone(stream: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}

export function createTransport(config: TransportConfig): Transport {
  const $fetch = createFetch({ fetch: (input, init) => config.fetch(input, init) });

  const buildHeaders = (token: string | undefined, extra: Record<string, string> | undefined, hasBody: boolean) => {
    const headers: Record<string, string> = {
      accept: "application/json",
      "x-adp-agent-sdk": config.sdkHeader,
      ...config.defaultHeaders,
      ...extra,
    };
    if (config.userAgent) headers["user-agent"] = config.userAgent;
    if (config.organizationId) headers["x-organization-id"] = config.organizationId;
    if (token) headers.authorization = `Bearer ${token}`;
    if (hasBody) headers["content-type"] = "application/json";
    return headers;
  };

  const validate = <T>(spec: RequestSpec<T>, data: unknown, mode: ValidationMode, status: number, requestId: string | undefined): T => {
    if (!spec.schema || mode === "off") return data as T;
    const result = v.safeParse(spec.schema, data);
    if (result.success) return result.output;
    const error = ValidationError.fromIssues(result.issues, {
      code: "unexpected_response",
      status,
      method: spec.method,
      path: spec.path,
      requestId,
      redact: config.redact,
    });
    if (mode === "strict") throw error;
    config.logger.warn(error.message, { issues: error.issues });
    return data as T;
  };

  const request = async <T>(spec: RequestSpec<T>, options: CallOptions = {}): Promise<TransportResponse<T>> => {
    const start = config.now();
    const budget = options.deadline ?? config.deadlineMs;
    const deadlineAt = budget === undefined ? undefined : start + budget;
    const timeoutMs = options.timeout ?? (spec.long ? config.longTimeoutMs : config.timeoutMs);
    const policy = options.maxRetries === undefined ? config.retry : { ...config.retry, maxRetries: options.maxRetries };
    const idempotent = spec.idempotent ?? isIdempotentRequest({ method: spec.method, executeAction: spec.executeAction });
    const callerSignal = options.signal;
    const base = { method: spec.method, path: spec.path };
    const url = `${config.baseUrl}${spec.path}`;
    const fail = (error: AirbyteError, info: RequestInfo): never => {
      runHook(config.hooks.onError, { ...info, error }, config.logger);
      config.logger.debug("request failed", { method: spec.method, path: spec.path, code: error.code, status: error.status });
      throw error;
    };
    if (callerSignal?.aborted) throw new AbortError(formatRequestMessage(base, "The request was aborted before it was sent"), base);

    let attempt = 0;
    let replayedAfter401 = false;
    const tokenFailures = new WeakSet<AirbyteError>();
    for (;;) {
      const attemptSignal = createAttemptSignal({ timeoutMs, deadlineAt, callerSignal, now: config.now() });
      let keepSignal = false;
      let info: RequestInfo = { ...base, attempt, headers: {} };
      let token: string | undefined;
      try {
        try {
          if (spec.auth) {
            try {
              token = await spec.auth.get(attemptSignal.signal);
            } catch (error) {
              // The mint is a request of its own and already retried: retrying it here again would multiply attempts.
              if (error instanceof AirbyteError) tokenFailures.add(error);
              throw error;
            }
          }
          const headers = buildHeaders(token, options.headers, spec.body !== undefined);
          info = { ...base, attempt, headers: redactHeaders(headers) as Record<string, string> };
          runHook(config.hooks.onRequest, info, config.logger);
          const sentAt = config.now();
          let response: FetchResponse<unknown>;
          try {
            response = await $fetch.raw(url, {
              method: spec.method,
              headers,
              ...(spec.query ? { query: cleanQuery(spec.query) } : {}),
              ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
              signal: attemptSignal.signal,
              retry: false,
              ignoreResponseError: true,
              responseType: spec.responseType === "stream" ? "stream" : "json",
            });
          } catch (error) {
            throw networkError(error, attemptSignal.reason(), base, timeoutMs, config.redact);
          }
          const requestId = response.headers.get("x-request-id") ?? undefined;
          runHook(
            config.hooks.onResponse,
            { ...info, status: response.status, durationMs: config.now() - sentAt, ...(requestId ? { requestId } : {}) },
            config.logger,
          );
          if (!response.ok) {
            const body =
              spec.responseType === "stream" ? await new Response(response._data as ReadableStream | null).text() : response._data;
            const apiError = ApiError.from({
              status: response.status,
              body,
              headers: response.headers,
              method: spec.method,
              path: spec.path,
              retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), config.now()),
              redact: config.redact,
            });
            // A 401 on a data call means the cached token died early: drop it, mint again, replay once (api-notes §8).
            if (response.status === 401 && spec.auth && token !== undefined && !replayedAfter401) {
              await spec.auth.invalidate(token);
              replayedAfter401 = true;
              config.logger.debug("token refused, minting a new one", base);
              continue;
            }
            throw apiError;
          }
          if (spec.responseType === "stream") {
            keepSignal = true;
            const stream = response._data as ReadableStream<Uint8Array> | null;
            const data = (stream ? releaseWhenDone(stream, () => attemptSignal.cleanup()) : null) as T;
            if (!stream) attemptSignal.cleanup();
            return { data, status: response.status, headers: response.headers, requestId };
          }
          const data = validate(spec, response._data, options.validation ?? config.validation, response.status, requestId);
          return { data, status: response.status, headers: response.headers, requestId };
        } catch (error) {
          if (error instanceof AirbyteError) throw error;
          // The token source or a hook threw something foreign: wrap it, keeping the redacted cause.
          throw networkError(error, attemptSignal.reason(), base, timeoutMs, config.redact);
        }
      } catch (error) {
        const airbyteError = error as AirbyteError;
        if (
          tokenFailures.has(airbyteError) ||
          !shouldRetry({ attempt, policy, error: airbyteError, idempotent, retryWrites: options.retryWrites })
        ) {
          fail(airbyteError, info);
        }
        const delayMs = retryDelay({ attempt, policy, retryAfterMs: airbyteError.retryAfterMs, random: config.random });
        if (deadlineAt !== undefined && config.now() + delayMs >= deadlineAt) {
          fail(
            new TimeoutError(formatRequestMessage(base, `Deadline of ${budget} ms exceeded while retrying`), {
              ...base,
              code: "deadline_exceeded",
              timeoutMs: budget,
              cause: airbyteError,
              redact: config.redact,
            }),
            info,
          );
        }
        runHook(config.hooks.onRetry, { ...info, delayMs, error: airbyteError }, config.logger);
        config.logger.info("retrying request", {
          method: spec.method,
          path: spec.path,
          attempt: attempt + 1,
          delayMs,
          code: airbyteError.code,
        });
        try {
          await sleep(delayMs, callerSignal);
        } catch {
          fail(
            new AbortError(formatRequestMessage(base, "The request was aborted while waiting to retry"), {
              ...base,
              cause: airbyteError,
              redact: config.redact,
            }),
            info,
          );
        }
        attempt++;
      } finally {
        if (!keepSignal) attemptSignal.cleanup();
      }
    }
  };

  return { request, config };
}

function networkError(
  error: unknown,
  reason: "timeout" | "deadline" | "aborted" | undefined,
  base: { method: string; path: string },
  timeoutMs: number,
  redact: Redactor,
): AirbyteError {
  if (error instanceof AirbyteError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  // A fetch that rejects with an AbortError on its own (e.g. `Workspace.close()` aborting its wrapper) is an abort, not a network failure to retry.
  const abortedElsewhere = reason === undefined && (cause as { name?: unknown } | null)?.name === "AbortError";
  if (reason === "aborted" || abortedElsewhere)
    return new AbortError(formatRequestMessage(base, "The request was aborted"), { ...base, cause, redact });
  if (reason === "timeout") {
    return new TimeoutError(formatRequestMessage(base, `No response within ${timeoutMs} ms`), {
      ...base,
      code: "timeout",
      timeoutMs,
      cause,
      redact,
    });
  }
  if (reason === "deadline") {
    return new TimeoutError(formatRequestMessage(base, "The call's deadline passed"), {
      ...base,
      code: "deadline_exceeded",
      cause,
      redact,
    });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ConnectionError(formatRequestMessage(base, `Network error: ${detail}`), { ...base, cause, redact });
}
