import { describe, expect, it } from "vitest";
import { useEmulator } from "../helpers/emulator";

const h = useEmulator();

describe("core against the emulator", () => {
  it("lists, executes and paginates", async () => {
    const ws = h.client().workspace();
    const connectors = await ws.connectors.list();
    expect(connectors.map((c) => c.connectorName).sort()).toEqual(["github", "linear", "stripe", "zendesk-support"]);
    const linear = ws.connector("linear");
    const page = await linear.execute("issues", "list", { first: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.meta.hasNextPage).toBe(true);
    const all = await linear.paginate("issues", "list", { first: 20 }).toArray();
    expect(all).toHaveLength(57);
    expect(new Set(all.map((i) => i.id)).size).toBe(57);
  });
});

describe("the fetch option", () => {
  it("is called with the URL as a string and the headers as a plain object of lower-cased names", async () => {
    const calls: { url: unknown; headers: unknown }[] = [];
    const client = h.client({
      headers: { "X-Team": "growth" },
      fetch: (input, init) => {
        calls.push({ url: input, headers: init?.headers });
        return fetch(input, init);
      },
    });
    await client.workspace().connectors.list({}, { headers: { "X-Trace": "t-1" } });
    // The token mint, then the list: both through the same fetch.
    expect(calls.map((c) => typeof c.url)).toEqual(["string", "string"]);
    for (const { headers } of calls) {
      expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
      const names = Object.keys(headers as object);
      expect(names).toEqual(names.map((n) => n.toLowerCase()));
    }
    const list = calls[1]?.headers as Record<string, string>;
    expect(list).toMatchObject({ accept: "application/json", "x-team": "growth", "x-trace": "t-1" });
    expect(list.authorization).toMatch(/^Bearer /);
  });
});
