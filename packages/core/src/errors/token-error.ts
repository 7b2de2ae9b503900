import { AirbyteError, type AirbyteErrorOptions } from "./airbyte-error";

/**
 * Why a token could not be produced: no credentials configured, a widget or scoped token that
 * expired or does not decode, or a refresh callback that failed.
 *
 * @example
 * ```ts
 * const code: TokenErrorCode = "token_refresh_failed";
 * ```
 */
export type TokenErrorCode = "token_expired" | "token_refresh_failed" | "token_invalid" | "missing_credentials";

/**
 * The options of {@link TokenError}; `code` is required because each case asks for a different fix.
 *
 * @example
 * ```ts
 * new TokenError("getToken() failed", { code: "token_refresh_failed", cause: err });
 * ```
 */
export interface TokenErrorOptions extends Omit<AirbyteErrorOptions, "code"> {
  code: TokenErrorCode;
}

/**
 * The client could not obtain a usable token before sending the request (nothing was sent).
 * A callback's failure is kept in `cause`, redacted.
 *
 * @example
 * ```ts
 * if (isTokenError(err) && err.code === "missing_credentials") {
 *   console.error("Set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET");
 * }
 * ```
 */
export class TokenError extends AirbyteError {
  override readonly name = "TokenError" as const;
  declare readonly code: TokenErrorCode;

  constructor(message: string, options: TokenErrorOptions) {
    super(message, options);
  }
}
