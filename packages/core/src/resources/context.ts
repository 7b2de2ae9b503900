import type { StoredToken } from "../auth/token-store";
import type { Logger } from "../transport/logger";
import type { TokenProvider, Transport } from "../transport/transport";
import type { ConnectorIds } from "./connector-ids";

/** A token provider that can also show its cached entry. */
export type CachedTokenProvider = TokenProvider & { peek(): Promise<StoredToken | undefined> };

/**
 * What every resource receives from the client: the transport and the token sources. Resources never see
 * credentials, only providers that yield bearer tokens.
 */
export interface ResourceContext {
  transport: Transport;
  logger: Logger;
  /** The application token (organization-wide). Throws a TokenError when no credentials are configured. */
  appToken: CachedTokenProvider;
  /** A scoped token for one workspace, minted with the application token. */
  scopedToken(workspaceName: string): TokenProvider;
  defaultWorkspace: string;
  /** Slugs resolved to connector ids, shared by every handle of the client. */
  connectorIds: ConnectorIds;
}

export const API = "/api/v1";
