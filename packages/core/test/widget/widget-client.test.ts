// createWidgetClient against the emulator over real HTTP. happy-dom does not enforce CORS, so these run in Node
// and send the Origin a browser would send (the emulator refuses a widget token from another origin).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createWidgetClient,
  isAuthenticationError,
  isTokenError,
  PermissionDeniedError,
  type TokenError,
  type WidgetClientOptions,
} from "../../src/browser";
import { createWidgetTokenHandler } from "../../src/index";
import { useEmulator } from "../helpers/emulator";

// Widget tokens live 120 s here, so "60 s before expiry" is reachable by moving the clock a little.
const h = useEmulator({ scopedTokenTtlSeconds: 120 });
const APP_ORIGIN = "http://localhost:5173";

type Server = ReturnType<typeof h.client>;
let server: Server;
let otherConnectorId: string;

beforeAll(async () => {
  server = h.client();
  await server.tokens.scoped({ workspaceName: "tenant-b" }); // creates the workspace
  const other = await server.workspace("tenant-b").connectors.create({
    connectorType: "Stripe",
    name: "B's Stripe",
    credentials: { api_key: "sk_test_tenant_b_0001" },
    replicationConfig: { account_id: "acct_b" },
  });
  otherConnectorId = other.id;
});

afterEach(() => {
  vi.useRealTimers();
});

/** A getToken that mints a widget token on "the server" for one workspace, counting its calls. */
function widgetTokens(workspaceName = "default") {
  const counter = { calls: 0 };
  const getToken = async () => {
    counter.calls++;
    return (await server.tokens.widget({ workspaceName, allowedOrigin: APP_ORIGIN })).token;
  };
  return { getToken, counter };
}

function browserClient(getToken: WidgetClientOptions["getToken"], options: Partial<WidgetClientOptions> = {}) {
  return createWidgetClient({ getToken, baseUrl: h.emu.url, headers: { origin: APP_ORIGIN }, logLevel: "off", ...options });
}

function statusCount(status: number): number {
  return ((h.emu.stats() as { statuses: Record<string, number> }).statuses[String(status)] ?? 0) as number;
}

describe("createWidgetClient in the token's workspace", () => {
  it("lists, executes, paginates and downloads with one widget token", async () => {
    const { getToken, counter } = widgetTokens("default");
    const browser = browserClient(getToken);
    const requestsBefore = h.emu.requests().length;

    expect(await browser.workspaceName()).toBe("default");
    const connectors = await browser.connectors.list();
    expect(connectors.map((c) => c.connectorName).sort()).toEqual(["github", "linear", "stripe", "zendesk-support"]);

    const linear = browser.connector("linear");
    const page = await linear.execute("issues", "list", { first: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.meta.hasNextPage).toBe(true);
    const all = await linear.paginate("issues", "list", { first: 20 }).toArray();
    expect(all).toHaveLength(57);
    expect(new Set(all.map((issue) => issue.id)).size).toBe(57);

    const zendesk = browser.connector("zendesk-support");
    let attachmentId = 1;
    let size = 0;
    for (; attachmentId <= 20; attachmentId++) {
      const got = await zendesk.execute("attachments", "get", { attachment_id: attachmentId });
      size = Number(got.data.size ?? 0);
      if (size > 0) break;
    }
    const stream = await zendesk.download("attachments", { attachment_id: attachmentId });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes.length).toBe(size);

    // One token for everything, and every call the emulator saw was made with the widget token.
    expect(counter.calls).toBe(1);
    const seen = h.emu.requests().slice(requestsBefore);
    const fromBrowser = seen.filter((entry) => !entry.path.startsWith("/api/v1/account/applications/") || entry.path.endsWith("/info"));
    expect(fromBrowser.length).toBeGreaterThan(5);
    expect(new Set(fromBrowser.map((entry) => entry.auth))).toEqual(new Set(["widget"]));
    expect(fromBrowser.filter((entry) => entry.path.endsWith("/scoped-token/info"))).toHaveLength(1);
  });

  it("creates, gets and deletes a connector of its workspace", async () => {
    const { getToken } = widgetTokens("default");
    const browser = browserClient(getToken);
    const created = await browser.connectors.create({
      connectorType: "Stripe",
      name: "Made in the browser",
      credentials: { api_key: "sk_test_browser_0001" },
      replicationConfig: { account_id: "acct_browser" },
    });
    expect((await browser.connectors.get(created.id)).name).toBe("Made in the browser");
    expect((await browser.connector({ connectorId: created.id }).get()).id).toBe(created.id);
    const { jobId } = await browser.connector({ connectorId: created.id }).delete();
    expect(jobId).toMatch(/\S/);
    expect((await browser.connectors.list()).map((c) => c.id)).not.toContain(created.id);
  });

  it("connectors.invalidate() forgets resolved slugs, so a connector the connect widget made elsewhere is found", async () => {
    const stripeIn = (name: string, key: string) => ({
      connectorType: "Stripe",
      name,
      credentials: { api_key: key },
      replicationConfig: { account_id: "acct_invalidate" },
    });
    await server.tokens.scoped({ workspaceName: "tenant-invalidate" });
    const serverSide = server.workspace("tenant-invalidate").connectors;
    const first = await serverSide.create(stripeIn("First", "sk_test_invalidate_01"));
    const browser = browserClient(widgetTokens("tenant-invalidate").getToken);
    // Before anything is loaded (no workspace name yet, nothing resolved): nothing to forget, nothing sent.
    const sent = statusCount(200);
    browser.connectors.invalidate();
    expect(statusCount(200)).toBe(sent);
    await expect(browser.connector("stripe").id()).resolves.toBe(first.id);
    await serverSide.delete(first.id);
    const second = await serverSide.create(stripeIn("Second", "sk_test_invalidate_02"));
    await expect(browser.connector("stripe").id()).resolves.toBe(first.id);
    browser.connectors.invalidate();
    await expect(browser.connector("stripe").id()).resolves.toBe(second.id);
  });

  it("takes { token, expiresAt } from createWidgetTokenHandler, and a plain scoped JWT", async () => {
    const handler = createWidgetTokenHandler({ client: server, allowedOrigins: [APP_ORIGIN], resolveWorkspace: () => "default" });
    const viaHandler = browserClient(() =>
      handler(new Request("https://app.test/api/airbyte/token", { method: "POST", headers: { origin: APP_ORIGIN } })).then(
        (res) => res.json() as Promise<{ token: string; expiresAt: string }>,
      ),
    );
    expect(await viaHandler.connectors.list()).toHaveLength(4);
    const widgetToken = await viaHandler.getToken();
    expect(JSON.parse(atob(widgetToken))).toMatchObject({ widgetUrl: expect.stringContaining("/quick-start/widget") });

    const scoped = browserClient(async () => (await server.tokens.scoped({ workspaceName: "default" })).token, { headers: {} });
    expect(await scoped.connectors.list()).toHaveLength(4);
    expect(await scoped.token()).toMatch(/^eyJ/);
    await expect(scoped.getToken()).rejects.toMatchObject({ name: "TokenError", code: "token_invalid" });
  });

  it("sends application-only calls with the widget token, which the API refuses: never an application token", async () => {
    const { getToken } = widgetTokens("default");
    const browser = browserClient(getToken);
    const connectors = await browser.connectors.list();
    const id = connectors[0]?.id as string;
    const before = h.emu.requests().length;
    await expect(browser.connector({ connectorId: id }).update({ name: "x" })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(browser.connectors.inspect(id)).rejects.toBeInstanceOf(PermissionDeniedError);
    const seen = h.emu.requests().slice(before);
    expect(seen.map((entry) => [entry.method, entry.status, entry.auth])).toEqual([
      ["PUT", 403, "widget"],
      ["GET", 403, "widget"],
    ]);
    expect((await browser.connectors.get(id)).name).not.toBe("x");
  });
});

describe("the workspace name, read once and shared", () => {
  it("one caller aborting does not fail the others waiting for the same read", async () => {
    const { getToken } = widgetTokens("default");
    const browser = browserClient(getToken);
    const controller = new AbortController();
    const first = browser.workspaceName({ signal: controller.signal });
    const second = browser.workspaceName();
    controller.abort();
    await expect(first).rejects.toBeDefined();
    expect(await second).toBe("default");
    expect(await browser.workspaceName()).toBe("default");
  });
});

describe("token lifecycle", () => {
  it("refreshes shortly before expiry (5% of a 120 s token's life: 6 s), transparently", async () => {
    const { getToken, counter } = widgetTokens("default");
    const browser = browserClient(getToken);
    await browser.connectors.list();
    expect(counter.calls).toBe(1);
    const unauthorizedBefore = statusCount(401);

    // Both the client and the emulator read Date: 61 s later the 120 s token is still fresh (59 s left)...
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    await browser.connectors.list();
    expect(counter.calls).toBe(1);
    // ...and 115 s later it is 5 s from expiry, inside the margin: replaced before the server would refuse it.
    vi.setSystemTime(Date.now() + 54_000);
    await browser.connectors.list();
    expect(counter.calls).toBe(2);
    await browser.connector("stripe").execute("customers", "list", { limit: 2 });
    expect(counter.calls).toBe(2);
    expect(statusCount(401)).toBe(unauthorizedBefore); // refreshed before the server had to refuse anything
  });

  it("after the server expired the token (advanceClock), gets a new one and replays once, with no error to the caller", async () => {
    const { getToken, counter } = widgetTokens("default");
    const browser = browserClient(getToken);
    await browser.connectors.list();
    const firstToken = await browser.token();
    const unauthorizedBefore = statusCount(401);

    h.emu.advanceClock(121);
    const page = await browser.connector("linear").execute("issues", "list", { first: 3 });
    expect(page.data).toHaveLength(3);
    expect(counter.calls).toBe(2);
    expect(statusCount(401)).toBe(unauthorizedBefore + 1);
    expect(await browser.token()).not.toBe(firstToken);
  });

  it("shares one getToken call among concurrent callers", async () => {
    let calls = 0;
    const getToken = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (await server.tokens.widget({ workspaceName: "default", allowedOrigin: APP_ORIGIN })).token;
    };
    const browser = browserClient(getToken);
    const results = await Promise.all([
      browser.connectors.list(),
      browser.connectors.list(),
      browser.connector("stripe").execute("customers", "list", { limit: 1 }),
      browser.workspaceName(),
      browser.token(),
      browser.getToken(),
    ]);
    expect(results).toHaveLength(6);
    expect(calls).toBe(1);
  });

  it("replays a refused token once, then surfaces the 401", async () => {
    let calls = 0;
    const forged = btoa(
      JSON.stringify({
        token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJlLW5vdC12YWxpZA",
        widgetUrl: `${h.emu.url}/quick-start/widget?workspaceId=x&allowedOrigin=${encodeURIComponent(APP_ORIGIN)}`,
      }),
    );
    const browser = browserClient(async () => {
      calls++;
      return forged;
    });
    const error = await browser.connectors.list().catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);
    expect(calls).toBe(2);
    expect(String((error as Error).message)).not.toContain("c2lnbmF0dXJlLW5vdC12YWxpZA");
  });

  it("wraps a failing getToken in a TokenError (token_refresh_failed), cause kept and redacted, nothing sent", async () => {
    const leaked = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrZWQifQ.bGVha2VkLXNpZ25hdHVyZQ";
    const browser = browserClient(async () => {
      throw new Error(`token route answered 500 for Bearer ${leaked}`);
    });
    const before = h.emu.requests().length;
    const error = await browser.connectors.list().catch((e: unknown) => e);
    expect(isTokenError(error)).toBe(true);
    expect(error).toMatchObject({ code: "token_refresh_failed" });
    const cause = (error as TokenError).cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect(cause.message).toContain("token route answered 500");
    expect(cause.message).not.toContain(leaked);
    expect(JSON.stringify(error)).not.toContain(leaked);
    expect((error as Error).message).not.toContain(leaked);
    expect(h.emu.requests().length).toBe(before);
  });

  it("rejects a value that is not a token with token_invalid", async () => {
    const browser = browserClient(async () => "not a token" as string);
    await expect(browser.connectors.list()).rejects.toMatchObject({ name: "TokenError", code: "token_invalid" });
    const empty = browserClient(async () => ({}) as never);
    await expect(empty.workspaceName()).rejects.toMatchObject({ code: "token_invalid" });
  });
});

describe("scope", () => {
  it("a widget token for workspace A cannot read workspace B", async () => {
    const { getToken } = widgetTokens("default");
    const browser = browserClient(getToken);
    await expect(browser.connectors.get(otherConnectorId)).rejects.toBeInstanceOf(PermissionDeniedError);
    const error = await browser
      .connector({ connectorId: otherConnectorId })
      .execute("customers", "list", { limit: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403 });
    await expect(browser.connector({ connectorId: otherConnectorId }).delete()).rejects.toBeInstanceOf(PermissionDeniedError);
    // Listing stays inside the token's workspace.
    expect((await browser.connectors.list()).map((c) => c.id)).not.toContain(otherConnectorId);
    // And workspace B's own token sees its connector.
    const b = browserClient(widgetTokens("tenant-b").getToken);
    expect((await b.connectors.list()).map((c) => c.id)).toEqual([otherConnectorId]);
    expect(await b.workspaceName()).toBe("tenant-b");
  });

  it("a widget token sent from another origin is refused", async () => {
    const { getToken } = widgetTokens("default");
    const browser = browserClient(getToken, { headers: { origin: "https://evil.example" } });
    await expect(browser.connectors.list()).rejects.toMatchObject({ name: "PermissionDeniedError", code: "origin_not_allowed" });
  });

  it("checks its options", () => {
    expect(() => createWidgetClient({} as never)).toThrow(/getToken/);
    expect(() => createWidgetClient({ getToken: () => "t", baseUrl: "not a url" })).toThrow(/baseUrl/);
    expect(() => createWidgetClient({ getToken: () => "t", maxRetries: -1 })).toThrow(/maxRetries/);
    expect(createWidgetClient({ getToken: () => "t" }).baseUrl).toBe("https://api.airbyte.ai");
    expect(createWidgetClient({ getToken: () => "t", baseUrl: "https://app.test/api/airbyte/" }).baseUrl).toBe(
      "https://app.test/api/airbyte",
    );
  });
});
