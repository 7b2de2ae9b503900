/**
 * A token with the moment it stops being usable (epoch milliseconds).
 *
 * @example
 * ```ts
 * const entry: StoredToken = { token: "eyJ…", expiresAt: Date.now() + 900_000 };
 * ```
 */
export interface StoredToken {
  token: string;
  expiresAt: number;
  /** When it was minted (epoch ms): with `expiresAt` it gives the token's life, which sets how early to refresh. */
  issuedAt?: number | undefined;
}

/**
 * Where minted tokens are kept so several clients, isolates or processes can share one (a Workers KV
 * namespace, Redis, a Durable Object...). Methods may be sync or async. Stores hold resolved tokens only,
 * never promises, so nothing crosses a Workers request context.
 *
 * @example
 * ```ts
 * const kvStore: TokenStore = {
 *   get: async (key) => (await env.TOKENS.get(key, "json")) ?? undefined,
 *   set: (key, value, ttlSeconds) => env.TOKENS.put(key, JSON.stringify(value), { expirationTtl: Math.max(60, ttlSeconds) }),
 *   delete: (key) => env.TOKENS.delete(key),
 * };
 * ```
 */
export interface TokenStore {
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(key: string, value: StoredToken, ttlSeconds: number): void | Promise<void>;
  delete?(key: string): void | Promise<void>;
}

/**
 * The default store: a map in memory. Create one at module scope in a Worker and pass it to every
 * per-request client to share tokens across the isolate's requests.
 *
 * @example
 * ```ts
 * const tokenStore = createMemoryTokenStore();
 * export default { fetch: (req, env) => handle(req, createClient({ env, tokenStore })) };
 * ```
 */
export function createMemoryTokenStore(): TokenStore {
  const entries = new Map<string, StoredToken>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      entries.set(key, value);
    },
    delete: (key) => {
      entries.delete(key);
    },
  };
}
