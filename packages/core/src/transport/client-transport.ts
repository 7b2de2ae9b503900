// The one place that turns a client's transport options into a transport, for the server client (client.ts) and
// the widget client alike: defaults, the secret registry, the logger. It holds no credential code, so the browser
// entry can import it.
import { createSecretRegistry, type LiteralSecrets, type SecretRegistry, sensitiveHeaderValues } from "../redact";
import { VERSION } from "../version";
import type { Hooks } from "./hooks";
import { createLevelLogger, type Logger, type LogLevel } from "./logger";
import { DEFAULT_RETRY_POLICY } from "./retry";
import { createTransport, type Transport, type ValidationMode } from "./transport";

/**
 * The hosted API's origin. Point `baseUrl` at the emulator for local work.
 *
 * @example
 * ```ts
 * createClient({ baseUrl: useEmulator ? "http://127.0.0.1:8787" : DEFAULT_BASE_URL });
 * ```
 */
export const DEFAULT_BASE_URL = "https://api.airbyte.ai";

/** The transport options both clients take (each documents them on its own options type). */
export interface ClientTransportOptions {
  /** Already checked to be an absolute http(s) URL. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  /** Per attempt; default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number | undefined;
  /** Per attempt of execute and download (live third-party calls); default {@link DEFAULT_LONG_TIMEOUT_MS}. */
  longTimeoutMs?: number | undefined;
  deadlineMs?: number | undefined;
  maxRetries?: number | undefined;
  hooks?: Hooks | undefined;
  logger?: Logger | undefined;
  logLevel?: LogLevel | undefined;
  validation?: ValidationMode | undefined;
  headers?: Record<string, string> | undefined;
  maxResponseBytes?: number | undefined;
  organizationId?: string | undefined;
  /** Absent in browsers, which refuse to set it. */
  userAgent?: string | undefined;
  /** Where the registry keeps its verbatim secrets; by default a list, right for a handful (redact.ts). */
  secretLiterals?: LiteralSecrets | undefined;
}

/** Per-attempt timeout by default. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Per-attempt timeout of execute and download by default: they run live third-party calls (api-notes §8). */
export const DEFAULT_LONG_TIMEOUT_MS = 300_000;

/** A client's transport with the registry of its secrets and its logger. */
export interface ClientTransport {
  transport: Transport;
  secrets: SecretRegistry;
  logger: Logger;
}

/**
 * `text` without its trailing slashes. A loop, not `/\/+$/`: that regex tries every slash of a long run of them
 * again from the start (quadratic in the run's length).
 */
export function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
  return text.slice(0, end);
}

/** `https://host/api/v1/` and `https://host` name the same API: the paths carry `/api/v1`. */
export function normalizeBaseUrl(baseUrl: string): string {
  return trimTrailingSlashes(baseUrl).replace(/\/api\/v1$/, "");
}

/** Applies the defaults (30 s per attempt, 300 s for execute and download, 2 retries, lenient validation). */
export function createClientTransport(options: ClientTransportOptions): ClientTransport {
  const secrets = createSecretRegistry(options.secretLiterals);
  // An Authorization or API-key header the caller sets is as secret as a token.
  secrets.addAll(sensitiveHeaderValues(options.headers));
  const logger = createLevelLogger(options.logger, options.logLevel ?? "warn", secrets.redact);
  const transport = createTransport({
    baseUrl: normalizeBaseUrl(options.baseUrl),
    // Bound so a method-less call never loses `this` (browsers throw "Illegal invocation").
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    organizationId: options.organizationId,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    longTimeoutMs: options.longTimeoutMs ?? DEFAULT_LONG_TIMEOUT_MS,
    deadlineMs: options.deadlineMs,
    retry: { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries },
    hooks: options.hooks ?? {},
    logger,
    redact: secrets.redact,
    secrets,
    validation: options.validation ?? "lenient",
    maxResponseBytes: options.maxResponseBytes,
    userAgent: options.userAgent,
    sdkHeader: `airbyte-agents-typescript/${VERSION}`,
    defaultHeaders: options.headers,
    random: Math.random,
    now: Date.now,
  });
  return { transport, secrets, logger };
}
