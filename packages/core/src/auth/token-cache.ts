import { abortable } from "../transport/abortable";
import type { TokenProvider } from "../transport/transport";
import type { StoredToken, TokenStore } from "./token-store";

/** Refresh this long before expiry, so a token never dies in flight (api-notes §8: the CLI's 60 s). */
export const DEFAULT_SKEW_MS = 60_000;

export interface TokenCacheOptions {
  /** Key in the store, e.g. `app:<clientId>:<org>` or `scoped:<clientId>:<org>:<workspace>`. */
  key: string;
  mint(signal?: AbortSignal): Promise<StoredToken>;
  store: TokenStore;
  now: () => number;
  skewMs?: number;
  /** A shared mint older than this is abandoned and a new one started (default 60 s). */
  staleMintMs?: number;
}

/**
 * A cached token: reused until `expiresAt - skew`, minted once for concurrent callers of this cache
 * (single flight), shared through the store, and dropped when the server refuses it.
 */
export function createTokenCache(options: TokenCacheOptions): TokenProvider & { peek(): Promise<StoredToken | undefined> } {
  const skew = options.skewMs ?? DEFAULT_SKEW_MS;
  let inflight: Promise<StoredToken> | undefined;
  let inflightSince = 0;
  const staleMintMs = options.staleMintMs ?? 60_000;
  // A token the server refused stays refused even if a slow shared store still returns it.
  let refused: string | undefined;
  const fresh = (entry: StoredToken | undefined): entry is StoredToken =>
    entry !== undefined && entry.token !== refused && entry.expiresAt - skew > options.now();

  // The mint gets no caller signal: one caller giving up must not fail the others sharing it.
  // On Workers, a mint started by a request that has since ended can stay pending forever (its I/O is
  // cancelled with it); a stale shared mint is abandoned, so later callers never wait on it for good.
  const mintShared = (): Promise<StoredToken> => {
    if (!inflight || options.now() - inflightSince > staleMintMs) {
      inflightSince = options.now();
      const mine: Promise<StoredToken> = options
        .mint()
        .then(async (entry) => {
          const ttlSeconds = Math.max(1, Math.floor((entry.expiresAt - options.now()) / 1000));
          await options.store.set(options.key, entry, ttlSeconds);
          return entry;
        })
        .finally(() => {
          if (inflight === mine) inflight = undefined;
        });
      inflight = mine;
    }
    return inflight;
  };

  return {
    async get(signal) {
      const stored = await options.store.get(options.key);
      if (fresh(stored)) return stored.token;
      const minted = await abortable(mintShared(), signal);
      return minted.token;
    },
    async invalidate(token) {
      refused = token;
      try {
        const stored = await options.store.get(options.key);
        if (stored?.token === token) await options.store.delete?.(options.key);
      } catch {
        // A store that fails to delete must not fail the call: `refused` already keeps the token out of use.
      }
    },
    peek: async () => options.store.get(options.key),
  };
}
