import { ApiError } from "../errors/classes";
import { mint } from "../transport/mint";
import { isTokenRefusal } from "../transport/token-refusal";
import type { TokenProvider, Transport } from "../transport/transport";
import { scopedExpiry } from "./scoped-expiry";
import type { StoredToken } from "./token-store";

/**
 * Mints a scoped token for one workspace with the application token (api-notes §3 A2). Creates the workspace if new.
 * The mint goes the token path (transport/mint.ts), so a scoped workspace's first call does not come back through
 * its own pipeline; an application token the server refuses is dropped and the mint sent once more with a new one,
 * as every call with a bearer does.
 */
export async function mintScopedToken(
  transport: Transport,
  appToken: TokenProvider,
  input: { workspaceName: string; regionId?: string | undefined },
  signal?: AbortSignal,
): Promise<StoredToken> {
  const mintedAt = transport.config.now();
  const body: Record<string, unknown> = { workspace_name: input.workspaceName };
  if (input.regionId !== undefined) body.region_id = input.regionId;
  const spec = {
    path: "/api/v1/account/applications/scoped-token",
    body,
    schema: "ScopedTokenCreateResponse",
    reads: { token: "string" },
  } as const;
  const send = async (replayed: boolean): Promise<{ token: string }> => {
    const bearer = await appToken.get(signal);
    try {
      return await mint(transport, spec, { bearer, signal });
    } catch (error) {
      if (replayed || !(error instanceof ApiError) || !isTokenRefusal(error, bearer, transport.config.now())) throw error;
      await appToken.invalidate(bearer);
      return send(true);
    }
  };
  const data = await send(false);
  return { token: data.token, expiresAt: scopedExpiry(data.token, mintedAt) };
}
