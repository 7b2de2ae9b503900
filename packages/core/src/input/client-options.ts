// Checks of createClient/configure/createWidgetClient options. Types only from options.ts: the browser entry
// imports this file and must not pull in the credential code.
import { VALIDATION_EXPECTED, VALIDATION_MODES } from "./call-options";
import { checkHeaders } from "./headers";
import { invalidOption } from "./invalid-option";
import {
  checkOption,
  HTTP_URL_EXPECTED,
  hasMethods,
  isFunction,
  isHttpUrl,
  isNonNegativeInteger,
  isObject,
  isPositiveNumber,
  oneOf,
  optionsObject,
} from "./values";

const LOG_LEVELS = ["debug", "info", "warn", "error", "off"] as const;
const HOOKS = ["onRequest", "onResponse", "onRetry", "onError"] as const;

/**
 * Checks the options a server client and a browser client share: `baseUrl`, `fetch`, `timeout`, `deadline`,
 * `maxRetries`, `logger`, `logLevel`, `hooks`, `validation`, `headers`. Returns the options as a record.
 *
 * @example
 * ```ts
 * checkTransportOptions("createWidgetClient", options);
 * ```
 */
export function checkTransportOptions(what: string, options: unknown): Record<string, unknown> {
  const o = optionsObject(what, options);
  checkOption(what, o, "baseUrl", HTTP_URL_EXPECTED, isHttpUrl);
  checkOption(what, o, "fetch", "a function", isFunction);
  checkOption(what, o, "timeout", "a positive finite number of milliseconds", isPositiveNumber);
  checkOption(what, o, "deadline", "a positive finite number of milliseconds", isPositiveNumber);
  checkOption(what, o, "maxRetries", "a non-negative integer", isNonNegativeInteger);
  checkOption(what, o, "logger", "an object with debug, info, warn and error methods", hasMethods(["debug", "info", "warn", "error"]));
  checkOption(what, o, "logLevel", '"debug", "info", "warn", "error" or "off"', oneOf(LOG_LEVELS));
  checkOption(what, o, "hooks", "an object", isObject);
  const hooks = (o.hooks ?? {}) as Record<string, unknown>;
  for (const hook of HOOKS) {
    if (hooks[hook] !== undefined && !isFunction(hooks[hook])) throw invalidOption(what, `hooks.${hook}`, "a function", hooks[hook]);
  }
  checkOption(what, o, "validation", VALIDATION_EXPECTED, oneOf(VALIDATION_MODES));
  checkOption(what, o, "maxResponseBytes", "a positive integer number of bytes", (v) => isNonNegativeInteger(v) && (v as number) > 0);
  checkHeaders(what, "headers", o.headers);
  return o;
}
