// The framework-neutral tools against the emulator over HTTP: a list reaches the result, invalid arguments come back
// as fixable failures with no request sent, writes are refused unless allowed, API errors map to retryable or
// terminal failures, and the output cap holds on a 100,000-record entity (with paging that loses nothing).
import { AirbyteError, ApiError, listConnectorTypes, type WorkspaceClient } from "@airbyte-agents/core";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  type AirbyteTool,
  askTool,
  connectorTools,
  DEFAULT_MAX_OUTPUT_CHARS,
  READ_ACTIONS,
  recordsOf,
  type ToolFailure,
  type ToolResult,
  type ToolSuccess,
  toToolFailure,
  workspaceTools,
} from "../src/index";
import { EXECUTE, useEmulator } from "./helpers";

// A connector id no test creates: the per-action tools below are built from the catalog and refuse before sending.
const UNSENT_ID = "00000000-0000-4000-8000-000000000000";
const h = useEmulator({ recordCounts: { "stripe.customers": 100_000 } });
let ws: WorkspaceClient;
let stripe: AirbyteTool;

const ok = (result: ToolResult): ToolSuccess => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result;
};
const failed = (result: ToolResult): ToolFailure["error"] => {
  if (result.ok) throw new Error("expected a failure");
  return result.error;
};

beforeAll(async () => {
  ws = h.client().workspace("default");
  [stripe] = (await connectorTools(ws, "stripe")) as [AirbyteTool];
});

describe("a connector tool", () => {
  it("is one tool with a generated description and a JSON Schema input", async () => {
    expect(stripe.name).toBe("stripe");
    expect(stripe.readOnly).toBe(true);
    expect(stripe.description).toContain("Stripe");
    expect(stripe.description).toContain("customers");
    expect(stripe.description).toMatch(/get\(id\*: string\)/);
    expect(stripe.description).toContain("Read-only");
    expect(stripe.description).toContain("Example questions:");
    expect(stripe.inputSchema.required).toEqual(["entity", "action"]);
    const actions = (stripe.inputSchema.properties.action as { enum: string[] }).enum;
    expect(actions.every((a) => READ_ACTIONS.includes(a))).toBe(true);
    expect(actions).not.toContain("create");
    expect(JSON.parse(JSON.stringify(stripe.inputSchema))).toEqual(stripe.inputSchema);
  });

  it("lists records: one execute request, the data and the next page's parameters", async () => {
    const mark = h.mark();
    const result = ok(await stripe.execute({ entity: "customers", action: "list", params: { limit: 3 } }));
    expect(result.data).toHaveLength(3);
    const last = (result.data as { id: string }[])[2]?.id;
    expect(result.nextPage).toEqual({ params: { starting_after: last } });
    expect(h.sentSince(mark).filter((r) => r.route === EXECUTE)).toHaveLength(1);
    const next = ok(await stripe.execute({ entity: "customers", action: "list", params: { limit: 3, ...result.nextPage?.params } }));
    expect((next.data as { id: string }[])[0]?.id).not.toBe(last);
  });

  it("a Mailchimp list (its meta tells nothing of a next page): a full page gives the next offset, a short one none", async () => {
    await h.client().admin.createWorkspace({ name: "mailchimp-ws" });
    const own = h.client().workspace("mailchimp-ws");
    await own.connectors.create({ type: "mailchimp", credentials: { api_key: "k-us1" } } as never);
    const [mailchimp] = (await connectorTools(own, "mailchimp")) as [AirbyteTool];
    const first = ok(await mailchimp.execute({ entity: "lists", action: "list", params: { count: 2 } }));
    expect(first.data).toHaveLength(2);
    expect(first.nextPage).toEqual({ params: { offset: 2 } });
    const all = ok(await mailchimp.execute({ entity: "lists", action: "list", params: { count: 1000 } }));
    expect(all.nextPage).toBeUndefined();
  });

  it("learns the slug of a bare { connectorId } handle from the connector", async () => {
    const [info] = (await ws.connectors.list()).filter((c) => c.connectorName === "linear");
    const [linear] = await connectorTools(ws.connector({ connectorId: info!.id }));
    expect(linear?.name).toBe("linear");
    ok(await linear!.execute({ entity: "issues", action: "list", params: { first: 2 } }));
  });

  it.each([
    [{ entity: "customer", action: "list" }, "entity", /valid: .*customers/],
    [{ entity: "customers", action: "fetch" }, "action", /valid: .*list/],
    [{ entity: "customers", action: "list", params: { limt: 10 } }, "params.limt", /not a parameter of customers\.list; valid: .*limit/],
    [{ entity: "customers", action: "get", params: {} }, "params.id", /required/],
    [{ entity: "customers", action: "list", params: { limit: "ten" } }, "params.limit", /expected integer/],
    [{ entity: "customers", action: "list", params: [1] }, "params", /expected an object/],
    [{ action: "list" }, "entity", /expected one of/],
  ])("answers invalid arguments %j as a fixable failure naming %s, with no request", async (input, field, message) => {
    const mark = h.mark();
    const error = failed(await stripe.execute(input));
    expect(error.type).toBe("invalid_arguments");
    expect(error.retryable).toBe(true);
    expect(error.hint).toMatch(/fix the arguments/i);
    const issue = error.issues?.find((i) => i.field === field);
    expect(issue?.message).toMatch(message);
    expect(h.sentSince(mark)).toEqual([]);
  });

  it("refuses a write unless allowed, with no request; allowed, the write runs", async () => {
    const mark = h.mark();
    const refused = failed(await stripe.execute({ entity: "customers", action: "delete", params: { id: "customers_1" } }));
    expect(refused.type).toBe("not_allowed");
    expect(refused.retryable).toBe(false);
    expect(refused.message).toMatch(/customers\.delete is not enabled/);
    expect(h.sentSince(mark)).toEqual([]);

    const [writer] = (await connectorTools(ws, "stripe", { actions: [...READ_ACTIONS, "customers.create"] })) as [AirbyteTool];
    expect(writer.readOnly).toBe(false);
    expect(writer.destructive).toBe(false);
    expect(writer.description).toContain("Writes allowed: create");
    expect(writer.isWrite({ entity: "customers", action: "create" })).toBe(true);
    const created = ok(await writer.execute({ entity: "customers", action: "create", params: { email: "ada@example.com" } }));
    expect((created.data as { email: string }).email).toBe("ada@example.com");
    // Only customers.create: deleting is still refused, and so is creating another entity.
    expect(failed(await writer.execute({ entity: "customers", action: "delete", params: { id: "x" } })).type).toBe("not_allowed");
    expect(failed(await writer.execute({ entity: "products", action: "create", params: { name: "x" } })).type).toBe("not_allowed");
  });

  it("restricts entities", async () => {
    const [only] = (await connectorTools(ws, "stripe", { entities: ["customers"] })) as [AirbyteTool];
    expect((only.inputSchema.properties.entity as { enum: string[] }).enum).toEqual(["customers"]);
    expect(failed(await only.execute({ entity: "invoices", action: "list" })).type).toBe("invalid_arguments");
  });

  it("selects fields", async () => {
    const result = ok(await stripe.execute({ entity: "customers", action: "list", params: { limit: 2 }, select_fields: ["id", "email"] }));
    for (const record of result.data as Record<string, unknown>[]) expect(Object.keys(record).sort()).toEqual(["email", "id"]);
  });

  it("select_fields without the id still gives a last-id list its next page: the id comes back with each record", async () => {
    const result = ok(await stripe.execute({ entity: "customers", action: "list", params: { limit: 2 }, select_fields: ["email"] }));
    const records = result.data as Record<string, unknown>[];
    for (const record of records) expect(Object.keys(record).sort()).toEqual(["email", "id"]);
    expect(result.nextPage).toEqual({ params: { starting_after: records[1]?.id } });
  });

  it("searches the context store and pages with its cursor", async () => {
    const result = ok(await stripe.execute({ entity: "customers", action: "context_store_search", params: { limit: 2 } }));
    expect((result.data as { data: unknown[] }).data).toHaveLength(2);
    expect(result.nextPage?.params.cursor).toEqual(expect.any(String));
  });
});

describe("downloads", () => {
  it("reads a file within the cap (text, or base64 when it is not UTF-8); an unknown file is not_found", async () => {
    const [zendesk] = (await connectorTools(ws, "zendesk-support", { entities: ["attachments"] })) as [AirbyteTool];
    const result = ok(await zendesk.execute({ entity: "attachments", action: "download", params: { attachment_id: 3 } }));
    const file = result.data as { bytes: number; encoding: string; content: string; complete: boolean; note?: string };
    expect(file.bytes).toBeGreaterThan(0);
    expect(["utf-8", "base64"]).toContain(file.encoding);
    expect(file.content.length).toBeGreaterThan(0);
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(DEFAULT_MAX_OUTPUT_CHARS);
    if (!file.complete) expect(file.note).toMatch(/larger than/);
    // A small cap: the first bytes, marked incomplete.
    const [small] = (await connectorTools(ws, "zendesk-support", { entities: ["attachments"], maxOutputChars: 1_000 })) as [AirbyteTool];
    const cut = ok(await small.execute({ entity: "attachments", action: "download", params: { attachment_id: 3 } }));
    expect(cut.data).toMatchObject({ complete: false, note: expect.stringMatching(/larger than/) });
    expect(JSON.stringify(cut).length).toBeLessThanOrEqual(1_000);
    const missing = failed(await zendesk.execute({ entity: "attachments", action: "download", params: { attachment_id: 987654 } }));
    expect(missing.type).toBe("not_found");
  });
});

describe("API errors", () => {
  it("maps by mayHaveSucceeded first: true is outcome_unknown, false keeps a failed write retryable", async () => {
    const unknown = Object.assign(new AirbyteError("timed out", { code: "timeout", retryable: true }), { mayHaveSucceeded: true });
    expect(toToolFailure(unknown, { write: false })?.error.type).toBe("outcome_unknown");
    const refused = Object.assign(ApiError.from({ status: 503, method: "POST", path: "/x" }), { mayHaveSucceeded: false });
    expect(toToolFailure(refused, { write: true })?.error).toMatchObject({ type: "unavailable", retryable: true });
    // Without the field, a write answered by a 5xx is treated as possibly applied.
    expect(toToolFailure(ApiError.from({ status: 502, method: "POST", path: "/x" }), { write: true })?.error.type).toBe("outcome_unknown");
    expect(toToolFailure(new TypeError("a bug"), { write: false })).toBeUndefined();
  });

  it("maps a 401 to a terminal failure", async () => {
    h.emu.setFaults({ queue: [{ status: 401, times: 3, match: { path: "/execute" } }] });
    const error = failed(await stripe.execute({ entity: "customers", action: "list", params: { limit: 1 } }));
    h.emu.setFaults({});
    expect(error).toMatchObject({ type: "unauthorized", retryable: false, status: 401 });
    expect(error.hint).toMatch(/stop/i);
  });

  it("maps a 403 to a terminal failure", async () => {
    h.emu.setFaults({ queue: [{ status: 403, match: { path: "/execute" } }] });
    const error = failed(await stripe.execute({ entity: "customers", action: "list", params: { limit: 1 } }));
    h.emu.setFaults({});
    expect(error).toMatchObject({ type: "forbidden", retryable: false, status: 403 });
  });

  it("maps a server-side 422 to a fixable failure", async () => {
    h.emu.setFaults({ queue: [{ status: 422, match: { path: "/execute" } }] });
    const error = failed(await stripe.execute({ entity: "customers", action: "list", params: { limit: 1 } }));
    h.emu.setFaults({});
    expect(error).toMatchObject({ type: "invalid_arguments", retryable: true, status: 422 });
  });

  it("maps an unknown record to not_found", async () => {
    const error = failed(await stripe.execute({ entity: "customers", action: "get", params: { id: "cus_does_not_exist" } }));
    expect(error).toMatchObject({ type: "not_found", retryable: true, status: 404 });
  });

  it("maps a failed write whose outcome is unknown to a terminal failure", async () => {
    const [writer] = (await connectorTools(ws, "stripe", { actions: "all", callOptions: { maxRetries: 0 } })) as [AirbyteTool];
    h.emu.setFaults({ queue: [{ status: 500, afterWrite: true, match: { path: "/execute" } }] });
    const error = failed(await writer.execute({ entity: "customers", action: "create", params: { email: "grace@example.com" } }));
    h.emu.setFaults({});
    expect(error).toMatchObject({ type: "outcome_unknown", retryable: false });
    expect(error.hint).toMatch(/do not repeat/i);
  });

  it("maps a read that keeps failing with 503 to a retryable failure", async () => {
    const [reader] = (await connectorTools(ws, "stripe", { callOptions: { maxRetries: 0 } })) as [AirbyteTool];
    h.emu.setFaults({ queue: [{ status: 503, match: { path: "/execute" } }] });
    const error = failed(await reader.execute({ entity: "customers", action: "list", params: { limit: 1 } }));
    h.emu.setFaults({});
    expect(error).toMatchObject({ type: "unavailable", retryable: true, status: 503 });
  });

  it("rethrows what is not the API's (a cancelled call)", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(stripe.execute({ entity: "customers", action: "list" }, { signal: controller.signal })).rejects.toThrow();
  });
});

describe("the output cap", () => {
  it("holds on a 100,000-record entity, keeps whole records and pages on from the last one shown", async () => {
    const result = ok(await stripe.execute({ entity: "customers", action: "list", params: { limit: 100 } }));
    const text = JSON.stringify(result);
    expect(text.length).toBeLessThanOrEqual(DEFAULT_MAX_OUTPUT_CHARS);
    const records = result.data as { id: string }[];
    expect(records.length).toBeGreaterThan(10);
    expect(records.length).toBeLessThan(100);
    expect(result.truncated).toMatchObject({ recordsShown: records.length, recordsTotal: 100, maxChars: DEFAULT_MAX_OUTPUT_CHARS });
    expect(result.truncated?.totalChars).toBeGreaterThan(DEFAULT_MAX_OUTPUT_CHARS);
    expect(result.truncated?.note).toMatch(/records shown/);
    expect(result.truncated?.note).toMatch(/continues right after the last record shown/);
    // Stripe pages by the last id: the next call starts right after the last record the model saw, so nothing is lost.
    expect(result.nextPage?.params).toEqual({ starting_after: records.at(-1)?.id });
    const next = ok(await stripe.execute({ entity: "customers", action: "list", params: { limit: 100, ...result.nextPage?.params } }));
    const nextIds = (next.data as { id: string }[]).map((r) => r.id);
    expect(nextIds[0]).toBe(`customers_${records.length + 1}`);
  });

  it("says so when the page cannot resume mid-page (a meta cursor), and how to read the rest", async () => {
    const [small] = (await connectorTools(ws, "stripe", { maxOutputChars: 5_000 })) as [AirbyteTool];
    const result = ok(await small.execute({ entity: "customers", action: "context_store_search", params: { limit: 20 } }));
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(5_000);
    expect(result.truncated?.note).toMatch(/not in this result/);
    expect(result.truncated?.note).toMatch(/smaller params\.limit/);
  });

  it("cuts what is not a list as text", async () => {
    const [tiny] = (await connectorTools(ws, "stripe", { maxOutputChars: 300 })) as [AirbyteTool];
    const result = ok(await tiny.execute({ entity: "customers", action: "get", params: { id: "customers_1" } }));
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(300);
    expect(result.partial?.length).toBeGreaterThan(0);
    expect(result.truncated?.note).toMatch(/select_fields/);
  });

  it("cuts a page that is one record (Amazon's financial events) as text, never to fewer of its lists' items", async () => {
    const created = await ws.connectors.create({
      connectorType: "Amazon Seller Partner",
      name: "Amazon Seller Partner",
      credentials: { lwa_app_id: "app", lwa_client_secret: "secret-value", refresh_token: "refresh-value" },
    } as never);
    onTestFinished(() => ws.connectors.delete(created.id).then(() => undefined));
    const call = { entity: "list_financial_events", action: "list", params: { MaxResultsPerPage: 5 } };
    const [full] = (await connectorTools(ws, "amazon-seller-partner", { maxOutputChars: Number.POSITIVE_INFINITY })) as [AirbyteTool];
    const page = ok(await full.execute(call));
    expect(page.nextPage?.params).toEqual({ NextToken: expect.any(String) });
    const [small] = (await connectorTools(ws, "amazon-seller-partner", { maxOutputChars: 600 })) as [AirbyteTool];
    const capped = ok(await small.execute(call));
    expect(JSON.stringify(capped).length).toBeLessThanOrEqual(600);
    expect(capped.partial?.startsWith('{"ok":true,"data":{')).toBe(true);
    expect(capped.truncated?.recordsShown).toBeUndefined();
    expect(capped.nextPage).toEqual(page.nextPage);
    // The rule itself: one record, so no list to cut, even where the page holds a single list.
    expect(recordsOf({ RefundEventList: [{}, {}] }, { pageIsRecord: true })).toBeUndefined();
    expect(recordsOf({ RefundEventList: [{}, {}] })?.records).toHaveLength(2);
  });

  it("can be turned off", async () => {
    const [uncapped] = (await connectorTools(ws, "stripe", { maxOutputChars: Number.POSITIVE_INFINITY })) as [AirbyteTool];
    const result = ok(await uncapped.execute({ entity: "customers", action: "list", params: { limit: 100 } }));
    expect(result.data).toHaveLength(100);
    expect(result.truncated).toBeUndefined();
  });
});

describe("per-action tools", () => {
  it("one tool per entity and action, the action's parameters as the schema", async () => {
    const tools = await connectorTools(ws, "stripe", { mode: "actions" });
    const list = tools.find((t) => t.name === "stripe_customers_list")!;
    expect(list.inputSchema.properties.limit).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    expect(tools.every((t) => t.readOnly)).toBe(true);
    expect(tools.some((t) => t.name.endsWith("_create"))).toBe(false);
    const result = ok(await list.execute({ limit: 2 }));
    expect(result.data).toHaveLength(2);
    const mark = h.mark();
    expect(failed(await list.execute({ limt: 2 })).issues?.[0]?.field).toBe("limt");
    expect(h.sentSince(mark)).toEqual([]);
  });
  it("the schema says every bound the execute checks: patterns, lengths, and null where the enum allows it", async () => {
    const mark = h.mark();
    const ads = await connectorTools(ws.connector({ connectorId: UNSENT_ID, type: "google-ads" }), { mode: "actions" });
    const campaigns = ads.find((t) => t.name === "google_ads_campaigns_list")!;
    expect(campaigns.inputSchema.properties.customer_id).toMatchObject({ type: "string", pattern: "^[0-9]{10}$" });
    const paypal = await connectorTools(ws.connector({ connectorId: UNSENT_ID, type: "paypal-transaction" }), { mode: "actions" });
    const transactions = paypal.find((t) => t.name === "paypal_transaction_transactions_list")!;
    expect(transactions.inputSchema.properties.transaction_id).toMatchObject({ type: "string", minLength: 17, maxLength: 19 });
    expect(transactions.inputSchema.properties.transaction_currency).toMatchObject({ minLength: 3, maxLength: 3 });
    const github = await connectorTools(ws.connector({ connectorId: UNSENT_ID, type: "github" }), { mode: "actions", actions: "all" });
    const update = github.find((t) => t.name === "github_issues_update")!;
    expect(update.inputSchema.properties.state_reason).toMatchObject({
      type: ["string", "null"],
      enum: ["completed", "not_planned", "reopened", null],
    });
    // What the schema refuses, the execute refuses too; the handles know their type, so nothing is sent at all.
    expect(failed(await campaigns.execute({ customer_id: "123" })).issues?.[0]?.field).toBe("customer_id");
    expect(h.sentSince(mark)).toEqual([]);
  });
  it("property keys suit every model API (Klaviyo's page[cursor] is page_cursor), mapped back when called", async () => {
    const mark = h.mark();
    for (const { slug } of listConnectorTypes()) {
      const tools = await connectorTools(ws.connector({ connectorId: UNSENT_ID, type: slug }), { mode: "actions", actions: "all" });
      for (const tool of tools) for (const key of Object.keys(tool.inputSchema.properties)) expect(key).toMatch(/^[a-zA-Z0-9_.-]{1,64}$/);
    }
    expect(h.sentSince(mark)).toEqual([]);

    const created = await ws.connectors.create({
      connectorType: "Klaviyo",
      name: "Klaviyo",
      credentials: { api_key: "pk_test_0123456789" },
    });
    onTestFinished(() => ws.connectors.delete(created.id).then(() => undefined));
    const tools = await connectorTools(ws, "klaviyo", { mode: "actions" });
    const profiles = tools.find((t) => t.name === "klaviyo_profiles_list")!;
    expect(Object.keys(profiles.inputSchema.properties)).toEqual(["page_size", "page_cursor"]);
    const since = h.emu.requests().length;
    const first = ok(await profiles.execute({ page_size: 2 }));
    expect(first.data).toHaveLength(2);
    expect(Object.keys(first.nextPage?.params ?? {})).toEqual(["page_cursor"]);
    ok(await profiles.execute({ page_size: 2, ...first.nextPage?.params }));
    const sent = h.emu
      .requests()
      .slice(since)
      .filter((r) => r.route === EXECUTE)
      .map((r) => Object.keys(r.execute?.params ?? {}));
    expect(sent).toEqual([["page[size]"], ["page[size]", "page[cursor]"]]);
    // A refusal names the key the model sent, where it sent it (a per-action tool's input is the parameters).
    expect(failed(await profiles.execute({ page_size: "two" })).issues?.[0]?.field).toBe("page_size");
    // So does the output cap's note: no `params.` wrapper, no select_fields (this tool has none).
    const capped = await connectorTools(ws, "klaviyo", { mode: "actions", maxOutputChars: 1_500 });
    const small = capped.find((t) => t.name === "klaviyo_profiles_list")!;
    const cut = ok(await small.execute({ page_size: 20 }));
    expect(cut.truncated?.note).toMatch(/pass a smaller page_size \(\d+ fits\)\./);
    expect(cut.truncated?.note).not.toMatch(/params\.|select_fields/);
  });
});

describe("workspace tools", () => {
  it("one tool per connector of the workspace, and ask", async () => {
    const tools = await workspaceTools(ws);
    expect(tools.map((t) => t.name).sort()).toEqual(["airbyte_ask", "github", "linear", "stripe", "zendesk_support"]);
    const github = tools.find((t) => t.name === "github")!;
    ok(await github.execute({ entity: "issues", action: "list", params: { owner: "airbytehq", repo: "airbyte", per_page: 2 } }));
  });

  it("takes an allow-list per slug", async () => {
    const tools = await workspaceTools(ws, { only: ["stripe", "linear"], actions: { stripe: "all" }, ask: false });
    expect(tools.map((t) => t.name).sort()).toEqual(["linear", "stripe"]);
    expect(tools.find((t) => t.name === "stripe")?.destructive).toBe(true);
    expect(tools.find((t) => t.name === "linear")?.readOnly).toBe(true);
  });

  it("asks the workspace", async () => {
    const ask = askTool(ws);
    const result = ok(await ask.execute({ question: "list my 5 most recent Stripe customers" }));
    expect((result.data as { answer: string }).answer).toMatch(/Stripe/);
    expect(failed(await ask.execute({ question: "" })).type).toBe("invalid_arguments");
    expect(failed(await ask.execute({ question: "what is the weather on mars" })).type).toBe("no_answer");
  });
});
