import { createFetch, type FetchResponse } from "ofetch";
import * as v from "valibot";
import { AbortError, AirbyteError, ApiError, ConnectionError, TimeoutError, ValidationError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { type Redactor, redactHeaders, rememberBodySecrets, type SecretRegistry, sensitiveHeaderValues } from "../redact";
import { createAttemptSignal, sleep } from "./deadline";
import type { Hooks, RequestInfo } from "./hooks";
import type { Logger } from "./logger";
import { bodyReadError, networkError } from "./network-error";
import { DEFAULT_MAX_RESPONSE_BYTES, parseBody, readBodyText } from "./read-body";
import { isRedirect, redirectError } from "./redirect";
import { essentialIssues } from "./response-check";
import { isIdempotentRequest, parseRetryAfter, type RetryPolicy, retryDelay, shouldRetry } from "./retry";
import { serializeBody } from "./serialize";
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

export interface RequestSpec<T> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Query | undefined;
  body?: unknown;
  /** Response schema; `null` when the response has no body worth reading. */
  schema: v.GenericSchema<unknown, T> | null;
  /**
   * The fields the resource reads from the response (`data[].id`, `[]` for any index): in `lenient` mode
   * only issues at, above or under none of them are ignored. Absent: every field counts.
   */
  reads?: readonly string[] | undefined;
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
  /**
   * A retried `DELETE` found nothing: an earlier attempt, whose answer was lost, had deleted it. The
   * call succeeded; `data` is `null` since the server's answer to that attempt never arrived.
   */
  alreadyGone?: true;
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

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
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

// Failures after which a DELETE may have taken effect: a later 404 then means it did.
function mayHaveDeleted(error: AirbyteError): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return error instanceof ConnectionError && !(error instanceof TimeoutError && error.code === "deadline_exceeded");
}

export function createTransport(config: TransportConfig): Transport {
  const $fetch = createFetch({ fetch: (input, init) => config.fetch(input, init) });
  const host = hostOf(config.baseUrl);
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

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
    const issues = mode === "lenient" ? essentialIssues(result.issues, spec.reads) : result.issues;
    const error = ValidationError.fromIssues(issues.length > 0 ? issues : result.issues, {
      code: "unexpected_response",
      status,
      method: spec.method,
      path: spec.path,
      requestId,
      redact: config.redact,
    });
    if (mode === "strict" || (mode === "lenient" && issues.length > 0)) throw error;
    // Lenient: the fields the SDK reads are sound; the rest passes through as the server sent it.
    if (mode === "lenient")
      config.logger.debug("response differs from the schema in fields the SDK does not read", { issues: error.issues });
    else config.logger.warn(error.message, { issues: error.issues });
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
    const failure = { request: base, host, timeoutMs, write: !idempotent, redact: config.redact };
    const fail = (error: AirbyteError, info: RequestInfo): never => {
      runHook(config.hooks.onError, { ...info, error }, config.logger);
      config.logger.debug("request failed", { method: spec.method, path: spec.path, code: error.code, status: error.status });
      throw error;
    };
    // A per-call Authorization or API-key header is remembered like the client's own secrets.
    if (options.headers) config.secrets.addAll(sensitiveHeaderValues(options.headers));
    if (spec.body !== undefined) rememberBodySecrets(config.secrets, spec.body);
    // Serialized first: a body JSON cannot hold is the caller's mistake, found before any token or hook.
    const bodyText = spec.body === undefined ? undefined : serializeBody(spec.body, base);
    if (callerSignal?.aborted) throw new AbortError(formatRequestMessage(base, "The request was aborted before it was sent"), base);

    let attempt = 0;
    let replayedRefusal = false;
    let deleteMayHaveApplied = false;
    const tokenFailures = new WeakSet<AirbyteError>();
    for (;;) {
      const attemptSignal = createAttemptSignal({ timeoutMs, deadlineAt, callerSignal, now: config.now() });
      let keepSignal = false;
      let info: RequestInfo = { ...base, attempt, headers: {} };
      let token: string | undefined;
      // Reads a body within the attempt's limits; a read that breaks is the connection's fault, named so.
      const readText = async (response: FetchResponse<unknown>, write: boolean): Promise<string> => {
        try {
          return await readBodyText(
            { status: response.status, headers: response.headers, body: response._data as ReadableStream<Uint8Array> | null },
            base,
            maxBytes,
            config.redact,
          );
        } catch (error) {
          const reason = attemptSignal.reason();
          if (reason !== undefined) throw networkError(error, { ...failure, reason, write });
          throw bodyReadError(error, base, response.status, write, config.redact);
        }
      };
      try {
        try {
          if (spec.auth) {
            try {
              token = await spec.auth.get(attemptSignal.signal);
            } catch (error) {
              // The mint is a request of its own and already retried: retrying it here again would multiply attempts.
              if (!(error instanceof AirbyteError)) throw error;
              const named = tokenFailure(error, base, config.redact);
              tokenFailures.add(named);
              throw named;
            }
          }
          const headers = buildHeaders(token, options.headers, bodyText !== undefined);
          info = { ...base, attempt, headers: redactHeaders(headers) as Record<string, string> };
          runHook(config.hooks.onRequest, info, config.logger);
          const sentAt = config.now();
          let response: FetchResponse<unknown>;
          try {
            response = await $fetch.raw(url, {
              method: spec.method,
              headers,
              ...(spec.query ? { query: cleanQuery(spec.query) } : {}),
              ...(bodyText === undefined ? {} : { body: bodyText }),
              signal: attemptSignal.signal,
              // Never followed: a redirect would carry the secret or the bearer token to wherever it points.
              redirect: "manual",
              retry: false,
              ignoreResponseError: true,
              // The body is read here, with a byte limit, and parsed with plain JSON.parse.
              responseType: "stream",
            });
          } catch (error) {
            throw networkError(error, { ...failure, reason: attemptSignal.reason() });
          }
          const rawRequestId = response.headers.get("x-request-id");
          const requestId = rawRequestId === null ? undefined : config.redact(rawRequestId);
          runHook(
            config.hooks.onResponse,
            { ...info, status: response.status, durationMs: config.now() - sentAt, ...(requestId ? { requestId } : {}) },
            config.logger,
          );
          if (isRedirect(response)) {
            await (response._data as ReadableStream | null)?.cancel().catch(() => {});
            throw redirectError(response, url, base, config.redact);
          }
          if (!response.ok) {
            const parsed = parseBody(await readText(response, false));
            const apiError = ApiError.from({
              status: response.status,
              body: parsed.kind === "json" ? parsed.value : parsed.kind === "text" ? parsed.text : undefined,
              headers: response.headers,
              method: spec.method,
              path: spec.path,
              retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), config.now()),
              // A write that reached a failing server may have been applied before it failed.
              mayHaveSucceeded: !idempotent && response.status >= 500,
              redact: config.redact,
            });
            // The token died early (a 401, or a 403 that says so): drop it, mint again, replay once (api-notes §8).
            if (spec.auth && token !== undefined && !replayedRefusal && isTokenRefusal(apiError, token, config.now())) {
              await spec.auth.invalidate(token);
              replayedRefusal = true;
              config.logger.debug("token refused, minting a new one", base);
              continue;
            }
            // An earlier attempt of this DELETE got lost after it was sent; nothing left to delete means it took effect.
            if (response.status === 404 && spec.method === "DELETE" && deleteMayHaveApplied) {
              config.logger.debug("a retried delete found nothing left: the earlier attempt took effect", base);
              return { data: null as T, status: response.status, headers: response.headers, requestId, alreadyGone: true };
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
          const parsed = parseBody(await readText(response, !idempotent));
          const mode = options.validation ?? config.validation;
          if (parsed.kind === "text" && spec.schema !== null && mode !== "off") {
            const type = response.headers.get("content-type") ?? "no content type";
            throw new ValidationError(formatRequestMessage({ ...base, status: response.status }, `The response is not JSON (${type})`), {
              code: "unexpected_response",
              status: response.status,
              ...base,
              requestId,
              redact: config.redact,
            });
          }
          const body = parsed.kind === "json" ? parsed.value : parsed.kind === "text" ? parsed.text : undefined;
          const data = validate(spec, body, mode, response.status, requestId);
          return { data, status: response.status, headers: response.headers, requestId };
        } catch (error) {
          if (error instanceof AirbyteError) throw error;
          // The token source or a hook threw something foreign: wrap it, keeping the redacted cause.
          throw networkError(error, { ...failure, reason: attemptSignal.reason(), write: false });
        }
      } catch (error) {
        const airbyteError = error as AirbyteError;
        if (spec.method === "DELETE" && !tokenFailures.has(airbyteError) && mayHaveDeleted(airbyteError)) deleteMayHaveApplied = true;
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
              mayHaveSucceeded: airbyteError.mayHaveSucceeded,
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
              mayHaveSucceeded: airbyteError.mayHaveSucceeded,
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
