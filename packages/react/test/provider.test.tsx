import { type AirbyteClient, decodeWidgetToken } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, type Mock, vi } from "vitest";
import {
  type AirbyteClientLike,
  AirbyteProvider,
  airbyteKeys,
  airbyteRetry,
  type ConnectWidgetEvent,
  type ConnectWidgetHandle,
  type OpenConnectWidgetOptions,
  useAirbyteClient,
  useAirbyteWorkspace,
  useConnectors,
  useConnectWidget,
  useExecute,
} from "../src/index";
import { createLinear, freshWorkspace, makeClient, newQueryClient, startEmulator, widgetStyle, wrapper } from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator();
  client = makeClient(emu);
});
afterAll(() => emu.close());

describe("AirbyteProvider and useAirbyteClient", () => {
  it("outside a provider, the hooks throw the provider message", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => renderHook(() => useAirbyteClient())).toThrow("No Airbyte client set, wrap your app in <AirbyteProvider>");
    expect(() =>
      renderHook(() => useConnectors(), {
        wrapper: ({ children }) => <QueryClientProvider client={newQueryClient()}>{children}</QueryClientProvider>,
      }),
    ).toThrow("No Airbyte client set, wrap your app in <AirbyteProvider>");
    quiet.mockRestore();
  });

  it("an explicit client wins, as with useQueryClient", () => {
    const { result } = renderHook(() => useAirbyteClient(client));
    expect(result.current).toBe(client);
  });

  it("reuses the QueryClient of an enclosing QueryClientProvider", async () => {
    const outer = newQueryClient();
    const { result } = renderHook(() => ({ connectors: useConnectors(), queryClient: useQueryClient() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={outer}>
          <AirbyteProvider client={client}>{children}</AirbyteProvider>
        </QueryClientProvider>
      ),
    });
    await waitFor(() => expect(result.current.connectors.isSuccess).toBe(true));
    expect(result.current.queryClient).toBe(outer);
    expect(outer.getQueryData(airbyteKeys.connectorList("default"))).toHaveLength(4);
  });

  it("a queryClient prop wins over the enclosing one", () => {
    const outer = newQueryClient();
    const own = newQueryClient();
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={outer}>
          <AirbyteProvider client={client} queryClient={own}>
            {children}
          </AirbyteProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current).toBe(own);
  });

  it("creates one QueryClient when there is none, and keeps it across renders", () => {
    const { result, rerender } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }: { children: ReactNode }) => <AirbyteProvider client={client}>{children}</AirbyteProvider>,
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(first.getQueryDefaults(airbyteKeys.all).retry).toBe(airbyteRetry);
  });

  it("installs airbyteRetry only when the QueryClient has no retry of its own", () => {
    const plain = newQueryClient();
    const configured = newQueryClient({ defaultOptions: { queries: { retry: 5 } } });
    renderHook(() => undefined, { wrapper: wrapper(client, plain) });
    renderHook(() => undefined, { wrapper: wrapper(client, configured) });
    expect(plain.getQueryDefaults(airbyteKeys.connectorList("default")).retry).toBe(airbyteRetry);
    expect(configured.getQueryDefaults(airbyteKeys.all).retry).toBeUndefined();
  });

  it("resolves the workspace: the prop, else the client's own", () => {
    const server = renderHook(() => useAirbyteWorkspace(), { wrapper: wrapper(client, newQueryClient()) });
    expect(server.result.current).toBe("default");
    const named = renderHook(() => useAirbyteWorkspace(), { wrapper: wrapper(client, newQueryClient(), "acme") });
    expect(named.result.current).toBe("acme");
    const widget = renderHook(() => useAirbyteWorkspace(), { wrapper: wrapper(widgetStyle(client, "tenant-7"), newQueryClient()) });
    expect(widget.result.current).toBe("tenant-7");
  });

  it("refuses a workspace that differs from the widget client's own", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => renderHook(() => undefined, { wrapper: wrapper(widgetStyle(client, "tenant-7"), newQueryClient(), "tenant-8") })).toThrow(
      'bound to workspace "tenant-7"',
    );
    quiet.mockRestore();
  });
});

/** An `openConnectWidget` stand-in: the widget page is a browser iframe, so the test plays its part and the server's. */
function fakeWidget() {
  const opened: OpenConnectWidgetOptions[] = [];
  const handle = { open: vi.fn(), close: vi.fn(), destroy: vi.fn() };
  const openConnectWidget = (options: OpenConnectWidgetOptions): ConnectWidgetHandle => {
    opened.push(options);
    return handle;
  };
  // Any message: a third-party opener may post the raw api-notes §7 shapes, which the hook maps to the typed union.
  const emit = (event: { type: string } & Record<string, unknown>) => opened.at(-1)?.onEvent?.(event);
  return { opened, handle, openConnectWidget, emit };
}

const widgetToken = (workspaceName: string) => async () =>
  (await client.tokens.widget({ workspaceName, allowedOrigin: "http://localhost:3000" })).token;

describe("useConnectWidget", () => {
  it("opens the widget with a fresh token and refetches the connector list when a connector is created", async () => {
    const workspace = await freshWorkspace(client, "widget");
    const widget = fakeWidget();
    const mint = vi.fn(
      async () => (await client.tokens.widget({ workspaceName: workspace, allowedOrigin: "http://localhost:3000" })).token,
    );
    const events: ConnectWidgetEvent[] = [];
    const { result } = renderHook(
      () => ({
        list: useConnectors(),
        connect: useConnectWidget({ openConnectWidget: widget.openConnectWidget, token: mint, onEvent: (e) => events.push(e) }),
      }),
      { wrapper: wrapper(client, newQueryClient(), workspace) },
    );
    await waitFor(() => expect(result.current.list.data).toEqual([]));

    await act(() => result.current.connect.open());
    expect(result.current.connect.error).toBeNull();
    expect(widget.opened).toHaveLength(1);
    expect(decodeWidgetToken(widget.opened[0]?.token ?? "").widgetUrl).toContain("/quick-start/widget");
    expect(widget.handle.open).toHaveBeenCalledTimes(1);

    // What the widget page does: the person creates a connector, and the widget reports it.
    const created = await createLinear(client, workspace, "From the widget");
    act(() => widget.emit({ type: "connector.created", connectorId: created.id }));
    await waitFor(() => expect(result.current.list.data?.map((c) => c.id)).toEqual([created.id]));
    expect(result.current.connect.lastConnectorId).toBe(created.id);
    expect(events.map((e) => e.type)).toEqual(["connector.created"]);
    const [event] = events;
    // Narrowing gives the connector id with no cast.
    if (event?.type === "connector.created") expect(event.connectorId).toBe(created.id);
    else expect.fail("not a connector.created event");

    // A second open asks for a new token: the hook keeps none.
    await act(() => result.current.connect.open());
    expect(mint).toHaveBeenCalledTimes(2);
    expect(widget.handle.destroy).toHaveBeenCalledTimes(1);
  });

  it("understands the raw api-notes §7 event shape too", async () => {
    const workspace = await freshWorkspace(client, "widget");
    const widget = fakeWidget();
    const events: ConnectWidgetEvent[] = [];
    const onEvent = (e: ConnectWidgetEvent) => events.push(e);
    const { result } = renderHook(
      () => ({ list: useConnectors(), connect: useConnectWidget({ token: widgetToken(workspace), onEvent }) }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <AirbyteProvider
            client={client}
            workspace={workspace}
            queryClient={newQueryClient()}
            openConnectWidget={widget.openConnectWidget}
          >
            {children}
          </AirbyteProvider>
        ),
      },
    );
    await waitFor(() => expect(result.current.list.data).toEqual([]));
    await act(() => result.current.connect.open());
    expect(typeof widget.opened[0]?.token).toBe("string");
    const created = await createLinear(client, workspace, "Raw event");
    act(() => widget.emit({ type: "end_user_action_result", message: "source_created", data: { id: created.id, name: "Raw event" } }));
    await waitFor(() => expect(result.current.list.data?.map((c) => c.name)).toEqual(["Raw event"]));
    const error = { status: 400, message: "credentials.api_key is required" };
    act(() => widget.emit({ type: "end_user_action_result", message: "source_create_error", error }));
    act(() => widget.emit({ type: "resize", height: 400 }));
    expect(events.map((e) => e.type)).toEqual(["connector.created", "connector.error", "unknown"]);
    expect(events[0]).toMatchObject({ connectorId: created.id, name: "Raw event" });
    expect(events[1]).toMatchObject({ error });
    expect(events[2]).toMatchObject({ raw: { type: "resize", height: 400 } });
  });

  it("uses the widget client's own openConnectWidget, and unmounts the widget with the component", async () => {
    const workspace = await freshWorkspace(client, "widget");
    const widget = fakeWidget();
    const getToken = vi.fn(widgetToken(workspace));
    const browserClient: AirbyteClientLike = { ...widgetStyle(client, workspace), getToken, openConnectWidget: widget.openConnectWidget };
    const { result, unmount } = renderHook(() => useConnectWidget(), { wrapper: wrapper(browserClient, newQueryClient()) });
    await act(() => result.current.open());
    expect(widget.opened).toHaveLength(1);
    expect(getToken).toHaveBeenCalledTimes(1);
    // The widget also gets the client's getToken, to refresh the token while it stays open.
    await widget.opened[0]?.getToken?.();
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(result.current.isOpen).toBe(true);
    unmount();
    expect(widget.handle.destroy).toHaveBeenCalledTimes(1);
  });

  it("disposes a widget that finishes loading after the component unmounted, and loads none when the token comes after", async () => {
    const widget = fakeWidget();
    let pageLoaded: () => void = () => undefined;
    const loading = new Promise<void>((resolve) => (pageLoaded = resolve));
    let asked = false;
    const slowPage = async (options: OpenConnectWidgetOptions) => {
      asked = true;
      await loading;
      return widget.openConnectWidget(options);
    };
    const { result, unmount } = renderHook(() => useConnectWidget({ openConnectWidget: slowPage, token: widgetToken("default") }), {
      wrapper: wrapper(client, newQueryClient()),
    });
    const opening = result.current.open();
    await vi.waitFor(() => expect(asked).toBe(true));
    unmount();
    pageLoaded();
    await opening;
    expect(widget.opened).toHaveLength(1);
    expect(widget.handle.destroy).toHaveBeenCalledTimes(1);
    expect(widget.handle.open).not.toHaveBeenCalled();

    let release: (token: string) => void = () => undefined;
    const slowToken = () => new Promise<string>((resolve) => (release = resolve));
    const late = fakeWidget();
    const second = renderHook(() => useConnectWidget({ openConnectWidget: late.openConnectWidget, token: slowToken }), {
      wrapper: wrapper(client, newQueryClient()),
    });
    const waiting = second.result.current.open();
    second.unmount();
    release(await widgetToken("default")());
    await waiting;
    expect(late.opened).toHaveLength(0);
  });

  it("overlapping open() calls show one widget, the latest; close() while one is loading cancels it", async () => {
    const handles: { open: Mock; close: Mock; destroy: Mock }[] = [];
    // Async like core's opener, which loads the widget page before it returns the handle.
    const openConnectWidget = async () => {
      const handle = { open: vi.fn(), close: vi.fn(), destroy: vi.fn() };
      handles.push(handle);
      return handle;
    };
    const releases: ((token: string) => void)[] = [];
    const slowToken = () => new Promise<string>((resolve) => releases.push(resolve));
    const { result } = renderHook(() => useConnectWidget({ openConnectWidget, token: slowToken }), {
      wrapper: wrapper(client, newQueryClient()),
    });
    const token = await widgetToken("default")();
    const shown = () => handles.filter((h) => h.open.mock.calls.length > 0 && h.destroy.mock.calls.length === 0);

    // A double click: both tokens arrive together, the later call wins and the earlier one never loads a widget.
    let first: Promise<void> = Promise.resolve();
    let second: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.open();
      second = result.current.open();
    });
    await act(async () => {
      releases[0]?.(token);
      releases[1]?.(token);
      await Promise.all([first, second]);
    });
    expect(handles).toHaveLength(1);
    expect(shown()).toEqual(handles);
    expect(result.current).toMatchObject({ isOpen: true, isOpening: false });

    // The same, with the earlier call's widget page still loading when the later call comes: it is disposed unseen.
    let slowPage: () => void = () => undefined;
    const pageLoaded = new Promise<void>((resolve) => (slowPage = resolve));
    const loads = [pageLoaded, Promise.resolve()];
    const slowOpener = async () => {
      await loads.shift();
      return openConnectWidget();
    };
    const twice = renderHook(() => useConnectWidget({ openConnectWidget: slowOpener, token: widgetToken("default") }), {
      wrapper: wrapper(client, newQueryClient()),
    });
    await act(async () => {
      const earlier = twice.result.current.open();
      await vi.waitFor(() => expect(loads).toHaveLength(1));
      await twice.result.current.open();
      slowPage();
      await earlier;
    });
    expect(handles).toHaveLength(3);
    expect(shown()).toEqual([handles[0], handles[1]]);
    expect(handles[2]?.open).not.toHaveBeenCalled();
    expect(handles[2]?.destroy).toHaveBeenCalledTimes(1);
    expect(twice.result.current).toMatchObject({ isOpen: true, isOpening: false });
    twice.unmount();

    // close() while the next widget loads: it closes the open one, and the loading one never shows.
    let third: Promise<void> = Promise.resolve();
    act(() => {
      third = result.current.open();
    });
    act(() => result.current.close());
    expect(result.current).toMatchObject({ isOpen: false, isOpening: false });
    await act(async () => {
      releases[2]?.(token);
      await third;
    });
    expect(shown()).toEqual([]);
    expect(result.current).toMatchObject({ isOpen: false, isOpening: false, error: null });
  });

  it("reports a missing opener as an error instead of throwing", async () => {
    const { result } = renderHook(() => useConnectWidget(), { wrapper: wrapper(client, newQueryClient()) });
    await act(() => result.current.open());
    expect(result.current.error?.message).toContain("no openConnectWidget");
  });

  it("reports a missing token source as an error", async () => {
    const widget = fakeWidget();
    const { result } = renderHook(() => useConnectWidget({ openConnectWidget: widget.openConnectWidget }), {
      wrapper: wrapper(client, newQueryClient()),
    });
    await act(() => result.current.open());
    expect(result.current.error?.message).toContain("no widget token");
    expect(widget.opened).toHaveLength(0);
  });

  it("reports a failed token fetch as an error", async () => {
    const widget = fakeWidget();
    const { result } = renderHook(
      () =>
        useConnectWidget({
          openConnectWidget: widget.openConnectWidget,
          token: () => client.tokens.widget({ workspaceName: "default", allowedOrigin: "not an origin" }).then((t) => t.token),
        }),
      { wrapper: wrapper(client, newQueryClient()) },
    );
    await act(() => result.current.open());
    expect(result.current.error?.name).toBe("ValidationError");
    expect(widget.opened).toHaveLength(0);
  });

  it("a created connector also refreshes a slug query that had matched nothing", async () => {
    const workspace = await freshWorkspace(client, "widget");
    const widget = fakeWidget();
    const queryClient = newQueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(
      () => ({
        issues: useExecute("linear", "issues", "list", { first: 1 }),
        connect: useConnectWidget({ token: widgetToken(workspace) }),
      }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <AirbyteProvider client={client} workspace={workspace} queryClient={queryClient} openConnectWidget={widget.openConnectWidget}>
            {children}
          </AirbyteProvider>
        ),
      },
    );
    await waitFor(() => expect(result.current.issues.error?.code).toBe("connector_not_found"));
    await act(() => result.current.connect.open());
    await createLinear(client, workspace, "Late Linear");
    act(() => widget.emit({ type: "sourceCreated", data: { sourceId: "unknown-to-us" } }));
    await waitFor(() => expect(result.current.issues.isSuccess).toBe(true));
  });

  // The widget creates and renames connectors outside this client, so core's slug cache has not heard of it: the hook
  // must make the client forget its resolved slugs, or every refetch reads the old answer for five minutes.
  function widgetRender(workspace: string, widget: ReturnType<typeof fakeWidget>, slug: string) {
    const queryClient = newQueryClient({ defaultOptions: { queries: { retry: false } } });
    return renderHook(
      () => ({
        list: useConnectors(),
        issues: useExecute(slug, "issues", "list", { first: 1 }),
        connect: useConnectWidget({ token: widgetToken(workspace) }),
      }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <AirbyteProvider client={client} workspace={workspace} queryClient={queryClient} openConnectWidget={widget.openConnectWidget}>
            {children}
          </AirbyteProvider>
        ),
      },
    );
  }

  it("a created connector makes a resolved slug query look again (here: now ambiguous, with two Linears)", async () => {
    const workspace = await freshWorkspace(client, "widget");
    await createLinear(client, workspace, "First Linear");
    const widget = fakeWidget();
    const { result } = widgetRender(workspace, widget, "linear");
    await waitFor(() => expect(result.current.issues.isSuccess).toBe(true));
    await act(() => result.current.connect.open());
    // The widget page creates it, through the API, not through this client.
    const created = await createLinear(makeClient(emu), workspace, "Second Linear");
    act(() => widget.emit({ type: "connector.created", connectorId: created.id }));
    await waitFor(() => expect(result.current.issues.error?.code).toBe("connector_ambiguous"));
  });

  it("an updated (renamed) connector makes a query by its old name look again", async () => {
    const workspace = await freshWorkspace(client, "widget");
    const linear = await createLinear(client, workspace, "Old Name");
    const widget = fakeWidget();
    const { result } = widgetRender(workspace, widget, "Old Name");
    await waitFor(() => expect(result.current.issues.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.list.data?.map((c) => c.id)).toEqual([linear.id]));
    await act(() => result.current.connect.open());
    await makeClient(emu).workspace(workspace).connectors.update(linear.id, { name: "New Name" });
    act(() => widget.emit({ type: "connector.updated", connectorId: linear.id, name: "New Name" }));
    await waitFor(() => expect(result.current.issues.error?.code).toBe("connector_not_found"));
    await waitFor(() => expect(result.current.list.data?.map((c) => c.name)).toEqual(["New Name"]));
  });
});
