import { type AirbyteClient, type CallOptions, type ConnectorRef, isAbortError } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { QueryClientProvider } from "@tanstack/react-query";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AirbyteClientLike, AirbyteProvider, airbyteKeys, useAirbyteWorkspace, useConnectors, useExecute } from "../src/index";
import {
  counter,
  createLinear,
  EXECUTE_ROUTE,
  freshWorkspace,
  LIST_ROUTE,
  makeClient,
  newQueryClient,
  Providers,
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

function Count() {
  const { data } = useConnectors();
  return <p>{data ? `count ${data.length}` : "loading"}</p>;
}

function Name({ index }: { index: number }) {
  const { data } = useConnectors();
  return <li>{data ? `${index}: ${data[0]?.name}` : "loading"}</li>;
}

type Render = { workspace: string; names: string[] | undefined };

function Names({ onRender }: { onRender: (render: Render) => void }) {
  const workspace = useAirbyteWorkspace();
  const { data } = useConnectors();
  onRender({ workspace, names: data?.map((c) => c.name) });
  return <p>{data ? data.map((c) => c.name).join() : `loading ${workspace}`}</p>;
}

describe("request deduplication", () => {
  it("StrictMode's double render and double effect send one request", async () => {
    const workspace = await freshWorkspace(client, "strict");
    await client.tokens.application(); // the token is cached, so the list request would go out at once
    const lists = counter(emu, LIST_ROUTE);
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors(), { wrapper: wrapper(client, queryClient, workspace), reactStrictMode: true });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(lists()).toBe(1);
  });

  it("StrictMode with a QueryClient created by the provider sends one request", async () => {
    const workspace = await freshWorkspace(client, "strict");
    const lists = counter(emu, LIST_ROUTE);
    render(
      <StrictMode>
        <AirbyteProvider client={client} workspace={workspace}>
          <Count />
        </AirbyteProvider>
      </StrictMode>,
    );
    expect(await screen.findByText("count 0")).toBeTruthy();
    expect(lists()).toBe(1);
  });

  it("100 components sharing one query make one request", async () => {
    const workspace = await freshWorkspace(client, "shared");
    await createLinear(client, workspace, "Shared");
    const lists = counter(emu, LIST_ROUTE);
    render(
      <Providers client={client} queryClient={newQueryClient()} workspace={workspace}>
        <ul>
          {Array.from({ length: 100 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of identical readers
            <Name key={index} index={index} />
          ))}
        </ul>
      </Providers>,
    );
    await waitFor(() => expect(screen.getAllByText(/: Shared$/)).toHaveLength(100));
    expect(lists()).toBe(1);
  });
});

describe("workspace switch", () => {
  it("never renders one workspace's data under another", async () => {
    const alpha = await freshWorkspace(client, "alpha");
    const beta = await freshWorkspace(client, "beta");
    await createLinear(client, alpha, "alpha-only");
    await createLinear(client, beta, "beta-only");
    const renders: Render[] = [];
    const onRender = (r: Render) => renders.push(r);
    const queryClient = newQueryClient();
    // The app owns the QueryClient; only the provider's workspace prop changes.
    const app = (workspace: string) => (
      <QueryClientProvider client={queryClient}>
        <AirbyteProvider client={client} workspace={workspace}>
          <Names onRender={onRender} />
        </AirbyteProvider>
      </QueryClientProvider>
    );
    const { rerender } = render(app(alpha));
    expect(await screen.findByText("alpha-only")).toBeTruthy();
    rerender(app(beta));
    expect(screen.getByText(`loading ${beta}`)).toBeTruthy();
    expect(await screen.findByText("beta-only")).toBeTruthy();
    rerender(app(alpha));
    expect(screen.getByText("alpha-only")).toBeTruthy(); // alpha's own cache, at once

    expect(renders.filter((r) => r.workspace === beta).every((r) => r.names === undefined || r.names.join() === "beta-only")).toBe(true);
    expect(renders.filter((r) => r.workspace === alpha).every((r) => r.names === undefined || r.names.join() === "alpha-only")).toBe(true);
    // One prefix reaches one tenant's queries only.
    await queryClient.invalidateQueries({ queryKey: airbyteKeys.scope(beta) });
    expect(queryClient.getQueryState(airbyteKeys.connectorList(alpha))?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(airbyteKeys.connectorList(beta))?.isInvalidated).toBe(true);
  });
});

/** A structural client over core's, recording the options each core call receives and how the call ended. */
function recording(inner: AirbyteClient) {
  const calls: { signal: AbortSignal | undefined; outcome: Promise<unknown> }[] = [];
  const record = <T,>(promise: Promise<T>, options: CallOptions | undefined): Promise<T> => {
    calls.push({
      signal: options?.signal,
      outcome: promise.then(
        () => "resolved",
        (error: unknown) => error,
      ),
    });
    return promise;
  };
  const client: AirbyteClientLike = {
    workspace(name) {
      const ws = inner.workspace(name);
      return {
        connectors: { list: (filter, options) => record(ws.connectors.list(filter, options), options) },
        connector: (ref: ConnectorRef) => {
          const handle = ws.connector(ref);
          return { execute: (entity, action, params, options) => record(handle.execute(entity, action, params, options), options) };
        },
      };
    },
  };
  return { client, calls };
}

describe("cancellation", () => {
  it("passes TanStack's signal to core: unmounting mid-request aborts the call and reverts the query", async () => {
    const workspace = await freshWorkspace(client, "abort");
    await client.tokens.application();
    const { client: observed, calls } = recording(client);
    const queryClient = newQueryClient();
    emu.setFaults({ queue: [{ delayMs: 500, match: { method: "GET", path: "/integrations/connectors" } }] });
    const { result, unmount } = renderHook(() => useConnectors(), { wrapper: wrapper(observed, queryClient, workspace) });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(result.current.fetchStatus).toBe("fetching");
    await new Promise((resolve) => setTimeout(resolve, 50));
    unmount();

    const [call] = calls;
    expect(call?.signal?.aborted).toBe(true);
    const outcome = await call?.outcome;
    expect(isAbortError(outcome)).toBe(true);
    expect(queryClient.getQueryState(airbyteKeys.connectorList(workspace))).toMatchObject({
      status: "pending",
      fetchStatus: "idle",
      data: undefined,
    });
  });

  it("a switch of operation mid-request cancels the previous one", async () => {
    await client.tokens.application();
    const { client: observed, calls } = recording(client);
    const executes = counter(emu, EXECUTE_ROUTE);
    const queryClient = newQueryClient();
    emu.setFaults({ queue: [{ delayMs: 500, match: { method: "POST", path: "/execute" } }] });
    const linear = (await client.workspace().connectors.list()).find((c) => c.connectorName === "linear")!;
    const { result, rerender } = renderHook(({ first }) => useExecute({ connectorId: linear.id }, "issues", "list", { first }), {
      wrapper: wrapper(observed, queryClient),
      initialProps: { first: 1 },
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    rerender({ first: 2 });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data).toHaveLength(2);
    expect(isAbortError(await calls[0]?.outcome)).toBe(true);
    expect(executes()).toBeGreaterThanOrEqual(1);
  });
});
