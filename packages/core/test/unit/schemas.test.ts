import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  ApiErrorResponse,
  ConnectorExecuteResponse,
  ConnectorSourceListResponse,
  operations,
  SourceDefinitionListResponse,
  TokenResponse,
  WorkspaceListResponse,
  WorkspaceStatus,
} from "../../src/schemas/generated/api";
import { openEnum } from "../../src/schemas/open-enum";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
// The document scripts/build-schemas.mjs reads (scripts/check-generated.mjs checks the output is what it makes of it).
const DOCUMENT = join(REPO_ROOT, "reference", "openapi", "airbyte-agent-api.json");

function issuePaths(schema: v.GenericSchema, input: unknown): (string | null)[] {
  const result = v.safeParse(schema, input);
  expect(result.success).toBe(false);
  return (result.issues ?? []).map((issue) => v.getDotPath(issue));
}

const templateSummary = {
  id: "7c1d2a48-5f0e-4f43-9d8b-1f7c8a8f6e21",
  name: "Linear",
  icon: "https://connectors.airbyte.com/files/metadata/airbyte/source-linear/latest/icon.svg",
  connector_name: "linear",
  organization_id: "0b8e5d1c-3c1a-4c5e-8a8c-8f5e0a4d9b11",
  actor_definition_id: "1c5d8316-ed42-4473-8fbc-2626f03f070c",
  tags: [],
  customization: null,
  mode: "REPLICATION",
  created_at: "2026-04-20T21:57:20.991787Z",
  updated_at: "2026-04-20T21:57:20.991787Z",
};

describe("generated response schemas", () => {
  describe("realistic bodies parse", () => {
    it("TokenResponse", () => {
      const body = {
        access_token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhcHAifQ.c2lnbmF0dXJl",
        token_type: "bearer",
        expires_in: 900,
        organization_id: "0b8e5d1c-3c1a-4c5e-8a8c-8f5e0a4d9b11",
      };
      expect(v.parse(TokenResponse, body)).toEqual(body);
    });

    it("ConnectorSourceListResponse, an item with its summarized_source_template", () => {
      const body = {
        data: [
          {
            id: "5f3d2c1b-0a9e-4d8c-b7a6-9e8d7c6b5a41",
            name: "Linear (acme)",
            summarized_source_template: templateSummary,
            created_at: "2026-04-20T21:57:20.991787Z",
            updated_at: null,
          },
        ],
      };
      const parsed = v.parse(ConnectorSourceListResponse, body);
      expect(parsed).toEqual(body);
      expect(parsed.data[0]?.summarized_source_template.connector_name).toBe("linear");
    });

    it("ConnectorExecuteResponse with a result array and connector_metadata: null", () => {
      const body = {
        status: "success",
        result: [
          { id: "cus_Q1", email: "ada@example.com", created: 1713650240 },
          { id: "cus_Q2", email: null, created: 1713650241 },
        ],
        connector_metadata: null,
        execution_metadata: { connector_instance_id: "source_id:5f3d2c1b-0a9e-4d8c-b7a6-9e8d7c6b5a41", execution_time_ms: 1189 },
      };
      const parsed = v.parse(ConnectorExecuteResponse, body);
      expect(parsed).toEqual(body);
      expect(parsed.connector_metadata).toBeNull();
    });

    it("WorkspaceListResponse with next: null", () => {
      const body = {
        next: null,
        data: [
          {
            id: "a3b2c1d0-e9f8-4a7b-8c6d-5e4f3a2b1c0d",
            name: "acme",
            organization_id: "0b8e5d1c-3c1a-4c5e-8a8c-8f5e0a4d9b11",
            status: "active",
            cache_enabled: null,
            tombstone: false,
            created_at: "2026-04-20T21:57:20.991787Z",
            updated_at: "2026-04-21T08:02:11.004512Z",
          },
        ],
      };
      expect(v.parse(WorkspaceListResponse, body)).toEqual(body);
    });

    it("SourceDefinitionListResponse (camelCase keys)", () => {
      const body = {
        definitions: [
          {
            sourceDefinitionId: "ef69ef6e-aa7f-4af1-a01d-ef775033524e",
            name: "GitHub",
            dockerRepository: "airbyte/source-github",
            iconUrl: "https://connectors.airbyte.com/files/metadata/airbyte/source-github/latest/icon.svg",
            custom: false,
            supportLevel: "certified",
          },
          { name: "Linear", sourceDefinitionId: "1c5d8316-ed42-4473-8fbc-2626f03f070c", supportLevel: null },
        ],
      };
      expect(v.parse(SourceDefinitionListResponse, body)).toEqual(body);
    });

    it("ApiErrorResponse", () => {
      const body = {
        message: "Value error, One of connector_type, definition_id, or source_template_id must be provided",
        errors: [{ field: "body", message: "Value error, One of …", error_code: "value_error", details: null }],
      };
      expect(v.parse(ApiErrorResponse, body)).toEqual(body);
    });
  });

  describe("lenient about additions", () => {
    it("keeps unknown properties, at the top and nested", () => {
      const body = {
        data: [{ id: "5f3d2c1b", name: "x", summarized_source_template: { ...templateSummary, region: "eu" }, health: "ok" }],
        total: 1,
      };
      const parsed = v.parse(ConnectorSourceListResponse, body);
      expect(parsed).toEqual(body);
      expect((parsed as Record<string, unknown>).total).toBe(1);
      expect(parsed.data[0]?.health).toBe("ok");
    });

    it("accepts an enum value this SDK does not know, and does not enforce string formats", () => {
      expect(v.parse(WorkspaceStatus, "archived")).toBe("archived");
      const body = { ...templateSummary, id: "not-a-uuid", created_at: "yesterday", mode: "HYBRID" };
      expect(v.parse(ConnectorSourceListResponse, { data: [{ id: "1", name: "x", summarized_source_template: body }] })).toBeTruthy();
    });

    it("does not inject defaults", () => {
      expect(v.parse(ApiErrorResponse, { message: "boom" })).toEqual({ message: "boom" });
      expect("errors" in v.parse(ApiErrorResponse, { message: "boom" })).toBe(false);
    });
  });

  describe("strict about shapes", () => {
    it("a wrong type fails with an issue whose dot path names the field", () => {
      const item = { id: 42, name: "x", summarized_source_template: templateSummary };
      expect(issuePaths(ConnectorSourceListResponse, { data: [item] })).toEqual(["data.0.id"]);
      expect(issuePaths(WorkspaceListResponse, { next: 3, data: [] })).toEqual(["next"]);
      expect(issuePaths(TokenResponse, { access_token: "t", token_type: "bearer", expires_in: "900" })).toEqual(["expires_in"]);
      expect(
        issuePaths(ConnectorSourceListResponse, {
          data: [{ id: "1", name: "x", summarized_source_template: { ...templateSummary, tags: "crm" } }],
        }),
      ).toEqual(["data.0.summarized_source_template.tags"]);
    });

    it("a missing required key fails, even when its value may be null", () => {
      const workspace = {
        id: "a3b2c1d0",
        name: "acme",
        organization_id: "0b8e5d1c",
        status: "active",
        tombstone: false,
        created_at: "2026-04-20T21:57:20.991787Z",
        updated_at: "2026-04-20T21:57:20.991787Z",
      };
      expect(issuePaths(WorkspaceListResponse, { data: [workspace] })).toEqual(["data.0.cache_enabled"]);
      expect(issuePaths(ConnectorExecuteResponse, { status: "success", result: [], execution_metadata: {} })).toEqual([
        "connector_metadata",
        "execution_metadata.connector_instance_id",
        "execution_metadata.execution_time_ms",
      ]);
    });

    it("an open enum still rejects what is not a string, naming the known values", () => {
      const result = v.safeParse(openEnum(["active", "inactive"]), 1);
      expect(result.success).toBe(false);
      expect(result.issues?.[0]?.message).toBe('Invalid type: Expected string ("active" | "inactive" or another) but received 1');
    });
  });

  it("operations covers every operation of the document, with its success status", () => {
    const document = JSON.parse(readFileSync(DOCUMENT, "utf8")) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    const expected: Record<string, { status: number; hasBody: boolean }> = {};
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!methods.includes(method)) continue;
        const [status, response] = Object.entries(operation.responses)
          .filter(([code]) => /^2\d\d$/.test(code))
          .sort(([a], [b]) => Number(a) - Number(b))[0] ?? ["", {}];
        expected[`${method.toUpperCase()} ${path}`] = { status: Number(status), hasBody: response.content !== undefined };
      }
    }
    const actual = Object.fromEntries(
      Object.entries(operations).map(([key, operation]) => [key, { status: operation.status, hasBody: operation.response !== null }]),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(30);
    expect(actual).toEqual(expected);
  });
});
