import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { assertPolicyCoverage } from "../src/http/route-policy.js";
import { ROUTE_POLICIES } from "../src/routes/policies.js";
import { useEmulator } from "./helpers/emulator.js";

// Authentication, validation and CORS as middleware keyed by the route (src/routes/policies.ts), mounted before
// faults: an injected fault reaches a browser with its CORS headers, and a repeated scalar query parameter is a 422.

const h = useEmulator();

const APP_ORIGIN = "http://localhost:5173";
const CONNECTORS = "/api/v1/integrations/connectors";
const SOME_UUID = "0b0c7ab6-1c8d-4b55-9f4e-2f1f3c0f7f5a";

const openapi = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../reference/openapi/airbyte-agent-api.json"), "utf8"),
) as {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { type?: string } }[] }>>;
};

let app: string;
let widget: string;
beforeAll(async () => {
  app = await h.appToken();
  widget = (await h.widgetToken("default", APP_ORIGIN, app)).token;
});

const acao = (res: { headers: Headers }) => res.headers.get("access-control-allow-origin");

async function queueFaults(queue: unknown[]): Promise<void> {
  expect((await h.api("PUT", "/_emulator/faults", { body: { queue } })).status).toBe(200);
}

describe("faults answer after CORS, authentication and validation", () => {
  it.each([
    [503, "Service Unavailable"],
    [429, "Rate limit exceeded"],
  ])("an injected %i to the widget token's allowed origin carries access-control-allow-origin", async (status, message) => {
    await queueFaults([{ status, match: { method: "GET", path: CONNECTORS } }]);
    const res = await h.api("GET", CONNECTORS, { token: widget, query: { workspace_name: "default" }, headers: { origin: APP_ORIGIN } });
    expect(res.status).toBe(status);
    expect(res.body.message).toBe(message);
    expect(acao(res)).toBe(APP_ORIGIN);
    // Browser code must be able to read Retry-After to back off.
    expect(res.headers.get("access-control-expose-headers")).toContain("retry-after");
    if (status === 429) expect(res.headers.get("retry-after")).toBe("1");
  });

  it("a 500 after an applied write carries it too", async () => {
    await queueFaults([{ status: 500, afterWrite: true, match: { method: "POST", path: CONNECTORS } }]);
    const res = await h.api("POST", CONNECTORS, {
      token: widget,
      headers: { origin: APP_ORIGIN },
      body: {
        workspace_name: "default",
        connector_type: "Stripe",
        credentials: { api_key: "sk" },
        replication_config: { account_id: "a" },
      },
    });
    expect(res.status).toBe(500);
    expect(acao(res)).toBe(APP_ORIGIN);
  });

  it("a fault to another origin, or to an application token, carries none", async () => {
    await queueFaults([{ status: 503, times: 2 }]);
    const evil = await h.api("GET", CONNECTORS, {
      token: app,
      query: { workspace_name: "default" },
      headers: { origin: "http://evil.example" },
    });
    expect(evil.status).toBe(503);
    expect(acao(evil)).toBeNull();
    const appToken = await h.api("GET", CONNECTORS, { token: app, query: { workspace_name: "default" }, headers: { origin: APP_ORIGIN } });
    expect(appToken.status).toBe(503);
    expect(acao(appToken)).toBeNull();
  });

  it("a request without a valid token is a 401 and leaves the queued fault for the next request", async () => {
    await queueFaults([{ status: 503 }]);
    const refused = await h.api("GET", CONNECTORS, {
      token: "bogus",
      query: { workspace_name: "default" },
      headers: { origin: APP_ORIGIN },
    });
    expect(refused.status).toBe(401);
    expect(acao(refused)).toBe(APP_ORIGIN);
    expect((await h.api("GET", CONNECTORS, { token: app, query: { workspace_name: "default" } })).status).toBe(503);
  });

  it("an invalid body is a 422, never a fault that would claim the write was applied", async () => {
    await queueFaults([{ status: 500, afterWrite: true, match: { method: "POST", path: CONNECTORS } }]);
    const invalid = await h.api("POST", CONNECTORS, { token: app, body: { workspace_name: 42 } });
    expect(invalid.status).toBe(422);
    const faults = await h.api("GET", "/_emulator/faults");
    expect(faults.body.config.queue).toHaveLength(1);
    await h.api("DELETE", "/_emulator/faults");
  });
});

/** A concrete path for a policy key, with a UUID in every path parameter. */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, SOME_UUID);

const scalarRoutes = Object.entries(ROUTE_POLICIES).flatMap(([key, policy]) =>
  (policy.query ?? []).map((name) => {
    const [method, template] = key.split(" ") as [string, string];
    return { key, method, path: concrete(template), name };
  }),
);

describe("a repeated scalar query parameter", () => {
  it("is covered on every route that reads one", () => {
    expect(scalarRoutes.length).toBeGreaterThanOrEqual(23);
  });

  it.each(scalarRoutes)("$key ?$name=a&$name=b is a 422 naming query.$name", async ({ method, path: url, name }) => {
    const res = await h.api(method, url, { token: app, query: { [name]: ["a", "b"] } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        field: `query.${name}`,
        message: "Input should be a single value, got 2 values",
        error_code: "single_value_expected",
        details: null,
      },
    ]);
  });

  it("?workspace_name=a&workspace_name=b lists nothing: the 422 is answered before any lookup", async () => {
    const res = await h.api("GET", CONNECTORS, { token: app, query: { workspace_name: ["default", "other"] } });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("query.workspace_name: Input should be a single value, got 2 values");
  });

  it("names every repeated parameter at once", async () => {
    const res = await h.api("GET", "/api/v1/workspaces", { token: app, query: { limit: ["1", "2"], status: ["active", "active"] } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["query.status", "query.limit"]);
  });

  it("does not touch array parameters, whose repetition is the list", async () => {
    const tags = await h.api("GET", "/api/v1/integrations/templates/sources", { token: app, query: { tags: ["a", "b"] } });
    expect(tags.status).toBe(200);
    const destinations = await h.api("GET", "/api/v1/integrations/definitions/destinations", {
      token: app,
      query: { actorDefinitionIds: [SOME_UUID, SOME_UUID] },
    });
    expect(destinations.status).toBe(200);
  });
});

describe("the policy table", () => {
  it("lists as scalar exactly the OpenAPI document's non-array query parameters of each documented route", () => {
    for (const [route, operations] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${route}`;
        const policy = ROUTE_POLICIES[key];
        expect(policy, key).toBeDefined();
        const scalars = (operation.parameters ?? []).filter((p) => p.in === "query" && p.schema.type !== "array").map((p) => p.name);
        expect([...(policy?.query ?? [])].sort(), key).toEqual(scalars.sort());
      }
    }
  });

  it("refuses to start with a route that has no policy, a policy without a route, or a parametrised cors opt-out", () => {
    expect(() => assertPolicyCoverage([{ method: "GET", path: "/api/v1/new" }], {})).toThrow("GET /api/v1/new has no policy");
    expect(() => assertPolicyCoverage([], { "GET /api/v1/gone": { auth: "none" } })).toThrow("names no route");
    expect(() =>
      assertPolicyCoverage([{ method: "POST", path: "/api/v1/x/:id" }], { "POST /api/v1/x/{id}": { auth: "none", cors: false } }),
    ).toThrow("cors false needs a static path");
    expect(() => assertPolicyCoverage([{ method: "ALL", path: "/api/*" }], {})).not.toThrow();
  });
});
