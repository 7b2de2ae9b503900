import type { TokenProvider, Transport } from "../transport/transport";
import { jwtExpiry } from "./jwt";
import type { StoredToken } from "./token-store";

/** Scoped and widget tokens have no `expires_in`; 20 minutes is their documented life (api-notes §2). */
export const SCOPED_TOKEN_LIFETIME_MS = 20 * 60_000;

/** When a scoped token expires: its JWT `exp` when present, else 20 minutes after minting. */
export function scopedExpiry(token: string, mintedAt: number): number {
  const exp = jwtExpiry(token);
  return exp === undefined ? mintedAt + SCOPED_TOKEN_LIFETIME_MS : exp * 1000;
}

/** Mints a scoped token for one workspace with the application token (api-notes §3 A2). Creates the workspace if new. */
export async function mintScopedToken(
  transport: Transport,
  appToken: TokenProvider,
  input: { workspaceName: string; regionId?: string | undefined },
  signal?: AbortSignal,
): Promise<StoredToken> {
  const mintedAt = transport.config.now();
  const body: Record<string, unknown> = { workspace_name: input.workspaceName };
  if (input.regionId !== undefined) body.region_id = input.regionId;
  const { data } = await transport.request(
    {
      method: "POST",
      path: "/api/v1/account/applications/scoped-token",
      body,
      schema: "ScopedTokenCreateResponse",
      reads: { token: "string" },
      auth: appToken,
      idempotent: true,
    },
    { signal },
  );
  return { token: data.token, expiresAt: scopedExpiry(data.token, mintedAt) };
}
