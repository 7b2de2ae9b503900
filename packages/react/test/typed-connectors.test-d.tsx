// The hooks and factories infer what core's typed handle infers, for published connectors and `{ connectorId, type }`.
import type { AirbyteClient, ExecutionResult, TypedConnector, TypedParams, TypedResult } from "@airbyte-agents/core";
import { createWidgetClient } from "@airbyte-agents/core/browser";
import { type InfiniteData, QueryClient, useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  downloadMutationOptions,
  type ExecutePage,
  executeInfiniteQueryOptions,
  executeQueryOptions,
  type TypedDownloadParams,
  type TypedItem,
  type TypedMeta,
  type TypedPages,
  useDownload,
  useExecute,
  useInfiniteExecute,
  useSuspenseExecute,
} from "../src/index";

declare const airbyte: AirbyteClient;
const connectorId = "0afbebfc-3d87-49f9-89b5-80a2e69df485";

describe("useExecute is typed from the connector's spec", () => {
  it("stripe: data is the record type after the spec's extractor, meta.raw the connector's own keys", () => {
    const { data } = useExecute("stripe", "customers", "list", { limit: 5 });
    expectTypeOf(data).toEqualTypeOf<TypedResult<"stripe", "customers", "list"> | undefined>();
    // The same type as core's typed handle.
    expectTypeOf<NonNullable<typeof data>>().toEqualTypeOf<Awaited<ReturnType<TypedConnector<"stripe">["customers"]["list"]>>>();
    expectTypeOf<NonNullable<typeof data>["data"][number]["email"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<typeof data>["meta"]["raw"]>().toEqualTypeOf<{ has_more?: boolean | null } | null>();
    expectTypeOf(useExecute("stripe", "customers", "get", { id: "cus_1" }).data?.data.id).toEqualTypeOf<string | undefined>();
  });

  it("stripe: a wrong entity, action, param name or type, or a missing required param, is an error", () => {
    // @ts-expect-error no such entity
    useExecute("stripe", "customer", "list");
    // @ts-expect-error no such action
    useExecute("stripe", "customers", "lists");
    // @ts-expect-error not a parameter of customers.list
    useExecute("stripe", "customers", "list", { per_page: 5 });
    // @ts-expect-error limit is a number
    useExecute("stripe", "customers", "list", { limit: "5" });
    // @ts-expect-error customers.get needs an id
    useExecute("stripe", "customers", "get");
    // @ts-expect-error customers.get needs an id
    useExecute("stripe", "customers", "get", {});
    // @ts-expect-error download streams bytes: it is not a query
    useExecute("zendesk-support", "attachments", "download", { attachment_id: 1 });
  });

  it("github: required owner and repo, enum values checked", () => {
    const issues = useExecute("github", "issues", "list", { owner: "acme", repo: "app", states: ["OPEN"] });
    expectTypeOf(issues.data).toEqualTypeOf<TypedResult<"github", "issues", "list"> | undefined>();
    // @ts-expect-error repo is required
    useExecute("github", "issues", "list", { owner: "acme" });
    // @ts-expect-error states are "OPEN" | "CLOSED"
    useExecute("github", "issues", "list", { owner: "acme", repo: "app", states: ["open"] });
    // @ts-expect-error pulls is not a github entity
    useExecute("github", "pulls", "list", { owner: "acme", repo: "app" });
    // @ts-expect-error issues have no delete action
    useExecute("github", "issues", "delete", { owner: "acme", repo: "app" });
  });

  it("linear and hubspot: their own parameter names", () => {
    expectTypeOf(useExecute("linear", "issues", "list", { first: 5 }).data?.data).toEqualTypeOf<
      TypedResult<"linear", "issues", "list">["data"] | undefined
    >();
    // @ts-expect-error linear pages with first/after, not limit
    useExecute("linear", "issues", "list", { limit: 5 });
    // @ts-expect-error hubspot's get takes contactId
    useExecute("hubspot", "contacts", "get", { id: "1" });
    expectTypeOf(useExecute("hubspot", "contacts", "get", { contactId: "1" }).data).toEqualTypeOf<
      TypedResult<"hubspot", "contacts", "get"> | undefined
    >();
  });

  it("{ connectorId, type } is typed like the slug", () => {
    const { data } = useExecute({ connectorId, type: "stripe" }, "customers", "list", { limit: 5 });
    expectTypeOf(data).toEqualTypeOf<TypedResult<"stripe", "customers", "list"> | undefined>();
    // @ts-expect-error the type makes it typed, so a wrong entity is an error
    useExecute({ connectorId, type: "stripe" }, "customer", "list");
  });

  it("select narrows the typed result", () => {
    const emails = useExecute("stripe", "customers", "list", { limit: 5 }, { select: (r) => r.data.map((c) => c.email) });
    expectTypeOf(emails.data).toEqualTypeOf<(string | null | undefined)[] | undefined>();
    // Options without params: every customers.list param is optional.
    expectTypeOf(useExecute("stripe", "customers", "list", undefined, { selectFields: ["id"] }).isSuccess).toEqualTypeOf<boolean>();
  });

  it("useSuspenseExecute: the same checks, defined data", () => {
    expectTypeOf(useSuspenseExecute("linear", "issues", "get", { id: "1" }).data).toEqualTypeOf<TypedResult<"linear", "issues", "get">>();
    // @ts-expect-error issues.get needs an id
    useSuspenseExecute("linear", "issues", "get");
    // @ts-expect-error no such entity
    useSuspenseExecute("linear", "tickets", "list");
  });
});

describe("unknown connectors stay untyped; T is the result's data type in every hook", () => {
  interface Contact {
    id: string;
  }

  it("unknown slugs and { connectorId } take any entity, action and params", () => {
    expectTypeOf(useExecute("my-crm", "contacts", "list", { page_size: 5 }).data).toEqualTypeOf<ExecutionResult<unknown> | undefined>();
    expectTypeOf(useExecute({ connectorId }, "contacts", "list").data).toEqualTypeOf<ExecutionResult<unknown> | undefined>();
    const slug: string = "chosen-at-run-time";
    expectTypeOf(useExecute(slug, "contacts", "list").data).toEqualTypeOf<ExecutionResult<unknown> | undefined>();
  });

  it("useExecute<T>, useSuspenseExecute<T>, useInfiniteExecute<T> and the factories read T the same way", () => {
    expectTypeOf(useExecute<Contact[]>("my-crm", "contacts", "list").data).toEqualTypeOf<ExecutionResult<Contact[]> | undefined>();
    expectTypeOf(useSuspenseExecute<Contact[]>("my-crm", "contacts", "list").data).toEqualTypeOf<ExecutionResult<Contact[]>>();
    expectTypeOf(useInfiniteExecute<Contact[]>("my-crm", "contacts", "list").data).toEqualTypeOf<
      InfiniteData<ExecutePage<Contact>, string | null> | undefined
    >();
    // A search result's `data` array is unwrapped into the page, as core's paginate() does.
    expectTypeOf(useInfiniteExecute<{ data: Contact[] }>({ connectorId }, "contacts", "search").data?.pages[0]?.data).toEqualTypeOf<
      Contact[] | undefined
    >();
    const options = executeQueryOptions<Contact[]>(airbyte, { connector: "my-crm", entity: "contacts", action: "list" });
    expectTypeOf(new QueryClient().fetchQuery(options)).toEqualTypeOf<Promise<ExecutionResult<Contact[]>>>();
    const pages = executeInfiniteQueryOptions<Contact[]>(airbyte, { connector: "my-crm", entity: "contacts", action: "list" });
    expectTypeOf(useInfiniteQuery(pages).data).toEqualTypeOf<InfiniteData<ExecutePage<Contact>, string | null> | undefined>();
  });
});

describe("useInfiniteExecute is typed from the spec", () => {
  it("pages hold the typed items and the connector's meta", () => {
    const { data } = useInfiniteExecute("stripe", "customers", "list", { limit: 50 });
    expectTypeOf(data).toEqualTypeOf<TypedPages<"stripe", "customers", "list"> | undefined>();
    expectTypeOf(data?.pages[0]?.data).toEqualTypeOf<TypedItem<"stripe", "customers", "list">[] | undefined>();
    expectTypeOf<TypedItem<"stripe", "customers", "list">>().toEqualTypeOf<TypedResult<"stripe", "customers", "list">["data"][number]>();
    expectTypeOf(data?.pages[0]?.meta.raw).toEqualTypeOf<TypedMeta<"stripe", "customers", "list"> | null | undefined>();
    // The same items as core's paginate().
    type CoreItem = ReturnType<TypedConnector<"stripe">["customers"]["paginate"]> extends AsyncIterable<infer I> ? I : never;
    expectTypeOf<TypedItem<"stripe", "customers", "list">>().toEqualTypeOf<CoreItem>();
    const issues = useInfiniteExecute("github", "issues", "list", { owner: "acme", repo: "app", per_page: 50 });
    expectTypeOf(issues.data?.pages[0]?.data).toEqualTypeOf<TypedResult<"github", "issues", "list">["data"] | undefined>();
  });

  it("only paged actions, only their params, and never the cursor (the hook sends it)", () => {
    // @ts-expect-error customers.get does not page
    useInfiniteExecute("stripe", "customers", "get", { id: "cus_1" });
    // @ts-expect-error the hook sends starting_after itself
    useInfiniteExecute("stripe", "customers", "list", { starting_after: "cus_1" });
    // @ts-expect-error github's issues.list needs owner and repo
    useInfiniteExecute("github", "issues", "list", { per_page: 50 });
    // @ts-expect-error linear's cursor is after, and it is the hook's
    useInfiniteExecute("linear", "issues", "list", { first: 50, after: "c1" });
    // @ts-expect-error no such entity
    useInfiniteExecute("linear", "issue", "list");
    // @ts-expect-error per_page is a number
    useInfiniteExecute("github", "issues", "list", { owner: "acme", repo: "app", per_page: "50" });
  });

  it("select flattens typed pages", () => {
    const all = useInfiniteExecute("linear", "issues", "list", { first: 50 }, { select: (d) => d.pages.flatMap((p) => p.data) });
    expectTypeOf(all.data).toEqualTypeOf<TypedItem<"linear", "issues", "list">[] | undefined>();
  });
});

describe("option factories are typed too", () => {
  it("executeQueryOptions", () => {
    const options = executeQueryOptions(airbyte, { connector: "stripe", entity: "customers", action: "list", params: { limit: 5 } });
    expectTypeOf(new QueryClient().fetchQuery(options)).toEqualTypeOf<Promise<TypedResult<"stripe", "customers", "list">>>();
    expectTypeOf(useQuery(options).data).toEqualTypeOf<TypedResult<"stripe", "customers", "list"> | undefined>();
    const byId = executeQueryOptions(airbyte, {
      connector: { connectorId, type: "github" },
      entity: "issues",
      action: "get",
      params: { owner: "a", repo: "b", number: 1 },
    });
    expectTypeOf(useQuery(byId).data).toEqualTypeOf<TypedResult<"github", "issues", "get"> | undefined>();
    // @ts-expect-error no such entity
    executeQueryOptions(airbyte, { connector: "stripe", entity: "customer", action: "list" });
    // @ts-expect-error no such action
    executeQueryOptions(airbyte, { connector: "stripe", entity: "customers", action: "lists" });
    // @ts-expect-error not a parameter
    executeQueryOptions(airbyte, { connector: "stripe", entity: "customers", action: "list", params: { per_page: 1 } });
    // @ts-expect-error issues.get needs params (owner, repo, number)
    executeQueryOptions(airbyte, { connector: "github", entity: "issues", action: "get" });
  });

  it("executeInfiniteQueryOptions", () => {
    const options = executeInfiniteQueryOptions(airbyte, { connector: "linear", entity: "issues", action: "list", params: { first: 50 } });
    expectTypeOf(useInfiniteQuery(options).data).toEqualTypeOf<TypedPages<"linear", "issues", "list"> | undefined>();
    // @ts-expect-error the cursor is the query's
    executeInfiniteQueryOptions(airbyte, { connector: "linear", entity: "issues", action: "list", params: { after: "c1" } });
    // @ts-expect-error issues.get does not page
    executeInfiniteQueryOptions(airbyte, { connector: "linear", entity: "issues", action: "get", params: { id: "1" } });
  });

  it("work with the widget client as with the server client", () => {
    const browser = createWidgetClient({ getToken: async () => "token" });
    const options = executeQueryOptions(browser, {
      workspace: "acme",
      connector: "hubspot",
      entity: "contacts",
      action: "list",
      params: { limit: 5 },
    });
    expectTypeOf(useQuery(options).data).toEqualTypeOf<TypedResult<"hubspot", "contacts", "list"> | undefined>();
    const params: TypedParams<"hubspot", "contacts", "list"> = { limit: 5 };
    expectTypeOf(useExecute("hubspot", "contacts", "list", params).data).toEqualTypeOf<
      TypedResult<"hubspot", "contacts", "list"> | undefined
    >();
  });
});

describe("useDownload with a published connector's download entity", () => {
  it("mutate takes the download action's params, checked against the spec", () => {
    const attachment = useDownload("zendesk-support", "attachments");
    expectTypeOf(attachment.mutate).parameter(0).toEqualTypeOf<TypedDownloadParams<"zendesk-support", "attachments">>();
    expectTypeOf(attachment.data).toEqualTypeOf<Blob | undefined>();
    attachment.mutate({ attachment_id: 1 });
    // @ts-expect-error attachment_id is a number
    attachment.mutate({ attachment_id: "1" });
    // @ts-expect-error attachment_id is required
    attachment.mutate({});
    expectTypeOf(useDownload({ connectorId, type: "zendesk-support" }, "attachments", { as: "stream" }).data).toEqualTypeOf<
      ReadableStream<Uint8Array> | undefined
    >();
    // @ts-expect-error tickets have no download action
    useDownload("zendesk-support", "tickets");
    // @ts-expect-error stripe has nothing to download
    useDownload("stripe", "customers");
    const options = downloadMutationOptions(airbyte, { connector: "zendesk-support", entity: "attachments", as: "stream" });
    expectTypeOf(useMutation(options).mutateAsync).returns.toEqualTypeOf<Promise<ReadableStream<Uint8Array>>>();
    // @ts-expect-error no such entity
    downloadMutationOptions(airbyte, { connector: "zendesk-support", entity: "attachment" });
  });
});
