import { mint } from "../transport/mint";
import type { Transport } from "../transport/transport";
import { jwtExpiry } from "./jwt";
import type { StoredToken } from "./token-store";

/** Mints an application token from the client credentials (api-notes §3 A1). The only code that sends the secret. */
export async function mintApplicationToken(
  transport: Transport,
  clientId: string,
  clientSecret: string,
): Promise<StoredToken & { organizationId: string | null }> {
  const issuedAt = transport.config.now();
  const data = await mint(transport, {
    path: "/api/v1/account/applications/token",
    body: { client_id: clientId, client_secret: clientSecret },
    schema: "TokenResponse",
    reads: { access_token: "string", expires_in: "number" },
  });
  return {
    token: data.access_token,
    expiresAt: applicationExpiry(data.access_token, issuedAt, data.expires_in),
    issuedAt,
    organizationId: data.organization_id ?? null,
  };
}

/**
 * When an application token expires: `expires_in` after the mint started, or the JWT's own `exp` when that comes
 * first. A server that writes `exp` in whole seconds ends a token up to 1 s before `expires_in` says; without
 * this, a short token would be refused (and replayed) in its last moments. An `exp` that lies before the mint
 * (this machine's clock is far ahead) is ignored rather than making every call mint.
 *
 * @example
 * ```ts
 * applicationExpiry(jwtWithExp(1_700_000_004), 1_700_000_000_750, 5); // 1_700_000_004_000, not …005_750
 * ```
 */
export function applicationExpiry(token: string, issuedAt: number, expiresInSeconds: number): number {
  const relative = issuedAt + expiresInSeconds * 1000;
  const exp = jwtExpiry(token);
  if (exp === undefined || exp * 1000 <= issuedAt) return relative;
  return Math.min(relative, exp * 1000);
}
