// A slug is resolved once per client and workspace: concurrent callers and new handles share the lookup, and
// the client forgets it when it creates, renames or deletes a connector there, or when the id it resolved answers 404.
import { beforeEach, describe, expect, it } from "vitest";
import { ConnectorResolutionError } from "../../src/index";
import { useEmulator } from "../helpers/emulator";

const h = useEmulator();
const LIST = "GET /api/v1/integrations/connectors";
const lists = (): number => (h.emu.stats() as unknown as { routes: Record<string, number> }).routes[LIST] ?? 0;
const mints = (): number => (h.emu.stats() as unknown as { tokenMints: { application: number } }).tokenMints.application;

const secondStripe = {
  connectorType: "Stripe",
  name: "stripe-second",
  credentials: { api_key: "sk_test_second_000001" },
  replicationConfig: { account_id: "acct_second" },
};

beforeEach(() => {
  h.emu.reset();
});

describe("slug resolution is shared", () => {
  it("1,000 concurrent executes through connector('stripe'): one token mint, one list request", async () => {
    const stripe = h.client().workspace().connector("stripe");
    const results = await Promise.all(Array.from({ length: 1_000 }, () => stripe.execute("customers", "list", { limit: 1 })));
    expect(results).toHaveLength(1_000);
    expect(lists()).toBe(1);
    expect(mints()).toBe(1);
  });

  it("new handles and workspace objects of the same client reuse the resolved id; another client resolves its own", async () => {
    const client = h.client();
    await Promise.all(Array.from({ length: 20 }, () => client.workspace().connector("stripe").execute("customers", "list", { limit: 1 })));
    await client.workspace().connector("Stripe").id();
    expect(lists()).toBe(1);
    await h.client().workspace().connector("stripe").id();
    expect(lists()).toBe(2);
  });

  it("a failed lookup is not cached: the next call asks again", async () => {
    const ws = h.client().workspace("empty-workspace-for-slugs", { scopedToken: true });
    await expect(ws.connector("stripe").id()).rejects.toBeInstanceOf(ConnectorResolutionError);
    const before = lists();
    await expect(ws.connector("stripe").id()).rejects.toBeInstanceOf(ConnectorResolutionError);
    expect(lists()).toBeGreaterThan(before);
  });

  it("one caller aborting does not fail the others sharing the lookup", async () => {
    const stripe = h.client().workspace().connector("stripe");
    const controller = new AbortController();
    const aborted = stripe.execute("customers", "list", { limit: 1 }, { signal: controller.signal });
    const others = Promise.all([1, 2, 3].map(() => stripe.execute("customers", "list", { limit: 1 })));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    await expect(others).resolves.toHaveLength(3);
    expect(lists()).toBe(1);
  });
});

describe("slug resolution is forgotten when it may have changed", () => {
  it("creating a connector through the client makes new handles resolve again (here: now ambiguous); a resolved handle keeps its connector", async () => {
    const ws = h.client().workspace();
    const stripe = ws.connector("stripe");
    const first = await stripe.id();
    const created = await ws.connectors.create(secondStripe);
    await expect(stripe.id()).resolves.toBe(first);
    const error = await ws
      .connector("stripe")
      .id()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorResolutionError);
    expect((error as ConnectorResolutionError).code).toBe("connector_ambiguous");
    // Deleting it through the client forgets again: the slug resolves to the first connector once more.
    await ws.connectors.delete(created.id);
    await expect(ws.connector("stripe").id()).resolves.toBe(first);
  });

  it("renaming a connector through the client makes its old instance name resolve again (to nothing now)", async () => {
    const ws = h.client().workspace();
    const created = await ws.connectors.create(secondStripe);
    await expect(ws.connector("stripe-second").id()).resolves.toBe(created.id);
    await ws.connectors.update(created.id, { name: "stripe-renamed" });
    const error = await ws
      .connector("stripe-second")
      .id()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorResolutionError);
    await expect(ws.connector("stripe-renamed").id()).resolves.toBe(created.id);
    // A change that keeps the name (here, the replication config) keeps the resolved slugs.
    const before = lists();
    await ws.connectors.update(created.id, { replicationConfig: { account_id: "acct_other" } });
    await ws.connector("stripe-renamed").id();
    expect(lists()).toBe(before);
  });

  it("a 404 for the cached id (deleted by someone else) makes the next call resolve again", async () => {
    const ws = h.client().workspace();
    const stripe = ws.connector("stripe");
    const id = await stripe.id();
    // Another client (another process, say) deletes it; this client's cache cannot know.
    await h.client().workspace().connectors.delete(id);
    await expect(stripe.execute("customers", "list", { limit: 1 })).rejects.toMatchObject({ status: 404 });
    const before = lists();
    const error = await stripe.execute("customers", "list", { limit: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorResolutionError);
    expect((error as ConnectorResolutionError).code).toBe("connector_not_found");
    expect(lists()).toBeGreaterThan(before);
  });

  it("connectors.invalidate() forgets slugs after a change made elsewhere (the connect widget, another server); sends nothing", async () => {
    const ws = h.client().workspace();
    const id = await ws.connector("stripe").id();
    // Elsewhere: the old connector goes, a new one comes. This client still trusts what it resolved.
    const elsewhere = h.client().workspace();
    await elsewhere.connectors.delete(id);
    const created = await elsewhere.connectors.create(secondStripe);
    await expect(ws.connector("stripe").id()).resolves.toBe(id);
    const before = lists();
    ws.connectors.invalidate();
    expect(lists()).toBe(before);
    await expect(ws.connector("stripe").id()).resolves.toBe(created.id);
    expect(lists()).toBe(before + 1);
  });

  it("connectors.invalidate() forgets only its own workspace", async () => {
    const client = h.client();
    const other = client.workspace("invalidate-other", { scopedToken: true });
    await other.connectors.create(secondStripe);
    await Promise.all([client.workspace().connector("stripe").id(), other.connector("stripe").id()]);
    const before = lists();
    client.workspace().connectors.invalidate();
    await other.connector("stripe").id();
    expect(lists()).toBe(before);
    await client.workspace().connector("stripe").id();
    expect(lists()).toBe(before + 1);
  });
});
