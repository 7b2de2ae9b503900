import { describe, expect, it } from "vitest";
import { useEmulator } from "./helpers/emulator.js";

// GET /api/v1/organizations/{organization_id}/workos (preview): resolveWorkosOrganizationId of the API docs'
// organizations page, seeded from the options (src/routes/workos.ts).

const BY_ID = "6f1c1a52-2b0c-4f59-9a57-0c6c2f6e9d11";

const h = useEmulator({
  applications: [
    {
      clientId: "entry-app",
      clientSecret: "entry-app-secret",
      organizations: [{ name: "Entry Org", role: "member", workosOrganizationId: "org_01HENTRY" }],
    },
    { clientId: "id-app", clientSecret: "id-app-secret", organizations: [{ id: BY_ID, name: "Id Org", role: "owner" }] },
    { clientId: "plain-app", clientSecret: "plain-app-secret", organizations: [{ name: "constructor", role: "owner" }] },
  ],
  workosOrganizationIds: { "Demo Organization": "org_01HDEMO", [BY_ID]: "org_01HBYID", "Entry Org": "org_01HIGNORED" },
});

const workos = (id: string, token: string) => h.api("GET", `/api/v1/organizations/${id}/workos`, { token });

async function orgIdOf(name: string): Promise<string> {
  const state = await h.api("GET", "/_emulator/state");
  return state.body.organizations.find((o: { name: string }) => o.name === name).id;
}

describe("GET /organizations/{organization_id}/workos", () => {
  it("answers the WorkOS id keyed by organization name, by organization id, or on the application's entry (which wins)", async () => {
    const demo = await workos(await orgIdOf("Demo Organization"), await h.appToken());
    expect(demo).toMatchObject({ status: 200, body: { workos_organization_id: "org_01HDEMO" } });
    expect((await workos(BY_ID, await h.appToken("id-app", "id-app-secret"))).body).toEqual({ workos_organization_id: "org_01HBYID" });
    const entry = await workos(await orgIdOf("Entry Org"), await h.appToken("entry-app", "entry-app-secret"));
    expect(entry.body).toEqual({ workos_organization_id: "org_01HENTRY" });
  });

  it("answers null for an organization with none, also when it is named like an Object property", async () => {
    const token = await h.appToken("plain-app", "plain-app-secret");
    expect((await workos(await orgIdOf("constructor"), token)).body).toEqual({ workos_organization_id: null });
    const created = await h.api("POST", "/api/v1/organizations", { token, body: { name: "Later Org" } });
    expect((await workos(created.body.id, token)).body).toEqual({ workos_organization_id: null });
  });

  it("keeps the link across a reset", async () => {
    expect((await h.api("POST", "/_emulator/reset")).status).toBe(200);
    expect((await workos(await orgIdOf("Demo Organization"), await h.appToken())).body.workos_organization_id).toBe("org_01HDEMO");
  });

  it("is a 403 for an organization the caller is not in, known or not, and a 422 for a non-UUID", async () => {
    const token = await h.appToken();
    for (const id of [BY_ID, crypto.randomUUID()]) {
      const res = await workos(id, token);
      expect(res.status).toBe(403);
      expect(res.body.errors[0].error_code).toBe("organization_forbidden");
    }
    const bad = await workos("acme", token);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe("path.organization_id");
  });

  it("takes an application token only", async () => {
    const scoped = await h.scopedToken("default");
    const res = await workos(await orgIdOf("Demo Organization"), scoped);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].error_code).toBe("token_scope");
    expect((await h.api("GET", `/api/v1/organizations/${BY_ID}/workos`)).status).toBe(401);
  });
});
