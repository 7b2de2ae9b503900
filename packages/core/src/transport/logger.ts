import { redactValue } from "../redact";

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

/**
 * A logger that drops messages below `level` and runs every message through the redactor. It never throws: a hook
 * failure is logged through it, and a throw here would escape `runHook` and fail the request.
 */
export function createLevelLogger(logger: Logger | undefined, level: LogLevel, redact: (text: string) => string): Logger {
  const emit = (at: Exclude<LogLevel, "off">) => (message: string, data?: Record<string, unknown>) => {
    if (!logger || ORDER[at] < ORDER[level]) return;
    let text: string;
    let safe: Record<string, unknown> | undefined;
    try {
      // Redact each string value, not the JSON text: a pattern could eat an escaping backslash (invalid JSON), and a
      // secret holding `"`, `\` or a newline (a PEM key) is escaped in JSON, so it would not match there.
      safe = data ? (redactValue(data, redact) as Record<string, unknown>) : undefined;
      text = `[airbyte] ${redact(message)}`;
    } catch {
      // Nothing of the original message or data: either could hold the secret the redactor failed on.
      text = "[airbyte] a log message could not be redacted and was dropped";
      safe = undefined;
    }
    try {
      if (safe) logger[at](text, safe);
      else logger[at](text);
    } catch {
      // The user's logger threw: it is called once per message, and logging must never break a request.
    }
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
