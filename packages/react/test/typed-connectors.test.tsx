// Typed hooks over real HTTP: each connector's own cursor parameter (read back from the emulator's request log),
// `{ connectorId, type }` refs, the widget-style client, and local validation (nothing is sent).
import { type AirbyteClient, isValidationError } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeInfiniteQueryOptions, useExecute, useInfiniteExecute } from "../src/index";
import { counter, EXECUTE_ROUTE, makeClient, newQueryClient, startEmulator, widgetStyle, wrapper } from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator(); // 12 records per entity: pages of 5 are 5, 5, 2
  client = makeClient(emu);
});
afterAll(() => emu.close());

/** The params of the executes the emulator received since `from` (an index into its request log). */
function executesSince(from: number): { entity: string; action: string; params: Record<string, unknown> }[] {
  return emu
    .requests()
    .slice(from)
    .flatMap((entry) => (entry.execute ? [entry.execute] : []));
}

async function connectorId(slug: string): Promise<string> {
  const found = (await client.workspace().connectors.list()).find((c) => c.connectorName === slug);
  if (!found) throw new Error(`the emulator has no ${slug} connector`);
  return found.id;
}

describe("useInfiniteExecute sends the cursor in the parameter the connector's spec names", () => {
  /** Pages a hook to the end; returns the pages and what the emulator received meanwhile. */
  async function pageToEnd<R extends { isSuccess: boolean; hasNextPage: boolean; fetchNextPage(): Promise<unknown>; data: unknown }>(
    useHook: () => R,
  ): Promise<{ pages: NonNullable<R["data"]> extends { pages: infer P } ? P : never; sent: ReturnType<typeof executesSince> }> {
    const from = emu.requests().length;
    const { result } = renderHook(useHook, { wrapper: wrapper(client, newQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 10_000 });
    while (result.current.hasNextPage) await act(() => result.current.fetchNextPage());
    const data = result.current.data as { pages?: unknown } | undefined;
    return { pages: (data?.pages ?? []) as never, sent: executesSince(from) };
  }

  it("stripe: starting_after (the last record's id)", async () => {
    const { pages, sent } = await pageToEnd(() => useInfiniteExecute("stripe", "customers", "list", { limit: 5 }));
    expect(pages.map((page) => page.data.length)).toEqual([5, 5, 2]);
    expect(sent.map((execute) => execute.params)).toEqual([
      { limit: 5 },
      { limit: 5, starting_after: pages[0]?.data.at(-1)?.id },
      { limit: 5, starting_after: pages[1]?.data.at(-1)?.id },
    ]);
  });

  it("linear: after (the meta's end cursor)", async () => {
    const { pages, sent } = await pageToEnd(() => useInfiniteExecute("linear", "issues", "list", { first: 5 }));
    expect(pages.map((page) => page.data.length)).toEqual([5, 5, 2]);
    expect(sent.map((execute) => execute.params)).toEqual([
      { first: 5 },
      { first: 5, after: pages[0]?.meta.cursor },
      { first: 5, after: pages[1]?.meta.cursor },
    ]);
  });

  it("zendesk-support: page, the next page number, sent as an integer", async () => {
    const { pages, sent } = await pageToEnd(() => useInfiniteExecute("zendesk-support", "articles", "list", { per_page: 5 }));
    expect(pages.map((page) => page.data.length)).toEqual([5, 5, 2]);
    expect(sent.map((execute) => execute.params)).toEqual([{ per_page: 5 }, { per_page: 5, page: 2 }, { per_page: 5, page: 3 }]);
  });

  it("github, by { connectorId, type }: after, next to the required owner and repo", async () => {
    const id = await connectorId("github");
    const from = emu.requests().length;
    const queryClient = newQueryClient();
    const params = { owner: "airbytehq", repo: "airbyte", per_page: 5 };
    const { result } = renderHook(() => useInfiniteExecute({ connectorId: id, type: "github" }, "issues", "list", params), {
      wrapper: wrapper(client, queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 10_000 });
    while (result.current.hasNextPage) await act(() => result.current.fetchNextPage());
    const pages = result.current.data?.pages ?? [];
    expect(pages.length).toBeGreaterThan(1);
    const sent = executesSince(from);
    expect(sent[0]?.params).toEqual(params);
    expect(sent[1]?.params).toEqual({ ...params, after: pages[0]?.meta.cursor });
  });

  it("a client-like without paginate still sends the spec's cursor parameter", async () => {
    const ws = client.workspace();
    // A proxy or test double that only offers execute: the hook reads each page's cursor from its meta.
    const executeOnly = {
      workspaceName: "default",
      connectors: ws.connectors,
      connector: (ref: Parameters<typeof ws.connector>[0]) => {
        const handle = ws.connector(ref);
        return { execute: handle.execute.bind(handle) };
      },
    };
    const from = emu.requests().length;
    const { result } = renderHook(() => useInfiniteExecute("linear", "issues", "list", { first: 5 }), {
      wrapper: wrapper(executeOnly, newQueryClient()),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 10_000 });
    while (result.current.hasNextPage) await act(() => result.current.fetchNextPage());
    const pages = result.current.data?.pages ?? [];
    expect(pages.map((page) => page.data.length)).toEqual([5, 5, 2]);
    expect(executesSince(from).map((execute) => execute.params)).toEqual([
      { first: 5 },
      { first: 5, after: pages[0]?.meta.cursor },
      { first: 5, after: pages[1]?.meta.cursor },
    ]);
  });

  it("yields the items core's paginate() yields, for the same operation", async () => {
    const fromCore: unknown[] = [];
    for await (const customer of client.workspace().connector("stripe").customers.paginate({ limit: 5 })) fromCore.push(customer.id);
    const queryClient = newQueryClient();
    const options = executeInfiniteQueryOptions(client, { connector: "stripe", entity: "customers", action: "list", params: { limit: 5 } });
    await queryClient.fetchInfiniteQuery({ ...options, pages: 10 });
    const pages = queryClient.getQueryData(options.queryKey)?.pages ?? [];
    expect(pages.flatMap((page) => page.data.map((customer) => customer.id))).toEqual(fromCore);
    expect(fromCore).toHaveLength(12);
  });
});

describe("useExecute with typed connectors", () => {
  it("returns what core's typed handle returns, by slug or by { connectorId, type }, on a widget-style client too", async () => {
    const direct = await client.workspace().connector("stripe").customers.list({ limit: 3 });
    const id = await connectorId("stripe");
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        bySlug: useExecute("stripe", "customers", "list", { limit: 3 }),
        byId: useExecute({ connectorId: id, type: "stripe" }, "customers", "list", { limit: 3 }, { workspace: "default" }),
      }),
      { wrapper: wrapper(widgetStyle(client, "default"), queryClient) },
    );
    await waitFor(() => expect(result.current.bySlug.isSuccess && result.current.byId.isSuccess).toBe(true), { timeout: 10_000 });
    expect(result.current.bySlug.data?.data.map((customer) => customer.id)).toEqual(direct.data.map((customer) => customer.id));
    expect(result.current.byId.data?.data).toEqual(result.current.bySlug.data?.data);
    expect(result.current.bySlug.data?.meta.raw?.has_more).toBe(true);
  });

  it("a param the spec does not declare is core's ValidationError, and nothing is sent", async () => {
    const executes = counter(emu, EXECUTE_ROUTE);
    const queryClient = newQueryClient();
    // Through a plain object the compiler cannot see into, as a value from outside the program would arrive.
    const params = JSON.parse('{ "limit": 5 }') as { first?: number };
    const { result } = renderHook(() => useExecute("linear", "issues", "list", params), { wrapper: wrapper(client, queryClient) });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 10_000 });
    expect(isValidationError(result.current.error)).toBe(true);
    expect(result.current.error?.message).toContain("limit");
    expect(result.current.error?.message).toContain("first");
    expect(executes()).toBe(0);
  });
});
