// What a type argument means, the same in every execute hook and factory:
//   - for a published connector, the typed signature's own parameters, `<S, E, A, TData>` (what inference gives;
//     TData is what `select` returns), checked against the arguments;
//   - a slug alone (`useExecute<"stripe">(…)`, or a slug and an entity) is an error, never `data: "stripe"`;
//   - a data type (`useExecute<Customer[]>("stripe", …)`) is the untyped reading, as for any connector the SDK has no
//     types for: `data` is `T`, and the call is checked against the spec at run time only (core's local validation).
// And the helper types are core's own: React re-exports them, it does not derive them again.
import type * as Core from "@airbyte-agents/core";
import type { ExecutionResult, TypedResult } from "@airbyte-agents/core";
import { type InfiniteData, QueryClient, useInfiniteQuery } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  type DownloadEntityOf,
  type EntityOf,
  type ExecuteActionOf,
  type ExecutePage,
  executeInfiniteQueryOptions,
  executeQueryOptions,
  type ItemOf,
  type PagedActionOf,
  type TypedDownloadParams,
  type TypedItem,
  type TypedMeta,
  type TypedPageParams,
  type TypedPages,
  useDownload,
  useExecute,
  useInfiniteExecute,
  useSuspenseExecute,
} from "../src/index";

declare const airbyte: Core.AirbyteClient;
interface Customer {
  id: string;
  email: string;
}

describe("<S, E, A, TData> on a published connector: the typed signature, spelled out", () => {
  it("useExecute and useSuspenseExecute", () => {
    expectTypeOf(useExecute<"stripe", "customers", "list">("stripe", "customers", "list", { limit: 5 }).data).toEqualTypeOf<
      TypedResult<"stripe", "customers", "list"> | undefined
    >();
    const count = useExecute<"stripe", "customers", "list", number>(
      "stripe",
      "customers",
      "list",
      { limit: 5 },
      { select: (r) => r.data.length },
    );
    expectTypeOf(count.data).toEqualTypeOf<number | undefined>();
    expectTypeOf(useSuspenseExecute<"linear", "issues", "get">("linear", "issues", "get", { id: "1" }).data).toEqualTypeOf<
      TypedResult<"linear", "issues", "get">
    >();
    // The arguments must match the type arguments, and the params stay checked.
    // @ts-expect-error the type arguments say customers, the call says invoices
    useExecute<"stripe", "customers", "list">("stripe", "invoices", "list");
    // @ts-expect-error limit is a number
    useExecute<"stripe", "customers", "list">("stripe", "customers", "list", { limit: "5" });
    // @ts-expect-error select must return the TData given
    useExecute<"stripe", "customers", "list", string>("stripe", "customers", "list", {}, { select: (r) => r.data.length });
  });

  it("useInfiniteExecute and the factories", () => {
    expectTypeOf(useInfiniteExecute<"github", "issues", "list">("github", "issues", "list", { owner: "a", repo: "b" }).data).toEqualTypeOf<
      TypedPages<"github", "issues", "list"> | undefined
    >();
    // @ts-expect-error customers.get does not page
    useInfiniteExecute<"stripe", "customers", "get">("stripe", "customers", "get", { id: "cus_1" });
    const options = executeQueryOptions<"hubspot", "contacts", "get">(airbyte, {
      connector: "hubspot",
      entity: "contacts",
      action: "get",
      params: { contactId: "1" },
    });
    expectTypeOf(new QueryClient().fetchQuery(options)).toEqualTypeOf<Promise<TypedResult<"hubspot", "contacts", "get">>>();
    const pages = executeInfiniteQueryOptions<"linear", "issues", "list">(airbyte, {
      connector: "linear",
      entity: "issues",
      action: "list",
    });
    expectTypeOf(useInfiniteQuery(pages).data).toEqualTypeOf<TypedPages<"linear", "issues", "list"> | undefined>();
  });

  it("useDownload<S, E>", () => {
    const attachment = useDownload<"zendesk-support", "attachments">("zendesk-support", "attachments");
    expectTypeOf(attachment.mutate).parameter(0).toEqualTypeOf<TypedDownloadParams<"zendesk-support", "attachments">>();
    // @ts-expect-error a slug alone: name the entity too
    useDownload<"zendesk-support">("zendesk-support", "attachments");
  });
});

describe("a slug alone as the type argument is an error, in every hook and factory", () => {
  it("never a result whose data is the string", () => {
    // @ts-expect-error name the entity and action too, or leave the type arguments out
    useExecute<"stripe">("stripe", "customers", "list", { limit: 5 });
    // @ts-expect-error a slug and an entity are not enough either
    useExecute<"stripe", "customers">("stripe", "customers", "list");
    // @ts-expect-error the same in useSuspenseExecute
    useSuspenseExecute<"linear">("linear", "issues", "list");
    // @ts-expect-error and in useInfiniteExecute
    useInfiniteExecute<"github">("github", "issues", "list", { owner: "a", repo: "b" });
    // @ts-expect-error and in executeQueryOptions
    executeQueryOptions<"stripe">(airbyte, { connector: "stripe", entity: "customers", action: "list" });
    // @ts-expect-error and in executeInfiniteQueryOptions
    executeInfiniteQueryOptions<"stripe">(airbyte, { connector: "stripe", entity: "customers", action: "list" });
    // Without type arguments, inference gives the typed signature.
    expectTypeOf(useExecute("stripe", "customers", "list", { limit: 5 }).data).toEqualTypeOf<
      TypedResult<"stripe", "customers", "list"> | undefined
    >();
  });
});

describe("a data type on a published connector: the untyped reading, as for any connector", () => {
  it("data is T in every hook and factory", () => {
    expectTypeOf(useExecute<Customer[]>("stripe", "customers", "list", { limit: 5 }).data).toEqualTypeOf<
      ExecutionResult<Customer[]> | undefined
    >();
    expectTypeOf(useSuspenseExecute<Customer[]>({ connectorId: "c1", type: "stripe" }, "customers", "list").data).toEqualTypeOf<
      ExecutionResult<Customer[]>
    >();
    expectTypeOf(useInfiniteExecute<Customer[]>("stripe", "customers", "list", { limit: 5 }).data).toEqualTypeOf<
      InfiniteData<ExecutePage<Customer>, string | null> | undefined
    >();
    const options = executeQueryOptions<Customer[]>(airbyte, { connector: "stripe", entity: "customers", action: "list" });
    expectTypeOf(new QueryClient().fetchQuery(options)).toEqualTypeOf<Promise<ExecutionResult<Customer[]>>>();
    // The same as for a connector the SDK has no types for, or a slug chosen at run time.
    const slug: string = "chosen-at-run-time";
    expectTypeOf(useExecute<Customer[]>(slug, "customers", "list").data).toEqualTypeOf<ExecutionResult<Customer[]> | undefined>();
    expectTypeOf(useExecute<Customer[]>("my-crm", "customers", "list").data).toEqualTypeOf<ExecutionResult<Customer[]> | undefined>();
  });
});

describe("the helper types are core's", () => {
  it("re-exported, identical", () => {
    expectTypeOf<EntityOf<"stripe">>().toEqualTypeOf<Core.EntityOf<"stripe">>();
    expectTypeOf<ExecuteActionOf<"stripe", "customers">>().toEqualTypeOf<Core.ExecuteActionOf<"stripe", "customers">>();
    expectTypeOf<PagedActionOf<"github", "issues">>().toEqualTypeOf<Core.PagedActionOf<"github", "issues">>();
    expectTypeOf<DownloadEntityOf<"zendesk-support">>().toEqualTypeOf<Core.DownloadEntityOf<"zendesk-support">>();
    expectTypeOf<TypedItem<"stripe", "customers", "list">>().toEqualTypeOf<Core.TypedItem<"stripe", "customers", "list">>();
    expectTypeOf<TypedMeta<"stripe", "customers", "list">>().toEqualTypeOf<Core.TypedMeta<"stripe", "customers", "list">>();
    expectTypeOf<TypedPageParams<"linear", "issues", "list">>().toEqualTypeOf<Core.TypedPageParams<"linear", "issues", "list">>();
    expectTypeOf<TypedDownloadParams<"zendesk-support", "attachments">>().toEqualTypeOf<
      Core.TypedDownloadParams<"zendesk-support", "attachments">
    >();
    expectTypeOf<ItemOf<{ data: Customer[] }>>().toEqualTypeOf<Core.ItemOf<{ data: Customer[] }>>();
  });
});
