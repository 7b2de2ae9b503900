import type { ConnectorInfo } from "@airbyte-agents/core";
import { useConnectors, useConnectWidget } from "@airbyte-agents/react";
import { useEffect, useState } from "react";
import { connectSnippet, listSnippet } from "../teach/snippets";
import { CodeSample } from "./CodeSample";
import { ErrorMessage } from "./ErrorMessage";

interface Props {
  workspace: string;
  selectedId: string | undefined;
  onSelect: (connector: ConnectorInfo) => void;
}

/** The workspace's connectors, and the connect widget that adds one (the list refetches when it does). */
export function ConnectorsPanel({ workspace, selectedId, onSelect }: Props) {
  const connectors = useConnectors();
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const widget = useConnectWidget({
    onEvent: (event) => {
      if (event.type === "connector.created") setNotice({ text: `Connected ${event.name ?? "a new source"}.`, ok: true });
      if (event.type === "connector.error") setNotice({ text: "The widget could not create the connector (see the widget).", ok: false });
    },
  });

  // Select the connector the widget just created, once the refetched list has it.
  const created = widget.lastConnectorId;
  const list = connectors.data;
  useEffect(() => {
    const found = created ? list?.find((c) => c.id === created) : undefined;
    if (found) onSelect(found);
  }, [created, list, onSelect]);

  return (
    <section className="panel" aria-labelledby="connectors-heading">
      <div className="panel-head">
        <h2 id="connectors-heading">Connectors</h2>
        <button
          type="button"
          className="primary"
          data-testid="connect-source"
          disabled={widget.isOpening}
          onClick={() => void widget.open()}
        >
          {widget.isOpening ? "Opening…" : "Connect a source"}
        </button>
      </div>
      <p className="hint">
        Workspace <code data-testid="workspace-name">{workspace}</code>. The widget adds a connector with your own credentials.
      </p>
      {notice && (
        <p className={notice.ok ? "notice" : "notice notice-error"} role="status" data-testid="widget-notice">
          {notice.text}
        </p>
      )}
      {widget.error && <ErrorMessage title="Could not open the connect widget" error={widget.error} />}
      {connectors.isPending && <p aria-busy="true">Loading connectors…</p>}
      {connectors.error && <ErrorMessage title="Could not list connectors" error={connectors.error} />}
      {list && list.length === 0 && (
        <p className="empty" data-testid="connectors-empty">
          No connectors yet: connect a source.
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="connector-list" data-testid="connector-list" aria-label={`Connectors in ${workspace}`}>
          {list.map((connector) => (
            <li key={connector.id}>
              <button
                type="button"
                className="connector"
                data-testid="connector-item"
                data-connector-id={connector.id}
                aria-pressed={connector.id === selectedId}
                onClick={() => onSelect(connector)}
              >
                <span className="connector-type">{connector.connectorType}</span>
                <span className="connector-name">{connector.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {connectors.isFetching && !connectors.isPending && <p className="hint">Refreshing…</p>}
      <CodeSample snippet={connectSnippet()} testId="code-connect" />
      <CodeSample snippet={listSnippet()} testId="code-list" />
    </section>
  );
}
