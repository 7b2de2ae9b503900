import { ApiError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";

/**
 * Tells whether a response is a redirect the client refused to follow: a 3xx (servers, Node, Deno,
 * Bun, workerd), or the opaque redirect a browser returns for `redirect: "manual"` (status 0).
 *
 * @example
 * ```ts
 * if (isRedirect(response)) throw redirectError(response, url, request, redact);
 * ```
 */
export function isRedirect(response: { status: number; type?: string }): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
}

function locationOrigin(location: string | null, requestUrl: string): string | undefined {
  if (!location) return undefined;
  try {
    // Only the origin: a Location's path and query may carry a token of their own.
    return new URL(location, requestUrl).origin;
  } catch {
    return undefined;
  }
}

/**
 * The error for a refused redirect, naming the status, the path and where the server pointed. The
 * client never follows a redirect, so the client secret and the `Authorization` header cannot reach
 * another origin (a token endpoint answering `307 Location: https://elsewhere` gets nothing).
 *
 * @example
 * ```ts
 * redirectError(response, "https://api.airbyte.ai/api/v1/workspaces", { method: "GET", path: "/api/v1/workspaces" }, redact).message;
 * // "307 GET /api/v1/workspaces: The server redirected to https://elsewhere.example; the client does not follow redirects…"
 * ```
 */
export function redirectError(
  response: { status: number; headers: Headers },
  requestUrl: string,
  request: { method: string; path: string },
  redact: (text: string) => string,
): ApiError {
  const origin = locationOrigin(response.headers.get("location"), requestUrl);
  const where = origin === undefined ? "elsewhere (the runtime hides where)" : `to ${origin}`;
  const status = response.status === 0 ? undefined : response.status;
  const detail =
    `The server redirected ${where}; the client does not follow redirects, so no credential leaves baseUrl. ` +
    "Check that baseUrl is the API's origin itself (scheme and host), not a page that forwards to it";
  return new ApiError(formatRequestMessage({ ...request, status }, detail), {
    ...request,
    status: response.status,
    code: "unexpected_redirect",
    retryable: false,
    redact,
  });
}
