import { abortable } from "../transport/abortable";
import type { TokenProvider } from "../transport/transport";
import type { StoredToken, TokenStore } from "./token-store";

/** Refresh at most this long before expiry, so a token never dies in flight (api-notes §8: the CLI's 60 s). */
export const DEFAULT_SKEW_MS = 60_000;

// A short token is refreshed in the last 5% of its life instead: a 60 s margin would exceed a 60 s token's whole
// life and mint on every call. A token that still dies in flight is caught by the 401/403 replay.
const SHORT_LIFE_MARGIN = 0.05;

/**
 * How long before `expiresAt` a token is replaced: `skewMs` (60 s), or 5% of its life when that is less.
 *
 * @example
 * ```ts
 * refreshMargin({ token, issuedAt: 0, expiresAt: 3_600_000 }, 60_000); // 60_000: an hour-long token
 * refreshMargin({ token, issuedAt: 0, expiresAt: 5_000 }, 60_000);     // 250: a 5 s token lives 4.75 s in the cache
 * ```
 */
export function refreshMargin(entry: StoredToken, skewMs: number): number {
  if (entry.issuedAt === undefined) return skewMs;
  const life = Math.max(0, entry.expiresAt - entry.issuedAt);
  return Math.min(skewMs, life * SHORT_LIFE_MARGIN);
}

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
 * A cached token: reused until `expiresAt` minus {@link refreshMargin}, minted once for concurrent callers of this cache
 * (single flight), shared through the store, and dropped when the server refuses it. The last token minted here is
 * kept in memory too: a store that fails to read or write (Workers KV's one write per second per key) costs no call
 * and no extra mint, only the sharing.
 */
export function createTokenCache(options: TokenCacheOptions): TokenProvider & { peek(): Promise<StoredToken | undefined> } {
  const skew = options.skewMs ?? DEFAULT_SKEW_MS;
  let inflight: Promise<StoredToken> | undefined;
  let inflightSince = 0;
  const staleMintMs = options.staleMintMs ?? 60_000;
  // A token the server refused stays refused even if a slow shared store still returns it.
  let refused: string | undefined;
  // The last token minted here, and whether the store failed to take it: then (or when the store fails to read) it
  // is used from memory. With a working store the store's word wins (another client may have dropped the token).
  let last: StoredToken | undefined;
  let unshared = false;
  const fresh = (entry: StoredToken | undefined): entry is StoredToken =>
    entry !== undefined && entry.token !== refused && entry.expiresAt - refreshMargin(entry, skew) > options.now();

  // The mint gets no caller signal: one caller giving up must not fail the others sharing it.
  // On Workers, a mint started by a request that has since ended can stay pending forever (its I/O is
  // cancelled with it); a stale shared mint is abandoned, so later callers never wait on it for good.
  const mintShared = (): Promise<StoredToken> => {
    if (!inflight || options.now() - inflightSince > staleMintMs) {
      inflightSince = options.now();
      const startedAt = options.now();
      const mine: Promise<StoredToken> = options
        .mint()
        .then(async (minted) => {
          // Stamped with the time the mint started: the token's life, seen from here, is never overstated.
          const entry: StoredToken = { ...minted, issuedAt: minted.issuedAt ?? startedAt };
          const ttlSeconds = Math.max(1, Math.floor((entry.expiresAt - options.now()) / 1000));
          last = entry;
          try {
            await options.store.set(options.key, entry, ttlSeconds);
            unshared = false;
          } catch {
            unshared = true;
          }
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
      // A synchronous store (the default memory store) is read without waiting a turn.
      // Any thenable counts as async: a store's promise may come from another realm or library.
      let stored: StoredToken | undefined;
      let readFailed = false;
      try {
        const read = options.store.get(options.key);
        stored = typeof (read as PromiseLike<unknown> | undefined)?.then === "function" ? await read : (read as StoredToken | undefined);
      } catch {
        readFailed = true;
      }
      if (fresh(stored)) return stored.token;
      if ((readFailed || unshared) && fresh(last)) return last.token;
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
