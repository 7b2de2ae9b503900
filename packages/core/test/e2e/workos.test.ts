// client.admin.resolveWorkosOrganizationId (preview) through the public API, against the emulator over HTTP:
// an organization id to its WorkOS organization id, or null; a bad id is refused before any request.
import { describe, expect, it } from "vitest";
import { PermissionDeniedError, ValidationError } from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const linked = { clientId: "workos-app", clientSecret: "workos-app-secret-0001" };
const plain = { clientId: "plain-app", clientSecret: "plain-app-secret-0001" };

const h = useEmulator({
  applications: [
    { ...linked, organizations: [{ name: "Linked Org", role: "member", workosOrganizationId: "org_01HLINKEDBYENTRY" }] },
    { ...plain, organizations: [{ name: "Plain Org", role: "owner" }] },
  ],
  workosOrganizationIds: { "Demo Organization": "org_01HDEMOBYNAME" },
});

interface State {
  organizations: { id: string; name: string }[];
}
const orgId = async (name: string) => (await h.control<State>("/_emulator/state")).organizations.find((o) => o.name === name)!.id;
const requestCount = async () => (await h.control<{ requests: number }>("/_emulator/stats")).requests;

describe("admin.resolveWorkosOrganizationId (preview)", () => {
  it("answers the WorkOS organization id seeded for the organization, by application entry or by name", async () => {
    const demo = h.client();
    expect(await demo.admin.resolveWorkosOrganizationId(await orgId("Demo Organization"))).toBe("org_01HDEMOBYNAME");
    const app = h.client(linked);
    // Any role may read it: a member of the organization is enough.
    expect(await app.admin.resolveWorkosOrganizationId(await orgId("Linked Org"))).toBe("org_01HLINKEDBYENTRY");
  });

  it("answers null for an organization with no WorkOS organization, including one created later", async () => {
    const app = h.client(plain);
    expect(await app.admin.resolveWorkosOrganizationId(await orgId("Plain Org"))).toBeNull();
    const created = await app.admin.createOrganization({ name: "Fresh Org" });
    expect(await app.admin.resolveWorkosOrganizationId(created.id)).toBeNull();
  });

  it("refuses an organization the caller is not in (PermissionDeniedError), known or not", async () => {
    const app = h.client(linked);
    for (const id of [await orgId("Demo Organization"), crypto.randomUUID()]) {
      const error = await rejection(app.admin.resolveWorkosOrganizationId(id));
      expect(error).toBeInstanceOf(PermissionDeniedError);
    }
  });

  it.each([["acme"], [""], [42]])("refuses the id %j with a ValidationError before any request", async (id) => {
    const before = await requestCount();
    const error = await rejection(() => h.client().admin.resolveWorkosOrganizationId(id as string));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe("invalid_input");
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["organizationId"]);
    expect(await requestCount()).toBe(before);
  });
});
