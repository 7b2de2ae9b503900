import type { ConnectorInfo } from "@airbyte-agents/core";

/** A suggested list operation: the entity and the parameters its `list` needs (with the connector's page size). */
export interface Preset {
  entity: string;
  params: Record<string, unknown>;
}

// Suggestions for the connectors the demo and the widget offer most; any other entity can be typed in.
const PRESETS: Record<string, Preset[]> = {
  github: [
    { entity: "issues", params: { owner: "airbytehq", repo: "airbyte", per_page: 10 } },
    { entity: "pull_requests", params: { owner: "airbytehq", repo: "airbyte", per_page: 10 } },
    { entity: "commits", params: { owner: "airbytehq", repo: "airbyte", per_page: 10 } },
    { entity: "releases", params: { owner: "airbytehq", repo: "airbyte", per_page: 10 } },
  ],
  linear: [
    { entity: "issues", params: { first: 10 } },
    { entity: "projects", params: { first: 10 } },
    { entity: "teams", params: { first: 10 } },
    { entity: "users", params: { first: 10 } },
  ],
  stripe: [
    { entity: "customers", params: { limit: 10 } },
    { entity: "charges", params: { limit: 10 } },
    { entity: "invoices", params: { limit: 10 } },
    { entity: "subscriptions", params: { limit: 10 } },
  ],
  "zendesk-support": [
    { entity: "tickets", params: { per_page: 10 } },
    { entity: "users", params: { per_page: 10 } },
    { entity: "organizations", params: { per_page: 10 } },
  ],
};

/** The connector's slug: `connectorName`, else its display name in kebab case. */
export function slugOf(connector: Pick<ConnectorInfo, "connectorName" | "connectorType">): string {
  return connector.connectorName ?? (connector.connectorType ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export function presetsFor(connector: Pick<ConnectorInfo, "connectorName" | "connectorType"> | undefined): Preset[] {
  if (!connector) return [];
  const slug = slugOf(connector);
  return PRESETS[slug] ?? PRESETS[slug.replace(/_/g, "-")] ?? [];
}

/** Parses the params box: a JSON object, or a message saying what is wrong. */
export function parseParams(text: string): { params: Record<string, unknown> } | { problem: string } {
  if (text.trim() === "") return { params: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { problem: "Parameters must be a JSON object" };
    return { params: value as Record<string, unknown> };
  } catch (error) {
    return { problem: `Parameters are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
