// When a scoped or widget token expires. Apart from the mint (scoped-token.ts), so that what only reads a token's
// life (the widget's token parsing, the on-demand tokens resource) does not reach the token path.
import { jwtExpiry } from "./jwt";

/** Scoped and widget tokens have no `expires_in`; 20 minutes is their documented life (api-notes §2). */
export const SCOPED_TOKEN_LIFETIME_MS = 20 * 60_000;

/**
 * When a scoped token expires: its JWT `exp` when present, else 20 minutes after minting. An `exp` at or before the
 * mint (this machine's clock is ahead of the server's) is ignored, as for application tokens, rather than making
 * every call mint again.
 */
export function scopedExpiry(token: string, mintedAt: number): number {
  const exp = jwtExpiry(token);
  return exp === undefined || exp * 1000 <= mintedAt ? mintedAt + SCOPED_TOKEN_LIFETIME_MS : exp * 1000;
}
