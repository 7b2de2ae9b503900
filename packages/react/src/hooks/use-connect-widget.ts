import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { type AirbyteClientLike, type AirbyteWidgetClientLike, workspaceOf } from "../client-like";
import { type ConnectWidgetEvent, type ConnectWidgetHandle, type OpenConnectWidget, toConnectWidgetEvent } from "../connect-widget";
import { cachedConnectorInfo, invalidateConnector } from "../invalidation";
import { useAirbyteContext } from "../provider";

/**
 * Options of {@link useConnectWidget}.
 *
 * @example
 * ```ts
 * const options: UseConnectWidgetOptions = {
 *   token: () => fetch("/api/airbyte/widget-token", { method: "POST" }).then((r) => r.json()).then((body) => body.token),
 *   onEvent: (event) => console.log(event.type),
 * };
 * ```
 */
export interface UseConnectWidgetOptions {
  /** Mounts the widget. Default: the provider's `openConnectWidget`, else the widget client's own. */
  openConnectWidget?: OpenConnectWidget;
  /**
   * The widget token, or a function that fetches a fresh one. It is asked for on every `open()` and never kept;
   * a function is also handed to the widget to refresh the token while it is open. Default: the widget client's
   * `getToken()`.
   */
  token?: string | (() => string | Promise<string>);
  /**
   * Every event the widget reports, after the hook has updated the cache: a {@link ConnectWidgetEvent}, so after
   * `event.type === "connector.created"` the handler reads `event.connectorId` and `event.name`.
   */
  onEvent?: (event: ConnectWidgetEvent) => void;
}

/**
 * What {@link useConnectWidget} returns.
 *
 * @example
 * ```tsx
 * const { open, isOpen, isOpening, error, lastConnectorId }: UseConnectWidgetResult = useConnectWidget();
 * ```
 */
export interface UseConnectWidgetResult {
  /** Gets a token, mounts the widget and opens it (replacing one already open). Never rejects: see `error`. */
  open: () => Promise<void>;
  /** Closes and unmounts the widget (also done on unmount). */
  close: () => void;
  isOpen: boolean;
  isOpening: boolean;
  /** Why the last `open()` failed (no opener, no token, the token fetch, the widget itself). */
  error: Error | null;
  /** The connector the widget created most recently. */
  lastConnectorId: string | undefined;
}

function widgetClientOpener(client: AirbyteClientLike): OpenConnectWidget | undefined {
  const own = (client as AirbyteWidgetClientLike).openConnectWidget;
  return typeof own === "function" ? (own.bind(client) as OpenConnectWidget) : undefined;
}

/**
 * Where widget tokens come from: the option (a fixed string, or a function), else the widget client's `getToken()`.
 * `refresh` is what the open widget may call near expiry; a fixed string cannot be refreshed.
 */
function tokenSource(
  client: AirbyteClientLike,
  token: UseConnectWidgetOptions["token"],
): { get: () => Promise<string>; refresh?: () => Promise<string> } | undefined {
  if (typeof token === "string") return { get: async () => token };
  const fetchToken = typeof token === "function" ? async () => token() : undefined;
  const getToken = (client as AirbyteWidgetClientLike).getToken;
  const fromClient = typeof getToken === "function" ? () => getToken.call(client) : undefined;
  const get = fetchToken ?? fromClient;
  return get ? { get, refresh: get } : undefined;
}

function dispose(handle: ConnectWidgetHandle | null): void {
  if (!handle) return;
  if (handle.destroy) handle.destroy();
  else handle.close?.();
}

/**
 * Opens the connect widget, where a person adds a connector to the workspace with their own credentials. When the
 * widget reports a created or updated connector (`connector.created`, or the raw `source_created` result), the
 * client forgets the slugs it resolved (core's `connectors.invalidate()`), and the workspace's connector lists and
 * slug-keyed queries refetch. The widget comes from an `openConnectWidget`-compatible function: the hook's option, the
 * provider's, or the widget client's; the token from the `token` option or the widget client's `getToken()`.
 *
 * @example
 * ```tsx
 * import { openConnectWidget } from "@airbyte-agents/core/browser";
 *
 * function AddConnector() {
 *   const { open, isOpening, error } = useConnectWidget({ openConnectWidget });
 *   return (
 *     <>
 *       <button disabled={isOpening} onClick={() => open()}>Connect a source</button>
 *       {error && <p>{error.message}</p>}
 *     </>
 *   );
 * }
 * ```
 */
export function useConnectWidget(options: UseConnectWidgetOptions = {}): UseConnectWidgetResult {
  const { client, workspace, openConnectWidget: fromProvider } = useAirbyteContext();
  const queryClient = useQueryClient();
  const latest = useRef(options);
  latest.current = options;
  const widget = useRef<ConnectWidgetHandle | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [isOpening, setOpening] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [lastConnectorId, setLastConnectorId] = useState<string | undefined>(undefined);

  // Each open() takes a number; a later open() or a close() moves it on, so an open() still loading its token or
  // the widget page knows it was superseded and shows nothing (a double click opens one widget, not two).
  const generation = useRef(0);
  const dropWidget = useCallback(() => {
    const handle = widget.current;
    widget.current = null;
    dispose(handle);
    setOpen(false);
  }, []);
  const close = useCallback(() => {
    generation.current++;
    setOpening(false);
    dropWidget();
  }, [dropWidget]);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      close();
    };
  }, [close]);

  const open = useCallback(async () => {
    const opener = latest.current.openConnectWidget ?? fromProvider ?? widgetClientOpener(client);
    const tokens = tokenSource(client, latest.current.token);
    setError(null);
    if (!opener || !tokens) {
      const missing = !opener
        ? "no openConnectWidget: pass one to the hook or to <AirbyteProvider openConnectWidget> (from @airbyte-agents/core/browser)"
        : "no widget token: pass the token option, or use a widget client (createWidgetClient) that has getToken()";
      setError(new Error(`useConnectWidget: ${missing}`));
      return;
    }
    const mine = ++generation.current;
    const superseded = () => generation.current !== mine;
    setOpening(true);
    try {
      const token = await tokens.get();
      if (superseded()) return;
      dropWidget();
      let handle: ConnectWidgetHandle | null = null;
      // Whatever shape the opener posted (core's typed events, or the raw api-notes §7 messages), handlers get the union.
      const onEvent = (posted: { readonly type: string }) => {
        const event = toConnectWidgetEvent(posted);
        if (event.type === "connector.created" || event.type === "connector.updated") {
          const kind = event.type === "connector.created" ? "created" : "updated";
          if (kind === "created") setLastConnectorId(event.connectorId);
          // The client resolved its slugs before the widget changed the workspace: it must look again, or the
          // refetches below would read the old answer. A new connector's type is not in the event, so every slug
          // query may now resolve differently (or be ambiguous); an update names its old names when a list had them.
          workspaceOf(client, workspace).connectors.invalidate?.();
          const before = kind === "updated" ? cachedConnectorInfo(queryClient, workspace, event.connectorId) : undefined;
          const names = [event.name, before?.name, before?.connectorType, before?.connectorName];
          void invalidateConnector(queryClient, workspace, { id: event.connectorId, names, namesUnknown: !before }, kind);
        }
        latest.current.onEvent?.(event);
      };
      const onClose = () => {
        if (widget.current === handle) setOpen(false);
      };
      handle = await opener(tokens.refresh ? { token, getToken: tokens.refresh, onEvent, onClose } : { token, onEvent, onClose });
      if (!mounted.current || superseded()) {
        // The component went away, or a later open() or a close() came, while the widget was loading: nothing would
        // ever close this one.
        dispose(handle);
        return;
      }
      widget.current = handle;
      handle.open?.();
      setOpen(true);
    } catch (cause) {
      if (!superseded()) setError(cause instanceof Error ? cause : new Error(String(cause)));
    } finally {
      if (!superseded()) setOpening(false);
    }
  }, [client, workspace, fromProvider, queryClient, dropWidget]);

  return { open, close, isOpen, isOpening, error, lastConnectorId };
}
