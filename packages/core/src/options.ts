import type { TokenStore } from "./auth/token-store";
import { TokenError } from "./errors/classes";
import { invalidOption } from "./input/invalid-option";
import { checkClientOptions } from "./input/server-options";
import { HTTP_URL_EXPECTED, isHttpUrl } from "./input/values";
import { readEnv } from "./runtime";
import { DEFAULT_BASE_URL, DEFAULT_LONG_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, normalizeBaseUrl } from "./transport/client-transport";
import type { Hooks } from "./transport/hooks";
import type { Logger, LogLevel } from "./transport/logger";
import type { ValidationMode } from "./transport/transport";

/**
 * Options of {@link createClient}. Credentials fall back to `configure()`, then to the environment
 * (`AIRBYTE_CLIENT_ID`, `AIRBYTE_CLIENT_SECRET`, `AIRBYTE_ORGANIZATION_ID`, `AIRBYTE_BASE_URL`) read from the
 * `env` object, else from the runtime's own environment (Node's or Deno's, detected through `globalThis`).
 *
 * @example
 * ```ts
 * const airbyte = createClient({ clientId: "…", clientSecret: "…", workspaceName: "acme", timeout: 10_000 });
 * ```
 */
export interface ClientOptions {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** Sent as `X-Organization-Id`; required when the credentials belong to several organizations. */
  organizationId?: string | undefined;
  /** The workspace that `client.workspace()` and `connect()` use by default. Default `"default"`. */
  workspaceName?: string | undefined;
  /** Default `https://api.airbyte.ai` (the `/api/v1` prefix is added by the client). */
  baseUrl?: string | undefined;
  /**
   * A fetch implementation, e.g. a test double or one with a proxy. Default: the global `fetch`.
   * Called as `fetch(url, init)`: `url` a string, `init.headers` a plain object whose names are lower-case.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-attempt timeout in ms. Default 30 000; execute and download default to 300 000. */
  timeout?: number | undefined;
  /** Overall budget in ms for a call, retries and waits included. Default: none. */
  deadline?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  logger?: Logger | undefined;
  /** Default `"warn"`. */
  logLevel?: LogLevel | undefined;
  hooks?: Hooks | undefined;
  /**
   * Where to read `AIRBYTE_*` variables instead of the runtime's environment: any object, e.g. a Worker's `env`
   * (a wrangler `interface Env`), or Node's or Deno's environment as a plain object. Only string values are read.
   */
  env?: object | undefined;
  /** Shares minted tokens across clients, isolates or processes. Default: in memory, per client. */
  tokenStore?: TokenStore | undefined;
  /**
   * How responses are checked against the API's schemas. Default `"lenient"`: only the fields the SDK reads
   * must match; `"strict"` (for tests) throws on any difference.
   */
  validation?: ValidationMode | undefined;
  /** The largest response body the client reads, in bytes (inflated, when compressed); a larger one fails with `response_too_large`. Default 64 MiB. */
  maxResponseBytes?: number | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
}

/** Options after defaults, `configure()` and the environment were applied. */
export interface ResolvedClientOptions {
  clientId: string | undefined;
  clientSecret: string | undefined;
  organizationId: string | undefined;
  workspaceName: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  longTimeoutMs: number;
  deadlineMs: number | undefined;
  maxRetries: number;
  logger: Logger | undefined;
  logLevel: LogLevel;
  hooks: Hooks;
  tokenStore: TokenStore | undefined;
  validation: ValidationMode;
  headers: Record<string, string> | undefined;
  maxResponseBytes: number | undefined;
}

let defaults: ClientOptions = {};

/**
 * Sets process-wide defaults for every client created afterwards (like the Python SDK's `configure`).
 * Explicit `createClient` options win; environment variables are the last fallback.
 *
 * @example
 * ```ts
 * configure({ clientId: secrets.airbyteId, clientSecret: secrets.airbyteSecret, organizationId: "…" });
 * const airbyte = createClient();
 * ```
 */
export function configure(options: ClientOptions): void {
  checkClientOptions("configure", options);
  defaults = { ...defaults, ...options };
}

/**
 * Clears what {@link configure} set (mostly for tests).
 *
 * @example
 * ```ts
 * afterEach(() => resetConfiguration());
 * ```
 */
export function resetConfiguration(): void {
  defaults = {};
}

function positive(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`createClient: option "${name}" must be a non-negative number of milliseconds, got ${String(value)}`);
  }
  return value;
}

/** Checks `input` (a ValidationError naming the option), then applies `configure()` defaults and the environment. */
export function resolveClientOptions(input: ClientOptions = {}): ResolvedClientOptions {
  checkClientOptions("createClient", input);
  const merged: ClientOptions = { ...defaults };
  for (const [key, value] of Object.entries(input)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  const env = merged.env;
  const rawBase = merged.baseUrl ?? readEnv("AIRBYTE_BASE_URL", env) ?? DEFAULT_BASE_URL;
  // The environment's value is checked like an option: a typo there must not send credentials anywhere.
  if (!isHttpUrl(rawBase)) throw invalidOption("createClient", "baseUrl (or AIRBYTE_BASE_URL)", HTTP_URL_EXPECTED, rawBase);
  const baseUrl = normalizeBaseUrl(rawBase);
  const fetchImpl = merged.fetch ?? (globalThis.fetch as typeof globalThis.fetch | undefined);
  if (typeof fetchImpl !== "function") {
    throw invalidOption("createClient", "fetch", "a function (this runtime has no global fetch; Node >= 18 has one)", fetchImpl);
  }
  const maxRetries = merged.maxRetries ?? 2;
  const timeout = merged.timeout;
  return {
    clientId: merged.clientId ?? readEnv("AIRBYTE_CLIENT_ID", env),
    clientSecret: merged.clientSecret ?? readEnv("AIRBYTE_CLIENT_SECRET", env),
    organizationId: merged.organizationId ?? readEnv("AIRBYTE_ORGANIZATION_ID", env),
    workspaceName: merged.workspaceName ?? "default",
    baseUrl,
    // Bound so a method-less call never loses `this` (browsers throw "Illegal invocation").
    fetch: merged.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: timeout ?? DEFAULT_TIMEOUT_MS,
    longTimeoutMs: timeout ?? DEFAULT_LONG_TIMEOUT_MS,
    deadlineMs: merged.deadline,
    maxRetries,
    logger: merged.logger,
    logLevel: merged.logLevel ?? "warn",
    hooks: merged.hooks ?? {},
    tokenStore: merged.tokenStore,
    validation: merged.validation ?? "lenient",
    headers: merged.headers,
    maxResponseBytes: positive("maxResponseBytes", merged.maxResponseBytes),
  };
}

/** The error for a call that needs the client credentials when they were not configured. */
export function missingCredentials(which: "clientId" | "clientSecret"): TokenError {
  const variable = which === "clientId" ? "AIRBYTE_CLIENT_ID" : "AIRBYTE_CLIENT_SECRET";
  return new TokenError(
    `Missing ${which}: pass { ${which} } to createClient() or configure(), or set the ${variable} environment variable`,
    { code: "missing_credentials" },
  );
}
