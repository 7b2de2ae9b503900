// Connections of any catalog connector for tests that exercise one connector's operations: placeholder credentials
// for its first auth scheme and the replication settings its spec requires, made once per harness and name.
import { expect } from "vitest";
import { catalog } from "../../src/catalog/catalog.js";
import type { Harness } from "./emulator.js";

/** Creates (once per harness, connector name and label) a connection of a catalog connector; returns its id. */
export function catalogConnectors(label: string): (harness: Harness, token: string, name: string) => Promise<string> {
  const made = new Map<Harness, Map<string, Promise<string>>>();
  return (harness, token, name) => {
    const byName = made.get(harness) ?? new Map<string, Promise<string>>();
    made.set(harness, byName);
    let id = byName.get(name);
    if (!id) {
      id = create(harness, token, name, label);
      byName.set(name, id);
    }
    return id;
  };
}

async function create(harness: Harness, token: string, name: string, label: string): Promise<string> {
  const definition = catalog.connectors.find((c) => c.name === name);
  expect(definition, `no catalog connector named ${name}`).toBeDefined();
  const settings = definition?.replicationConfig;
  const res = await harness.api("POST", "/api/v1/integrations/connectors", {
    token,
    body: {
      workspace_name: "default",
      definition_id: definition?.definitionId,
      name: `${label} ${name}`,
      credentials: Object.fromEntries((definition?.auth[0]?.required ?? []).map((k) => [k, `test-${k}`])),
      replication_config: Object.fromEntries(
        (settings?.required ?? []).map((k) => [k, settings?.properties[k]?.type === "array" ? ["test/test"] : "test"]),
      ),
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}
