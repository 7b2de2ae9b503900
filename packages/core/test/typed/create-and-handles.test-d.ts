// Issue 9's remaining compile-time items: `replicationConfig` required exactly when the spec requires a setting,
// `handle.type`, and the helper types core exports for the React hooks (and anyone else who wraps the typed handle).
// Checked by tsc (vitest typecheck and the package's typecheck script): every @ts-expect-error must be an error.
import { describe, expectTypeOf, it } from "vitest";
import { createWidgetClient } from "../../src/browser";
import {
  type ConnectorHandle,
  type ConnectorReplicationConfig,
  type ConnectorSlug,
  createClient,
  type DownloadEntityOf,
  type EntityOf,
  type ExecuteActionOf,
  type ItemOf,
  type PagedActionOf,
  type TypedConnector,
  type TypedCreateConnectorInput,
  type TypedDownloadParams,
  type TypedItem,
  type TypedMeta,
  type TypedPageParams,
  type TypedParams,
  type TypedResult,
} from "../../src/index";

const ws = createClient({ clientId: "id", clientSecret: "secret" }).workspace("acme");
const connectorId = "0afbebfc-3d87-49f9-89b5-80a2e69df485";

describe("connectors.create({ type }): replicationConfig is required when the spec requires a setting", () => {
  it("github (repositories) and stripe (account_id): required", () => {
    void ws.connectors.create({ type: "github", credentials: { token: "ghp_x" }, replicationConfig: { repositories: ["acme/app"] } });
    // @ts-expect-error GitHub's spec requires replicationConfig.repositories
    void ws.connectors.create({ type: "github", credentials: { token: "ghp_x" } });
    // @ts-expect-error present but without its required setting
    void ws.connectors.create({ type: "github", credentials: { token: "ghp_x" }, replicationConfig: { start_date: "2026-01-01" } });
    void ws.connectors.create({ type: "stripe", credentials: { api_key: "sk_test" }, replicationConfig: { account_id: "acct_1" } });
    // @ts-expect-error Stripe's spec requires replicationConfig.account_id
    void ws.connectors.create({ type: "stripe", credentials: { api_key: "sk_test" } });
    // @ts-expect-error Sentry requires organization and project
    void ws.connectors.create({ type: "sentry", replicationConfig: { organization: "acme" } });
    expectTypeOf<TypedCreateConnectorInput<"github">["replicationConfig"]>().toEqualTypeOf<ConnectorReplicationConfig<"github">>();
    // connectors.check takes the same input.
    // @ts-expect-error check needs the required settings too
    void ws.connectors.check({ type: "github", credentials: { token: "ghp_x" } });
  });

  it("linear, hubspot and zendesk-support (no required setting): optional", () => {
    void ws.connectors.create({ type: "linear", credentials: { api_key: "lin_x" } });
    void ws.connectors.create({ type: "hubspot", name: "CRM" });
    void ws.connectors.create({ type: "zendesk-support", replicationConfig: {} });
    // Optional settings only (Slack, Amplitude): still optional, and typed when given.
    void ws.connectors.create({ type: "slack" });
    // @ts-expect-error lookback_window is a number
    void ws.connectors.create({ type: "slack", replicationConfig: { lookback_window: "7" } });
    expectTypeOf<TypedCreateConnectorInput<"linear">["replicationConfig"]>().toEqualTypeOf<
      ConnectorReplicationConfig<"linear"> | undefined
    >();
  });

  it("the widget client and the untyped forms follow their own rules", () => {
    const browser = createWidgetClient({ getToken: async () => "token" });
    // @ts-expect-error the same typed input on the widget client
    void browser.connectors.create({ type: "github", credentials: { token: "ghp_x" } });
    // By definition id or display name nothing is known at compile time: optional.
    void ws.connectors.create({ connectorType: "GitHub", credentials: { token: "ghp_x" } });
    void ws.connectors.create({ definitionId: "ef69ef6e-aa7f-4af1-a01d-ef775033524e" });
  });
});

describe("handle.type", () => {
  it("is the slug on a typed handle, string | undefined on an untyped one", () => {
    expectTypeOf(ws.connector("stripe").type).toEqualTypeOf<"stripe">();
    expectTypeOf(ws.connector({ connectorId, type: "github" }).type).toEqualTypeOf<"github">();
    expectTypeOf(ws.connector({ connectorId }).type).toEqualTypeOf<string | undefined>();
    expectTypeOf(ws.connector("my-crm").type).toEqualTypeOf<string | undefined>();
    expectTypeOf<TypedConnector<"linear">["type"]>().toEqualTypeOf<"linear">();
    expectTypeOf<ConnectorHandle["type"]>().toEqualTypeOf<string | undefined>();
    const stripe = ws.connector("stripe");
    // @ts-expect-error read-only
    stripe.type = "stripe";
  });
});

describe("helper types (what packages/react builds on)", () => {
  it("entities and actions", () => {
    expectTypeOf<"customers">().toExtend<EntityOf<"stripe">>();
    // @ts-expect-error not a Stripe entity
    const wrong: EntityOf<"stripe"> = "customer";
    void wrong;
    expectTypeOf<ExecuteActionOf<"stripe", "customers">>().toEqualTypeOf<
      "api_search" | "context_store_search" | "create" | "delete" | "get" | "list" | "search" | "update"
    >();
    // download streams bytes: not an execute action.
    expectTypeOf<ExecuteActionOf<"zendesk-support", "attachments">>().not.toExtend<"download">();
    expectTypeOf<"list">().toExtend<PagedActionOf<"github", "issues">>();
    expectTypeOf<"get">().not.toExtend<PagedActionOf<"github", "issues">>();
    expectTypeOf<"attachments">().toExtend<DownloadEntityOf<"zendesk-support">>();
    expectTypeOf<DownloadEntityOf<"stripe">>().toEqualTypeOf<never>();
  });

  it("infer as the handle's own do, in a generic wrapper (how the React hooks use them)", () => {
    function run<S extends ConnectorSlug, E extends EntityOf<S>, A extends ExecuteActionOf<S, E>>(
      _slug: S,
      _entity: E,
      _action: A,
      _params: TypedParams<S, E, A>,
    ): TypedResult<S, E, A> {
      throw new Error("types only");
    }
    expectTypeOf(run("stripe", "customers", "list", { limit: 5 })).toEqualTypeOf<TypedResult<"stripe", "customers", "list">>();
    expectTypeOf(run("github", "issues", "get", { owner: "a", repo: "b", number: 1 })).toEqualTypeOf<
      TypedResult<"github", "issues", "get">
    >();
    // @ts-expect-error not a Stripe entity
    run("stripe", "customer", "list", {});
    // @ts-expect-error limit is a number
    run("stripe", "customers", "list", { limit: "5" });
    function pages<S extends ConnectorSlug, E extends EntityOf<S>, A extends PagedActionOf<S, E>>(
      _slug: S,
      _entity: E,
      _action: A,
      _params: TypedPageParams<S, E, A>,
    ): TypedItem<S, E, A>[] {
      throw new Error("types only");
    }
    expectTypeOf(pages("github", "issues", "list", { owner: "a", repo: "b", per_page: 5 })).toEqualTypeOf<
      TypedItem<"github", "issues", "list">[]
    >();
    // @ts-expect-error the cursor is the pager's
    pages("linear", "issues", "list", { after: "c1" });
    // @ts-expect-error get does not page
    pages("linear", "issues", "get", { id: "1" });
    function download<S extends ConnectorSlug, E extends DownloadEntityOf<S>>(_slug: S, _entity: E, _params: TypedDownloadParams<S, E>) {}
    download("zendesk-support", "attachments", { attachment_id: 1 });
    // @ts-expect-error tickets have no download
    download("zendesk-support", "tickets", {});
  });

  it("results, items, meta and params are what the handle uses", () => {
    const stripe = ws.connector("stripe");
    type CoreItem = ReturnType<typeof stripe.customers.paginate> extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<TypedItem<"stripe", "customers", "list">>().toEqualTypeOf<CoreItem>();
    expectTypeOf<TypedItem<"stripe", "customers", "list">>().toEqualTypeOf<TypedResult<"stripe", "customers", "list">["data"][number]>();
    expectTypeOf<TypedMeta<"stripe", "customers", "list">>().toEqualTypeOf<
      TypedResult<"stripe", "customers", "list">["meta"]["raw"] & {}
    >();
    expectTypeOf<ItemOf<{ data: { id: string }[]; meta: unknown }>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<ItemOf<number[]>>().toEqualTypeOf<number>();
    expectTypeOf<TypedPageParams<"stripe", "customers", "list">>().not.toHaveProperty("starting_after");
    expectTypeOf<TypedPageParams<"stripe", "customers", "list">>().toHaveProperty("limit");
    expectTypeOf<TypedPageParams<"linear", "issues", "list">>().not.toHaveProperty("after");
    expectTypeOf<TypedParams<"linear", "issues", "list">>().toHaveProperty("after");
    const download: TypedDownloadParams<"zendesk-support", "attachments"> = { attachment_id: 1 };
    void download;
  });
});

describe("hover docs of the renamed shortcuts are declared (test/typed/hover.test.ts reads them)", () => {
  it("apiSearch and contextStoreSearch keep their types", () => {
    const stripe = ws.connector("stripe");
    expectTypeOf(stripe.customers.apiSearch).toEqualTypeOf<TypedConnector<"stripe">["customers"]["apiSearch"]>();
    expectTypeOf(stripe.customers.apiSearch).parameter(0).toEqualTypeOf<TypedParams<"stripe", "customers", "api_search">>();
    expectTypeOf(ws.connector("github").issues.contextStoreSearch).returns.resolves.toEqualTypeOf<
      TypedResult<"github", "issues", "context_store_search">
    >();
    // @ts-expect-error apiSearch needs its query
    void stripe.customers.apiSearch({});
  });
});
