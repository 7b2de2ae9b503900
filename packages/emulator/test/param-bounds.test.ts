import { beforeAll, describe, expect, it } from "vitest";
import { checkBounds, type Problem } from "../src/execute/bounds.js";
import { catalogConnectors } from "./helpers/catalog-connectors.js";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";

// The spec's bounds on params and request-body fields, over real HTTP: a value past a bound is a 422 naming
// `params.<name>` and the bound (pydantic's message and code); a value at the bound is answered.

const h = useEmulator({ recordsPerEntity: 5 });
let token: string;
const connectorOf = catalogConnectors("bounds");
const connector = (name: string) => connectorOf(h, token, name);

beforeAll(async () => {
  token = await h.appToken();
});

function list(name: string, entity: string, params: Record<string, unknown>): Promise<ApiResponse> {
  return connector(name).then((id) =>
    h.api("POST", `/api/v1/integrations/connectors/${id}/execute`, { token, body: { entity, action: "list", params } }),
  );
}

async function refused(res: ApiResponse, field: string, message: string, code: string): Promise<void> {
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(422);
  expect(res.body.errors).toEqual([{ field, message, error_code: code, details: null }]);
}

function answered(res: ApiResponse): void {
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
}

describe("numeric bounds", () => {
  it("page size: past the spec's maximum is refused, not clamped; at it and at the minimum it is answered", async () => {
    await refused(
      await list("stripe", "customers", { limit: 101 }),
      "params.limit",
      "Input should be less than or equal to 100",
      "less_than_equal",
    );
    await refused(
      await list("stripe", "customers", { limit: 0 }),
      "params.limit",
      "Input should be greater than or equal to 1",
      "greater_than_equal",
    );
    const at = await list("stripe", "customers", { limit: 100 });
    answered(at);
    expect(at.body.warning).toBeUndefined();
    answered(await list("stripe", "customers", { limit: 1 }));
  });

  it("a minimum that is not the page size (Freshdesk page ≥ 1, Confluence start ≥ 0)", async () => {
    await refused(
      await list("freshdesk", "agents", { page: 0 }),
      "params.page",
      "Input should be greater than or equal to 1",
      "greater_than_equal",
    );
    answered(await list("freshdesk", "agents", { page: 1 }));
    await refused(
      await list("confluence", "groups", { start: -1 }),
      "params.start",
      "Input should be greater than or equal to 0",
      "greater_than_equal",
    );
    answered(await list("confluence", "groups", { start: 0 }));
  });

  it("a number sent as a string (as a URL carries it) is checked as the number", async () => {
    await refused(
      await list("confluence", "groups", { limit: "201" }),
      "params.limit",
      "Input should be less than or equal to 200",
      "less_than_equal",
    );
    answered(await list("confluence", "groups", { limit: "200" }));
  });
});

describe("string bounds", () => {
  it("minLength and maxLength (PayPal currency_code is 3 characters)", async () => {
    await refused(
      await list("paypal-transaction", "balances", { currency_code: "US" }),
      "params.currency_code",
      "String should have at least 3 characters",
      "string_too_short",
    );
    await refused(
      await list("paypal-transaction", "balances", { currency_code: "USDX" }),
      "params.currency_code",
      "String should have at most 3 characters",
      "string_too_long",
    );
    answered(await list("paypal-transaction", "balances", { currency_code: "USD" }));
  });

  it("pattern (Google Ads customer_id is 10 digits)", async () => {
    await refused(
      await list("google-ads", "accounts", { customer_id: "123-456-7890" }),
      "params.customer_id",
      "String should match pattern '^[0-9]{10}$'",
      "string_pattern_mismatch",
    );
    answered(await list("google-ads", "accounts", { customer_id: "1234567890" }));
  });

  it("ids of a key whose param has a fixed-width digits pattern are such digits, so an id read back is valid", async () => {
    const id = await connector("google-ads");
    const update = (customerId: unknown) =>
      h.api("POST", `/api/v1/integrations/connectors/${id}/execute`, {
        token,
        body: { entity: "campaigns", action: "update", params: { customer_id: customerId, operations: [{}] } },
      });
    // The first generated record's id: before, `campaigns_1`, which the spec's pattern refuses.
    answered(await update("0000000001"));
    await refused(
      await update("campaigns_1"),
      "params.customer_id",
      "String should match pattern '^[0-9]{10}$'",
      "string_pattern_mismatch",
    );
  });

  it("format date-time (Amazon FinancialEventGroupStartedAfter)", async () => {
    const name = "FinancialEventGroupStartedAfter";
    await refused(
      await list("amazon-seller-partner", "list_financial_event_groups", { [name]: "yesterday" }),
      `params.${name}`,
      "Input should be a valid datetime",
      "datetime_parsing",
    );
    answered(await list("amazon-seller-partner", "list_financial_event_groups", { [name]: "2024-01-01T00:00:00Z" }));
  });

  it("format date (Asana due_on.after)", async () => {
    const base = { workspace_gid: "1" };
    await refused(
      await list("asana", "workspace_task_search", { ...base, "due_on.after": "Jan 1 2024" }),
      "params.due_on.after",
      "Input should be a valid date",
      "date_parsing",
    );
    answered(await list("asana", "workspace_task_search", { ...base, "due_on.after": "2024-01-01" }));
  });

  it("a request-body object's field (Gong filter.fromDateTime)", async () => {
    await refused(
      await list("gong", "call_transcripts", { filter: { fromDateTime: "last week" } }),
      "params.filter.fromDateTime",
      "Input should be a valid datetime",
      "datetime_parsing",
    );
    answered(await list("gong", "call_transcripts", { filter: { fromDateTime: "2024-01-01T00:00:00Z" } }));
  });
});

// No spec of the 51 uses exclusive bounds or email/uri formats on a param: their check is tested on its own.
describe("bounds no spec uses yet", () => {
  const check = (value: unknown, bounds: Parameters<typeof checkBounds>[1], numeric = false): Problem[] => {
    const problems: Problem[] = [];
    checkBounds(value, bounds, "params.x", numeric, problems);
    return problems;
  };

  it("exclusiveMinimum and exclusiveMaximum", () => {
    expect(check(0, { exclusiveMinimum: 0 }, true)).toEqual([
      { field: "params.x", message: "Input should be greater than 0", code: "greater_than" },
    ]);
    expect(check(0.5, { exclusiveMinimum: 0 }, true)).toEqual([]);
    expect(check("10", { exclusiveMaximum: 10 }, true)).toEqual([
      { field: "params.x", message: "Input should be less than 10", code: "less_than" },
    ]);
    expect(check(9, { exclusiveMaximum: 10 }, true)).toEqual([]);
  });

  it("email and uri formats", () => {
    expect(check("not an email", { format: "email" })).toMatchObject([{ code: "value_error" }]);
    expect(check("ada@example.com", { format: "email" })).toEqual([]);
    expect(check("example.com/x", { format: "uri" })).toMatchObject([{ code: "url_parsing" }]);
    expect(check("https://example.com/x", { format: "uri" })).toEqual([]);
  });

  it("a pattern JavaScript cannot compile is not checked, and lengths count characters, not UTF-16 units", () => {
    expect(check("anything", { pattern: "(?i)abc" })).toEqual([]);
    expect(check("😀😀😀", { maxLength: 3 })).toEqual([]);
  });
});
