import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/options.js";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";

// W1-W5 (workspaces) and G1-G6 (organizations, roles, explicit creation, icons, navigation; api-notes §12).

/** One organization shared by four applications, one per role. */
const TEAM_ORG = "7a1e0c52-3f0e-4b8e-9a53-1d2c3b4a5f60";
const ROLES: Role[] = ["owner", "admin", "member", "billing_admin"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

const h = useEmulator({
  applications: ROLES.map((role) => ({
    clientId: `team-${role}`,
    clientSecret: `secret-${role}`,
    organizations: [{ id: TEAM_ORG, name: "Team", role }],
  })),
});

let token: string;
beforeAll(async () => {
  token = await h.appToken();
});

interface Workspace {
  id: string;
  name: string;
  organization_id: string;
  status: "active" | "inactive";
  cache_enabled: boolean | null;
  tombstone: boolean;
}

const roleToken = (role: Role) => h.appToken(`team-${role}`, `secret-${role}`);
const errorCodes = (res: ApiResponse) => (res.body.errors as { error_code: string }[]).map((e) => e.error_code);
const errorFields = (res: ApiResponse) => (res.body.errors as { field: string }[]).map((e) => e.field);

async function createWorkspace(name: string, as = token, extra: Record<string, unknown> = {}): Promise<ApiResponse> {
  return h.api("POST", "/api/v1/workspaces", { token: as, body: { name, ...extra } });
}

async function newWorkspace(name: string, as = token): Promise<Workspace> {
  const res = await createWorkspace(name, as);
  expect(res.status).toBe(200);
  return res.body as Workspace;
}

async function list(
  query: Record<string, string | number> = {},
  as = token,
): Promise<ApiResponse<{ next: string | null; data: Workspace[] }>> {
  return h.api("GET", "/api/v1/workspaces", { token: as, query });
}

const getWorkspace = (id: string, as = token) => h.api<Workspace>("GET", `/api/v1/workspaces/${id}`, { token: as });
const putWorkspace = (id: string, body: Record<string, unknown>, as = token) =>
  h.api<Workspace>("PUT", `/api/v1/workspaces/${id}`, { token: as, body });
const deleteWorkspace = (id: string, as = token) => h.api("DELETE", `/api/v1/workspaces/${id}`, { token: as });
const stats = async (as = token) => (await h.api("GET", "/api/v1/workspaces/stats", { token: as })).body;

/** The stored workspace as the control API sees it, tombstones included. */
async function stored(id: string): Promise<Workspace | undefined> {
  const state = await h.api("GET", "/_emulator/state");
  return (state.body.workspaces as Workspace[]).find((w) => w.id === id);
}

describe("GET /api/v1/workspaces (W1)", () => {
  const names = ["page-1", "page-2", "page-3", "page-4", "page-5"];
  beforeAll(async () => {
    for (const name of names) await newWorkspace(name);
  });

  it("pages with limit and a next URL that the client follows to the end", async () => {
    const seen: string[] = [];
    let res = await list({ name_contains: "page-", limit: 2 });
    let pages = 1;
    expect(res.body.data).toHaveLength(2);
    while (res.body.next) {
      const next = new URL(res.body.next);
      expect(next.origin).toBe(h.emu.url);
      expect(next.searchParams.get("name_contains")).toBe("page-");
      seen.push(...res.body.data.map((w) => w.name));
      res = await h.api("GET", res.body.next, { token });
      expect(res.status).toBe(200);
      pages++;
    }
    seen.push(...res.body.data.map((w) => w.name));
    expect(pages).toBe(3);
    // Every workspace exactly once, in the order of the unpaged list.
    const unpaged = await list({ name_contains: "page-", limit: 100 });
    expect(seen).toEqual(unpaged.body.data.map((w) => w.name));
    expect([...seen].sort()).toEqual(names);
  });

  it("returns everything on one page with next null when it fits", async () => {
    const res = await list({ name_contains: "page-", limit: 5 });
    expect(res.body.next).toBeNull();
    expect(res.body.data.map((w) => w.name).sort()).toEqual(names);
  });

  it("filters by name_contains", async () => {
    expect((await list({ name_contains: "page-3" })).body.data.map((w) => w.name)).toEqual(["page-3"]);
    expect((await list({ name_contains: "no-such-workspace" })).body.data).toEqual([]);
  });

  it("filters by status", async () => {
    const ws = await newWorkspace("status-filter");
    await putWorkspace(ws.id, { status: "inactive" });
    const inactive = (await list({ status: "inactive", limit: 100 })).body.data.map((w) => w.id);
    const active = (await list({ status: "active", limit: 100 })).body.data.map((w) => w.id);
    expect(inactive).toContain(ws.id);
    expect(active).not.toContain(ws.id);
    expect(active).toContain((await list({ name_contains: "page-1" })).body.data[0]?.id);
  });

  it.each([
    ["limit", "0"],
    ["limit", "101"],
    ["limit", "ten"],
    ["status", "archived"],
  ])("answers 422 for %s=%s", async (key, value) => {
    const res = await list({ [key]: value });
    expect(res.status).toBe(422);
    expect(errorFields(res)).toEqual([`query.${key}`]);
  });

  it("lists only the caller's organization", async () => {
    const team = await newWorkspace("team-only", await roleToken("owner"));
    expect((await list({ limit: 100 })).body.data.map((w) => w.id)).not.toContain(team.id);
    expect((await list({ limit: 100 }, await roleToken("member"))).body.data.map((w) => w.id)).toContain(team.id);
  });
});

describe("GET /api/v1/workspaces/stats (W2)", () => {
  it("counts active, inactive and total live workspaces", async () => {
    const before = await stats();
    const a = await newWorkspace("stats-a");
    const b = await newWorkspace("stats-b");
    await putWorkspace(b.id, { status: "inactive" });
    expect(await stats()).toEqual({
      active_count: before.active_count + 1,
      inactive_count: before.inactive_count + 1,
      total_count: before.total_count + 2,
    });
    await deleteWorkspace(a.id);
    expect((await stats()).total_count).toBe(before.total_count + 1);
    const all = (await list({ limit: 100 })).body.data;
    const after = await stats();
    expect(after.total_count).toBe(all.length);
    expect(after.active_count).toBe(all.filter((w) => w.status === "active").length);
  });
});

describe("GET /api/v1/workspaces/{workspace_id} (W3)", () => {
  it("returns the workspace", async () => {
    const ws = await newWorkspace("w3");
    const res = await getWorkspace(ws.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ws.id, name: "w3", status: "active", tombstone: false, organization_id: ws.organization_id });
  });

  it("answers 422 for a non-UUID id and 404 for an unknown or foreign one", async () => {
    const bad = await getWorkspace("not-a-uuid");
    expect(bad.status).toBe(422);
    expect(errorFields(bad)).toEqual(["path.workspace_id"]);
    expect((await getWorkspace(UNKNOWN_ID)).status).toBe(404);
    const foreign = await newWorkspace("foreign", await roleToken("owner"));
    expect((await getWorkspace(foreign.id)).status).toBe(404);
  });
});

describe("PUT /api/v1/workspaces/{workspace_id} (W4)", () => {
  it("updates name, status and cache_enabled, and stores them", async () => {
    const ws = await newWorkspace("w4");
    const res = await putWorkspace(ws.id, { name: "w4-renamed", status: "inactive", cache_enabled: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "w4-renamed", status: "inactive", cache_enabled: true });
    expect((await getWorkspace(ws.id)).body).toMatchObject({ name: "w4-renamed", status: "inactive", cache_enabled: true });
    // Omitted fields keep their values.
    await putWorkspace(ws.id, { status: "active" });
    expect((await getWorkspace(ws.id)).body).toMatchObject({ name: "w4-renamed", status: "active", cache_enabled: true });
  });

  it("refuses a name another live workspace has (400) and a bad status (422), changing nothing", async () => {
    const ws = await newWorkspace("w4-taken-a");
    await newWorkspace("w4-taken-b");
    const clash = await putWorkspace(ws.id, { name: "w4-taken-b" });
    expect(clash.status).toBe(400);
    const badStatus = await putWorkspace(ws.id, { status: "archived" });
    expect(badStatus.status).toBe(422);
    expect(errorFields(badStatus)).toContain("body.status");
    expect((await getWorkspace(ws.id)).body).toMatchObject({ name: "w4-taken-a", status: "active" });
  });

  it("answers 422 for a non-UUID id and 404 for an unknown one", async () => {
    expect((await putWorkspace("nope", { name: "x" })).status).toBe(422);
    expect((await putWorkspace(UNKNOWN_ID, { name: "x" })).status).toBe(404);
  });
});

describe("DELETE /api/v1/workspaces/{workspace_id} (W5)", () => {
  it("soft-deletes: hidden from list, get and connectors, kept as a tombstone", async () => {
    const ws = await newWorkspace("w5");
    const res = await deleteWorkspace(ws.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: ws.id, deleted_at: expect.any(String) });
    expect((await list({ name_contains: "w5" })).body.data).toEqual([]);
    expect((await getWorkspace(ws.id)).status).toBe(404);
    expect((await deleteWorkspace(ws.id)).status).toBe(404);
    expect((await h.api("GET", "/api/v1/integrations/connectors", { token, query: { workspace_name: "w5" } })).status).toBe(404);
    expect(await stored(ws.id)).toMatchObject({ name: "w5", tombstone: true });
  });

  it("frees the name: a new workspace can take it", async () => {
    const old = await newWorkspace("w5-reuse");
    await deleteWorkspace(old.id);
    const again = await newWorkspace("w5-reuse");
    expect(again.id).not.toBe(old.id);
  });

  it("answers 422 for a non-UUID id", async () => {
    expect((await deleteWorkspace("nope")).status).toBe(422);
  });
});

describe("the rename footgun (api-notes §9.2)", () => {
  it("after a rename, minting under the old name creates a new, empty workspace", async () => {
    const scoped = await h.scopedToken("footgun-old", token);
    const original = (await h.api("GET", "/api/v1/account/applications/scoped-token/info", { token: scoped })).body.workspace_id as string;
    const created = await h.api("POST", "/api/v1/integrations/connectors", {
      token,
      body: { workspace_name: "footgun-old", connector_type: "Linear", credentials: { api_key: "k" } },
    });
    expect(created.status).toBe(200);

    await putWorkspace(original, { name: "footgun-new" });
    expect((await h.api("GET", "/api/v1/integrations/connectors", { token, query: { workspace_name: "footgun-old" } })).status).toBe(404);

    const again = await h.scopedToken("footgun-old", token);
    const fresh = (await h.api("GET", "/api/v1/account/applications/scoped-token/info", { token: again })).body.workspace_id as string;
    expect(fresh).not.toBe(original);
    const connectors = (name: string) => h.api("GET", "/api/v1/integrations/connectors", { token, query: { workspace_name: name } });
    expect((await connectors("footgun-old")).body.data).toEqual([]);
    expect((await connectors("footgun-new")).body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });
});

describe("roles (api-notes §12)", () => {
  let target: Workspace;
  beforeAll(async () => {
    target = await newWorkspace("role-target", await roleToken("owner"));
  });

  it.each(["member", "billing_admin"] as const)("%s may read but gets 403 on PUT, DELETE and POST /workspaces", async (role) => {
    const as = await roleToken(role);
    expect((await getWorkspace(target.id, as)).status).toBe(200);

    const put = await putWorkspace(target.id, { name: `by-${role}` }, as);
    expect(put.status).toBe(403);
    expect(errorCodes(put)).toEqual(["insufficient_role"]);
    expect((await deleteWorkspace(target.id, as)).status).toBe(403);
    const post = await createWorkspace(`by-${role}`, as);
    expect(post.status).toBe(403);

    // Nothing changed.
    expect((await getWorkspace(target.id, as)).body).toMatchObject({ name: "role-target", tombstone: false });
    expect((await list({ name_contains: `by-${role}` }, as)).body.data).toEqual([]);
  });

  it("member cannot create a workspace by minting a token for a new name either", async () => {
    const res = await h.api("POST", "/api/v1/account/applications/scoped-token", {
      token: await roleToken("member"),
      body: { workspace_name: "minted-by-member" },
    });
    expect(res.status).toBe(403);
    expect((await list({ name_contains: "minted-by-member" }, await roleToken("owner"))).body.data).toEqual([]);
  });

  it("admin may create, update and delete", async () => {
    const as = await roleToken("admin");
    const ws = await newWorkspace("by-admin", as);
    expect(ws.organization_id).toBe(TEAM_ORG);
    expect((await putWorkspace(ws.id, { name: "by-admin-renamed" }, as)).status).toBe(200);
    expect((await getWorkspace(ws.id, as)).body.name).toBe("by-admin-renamed");
    expect((await deleteWorkspace(ws.id, as)).status).toBe(200);
    expect((await stored(ws.id))?.tombstone).toBe(true);
  });
});

describe("organizations (G1-G3)", () => {
  it("POST /organizations creates one the caller owns, listed by /organizations/mine", async () => {
    const res = await h.api("POST", "/api/v1/organizations", { token, body: { name: "Acme Robotics" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), name: "Acme Robotics", slug: "acme-robotics", created_at: expect.any(Number) });
    expect(Math.abs(res.body.created_at - Date.now() / 1000)).toBeLessThan(60);

    const mine = await h.api("GET", "/api/v1/organizations/mine", { token });
    expect(mine.body.data.map((o: { id: string }) => o.id)).toContain(res.body.id);
    const access = await h.api("GET", `/api/v1/organizations/${res.body.id}/access`, { token });
    expect(access.body).toEqual({ role: "owner", is_admin: true, can_manage_billing: true });

    // A second one with the same name gets its own slug.
    const twin = await h.api("POST", "/api/v1/organizations", { token, body: { name: "Acme Robotics" } });
    expect(twin.body.slug).toBe("acme-robotics-2");
    expect((await h.api("POST", "/api/v1/organizations", { token, body: {} })).status).toBe(422);
  });

  it.each([
    ["owner", true, true],
    ["admin", true, false],
    ["member", false, false],
    ["billing_admin", false, true],
  ] as const)("GET /organizations/{id}/access for %s", async (role, isAdmin, canManageBilling) => {
    const res = await h.api("GET", `/api/v1/organizations/${TEAM_ORG}/access`, { token: await roleToken(role) });
    expect(res.body).toEqual({ role, is_admin: isAdmin, can_manage_billing: canManageBilling });
  });

  it("GET /organizations/{id}/access answers 403 outside the caller's organizations and 422 for a non-UUID", async () => {
    expect((await h.api("GET", `/api/v1/organizations/${TEAM_ORG}/access`, { token })).status).toBe(403);
    expect((await h.api("GET", "/api/v1/organizations/acme/access", { token })).status).toBe(422);
  });
});

describe("POST /api/v1/workspaces (G4)", () => {
  it("creates a workspace in the caller's default organization, with slug and organization names", async () => {
    const res = await createWorkspace("Marketing Team");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: "Marketing Team",
      slug: "marketing-team",
      organization_name: "Demo Organization",
      organization_slug: "demo-organization",
      status: "active",
      tombstone: false,
      icon_url: null,
    });
    expect((await getWorkspace(res.body.id)).body.name).toBe("Marketing Team");
  });

  it("creates in another organization named by organization_id", async () => {
    const org = (await h.api("POST", "/api/v1/organizations", { token, body: { name: "Side Project" } })).body;
    const res = await createWorkspace("side", token, { organization_id: org.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organization_id: org.id, organization_name: "Side Project" });
    expect(await stored(res.body.id)).toMatchObject({ organization_id: org.id, tombstone: false });
  });

  it("answers 422 without a name and 400 for a duplicate name or a foreign organization", async () => {
    const noName = await createWorkspace("");
    expect(noName.status).toBe(422);
    expect(errorFields(noName)).toEqual(["body.name"]);
    await newWorkspace("g4-dup");
    expect((await createWorkspace("g4-dup")).status).toBe(400);
    expect((await list({ name_contains: "g4-dup" })).body.data).toHaveLength(1);
    expect((await createWorkspace("g4-foreign", token, { organization_id: TEAM_ORG })).status).toBe(400);
  });
});

describe("POST /api/v1/workspaces/icon-upload-url (G5)", () => {
  it("stores PUT bytes and serves them at the icon_url of the workspace created with icon_storage_id", async () => {
    const upload = await h.api("POST", "/api/v1/workspaces/icon-upload-url", { token });
    expect(upload.status).toBe(200);
    expect(upload.body).toEqual({ upload_url: expect.any(String), storage_id: expect.any(String) });

    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const put = await fetch(upload.body.upload_url, { method: "PUT", body: bytes, headers: { "content-type": "image/png" } });
    expect(put.status).toBe(200);

    const ws = await createWorkspace("with-icon", token, { icon_storage_id: upload.body.storage_id });
    expect(ws.status).toBe(200);
    expect(ws.body.icon_url).toEqual(expect.any(String));
    const icon = await fetch(ws.body.icon_url);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await icon.arrayBuffer())).toEqual(bytes);
  });

  it("answers 400 for an icon_storage_id with nothing uploaded", async () => {
    const upload = await h.api("POST", "/api/v1/workspaces/icon-upload-url", { token });
    const res = await createWorkspace("icon-missing", token, { icon_storage_id: upload.body.storage_id });
    expect(res.status).toBe(400);
    expect((await list({ name_contains: "icon-missing" })).body.data).toEqual([]);
  });
});

describe("GET /api/v1/account/navigation-state (G6)", () => {
  it("names the default organization and workspace, and everything the caller can reach", async () => {
    const res = await h.api("GET", "/api/v1/account/navigation-state", { token });
    expect(res.status).toBe(200);
    expect(res.body.organization.name).toBe("Demo Organization");
    expect(res.body.workspace.name).toBe("default");
    const orgNames = res.body.organizations.map((o: { name: string }) => o.name);
    expect(orgNames).toContain("Demo Organization");
    expect(orgNames).toContain("Acme Robotics");
    const wsNames = res.body.workspaces.map((w: { name: string }) => w.name);
    expect(wsNames).toContain("default");
    expect(wsNames).toContain("side");
    // Soft-deleted workspaces and other organizations' workspaces are out.
    expect(wsNames).not.toContain("w5");
    expect(wsNames).not.toContain("role-target");
  });

  it("for a team member: the team organization and its workspaces", async () => {
    const res = await h.api("GET", "/api/v1/account/navigation-state", { token: await roleToken("member") });
    expect(res.body.organization.id).toBe(TEAM_ORG);
    expect(res.body.organizations.map((o: { id: string }) => o.id)).toEqual([TEAM_ORG]);
    expect(res.body.workspaces.every((w: Workspace) => w.organization_id === TEAM_ORG)).toBe(true);
    expect(res.body.workspaces.map((w: Workspace) => w.name)).toContain("role-target");
  });
});
