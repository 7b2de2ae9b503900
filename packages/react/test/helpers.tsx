import { type AirbyteClient, type ClientOptions, type Connector, createClient } from "@airbyte-agents/core";
import { type CreateEmulatorOptions, createEmulator, type RunningEmulator } from "@airbyte-agents/emulator";
import { QueryClient, type QueryClientConfig } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { type AirbyteClientLike, AirbyteProvider } from "../src/index";

export const LIST_ROUTE = "GET /api/v1/integrations/connectors";
export const GET_ROUTE = "GET /api/v1/integrations/connectors/:id";
export const EXECUTE_ROUTE = "POST /api/v1/integrations/connectors/:id/execute";
export const DELETE_ROUTE = "DELETE /api/v1/integrations/connectors/:id";
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** One emulator per test file, on a free port, with few records so paging ends quickly. */
export function startEmulator(options: CreateEmulatorOptions = {}): Promise<RunningEmulator> {
  return createEmulator({ control: true, recordsPerEntity: 12, ...options });
}

export function makeClient(emu: RunningEmulator, overrides: ClientOptions = {}): AirbyteClient {
  return createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret, logLevel: "off", ...overrides });
}

export function newQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient(config);
}

/** A workspace of its own for one test (minting a scoped token creates it). */
export async function freshWorkspace(client: AirbyteClient, prefix = "ws"): Promise<string> {
  const workspaceName = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  await client.tokens.scoped({ workspaceName });
  return workspaceName;
}

/** Linear accepts any credentials until its first execute, so it is the cheapest connector to create. */
export function createLinear(client: AirbyteClient, workspace: string, name: string): Promise<Connector> {
  return client.workspace(workspace).connectors.create({ connectorType: "Linear", name, credentials: { api_key: "lin_test" } });
}

/** How many requests the emulator has served on a route so far. */
export function routeCount(emu: RunningEmulator, route: string): number {
  return (emu.stats().routes as Record<string, number>)[route] ?? 0;
}

/** Counts the requests a block causes on a route. */
export function counter(emu: RunningEmulator, route: string): () => number {
  const before = routeCount(emu, route);
  return () => routeCount(emu, route) - before;
}

/** The provider under test with an explicit QueryClient. */
export function Providers(props: {
  client: AirbyteClientLike;
  queryClient: QueryClient;
  workspace?: string | undefined;
  children?: ReactNode;
}) {
  return (
    <AirbyteProvider client={props.client} queryClient={props.queryClient} workspace={props.workspace}>
      {props.children}
    </AirbyteProvider>
  );
}

/** A `wrapper` for render/renderHook. */
export function wrapper(client: AirbyteClientLike, queryClient: QueryClient, workspace?: string) {
  return ({ children }: { children: ReactNode }) => (
    <Providers client={client} queryClient={queryClient} workspace={workspace}>
      {children}
    </Providers>
  );
}

/** A widget-style client (bound to one workspace, `connectors` and `connector()` directly) made from core's pieces. */
export function widgetStyle(client: AirbyteClient, workspace: string): AirbyteClientLike {
  const ws = client.workspace(workspace);
  return { workspaceName: workspace, connectors: ws.connectors, connector: (ref) => ws.connector(ref) };
}
