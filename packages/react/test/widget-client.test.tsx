// The hooks with core's real browser client and connect widget (@airbyte-agents/core/browser), over the emulator.
import type { AirbyteClient } from "@airbyte-agents/core";
import { createWidgetClient, openConnectWidget, type WidgetClient } from "@airbyte-agents/core/browser";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { Component, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AirbyteProvider, airbyteKeys, useConnectors, useConnectWidget } from "../src/index";
import { createLinear, freshWorkspace, makeClient, newQueryClient, startEmulator } from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator();
  client = makeClient(emu);
});
afterAll(() => emu.close());

/** What the app's server does (createWidgetTokenHandler): mint a widget token for the signed-in user's workspace. */
function widgetClientFor(workspaceName: string) {
  const getToken = vi.fn(async () => {
    const minted = await client.tokens.widget({ workspaceName, allowedOrigin: location.origin });
    return { token: minted.token, expiresAt: minted.expiresAt.toISOString() };
  });
  const browser = createWidgetClient({ getToken, baseUrl: emu.url, logLevel: "off" });
  return { browser, getToken };
}

function Names() {
  const { data, error } = useConnectors();
  if (error) return <p>error {error.name}</p>;
  return <p>{data ? `names: ${data.map((c) => c.name).join()}` : "loading"}</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>caught: {this.state.error.message}</p> : this.props.children;
  }
}

describe("AirbyteProvider with createWidgetClient()", () => {
  it("waits for the token's workspace, then keys the cache by it", async () => {
    const workspace = await freshWorkspace(client, "browser");
    await createLinear(client, workspace, "Browser Linear");
    const { browser } = widgetClientFor(workspace);
    const queryClient = newQueryClient();
    render(
      <AirbyteProvider client={browser} queryClient={queryClient} fallback={<p>reading the token</p>}>
        <Names />
      </AirbyteProvider>,
    );
    expect(screen.getByText("reading the token")).toBeTruthy();
    expect(await screen.findByText("names: Browser Linear")).toBeTruthy();
    expect(queryClient.getQueryData(airbyteKeys.connectorList(workspace))).toHaveLength(1);
  });

  it("with the workspace given, renders at once; a different one than the token's is refused", async () => {
    const workspace = await freshWorkspace(client, "browser");
    const { browser } = widgetClientFor(workspace);
    render(
      <AirbyteProvider client={browser} workspace={workspace} queryClient={newQueryClient()} fallback={<p>reading the token</p>}>
        <Names />
      </AirbyteProvider>,
    );
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("names:")).toBeTruthy();

    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const other = widgetClientFor(workspace).browser;
    render(
      <Boundary>
        <AirbyteProvider client={other} workspace="someone-else" queryClient={newQueryClient()}>
          <Names />
        </AirbyteProvider>
      </Boundary>,
    );
    expect(
      await screen.findByText(
        `caught: Airbyte: the widget client is bound to workspace "${workspace}", but workspace "someone-else" was asked for`,
      ),
    ).toBeTruthy();
    quiet.mockRestore();
  });

  it("an expired widget token is refreshed by the client, with no error render", async () => {
    const workspace = await freshWorkspace(client, "expiry");
    await createLinear(client, workspace, "Before");
    const { browser, getToken } = widgetClientFor(workspace);
    const queryClient = newQueryClient({ defaultOptions: { queries: { retry: false } } });
    const states: string[] = [];
    const { result } = renderHook(
      () => {
        const list = useConnectors();
        states.push(list.status);
        return list;
      },
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <AirbyteProvider client={browser} workspace={workspace} queryClient={queryClient}>
            {children}
          </AirbyteProvider>
        ),
      },
    );
    await waitFor(() => expect(result.current.data).toHaveLength(1));
    expect(getToken).toHaveBeenCalledTimes(1);

    emu.advanceClock(1300); // past the 20-minute scoped token lifetime: the server now answers 401 token_expired
    await createLinear(client, workspace, "After");
    await act(() => queryClient.invalidateQueries({ queryKey: airbyteKeys.scope(workspace) }));
    await waitFor(() => expect(result.current.data).toHaveLength(2));
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(states).not.toContain("error");
  });
});

describe("useConnectWidget with core's openConnectWidget", () => {
  it("mounts the widget with the client's token, and a created-connector message refetches the list", async () => {
    const workspace = await freshWorkspace(client, "connect");
    const { browser } = widgetClientFor(workspace);
    const { result } = renderHook(() => ({ list: useConnectors(), connect: useConnectWidget() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <AirbyteProvider
          client={browser as WidgetClient}
          workspace={workspace}
          queryClient={newQueryClient()}
          openConnectWidget={openConnectWidget}
        >
          {children}
        </AirbyteProvider>
      ),
    });
    await waitFor(() => expect(result.current.list.data).toEqual([]));

    await act(() => result.current.connect.open());
    expect(result.current.connect.error).toBeNull();
    expect(result.current.connect.isOpen).toBe(true);
    const iframe = document.querySelector<HTMLIFrameElement>("dialog[data-airbyte-connect-widget] iframe");
    expect(iframe?.src).toContain("/quick-start/widget");

    // The widget page creates the connector, then posts the api-notes §7 result to the parent.
    const created = await createLinear(client, workspace, "Via widget");
    act(() => {
      window.dispatchEvent(
        new MessageEvent("message", {
          origin: new URL(emu.url).origin,
          data: { type: "end_user_action_result", message: "source_created", data: { id: created.id, name: "Via widget" } },
        }),
      );
    });
    await waitFor(() => expect(result.current.list.data?.map((c) => c.id)).toEqual([created.id]));
    expect(result.current.connect.lastConnectorId).toBe(created.id);

    act(() => result.current.connect.close());
    expect(result.current.connect.isOpen).toBe(false);
    expect(document.querySelector("dialog[data-airbyte-connect-widget]")).toBeNull();
  });
});
