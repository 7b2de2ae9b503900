// Application and scoped tokens against the emulator: one mint, reused; single flight; early refresh inside
// the 60 s skew; a token the server refuses is dropped, re-minted and the call replayed once (api-notes §8);
// where credentials come from (options, configure(), the `env` option, process.env).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type AirbyteClient,
  type ClientOptions,
  configure,
  createClient,
  createMemoryTokenStore,
  isTokenError,
  resetConfiguration,
  type StoredToken,
  type TokenError,
  type TokenStore,
} from "../../src/index";
import { rejection, SECRET, useEmulator } from "../helpers/emulator";

// 120 s tokens: advancing 100 s lands inside the client's 60 s refresh skew, 200 s past expiry.
const h = useEmulator({ tokenTtlSeconds: 120 });

interface Stats {
  requests: number;
  routes: Record<string, number>;
  statuses: Record<string, number>;
  tokenMints: { application: number; scoped: number; widget: number };
}

const LIST = "GET /api/v1/integrations/connectors";
const stats = () => h.emu.stats() as unknown as Stats;

/**
 * A client whose clock we can move. createClient captures `Date.now` when it is built (for the token cache and
 * the transport), so swapping it for that moment gives the client its own clock while the in-process emulator
 * keeps the real one; `travel()` then moves both, the emulator through its control clock.
 */
function clientWithClock(options: ClientOptions = {}): { client: AirbyteClient; travel(seconds: number): void } {
  const realNow = Date.now;
  let offsetMs = 0;
  Date.now = () => realNow() + offsetMs;
  try {
    const client = h.client(options);
    return {
      client,
      travel(seconds) {
        offsetMs += seconds * 1000;
        h.emu.advanceClock(seconds);
      },
    };
  } finally {
    Date.now = realNow;
  }
}

/** A memory store that also shows its keys and lets a test plant an entry. */
function inspectableStore(): TokenStore & { entries: Map<string, StoredToken> } {
  const entries = new Map<string, StoredToken>();
  return {
    entries,
    get: (key) => entries.get(key),
    set: (key, value) => {
      entries.set(key, value);
    },
    delete: (key) => {
      entries.delete(key);
    },
  };
}

beforeEach(() => {
  h.emu.reset();
});

describe("the application token", () => {
  it("is minted once and reused across many calls", async () => {
    const ws = h.client().workspace();
    for (let i = 0; i < 8; i++) await ws.connectors.list();
    await ws.connector("stripe").execute("customers", "list", { limit: 2 });
    expect(stats().tokenMints.application).toBe(1);
    expect(stats().routes["POST /api/v1/account/applications/token"]).toBe(1);
    expect(stats().routes[LIST]).toBe(9);
    // Every data call carried the application token.
    const data = h.emu.requests().filter((r) => !r.path.endsWith("/token"));
    expect(data.every((r) => r.auth === "application")).toBe(true);
  });

  it("is minted once for 20 concurrent calls on a fresh client (single flight)", async () => {
    const ws = h.client().workspace();
    const results = await Promise.all(Array.from({ length: 20 }, () => ws.connectors.list()));
    expect(results.every((list) => list.length === 4)).toBe(true);
    expect(stats().tokenMints.application).toBe(1);
    expect(stats().routes[LIST]).toBe(20);
  });

  it("is minted again when a call comes inside the refresh margin before expiry (6 s: 5% of 120 s), with no 401 on the way", async () => {
    const { client, travel } = clientWithClock();
    const ws = client.workspace();
    await ws.connectors.list();
    const first = (await client.tokens.application()).token;
    travel(50); // 70 s left: still fresh
    await ws.connectors.list();
    expect(stats().tokenMints.application).toBe(1);
    travel(65); // 5 s left, inside the margin: refresh before the server would refuse it
    await ws.connectors.list();
    expect(stats().tokenMints.application).toBe(2);
    expect((await client.tokens.application()).token).not.toBe(first);
    expect(stats().statuses["401"]).toBeUndefined();
  });

  it("is minted again after it expired, and no 401 reaches the server or the caller", async () => {
    const { client, travel } = clientWithClock();
    const ws = client.workspace();
    await ws.connectors.list();
    travel(200);
    await expect(ws.connectors.list()).resolves.toHaveLength(4);
    await expect(ws.connector("stripe").execute("customers", "list", { limit: 1 })).resolves.toBeDefined();
    expect(stats().tokenMints.application).toBe(2);
    expect(stats().statuses["401"]).toBeUndefined();
  });

  it("survives the server expiring it early (clock skew): one 401, a re-mint, one replay, success", async () => {
    const ws = h.client().workspace();
    await ws.connectors.list();
    h.emu.advanceClock(200); // only the server's clock moves: the client still believes its token is fresh
    await expect(ws.connectors.list()).resolves.toHaveLength(4);
    const s = stats();
    expect(s.statuses["401"]).toBe(1);
    expect(s.tokenMints.application).toBe(2);
    // The refused request and its replay.
    const lists = h.emu.requests().filter((r) => r.method === "GET" && r.path === "/api/v1/integrations/connectors");
    expect(lists.map((r) => r.status)).toEqual([200, 401, 200]);
    // The new token is cached: the next call neither fails nor mints.
    await ws.connectors.list();
    expect(stats().tokenMints.application).toBe(2);
    expect(stats().statuses["401"]).toBe(1);
  });

  it("drops a revoked token the store still calls fresh, re-mints and replays once", async () => {
    // Mint a real token and learn the store key the client uses.
    const firstStore = inspectableStore();
    const first = h.client({ tokenStore: firstStore });
    const stale = (await first.tokens.application()).token;
    const [key] = [...firstStore.entries.keys()];
    expect(key).toBeDefined();
    h.emu.advanceClock(200); // the server now refuses `stale`

    const store = inspectableStore();
    store.entries.set(key!, { token: stale, expiresAt: Date.now() + 24 * 3600_000 });
    const client = h.client({ tokenStore: store });
    h.emu.reset(); // fresh counters; reset also rewinds the clock, so expire `stale` again
    h.emu.advanceClock(200);

    await expect(client.workspace().connectors.list()).resolves.toHaveLength(4);
    const s = stats();
    expect(s.statuses["401"]).toBe(1);
    expect(s.tokenMints.application).toBe(1);
    expect(s.routes[LIST]).toBe(2);
    const fresh = store.entries.get(key!);
    expect(fresh?.token).toBeDefined();
    expect(fresh?.token).not.toBe(stale);
    expect(fresh!.expiresAt).toBeLessThan(Date.now() + 121_000);
  });

  it("is shared by two clients through one tokenStore", async () => {
    const tokenStore = createMemoryTokenStore();
    const a = h.client({ tokenStore });
    const b = h.client({ tokenStore });
    await a.workspace().connectors.list();
    await b.workspace().connectors.list();
    await b.workspace().connector("stripe").execute("customers", "list", { limit: 1 });
    expect(stats().tokenMints.application).toBe(1);
    expect((await a.tokens.application()).token).toBe((await b.tokens.application()).token);
    // Without a shared store each client mints its own.
    await h.client().workspace().connectors.list();
    expect(stats().tokenMints.application).toBe(2);
  });

  it("a failing mint is retried by the mint alone, never again by the call that needed it", async () => {
    const TOKEN = "POST /api/v1/account/applications/token";
    const before = stats().routes[TOKEN] ?? 0;
    const listsBefore = stats().routes[LIST] ?? 0;
    h.emu.setFaults({ queue: [{ status: 503, match: { path: "/applications/token" }, times: 10 }] });
    try {
      const error = await h
        .client({ maxRetries: 2 })
        .workspace()
        .connectors.list()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ status: 503 });
      // 1 attempt + 2 retries of the mint; the list call did not multiply them.
      expect((stats().routes[TOKEN] ?? 0) - before).toBe(3);
      // Without a token the list itself was never sent.
      expect(stats().routes[LIST] ?? 0).toBe(listsBefore);
    } finally {
      h.emu.setFaults(undefined);
    }
  });
});

describe("scoped tokens", () => {
  it("are minted once per workspace and cached", async () => {
    const client = h.client();
    const x = client.workspace("x", { scopedToken: true });
    const y = client.workspace("y", { scopedToken: true });
    await Promise.all([x.connectors.list(), x.connectors.list(), y.connectors.list()]);
    await x.connectors.list();
    await y.connectors.list();
    // A second handle on the same workspace reuses the cache too.
    await client.workspace("x", { scopedToken: true }).connectors.list();
    const s = stats();
    expect(s.tokenMints.scoped).toBe(2);
    expect(s.tokenMints.application).toBe(1); // the scoped mints share the application token
    const lists = h.emu.requests().filter((r) => r.path === "/api/v1/integrations/connectors");
    expect(lists).toHaveLength(6);
    expect(lists.every((r) => r.auth === "scoped")).toBe(true);
    expect((await client.tokens.scoped({ workspaceName: "x" })).token).not.toBe((await client.tokens.scoped({ workspaceName: "y" })).token);
    expect(stats().tokenMints.scoped).toBe(2);
  });

  // A scoped mint goes its own path (transport/mint.ts), not through a data call's pipeline: it applies the same
  // rule to the application token it sends.
  const SCOPED_MINT = "/api/v1/account/applications/scoped-token";
  const scopedMints = () =>
    h.emu
      .requests()
      .filter((r) => r.path === SCOPED_MINT)
      .map((r) => r.status);

  it("a scoped mint whose application token the server refuses drops it, mints a new one and sends the mint once more", async () => {
    const client = h.client();
    await client.workspace().connectors.list(); // the application token is cached
    h.emu.advanceClock(200); // only the server's clock moves: it now refuses the cached application token
    await expect(client.workspace("refused", { scopedToken: true }).connectors.list()).resolves.toBeDefined();
    expect(scopedMints()).toEqual([401, 200]);
    expect(stats().tokenMints.application).toBe(2);
    expect(stats().tokenMints.scoped).toBe(1);
  });

  it("a scoped mint refused twice is not sent a third time: the call fails with the AuthenticationError", async () => {
    const client = h.client();
    h.emu.setFaults({ queue: [{ status: 401, match: { path: "/applications/scoped-token" }, times: 2 }] });
    try {
      const error = await rejection(client.workspace("refused-twice", { scopedToken: true }).connectors.list());
      expect(error).toMatchObject({ name: "AuthenticationError", status: 401, path: SCOPED_MINT });
      expect(scopedMints()).toEqual([401, 401]);
      expect(stats().tokenMints.application).toBe(2);
      expect(stats().routes[LIST] ?? 0).toBe(0);
    } finally {
      h.emu.setFaults(undefined);
    }
  });

  it("an application mint that loses its connection under a scoped mint is named once, after the call that needed it", async () => {
    const client = h.client({ maxRetries: 0 });
    h.emu.setFaults({ queue: [{ drop: true, match: { path: "/applications/token" } }] });
    try {
      const error = (await rejection(client.workspace("dropped-mint", { scopedToken: true }).connectors.list())) as Error;
      expect(error).toMatchObject({ name: "ConnectionError", method: "GET", path: "/api/v1/integrations/connectors" });
      // One layer of naming: the mint's failure does not pass through the scoped mint's pipeline on its way up.
      expect(error.message.match(/Could not get a token for this call/g)).toHaveLength(1);
      expect(error.message).toContain("POST /api/v1/account/applications/token");
      expect(scopedMints()).toEqual([]);
    } finally {
      h.emu.setFaults(undefined);
    }
  });
});

describe("credentials", () => {
  afterEach(() => {
    resetConfiguration();
    vi.unstubAllEnvs();
  });

  async function tokenError(client: AirbyteClient): Promise<TokenError> {
    const error = await client
      .workspace()
      .connectors.list()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isTokenError(error)).toBe(true);
    return error as TokenError;
  }

  it("missing clientId: TokenError missing_credentials naming the option and AIRBYTE_CLIENT_ID; nothing sent", async () => {
    const client = createClient({ baseUrl: h.emu.url, env: {}, logLevel: "off" });
    const error = await tokenError(client);
    expect(error.code).toBe("missing_credentials");
    expect(error.message).toContain("clientId");
    expect(error.message).toContain("AIRBYTE_CLIENT_ID");
    expect(stats().requests).toBe(0);
  });

  it("missing clientSecret: names clientSecret and AIRBYTE_CLIENT_SECRET", async () => {
    const client = createClient({ baseUrl: h.emu.url, clientId: h.emu.clientId, env: {}, logLevel: "off" });
    const error = await tokenError(client);
    expect(error.code).toBe("missing_credentials");
    expect(error.message).toContain("clientSecret");
    expect(error.message).toContain("AIRBYTE_CLIENT_SECRET");
    expect(error.retryable).toBe(false);
    expect(stats().requests).toBe(0);
  });

  it("reads AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET and AIRBYTE_BASE_URL from the env option (Workers)", async () => {
    const client = createClient({
      env: { AIRBYTE_CLIENT_ID: h.emu.clientId, AIRBYTE_CLIENT_SECRET: SECRET, AIRBYTE_BASE_URL: h.emu.url },
      logLevel: "off",
    });
    expect(client.options.baseUrl).toBe(h.emu.url);
    expect(client.options.clientId).toBe(h.emu.clientId);
    await expect(client.workspace().connectors.list()).resolves.toHaveLength(4);
    expect(stats().tokenMints.application).toBe(1);
  });

  it("reads the same variables from process.env", async () => {
    vi.stubEnv("AIRBYTE_CLIENT_ID", h.emu.clientId);
    vi.stubEnv("AIRBYTE_CLIENT_SECRET", SECRET);
    vi.stubEnv("AIRBYTE_BASE_URL", `${h.emu.url}/api/v1/`);
    const client = createClient({ logLevel: "off" });
    expect(client.options.baseUrl).toBe(h.emu.url);
    await expect(client.workspace().connectors.list()).resolves.toHaveLength(4);
    expect(stats().tokenMints.application).toBe(1);
  });

  it("the env option is read instead of process.env, not merged with it", async () => {
    vi.stubEnv("AIRBYTE_CLIENT_ID", h.emu.clientId);
    vi.stubEnv("AIRBYTE_CLIENT_SECRET", SECRET);
    const error = await tokenError(createClient({ baseUrl: h.emu.url, env: { AIRBYTE_CLIENT_ID: h.emu.clientId }, logLevel: "off" }));
    expect(error.code).toBe("missing_credentials");
    expect(error.message).toContain("AIRBYTE_CLIENT_SECRET");
  });

  it("uses configure() defaults, and they win over the environment", async () => {
    vi.stubEnv("AIRBYTE_CLIENT_ID", "env-client-that-does-not-exist");
    vi.stubEnv("AIRBYTE_CLIENT_SECRET", "env_secret_that_is_wrong_123");
    configure({ clientId: h.emu.clientId, clientSecret: SECRET, baseUrl: h.emu.url, logLevel: "off" });
    const client = createClient();
    expect(client.options.clientId).toBe(h.emu.clientId);
    await expect(client.workspace().connectors.list()).resolves.toHaveLength(4);
  });

  it("resetConfiguration() forgets configure()", async () => {
    configure({ clientId: h.emu.clientId, clientSecret: SECRET });
    resetConfiguration();
    const error = await tokenError(createClient({ baseUrl: h.emu.url, env: {}, logLevel: "off" }));
    expect(error.code).toBe("missing_credentials");
  });

  it("explicit options win over configure() and the environment", async () => {
    vi.stubEnv("AIRBYTE_CLIENT_SECRET", "env_secret_that_is_wrong_123");
    configure({ clientId: "configured-client-that-does-not-exist", clientSecret: "configured_wrong_secret_456" });
    const good = createClient({ baseUrl: h.emu.url, clientId: h.emu.clientId, clientSecret: SECRET, logLevel: "off" });
    expect(good.options.clientId).toBe(h.emu.clientId);
    await expect(good.workspace().connectors.list()).resolves.toHaveLength(4);

    // And the other way round: a wrong explicit secret is used even though configure() has the right one.
    resetConfiguration();
    configure({ clientId: h.emu.clientId, clientSecret: SECRET, baseUrl: h.emu.url });
    const bad = createClient({ clientSecret: "explicit_wrong_secret_789", logLevel: "off" });
    await expect(bad.workspace().connectors.list()).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });
  });
});
