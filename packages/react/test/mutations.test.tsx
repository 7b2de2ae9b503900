import { type AirbyteClient, type ConnectorInfo, isApiError, isConnectorResolutionError, isNotFoundError } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  airbyteKeys,
  connectorsQueryOptions,
  executeQueryOptions,
  useAsk,
  useConnector,
  useConnectors,
  useCreateConnector,
  useDeleteConnector,
  useDownload,
  useExecute,
  useUpdateConnector,
} from "../src/index";
import {
  counter,
  createLinear,
  DELETE_ROUTE,
  freshWorkspace,
  LIST_ROUTE,
  makeClient,
  newQueryClient,
  startEmulator,
  wrapper,
} from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator();
  client = makeClient(emu);
});
afterAll(() => emu.close());

const names = (list: ConnectorInfo[] | undefined) => (list ?? []).map((c) => c.name).sort();

describe("useCreateConnector", () => {
  it("creates on the server, then the workspace's list refetches; other workspaces' caches are left alone", async () => {
    const workspace = await freshWorkspace(client, "create");
    const other = await freshWorkspace(client, "other");
    const queryClient = newQueryClient();
    await queryClient.prefetchQuery(connectorsQueryOptions(client, { workspace: other }));
    await queryClient.prefetchQuery(
      executeQueryOptions(client, { connector: "linear", entity: "issues", action: "list", params: { first: 1 } }),
    );
    const { result } = renderHook(() => ({ list: useConnectors(), create: useCreateConnector() }), {
      wrapper: wrapper(client, queryClient, workspace),
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(result.current.list.data).toEqual([]);

    const lists = counter(emu, LIST_ROUTE);
    const created = await act(() =>
      result.current.create.mutateAsync({ connectorType: "Linear", name: "New Linear", credentials: { api_key: "k" } }),
    );
    // mutateAsync resolves after the invalidated list has refetched.
    expect(lists()).toBe(1);
    await waitFor(() => expect(result.current.list.data?.map((c) => c.id)).toEqual([created.id]));
    expect(names(await client.workspace(workspace).connectors.list())).toEqual(["New Linear"]);
    expect(queryClient.getQueryState(airbyteKeys.connectorList(other))?.isInvalidated).toBe(false);
    const otherExecute = executeQueryOptions(client, { connector: "linear", entity: "issues", action: "list", params: { first: 1 } });
    expect(queryClient.getQueryState(otherExecute.queryKey)?.isInvalidated).toBe(false);
  });

  it("a slug that matched nothing resolves once the connector exists", async () => {
    const workspace = await freshWorkspace(client, "slug");
    const queryClient = newQueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => ({ issues: useExecute("linear", "issues", "list", { first: 2 }), create: useCreateConnector() }), {
      wrapper: wrapper(client, queryClient, workspace),
    });
    await waitFor(() => expect(result.current.issues.error?.code).toBe("connector_not_found"));
    await act(() => result.current.create.mutateAsync({ connectorType: "Linear", credentials: { api_key: "k" } }));
    await waitFor(() => expect(result.current.issues.isSuccess).toBe(true));
    expect(result.current.issues.data?.data).toHaveLength(2);
  });
});

describe("useUpdateConnector", () => {
  it("renames; the list and that connector's detail refetch, another connector's detail does not", async () => {
    const workspace = await freshWorkspace(client, "update");
    const a = await createLinear(client, workspace, "Alpha");
    const b = await createLinear(client, workspace, "Beta");
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        list: useConnectors(),
        a: useConnector({ connectorId: a.id }),
        b: useConnector({ connectorId: b.id }),
        update: useUpdateConnector(),
      }),
      { wrapper: wrapper(client, queryClient, workspace) },
    );
    await waitFor(() => expect([result.current.list, result.current.a, result.current.b].every((q) => q.isSuccess)).toBe(true));
    const bUpdatedAt = result.current.b.dataUpdatedAt;

    await act(() => result.current.update.mutateAsync({ connectorId: a.id, name: "Alpha renamed" }));
    await waitFor(() => expect(result.current.a.data?.name).toBe("Alpha renamed"));
    expect(names(result.current.list.data)).toEqual(["Alpha renamed", "Beta"]);
    expect(result.current.b.dataUpdatedAt).toBe(bUpdatedAt);
    expect(queryClient.getQueryState(airbyteKeys.connectorDetail(workspace, { connectorId: b.id }))?.isInvalidated).toBe(false);
    expect((await client.workspace(workspace).connectors.get(a.id)).name).toBe("Alpha renamed");
  });
});

describe("useDeleteConnector", () => {
  it("removes the connector from the list at once (optimistic), then from the server", async () => {
    const workspace = await freshWorkspace(client, "delete");
    const keep = await createLinear(client, workspace, "Keep");
    const gone = await createLinear(client, workspace, "Gone");
    const queryClient = newQueryClient();
    const seen: { pending: boolean; names: string[] }[] = [];
    const { result } = renderHook(
      () => {
        const value = { list: useConnectors(), detail: useConnector({ connectorId: gone.id }), remove: useDeleteConnector() };
        seen.push({ pending: value.remove.isPending, names: names(value.list.data) });
        return value;
      },
      { wrapper: wrapper(client, queryClient, workspace) },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    await waitFor(() => expect(result.current.detail.isSuccess).toBe(true));
    const unobserved = executeQueryOptions(client, { workspace, connector: { connectorId: gone.id }, entity: "issues", action: "list" });
    await queryClient.prefetchQuery(unobserved);
    const kept = executeQueryOptions(client, { workspace, connector: { connectorId: keep.id }, entity: "issues", action: "list" });
    await queryClient.prefetchQuery(kept);

    const deletes = counter(emu, DELETE_ROUTE);
    emu.setFaults({ queue: [{ delayMs: 300, match: { method: "DELETE" } }] });
    act(() => result.current.remove.mutate(gone.id));
    await waitFor(() => expect(result.current.remove.isPending).toBe(true));
    expect(names(result.current.list.data)).toEqual(["Keep"]);
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));

    expect(seen.some((render) => render.pending && render.names.join() === "Keep")).toBe(true);
    expect(deletes()).toBe(1);
    expect((await client.workspace(workspace).connectors.list()).map((c) => c.id)).toEqual([keep.id]);
    await waitFor(() => expect(result.current.list.data?.map((c) => c.id)).toEqual([keep.id]));
    // Unobserved queries about the deleted connector are dropped; an observed one refetches and shows the truth.
    expect(queryClient.getQueryState(unobserved.queryKey)).toBeUndefined();
    expect(queryClient.getQueryState(kept.queryKey)?.isInvalidated).toBe(false);
    await waitFor(() => expect(isNotFoundError(result.current.detail.error)).toBe(true));
  });

  it("with no connector list cached, slug queries still refetch after a delete or a rename: any of them may name it", async () => {
    const workspace = await freshWorkspace(client, "slugs");
    const solo = await createLinear(client, workspace, "Solo");
    const other = await createLinear(client, workspace, "Other");
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        byName: useExecute("Solo", "issues", "list", { first: 1 }),
        other: useExecute("Other", "issues", "list", { first: 1 }),
        update: useUpdateConnector(),
        remove: useDeleteConnector(),
      }),
      { wrapper: wrapper(client, queryClient, workspace) },
    );
    await waitFor(() => expect(result.current.byName.isSuccess && result.current.other.isSuccess).toBe(true));
    expect(queryClient.getQueriesData({ queryKey: airbyteKeys.connectorLists(workspace) })).toEqual([]);

    // Renamed: "Solo" names nothing now, and the query keyed by it shows that instead of the old data.
    await act(() => result.current.update.mutateAsync({ connectorId: solo.id, name: "Renamed" }));
    await waitFor(() => expect(isConnectorResolutionError(result.current.byName.error)).toBe(true));

    // Deleted: the query keyed by "Other" refetches and finds no connector of that name.
    await act(() => result.current.remove.mutateAsync(other.id));
    await waitFor(() => expect(isConnectorResolutionError(result.current.other.error)).toBe(true));
  });

  it("puts the connector back when the server refuses the delete", async () => {
    const noCoreRetries = makeClient(emu, { maxRetries: 0 });
    const workspace = await freshWorkspace(noCoreRetries, "rollback");
    const keep = await createLinear(noCoreRetries, workspace, "Keep");
    const target = await createLinear(noCoreRetries, workspace, "Target");
    const queryClient = newQueryClient();
    const seen: string[][] = [];
    const { result } = renderHook(
      () => {
        const value = { list: useConnectors(), remove: useDeleteConnector() };
        seen.push(names(value.list.data));
        return value;
      },
      { wrapper: wrapper(noCoreRetries, queryClient, workspace) },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));

    emu.setFaults({ queue: [{ status: 500, match: { method: "DELETE" } }] });
    await act(async () => {
      await result.current.remove.mutateAsync(target.id).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    expect(isApiError(result.current.remove.error)).toBe(true);
    expect(result.current.remove.error?.status).toBe(500);
    // Optimistically gone, then back after the 500.
    expect(seen.some((render) => render.join() === "Keep")).toBe(true);
    expect(names(result.current.list.data)).toEqual(["Keep", "Target"]);
    expect((await noCoreRetries.workspace(workspace).connectors.list()).map((c) => c.id).sort()).toEqual([keep.id, target.id].sort());
  });
});

describe("useDownload", () => {
  it("returns the file as a Blob", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useDownload(), { wrapper: wrapper(client, queryClient) });
    const blob = await act(() =>
      result.current.mutateAsync({ connector: "zendesk-support", entity: "attachments", params: { attachment_id: 1 } }),
    );
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.size).toBeGreaterThan(0);
    const direct = await client.workspace().connector("zendesk-support").download("attachments", { attachment_id: 1 });
    const expected = new Uint8Array(await new Response(direct).arrayBuffer());
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(expected);
  });

  it("returns the byte stream with { as: 'stream' }", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useDownload({ as: "stream" }), { wrapper: wrapper(client, queryClient) });
    const stream = await act(() =>
      result.current.mutateAsync({ connector: "zendesk-support", entity: "attachments", params: { attachment_id: 2 } }),
    );
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(0);
    const direct = await client.workspace().connector("zendesk-support").download("attachments", { attachment_id: 2 });
    expect(bytes).toEqual(new Uint8Array(await new Response(direct).arrayBuffer()));
  });

  it("with the connector and entity fixed, mutate takes the typed params", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useDownload("zendesk-support", "attachments"), { wrapper: wrapper(client, queryClient) });
    const blob = await act(() => result.current.mutateAsync({ attachment_id: 3 }));
    const direct = await client.workspace().connector("zendesk-support").download("attachments", { attachment_id: 3 });
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array(await new Response(direct).arrayBuffer()));
  });

  it("an unknown file is a NotFoundError, not an empty Blob", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useDownload(), { wrapper: wrapper(client, queryClient) });
    await act(async () => {
      await result.current
        .mutateAsync({ connector: "zendesk-support", entity: "attachments", params: { attachment_id: 999_999 } })
        .catch(() => undefined);
    });
    await waitFor(() => expect(isNotFoundError(result.current.error)).toBe(true));
    expect(result.current.error?.code).toBe("download_not_found");
  });
});

describe("useAsk", () => {
  it("answers a question across the workspace's connectors", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useAsk(), { wrapper: wrapper(client, queryClient) });
    const answer = await act(() => result.current.mutateAsync("list my 5 most recent Stripe customers"));
    expect(answer.outcome).toBe("success");
    expect(answer.answer).toContain("Stripe");
    await waitFor(() => expect(result.current.data).toBe(answer));
  });
});
