import { useSyncExternalStore } from "react";
import type { Inspector } from "../teach/inspector";

/** Every request the page made: method, path, status, time and the request's headers as core redacted them. */
export function InspectorPanel({ inspector }: { inspector: Inspector }) {
  const rows = useSyncExternalStore(inspector.subscribe, inspector.list);
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading">Requests</h2>
      <p className="hint">From core's onRequest/onResponse hooks: headers arrive redacted, so no token is ever shown.</p>
      {rows.length === 0 ? (
        <p className="empty">No requests yet.</p>
      ) : (
        <table data-testid="inspector">
          <thead>
            <tr>
              <th>method</th>
              <th>path</th>
              <th>status</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.seq} data-testid="inspector-row" data-method={row.method} data-path={row.path} data-status={row.status ?? ""}>
                <td>{row.method}</td>
                <td>
                  <details>
                    <summary>
                      <code>{row.path}</code>
                      {row.attempt > 0 ? ` (retry ${row.attempt})` : ""}
                    </summary>
                    <pre data-testid="inspector-headers">
                      {Object.entries(row.requestHeaders)
                        .map(([name, value]) => `${name}: ${value}`)
                        .join("\n")}
                      {row.requestId ? `\nx-request-id (response): ${row.requestId}` : ""}
                    </pre>
                  </details>
                </td>
                <td className={row.status !== undefined && row.status >= 400 ? "status-bad" : undefined}>{row.status ?? "…"}</td>
                <td>{row.durationMs === undefined ? "" : `${Math.round(row.durationMs)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
