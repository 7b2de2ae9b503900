// The README's execute samples, verbatim where they are expressions, so a change that breaks one fails here.
import type { AirbyteClient, TypedResult } from "@airbyte-agents/core";
import type { QueryClient } from "@tanstack/react-query";
import { expectTypeOf, it } from "vitest";
import { executeQueryOptions, type TypedItem, useDownload, useExecute, useInfiniteExecute, useSuspenseExecute } from "../src/index";

declare const airbyte: AirbyteClient;
declare const queryClient: QueryClient;
declare const connectorId: string;

interface Contact {
  id: string;
  email: string;
}

function Customers() {
  const { data } = useExecute("stripe", "customers", "list", { limit: 5 }, { selectFields: ["id", "email"] });
  return (
    <ul>
      {data?.data.map((c) => (
        <li key={c.id}>{c.email}</li>
      ))}
    </ul>
  );
}

it("useExecute", () => {
  expectTypeOf(Customers).toBeFunction();
  // @ts-expect-error compile error: customers.get needs { id }
  useExecute("stripe", "customers", "get");
  // @ts-expect-error compile error: Linear pages with first/after
  useExecute("linear", "issues", "list", { limit: 5 });
});

it("the type argument of the execute hooks", () => {
  const one = useExecute<Contact[]>("my-crm", "contacts", "list");
  const pages = useInfiniteExecute<Contact[]>({ connectorId }, "contacts", "list");
  const emails = useExecute<Contact[], string[]>("my-crm", "contacts", "list", {}, { select: (r) => r.data.map((c) => c.email) });
  expectTypeOf(one.data?.data).toEqualTypeOf<Contact[] | undefined>();
  expectTypeOf(pages.data?.pages[0]?.data).toEqualTypeOf<Contact[] | undefined>();
  expectTypeOf(emails.data).toEqualTypeOf<string[] | undefined>();
  type Customers = TypedResult<"stripe", "customers", "list">;
  type Issue = TypedItem<"linear", "issues", "list">;
  expectTypeOf<Customers["data"][number]>().toHaveProperty("email");
  expectTypeOf<Issue>().toHaveProperty("title");
});

it("useInfiniteExecute and useSuspenseExecute", async () => {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteExecute("linear", "issues", "list", { first: 50 });
  const issues = data?.pages.flatMap((page) => page.data) ?? [];
  expectTypeOf(issues).toEqualTypeOf<TypedItem<"linear", "issues", "list">[]>();
  <button type="button" disabled={!hasNextPage || isFetchingNextPage} onClick={() => fetchNextPage()}>
    Load more
  </button>;
  const contacts = useInfiniteExecute<Contact[]>("my-crm", "contacts", "list", { page_size: 50 }, { cursorParam: "page_token" });
  expectTypeOf(contacts.data?.pages[0]?.data).toEqualTypeOf<Contact[] | undefined>();
  const suspended = useSuspenseExecute("linear", "issues", "list", { first: 10 });
  expectTypeOf(suspended.data.data.length).toBeNumber();
  const page = await queryClient.fetchQuery(
    executeQueryOptions(airbyte, { connector: "stripe", entity: "customers", action: "list", params: { limit: 10 } }),
  );
  expectTypeOf(page).toEqualTypeOf<TypedResult<"stripe", "customers", "list">>();
});

it("useDownload", () => {
  const attachment = useDownload("zendesk-support", "attachments");
  const save = async () => {
    const blob = await attachment.mutateAsync({ attachment_id: 1 });
    window.open(URL.createObjectURL(blob));
  };
  expectTypeOf(save).returns.resolves.toBeVoid();
  const download = useDownload({ as: "stream" });
  download.mutate({ connector: { connectorId }, entity: "files", params: { file_id: "f1" } });
  expectTypeOf(download.data).toEqualTypeOf<ReadableStream<Uint8Array> | undefined>();
});
