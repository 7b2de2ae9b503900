import { jwtExpiry } from "../auth/jwt";

// Words the hosted API and common gateways use when the bearer token itself is the problem.
const TOKEN_PROBLEM =
  /\b(?:token|jwt|bearer)\b[^.]{0,60}\b(?:expired|invalid|malformed|revoked|not valid)\b|\b(?:expired|invalid|malformed|revoked)\b[^.]{0,60}\b(?:token|jwt|bearer)\b/i;
const TOKEN_CODES: readonly string[] = ["token_expired", "token_invalid", "invalid_token", "expired_token"];

/**
 * Tells whether a refused data call means "this token is dead, mint another": any 401, and a 403 whose
 * code or message says the token is invalid or expired, or whose token's JWT `exp` has passed. The
 * OpenAPI document lists 403, never 401, for a bad token; a 403 about a permission stays a 403.
 *
 * @example
 * ```ts
 * isTokenRefusal({ status: 403, code: "forbidden", message: "Token has expired" }, token, Date.now()); // true
 * isTokenRefusal({ status: 403, code: "forbidden", message: "No access to workspace acme" }, token, Date.now()); // false
 * ```
 */
export function isTokenRefusal(error: { status: number; code: string; message: string }, token: string, now: number): boolean {
  if (error.status === 401) return true;
  if (error.status !== 403) return false;
  if (TOKEN_CODES.includes(error.code) || TOKEN_PROBLEM.test(error.message)) return true;
  const exp = jwtExpiry(token);
  return exp !== undefined && exp * 1000 <= now;
}
