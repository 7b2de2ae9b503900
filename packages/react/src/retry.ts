// Runtime imports come from the browser entry: it holds the errors and guards without the credential code.
import { isAirbyteError, isApiError } from "@airbyte-agents/core/browser";

// Core has already made up to three attempts (with backoff) before a query sees an error, so one more round here
// covers a longer blip without multiplying the load on a failing server.
const MAX_QUERY_RETRIES = 1;

/**
 * The default `retry` of Airbyte queries. A 4xx is never retried (it would fail the same way), and neither is any
 * error core marks as not retryable (aborts, invalid input, an unknown connector slug, an exhausted deadline).
 * Anything else gets one more attempt, because core already retried transport failures and 5xx itself.
 * `<AirbyteProvider>` installs it for `airbyteKeys.all` unless your QueryClient sets its own `retry`.
 *
 * @example
 * ```ts
 * const queryClient = new QueryClient({ defaultOptions: { queries: { retry: airbyteRetry } } });
 * ```
 */
export function airbyteRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (isApiError(error)) return error.status >= 500;
  if (isAirbyteError(error)) return error.retryable;
  return true;
}
