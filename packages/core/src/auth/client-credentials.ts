import { TokenResponse } from "../schemas/generated/api";
import type { Transport } from "../transport/transport";
import type { StoredToken } from "./token-store";

/** Mints an application token from the client credentials (api-notes §3 A1). The only code that sends the secret. */
export async function mintApplicationToken(
  transport: Transport,
  clientId: string,
  clientSecret: string,
): Promise<StoredToken & { organizationId: string | null }> {
  const issuedAt = transport.config.now();
  const { data } = await transport.request({
    method: "POST",
    path: "/api/v1/account/applications/token",
    body: { client_id: clientId, client_secret: clientSecret },
    schema: TokenResponse,
    reads: ["access_token", "expires_in"],
    auth: null,
    // A mint writes nothing, so a 5xx or a dropped connection is retried like a read.
    idempotent: true,
  });
  return { token: data.access_token, expiresAt: issuedAt + data.expires_in * 1000, organizationId: data.organization_id ?? null };
}
