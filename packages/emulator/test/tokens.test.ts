import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../src/node.js";
import { assertConforms } from "./helpers/conformance.js";
import { type ApiCall, type ApiResponse, useEmulator } from "./helpers/emulator.js";

// A1-A4: application, scoped and widget tokens (api-notes §2, §3, §7), and multi-organization routing (§1, §9.1).

const h = useEmulator();

const TOKEN = "/api/v1/account/applications/token";
const SCOPED = "/api/v1/account/applications/scoped-token";
const SCOPED_INFO = "/api/v1/account/applications/scoped-token/info";
const WIDGET = "/api/v1/account/applications/widget-token";
const SCOPE_CLAIM = "io.airbyte.auth.workspace_scope";

interface JwtClaims {
  iat: number;
  exp: number;
  sub: string;
  org_id: string;
  workspace_id?: string;
  allowed_origin?: string;
  [SCOPE_CLAIM]?: { workspace_id: string; workspace_name: string };
}

/** The payload of a JWT (base64url), unverified: the tests only read what the emulator put there. */
function claims(jwt: string): JwtClaims {
  const parts = jwt.split(".");
  expect(parts).toHaveLength(3);
  const payload = (parts[1] as string).replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, "="))) as JwtClaims;
}

/** The harness's call, against another emulator of this file: same conformance check on every JSON body. */
async function callOn(emu: RunningEmulator, method: string, path: string, call: ApiCall = {}): Promise<ApiResponse> {
  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  if (call.body !== undefined) headers.set("content-type", "application/json");
  const url = new URL(path, emu.url);
  const res = await fetch(url, { method, headers, ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }) });
  const text = await res.text();
  const body = text === "" ? undefined : JSON.parse(text);
  const operation = assertConforms(method, url.pathname, res.status, body);
  return { status: res.status, headers: res.headers, body, operation };
}

const errorCodes = (res: ApiResponse) => (res.body.errors as { error_code: string }[]).map((e) => e.error_code);
const errorFields = (res: ApiResponse) => (res.body.errors as { field: string }[]).map((e) => e.field);

async function workspaceNames(token: string): Promise<string[]> {
  const res = await h.api("GET", "/api/v1/workspaces", { token, query: { limit: 100 } });
  return res.body.data.map((w: { name: string }) => w.name);
}

async function mintWidget(token: string, body: Record<string, unknown>) {
  return h.api("POST", WIDGET, { token, body });
}

function decodeWidget(raw: string): { token: string; widgetUrl: string } {
  return JSON.parse(atob(raw)) as { token: string; widgetUrl: string };
}

/** Runs `fn` with the emulator clock moved forward, then puts it back. */
async function withClockAdvanced<T>(seconds: number, fn: () => Promise<T>): Promise<T> {
  h.emu.advanceClock(seconds);
  try {
    return await fn();
  } finally {
    h.emu.advanceClock(-seconds);
  }
}

describe("POST /account/applications/token (A1)", () => {
  it("answers the TokenResponse shape for the demo credentials", async () => {
    const res = await h.api("POST", TOKEN, { body: { client_id: h.emu.clientId, client_secret: h.emu.clientSecret } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: "bearer",
      expires_in: 900,
      organization_id: expect.any(String),
    });
    const state = await h.api("GET", "/_emulator/state");
    const demo = state.body.organizations.find((o: { name: string }) => o.name === "Demo Organization");
    expect(res.body.organization_id).toBe(demo.id);
  });

  it("issues an HS256 JWT whose exp is iat + 900 and whose org_id is the organization", async () => {
    const res = await h.api("POST", TOKEN, { body: { client_id: h.emu.clientId, client_secret: h.emu.clientSecret } });
    const header = JSON.parse(atob((res.body.access_token as string).split(".")[0] as string));
    expect(header).toMatchObject({ alg: "HS256", typ: "JWT" });
    const c = claims(res.body.access_token);
    expect(c.exp - c.iat).toBe(900);
    expect(Math.abs(c.iat - Date.now() / 1000)).toBeLessThan(60);
    expect(c.org_id).toBe(res.body.organization_id);
    expect(c.sub).toBe(h.emu.clientId);
  });

  it("answers 401 invalid_client for a wrong secret or an unknown client", async () => {
    for (const body of [
      { client_id: h.emu.clientId, client_secret: "wrong" },
      { client_id: "nobody", client_secret: h.emu.clientSecret },
    ]) {
      const res = await h.api("POST", TOKEN, { body });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        message: "Invalid client credentials",
        errors: [expect.objectContaining({ error_code: "invalid_client" })],
      });
    }
  });

  it("answers 422 naming each missing field", async () => {
    const noSecret = await h.api("POST", TOKEN, { body: { client_id: h.emu.clientId } });
    expect(noSecret.status).toBe(422);
    expect(errorFields(noSecret)).toEqual(["body.client_secret"]);
    const noId = await h.api("POST", TOKEN, { body: { client_secret: "x" } });
    expect(errorFields(noId)).toEqual(["body.client_id"]);
    const empty = await h.api("POST", TOKEN, {});
    expect(empty.status).toBe(422);
  });

  it("answers 422 naming the field and the expected type for a wrongly typed one", async () => {
    const res = await h.api("POST", TOKEN, { body: { client_id: 42, client_secret: "x" } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: "body.client_id", message: "Input should be of type string" })]);
  });
});

describe("authentication of API calls", () => {
  it("answers 401 for a missing, garbage or foreign token", async () => {
    const missing = await h.api("GET", "/api/v1/workspaces");
    expect(missing.status).toBe(401);
    expect(errorCodes(missing)).toEqual(["not_authenticated"]);

    const garbage = await h.api("GET", "/api/v1/workspaces", { token: "not.a.jwt" });
    expect(garbage.status).toBe(401);
    expect(errorCodes(garbage)).toEqual(["invalid_token"]);

    // Signed by another emulator instance: same shape, other key.
    const other = await createEmulator();
    try {
      const foreign = await callOn(other, "POST", TOKEN, { body: { client_id: other.clientId, client_secret: other.clientSecret } });
      const res = await h.api("GET", "/api/v1/workspaces", { token: foreign.body.access_token });
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(["invalid_token"]);
    } finally {
      await other.close();
    }
  });

  it("expires an application token at exactly iat + 900 on the emulator clock (advanceClock)", async () => {
    const token = await h.appToken();
    await withClockAdvanced(899, async () => {
      expect((await h.api("GET", "/api/v1/workspaces", { token })).status).toBe(200);
    });
    await withClockAdvanced(901, async () => {
      const res = await h.api("GET", "/api/v1/workspaces", { token });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe("Token has expired");
      expect(errorCodes(res)).toEqual(["token_expired"]);
    });
  });

  it("expires a scoped token after 20 minutes, moved through POST /_emulator/clock", async () => {
    const scoped = await h.scopedToken("expiring");
    expect((await h.api("GET", SCOPED_INFO, { token: scoped })).status).toBe(200);
    const moved = await h.api("POST", "/_emulator/clock", { body: { advanceSeconds: 1201 } });
    expect(moved.status).toBe(200);
    expect(moved.body.offset_ms).toBeGreaterThanOrEqual(1_201_000);
    try {
      const res = await h.api("GET", SCOPED_INFO, { token: scoped });
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(["token_expired"]);
    } finally {
      await h.api("POST", "/_emulator/clock", { body: { advanceSeconds: -1201 } });
    }
  });

  it("keeps token kinds apart: a scoped token is refused on an application endpoint and vice versa", async () => {
    const app = await h.appToken();
    const scoped = await h.scopedToken("kinds", app);
    const asScoped = await h.api("GET", "/api/v1/workspaces", { token: scoped });
    expect(asScoped.status).toBe(403);
    expect(errorCodes(asScoped)).toEqual(["token_scope"]);
    const asApp = await h.api("GET", SCOPED_INFO, { token: app });
    expect(asApp.status).toBe(403);
    // A scoped token cannot mint more tokens.
    expect((await h.api("POST", SCOPED, { token: scoped, body: { workspace_name: "kinds-2" } })).status).toBe(403);
    expect(await workspaceNames(app)).not.toContain("kinds-2");
  });
});

describe("tokenTtlSeconds and scopedTokenTtlSeconds options", () => {
  let short: RunningEmulator;
  beforeAll(async () => {
    short = await createEmulator({ tokenTtlSeconds: 5, scopedTokenTtlSeconds: 30 });
  });
  afterAll(async () => {
    await short?.close();
  });

  it("sets expires_in and the JWT exp from the options, and expires on that emulator's clock", async () => {
    const res = await callOn(short, "POST", TOKEN, { body: { client_id: short.clientId, client_secret: short.clientSecret } });
    expect(res.body.expires_in).toBe(5);
    const c = claims(res.body.access_token);
    expect(c.exp - c.iat).toBe(5);

    const scoped = await callOn(short, "POST", SCOPED, { token: res.body.access_token, body: { workspace_name: "ttl" } });
    const sc = claims(scoped.body.token);
    expect(sc.exp - sc.iat).toBe(30);

    short.advanceClock(6);
    const expired = await callOn(short, "GET", "/api/v1/workspaces", { token: res.body.access_token });
    expect(expired.status).toBe(401);
    expect(errorCodes(expired)).toEqual(["token_expired"]);
    // The scoped token (30 s) is still good; h's clock never moved.
    expect((await callOn(short, "GET", SCOPED_INFO, { token: scoped.body.token })).status).toBe(200);
  });
});

describe("POST /account/applications/scoped-token (A2) and GET /scoped-token/info (A3)", () => {
  it("creates the workspace on first mint and reuses it afterwards", async () => {
    const app = await h.appToken();
    expect(await workspaceNames(app)).not.toContain("tenant-a2");
    const first = await h.api("POST", SCOPED, { token: app, body: { workspace_name: "tenant-a2" } });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(["token"]);
    expect((await workspaceNames(app)).filter((n) => n === "tenant-a2")).toHaveLength(1);

    const second = await h.api("POST", SCOPED, { token: app, body: { workspace_name: "tenant-a2" } });
    expect(claims(second.body.token).workspace_id).toBe(claims(first.body.token).workspace_id);
    expect((await workspaceNames(app)).filter((n) => n === "tenant-a2")).toHaveLength(1);
  });

  it("issues a JWT with the workspace scope claim and a 20-minute lifetime", async () => {
    const app = await h.appToken();
    const token = await h.scopedToken("tenant-claims", app);
    const c = claims(token);
    expect(c.exp - c.iat).toBe(1200);
    const [ws] = (await h.api("GET", "/api/v1/workspaces", { token: app, query: { name_contains: "tenant-claims" } })).body.data;
    expect(c[SCOPE_CLAIM]).toEqual({ workspace_id: ws.id, workspace_name: "tenant-claims" });
  });

  it("GET /scoped-token/info names the token's organization and workspace", async () => {
    const app = await h.api("POST", TOKEN, { body: { client_id: h.emu.clientId, client_secret: h.emu.clientSecret } });
    const scoped = await h.scopedToken("tenant-info", app.body.access_token);
    const info = await h.api("GET", SCOPED_INFO, { token: scoped });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      organization_id: app.body.organization_id,
      workspace_id: claims(scoped).workspace_id,
      workspace_name: "tenant-info",
    });
  });

  it("accepts a region_id and answers 422 for a missing workspace_name", async () => {
    const app = await h.appToken();
    const eu = await h.api("POST", SCOPED, {
      token: app,
      body: { workspace_name: "tenant-eu", region_id: "b9e48d61-f082-4a14-a8d0-799a907938cb" },
    });
    expect(eu.status).toBe(200);
    expect(await workspaceNames(app)).toContain("tenant-eu");

    const missing = await h.api("POST", SCOPED, { token: app, body: {} });
    expect(missing.status).toBe(422);
    expect(errorFields(missing)).toContain("body.workspace_name");
  });

  it("accepts the deprecated customer_name and external_user_id aliases", async () => {
    const app = await h.appToken();
    const viaCustomer = await h.api("POST", SCOPED, { token: app, body: { customer_name: "tenant-alias" } });
    expect(viaCustomer.status).toBe(200);
    expect(claims(viaCustomer.body.token)[SCOPE_CLAIM]?.workspace_name).toBe("tenant-alias");
    const viaExternal = await h.api("POST", SCOPED, { token: app, body: { external_user_id: "tenant-alias" } });
    expect(claims(viaExternal.body.token).workspace_id).toBe(claims(viaCustomer.body.token).workspace_id);
    expect((await workspaceNames(app)).filter((n) => n === "tenant-alias")).toHaveLength(1);
  });
});

describe("POST /account/applications/widget-token (A4)", () => {
  it("wraps a scoped JWT and a widget URL naming the workspace and origin, as base64 JSON", async () => {
    const app = await h.appToken();
    const res = await mintWidget(app, { workspace_name: "tenant-widget", allowed_origin: "https://yourapp.com" });
    expect(res.status).toBe(200);
    const decoded = decodeWidget(res.body.token);
    expect(Object.keys(decoded).sort()).toEqual(["token", "widgetUrl"]);

    const url = new URL(decoded.widgetUrl);
    expect(url.pathname).toBe("/quick-start/widget");
    const info = await h.api("GET", SCOPED_INFO, { token: decoded.token });
    expect(info.body.workspace_name).toBe("tenant-widget");
    expect(url.searchParams.get("workspaceId")).toBe(info.body.workspace_id);
    expect(url.searchParams.get("allowedOrigin")).toBe("https://yourapp.com");

    const c = claims(decoded.token);
    expect(c.exp - c.iat).toBe(1200);
    expect(c.allowed_origin).toBe("https://yourapp.com");
    expect(await workspaceNames(app)).toContain("tenant-widget");
  });

  it("carries the source and connection template tag filters into the widget URL", async () => {
    const res = await mintWidget(await h.appToken(), {
      workspace_name: "tenant-widget",
      allowed_origin: "http://localhost:3000",
      selected_source_template_tags: ["crm", "sales"],
      selected_source_template_tags_mode: "all",
      selected_connection_template_tags: ["eu"],
    });
    const params = new URL(decodeWidget(res.body.token).widgetUrl).searchParams;
    expect(params.getAll("selected_source_template_tags")).toEqual(["crm", "sales"]);
    expect(params.get("selected_source_template_tags_mode")).toBe("all");
    expect(params.getAll("selected_connection_template_tags")).toEqual(["eu"]);
    expect(params.get("allowedOrigin")).toBe("http://localhost:3000");
  });

  it.each(["https://yourapp.com", "https://yourapp.com:443", "http://localhost:3000"])("accepts the origin %s", async (origin) => {
    const res = await mintWidget(await h.appToken(), { workspace_name: "tenant-origins", allowed_origin: origin });
    expect(res.status).toBe(200);
    expect(new URL(decodeWidget(res.body.token).widgetUrl).searchParams.get("allowedOrigin")).toBe(origin);
  });

  it.each(["https://yourapp.com/", "yourapp.com", "*.yourapp.com", "https://a.com/path", "https://*.yourapp.com", "ftp://yourapp.com"])(
    "rejects the origin %s with 422 on allowed_origin",
    async (origin) => {
      const before = (await h.emu.stats()).tokenMints as { widget: number };
      const res = await mintWidget(await h.appToken(), { workspace_name: "tenant-bad-origin", allowed_origin: origin });
      expect(res.status).toBe(422);
      expect(errorFields(res)).toEqual(["body.allowed_origin"]);
      expect(((await h.emu.stats()).tokenMints as { widget: number }).widget).toBe(before.widget);
      expect(await workspaceNames(await h.appToken())).not.toContain("tenant-bad-origin");
    },
  );

  it("answers 422 naming allowed_origin and workspace_name when they are missing", async () => {
    const app = await h.appToken();
    const noOrigin = await mintWidget(app, { workspace_name: "tenant-widget" });
    expect(noOrigin.status).toBe(422);
    expect(errorFields(noOrigin)).toContain("body.allowed_origin");
    const noName = await mintWidget(app, { allowed_origin: "https://yourapp.com" });
    expect(noName.status).toBe(422);
    expect(errorFields(noName)).toContain("body.workspace_name");
  });

  it("accepts the deprecated customer_name alias", async () => {
    const res = await mintWidget(await h.appToken(), { customer_name: "tenant-widget-alias", allowed_origin: "https://yourapp.com" });
    expect(res.status).toBe(200);
    const info = await h.api("GET", SCOPED_INFO, { token: decodeWidget(res.body.token).token });
    expect(info.body.workspace_name).toBe("tenant-widget-alias");
  });
});

describe("GET /_emulator/stats tokenMints", () => {
  it("counts every application, scoped and widget mint, and no failed one", async () => {
    const read = async () =>
      (await h.api("GET", "/_emulator/stats")).body.tokenMints as { application: number; scoped: number; widget: number };
    const before = await read();
    const app = await h.appToken();
    await h.appToken();
    await h.scopedToken("tenant-stats", app);
    await h.widgetToken("tenant-stats", "https://yourapp.com", app);
    await h.api("POST", TOKEN, { body: { client_id: h.emu.clientId, client_secret: "wrong" } });
    const after = await read();
    // The failed mint (wrong secret) counts nothing.
    expect(after).toEqual({ application: before.application + 2, scoped: before.scoped + 1, widget: before.widget + 1 });
  });
});

describe("multi-organization credentials (X-Organization-Id)", () => {
  let multi: RunningEmulator;
  const orgs: Record<string, string> = {};
  const credentials = { client_id: "multi-client", client_secret: "multi-secret" };

  beforeAll(async () => {
    multi = await createEmulator({
      control: true,
      applications: [
        {
          clientId: credentials.client_id,
          clientSecret: credentials.client_secret,
          organizations: [
            { name: "A", role: "owner" },
            { name: "B", role: "member" },
          ],
        },
      ],
    });
    const state = await callOn(multi, "GET", "/_emulator/state");
    for (const org of state.body.organizations as { id: string; name: string }[]) orgs[org.name] = org.id;
  });
  afterAll(async () => {
    await multi?.close();
  });

  const mint = (organizationId?: string) =>
    callOn(multi, "POST", TOKEN, { body: credentials, ...(organizationId ? { headers: { "x-organization-id": organizationId } } : {}) });

  it("answers 400 'specify target organization' without the header", async () => {
    const res = await mint();
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("specify target organization");
  });

  it("mints for the organization the header names", async () => {
    for (const name of ["A", "B"]) {
      const res = await mint(orgs[name]);
      expect(res.status).toBe(200);
      expect(res.body.organization_id).toBe(orgs[name]);
      expect(claims(res.body.access_token).org_id).toBe(orgs[name]);
    }
  });

  it("refuses a token for A used with X-Organization-Id of B (403), and an organization the app is not in", async () => {
    const tokenA = (await mint(orgs.A)).body.access_token;
    const ok = await callOn(multi, "GET", "/api/v1/workspaces", { token: tokenA, headers: { "x-organization-id": orgs.A as string } });
    expect(ok.status).toBe(200);
    const crossed = await callOn(multi, "GET", "/api/v1/workspaces", { token: tokenA, headers: { "x-organization-id": orgs.B as string } });
    expect(crossed.status).toBe(403);
    expect(errorCodes(crossed)).toEqual(["organization_mismatch"]);

    const foreign = await mint(orgs["Demo Organization"]);
    expect(foreign.status).toBe(403);
  });

  it("keeps the demo application (one organization) working without the header", async () => {
    const res = await callOn(multi, "POST", TOKEN, { body: { client_id: multi.clientId, client_secret: multi.clientSecret } });
    expect(res.status).toBe(200);
    expect(res.body.organization_id).toBe(orgs["Demo Organization"]);
  });
});
