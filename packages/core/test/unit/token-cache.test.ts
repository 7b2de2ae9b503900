// The token cache on a controllable clock: early refresh inside the skew, single flight, invalidation, shared
// stores; and the transport's one replay after a 401 (api-notes §8). Pure logic, so `mint` and `fetch` are stubs.
import { describe, expect, it, vi } from "vitest";
import { createTokenCache, DEFAULT_SKEW_MS, refreshMargin } from "../../src/auth/token-cache";
import { createMemoryTokenStore, type StoredToken, type TokenStore } from "../../src/auth/token-store";
import { AuthenticationError } from "../../src/errors/index";
import { createSecretRegistry, redactText } from "../../src/redact";
import { mint } from "../../src/transport/mint";
import { DEFAULT_RETRY_POLICY } from "../../src/transport/retry";
import { createTransport } from "../../src/transport/transport";

const T0 = 1_800_000_000_000;
const TTL_MS = 900_000;

function setup(options: { skewMs?: number; store?: TokenStore; ttlMs?: number } = {}) {
  let now = T0;
  let n = 0;
  const pending: { resolve(entry: StoredToken): void; reject(error: unknown): void }[] = [];
  let manual = false;
  const mint = vi.fn((): Promise<StoredToken> => {
    n++;
    const entry = { token: `token-${n}`, expiresAt: now + (options.ttlMs ?? TTL_MS) };
    if (!manual) return Promise.resolve(entry);
    return new Promise<StoredToken>((resolve, reject) => pending.push({ resolve: () => resolve(entry), reject }));
  });
  const store = options.store ?? createMemoryTokenStore();
  const cache = createTokenCache({
    key: "k",
    store,
    mint,
    now: () => now,
    ...(options.skewMs === undefined ? {} : { skewMs: options.skewMs }),
  });
  return {
    cache,
    mint,
    store,
    pending,
    manual() {
      manual = true;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("createTokenCache: expiry and skew", () => {
  it("refreshes 60 s before expiry by default", () => {
    expect(DEFAULT_SKEW_MS).toBe(60_000);
  });

  it("reuses the token until expiresAt minus the margin (60 s, or 5% of a shorter life), then mints once more", async () => {
    const t = setup();
    const margin = Math.min(DEFAULT_SKEW_MS, TTL_MS * 0.05);
    expect(refreshMargin({ token: "x", issuedAt: T0, expiresAt: T0 + TTL_MS }, DEFAULT_SKEW_MS)).toBe(margin);
    expect(await t.cache.get()).toBe("token-1");
    t.advance(TTL_MS - margin - 1); // 1 ms before the refresh point
    expect(await t.cache.get()).toBe("token-1");
    expect(t.mint).toHaveBeenCalledTimes(1);
    t.advance(1); // exactly at the refresh point: no longer fresh
    expect(await t.cache.get()).toBe("token-2");
    expect(t.mint).toHaveBeenCalledTimes(2);
    // The new token has its own lifetime, counted from the mint.
    t.advance(TTL_MS - margin - 1);
    expect(await t.cache.get()).toBe("token-2");
    expect(t.mint).toHaveBeenCalledTimes(2);
  });

  it("an hour-long token is refreshed 60 s before expiry", () => {
    expect(refreshMargin({ token: "x", issuedAt: 0, expiresAt: 3_600_000 }, DEFAULT_SKEW_MS)).toBe(60_000);
    // A token from a shared store that predates issuedAt keeps the plain skew.
    expect(refreshMargin({ token: "x", expiresAt: 3_600_000 }, DEFAULT_SKEW_MS)).toBe(60_000);
  });

  it("honours a custom skew", async () => {
    const t = setup({ skewMs: 0 });
    await t.cache.get();
    t.advance(TTL_MS - 1);
    expect(await t.cache.get()).toBe("token-1");
    t.advance(1);
    expect(await t.cache.get()).toBe("token-2");
  });

  it("a token whose whole life is shorter than the skew is reused for 95% of it, not minted on every call", async () => {
    const t = setup({ ttlMs: 30_000 });
    expect(await t.cache.get()).toBe("token-1");
    expect(await t.cache.get()).toBe("token-1");
    t.advance(30_000 * 0.95 - 1);
    expect(await t.cache.get()).toBe("token-1");
    t.advance(1);
    expect(await t.cache.get()).toBe("token-2");
    expect(t.mint).toHaveBeenCalledTimes(2);
  });

  it("stores the token with a ttl in whole seconds", async () => {
    const set = vi.fn();
    const entries = new Map<string, StoredToken>();
    const store: TokenStore = {
      get: (key) => entries.get(key),
      set: (key, value, ttl) => {
        set(key, value, ttl);
        entries.set(key, value);
      },
    };
    const t = setup({ store });
    await t.cache.get();
    expect(set).toHaveBeenCalledWith("k", { token: "token-1", expiresAt: T0 + TTL_MS, issuedAt: T0 }, 900);
    expect(await t.cache.peek()).toEqual({ token: "token-1", expiresAt: T0 + TTL_MS, issuedAt: T0 });
  });
});

describe("createTokenCache: single flight", () => {
  it("concurrent callers share one mint", async () => {
    const t = setup();
    t.manual();
    const calls = Array.from({ length: 10 }, () => t.cache.get());
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.pending[0]!.resolve({ token: "", expiresAt: 0 });
    expect(await Promise.all(calls)).toEqual(Array(10).fill("token-1"));
    expect(t.mint).toHaveBeenCalledTimes(1);
  });

  it("a failed mint fails every waiter once, and the next call mints again", async () => {
    const t = setup();
    t.manual();
    const calls = [t.cache.get(), t.cache.get(), t.cache.get()];
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    const boom = new Error("mint failed");
    t.pending[0]!.reject(boom);
    for (const call of calls) await expect(call).rejects.toBe(boom);
    const next = t.cache.get();
    await vi.waitFor(() => expect(t.pending).toHaveLength(2));
    t.pending[1]!.resolve({ token: "", expiresAt: 0 });
    expect(await next).toBe("token-2");
    expect(t.mint).toHaveBeenCalledTimes(2);
  });

  it("one caller's abort does not cancel the shared mint for the others", async () => {
    const t = setup();
    t.manual();
    const controller = new AbortController();
    const impatient = t.cache.get(controller.signal);
    const patient = t.cache.get();
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    controller.abort(new Error("gave up"));
    await expect(impatient).rejects.toThrow("gave up");
    t.pending[0]!.resolve({ token: "", expiresAt: 0 });
    expect(await patient).toBe("token-1");
    expect(t.mint).toHaveBeenCalledTimes(1);
    expect(await t.cache.get()).toBe("token-1");
  });

  it("an already aborted signal rejects at once; a mint it started is kept for the next caller", async () => {
    const t = setup();
    t.manual();
    await expect(t.cache.get(AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
    const next = t.cache.get();
    for (const p of t.pending) p.resolve({ token: "", expiresAt: 0 });
    expect(await next).toBe("token-1");
    expect(t.mint.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

describe("createTokenCache: a mint that never settles (a Workers request ended under it)", () => {
  it("is shared while young, then abandoned after 60 s so a new caller mints again", async () => {
    const t = setup();
    t.manual();
    const first = t.cache.get();
    const second = t.cache.get();
    await Promise.resolve();
    expect(t.mint).toHaveBeenCalledTimes(1);
    t.advance(60_001);
    const third = t.cache.get();
    await Promise.resolve();
    await Promise.resolve();
    expect(t.mint).toHaveBeenCalledTimes(2);
    t.pending[1]?.resolve({ token: "", expiresAt: 0 });
    expect(await third).toBe("token-2");
    // The abandoned mint settling late must not clear the newer one or break its waiters.
    t.pending[0]?.resolve({ token: "", expiresAt: 0 });
    expect(await first).toBe("token-1");
    expect(await second).toBe("token-1");
  });
});

describe("createTokenCache: invalidate", () => {
  it("invalidating the current token forces a re-mint", async () => {
    const t = setup();
    const first = await t.cache.get();
    t.cache.invalidate(first);
    expect(await t.cache.get()).toBe("token-2");
    expect(t.mint).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect((await t.cache.peek())?.token).toBe("token-2"));
  });

  it("invalidating an old token does not drop the current one", async () => {
    const t = setup();
    const old = await t.cache.get();
    t.cache.invalidate(old);
    const current = await t.cache.get();
    expect(current).toBe("token-2");
    // A late 401 for the old token (a request that was in flight) must not throw away token-2.
    t.cache.invalidate(old);
    await Promise.resolve();
    expect(await t.cache.get()).toBe("token-2");
    await vi.waitFor(async () => expect((await t.cache.peek())?.token).toBe("token-2"));
    expect(t.mint).toHaveBeenCalledTimes(2);
  });

  it("a refused token stays refused even when a slow shared store still returns it", async () => {
    const entries = new Map<string, StoredToken>();
    // A store whose delete never lands (eventually consistent KV).
    const store: TokenStore = { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value), delete: () => {} };
    const t = setup({ store });
    const first = await t.cache.get();
    t.cache.invalidate(first);
    expect(await t.cache.get()).toBe("token-2");
  });

  it("two caches over one store share a token; a second client's invalidation is seen by the first", async () => {
    const store = createMemoryTokenStore();
    const a = setup({ store });
    const b = setup({ store });
    expect(await a.cache.get()).toBe("token-1");
    expect(await b.cache.get()).toBe("token-1");
    expect(b.mint).not.toHaveBeenCalled();
    b.cache.invalidate("token-1");
    await vi.waitFor(async () => expect(await store.get("k")).toBeUndefined());
    expect(await a.cache.get()).toBe("token-2");
  });
});

describe("transport: a 401 on a data call", () => {
  function transportWith(fetch: typeof globalThis.fetch) {
    return createTransport({
      baseUrl: "https://api.test",
      fetch,
      timeoutMs: 5_000,
      longTimeoutMs: 5_000,
      retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 },
      hooks: {},
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      redact: redactText,
      secrets: createSecretRegistry(),
      validation: "off",
      userAgent: undefined,
      sdkHeader: "test",
      random: () => 0.5,
      now: Date.now,
    });
  }

  it("drops the token, mints a new one and replays once", async () => {
    const t = setup();
    const sent: (string | null)[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get("authorization");
      sent.push(auth);
      return auth === "Bearer token-1"
        ? Response.json({ message: "Token expired" }, { status: 401 })
        : Response.json({ ok: true }, { status: 200 });
    });
    const transport = transportWith(fetch as typeof globalThis.fetch);
    const response = await transport.request({ method: "GET", path: "/api/v1/x", schema: null, auth: t.cache });
    expect(response.data).toEqual({ ok: true });
    expect(sent).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(t.mint).toHaveBeenCalledTimes(2);
  });

  it("replays only once: a second 401 reaches the caller as AuthenticationError", async () => {
    const t = setup();
    const fetch = vi.fn(async () => Response.json({ message: "Unauthorized" }, { status: 401 }));
    const transport = transportWith(fetch as typeof globalThis.fetch);
    const error = await transport.request({ method: "GET", path: "/api/v1/x", schema: null, auth: t.cache }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(t.mint).toHaveBeenCalledTimes(2);
  });

  it("a 401 on a token mint is not replayed: the mint has no token to drop", async () => {
    const fetch = vi.fn(async () => Response.json({ message: "invalid_client" }, { status: 401 }));
    const transport = transportWith(fetch as typeof globalThis.fetch);
    const spec = { path: "/api/v1/token", body: {}, schema: "TokenResponse", reads: { access_token: "string" } } as const;
    await expect(mint(transport, spec)).rejects.toBeInstanceOf(AuthenticationError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("stores that answer synchronously, with a promise, or with a foreign thenable", () => {
  it("reuses the stored token whichever way the store answers", async () => {
    const entries = new Map<string, StoredToken>();
    // A thenable that is not a native Promise (another realm's, a library's): it must be awaited, not taken as the entry.
    // biome-ignore lint/suspicious/noThenProperty: the point of the test is a thenable that is not a Promise.
    const thenable = <T>(value: T): PromiseLike<T> => ({ then: (ok, fail) => Promise.resolve(value).then(ok, fail) });
    const foreign: TokenStore = {
      get: (key) => thenable(entries.get(key)) as unknown as Promise<StoredToken | undefined>,
      set: async (key, entry) => {
        entries.set(key, entry);
      },
    };
    for (const store of [createMemoryTokenStore(), foreign]) {
      const { cache, mint } = setup({ store });
      expect(await cache.get()).toBe("token-1");
      expect(await cache.get()).toBe("token-1");
      expect(mint).toHaveBeenCalledTimes(1);
      entries.clear();
    }
  });
});

describe("createTokenCache: a failing store", () => {
  const failing = (fails: { get?: boolean; set?: boolean }): TokenStore => {
    const inner = createMemoryTokenStore();
    return {
      get: (key) => {
        if (fails.get) throw new Error("KV GET failed: 500");
        return inner.get(key);
      },
      set: async (key, entry, ttl) => {
        if (fails.set) throw new Error("KV PUT failed: 429 Too Many Requests");
        return inner.set(key, entry, ttl);
      },
      delete: (key) => inner.delete?.(key),
    };
  };

  it("a store whose set() fails: the minted token is used and kept, with no mint per call", async () => {
    const t = setup({ store: failing({ set: true }) });
    expect(await t.cache.get()).toBe("token-1");
    expect(await t.cache.get()).toBe("token-1");
    expect(t.mint).toHaveBeenCalledTimes(1);
  });

  it("a store whose get() throws: the token minted here is used; a refused one is not", async () => {
    const t = setup({ store: failing({ get: true }) });
    expect(await t.cache.get()).toBe("token-1");
    expect(await t.cache.get()).toBe("token-1");
    expect(t.mint).toHaveBeenCalledTimes(1);
    await t.cache.invalidate("token-1");
    expect(await t.cache.get()).toBe("token-2");
  });

  it("the kept token still expires: past its margin, a new one is minted", async () => {
    const t = setup({ store: failing({ set: true }) });
    await t.cache.get();
    t.advance(TTL_MS);
    expect(await t.cache.get()).toBe("token-2");
  });
});
