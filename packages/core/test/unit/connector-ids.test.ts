// The client's cache of slugs and connector kinds (pure logic, no HTTP).
import { describe, expect, it } from "vitest";
import { createConnectorIds } from "../../src/resources/connector-ids";

describe("createConnectorIds: known", () => {
  it("tells a slug's id once resolved, while resolve would answer without a lookup", async () => {
    let now = 0;
    const ids = createConnectorIds(() => now);
    expect(ids.known("acme", "stripe")).toBeUndefined();
    const pending = ids.resolve("acme", "Stripe", async () => "id-1");
    // Still being looked up: not known yet.
    expect(ids.known("acme", "stripe")).toBeUndefined();
    await pending;
    expect(ids.known("acme", "STRIPE")).toBe("id-1");
    expect(ids.known("other", "stripe")).toBeUndefined();
    now = 5 * 60_000 + 1;
    expect(ids.known("acme", "stripe")).toBeUndefined();
  });

  it("forgets with the slug, the workspace, or the id it resolved to", async () => {
    const ids = createConnectorIds(() => 0);
    await ids.resolve("acme", "stripe", async () => "id-1");
    ids.forgetKind("id-1", "acme");
    expect(ids.known("acme", "stripe")).toBeUndefined();
    await ids.resolve("acme", "stripe", async () => "id-2");
    ids.forget("acme");
    expect(ids.known("acme", "stripe")).toBeUndefined();
  });

  it("a failed lookup is not known", async () => {
    const ids = createConnectorIds(() => 0);
    await expect(ids.resolve("acme", "stripe", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(ids.known("acme", "stripe")).toBeUndefined();
  });
});
