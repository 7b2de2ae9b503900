import { beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import { useEmulator } from "./helpers/emulator.js";

// CORS only for origins a widget token named (api-notes §10 U2, src/http/cors.ts), and the widget page (api-notes §7).

const h = useEmulator();

const APP_ORIGIN = "http://localhost:5173";
const EVIL_ORIGIN = "http://evil.example";
const CONNECTORS = "/api/v1/integrations/connectors";
const GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";
const GITHUB_CONFIG = { repositories: ["airbytehq/airbyte"], start_date: "2024-01-01T00:00:00Z" };

let app: string;
beforeAll(async () => {
  app = await h.appToken();
});

function preflight(path: string, origin: string, method = "GET"): Promise<Response> {
  return fetch(`${h.emu.url}${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization, content-type" },
  });
}

const acao = (res: { headers: Headers }) => res.headers.get("access-control-allow-origin");

describe("CORS", () => {
  it("a preflight from an origin no widget token named gets no CORS headers", async () => {
    const res = await preflight(CONNECTORS, APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(acao(res)).toBeNull();
    expect(res.headers.get("access-control-allow-methods")).toBeNull();
  });

  describe("after a widget token for http://localhost:5173 was minted", () => {
    let widget: string;
    beforeAll(async () => {
      widget = (await h.widgetToken("default", APP_ORIGIN, app)).token;
    });

    it("a preflight from that origin is answered and echoes it", async () => {
      const res = await preflight(CONNECTORS, APP_ORIGIN, "POST");
      expect(res.status).toBe(204);
      expect(acao(res)).toBe(APP_ORIGIN);
      expect(res.headers.get("access-control-allow-methods")).toContain("POST");
      expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
      expect(res.headers.get("vary")).toContain("Origin");
      expect(acao(await preflight(CONNECTORS, EVIL_ORIGIN))).toBeNull();
    });

    it("an authenticated GET with the widget token from that origin gets ACAO and exposes x-request-id", async () => {
      const res = await h.api("GET", CONNECTORS, { token: widget, query: { workspace_name: "default" }, headers: { origin: APP_ORIGIN } });
      expect(res.status).toBe(200);
      expect(acao(res)).toBe(APP_ORIGIN);
      expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
      expect(res.headers.get("x-request-id")).toMatch(/^req_/);
      expect(res.body.data.length).toBeGreaterThan(0);
    });

    it("the same token from another origin is a 403 without ACAO", async () => {
      const res = await h.api("GET", CONNECTORS, { token: widget, query: { workspace_name: "default" }, headers: { origin: EVIL_ORIGIN } });
      expect(res.status).toBe(403);
      expect(acao(res)).toBeNull();
    });

    it("an application token from the known origin gets no ACAO", async () => {
      const res = await h.api("GET", CONNECTORS, { token: app, query: { workspace_name: "default" }, headers: { origin: APP_ORIGIN } });
      expect(res.status).toBe(200);
      expect(acao(res)).toBeNull();
    });

    it("an auth failure from the known origin stays readable (so the browser can refresh its token)", async () => {
      const res = await h.api("GET", CONNECTORS, {
        token: "expired.or.bogus",
        query: { workspace_name: "default" },
        headers: { origin: APP_ORIGIN },
      });
      expect(res.status).toBe(401);
      expect(acao(res)).toBe(APP_ORIGIN);
    });

    it.each([
      "/api/v1/account/applications/token",
      "/api/v1/account/applications/scoped-token",
      "/api/v1/account/applications/widget-token",
    ])("the token endpoint %s never answers CORS", async (path) => {
      expect(acao(await preflight(path, APP_ORIGIN, "POST"))).toBeNull();
    });

    it("a token mint from the known origin gets no ACAO", async () => {
      const res = await h.api("POST", "/api/v1/account/applications/token", {
        body: { client_id: h.emu.clientId, client_secret: h.emu.clientSecret },
        headers: { origin: APP_ORIGIN },
      });
      expect(res.status).toBe(200);
      expect(acao(res)).toBeNull();
    });
  });
});

describe("widget page", () => {
  let widgetUrl: string;
  beforeAll(async () => {
    widgetUrl = (await h.widgetToken("default", APP_ORIGIN, app)).widgetUrl;
  });

  /** The JSON config the page embeds for its script. */
  function embeddedConfig(html: string): {
    allowedOrigin: string;
    connectors: { name: string; displayName: string; definitionId: string }[];
  } {
    const match = /const config = (\{.*?\});\n/s.exec(html);
    expect(match).not.toBeNull();
    return JSON.parse(match?.[1] as string);
  }

  it("is served from the decoded token's widgetUrl with frame-ancestors limited to the allowed origin", async () => {
    const url = new URL(widgetUrl);
    expect(url.origin).toBe(h.emu.url);
    expect(url.pathname).toBe("/quick-start/widget");
    expect(url.searchParams.get("allowedOrigin")).toBe(APP_ORIGIN);
    const state = await h.api("GET", "/_emulator/state");
    expect(url.searchParams.get("workspaceId")).toBe(state.body.workspaces.find((w: { name: string }) => w.name === "default").id);

    const res = await fetch(widgetUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toBe(`frame-ancestors ${APP_ORIGIN}`);
  });

  it("contains the connector catalog and the postMessage protocol", async () => {
    const html = await (await fetch(widgetUrl)).text();
    const config = embeddedConfig(html);
    expect(config.allowedOrigin).toBe(APP_ORIGIN);
    expect(config.connectors).toHaveLength(catalog.connectors.length);
    expect(config.connectors.find((c) => c.name === "github")).toMatchObject({ displayName: "GitHub", definitionId: GITHUB });
    expect(html).toContain('"connector-option-" + c.name');
    for (const text of [
      "auth_token_request",
      "CLOSE_DIALOG",
      "end_user_action_result",
      "source_created",
      "source_create_error",
      "scopedAuthToken",
    ]) {
      expect(html).toContain(text);
    }
  });

  it.each(["http://localhost:5173/", "*.example.com", "localhost:5173"])("answers 400 for the invalid allowedOrigin %s", async (origin) => {
    const url = new URL(widgetUrl);
    url.searchParams.set("allowedOrigin", origin);
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("answers 400 without a workspaceId", async () => {
    const url = new URL(widgetUrl);
    url.searchParams.delete("workspaceId");
    expect((await fetch(url)).status).toBe(400);
  });
});

describe("a widget token is a scoped token for its workspace", () => {
  let widget: string;
  let foreignConnector: string;
  beforeAll(async () => {
    widget = (await h.widgetToken("default", APP_ORIGIN, app)).token;
    await h.scopedToken("other-tenant", app);
    const created = await h.api("POST", CONNECTORS, {
      token: app,
      body: { workspace_name: "other-tenant", definition_id: GITHUB, credentials: { token: "t" }, replication_config: GITHUB_CONFIG },
    });
    expect(created.status).toBe(200);
    foreignConnector = created.body.id;
  });

  const appList = async (workspace: string) =>
    (await h.api("GET", CONNECTORS, { token: app, query: { workspace_name: workspace } })).body.data.map((c: { id: string }) => c.id);

  it("C1: lists its workspace", async () => {
    const res = await h.api("GET", CONNECTORS, { token: widget, query: { workspace_name: "default" } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { id: string }) => c.id)).toEqual(await appList("default"));
  });

  it("C2: creates in its workspace, and the connector is stored there", async () => {
    const res = await h.api("POST", CONNECTORS, {
      token: widget,
      headers: { origin: APP_ORIGIN },
      body: {
        workspace_name: "default",
        definition_id: GITHUB,
        name: "From the widget",
        credentials: { token: "t" },
        replication_config: GITHUB_CONFIG,
      },
    });
    expect(res.status).toBe(200);
    expect(acao(res)).toBe(APP_ORIGIN);
    expect(await appList("default")).toContain(res.body.id);
    expect(await appList("other-tenant")).not.toContain(res.body.id);
  });

  it("C2 from the emulator's own widget page: its origin is accepted as well as the allowed one", async () => {
    const res = await h.api("POST", CONNECTORS, {
      token: widget,
      headers: { origin: new URL(h.emu.url).origin },
      body: {
        workspace_name: "default",
        definition_id: GITHUB,
        name: "From the widget page",
        credentials: { token: "t" },
        replication_config: GITHUB_CONFIG,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await appList("default")).toContain(res.body.id);
    // Same-origin: the page needs no CORS header.
    expect(acao(res)).toBeNull();
  });

  it("C6: executes on its workspace's connectors", async () => {
    const demo = await h.demoConnectors(app);
    const res = await h.api("POST", `${CONNECTORS}/${demo.linear}/execute`, {
      token: widget,
      body: { entity: "issues", action: "list", params: { first: 3 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toHaveLength(3);
  });

  it("is refused on another workspace (403)", async () => {
    expect((await h.api("GET", CONNECTORS, { token: widget, query: { workspace_name: "other-tenant" } })).status).toBe(403);
    expect((await h.api("GET", `${CONNECTORS}/${foreignConnector}`, { token: widget })).status).toBe(403);
    const run = await h.api("POST", `${CONNECTORS}/${foreignConnector}/execute`, {
      token: widget,
      body: { entity: "repositories", action: "list", params: { username: "octocat" } },
    });
    expect(run.status).toBe(403);
    const create = await h.api("POST", CONNECTORS, {
      token: widget,
      body: { workspace_name: "other-tenant", definition_id: GITHUB, credentials: { token: "t" }, replication_config: GITHUB_CONFIG },
    });
    expect(create.status).toBe(403);
    expect(await appList("other-tenant")).toEqual([foreignConnector]);
  });

  it("is refused on application-only endpoints (403)", async () => {
    const demo = await h.demoConnectors(app);
    expect((await h.api("PUT", `${CONNECTORS}/${demo.github}`, { token: widget, body: { name: "x" } })).status).toBe(403);
    expect((await h.api("GET", "/api/v1/workspaces", { token: widget })).status).toBe(403);
  });
});
