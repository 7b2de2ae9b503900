import { useInfiniteExecute } from "@airbyte-agents/react";
import { ErrorMessage } from "./ErrorMessage";

export interface Operation {
  connectorId: string;
  /** The connector's slug: paging then sends the spec's own cursor parameter (`after`, `starting_after`, `page`). */
  type: string | undefined;
  entity: string;
  action: string;
  params: Record<string, unknown>;
}

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function columnsOf(rows: Row[]): string[] {
  const keys: string[] = [];
  for (const row of rows.slice(0, 5)) {
    if (row === null || typeof row !== "object") continue;
    for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  }
  return keys.slice(0, 6);
}

/** The operation's records, one page at a time (`useInfiniteExecute`); "Load more" fetches the next cursor. */
export function Results({ operation }: { operation: Operation }) {
  const { connectorId, type, entity, action, params } = operation;
  const ref: { connectorId: string; type?: string } = type === undefined ? { connectorId } : { connectorId, type };
  const query = useInfiniteExecute<Row[]>(ref, entity, action, params);
  const pages = query.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.data);
  const columns = columnsOf(rows);

  return (
    <div className="results" data-testid="results" aria-live="polite" aria-busy={query.isFetching}>
      <h3>
        <code>
          {entity}.{action}
        </code>
      </h3>
      {query.isPending && <p>Running…</p>}
      {query.error && <ErrorMessage title={`${entity}.${action} failed`} error={query.error} />}
      {query.data && (
        <>
          <p className="hint" data-testid="result-count" data-rows={rows.length} data-pages={pages.length}>
            {rows.length} records · {pages.length} {pages.length === 1 ? "page" : "pages"}
            {query.hasNextPage ? " · more available" : " · end of results"}
          </p>
          {rows.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{entity} records</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {columns.map((column) => (
                      <th key={column} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: records may have no id; the order is the API's
                    <tr key={index} data-testid="result-row">
                      <td>{index + 1}</td>
                      {columns.map((column) => (
                        <td key={column}>{cell(row?.[column])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              data-testid="load-more"
              disabled={!query.hasNextPage || query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
