import { beforeAll, describe, expect, it } from "vitest";
import { catalog, indexCatalog } from "../src/catalog/catalog.js";
import { connectorTypeKey, findConnectorType } from "../src/routes/connector-type.js";
import { useEmulator } from "./helpers/emulator.js";

// `connector_type` as the official docs write it: display name or slug, any case, any separators
// (src/routes/connector-type.ts), on create, check, OAuth initiate and OAuth app credentials.

const h = useEmulator();

const CONNECTORS = "/api/v1/integrations/connectors";
const REDIRECT = "http://localhost:5173/oauth/done";

/** The forms the official docs use, and the connector each one names. */
const DOC_FORMS: [string, string][] = [
  ["Zendesk-Support", "zendesk-support"],
  ["Clickup-Api", "clickup-api"],
  ["Incident-Io", "incident-io"],
  ["zendesk support", "zendesk-support"],
  ["GitHub", "github"],
  ["github", "github"],
  ["zendesk_support", "zendesk-support"],
  ["incident.io", "incident-io"],
  ["ClickUp", "clickup-api"],
];

const catalogByName = new Map(catalog.connectors.map((c) => [c.name, c]));

/** A create or check body that satisfies the connector's first auth scheme and its required replication settings. */
function bodyFor(connectorType: string, slug: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const definition = catalogByName.get(slug);
  if (!definition) throw new Error(`no connector ${slug}`);
  const credentials = Object.fromEntries((definition.auth[0]?.required ?? []).map((key) => [key, `test-${key}`]));
  const replication = Object.fromEntries(
    (definition.replicationConfig?.required ?? []).map((key) => [
      key,
      definition.replicationConfig?.properties[key]?.type === "array" ? ["airbytehq/airbyte"] : "x",
    ]),
  );
  return { workspace_name: "default", connector_type: connectorType, credentials, replication_config: replication, ...extra };
}

let app: string;
beforeAll(async () => {
  app = await h.appToken();
});

describe("connector_type names a connector by display name or slug, ignoring case and separators", () => {
  it("no two connectors share a key, so no form is ambiguous", () => {
    const keys = catalog.connectors.flatMap((c) => [...new Set([connectorTypeKey(c.displayName), connectorTypeKey(c.name)])]);
    expect(new Set(keys).size).toBe(keys.length);
    const index = indexCatalog();
    for (const c of catalog.connectors) {
      expect(findConnectorType(index, c.displayName)?.name).toBe(c.name);
      expect(findConnectorType(index, c.name)?.name).toBe(c.name);
    }
  });

  it.each(DOC_FORMS)("POST /connectors with connector_type %j creates a %s connector", async (type, slug) => {
    const res = await h.api("POST", CONNECTORS, { token: app, body: bodyFor(type, slug, { name: `by ${type}` }) });
    expect(res.status).toBe(200);
    expect(res.body.source_template.source_definition_id).toBe(catalogByName.get(slug)?.definitionId);
  });

  it.each(DOC_FORMS)("POST /connectors/check with connector_type %j checks a %s connector", async (type, slug) => {
    const res = await h.api("POST", `${CONNECTORS}/check`, { token: app, body: bodyFor(type, slug) });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("succeeded");
  });

  it("OAuth initiate and the OAuth app credentials accept the same forms", async () => {
    const put = await h.api("PUT", "/api/v1/oauth/credentials", {
      token: app,
      body: { connector_type: "zendesk_support", configuration: { client_id: "a", client_secret: "b" } },
    });
    expect(put.status).toBe(200);
    expect(put.body.connector_definition_id).toBe(catalogByName.get("zendesk-support")?.definitionId);
    const initiated = await h.api("POST", `${CONNECTORS}/oauth/initiate`, {
      token: app,
      body: { workspace_name: "default", connector_type: "Zendesk-Support", redirect_url: REDIRECT },
    });
    expect(initiated.status).toBe(200);
    expect(initiated.body.consent_url).toContain("/_oauth/consent/");
    const removed = await h.api("DELETE", "/api/v1/oauth/credentials/connector_type/zendesk-support", { token: app });
    expect(removed.status).toBe(204);
    const again = await h.api("POST", `${CONNECTORS}/oauth/initiate`, {
      token: app,
      body: { workspace_name: "default", connector_type: "zendesk support", redirect_url: REDIRECT },
    });
    expect(again.status).toBe(400); // the credentials were deleted by slug: no OAuth app any more
  });
});

describe("an unknown connector_type", () => {
  it("is a 404 whose message lists the closest connector types, those containing it first, nearest first", async () => {
    const res = await h.api("POST", CONNECTORS, { token: app, body: bodyFor("Zendesk", "zendesk-support") });
    expect(res.status).toBe(404);
    expect(res.body.errors[0]).toMatchObject({ field: "body.connector_type", error_code: "connector_type_not_found" });
    expect(res.body.message).toBe(
      "Connector type 'Zendesk' not found. Closest matches: 'Zendesk Chat' (zendesk-chat), 'Zendesk Talk' (zendesk-talk), " +
        "'Zendesk Support' (zendesk-support). connector_type is a connector's display name or slug (case, spaces, '-', '_' and '.' do not matter)",
    );
    expect(res.body.errors[0].details.closest_matches.map((m: { slug: string }) => m.slug)).toEqual([
      "zendesk-chat",
      "zendesk-talk",
      "zendesk-support",
    ]);
  });

  it("suggests a misspelt name's connector first", async () => {
    const res = await h.api("POST", `${CONNECTORS}/check`, { token: app, body: bodyFor("Githib", "github") });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].details.closest_matches[0].slug).toBe("github");
  });

  it("lists no matches for a name like nothing in the catalog", async () => {
    const res = await h.api("POST", CONNECTORS, { token: app, body: bodyFor("qqqqqqqqqqqqqqqqqqqq", "github") });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^Connector type 'qqqqqqqqqqqqqqqqqqqq' not found\. connector_type is/);
  });

  it("with a second selector is the 422 'only one of', not a 404", async () => {
    const res = await h.api("POST", CONNECTORS, {
      token: app,
      body: bodyFor("Nope", "github", { definition_id: catalogByName.get("github")?.definitionId }),
    });
    expect(res.status).toBe(422);
  });

  it("is a 404 for OAuth app credentials too, and deleting by it stays a 204", async () => {
    const put = await h.api("PUT", "/api/v1/oauth/credentials", { token: app, body: { connector_type: "Githubb", configuration: {} } });
    expect(put.status).toBe(404);
    expect(put.body.message).toContain("'GitHub' (github)");
    expect((await h.api("DELETE", "/api/v1/oauth/credentials/connector_type/Githubb", { token: app })).status).toBe(204);
  });
});
