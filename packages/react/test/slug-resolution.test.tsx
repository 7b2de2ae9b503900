// A slug is resolved once per client and workspace (core's resources/connector-ids.ts), and the hooks keep it so:
// 100 useExecute queries with distinct params on one slug make exactly ONE connector-list request, counted from the
// emulator's own stats, over real HTTP with happy-dom. The hooks build a handle per fetch; the sharing is core's,
// keyed by the client, so it holds across components, QueryClients and handles.
import type { AirbyteClient } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { render, screen, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AirbyteClientLike, useExecute } from "../src/index";
import { counter, EXECUTE_ROUTE, LIST_ROUTE, makeClient, newQueryClient, Providers, startEmulator, widgetStyle } from "./helpers";

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const SIZES = Array.from({ length: 100 }, (_, i) => i + 1); // limit 1 to 100: Stripe's spec allows exactly these

function Customers({ limit }: { limit: number }) {
  const { data, error } = useExecute("stripe", "customers", "list", { limit });
  if (error) return <li>error {error.message}</li>;
  return <li>{data ? `done ${limit}` : "loading"}</li>;
}

function ById({ connectorId, limit }: { connectorId: string; limit: number }) {
  const { data } = useExecute({ connectorId, type: "stripe" }, "customers", "list", { limit });
  return <li>{data ? `done ${limit}` : "loading"}</li>;
}

function Many({ sizes = SIZES }: { sizes?: number[] }) {
  return (
    <ul>
      {sizes.map((limit) => (
        <Customers key={limit} limit={limit} />
      ))}
    </ul>
  );
}

/** A client that has its token already, so every request the hooks cause shows at once. */
async function readyClient(): Promise<AirbyteClient> {
  const client = makeClient(emu);
  await client.tokens.application();
  return client;
}

async function allDone(count: number): Promise<void> {
  await waitFor(() => expect(screen.queryAllByText(/^done /)).toHaveLength(count), { timeout: 15_000 });
  expect(screen.queryAllByText(/^error /)).toEqual([]);
}

describe("slug resolution is shared by every query of a client and workspace", () => {
  it("100 useExecute queries with distinct params on one slug: one list request, 100 executes", async () => {
    const client = await readyClient();
    const lists = counter(emu, LIST_ROUTE);
    const executes = counter(emu, EXECUTE_ROUTE);
    const { unmount } = render(
      <Providers client={client} queryClient={newQueryClient()}>
        <Many />
      </Providers>,
    );
    await allDone(100);
    expect(lists()).toBe(1);
    expect(executes()).toBe(100);
    unmount();
  });

  it("across re-renders, two providers with their own QueryClients, and later queries: still the one list", async () => {
    const client = await readyClient();
    const lists = counter(emu, LIST_ROUTE);
    const { rerender, unmount } = render(
      <>
        <Providers client={client} queryClient={newQueryClient()}>
          <Many sizes={SIZES.slice(0, 50)} />
        </Providers>
        <Providers client={client} queryClient={newQueryClient()}>
          <Many sizes={SIZES.slice(50)} />
        </Providers>
      </>,
    );
    await allDone(100);
    // New params mount new queries (new handles in core); the id resolved for the client is reused.
    rerender(
      <Providers client={client} queryClient={newQueryClient()}>
        <Many sizes={[3, 7, 11]} />
      </Providers>,
    );
    await allDone(3);
    expect(lists()).toBe(1);
    unmount();
  });

  it("a widget-style client (its own connector()) shares it the same way", async () => {
    const client = await readyClient();
    const widget: AirbyteClientLike = widgetStyle(client, "default");
    const lists = counter(emu, LIST_ROUTE);
    const { unmount } = render(
      <Providers client={widget} queryClient={newQueryClient()}>
        <Many sizes={SIZES.slice(0, 40)} />
      </Providers>,
    );
    await allDone(40);
    expect(lists()).toBe(1);
    unmount();
  });

  it("{ connectorId, type } needs no list at all", async () => {
    const client = await readyClient();
    const connectorId = (await client.workspace().connectors.resolve("stripe")).id;
    const lists = counter(emu, LIST_ROUTE);
    const { unmount } = render(
      <Providers client={client} queryClient={newQueryClient()}>
        <ul>
          {SIZES.slice(0, 20).map((limit) => (
            <ById key={limit} connectorId={connectorId} limit={limit} />
          ))}
        </ul>
      </Providers>,
    );
    await allDone(20);
    expect(lists()).toBe(0);
    unmount();
  });

  it("the count is real: another client resolves on its own (one list each)", async () => {
    const [first, second] = [await readyClient(), await readyClient()];
    const lists = counter(emu, LIST_ROUTE);
    const { unmount } = render(
      <>
        <Providers client={first} queryClient={newQueryClient()}>
          <Many sizes={[1, 2, 3]} />
        </Providers>
        <Providers client={second} queryClient={newQueryClient()}>
          <Many sizes={[4, 5, 6]} />
        </Providers>
      </>,
    );
    await allDone(6);
    expect(lists()).toBe(2);
    unmount();
  });
});
