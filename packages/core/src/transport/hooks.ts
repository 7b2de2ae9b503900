import type { AirbyteError } from "../errors/classes";
import type { Logger } from "./logger";

/**
 * What a hook learns about a request. Headers are already redacted: no hook ever sees a token or secret.
 *
 * @example
 * ```ts
 * const onRequest = (info: RequestInfo) => console.log(info.method, info.path, info.attempt);
 * ```
 */
export interface RequestInfo {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The 0-based attempt number: 0 is the first try. */
  attempt: number;
  headers: Record<string, string>;
}

/**
 * A completed response, 2xx or not.
 *
 * @example
 * ```ts
 * const onResponse = (info: ResponseInfo) => metrics.timing(info.path, info.durationMs);
 * ```
 */
export interface ResponseInfo extends RequestInfo {
  status: number;
  durationMs: number;
  requestId?: string;
}

/**
 * A retry about to happen: which error caused it and how long the client waits first.
 *
 * @example
 * ```ts
 * const onRetry = (info: RetryInfo) => console.warn(`retrying in ${info.delayMs} ms`, info.error.code);
 * ```
 */
export interface RetryInfo extends RequestInfo {
  delayMs: number;
  error: AirbyteError;
}

/**
 * Observation points on every request. Hooks may be async; a hook that throws does not break the request.
 *
 * @example
 * ```ts
 * createClient({ hooks: { onRetry: ({ path, delayMs }) => console.warn("retry", path, delayMs) } });
 * ```
 */
export interface Hooks {
  onRequest?: (info: RequestInfo) => void | Promise<void>;
  onResponse?: (info: ResponseInfo) => void | Promise<void>;
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  onError?: (info: RequestInfo & { error: AirbyteError }) => void | Promise<void>;
}

/** Runs a hook without letting it break the call: a throw or a rejected promise is logged, never propagated. */
export function runHook<T>(hook: ((info: T) => void | Promise<void>) | undefined, info: T, logger: Logger): void {
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
