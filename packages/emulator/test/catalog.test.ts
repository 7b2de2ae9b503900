import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Checks the committed output of scripts/build-catalog.mjs (src/catalog/generated/*.json). That the output is
// what the generator makes of reference/ is checked by scripts/check-generated.mjs, with every other generator.

const pkgRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const generatedDir = path.join(pkgRoot, "src", "catalog", "generated");

interface Action {
  action: string;
  params: { name: string; in: string; required: boolean; type?: unknown }[];
  record: Record<string, any>;
  shape: { kind: "records" | "record"; path: string[] };
  response?: Record<string, any>;
  keyParam?: string;
  cursorParam?: string;
  limitParam?: string;
  meta?: Record<string, { role: string; schema: Record<string, unknown> }>;
  pagination: { meta: Record<string, string>; cursorParam: string | null; limitParam: string | null } | null;
  download?: { contentType: string };
}
interface Connector {
  name: string;
  displayName: string;
  definitionId: string;
  version: string;
  auth: {
    title: string;
    required: string[];
    properties: Record<string, { secret?: boolean }>;
    replication?: { keys: Record<string, string>; constants?: Record<string, unknown> };
  }[];
  replicationConfig: { required: string[]; properties: Record<string, unknown> } | null;
  entities: {
    name: string;
    actions: Action[];
    key?: { field: string; type: string };
    contextStore?: Record<string, any>;
    record?: Record<string, any>;
  }[];
}
interface Catalog {
  source: string;
  connectors: Connector[];
}
interface ApiBundle {
  source: string;
  schemas: Record<string, unknown>;
  operations: Record<string, { requestBody: unknown; responses: Record<string, unknown>; query: unknown[] }>;
}

const connectorFiles = readdirSync(path.join(generatedDir, "connectors")).filter((f) => f.endsWith(".json"));
const catalog: Catalog = {
  // The source line of the generated index (connectors/index.ts), as the emulator reads it.
  source: JSON.parse(/source: (".*"),/.exec(readFileSync(path.join(generatedDir, "connectors", "index.ts"), "utf8"))?.[1] ?? '""'),
  connectors: connectorFiles.map((f) => JSON.parse(readFileSync(path.join(generatedDir, "connectors", f), "utf8"))),
};
const api = JSON.parse(readFileSync(path.join(generatedDir, "api-schemas.json"), "utf8")) as ApiBundle;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function connector(name: string): Connector {
  const c = catalog.connectors.find((x) => x.name === name);
  if (!c) throw new Error(`connector ${name} missing`);
  return c;
}
function action(c: Connector, entity: string, act: string): Action {
  const a = c.entities.find((e) => e.name === entity)?.actions.find((x) => x.action === act);
  if (!a) throw new Error(`${c.name} ${entity}.${act} missing`);
  return a;
}
const allActions = () => catalog.connectors.flatMap((c) => c.entities.flatMap((e) => e.actions.map((a) => ({ c, e, a }))));

describe("connectors.json", () => {
  it("names its source and license", () => {
    expect(catalog.source).toContain("5a6d83b");
    expect(catalog.source).toContain("Elastic License 2.0");
  });

  it("has the 51 connectors, sorted by name", () => {
    expect(catalog.connectors).toHaveLength(51);
    const names = catalog.connectors.map((c) => c.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(51);
  });

  it("gives every connector a unique UUID definitionId", () => {
    const ids = catalog.connectors.map((c) => c.definitionId);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes GitHub", () => {
    const gh = connector("github");
    expect(gh.displayName).toBe("GitHub");
    expect(gh.definitionId).toBe("ef69ef6e-aa7f-4af1-a01d-ef775033524e");
    expect(gh.replicationConfig?.required).toContain("repositories");
    expect(gh.replicationConfig?.properties).toHaveProperty("repositories");
    expect(gh.auth.length).toBeGreaterThanOrEqual(1);
    expect(gh.auth.some((s) => s.properties.token?.secret === true)).toBe(true);
  });

  it("gives every action a record schema, and sorts entities and actions", () => {
    for (const c of catalog.connectors) {
      const entityNames = c.entities.map((e) => e.name);
      expect(entityNames).toEqual([...entityNames].sort());
      for (const e of c.entities) {
        const actions = e.actions.map((a) => a.action);
        expect(actions).toEqual([...actions].sort());
        for (const a of e.actions) {
          expect(a.record, `${c.name} ${e.name}.${a.action}`).toBeTypeOf("object");
          expect(a.record).not.toBeNull();
          expect(Object.keys(a.record).length).toBeGreaterThan(0);
        }
      }
    }
  });

  it("keeps each connector's own pagination meta keys", () => {
    const repos = action(connector("github"), "repositories", "list");
    expect(Object.keys(repos.pagination?.meta ?? {}).sort()).toEqual(["end_cursor", "has_next_page"]);
    expect(repos.pagination?.meta).toEqual({ has_next_page: "hasMore", end_cursor: "cursor" });
    expect(repos.pagination?.cursorParam).toBe("after");
    expect(repos.pagination?.limitParam).toBe("per_page");

    const issues = action(connector("linear"), "issues", "list");
    expect(issues.pagination?.meta).toEqual({ hasNextPage: "hasMore", endCursor: "cursor" });
  });

  it("says where each operation's records sit after the record extractor", () => {
    expect(action(connector("linear"), "issues", "list").shape).toEqual({ kind: "records", path: [] });
    const create = action(connector("linear"), "issues", "create");
    expect(create.shape).toEqual({ kind: "record", path: ["issue"] });
    expect(Object.keys(create.response?.properties ?? {}).sort()).toEqual(["issue", "success"]);
    expect(action(connector("salesforce"), "accounts", "api_search").shape).toEqual({ kind: "records", path: ["searchRecords"] });
    expect(action(connector("stripe"), "customers", "delete").record.properties).toHaveProperty("deleted");
    for (const { c, e, a } of allActions()) expect(a.shape, `${c.name} ${e.name}.${a.action}`).toBeDefined();
  });

  it("keys entities by the spec's fields and params, with their types", () => {
    const entity = (c: string, e: string) => connector(c).entities.find((x) => x.name === e);
    expect(entity("asana", "tasks")?.key).toEqual({ field: "gid", type: "string" });
    expect(action(connector("asana"), "tasks", "get").keyParam).toBe("task_gid");
    expect(entity("twilio", "calls")?.key).toEqual({ field: "sid", type: "string" });
    expect(entity("amazon-ads", "portfolios")?.key).toEqual({ field: "portfolioId", type: "integer" });
    expect(action(connector("github"), "repositories", "get").keyParam).toBe("repo");
    expect(action(connector("mailchimp"), "list_members", "get").keyParam).toBe("subscriber_hash");
    expect(action(connector("stripe"), "balance", "get").keyParam).toBeUndefined();
  });

  it("names each operation's own cursor and page-size params, and every meta-extractor key", () => {
    expect(action(connector("stripe"), "customers", "list")).toMatchObject({ cursorParam: "starting_after", limitParam: "limit" });
    expect(action(connector("google-drive"), "files", "list")).toMatchObject({ cursorParam: "pageToken", limitParam: "pageSize" });
    expect(action(connector("asana"), "tasks", "list").cursorParam).toBe("offset");
    const withRowCount = allActions().filter(({ a }) => a.meta && "row_count" in a.meta);
    expect(withRowCount.length).toBeGreaterThan(0);
    for (const { a } of withRowCount) expect(a.meta?.row_count?.role).toBe("total");
  });

  it("maps the replication form of the credentials onto each auth scheme", () => {
    const pat = connector("github").auth.find((s) => s.required.includes("token"));
    expect(pat?.replication).toEqual({ keys: { personal_access_token: "token" }, constants: { option_title: "PAT Credentials" } });
  });

  it("lists every context-store entity, with its fields, even one with no operation", () => {
    const parts = connector("intercom").entities.find((e) => e.name === "conversation_parts");
    expect(parts?.actions).toEqual([]);
    expect(Object.keys(parts?.contextStore?.properties ?? {}).length).toBeGreaterThan(0);
  });

  it("has download actions in at least 6 connectors", () => {
    const withDownload = new Set(
      allActions()
        .filter(({ a }) => a.action === "download")
        .map(({ c }) => c.name),
    );
    expect(withDownload.size).toBeGreaterThanOrEqual(6);
    for (const { a } of allActions()) {
      if (a.action === "download") expect(a.download?.contentType).toBeTruthy();
      else expect(a.download).toBeUndefined();
    }
  });

  it("stays well under 3 MB in all, and no file reaches 1 MiB", () => {
    const sizes = connectorFiles.map((f) => statSync(path.join(generatedDir, "connectors", f)).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(3 * 1024 * 1024);
    expect(Math.max(...sizes)).toBeLessThan(1024 * 1024);
    expect(connectorFiles).toHaveLength(51);
  });
});

describe("api-schemas.json", () => {
  it("references the OpenAPI schemas by name", () => {
    expect(api.source).toContain("112c6df");
    expect(api.schemas).toHaveProperty("ConnectorExecuteRequest");
    const create = api.operations["POST /api/v1/integrations/connectors"];
    expect(create?.requestBody).toBe("ConnectorSourceCreateRequest");
    expect(create?.responses["200"]).toBe("ConnectorSourceCreateResponse");
    expect(create?.responses["422"]).toBe("ApiErrorResponse");
  });

  it("drops description/title/examples keywords but keeps properties with those names", () => {
    const text = JSON.stringify(api.schemas);
    expect(text).not.toMatch(/"examples":/);
    const walk = (node: unknown, inProps: boolean): void => {
      if (Array.isArray(node)) {
        for (const n of node) walk(n, false);
        return;
      }
      if (!node || typeof node !== "object") return;
      for (const [k, v] of Object.entries(node)) {
        if (!inProps) expect(["description", "title", "examples"]).not.toContain(k);
        walk(v, !inProps && k === "properties");
      }
    };
    for (const s of Object.values(api.schemas)) walk(s, false);
  });
});
