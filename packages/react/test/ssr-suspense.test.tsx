import { type AirbyteClient, type AirbyteError, isConnectorResolutionError } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { Component, type ReactNode, Suspense } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AirbyteProvider,
  connectorsQueryOptions,
  executeQueryOptions,
  useExecute,
  useSuspenseConnectors,
  useSuspenseExecute,
} from "../src/index";
import { createLinear, freshWorkspace, makeClient, newQueryClient, Providers, startEmulator, widgetStyle } from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator();
  client = makeClient(emu);
});
afterAll(() => emu.close());

const requests = () => emu.stats().requests as number;

class Boundary extends Component<{ children: ReactNode }, { error: AirbyteError | null }> {
  override state = { error: null as AirbyteError | null };
  static getDerivedStateFromError(error: AirbyteError) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>caught {this.state.error.name}</p> : this.props.children;
  }
}

function List() {
  const { data } = useSuspenseConnectors();
  return <p>{data.map((c) => c.name).join(", ")}</p>;
}

function Issues() {
  const { data } = useSuspenseExecute("linear", "issues", "list", { first: 4 });
  return <p>{data.data.length} issues</p>;
}

function Missing() {
  useSuspenseExecute("no-such-connector", "issues", "list");
  return <p>never</p>;
}

function Page({ connectorId }: { connectorId: string }) {
  const { data: connectors } = useSuspenseConnectors();
  const { data: issues } = useExecute<unknown[]>({ connectorId }, "issues", "list", { first: 3 });
  return (
    <p>
      {connectors.map((c) => c.name).join()} / {issues ? `${issues.data.length} issues` : "loading issues"}
    </p>
  );
}

describe("suspense", () => {
  it("useSuspenseConnectors suspends, then renders defined data", async () => {
    render(
      <Providers client={client} queryClient={newQueryClient()}>
        <Suspense fallback={<p>suspended</p>}>
          <List />
        </Suspense>
      </Providers>,
    );
    expect(screen.getByText("suspended")).toBeTruthy();
    expect(await screen.findByText("GitHub, Stripe, Linear, Zendesk Support")).toBeTruthy();
  });

  it("useSuspenseExecute suspends, then renders the result", async () => {
    render(
      <Providers client={client} queryClient={newQueryClient()}>
        <Suspense fallback={<p>suspended</p>}>
          <Issues />
        </Suspense>
      </Providers>,
    );
    expect(screen.getByText("suspended")).toBeTruthy();
    expect(await screen.findByText("4 issues")).toBeTruthy();
  });

  it("a typed error reaches the error boundary", async () => {
    const errors: unknown[] = [];
    render(
      <Providers client={client} queryClient={newQueryClient()}>
        <Boundary>
          <Suspense fallback={<p>suspended</p>}>
            <Missing />
          </Suspense>
        </Boundary>
      </Providers>,
      { onCaughtError: (error) => errors.push(error) },
    );
    expect(await screen.findByText("caught ConnectorResolutionError")).toBeTruthy();
    expect(isConnectorResolutionError(errors[0])).toBe(true);
  });
});

describe("SSR: prefetch, dehydrate, HydrationBoundary", () => {
  it("renders prefetched data at once and sends nothing from the client", async () => {
    const workspace = await freshWorkspace(client, "ssr");
    const linear = await createLinear(client, workspace, "SSR Linear");

    // On the server: a server client and a QueryClient per request.
    const server = new QueryClient();
    await server.prefetchQuery(connectorsQueryOptions(client, { workspace }));
    await server.prefetchQuery(
      executeQueryOptions(client, {
        workspace,
        connector: { connectorId: linear.id },
        entity: "issues",
        action: "list",
        params: { first: 3 },
      }),
    );
    const state = JSON.parse(JSON.stringify(dehydrate(server))); // what crosses the wire

    // In the browser: a widget-style client bound to the same workspace, and a fresh QueryClient.
    const before = requests();
    const browser = newQueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    render(
      <AirbyteProvider client={widgetStyle(client, workspace)} queryClient={browser}>
        <HydrationBoundary state={state}>
          <Suspense fallback={<p>suspended</p>}>
            <Page connectorId={linear.id} />
          </Suspense>
        </HydrationBoundary>
      </AirbyteProvider>,
    );
    expect(screen.getByText("SSR Linear / 3 issues")).toBeTruthy(); // first render, no fallback
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests() - before).toBe(0);
  });
});
