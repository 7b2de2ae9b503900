import type { ConnectorInfo } from "@airbyte-agents/core";
import { AirbyteProvider, useConnectors } from "@airbyte-agents/react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { AskPanel } from "./components/AskPanel";
import { ConnectorsPanel } from "./components/ConnectorsPanel";
import { ErrorMessage } from "./components/ErrorMessage";
import { InspectorPanel } from "./components/InspectorPanel";
import { OperationPanel } from "./components/OperationPanel";
import { TokenBadge } from "./components/TokenBadge";
import { demoUsers, UserPicker } from "./components/UserPicker";
import { createSession, fetchConfig, openWidget, type PlaygroundConfig } from "./session";
import type { Inspector } from "./teach/inspector";

const USER_KEY = "airbyte-playground.user";

function initialUser(): string {
  const saved = globalThis.localStorage?.getItem(USER_KEY);
  return demoUsers.some((user) => user.id === saved) ? (saved as string) : (demoUsers[0]?.id ?? "demo");
}

export function App() {
  const config = useQuery({ queryKey: ["playground", "config"], queryFn: fetchConfig, staleTime: Number.POSITIVE_INFINITY });
  const [userId, setUserId] = useState(initialUser);
  const changeUser = (next: string) => {
    globalThis.localStorage?.setItem(USER_KEY, next);
    setUserId(next);
  };

  return (
    <div className="app">
      <header className="top">
        <div>
          <h1>Airbyte Agents playground</h1>
          {config.data && <ModeBadge config={config.data} />}
        </div>
        <UserPicker userId={userId} onChange={changeUser} />
      </header>
      <main>
        {config.error && <ErrorMessage title="Could not load the playground's configuration" error={config.error} />}
        {config.data && <SignedIn key={userId} config={config.data} userId={userId} />}
      </main>
      <footer className="hint">
        The page holds a widget token only (one workspace, this origin, about 20 minutes); the client secret stays on the server.
      </footer>
    </div>
  );
}

function ModeBadge({ config }: { config: PlaygroundConfig }) {
  const where = config.mode === "emulator" ? "Local emulator" : "Hosted Airbyte API";
  const how = config.api === "proxy" ? "via this server's proxy" : "called directly (CORS)";
  return (
    <p className="mode" data-testid="mode" data-mode={config.mode} data-api={config.api}>
      {where} · {how} · <code>{config.apiBaseUrl}</code>
    </p>
  );
}

/** One demo user: a widget client for their workspace. Remounted (fresh client and state) when the user changes. */
function SignedIn({ config, userId }: { config: PlaygroundConfig; userId: string }) {
  const session = useMemo(() => createSession(config, userId), [config, userId]);
  // The token's workspace (GET scoped-token/info): the first call, so it fetches the first widget token.
  const workspace = useQuery({
    queryKey: ["playground", "workspace", userId],
    // No `signal`: core shares one in-flight token-info read between callers, and the first caller's abort (React's
    // StrictMode unmounts once in development) would reject the read for everyone.
    queryFn: () => session.browser.workspaceName(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  if (workspace.error) return <ErrorMessage title="Could not get a widget token" error={workspace.error} />;
  if (!workspace.data) return <p aria-busy="true">Getting a widget token…</p>;
  // `workspace` is known here, so the provider renders at once (and checks it against the token's).
  return (
    <AirbyteProvider client={session.client} workspace={workspace.data} openConnectWidget={openWidget}>
      <TokenBadge session={session} />
      <Workspace workspace={workspace.data} inspector={session.inspector} />
    </AirbyteProvider>
  );
}

function Workspace({ workspace, inspector }: { workspace: string; inspector: Inspector }) {
  const connectors = useConnectors();
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const list = connectors.data ?? [];
  const selected = list.find((c) => c.id === selectedId) ?? list[0];
  const select = useCallback((connector: ConnectorInfo) => setSelectedId(connector.id), []);
  return (
    <div className="grid">
      <ConnectorsPanel workspace={workspace} selectedId={selected?.id} onSelect={select} />
      <div className="stack">
        <OperationPanel connectors={list} selected={selected} onSelect={select} />
        <AskPanel connectors={list} selected={selected} />
      </div>
      <InspectorPanel inspector={inspector} />
    </div>
  );
}
