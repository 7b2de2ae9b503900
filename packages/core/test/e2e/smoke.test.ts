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
