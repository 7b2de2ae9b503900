// createWidgetTokenHandler served for real on 127.0.0.1, minting against the emulator over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  createWidgetTokenHandler,
  decodeWidgetToken,
  ValidationError,
  type WidgetTokenHandlerOptions,
} from "../../src/index";
import { SECRET, useEmulator } from "../helpers/emulator";
import { type ServedHandler, serveFetch } from "./serve-fetch";

const h = useEmulator();
const APP_ORIGIN = "http://localhost:5173";
const OTHER_APP_ORIGIN = "https://app.example.com";

// The app's own auth, played by a header: the user's tenant, or nobody.
const resolveWorkspace: WidgetTokenHandlerOptions["resolveWorkspace"] = (request) => request.headers.get("x-test-tenant");

let airbyte: ReturnType<typeof createClient>;
let served: ServedHandler;
let errors: unknown[] = [];

beforeAll(async () => {
  airbyte = h.client();
  served = await serveFetch(
    createWidgetTokenHandler({
      client: airbyte,
      allowedOrigins: [APP_ORIGIN, OTHER_APP_ORIGIN],
      resolveWorkspace,
      onError: (error) => errors.push(error),
    }),
  );
});

afterAll(async () => {
  await served?.close();
});

function post(headers: Record<string, string>, init: RequestInit = {}) {
  return fetch(`${served.url}/api/airbyte/token`, { method: "POST", ...init, headers });
}

describe("createWidgetTokenHandler", () => {
  it("answers an allowed origin with { token, expiresAt } only, bound to that origin and workspace", async () => {
    const before = (h.emu.stats() as { tokenMints: { widget: number } }).tokenMints.widget;
    const res = await post({ origin: APP_ORIGIN, "x-test-tenant": "default" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    const body = JSON.parse(text) as { token: string; expiresAt: string };
    expect(Object.keys(body).sort()).toEqual(["expiresAt", "token"]);
    expect(new Date(body.expiresAt).toISOString()).toBe(body.expiresAt);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 15 * 60_000);

    const { widgetUrl } = decodeWidgetToken(body.token);
    const url = new URL(widgetUrl);
    expect(url.origin).toBe(h.emu.url);
    expect(url.searchParams.get("allowedOrigin")).toBe(APP_ORIGIN);
    expect((h.emu.stats() as { tokenMints: { widget: number } }).tokenMints.widget).toBe(before + 1);

    // Neither the client secret nor the application token leaves the server.
    const { token: appToken } = await airbyte.tokens.application();
    const headerText = [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
    for (const secret of [SECRET, appToken]) {
      expect(text).not.toContain(secret);
      expect(headerText).not.toContain(secret);
    }
    // The route is served from 127.0.0.1, another origin than the app's: the allowed caller gets CORS headers.
    expect(res.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
  });

  it("mints a token that reaches its own workspace only", async () => {
    await airbyte.tokens.scoped({ workspaceName: "tenant-b" }); // creates the workspace
    const other = await airbyte.workspace("tenant-b").connectors.create({
      connectorType: "Stripe",
      name: "B's Stripe",
      credentials: { api_key: "sk_test_tenant_b_0001" },
      replicationConfig: { account_id: "acct_b" },
    });
    const res = await post({ origin: APP_ORIGIN, "x-test-tenant": "default" });
    const { token } = (await res.json()) as { token: string };
    const inner = decodeWidgetToken(token).token;
    const call = (path: string) => fetch(`${h.emu.url}${path}`, { headers: { authorization: `Bearer ${inner}`, origin: APP_ORIGIN } });

    const own = await call("/api/v1/integrations/connectors?workspace_name=default");
    expect(own.status).toBe(200);
    const names = ((await own.json()) as { data: { name: string }[] }).data.map((c) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain("B's Stripe");
    expect((await call(`/api/v1/integrations/connectors/${other.id}`)).status).toBe(403);
    const info = (await (await call("/api/v1/account/applications/scoped-token/info")).json()) as { workspace_name: string };
    expect(info.workspace_name).toBe("default");
  });

  it("refuses an origin that is not allowed, and a request without Origin, with 403 JSON", async () => {
    const evil = await post({ origin: "https://evil.example", "x-test-tenant": "default" });
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    expect(await evil.json()).toEqual({ error: expect.any(String) });
    const trailingSlash = await post({ origin: `${APP_ORIGIN}/`, "x-test-tenant": "default" });
    expect(trailingSlash.status).toBe(403);
    const none = await post({ "x-test-tenant": "default" });
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: string }).error).toMatch(/Origin/);
  });

  it("answers POST only: GET and PUT are 405", async () => {
    const get = await fetch(`${served.url}/api/airbyte/token`, { headers: { origin: APP_ORIGIN, "x-test-tenant": "default" } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    expect(await get.json()).toEqual({ error: expect.any(String) });
    const put = await post({ origin: APP_ORIGIN }, { method: "PUT" });
    expect(put.status).toBe(405);
  });

  it("answers the CORS preflight of an allowed origin only", async () => {
    const preflight = (origin: string) =>
      fetch(`${served.url}/api/airbyte/token`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const ok = await preflight(OTHER_APP_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(OTHER_APP_ORIGIN);
    expect(ok.headers.get("access-control-allow-methods")).toBe("POST");
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(405);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers 401 when resolveWorkspace returns null or throws", async () => {
    const nobody = await post({ origin: APP_ORIGIN });
    expect(nobody.status).toBe(401);
    expect(nobody.headers.get("cache-control")).toBe("no-store");
    expect(await nobody.json()).toEqual({ error: "Unauthorized" });

    errors = [];
    const throwing = createWidgetTokenHandler({
      client: airbyte,
      allowedOrigins: [APP_ORIGIN],
      resolveWorkspace: () => {
        throw new Error("session expired");
      },
      onError: (error) => errors.push(error),
    });
    const res = await throwing(new Request("https://app.test/token", { method: "POST", headers: { origin: APP_ORIGIN } }));
    expect(res.status).toBe(401);
    expect(errors).toHaveLength(1);

    const custom = createWidgetTokenHandler({
      client: airbyte,
      allowedOrigins: [APP_ORIGIN],
      resolveWorkspace: () => {
        throw new Response("go to /login", { status: 302, headers: { location: "/login" } });
      },
    });
    const redirected = await custom(new Request("https://app.test/token", { method: "POST", headers: { origin: APP_ORIGIN } }));
    expect(redirected.status).toBe(302);
  });

  it("runs as a plain (Request) => Response function with an origin predicate and tag filters", async () => {
    const handler = createWidgetTokenHandler({
      client: airbyte,
      allowedOrigins: (origin) => origin.endsWith(".example.com"),
      resolveWorkspace: () => ({ workspaceName: "tenant-tags", sourceTemplateTags: ["crm"], sourceTemplateTagsMode: "all" }),
    });
    const res = await handler(
      new Request("https://app.example.com/api/airbyte/token", { method: "POST", headers: { origin: "https://shop.example.com" } }),
    );
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const url = new URL(decodeWidgetToken(token).widgetUrl);
    expect(url.searchParams.get("allowedOrigin")).toBe("https://shop.example.com");
    expect(url.searchParams.getAll("selected_source_template_tags")).toEqual(["crm"]);
    expect(url.searchParams.get("selected_source_template_tags_mode")).toBe("all");
    const refused = await handler(new Request("https://app.example.com/t", { method: "POST", headers: { origin: "https://example.org" } }));
    expect(refused.status).toBe(403);
  });

  it("maps an upstream failure to a 502 with the request id and no secret", async () => {
    const wrongSecret = "sk_live_WRONG_secret_for_this_test_0001";
    const handler = createWidgetTokenHandler({
      client: h.client({ clientSecret: wrongSecret, maxRetries: 0 }),
      allowedOrigins: [APP_ORIGIN],
      resolveWorkspace: () => "default",
    });
    const res = await handler(new Request("https://app.test/token", { method: "POST", headers: { origin: APP_ORIGIN } }));
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toContain(wrongSecret);
    const body = JSON.parse(text) as { error: string; code: string; requestId?: string; upstreamStatus: number };
    expect(body).toMatchObject({ code: "upstream_error", upstreamStatus: 401 });
    expect(body.requestId).toMatch(/\S/);

    h.emu.setFaults({ queue: [{ status: 503, match: { path: "/widget-token" } }] });
    try {
      const flaky = createWidgetTokenHandler({
        client: h.client({ maxRetries: 0 }),
        allowedOrigins: [APP_ORIGIN],
        resolveWorkspace: () => "default",
      });
      const failed = await flaky(new Request("https://app.test/token", { method: "POST", headers: { origin: APP_ORIGIN } }));
      expect(failed.status).toBe(502);
      const failure = (await failed.json()) as { upstreamStatus: number; requestId?: string };
      expect(failure.upstreamStatus).toBe(503);
    } finally {
      h.emu.setFaults(undefined);
    }
  });

  it("answers 500 when resolveWorkspace gives no workspace name, and 502 when nothing answers", async () => {
    const empty = createWidgetTokenHandler({ client: airbyte, allowedOrigins: [APP_ORIGIN], resolveWorkspace: () => "" });
    expect((await empty(new Request("https://app.test/t", { method: "POST", headers: { origin: APP_ORIGIN } }))).status).toBe(500);

    const unreachable = createWidgetTokenHandler({
      client: createClient({ baseUrl: "http://127.0.0.1:9", clientId: "id", clientSecret: SECRET, maxRetries: 0, logLevel: "off" }),
      allowedOrigins: [APP_ORIGIN],
      resolveWorkspace: () => "default",
    });
    const res = await unreachable(new Request("https://app.test/t", { method: "POST", headers: { origin: APP_ORIGIN } }));
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain(SECRET);
  });

  it("checks its options", () => {
    expect(() => createWidgetTokenHandler({ client: {} as never, allowedOrigins: [], resolveWorkspace })).toThrow(ValidationError);
    expect(() => createWidgetTokenHandler({ client: airbyte, allowedOrigins: "x" as never, resolveWorkspace })).toThrow(ValidationError);
  });

  it("refuses allowedOrigins entries that can never equal an Origin header", () => {
    for (const bad of ["https://app.example.com/", "*", "https://*.example.com", "https://app.example.com/app", "app.example.com"]) {
      expect(() => createWidgetTokenHandler({ client: airbyte, allowedOrigins: [APP_ORIGIN, bad], resolveWorkspace })).toThrow(
        /allowedOrigins\[1\]/,
      );
    }
    // Browsers never send a default port, so this entry would never match either.
    expect(() => createWidgetTokenHandler({ client: airbyte, allowedOrigins: ["https://app.example.com:443"], resolveWorkspace })).toThrow(
      ValidationError,
    );
    expect(() =>
      createWidgetTokenHandler({ client: airbyte, allowedOrigins: [APP_ORIGIN, "https://app.example.com:8443"], resolveWorkspace }),
    ).not.toThrow();
  });

  it("checks the fields of defaults when it is created, not on each request", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sourceTemplateTagsMode: "some" }, "defaults.sourceTemplateTagsMode"],
      [{ connectionTemplateTagsMode: 1 }, "defaults.connectionTemplateTagsMode"],
      [{ sourceTemplateTags: "crm" }, "defaults.sourceTemplateTags"],
      [{ connectionTemplateTags: [1] }, "defaults.connectionTemplateTags"],
      [{ regionId: "" }, "defaults.regionId"],
    ];
    for (const [defaults, name] of cases) {
      let thrown: unknown;
      try {
        createWidgetTokenHandler({ client: airbyte, allowedOrigins: [APP_ORIGIN], resolveWorkspace, defaults: defaults as never });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).message).toContain(name);
    }
    expect(() =>
      createWidgetTokenHandler({
        client: airbyte,
        allowedOrigins: [APP_ORIGIN],
        resolveWorkspace,
        defaults: { sourceTemplateTags: ["crm"], sourceTemplateTagsMode: "all", connectionTemplateTagsMode: "any" },
      }),
    ).not.toThrow();
  });
});
