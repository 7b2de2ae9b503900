// Issue 9's local checks at run time, against the emulator over HTTP: a required replication setting missing from
// connectors.create({ type }) and a parameter outside the spec's bounds are ValidationErrors naming the field, and the
// emulator's request log shows that nothing was sent; within the bounds the call goes out. Also `handle.type`.
import { beforeAll, describe, expect, it } from "vitest";
import { createWidgetClient } from "../../src/browser";
import { type AirbyteClient, isValidationError, ValidationError, type WorkspaceClient } from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const h = useEmulator({ recordsPerEntity: 12 });
let airbyte: AirbyteClient;
let ws: WorkspaceClient;
let stripeId: string;

const CREATE = "POST /api/v1/integrations/connectors";
const CHECK = "POST /api/v1/integrations/connectors/check";
const EXECUTE = "POST /api/v1/integrations/connectors/:id/execute";
/** The routes the emulator served since `from` (an index into its request log). */
const routesSince = (from: number) =>
  h.emu
    .requests()
    .slice(from)
    .map((r) => r.route);
const mark = () => h.emu.requests().length;

/** The issues of a ValidationError, or a failure when the call threw anything else. */
async function issuesOf(call: () => Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await rejection(call);
  if (!isValidationError(error)) throw error;
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.code).toBe("invalid_input");
  return error.issues as { path: string; message: string }[];
}

beforeAll(async () => {
  airbyte = h.client();
  await airbyte.admin.createWorkspace({ name: "checks-ws" });
  ws = airbyte.workspace("checks-ws");
  stripeId = (
    await ws.connectors.create({ type: "stripe", credentials: { api_key: "sk_test_x" }, replicationConfig: { account_id: "acct_1" } })
  ).id;
  await airbyte.tokens.application(); // so a request the SDK sent would show at once, after no token mint
});

describe("connectors.create({ type }) checks the replication settings the spec requires", () => {
  it("github without replicationConfig: replicationConfig.repositories, nothing sent", async () => {
    const from = mark();
    const issues = await issuesOf(() => ws.connectors.create({ type: "github", credentials: { token: "ghp_x" } } as never));
    expect(issues).toEqual([
      {
        path: "replicationConfig.repositories",
        message: "required by GitHub's replication settings (array; replicationConfig is missing)",
      },
    ]);
    expect(routesSince(from)).toEqual([]);
  });

  it("sentry with one of its two: names the other; stripe with a null account_id", async () => {
    const from = mark();
    const sentry = await issuesOf(() =>
      ws.connectors.create({ type: "sentry", credentials: { auth_token: "t" }, replicationConfig: { organization: "acme" } } as never),
    );
    expect(sentry.map((i) => i.path)).toEqual(["replicationConfig.project"]);
    const stripe = await issuesOf(() =>
      ws.connectors.create({ type: "stripe", credentials: { api_key: "sk_test_x" }, replicationConfig: { account_id: null } } as never),
    );
    expect(stripe).toEqual([{ path: "replicationConfig.account_id", message: "required by Stripe's replication settings (string)" }]);
    expect(routesSince(from)).toEqual([]);
  });

  it("connectors.check and the widget client check the same, before any token or request", async () => {
    const from = mark();
    const checked = await issuesOf(() => ws.connectors.check({ type: "github", credentials: { token: "ghp_x" } } as never));
    expect(checked.map((i) => i.path)).toEqual(["replicationConfig.repositories"]);
    let tokens = 0;
    const browser = createWidgetClient({
      baseUrl: h.emu.url,
      getToken: async () => {
        tokens++;
        return "widget-token";
      },
    });
    const created = await issuesOf(() => browser.connectors.create({ type: "facebook-marketing", credentials: {} } as never));
    expect(created.map((i) => i.path)).toEqual(["replicationConfig.account_ids"]);
    expect(tokens).toBe(0);
    expect(routesSince(from)).toEqual([]);
  });

  it("with the settings given, or for a connector that requires none, the create goes out", async () => {
    const from = mark();
    const github = await ws.connectors.create({
      type: "github",
      credentials: { token: "ghp_x" },
      replicationConfig: { repositories: ["acme/app"] },
    });
    const linear = await ws.connectors.create({ type: "linear", credentials: { api_key: "lin_x" } });
    expect(routesSince(from)).toEqual([CREATE, CREATE]);
    const check = await ws.connectors.check({ type: "hubspot", credentials: { access_token: "x" } } as never);
    expect(check.id).toEqual(expect.any(String));
    expect(routesSince(from)).toEqual([CREATE, CREATE, CHECK]);
    await ws.connectors.delete(github.id);
    await ws.connectors.delete(linear.id);
  });
});

describe("parameters outside the spec's bounds are refused locally", () => {
  it("stripe limit (1 to 100): 500 and 0 refused with the range, nothing sent; 100 and 1 go out", async () => {
    const stripe = ws.connector("stripe");
    const from = mark();
    expect(await issuesOf(() => stripe.customers.list({ limit: 500 }))).toEqual([
      { path: "params.limit", message: "expected an integer from 1 to 100, got 500" },
    ]);
    expect(await issuesOf(() => stripe.execute("customers", "list", { limit: 0 }))).toEqual([
      { path: "params.limit", message: "expected an integer from 1 to 100, got 0" },
    ]);
    // A value from elsewhere (an agent's tool call) is checked the same on a handle typed by { connectorId, type }.
    const byId = ws.connector({ connectorId: stripeId, type: "stripe" });
    const params: Record<string, unknown> = { limit: 101 };
    expect((await issuesOf(() => byId.execute("customers", "list", params))).map((i) => i.path)).toEqual(["params.limit"]);
    expect(routesSince(from)).toEqual([]);
    expect((await stripe.customers.list({ limit: 100 })).data.length).toBeGreaterThan(0);
    expect((await stripe.customers.list({ limit: 1 })).data).toHaveLength(1);
    expect(routesSince(from).filter((r) => r === EXECUTE)).toHaveLength(2);
  });

  it("paginate checks its first page's params the same way", async () => {
    const from = mark();
    const error = await rejection(() => ws.connector("stripe").customers.paginate({ limit: 1000 }).toArray());
    expect(isValidationError(error) && error.issues).toEqual([
      { path: "params.limit", message: "expected an integer from 1 to 100, got 1000" },
    ]);
    expect(routesSince(from)).toEqual([]);
  });

  it("github per_page, several problems at once, each named", async () => {
    const issues = await issuesOf(() =>
      ws.connector("github").execute("issues", "list", { owner: "acme", repo: "app", per_page: 101, states: ["OPEN"] }),
    );
    expect(issues).toEqual([{ path: "params.per_page", message: "expected an integer from 1 to 100, got 101" }]);
  });

  it("string bounds: PayPal's 3-letter currency code, its 17 to 19 character transaction id, Google Ads' 10-digit id", async () => {
    const from = mark();
    const paypal = ws.connector("paypal-transaction");
    expect(await issuesOf(() => paypal.execute("balances", "list", { currency_code: "US" }))).toEqual([
      { path: "params.currency_code", message: "expected exactly 3 characters, got 2" },
    ]);
    const transactions = await issuesOf(() =>
      paypal.execute("transactions", "list", {
        start_date: "2026-01-01T00:00:00Z",
        end_date: "2026-01-31T00:00:00Z",
        transaction_id: "1234",
      }),
    );
    expect(transactions).toEqual([{ path: "params.transaction_id", message: "expected 17 to 19 characters, got 4" }]);
    const ads = await issuesOf(() => ws.connector("google-ads").execute("accounts", "list", { customer_id: "123-456-7890" }));
    expect(ads).toEqual([{ path: "params.customer_id", message: "expected a value matching ^[0-9]{10}$" }]);
    expect(routesSince(from)).toEqual([]);
  });

  it("an untyped { connectorId } handle has no catalog: the value goes to the API, which answers for itself", async () => {
    const from = mark();
    const refused = (await rejection(ws.connector({ connectorId: stripeId }).execute("customers", "list", { limit: 500 }))) as {
      fieldErrors?: unknown;
    };
    expect(routesSince(from)).toEqual([EXECUTE]);
    // The server refuses it (the spec says 1 to 100), as the typed handle did before sending.
    expect(refused).toMatchObject({ name: "UnprocessableEntityError", status: 422 });
    expect(JSON.stringify(refused.fieldErrors)).toContain("params.limit");
  });
});

describe("handle.type", () => {
  it("is the slug given, the type next to an id, or undefined", async () => {
    expect(ws.connector("stripe").type).toBe("stripe");
    expect(ws.connector({ connectorId: stripeId, type: "stripe" }).type).toBe("stripe");
    expect(ws.connector({ connectorId: stripeId }).type).toBeUndefined();
    expect(ws.connector("my-crm").type).toBe("my-crm");
    // A property of the handle, never an entity of the shortcuts' Proxy; it does not change once the id is known.
    const stripe = ws.connector("stripe");
    await stripe.id();
    expect(stripe.type).toBe("stripe");
    expect(typeof (stripe as unknown as { customers: unknown }).customers).toBe("object");
    expect(Object.keys(JSON.parse(JSON.stringify({ type: stripe.type })))).toEqual(["type"]);
  });
});
