import type { Hono } from "hono";
import type { CatalogConnector } from "../catalog/types.js";
import { type EmulatorContext, type Env, requireUuid } from "../context.js";
import { notFound } from "../http/errors.js";

/** `iconUrl` pointing at the emulator's own icon route, so the playground shows something without the internet. */
export function iconUrl(base: string, connector: CatalogConnector): string {
  return `${base}/_icons/${connector.name}.svg`;
}

/** The `ConnectorSpecification` of a connector, built from its auth schemes and replication config. */
export function connectorSpecification(connector: CatalogConnector): Record<string, unknown> {
  const credentials =
    connector.auth.length === 1
      ? {
          type: "object",
          title: connector.auth[0]?.title,
          required: connector.auth[0]?.required ?? [],
          properties: authProperties(connector.auth[0]),
        }
      : {
          type: "object",
          oneOf: connector.auth.map((scheme) => ({
            type: "object",
            title: scheme.title,
            required: scheme.required,
            properties: authProperties(scheme),
          })),
        };
  const replication = connector.replicationConfig;
  return {
    documentationUrl: connector.docsUrl,
    connectionSpecification: {
      $schema: "http://json-schema.org/draft-07/schema#",
      title: `${connector.displayName} Spec`,
      type: "object",
      required: ["credentials", ...(replication?.required ?? [])],
      properties: { credentials, ...(replication?.properties ?? {}) },
    },
  };
}

function authProperties(scheme: CatalogConnector["auth"][number] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(scheme?.properties ?? {})) {
    out[name] = { type: prop.type ?? "string", title: prop.title ?? name, ...(prop.secret ? { airbyte_secret: true } : {}) };
  }
  return out;
}

export function definitionSummary(base: string, connector: CatalogConnector): Record<string, unknown> {
  return {
    sourceDefinitionId: connector.definitionId,
    destinationDefinitionId: null,
    name: connector.displayName,
    dockerRepository: `airbyte/source-${connector.name}`,
    iconUrl: iconUrl(base, connector),
    custom: false,
    supportLevel: "certified",
  };
}

/** Destinations the emulator lists for D3: data replication is out of scope, so a fixed, small set. */
const DESTINATIONS = [
  { name: "Postgres", slug: "postgres" },
  { name: "BigQuery", slug: "bigquery" },
  { name: "Snowflake", slug: "snowflake" },
  { name: "S3", slug: "s3" },
];

/** A destination definition of the fixed D3 set by id (its id is stable per seed). */
export function findDestinationDefinition(ctx: EmulatorContext, id: string): { id: string; name: string; slug: string } | undefined {
  return DESTINATIONS.map((d) => ({ id: ctx.idFor(`destination:${d.slug}`), ...d })).find((d) => d.id === id);
}

/** Definitions: D1, D2 and the destination catalog (D3). */
export function registerDefinitionRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  const base = (url: string) => ctx.options.publicUrl ?? new URL(url).origin;

  app.get("/api/v1/integrations/definitions/sources", async (c) => {
    const name = c.req.query("name")?.toLowerCase();
    const definitions = ctx.catalog.all
      .filter((connector) => (name ? connector.displayName.toLowerCase().includes(name) || connector.name.includes(name) : true))
      .map((connector) => definitionSummary(base(c.req.url), connector));
    return c.json({ definitions });
  });

  app.get("/api/v1/integrations/definitions/sources/:id", async (c) => {
    const id = requireUuid(c.req.param("id"), "path.id");
    const connector = ctx.catalog.byDefinitionId(id);
    if (!connector) throw notFound(`Source definition ${id} not found`, "definition_not_found");
    return c.json({
      id: connector.definitionId,
      definition: { ...definitionSummary(base(c.req.url), connector), spec: connectorSpecification(connector) },
      example_questions: connector.exampleQuestions,
    });
  });

  const destination = (d: (typeof DESTINATIONS)[number]) => ({
    id: ctx.idFor(`destination:${d.slug}`),
    name: d.name,
    icon: "",
    slug: d.slug,
  });

  app.get("/api/v1/integrations/definitions/destinations", async (c) => {
    // Typed `array of uuid` in the OpenAPI document: a non-UUID is a 422, as for path ids.
    const ids = c.req.queries("actorDefinitionIds")?.map((id) => requireUuid(id, "query.actorDefinitionIds"));
    const all = DESTINATIONS.map(destination).filter((d) => (ids?.length ? ids.includes(d.id) : true));
    return c.json({ destinations: all.map(({ id, name, icon }) => ({ id, name, icon })) });
  });

  app.get("/api/v1/integrations/definitions/destinations/:id", async (c) => {
    const id = requireUuid(c.req.param("id"), "path.id");
    const found = DESTINATIONS.map(destination).find((d) => d.id === id);
    if (!found) throw notFound(`Destination definition ${id} not found`, "definition_not_found");
    return c.json({
      id,
      definition: {
        destinationDefinitionId: id,
        sourceDefinitionId: null,
        name: found.name,
        dockerRepository: `airbyte/destination-${found.slug}`,
        iconUrl: null,
        custom: false,
        supportLevel: "certified",
        spec: { connectionSpecification: { type: "object", required: [], properties: {} } },
      },
    });
  });
}
