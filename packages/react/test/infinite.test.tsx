import type { AirbyteClient } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ExecutePage,
  executeInfiniteQueryOptions,
  nextPageCursor,
  type TypedItem,
  type TypedMeta,
  useInfiniteExecute,
} from "../src/index";
import { counter, EXECUTE_ROUTE, GET_ROUTE, makeClient, newQueryClient, startEmulator, wrapper } from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator(); // 12 records per entity: pages of 5 are 5, 5, 2
  client = makeClient(emu);
});
afterAll(() => emu.close());

describe("useInfiniteExecute", () => {
  it("fetchNextPage walks the connector's cursors to the last page", async () => {
    const executes = counter(emu, EXECUTE_ROUTE);
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useInfiniteExecute("linear", "issues", "list", { first: 5 }), {
      wrapper: wrapper(client, queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.pages).toHaveLength(1);
    expect(result.current.hasNextPage).toBe(true);

    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    const pages = result.current.data?.pages ?? [];
    expect(pages.map((page) => page.data.length)).toEqual([5, 5, 2]);
    const ids = pages.flatMap((page) => page.data.map((issue) => issue.id));
    expect(new Set(ids).size).toBe(12);
    // The first page is asked without a cursor, each next one with the previous page's cursor.
    expect(result.current.data?.pageParams).toEqual([null, pages[0]?.meta.cursor, pages[1]?.meta.cursor]);
    expect(pages[2]?.meta.hasNextPage).toBe(false);
    expect(executes()).toBe(3);
  });

  it("pages a connector whose metadata has only `has_more` (Stripe) to the end, as paginate() does", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useInfiniteExecute("stripe", "customers", "list", { limit: 5 }), {
      wrapper: wrapper(client, queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    const ids = (result.current.data?.pages ?? []).flatMap((page) => page.data.map((customer) => customer.id));
    expect(new Set(ids).size).toBe(12);
    expect(ids).toHaveLength(12);
  });

  it("pages a bare { connectorId } ref with the connector's own cursor, learning its type once for every page", async () => {
    // A client that never listed the connector, so it has to learn what it is (one GET, not one per page).
    const fresh = makeClient(emu);
    const stripe = (await client.workspace().connectors.list()).find((c) => c.connectorName === "stripe");
    const gets = counter(emu, GET_ROUTE);
    const { result } = renderHook(() => useInfiniteExecute({ connectorId: stripe?.id ?? "" }, "customers", "list", { limit: 5 }), {
      wrapper: wrapper(fresh, newQueryClient()),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    expect(result.current.error).toBeNull();
    const ids = (result.current.data?.pages ?? []).flatMap((page) => (page.data as { id: string }[]).map((customer) => customer.id));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    // Stripe's cursor is the last id of a page, sent back as starting_after.
    expect(result.current.data?.pageParams).toEqual([null, ids[4], ids[9]]);
    expect(gets()).toBe(1);
  });

  it("pages the same way core's paginate() does", async () => {
    const fromCore: string[] = [];
    for await (const issue of client.workspace().connector("linear").issues.paginate({ first: 5 })) {
      fromCore.push(issue.id);
    }
    const queryClient = newQueryClient();
    const options = executeInfiniteQueryOptions(client, { connector: "linear", entity: "issues", action: "list", params: { first: 5 } });
    await queryClient.fetchInfiniteQuery({ ...options, pages: 10 });
    const data = queryClient.getQueryData(options.queryKey);
    expect(data?.pages.flatMap((page) => page.data.map((issue) => issue.id))).toEqual(fromCore);
  });
});

describe("a listing that would never end", () => {
  it("an API that ignores the page number it is sent: the repeated page ends the query", async () => {
    // The real emulator behind a fetch that drops `page` from each execute, as an API that ignores it would.
    const ignoresPage = makeClient(emu, {
      fetch: (input, init) => {
        if (!String(input).endsWith("/execute") || typeof init?.body !== "string") return fetch(input, init);
        const body = JSON.parse(init.body) as { params: Record<string, unknown> };
        delete body.params.page;
        return fetch(input, { ...init, body: JSON.stringify(body) });
      },
    });
    const { result } = renderHook(() => useInfiniteExecute("zendesk-support", "tickets", "list", { per_page: 5 }), {
      wrapper: wrapper(ignoresPage, newQueryClient()),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    for (let asked = 0; result.current.hasNextPage && asked < 10; asked++) await act(() => result.current.fetchNextPage());
    const pages = result.current.data?.pages ?? [];
    // Page 2 came back as page 1 again: shown once, and no page 3 is asked for.
    expect(pages).toHaveLength(2);
    expect(pages[1]?.data).toEqual(pages[0]?.data);
    expect(result.current.hasNextPage).toBe(false);
  });
});

describe("nextPageCursor (core's cursor model)", () => {
  const page = (
    hasNextPage: boolean,
    cursor: string | null,
  ): ExecutePage<TypedItem<"linear", "issues", "list">, TypedMeta<"linear", "issues", "list">> => ({
    data: [],
    meta: { hasNextPage, cursor, raw: null },
    warning: undefined,
    requestId: undefined,
    executionTimeMs: undefined,
  });

  it("follows the cursor while the connector says there is more", () => {
    expect(nextPageCursor(page(true, "c1").meta, [null])).toBe("c1");
  });

  it("stops when there is no next page or no cursor", () => {
    expect(nextPageCursor(page(false, "c1").meta, [null])).toBeUndefined();
    expect(nextPageCursor(page(true, null).meta, [null])).toBeUndefined();
  });

  it("stops after a page that repeats the one before it, whatever its cursor says", () => {
    const options = executeInfiniteQueryOptions(client, { connector: "linear", entity: "issues", action: "list" });
    const records = (ids: string[]) => ({ ...page(true, "c3"), data: ids.map((id) => ({ id })) as never[] });
    expect(options.getNextPageParam(records(["a", "b"]), [records(["a", "b"]), records(["a", "b"])], "c2", [null, "c2"])).toBeUndefined();
    expect(options.getNextPageParam(records(["c", "d"]), [records(["a", "b"]), records(["c", "d"])], "c2", [null, "c2"])).toBe("c3");
  });

  it("stops on a cursor it has already sent, instead of looping forever", () => {
    expect(nextPageCursor(page(true, "c1").meta, [null, "c1"])).toBeUndefined();
    const options = executeInfiniteQueryOptions(client, { connector: "linear", entity: "issues", action: "list" });
    expect(options.getNextPageParam(page(true, "c2"), [], "c2", [null, "c1", "c2"])).toBeUndefined();
    expect(options.getNextPageParam(page(true, "c3"), [], "c2", [null, "c1", "c2"])).toBe("c3");
  });
});
