// Compile-time checks of typed connectors over twelve published connectors: a wrong entity, action, parameter,
// parameter type or a missing required parameter is a type error; results, meta and credentials are typed.
// Checked by tsc (vitest typecheck and the package's typecheck script): every @ts-expect-error must be an error.
import { describe, expectTypeOf, it } from "vitest";
import { createWidgetClient } from "../../src/browser";
import {
  type ConnectorCredentials,
  type ConnectorHandle,
  type ConnectorReplicationConfig,
  type ConnectorSlug,
  type ConnectorTypes,
  connect,
  createClient,
  type ExecutionResult,
  type PageItemOf,
  type PageIterator,
  type TypedItem,
  type TypedParams,
  type TypedResult,
} from "../../src/index";

const ws = createClient({ clientId: "id", clientSecret: "secret" }).workspace("acme");

describe("entities, actions and parameters are checked", () => {
  it("stripe", () => {
    const stripe = ws.connector("stripe");
    void stripe.execute("customers", "list", { limit: 10 });
    // @ts-expect-error no entity "customer" (it is "customers")
    void stripe.execute("customer", "list", {});
    // @ts-expect-error customers have no "archive" action
    void stripe.execute("customers", "archive", {});
    // @ts-expect-error limit is a number
    void stripe.execute("customers", "list", { limit: "10" });
    // @ts-expect-error "cursor" is not a Stripe parameter (Stripe's is starting_after)
    void stripe.execute("customers", "list", { cursor: "x" });
    // @ts-expect-error get needs the id
    void stripe.customers.get({});
    // @ts-expect-error and the params object itself
    void stripe.customers.get();
    void stripe.balance.get();
    // @ts-expect-error download is not an execute action, and Stripe has none
    void stripe.execute("customers", "download", {});
  });

  it("github", () => {
    const github = ws.connector("github");
    void github.issues.list({ owner: "acme", repo: "app", per_page: 50 });
    // @ts-expect-error repo is required
    void github.issues.list({ owner: "acme" });
    // @ts-expect-error GitHub pages with per_page, not limit
    void github.issues.list({ owner: "acme", repo: "app", limit: 50 });
    // @ts-expect-error issue_number is an integer
    void github.comments.create({ owner: "acme", repo: "app", issue_number: "1", body: "hi" });
  });

  it("hubspot", () => {
    const hubspot = ws.connector("hubspot");
    void hubspot.contacts.get({ contactId: "1" });
    // @ts-expect-error contactId, not id
    void hubspot.contacts.get({ id: "1" });
    // @ts-expect-error no entity "contact"
    void hubspot.contact;
  });

  it("linear", () => {
    const linear = ws.connector("linear");
    void linear.issues.list({ first: 20 });
    // @ts-expect-error Linear pages with first, not per_page
    void linear.issues.list({ per_page: 20 });
    // @ts-expect-error comments.list needs the issue
    void linear.comments.list({});
  });

  it("asana", () => {
    const asana = ws.connector("asana");
    void asana.projects.get({ project_gid: "1" });
    // @ts-expect-error project_gid is the key
    void asana.projects.get({ gid: "1" });
    void asana.attachments.download({ attachment_gid: "1" });
  });

  it("google-drive", () => {
    const drive = ws.connector("google-drive");
    void drive.files.list({ pageSize: 10 });
    void drive.files.download({ fileId: "f", alt: "media" });
    // @ts-expect-error alt is the literal "media"
    void drive.files.download({ fileId: "f", alt: "json" });
    // @ts-expect-error a folder is not a download entity
    void drive.download("drives", { driveId: "d" });
  });

  it("zendesk-support", () => {
    const zendesk = ws.connector("zendesk-support");
    void zendesk.tickets.list({ sort_order: "desc" });
    // @ts-expect-error sort_order is "asc" or "desc"
    void zendesk.tickets.list({ sort_order: "down" });
    // @ts-expect-error attachment_id is an integer
    void zendesk.attachments.download({ attachment_id: "3" });
  });

  it("jira, salesforce, slack, notion, twilio", () => {
    const jira = ws.connector("jira");
    // @ts-expect-error issueIdOrKey is required
    void jira.issueComments.list({});
    const salesforce = ws.connector("salesforce");
    void salesforce.accounts.list({ q: "SELECT Id FROM Account" });
    // @ts-expect-error the SOQL query is required
    void salesforce.accounts.list({});
    const slack = ws.connector("slack");
    void slack.messages.create({ channel: "C1", text: "hello" });
    // @ts-expect-error text is required
    void slack.messages.create({ channel: "C1" });
    const notion = ws.connector("notion");
    // @ts-expect-error page_size is a number
    void notion.users.list({ page_size: "5" });
    const twilio = ws.connector("twilio");
    void twilio.calls.list({ AccountSid: "AC1" });
    // @ts-expect-error calls are children of an account
    void twilio.calls.list({});
  });
});

describe("results are typed from the spec after the record extractor", () => {
  it("data, items and meta", async () => {
    const stripe = ws.connector("stripe");
    const list = await stripe.customers.list({ limit: 1 });
    expectTypeOf(list.data).toBeArray();
    expectTypeOf(list.data[0]!.email).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(list.meta.raw).toEqualTypeOf<{ has_more?: boolean | null } | null>();
    expectTypeOf(list).toEqualTypeOf<TypedResult<"stripe", "customers", "list">>();
    for await (const customer of stripe.customers.paginate({ limit: 100 })) expectTypeOf(customer.id).toEqualTypeOf<string | undefined>();
    // @ts-expect-error paginate sends the cursor itself
    void stripe.customers.paginate({ starting_after: "cus_1" });
    expectTypeOf(stripe.paginate("charges", "list")).toEqualTypeOf<PageIterator<Awaited<ReturnType<typeof stripe.charges.get>>["data"]>>();
    const github = ws.connector("github");
    const issue = await github.issues.get({ owner: "a", repo: "b", number: 1 });
    expectTypeOf(issue).toExtend<ExecutionResult>();
    const download = await ws.connector("zendesk-support").attachments.download({ attachment_id: 1 });
    expectTypeOf(download).toEqualTypeOf<ReadableStream<Uint8Array>>();
  });

  it("a page that is one record yields that record: Amazon Seller Partner's financial events", () => {
    const asp = ws.connector("amazon-seller-partner");
    type Events = TypedResult<"amazon-seller-partner", "list_financial_events", "list">["data"];
    expectTypeOf<TypedItem<"amazon-seller-partner", "list_financial_events", "list">>().toEqualTypeOf<Events>();
    expectTypeOf(asp.paginate("list_financial_events", "list")).toEqualTypeOf<PageIterator<Events>>();
    expectTypeOf(asp.listFinancialEvents.paginate()).toEqualTypeOf<PageIterator<Events>>();
    expectTypeOf<Events>().toHaveProperty("RefundEventList");
    // The same rule over a generated operation type, as PageItemOf's example has it.
    type CustomersList = ConnectorTypes["stripe"]["entities"]["customers"]["list"];
    expectTypeOf<PageItemOf<CustomersList>>().toEqualTypeOf<TypedItem<"stripe", "customers", "list">>();
    expectTypeOf<PageItemOf<CustomersList>>().toHaveProperty("id");
  });

  it("params, credentials and replication settings have names", () => {
    expectTypeOf<TypedParams<"github", "issues", "list">>().toHaveProperty("owner");
    expectTypeOf<ConnectorCredentials<"github">>().toExtend<{ token: string } | Record<string, unknown>>();
    const pat: ConnectorCredentials<"github"> = { token: "ghp_x" };
    const replicationForm: ConnectorCredentials<"github"> = { option_title: "PAT Credentials", personal_access_token: "ghp_x" };
    // @ts-expect-error neither form
    const neither: ConnectorCredentials<"github"> = { password: "x" };
    const settings: ConnectorReplicationConfig<"github"> = { repositories: ["acme/app"] };
    void [pat, replicationForm, neither, settings];
    void ws.connectors.create({ type: "stripe", credentials: { api_key: "sk_test" }, replicationConfig: { account_id: "acct_1" } });
    // @ts-expect-error Stripe's credential is api_key
    void ws.connectors.create({ type: "stripe", credentials: { token: "sk_test" } });
    void ws.connectors.create({ connectorType: "Stripe", credentials: { anything: 1 } });
  });
});

describe("fallbacks and other entry points", () => {
  it("unknown slugs and bare ids are untyped handles", () => {
    expectTypeOf(ws.connector("my-crm")).toEqualTypeOf<ConnectorHandle>();
    expectTypeOf(ws.connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df485" })).toEqualTypeOf<ConnectorHandle>();
    void ws.connector("my-crm").execute<{ id: string }[]>("contacts", "list", { anything: true });
    const typed = ws.connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df485", type: "stripe" });
    // @ts-expect-error typed by `type`
    void typed.execute("customerz", "list");
  });

  it("connect() and the widget client type the same way", () => {
    const stripe = connect("stripe");
    // @ts-expect-error typed like ws.connector
    void stripe.customers.list({ limit: "1" });
    const browser = createWidgetClient({ getToken: async () => "token" });
    void browser.connector("linear").issues.list({ first: 5 });
    // @ts-expect-error typed like ws.connector
    void browser.connector("linear").issues.list({ limit: 5 });
    expectTypeOf<"stripe">().toExtend<ConnectorSlug>();
  });
});
