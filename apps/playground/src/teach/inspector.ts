// The request/response log the inspector shows. Fed by core's onRequest/onResponse hooks, whose headers are already
// redacted (no token or secret ever reaches this module), plus the page's own calls to the playground server.
import type { RequestInfo, ResponseInfo } from "@airbyte-agents/core/browser";

/** One row of the inspector: a request and, once it finished, its status and duration. */
export interface Exchange {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly attempt: number;
  readonly requestHeaders: Record<string, string>;
  readonly status?: number;
  readonly durationMs?: number;
  readonly requestId?: string;
}

const LIMIT = 50;

/** A small observable log, one per session: `hooks` goes to createWidgetClient, `list()` to the inspector. */
export function createInspector() {
  let seq = 0;
  let rows: Exchange[] = [];
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const key = (info: { method: string; path: string; attempt: number }) => `${info.method} ${info.path} #${info.attempt}`;
  const pending = new Map<string, number[]>();

  const started = (info: RequestInfo) => {
    seq += 1;
    rows = [{ seq, method: info.method, path: info.path, attempt: info.attempt, requestHeaders: info.headers }, ...rows].slice(0, LIMIT);
    pending.set(key(info), [...(pending.get(key(info)) ?? []), seq]);
    emit();
  };
  const finished = (info: ResponseInfo) => {
    // The oldest open request with the same method, path and attempt is the one that finished.
    const open = pending.get(key(info)) ?? [];
    const id = open.shift();
    if (id === undefined) started(info);
    const target = id ?? seq;
    rows = rows.map((row) =>
      row.seq === target
        ? { ...row, status: info.status, durationMs: info.durationMs, ...(info.requestId ? { requestId: info.requestId } : {}) }
        : row,
    );
    emit();
  };

  return {
    hooks: { onRequest: started, onResponse: finished },
    /** For the page's own fetches (the ask route): headers it chose to show, never a credential. */
    record(info: ResponseInfo) {
      started(info);
      finished(info);
    },
    list: (): readonly Exchange[] => rows,
    /** The sequence number of the newest row: an action remembers it to mark the rows it caused. */
    last: () => seq,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The inspector of one session. */
export type Inspector = ReturnType<typeof createInspector>;
