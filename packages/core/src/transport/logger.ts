/**
 * Where the client logs. `console` fits; so do pino, winston and most loggers.
 *
 * @example
 * ```ts
 * createClient({ logger: console, logLevel: "debug" });
 * ```
 */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/**
 * How much the client logs. Default `"warn"`; `"off"` silences it.
 *
 * @example
 * ```ts
 * const level: LogLevel = "debug";
 * ```
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** A logger that drops messages below `level` and runs every message through the redactor. */
export function createLevelLogger(logger: Logger | undefined, level: LogLevel, redact: (text: string) => string): Logger {
  const emit = (at: Exclude<LogLevel, "off">) => (message: string, data?: Record<string, unknown>) => {
    if (!logger || ORDER[at] < ORDER[level]) return;
    const safe = data ? (JSON.parse(redact(JSON.stringify(data))) as Record<string, unknown>) : undefined;
    if (safe) logger[at](`[airbyte] ${redact(message)}`, safe);
    else logger[at](`[airbyte] ${redact(message)}`);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
