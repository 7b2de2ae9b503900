import { beforeAll, describe, expect, it } from "vitest";
import type { FaultConfig } from "../src/faults.js";
import { createEmulator } from "../src/node.js";
import { type Harness, useEmulator } from "./helpers/emulator.js";

// Fault injection (PUT /_emulator/faults and the `faults` option) and the control API (/_emulator/*).

const h = useEmulator();

const CONNECTORS = "/api/v1/integrations/connectors";
const GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";
const GITHUB_CONFIG = { repositories: ["airbytehq/airbyte"], start_date: "2024-01-01T00:00:00Z" };

let token: string;
beforeAll(async () => {
  token = await h.appToken();
});

async function setFaults(harness: Harness, config: FaultConfig): Promise<void> {
  const res = await harness.api("PUT", "/_emulator/faults", { body: config });
  expect(res.status).toBe(200);
}

async function reset(harness: Harness = h): Promise<void> {
  expect((await harness.api("POST", "/_emulator/reset")).status).toBe(200);
}

const listConnectors = (harness: Harness = h, bearer: string = token) =>
  harness.api("GET", CONNECTORS, { token: bearer, query: { workspace_name: "default" } });

async function connectorNames(): Promise<string[]> {
  const res = await listConnectors();
  expect(res.status).toBe(200);
  return res.body.data.map((c: { name: string }) => c.name);
}

/**
 * Statuses of `count` token mints with a wrong secret: 401 unless a fault answered first. Faults fire after
 * authentication, so the pattern is taken on a route that takes no token and refuses in its handler.
 */
async function statusPattern(harness: Harness, count = 30): Promise<number[]> {
  const statuses: number[] = [];
  const body = { client_id: harness.emu.clientId, client_secret: "wrong-secret" };
  for (let i = 0; i < count; i++) statuses.push((await harness.api("POST", "/api/v1/account/applications/token", { body })).status);
  return statuses;
}

describe("scripted faults (PUT /_emulator/faults)", () => {
  it("plays the queue in order: 503, 429 with Retry-After, drop, delay, 500 after the write", async () => {
    await setFaults(h, {
      queue: [
        { status: 503 },
        { status: 429, retryAfter: 2 },
        { drop: true },
        { delayMs: 300 },
        { status: 500, afterWrite: true, match: { method: "POST", path: "/integrations/connectors" } },
      ],
    });

    const unavailable = await listConnectors(); // the harness validates the body as ApiErrorResponse
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.message).toBe("Service Unavailable");
    expect(unavailable.body.errors[0].error_code).toBe("server_error");

    const limited = await listConnectors();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.body.errors[0].error_code).toBe("rate_limited");

    const dropped = await listConnectors().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(dropped).toBeInstanceOf(TypeError); // fetch rejects: a network error, no response

    const started = performance.now();
    const slow = await listConnectors();
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(slow.status).toBe(200);

    // A GET does not match the last fault: it passes untouched.
    expect((await listConnectors()).status).toBe(200);

    const write = await h.api("POST", CONNECTORS, {
      token,
      body: {
        workspace_name: "default",
        definition_id: GITHUB,
        name: "Written despite 500",
        credentials: { token: "t" },
        replication_config: GITHUB_CONFIG,
      },
    });
    expect(write.status).toBe(500);
    expect(await connectorNames()).toContain("Written despite 500");

    // The queue is spent.
    expect((await listConnectors()).status).toBe(200);
    const faults = await h.api("GET", "/_emulator/faults");
    expect(faults.body.config.queue).toEqual([]);
    expect(faults.body.counts).toMatchObject({ "503": 1, "429": 1, drop: 1, delay: 1, "500": 1 });
  });

  it("times repeats a fault, and match limits it to matching requests", async () => {
    await setFaults(h, { queue: [{ status: 502, times: 2, match: { method: "GET", path: "/workspaces/stats" } }] });
    expect((await h.api("GET", "/api/v1/workspaces", { token })).status).toBe(200);
    expect((await h.api("GET", "/api/v1/workspaces/stats", { token })).status).toBe(502);
    expect((await h.api("GET", "/api/v1/workspaces/stats", { token })).status).toBe(502);
    expect((await h.api("GET", "/api/v1/workspaces/stats", { token })).status).toBe(200);
  });

  it("never hits /_emulator/*", async () => {
    await setFaults(h, { errorRate: 1, dropRate: 0 });
    expect((await h.api("GET", "/api/v1/workspaces", { token })).status).toBeGreaterThanOrEqual(500);
    for (const path of ["/_emulator/stats", "/_emulator/requests", "/_emulator/clock", "/_emulator/faults", "/_emulator/state"]) {
      expect((await h.api("GET", path)).status, path).toBe(200);
    }
    expect((await h.api("DELETE", "/_emulator/faults")).status).toBe(200);
    expect((await h.api("GET", "/api/v1/workspaces", { token })).status).toBe(200);
  });

  it("rejects a body that is not a configuration (422)", async () => {
    expect((await h.api("PUT", "/_emulator/faults", { rawBody: "[not json" })).status).toBe(422);
  });
});

describe("faults from createEmulator({ faults })", () => {
  const scripted = useEmulator({ faults: { queue: [{ status: 504, match: { method: "GET", path: "/api/v1/workspaces" } }] } });

  it("applies the configured queue, and reset restores it", async () => {
    const bearer = await scripted.appToken();
    expect((await scripted.api("GET", "/api/v1/workspaces", { token: bearer })).status).toBe(504);
    expect((await scripted.api("GET", "/api/v1/workspaces", { token: bearer })).status).toBe(200);
    await reset(scripted);
    expect((await scripted.api("GET", "/api/v1/workspaces", { token: bearer })).status).toBe(504);
  });

  const seededA = useEmulator({ faults: { errorRate: 0.5, seed: 1 } });
  const seededB = useEmulator({ faults: { errorRate: 0.5, seed: 1 } });
  const seededOther = useEmulator({ faults: { errorRate: 0.5, seed: 2 } });

  it("a seeded random rate gives the same failure pattern on two emulators", async () => {
    const a = await statusPattern(seededA);
    const b = await statusPattern(seededB);
    expect(b).toEqual(a);
    expect(a).toContain(401);
    expect(a.some((s) => s >= 500)).toBe(true);
    expect(await statusPattern(seededOther)).not.toEqual(a);
  });

  it("the same configuration through PUT /_emulator/faults gives that pattern too", async () => {
    const expected = await statusPattern(seededA);
    await setFaults(seededB, { errorRate: 0.5, seed: 1 });
    await setFaults(seededA, { errorRate: 0.5, seed: 1 });
    const a = await statusPattern(seededA, expected.length);
    expect(await statusPattern(seededB, expected.length)).toEqual(a);
  });
});

describe("control API", () => {
  it("is off by default: 404 on /_emulator/*", async () => {
    const emu = await createEmulator();
    try {
      for (const path of ["/_emulator/stats", "/_emulator/state"]) {
        expect((await fetch(`${emu.url}${path}`)).status).toBe(404);
      }
      expect((await fetch(`${emu.url}/_emulator/reset`, { method: "POST" })).status).toBe(404);
    } finally {
      await emu.close();
    }
  });

  it("reset restores the seed state: created connectors disappear, demo ids stay the same", async () => {
    await reset();
    const before = await h.demoConnectors(token);
    const created = await h.api("POST", CONNECTORS, {
      token,
      body: {
        workspace_name: "default",
        definition_id: GITHUB,
        name: "Gone after reset",
        credentials: { token: "t" },
        replication_config: GITHUB_CONFIG,
      },
    });
    expect(created.status).toBe(200);
    await h.scopedToken("created-before-reset", token);
    expect(await connectorNames()).toContain("Gone after reset");

    await reset();
    expect(await connectorNames()).not.toContain("Gone after reset");
    expect(await h.demoConnectors(token)).toEqual(before);
    const state = await h.api("GET", "/_emulator/state");
    expect(state.body.workspaces.map((w: { name: string }) => w.name)).toEqual(["default"]);
    expect((await h.api("GET", `${CONNECTORS}/${created.body.id}`, { token })).status).toBe(404);
  });

  it("stats count requests per route and token mints", async () => {
    await reset();
    const zero = await h.api("GET", "/_emulator/stats");
    expect(zero.body).toMatchObject({ requests: 0, routes: {}, tokenMints: { application: 0, scoped: 0, widget: 0 } });

    const bearer = await h.appToken();
    await h.appToken();
    await h.scopedToken("default", bearer);
    await h.widgetToken("default", "http://localhost:5173", bearer);
    for (let i = 0; i < 3; i++) await listConnectors(h, bearer);
    await h.api("GET", `${CONNECTORS}/not-a-uuid`, { token: bearer });

    const stats = (await h.api("GET", "/_emulator/stats")).body;
    expect(stats.routes["GET /api/v1/integrations/connectors"]).toBe(3);
    expect(stats.routes["GET /api/v1/integrations/connectors/:id"]).toBe(1);
    expect(stats.routes["POST /api/v1/account/applications/token"]).toBe(2);
    expect(stats.tokenMints).toEqual({ application: 2, scoped: 1, widget: 1 });
    expect(stats.requests).toBe(8);
    expect(stats.statuses).toMatchObject({ "200": 7, "422": 1 });
  });

  it("stats count a request under the route that answered it, not a later one its path also matches", async () => {
    await reset();
    const bearer = await h.appToken();
    expect((await h.api("GET", "/api/v1/workspaces/stats", { token: bearer })).status).toBe(200);
    expect((await h.api("GET", "/api/v1/integrations/templates/sources/global", { token: bearer })).status).toBe(200);
    const { routes } = (await h.api("GET", "/_emulator/stats")).body;
    expect(routes["GET /api/v1/workspaces/stats"]).toBe(1);
    expect(routes["GET /api/v1/integrations/templates/sources/global"]).toBe(1);
    expect(routes["GET /api/v1/workspaces/:workspace_id"]).toBeUndefined();
  });

  it("the request log has method, path, status, auth kind and user agent, and never a token or secret", async () => {
    await reset();
    const bearer = await h.appToken();
    const scoped = await h.scopedToken("default", bearer);
    await h.api("GET", CONNECTORS, {
      token: bearer,
      query: { workspace_name: "default", api_key: "query-secret" },
      headers: { "user-agent": "faults-test/1.0" },
    });
    await h.api("GET", CONNECTORS, { token: scoped, headers: { "user-agent": "faults-test/scoped" } });
    await h.api("GET", CONNECTORS, { token: "not-a-jwt", query: { workspace_name: "default" } });
    await h.api("POST", CONNECTORS, {
      token: bearer,
      body: {
        workspace_name: "default",
        definition_id: GITHUB,
        credentials: { token: "ghp_body_secret" },
        replication_config: GITHUB_CONFIG,
      },
    });

    const log = await h.api("GET", "/_emulator/requests");
    expect(log.status).toBe(200);
    const entries = log.body.data as { method: string; path: string; status: number; auth: string; userAgent: string | null }[];
    expect(entries.find((e) => e.userAgent === "faults-test/1.0")).toMatchObject({
      method: "GET",
      path: CONNECTORS,
      status: 200,
      auth: "application",
    });
    // The query is logged with secret-looking parameters masked.
    expect(entries.find((e) => e.userAgent === "faults-test/1.0")).toMatchObject({
      query: { workspace_name: ["default"], api_key: ["**********"] },
    });
    expect(entries.find((e) => e.userAgent === "faults-test/scoped")).toMatchObject({ auth: "scoped", status: 200 });
    expect(entries.filter((e) => e.status === 401)).toEqual([expect.objectContaining({ auth: "rejected", path: CONNECTORS })]);
    expect(entries.find((e) => e.path === "/api/v1/account/applications/token")).toMatchObject({
      method: "POST",
      auth: "none",
      status: 200,
    });
    expect(entries.some((e) => e.path.startsWith("/_emulator"))).toBe(false);

    const text = JSON.stringify(log.body);
    for (const secret of [h.emu.clientSecret, bearer, scoped, "query-secret", "ghp_body_secret"]) expect(text).not.toContain(secret);
  });

  it("clock: GET shows the offset; POST advances it (tokens expire) or sets it; reset restores it", async () => {
    await reset();
    const bearer = await h.appToken();
    const initial = await h.api("GET", "/_emulator/clock");
    expect(initial.body.offset_ms).toBe(0);
    expect(Math.abs(Date.parse(initial.body.now) - Date.now())).toBeLessThan(5_000);

    const advanced = await h.api("POST", "/_emulator/clock", { body: { advanceSeconds: 901 } });
    expect(advanced.status).toBe(200);
    expect(advanced.body.offset_ms).toBe(901_000);
    expect(Date.parse(advanced.body.now) - Date.now()).toBeGreaterThan(895_000);
    const expired = await listConnectors(h, bearer);
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].error_code).toBe("token_expired");

    const set = await h.api("POST", "/_emulator/clock", { body: { set: "2030-01-01T00:00:00Z" } });
    expect(set.body.now.startsWith("2030-01-01T00:00:0")).toBe(true);
    expect((await h.api("GET", "/_emulator/clock")).body.now.startsWith("2030-01-01")).toBe(true);

    expect((await h.api("POST", "/_emulator/clock", { body: {} })).status).toBe(422);
    expect((await h.api("POST", "/_emulator/clock", { body: { advanceSeconds: "soon" } })).status).toBe(422);

    await reset();
    expect((await h.api("GET", "/_emulator/clock")).body.offset_ms).toBe(0);
  });

  it("unknown control endpoints are 404", async () => {
    expect((await h.api("GET", "/_emulator/nope")).status).toBe(404);
  });
});
