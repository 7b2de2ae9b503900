import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from "react";
import { type AirbyteClientLike, knownWorkspaceName, mismatch, workspaceNameReader } from "./client-like";
import type { OpenConnectWidget } from "./connect-widget";
import { airbyteKeys } from "./keys";
import { airbyteRetry } from "./retry";

interface AirbyteContextValue {
  client: AirbyteClientLike;
  workspace: string;
  openConnectWidget: OpenConnectWidget | undefined;
}

const AirbyteContext = createContext<AirbyteContextValue | undefined>(undefined);

const NO_PROVIDER = "No Airbyte client set, wrap your app in <AirbyteProvider>";

/**
 * Props of {@link AirbyteProvider}.
 *
 * @example
 * ```tsx
 * const props: AirbyteProviderProps = { client: airbyte, workspace: "acme", children: <App /> };
 * ```
 */
export interface AirbyteProviderProps {
  /** A server-style client (`createClient`) or a widget client (`createWidgetClient`). */
  client: AirbyteClientLike;
  /**
   * The workspace the hooks read; it is part of every cache key, so switching it never shows another tenant's data.
   * Default: the client's (`"default"`, or the widget token's workspace). With core's widget client, passing it (your
   * server knows it) skips the wait for the token's workspace and matches keys prefetched on the server; it is then
   * checked against the token's, and a mismatch throws.
   */
  workspace?: string | undefined;
  /**
   * The QueryClient to use. Default: the one of an enclosing `QueryClientProvider`, else one created here (once).
   */
  queryClient?: QueryClient | undefined;
  /** Mounts the connect widget for `useConnectWidget()` (e.g. `openConnectWidget` from `@airbyte-agents/core/browser`). */
  openConnectWidget?: OpenConnectWidget | undefined;
  /** Rendered while a widget client's workspace is read from its token (only without `workspace`). Default nothing. */
  fallback?: ReactNode;
  children?: ReactNode;
}

type TokenWorkspace = { client: AirbyteClientLike; name: string } | { client: AirbyteClientLike; error: unknown };

/** Core's widget client knows its workspace only after reading the token (one cached request): read it once per client. */
function useTokenWorkspace(client: AirbyteClientLike): TokenWorkspace | undefined {
  const [read, setRead] = useState<TokenWorkspace>();
  useEffect(() => {
    const reader = workspaceNameReader(client);
    if (!reader) return;
    let current = true;
    reader().then(
      (name) => current && setRead({ client, name }),
      (error: unknown) => current && setRead({ client, error }),
    );
    return () => {
      current = false;
    };
  }, [client]);
  return read?.client === client ? read : undefined;
}

// Only when the QueryClient has no `retry` of its own: the app's choice (or a test's `retry: false`) wins.
function installAirbyteDefaults(queryClient: QueryClient): void {
  if (queryClient.getDefaultOptions().queries?.retry !== undefined) return;
  if (queryClient.getQueryDefaults(airbyteKeys.all).retry !== undefined) return;
  queryClient.setQueryDefaults(airbyteKeys.all, { retry: airbyteRetry });
}

/**
 * Makes an Airbyte client, a workspace and a QueryClient available to the hooks below it. Works inside an existing
 * `QueryClientProvider` (its QueryClient is reused); creates a QueryClient only when none is given or found.
 * Unless your QueryClient sets `retry`, Airbyte queries use {@link airbyteRetry} (no retry of 4xx). With core's
 * widget client and no `workspace`, the children render once the token's workspace is known (`fallback` until then).
 *
 * @example
 * ```tsx
 * const airbyte = createWidgetClient({ getToken: () => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json()) });
 *
 * export function App() {
 *   return (
 *     <AirbyteProvider client={airbyte} openConnectWidget={openConnectWidget} fallback={<Spinner />}>
 *       <Connectors />
 *     </AirbyteProvider>
 *   );
 * }
 * ```
 */
export function AirbyteProvider({
  client,
  workspace,
  queryClient,
  openConnectWidget,
  fallback = null,
  children,
}: AirbyteProviderProps): ReactNode {
  const outer = useContext(QueryClientContext);
  const own = useRef<QueryClient | null>(null);
  if (!queryClient && !outer && own.current === null) own.current = new QueryClient();
  const active = queryClient ?? outer ?? (own.current as QueryClient);
  installAirbyteDefaults(active);

  const fromToken = useTokenWorkspace(client);
  const known = knownWorkspaceName(client, workspace);
  const resolved = known ?? (fromToken && "name" in fromToken ? fromToken.name : undefined);
  const value = useMemo(
    () => (resolved === undefined ? undefined : { client, workspace: resolved, openConnectWidget }),
    [client, resolved, openConnectWidget],
  );
  // Without a workspace to key by, a failed token read is fatal here; with one, the hooks report it themselves.
  if (known === undefined && fromToken && "error" in fromToken) throw fromToken.error;
  if (known !== undefined && fromToken && "name" in fromToken && fromToken.name !== known) throw mismatch(fromToken.name, known);

  const tree = value ? <AirbyteContext.Provider value={value}>{children}</AirbyteContext.Provider> : fallback;
  return active === outer ? tree : <QueryClientProvider client={active}>{tree}</QueryClientProvider>;
}

/** The provider's value; throws the provider message outside one. */
export function useAirbyteContext(): AirbyteContextValue {
  const context = useContext(AirbyteContext);
  if (!context) throw new Error(NO_PROVIDER);
  return context;
}

/**
 * The Airbyte client of the nearest `<AirbyteProvider>`, or `client` when given (as `useQueryClient` does). Throws
 * "No Airbyte client set, wrap your app in <AirbyteProvider>" when there is neither.
 *
 * @example
 * ```tsx
 * const airbyte = useAirbyteClient();
 * const onClick = () => queryClient.fetchQuery(connectorsQueryOptions(airbyte, { workspace }));
 * ```
 */
export function useAirbyteClient(client?: AirbyteClientLike): AirbyteClientLike {
  const context = useContext(AirbyteContext);
  if (client) return client;
  if (!context) throw new Error(NO_PROVIDER);
  return context.client;
}

/**
 * The workspace the nearest `<AirbyteProvider>` targets, resolved (the client's own when the provider names none).
 * Handy for building keys with {@link airbyteKeys}.
 *
 * @example
 * ```tsx
 * const workspace = useAirbyteWorkspace();
 * const refreshAll = () => queryClient.invalidateQueries({ queryKey: airbyteKeys.scope(workspace) });
 * ```
 */
export function useAirbyteWorkspace(): string {
  return useAirbyteContext().workspace;
}
