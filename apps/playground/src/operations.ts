import type { ConnectorInfo } from "@airbyte-agents/core";

/** The connector's slug: `connectorName`, else its display name in kebab case. */
export function slugOf(connector: Pick<ConnectorInfo, "connectorName" | "connectorType">): string {
  return connector.connectorName ?? (connector.connectorType ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
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
