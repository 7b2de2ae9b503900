import { type AirbyteClient, isApiError, isConnectorResolutionError, isNotFoundError, isValidationError } from "@airbyte-agents/core";
import type { RunningEmulator } from "@airbyte-agents/emulator";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  airbyteKeys,
  useAutomations,
  useConnector,
  useConnectors,
  useDefinitions,
  useExecute,
  useWorkflows,
  useWorkspaces,
} from "../src/index";
import {
  counter,
  createLinear,
  EXECUTE_ROUTE,
  freshWorkspace,
  GET_ROUTE,
  LIST_ROUTE,
  makeClient,
  newQueryClient,
  Providers,
  startEmulator,
  UNKNOWN_ID,
  widgetStyle,
  wrapper,
} from "./helpers";

let emu: RunningEmulator;
let client: AirbyteClient;

beforeAll(async () => {
  emu = await startEmulator();
  client = makeClient(emu);
});
afterAll(() => emu.close());

function ConnectorNames() {
  const { data, isPending, error } = useConnectors();
  if (isPending) return <p>loading</p>;
  if (error) return <p>error: {error.code}</p>;
  return (
    <ul>
      {data.map((c) => (
        <li key={c.id}>{c.name}</li>
      ))}
    </ul>
  );
}

describe("loading → success", () => {
  it("renders loading, then the default workspace's connectors from the server", async () => {
    render(
      <Providers client={client} queryClient={newQueryClient()}>
        <ConnectorNames />
      </Providers>,
    );
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("Zendesk Support")).toBeTruthy();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["GitHub", "Stripe", "Linear", "Zendesk Support"]);
  });

  it("useConnectors caches under airbyteKeys.connectorList(workspace)", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors(), { wrapper: wrapper(client, queryClient) });
    expect(result.current.isPending).toBe(true);
    expect(result.current.fetchStatus).toBe("fetching");
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((c) => c.connectorName)).toEqual(["github", "stripe", "linear", "zendesk-support"]);
    expect(queryClient.getQueryData(airbyteKeys.connectorList("default"))).toBe(result.current.data);
  });

  it("useConnectors filters by definition, and select reshapes the data", async () => {
    const [github] = await client.definitions.list({ name: "github" });
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors({ definitionId: github!.definitionId, select: (list) => list.map((c) => c.name) }), {
      wrapper: wrapper(client, queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(["GitHub"]);
  });

  it("useExecute runs the operation and returns core's ExecutionResult", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useExecute("linear", "issues", "list", { first: 3 }, { selectFields: ["id"] }), {
      wrapper: wrapper(client, queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data).toHaveLength(3);
    expect(Object.keys(result.current.data?.data[0] ?? {})).toEqual(["id"]);
    expect(result.current.data?.meta.hasNextPage).toBe(true);
    expect(result.current.data?.requestId).toMatch(/^req_/);
  });

  it("useConnector gets one connector in full, by id", async () => {
    const [linear] = await client
      .workspace()
      .connectors.list()
      .then((list) => list.filter((c) => c.connectorName === "linear"));
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnector({ connectorId: linear!.id }), { wrapper: wrapper(client, queryClient) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ id: linear!.id, name: "Linear", connectorType: "Linear" });
  });

  it("useDefinitions, useWorkspaces, useWorkflows and useAutomations read their resources", async () => {
    const workspace = await freshWorkspace(client, "wf");
    const workflow = await client.workspace(workspace).workflows.create({ name: "Daily digest" });
    await client.workspace(workspace).automations.create(workflow.id, { cronExpression: "0 9 * * 1-5", timezone: "Europe/Paris" });
    const queryClient = newQueryClient();
    const { result } = renderHook(
      () => ({
        definitions: useDefinitions({ name: "zendesk" }),
        workspaces: useWorkspaces({ nameContains: workspace }),
        workflows: useWorkflows(),
        automations: useAutomations({ workflowId: workflow.id }),
      }),
      { wrapper: wrapper(client, queryClient, workspace) },
    );
    await waitFor(() => expect(Object.values(result.current).every((q) => q.isSuccess)).toBe(true));
    expect(result.current.definitions.data?.map((d) => d.name)).toContain("Zendesk Support");
    expect(result.current.workspaces.data).toMatchObject({ data: [{ name: workspace }], nextCursor: null });
    expect(result.current.workflows.data?.map((w) => w.name)).toEqual(["Daily digest"]);
    expect(result.current.automations.data).toMatchObject([{ workflowId: workflow.id, cronExpression: "0 9 * * 1-5" }]);
  });
  it("an option set to undefined is not given: `{ workspace: undefined }` reads the provider's workspace", async () => {
    const workspace = await freshWorkspace(client, "undef");
    await createLinear(client, workspace, "Provider's Linear");
    await client.workspace(workspace).workflows.create({ name: "Provider's workflow" });
    const queryClient = newQueryClient();
    // What a component passes when it forwards an optional prop of its own.
    const props: { workspace?: string | undefined } = { workspace: undefined };
    const { result } = renderHook(
      () => ({
        connectors: useConnectors({ workspace: props.workspace }),
        execute: useExecute("linear", "issues", "list", { first: 1 }, { workspace: props.workspace }),
        workflows: useWorkflows({ workspace: props.workspace }),
      }),
      { wrapper: wrapper(client, queryClient, workspace) },
    );
    await waitFor(() => expect(Object.values(result.current).every((q) => q.isSuccess)).toBe(true));
    expect(result.current.connectors.data?.map((c) => c.name)).toEqual(["Provider's Linear"]);
    expect(result.current.workflows.data?.map((w) => w.name)).toEqual(["Provider's workflow"]);
    expect(queryClient.getQueryData(airbyteKeys.connectorList(workspace))).toBe(result.current.connectors.data);
    expect(queryClient.getQueryData(airbyteKeys.connectorList("default"))).toBeUndefined();
  });
});

describe("errors are core's typed AirbyteErrors", () => {
  it("an unknown slug is a ConnectorResolutionError listing the candidates, and is not retried", async () => {
    const lists = counter(emu, LIST_ROUTE);
    const executes = counter(emu, EXECUTE_ROUTE);
    const queryClient = newQueryClient(); // no retry setting: the provider's default applies
    const { result } = renderHook(() => useExecute("no-such-connector", "issues", "list"), { wrapper: wrapper(client, queryClient) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(isConnectorResolutionError(error)).toBe(true);
    expect(error?.code).toBe("connector_not_found");
    expect(error?.message).toContain("Available: GitHub");
    expect(result.current.failureCount).toBe(1);
    expect(lists()).toBe(1);
    expect(executes()).toBe(0);
  });

  it("an unknown connector id is a NotFoundError (404), asked once", async () => {
    const gets = counter(emu, GET_ROUTE);
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnector({ connectorId: UNKNOWN_ID }), { wrapper: wrapper(client, queryClient) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(isNotFoundError(result.current.error)).toBe(true);
    expect(result.current.error).toMatchObject({ name: "NotFoundError", status: 404, method: "GET" });
    expect(gets()).toBe(1);
  });

  it("renders the error state", async () => {
    render(
      <Providers client={client} queryClient={newQueryClient()} workspace="no-such-workspace">
        <ConnectorNames />
      </Providers>,
    );
    expect(await screen.findByText(/^error: /)).toBeTruthy();
  });
});

describe("retries", () => {
  it("a 5xx gets one more attempt from the hook after core's own (here none)", async () => {
    const noCoreRetries = makeClient(emu, { maxRetries: 0 });
    const workspace = await freshWorkspace(noCoreRetries, "retry");
    const lists = counter(emu, LIST_ROUTE);
    emu.setFaults({ queue: [{ status: 500, match: { method: "GET", path: "/integrations/connectors" } }] });
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors({ retryDelay: 0 }), { wrapper: wrapper(noCoreRetries, queryClient, workspace) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([]);
    expect(lists()).toBe(2);
  });

  it("a second 5xx is final: one hook retry, not TanStack's three", async () => {
    const noCoreRetries = makeClient(emu, { maxRetries: 0 });
    const workspace = await freshWorkspace(noCoreRetries, "retry");
    const lists = counter(emu, LIST_ROUTE);
    emu.setFaults({ queue: [{ status: 503, times: 5, match: { method: "GET", path: "/integrations/connectors" } }] });
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors({ retryDelay: 0 }), { wrapper: wrapper(noCoreRetries, queryClient, workspace) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.status).toBe(503);
    expect(result.current.failureCount).toBe(2);
    expect(lists()).toBe(2);
    emu.setFaults(undefined);
  });

  it("core's own retries absorb a transient 5xx before the hook sees it", async () => {
    const workspace = await freshWorkspace(client, "retry");
    const lists = counter(emu, LIST_ROUTE);
    emu.setFaults({ queue: [{ status: 502, match: { method: "GET", path: "/integrations/connectors" } }] });
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors(), { wrapper: wrapper(client, queryClient, workspace) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.failureCount).toBe(0);
    expect(lists()).toBe(2);
  });

  it("the QueryClient's own retry setting wins over the provider's default", async () => {
    const noCoreRetries = makeClient(emu, { maxRetries: 0 });
    const workspace = await freshWorkspace(noCoreRetries, "retry");
    const lists = counter(emu, LIST_ROUTE);
    emu.setFaults({ queue: [{ status: 500, match: { method: "GET", path: "/integrations/connectors" } }] });
    const queryClient = newQueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderHook(() => useConnectors(), { wrapper: wrapper(noCoreRetries, queryClient, workspace) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(isApiError(result.current.error)).toBe(true);
    expect(result.current.error).toMatchObject({ name: "InternalServerError", status: 500 });
    expect(lists()).toBe(1);
  });
});

describe("widget-style clients", () => {
  it("key by the client's own workspace and read its connectors", async () => {
    const workspace = await freshWorkspace(client, "widget");
    await createLinear(client, workspace, "Widget Linear");
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useConnectors(), { wrapper: wrapper(widgetStyle(client, workspace), queryClient) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((c) => c.name)).toEqual(["Widget Linear"]);
    expect(queryClient.getQueryData(airbyteKeys.connectorList(workspace))).toBe(result.current.data);
  });

  it("a method the client lacks is a typed ValidationError, with nothing sent", async () => {
    const queryClient = newQueryClient();
    const { result } = renderHook(() => useDefinitions(), { wrapper: wrapper(widgetStyle(client, "default"), queryClient) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(isValidationError(result.current.error)).toBe(true);
    expect(result.current.error?.message).toContain("definitions.list is not available on this client");
  });
});
