// A clock ahead of the server's makes a fresh token's `exp` look past. Application tokens already ignore such an
// `exp`; scoped and widget tokens now do too, instead of minting (or calling getToken) on every call.
import { describe, expect, it, vi } from "vitest";
import { createWidgetClient } from "../../src/browser";
import { createClient } from "../../src/index";

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwtAt = (expSeconds: number, extra: Record<string, unknown> = {}) =>
  `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ exp: expSeconds, ...extra })}.c2ln`;
const nowS = () => Math.floor(Date.now() / 1000);

describe("a token whose exp is already past on this clock", () => {
  it("widget client: getToken is called once, not on every call", async () => {
    const getToken = vi.fn(async () => jwtAt(nowS() - 60, { "io.airbyte.auth.workspace_scope": { workspace_id: "w" } }));
    const browser = createWidgetClient({ getToken, fetch: async () => new Response("{}") });
    await browser.token();
    await browser.token();
    await browser.token();
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it("server client: a scoped token is minted once, as the application token is", async () => {
    let scopedMints = 0;
    let appMints = 0;
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith("/account/applications/token")) {
        appMints++;
        return Response.json({ access_token: jwtAt(nowS() - 60), expires_in: 3600, token_type: "Bearer", organization_id: null });
      }
      if (url.endsWith("/account/applications/scoped-token")) {
        scopedMints++;
        return Response.json({ token: jwtAt(nowS() - 60) });
      }
      return new Response("{}", { status: 404 });
    });
    const airbyte = createClient({
      baseUrl: "https://api.example.test",
      clientId: "id",
      clientSecret: "secret-123456",
      fetch,
      logLevel: "off",
    });
    for (let i = 0; i < 3; i++) await airbyte.tokens.scoped({ workspaceName: "acme" });
    expect(appMints).toBe(1);
    expect(scopedMints).toBe(1);
  });
});
