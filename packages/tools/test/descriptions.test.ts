// Tool descriptions and schemas for all 51 connectors: within the budget, measured in o200k tokens (gpt-tokenizer,
// a devDependency), the chars/4 estimate close to the measurement, schemas plain JSON; a tight budget degrades
// level by level and still fits.
import { readFileSync } from "node:fs";
import { createClient, describeConnector, listConnectorTypes } from "@airbyte-agents/core";
import { encode } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { connectorDescription, connectorTools, DEFAULT_MAX_DESCRIPTION_CHARS, estimateTokens, toolName } from "../src/index";
import { VERSION } from "../src/version";

// No request is made: building tools only reads the SDK's catalogs.
const ws = createClient({ clientId: "id", clientSecret: "secret", baseUrl: "http://127.0.0.1:9" }).workspace("acme");
const slugs = listConnectorTypes().map((c) => c.slug);

describe("descriptions", () => {
  it.each(slugs)("%s: within the budget, in tokens too, with a well-formed schema", async (slug) => {
    for (const actions of [undefined, "all" as const]) {
      const [tool] = await connectorTools(ws, slug, actions ? { actions } : {});
      expect(tool!.name).toBe(toolName(slug));
      expect(tool!.description.length).toBeLessThanOrEqual(DEFAULT_MAX_DESCRIPTION_CHARS);
      const tokens = encode(tool!.description).length;
      expect(tokens).toBeLessThanOrEqual(2_200);
      // The documented estimate (chars / 4) is within 25% of the tokenizer's count.
      expect(Math.abs(estimateTokens(tool!.description) - tokens) / tokens).toBeLessThan(0.25);
      expect(JSON.parse(JSON.stringify(tool!.inputSchema))).toEqual(tool!.inputSchema);
      const perAction = await connectorTools(ws, slug, { mode: "actions", ...(actions ? { actions } : {}) });
      expect(new Set(perAction.map((t) => t.name)).size).toBe(perAction.length);
      for (const t of perAction) expect(t.name).toMatch(/^[A-Za-z0-9_]{1,64}$/);
    }
  });

  it("a tight budget degrades level by level and still fits", async () => {
    const catalog = await describeConnector("shopify");
    let previous = -1;
    for (const maxChars of [20_000, 8_000, 4_000, 2_500, 1_200, 600]) {
      const { text, level } = connectorDescription({ catalog, entities: catalog.entities, writes: ["create"], maxChars });
      expect(text.length).toBeLessThanOrEqual(maxChars);
      expect(level).toBeGreaterThanOrEqual(previous);
      previous = level;
    }
    const { text } = connectorDescription({ catalog, entities: catalog.entities, writes: [], maxChars: 1_200 });
    expect(text).toMatch(/more entities: the entity enum lists them all/);
  });

  it("names required parameters, types, ranges and enums at the full level", async () => {
    const [github] = await connectorTools(ws, "github");
    expect(github!.description).toMatch(
      /\n {2}list\(owner\*: string, repo\*: string, states: array of "OPEN"\|"CLOSED", per_page: integer 1\.\.100/,
    );
    expect(github!.description).toMatch(/states: array of "OPEN"\|"CLOSED"/);
    expect(github!.description).toMatch(/per_page: integer 1\.\.100/);
  });

  it("VERSION is the package's", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });
});
