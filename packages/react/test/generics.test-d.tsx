// One meaning for the type arguments across the hooks, their option types and the factories:
//   T     the `data` type of an untyped operation's result (what `execute` returns in `data`);
//   TData what `select` returns (default: what the query holds).
// Before, the hooks' option types took the whole result (`UseExecuteOptions<ExecutionResult<Contact[]>>`) or a page
// (`UseInfiniteExecuteOptions<ExecutePage<Contact>>`) where the hooks and factories took `Contact[]`.
import type { ExecutionResult, TypedResult } from "@airbyte-agents/core";
import type { InfiniteData } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ExecuteInfiniteQueryInput,
  type ExecutePage,
  type ExecuteQueryInput,
  type TypedPages,
  type TypedUseExecuteOptions,
  type TypedUseInfiniteExecuteOptions,
  type TypedUseSuspenseExecuteOptions,
  type UseExecuteOptions,
  type UseInfiniteExecuteOptions,
  type UseSuspenseExecuteOptions,
  useExecute,
  useInfiniteExecute,
  useSuspenseExecute,
} from "../src/index";

interface Contact {
  id: string;
  email: string;
}
/** What a `select` option receives. */
type SelectInput<O> = O extends { select?: (input: infer I) => unknown } ? I : never;

describe("T is the result's data type everywhere", () => {
  it("in the option types, as in the hooks and factories", () => {
    expectTypeOf<SelectInput<UseExecuteOptions<Contact[]>>>().toEqualTypeOf<ExecutionResult<Contact[]>>();
    expectTypeOf<SelectInput<UseSuspenseExecuteOptions<Contact[]>>>().toEqualTypeOf<ExecutionResult<Contact[]>>();
    expectTypeOf<SelectInput<UseExecuteOptions<Contact[]>>>().toEqualTypeOf<SelectInput<ExecuteQueryInput<Contact[]>>>();
    expectTypeOf<SelectInput<UseInfiniteExecuteOptions<Contact[]>>>().toEqualTypeOf<InfiniteData<ExecutePage<Contact>, string | null>>();
    expectTypeOf<SelectInput<UseInfiniteExecuteOptions<Contact[]>>>().toEqualTypeOf<SelectInput<ExecuteInfiniteQueryInput<Contact[]>>>();
  });

  it("so options written ahead of time fit the hook with the same T", () => {
    const emails: UseExecuteOptions<Contact[], string[]> = { select: (result) => result.data.map((c) => c.email) };
    expectTypeOf(useExecute<Contact[], string[]>("my-crm", "contacts", "list", {}, emails).data).toEqualTypeOf<string[] | undefined>();
    const count: UseSuspenseExecuteOptions<Contact[], number> = { select: (result) => result.data.length };
    expectTypeOf(useSuspenseExecute<Contact[], number>("my-crm", "contacts", "list", {}, count).data).toEqualTypeOf<number>();
    const paged: UseInfiniteExecuteOptions<Contact[]> = { cursorParam: "page_token" };
    const pages = useInfiniteExecute<Contact[]>({ connectorId: "c1" }, "contacts", "list", {}, paged).data?.pages;
    expectTypeOf(pages).toEqualTypeOf<ExecutePage<Contact>[] | undefined>();
  });

  it("a type argument is never the whole result: that would be data: ExecutionResult<ExecutionResult<…>>", () => {
    // @ts-expect-error T is Contact[], so result.data is Contact[] and has no .data
    const wrong: UseExecuteOptions<Contact[], string[]> = { select: (result) => result.data.data };
    void wrong;
  });
});

describe("published connectors: the Typed… option types name S, E, A", () => {
  it("hold what the typed hooks hold", () => {
    expectTypeOf<SelectInput<TypedUseExecuteOptions<"stripe", "customers", "list">>>().toEqualTypeOf<
      TypedResult<"stripe", "customers", "list">
    >();
    expectTypeOf<SelectInput<TypedUseSuspenseExecuteOptions<"linear", "issues", "list">>>().toEqualTypeOf<
      TypedResult<"linear", "issues", "list">
    >();
    expectTypeOf<SelectInput<TypedUseInfiniteExecuteOptions<"stripe", "customers", "list">>>().toEqualTypeOf<
      TypedPages<"stripe", "customers", "list">
    >();
    const options: TypedUseExecuteOptions<"stripe", "customers", "list", number> = { select: (result) => result.data.length };
    expectTypeOf(useExecute("stripe", "customers", "list", { limit: 5 }, options).data).toEqualTypeOf<number | undefined>();
  });
});
