// One attempt of a request: headers, one fetch, the body read within its limits, and the answer classified (an
// ApiError for a non-2xx, a redirect refused, the body parsed and checked). It decides nothing about retrying:
// transport.ts does, from what this throws.
import { createFetch, type FetchResponse } from "ofetch";
import { AirbyteError, ApiError, ConnectionError, ValidationError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { redactHeaders } from "../redact";
import type { AttemptSignal } from "./deadline";
import type { RequestInfo } from "./hooks";
import { runHook } from "./hooks";
import { bodyReadError, type NetworkFailure, networkError } from "./network-error";
import { DEFAULT_MAX_RESPONSE_BYTES, parseBody, readBodyText } from "./read-body";
import { isRedirect, redirectError } from "./redirect";
import { readIssues } from "./response-check";
import { parseRetryAfter } from "./retry";
import { loadRegistry } from "./schemas";
import type { RequestSpec, TransportConfig, TransportResponse, ValidationMode } from "./transport";

/** What every attempt of a call shares, worked out once per call (plan.ts `planCall`). */
export interface CallPlan {
  readonly base: { method: string; path: string };
  readonly url: string;
  readonly bodyText: string | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly idempotent: boolean;
  readonly validation: ValidationMode;
  /** What a network failure of this call is told: host, timeout, whether it is a write. */
  readonly failure: Omit<NetworkFailure, "reason">;
}

/** What one attempt reads of its request: everything but the token source (the caller fetched the token). */
export type AttemptSpec = Omit<RequestSpec, "auth">;

/** What every call of one transport shares, built once with it. */
export interface AttemptEnv {
  readonly config: TransportConfig;
  readonly $fetch: ReturnType<typeof createFetch>;
  readonly maxBytes: number;
  /** The API's host, which a network failure names. */
  readonly host: string;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * The headers object ofetch is given to build (its `Headers` option). ofetch turns a call's headers into a `Headers`
 * instance and fetch then validates them all over again; ours are already lower-cased strings (buildHeaders), so a
 * record stands in for that instance, answering the three questions ofetch asks of it, and goes to fetch as the
 * plain record it is: the headers are checked once, by fetch.
 */
class HeaderRecord {
  readonly record: Record<string, string>;
  constructor(init: Record<string, string>) {
    this.record = init;
  }
  has(name: string): boolean {
    return Object.hasOwn(this.record, name);
  }
  get(name: string): string | null {
    return this.has(name) ? (this.record[name] as string) : null;
  }
  set(name: string, value: string): void {
    this.record[name] = value;
  }
}

/** Builds the per-transport part of an attempt: the ofetch instance, the body limit and the host. */
export function createAttemptEnv(config: TransportConfig): AttemptEnv {
  return {
    config,
    $fetch: createFetch({
      fetch: (input, init) => {
        if (init?.headers instanceof HeaderRecord) init.headers = init.headers.record;
        return config.fetch(input, init);
      },
      Headers: HeaderRecord as unknown as typeof Headers,
    }),
    maxBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    host: hostOf(config.baseUrl),
  };
}

// Header names are case-insensitive: every name is lower-cased so one value replaces another instead of fetch joining
// both into one (`Bearer a, Bearer b`). The client's headers override the SDK's defaults and a call's override the
// client's; the SDK's own user agent, organization, token and body type are set last and win.
function buildHeaders(config: TransportConfig, plan: CallPlan, token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json", "x-adp-agent-sdk": config.sdkHeader };
  for (const extra of [config.defaultHeaders, plan.headers])
    for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
  if (config.userAgent) headers["user-agent"] = config.userAgent;
  if (config.organizationId) headers["x-organization-id"] = config.organizationId;
  if (token) headers.authorization = `Bearer ${token}`;
  if (plan.bodyText !== undefined) headers["content-type"] = "application/json";
  return headers;
}

function cleanQuery(query: NonNullable<RequestSpec["query"]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? [...value] : String(value);
  }
  return out;
}

/**
 * Hands a streamed body on under the attempt's signal, and releases the signal when the stream ends. Each chunk starts
 * the attempt's timeout again, so a long download that keeps coming is not cut off (its deadline still holds); a
 * stream that stops for longer, or breaks, errors with the SDK's typed error (`name`), not the runtime's.
 */
function streamUnderSignal(
  stream: ReadableStream<Uint8Array>,
  signal: AttemptSignal,
  now: () => number,
  name: (error: unknown) => unknown,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          signal.cleanup();
          controller.close();
        } else {
          signal.restart(now());
          controller.enqueue(value);
        }
      } catch (error) {
        const named = name(error);
        signal.cleanup();
        controller.error(named);
      }
    },
    async cancel(reason) {
      signal.cleanup();
      await reader.cancel(reason);
    },
  });
}

// Lenient with a `reads` list: the read fields in plain code, answered at once. Otherwise the named schema, loaded
// on first need.
function checkBody<T>(
  config: TransportConfig,
  spec: AttemptSpec,
  plan: CallPlan,
  data: unknown,
  status: number,
  requestId: string | undefined,
): T | Promise<T> {
  const mode = plan.validation;
  if (spec.schema === null || mode === "off") return data as T;
  // A write answered 2xx was applied even when its answer is not what the SDK reads: the error says so.
  const context = {
    code: "unexpected_response",
    status,
    method: spec.method,
    path: spec.path,
    requestId,
    redact: config.redact,
    mayHaveSucceeded: !plan.idempotent,
  } as const;
  if (mode === "lenient" && spec.reads) {
    const issues = readIssues(data, spec.reads);
    if (issues.length > 0) throw ValidationError.fromIssues(issues, context);
    return data as T;
  }
  return checkWithSchema<T>(config, spec.schema, data, mode, context, !plan.idempotent);
}

async function checkWithSchema<T>(
  config: TransportConfig,
  schema: NonNullable<RequestSpec["schema"]>,
  data: unknown,
  mode: ValidationMode,
  context: Parameters<typeof ValidationError.fromIssues>[1],
  write: boolean,
): Promise<T> {
  let registry: Awaited<ReturnType<typeof loadRegistry>>;
  try {
    registry = await loadRegistry();
  } catch (error) {
    // The answer arrived but its schemas did not load (a chunk the page could not fetch): `warn` says so and returns
    // the data unchecked; `strict` fails, and for a write says that it may have been applied, so nobody repeats it.
    if (mode === "warn") {
      config.logger.warn("the response schemas could not be loaded: the response is returned unchecked", { path: context.path });
      return data as T;
    }
    const { method, path, requestId, redact, status } = context;
    if (!write) {
      throw new ConnectionError(formatRequestMessage({ method, path }, (error as Error).message), {
        method,
        path,
        requestId,
        redact,
        code: "module_load_failed",
        cause: error,
      });
    }
    // The write was answered with a 2xx: it is applied, so the message names that status and gives no retry advice.
    const loadFailure = (error as { cause?: unknown }).cause ?? error;
    const detail = `Its answer could not be checked (validation "strict"): the SDK's response schemas did not load (${loadFailure instanceof Error ? loadFailure.message : String(loadFailure)})`;
    throw new ConnectionError(formatRequestMessage({ method, path, status }, detail), {
      method,
      path,
      status,
      requestId,
      redact,
      code: "module_load_failed",
      cause: error,
      mayHaveSucceeded: true,
    });
  }
  const result = registry.safeParse(registry[schema], data);
  if (result.success) return result.output as T;
  // A warning returns the data: nothing failed, so it tells no outcome of the write.
  const error = ValidationError.fromIssues(result.issues, mode === "warn" ? { ...context, mayHaveSucceeded: false } : context);
  if (mode !== "warn") throw error;
  config.logger.warn(error.message, { issues: error.issues });
  return data as T;
}

/**
 * Sends one attempt and classifies its answer. Resolves with the response when it succeeded; throws an
 * `AirbyteError` otherwise (an `ApiError` for a non-2xx, a `ConnectionError` when no answer came). `onSent` gets
 * the hook payload as soon as the headers are known, so the caller's `onError`/`onRetry` report the same headers.
 * A streamed body keeps `signal` alive until the stream ends (`keptSignal: true`); otherwise the caller releases it.
 */
export async function sendAttempt<T>(
  env: AttemptEnv,
  spec: AttemptSpec,
  plan: CallPlan,
  token: string | undefined,
  signal: AttemptSignal,
  info: RequestInfo,
  onSent: (info: RequestInfo) => void,
): Promise<TransportResponse<T> & { keptSignal?: true }> {
  const { config, maxBytes } = env;
  const { base } = plan;
  const headers = buildHeaders(config, plan, token);
  // Hook payloads carry the headers redacted; without hooks nobody reads them, so they are not copied.
  const { hooks } = config;
  const hooked = hooks.onRequest || hooks.onResponse || hooks.onRetry || hooks.onError;
  // The client's redactor: a header value that is a secret the client knows (its client secret, a token, a
  // credential it sent) is taken out too, whatever the header's name.
  const sent: RequestInfo = hooked ? { ...info, headers: redactHeaders(headers, config.redact) } : info;
  onSent(sent);
  runHook(hooks.onRequest, sent, config.logger);
  const sentAt = hooks.onResponse ? config.now() : 0;
  let response: FetchResponse<unknown>;
  try {
    response = await env.$fetch.raw(plan.url, {
      method: spec.method,
      headers,
      ...(spec.query ? { query: cleanQuery(spec.query) } : {}),
      ...(plan.bodyText === undefined ? {} : { body: plan.bodyText }),
      signal: signal.signal,
      // Never followed: a redirect would carry the secret or the bearer token to wherever it points.
      redirect: "manual",
      retry: false,
      ignoreResponseError: true,
      // The body is read below, with a byte limit, and parsed with plain JSON.parse.
      responseType: "stream",
    });
  } catch (error) {
    throw networkError(error, { ...plan.failure, reason: signal.reason() });
  }
  const rawRequestId = response.headers.get("x-request-id");
  const requestId = rawRequestId === null ? undefined : config.redact(rawRequestId);
  if (hooks.onResponse)
    runHook(
      hooks.onResponse,
      { ...sent, status: response.status, durationMs: config.now() - sentAt, ...(requestId ? { requestId } : {}) },
      config.logger,
    );
  const stream = response._data as ReadableStream<Uint8Array> | null;
  // Reads the body within the attempt's limits; a read that breaks is the connection's fault, named so.
  const readText = async (write: boolean): Promise<string> => {
    try {
      return await readBodyText({ status: response.status, headers: response.headers, body: stream }, base, maxBytes, config.redact, write);
    } catch (error) {
      const reason = signal.reason();
      if (reason !== undefined) throw networkError(error, { ...plan.failure, reason, write });
      throw bodyReadError(error, base, response.status, write, config.redact);
    }
  };

  if (isRedirect(response)) {
    await stream?.cancel().catch(() => {});
    throw redirectError(response, plan.url, base, config.redact);
  }
  if (!response.ok) {
    // A write that reached a failing server may have been applied before it failed; that stays true when its
    // answer's body then breaks off or times out, so such a write is never sent again.
    const mayHaveSucceeded = !plan.idempotent && response.status >= 500;
    // An error body over the limit is not read, but its status still says what failed (a 503 is retried).
    const text = await readText(mayHaveSucceeded).catch((error: unknown) => {
      if (error instanceof AirbyteError && error.code === "response_too_large") return "";
      throw error;
    });
    const parsed = parseBody(text);
    throw ApiError.from({
      status: response.status,
      body: parsed.kind === "json" ? parsed.value : parsed.kind === "text" ? parsed.text : undefined,
      headers: response.headers,
      method: spec.method,
      path: spec.path,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), config.now()),
      mayHaveSucceeded,
      redact: config.redact,
    });
  }
  if (spec.responseType === "stream") {
    if (!stream) return { data: null as T, status: response.status, headers: response.headers, requestId };
    const data = streamUnderSignal(stream, signal, config.now, (error) => {
      const reason = signal.reason();
      // A download is a read: it wrote nothing, whatever its method.
      return reason !== undefined
        ? networkError(error, { ...plan.failure, reason, write: false })
        : bodyReadError(error, base, response.status, false, config.redact);
    }) as T;
    return { data, status: response.status, headers: response.headers, requestId, keptSignal: true };
  }
  const parsed = parseBody(await readText(!plan.idempotent));
  if (parsed.kind === "text" && spec.schema !== null && plan.validation !== "off") {
    const type = response.headers.get("content-type") ?? "no content type";
    throw new ValidationError(formatRequestMessage({ ...base, status: response.status }, `The response is not JSON (${type})`), {
      code: "unexpected_response",
      status: response.status,
      ...base,
      requestId,
      redact: config.redact,
      // A write answered 2xx was applied, whatever its body: the error says so, and it is never repeated.
      mayHaveSucceeded: !plan.idempotent,
    });
  }
  const body = parsed.kind === "json" ? parsed.value : parsed.kind === "text" ? parsed.text : undefined;
  const checked = checkBody<T>(config, spec, plan, body, response.status, requestId);
  const data = checked instanceof Promise ? await checked : checked;
  return { data, status: response.status, headers: response.headers, requestId };
}
