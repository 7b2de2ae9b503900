// Paging a `{ connectorId }` handle by its spec, paginate's own argument checks, and slugs forgotten on any
// handle's 404: bugs an audit found, each test failing before its fix.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectorResolutionError, isValidationError } from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const RECORDS = 23;
const h = useEmulator({ recordsPerEntity: RECORDS });
const executes = (since: number) => h.executes(since);

describe("a { connectorId } handle pages by its connector's spec", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await h.client().admin.createWorkspace({ name: "paging-ws" });
    const ws = h.client().workspace("paging-ws");
    ids.greenhouse = (await ws.connectors.create({ type: "greenhouse", credentials: { api_key: "k" } } as never)).id;
    ids.typeform = (
      await ws.connectors.create({ type: "typeform", credentials: { access_token: "k" }, replicationConfig: { start_date: "2024-01-01" } })
    ).id;
    await ws.connectors.create({
      type: "tiktok-marketing",
      credentials: { access_token: "k" },
      replicationConfig: { start_date: "2024-01-01" },
    });
    await ws.connectors.create({ type: "clickup-api", credentials: { api_key: "k" } } as never);
    await ws.connectors.create({ type: "mailchimp", credentials: { api_key: "k-us1" } } as never);
  });

  it("Greenhouse (its GET says only the display name 'Greenhouse Harvest'): sends `page`, reads every record", async () => {
    const since = h.emu.requests().length;
    const handle = h
      .client()
      .workspace("paging-ws")
      .connector({ connectorId: ids.greenhouse as string });
    const records = await handle.paginate("candidates", "list", { per_page: 10 }).toArray();
    expect(executes(since).map((r) => r.execute?.params)[1]).toEqual({ per_page: 10, page: 2 });
    expect(records).toHaveLength(RECORDS);
  });

  it("Typeform (a next page only its spec's page_count shows): reads every form, as the typed handle does", async () => {
    const ws = h.client().workspace("paging-ws");
    expect(await ws.connector("typeform").paginate("forms", "list", { page_size: 5 }).toArray()).toHaveLength(RECORDS);
    const untyped = ws.connector({ connectorId: ids.typeform as string });
    expect(await untyped.paginate("forms", "list", { page_size: 5 }).toArray()).toHaveLength(RECORDS);
  });

  it("Typeform responses (no id: `after` takes the last record's token, page_count says more): reads every response", async () => {
    const since = h.emu.requests().length;
    const ws = h.client().workspace("paging-ws");
    const records = (await ws.connector("typeform").paginate("responses", "list", { form_id: "f1", page_size: 5 }).toArray()) as {
      token?: unknown;
    }[];
    expect(records).toHaveLength(RECORDS);
    expect(new Set(records.map((r) => r.token)).size).toBe(RECORDS);
    const sent = executes(since).map((r) => r.execute?.params as { after?: unknown } | undefined);
    expect(sent[0]?.after).toBeUndefined();
    expect(sent[1]?.after).toBe(records[4]?.token);
  });

  it("Typeform responses through a { connectorId } handle with a selection: the token is kept, every page read", async () => {
    const handle = h
      .client()
      .workspace("paging-ws")
      .connector({ connectorId: ids.typeform as string });
    // Keeps `id` (which these records lack) but not `token`, the field the cursor is read from.
    const options = { selectFields: ["id", "response_id"] };
    const records = await handle.paginate("responses", "list", { form_id: "f1", page_size: 5 }, options).toArray();
    expect(records).toHaveLength(RECORDS);
    expect(options.selectFields).toEqual(["id", "response_id"]);
  });
});

describe("page numbers as each spec counts them", () => {
  const ids = (records: unknown[]) => new Set(records.map((r) => JSON.stringify((r as { id?: unknown }).id ?? r)));

  it("TikTok (its page count is inside meta.page_info, as total_page): reads every page", async () => {
    const since = h.emu.requests().length;
    const tiktok = h.client().workspace("paging-ws").connector("tiktok-marketing");
    const records = await tiktok.paginate("campaigns", "list", { advertiser_id: "adv-1", page_size: 5 }).toArray();
    expect(records).toHaveLength(RECORDS);
    expect(executes(since).map((r) => (r.execute?.params as { page?: unknown } | undefined)?.page)).toEqual([undefined, 2, 3, 4, 5]);
    // The emulator fills page_info as the spec names its fields: the page asked for and the count of pages.
    const page = await tiktok.execute("campaigns", "list", { advertiser_id: "adv-1", page_size: 5, page: 2 });
    expect((page.meta.raw as { page_info?: unknown } | null)?.page_info).toEqual({
      total_number: RECORDS,
      page: 2,
      page_size: 5,
      total_page: 5,
    });
  });

  it("ClickUp (its page is 0-indexed): reads each record once", async () => {
    const since = h.emu.requests().length;
    const records = await h.client().workspace("paging-ws").connector("clickup-api").paginate("tasks", "list", { list_id: "l1" }).toArray();
    expect(records).toHaveLength(RECORDS);
    expect(ids(records).size).toBe(RECORDS);
    expect(executes(since).map((r) => (r.execute?.params as { page?: unknown } | undefined)?.page)).toEqual([undefined, 1]);
  });
});

describe("offsets where the meta tells nothing of a next page", () => {
  it("Mailchimp (its meta is only its links): a full page asks for the next, until one comes back short", async () => {
    const since = h.emu.requests().length;
    const mailchimp = h.client().workspace("paging-ws").connector("mailchimp");
    const records = await mailchimp.paginate("lists", "list", { count: 5 }).toArray();
    expect(records).toHaveLength(RECORDS);
    expect(executes(since).map((r) => (r.execute?.params as { offset?: unknown } | undefined)?.offset)).toEqual([undefined, 5, 10, 15, 20]);
  });

  it("Mailchimp without a page size: pages go on until an empty one", async () => {
    const records = await h.client().workspace("paging-ws").connector("mailchimp").paginate("lists", "list").toArray();
    expect(records).toHaveLength(RECORDS);
  });
});

describe("bad input before any request", () => {
  beforeEach(() => h.emu.reset());

  it("paginate checks selectFields and excludeFields itself: a string is a ValidationError naming it, nothing sent", async () => {
    const stripe = h.client().workspace().connector("stripe");
    const since = h.emu.requests().length;
    for (const [field, options] of [
      ["selectFields", { selectFields: "email" }],
      ["selectFields", { selectFields: 5 }],
      ["excludeFields", { excludeFields: "email" }],
    ] as const) {
      const error = await rejection(
        Promise.resolve().then(() => stripe.paginate("customers", "list", { limit: 100 }, options as never).toArray()),
      );
      expect(isValidationError(error), field).toBe(true);
      expect((error as { issues: { path: string }[] }).issues[0]?.path).toBe(field);
    }
    expect(h.emu.requests().slice(since)).toEqual([]);
  });

  it("a new handle of a slug the client already resolved serializes its params once, like a handle by id", async () => {
    const ws = h.client().workspace();
    await ws.connector("stripe").id();
    const params = { limit: 3 };
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      await ws.connector("stripe").execute("customers", "list", params);
      const ofParams = stringify.mock.calls.filter(([value]) => (value as { params?: unknown } | null)?.params === params);
      expect(ofParams).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it("params JSON cannot hold fail before the slug lookup is sent", async () => {
    const stripe = h.client().workspace().connector("stripe");
    const since = h.emu.requests().length;
    const error = await rejection(stripe.execute("customers", "search", { query: { filter: { eq: { balance: 10n } } } }));
    expect(isValidationError(error)).toBe(true);
    expect(
      h.emu
        .requests()
        .slice(since)
        .map((r) => r.route),
    ).toEqual([]);
  });
});

it("a 404 for an id through a { connectorId } handle makes the slugs resolved to it resolve again", async () => {
  h.emu.reset();
  const ws = h.client().workspace();
  const id = await ws.connector("stripe").id();
  await h.client().workspace().connectors.delete(id);
  await expect(ws.connector({ connectorId: id }).execute("customers", "list", { limit: 1 })).rejects.toMatchObject({ status: 404 });
  expect(await rejection(ws.connector("stripe").execute("customers", "list", { limit: 1 }))).toBeInstanceOf(ConnectorResolutionError);
});
