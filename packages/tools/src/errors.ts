// The SDK's errors as tool results a model can act on: fix the arguments and call again, wait and call again, or
// stop. Errors that are not the API's (bugs, a cancelled call) are rethrown for the framework to handle.
import {
  type AirbyteError,
  isAbortError,
  isAirbyteError,
  isApiError,
  isConnectionError,
  isConnectorResolutionError,
  isTokenError,
  isValidationError,
} from "@airbyte-agents/core";
import type { ToolErrorType, ToolFailure } from "./types";

const HINTS: Record<ToolErrorType, string> = {
  invalid_arguments: "Fix the arguments named in issues (they list the valid choices) and call again.",
  not_allowed: "This action is not enabled for this tool: do not retry it; use an allowed action or tell the user.",
  not_found: "No such record: check the id (a list or search finds valid ones) and call again.",
  rate_limited: "Too many requests: wait a little, then call again.",
  unavailable: "A temporary failure: the same call may succeed if you try again.",
  outcome_unknown:
    "The write may or may not have been applied: do not repeat it; read the record to check, or tell the user what happened.",
  unauthorized: "The connector's credentials were refused: stop and tell the user; retrying will not help.",
  forbidden: "Not permitted for these credentials: stop and tell the user; retrying will not help.",
  configuration: "The connector is not set up as this tool expects: stop and tell the user.",
  no_answer: "Nothing in the workspace answered this question: rephrase it, or use a connector tool directly.",
  failed: "The call failed: read the message; change the call before trying again.",
};

const RETRYABLE: ReadonlySet<ToolErrorType> = new Set(["invalid_arguments", "not_found", "rate_limited", "unavailable", "no_answer"]);

/**
 * A tool failure of the given type, with its standard hint.
 *
 * @example
 * ```ts
 * return failure("invalid_arguments", "entity: Stripe has no entity \"customer\"", [{ field: "entity", message: "…" }]);
 * ```
 */
export function failure(type: ToolErrorType, message: string, issues?: { field: string; message: string }[]): ToolFailure {
  const error: ToolFailure["error"] = { type, message, retryable: RETRYABLE.has(type), hint: HINTS[type] };
  if (issues && issues.length > 0) error.issues = issues;
  return { ok: false, error };
}

/**
 * Whether the error says a write may have been applied: core sets `mayHaveSucceeded: true` on such errors. Without
 * that field (an older core), a write that got no answer or a 5xx is treated the same way, unless the error says
 * `mayHaveSucceeded: false`.
 */
function mayHaveSucceeded(err: unknown, write: boolean): boolean {
  const flag = (err as { mayHaveSucceeded?: unknown }).mayHaveSucceeded;
  if (flag === true) return true;
  if (!write || flag === false) return false;
  return isConnectionError(err) || (isApiError(err) && err.status >= 500);
}

function withRequest(
  result: ToolFailure,
  err: { status?: number | undefined; requestId?: string | undefined; retryAfterMs?: number | undefined },
) {
  if (err.status !== undefined) result.error.status = err.status;
  if (err.requestId !== undefined) result.error.requestId = err.requestId;
  if (err.retryAfterMs !== undefined) result.error.retryAfterMs = err.retryAfterMs;
  return result;
}

/**
 * Maps an error thrown by a call to a tool failure. `write` says whether the call was a write (its outcome matters
 * when no answer came back). Returns undefined for errors that are not the API's: the caller rethrows those.
 *
 * @example
 * ```ts
 * const mapped = toToolFailure(err, { write: false });
 * if (!mapped) throw err;
 * ```
 */
export function toToolFailure(err: unknown, { write }: { write: boolean }): ToolFailure | undefined {
  if (!isAirbyteError(err) || isAbortError(err)) return undefined;
  if (isValidationError(err)) {
    if (err.code === "invalid_input") {
      return failure(
        "invalid_arguments",
        err.message,
        err.issues.map((issue) => ({ field: issue.path, message: issue.message })),
      );
    }
    // The API answered with a shape the SDK did not expect: not the model's doing.
    return withRequest(failure("failed", err.message), err);
  }
  if (mayHaveSucceeded(err, write)) return withRequest(failure("outcome_unknown", err.message), err);
  // The guards narrow structurally (a ConnectionError has no member of its own), so test without narrowing `err`.
  const error: AirbyteError = err;
  if (isTokenError(error)) return failure("unauthorized", error.message);
  if (isConnectorResolutionError(error)) return failure("configuration", error.message);
  if (isConnectionError(err)) return withRequest(failure("unavailable", error.message), error);
  if (isApiError(error)) {
    const err = error;
    const issues = err.fieldErrors.map((f) => ({ field: f.field ?? "", message: f.message }));
    const type: ToolErrorType =
      err.status === 400 || err.status === 422
        ? "invalid_arguments"
        : err.status === 401
          ? "unauthorized"
          : err.status === 403
            ? "forbidden"
            : err.status === 404
              ? "not_found"
              : err.status === 429
                ? "rate_limited"
                : err.status === 408 || err.status >= 500
                  ? "unavailable"
                  : "failed";
    return withRequest(failure(type, err.message, issues), err);
  }
  return withRequest(failure(error.retryable ? "unavailable" : "failed", error.message), error);
}
