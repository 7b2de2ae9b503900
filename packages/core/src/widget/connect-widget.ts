// The connect widget, without dependencies: a <dialog> holding the hosted widget page in an iframe, speaking the
// postMessage protocol of api-notes §7 (the one of @airbyte-embedded/airbyte-embedded-widget).
import { parseWidgetTokenValue, type WidgetTokenValue } from "../auth/widget-token";
import { TokenError } from "../errors/classes";

/**
 * What the widget reports, one typed union for both documented message shapes (api-notes §7 step 7):
 * `end_user_action_result` (`source_created`, `source_updated`, `source_create_error`, `source_update_error`)
 * and the Lovable shape `{ type: "sourceCreated", data: { sourceId, sourceName } }`. `raw` is the message as
 * posted. Any other message with a `type` arrives as `{ type: "unknown", raw }`.
 *
 * @example
 * ```ts
 * const onEvent = (event: ConnectWidgetEvent) => {
 *   if (event.type === "connector.created") console.log("new connector", event.connectorId, event.name);
 *   if (event.type === "connector.error") console.error(event.error);
 * };
 * ```
 */
export type ConnectWidgetEvent =
  | { type: "connector.created" | "connector.updated"; connectorId: string; name: string | undefined; raw: unknown }
  | { type: "connector.error"; error: unknown; raw: unknown }
  | { type: "unknown"; raw: unknown };

/**
 * Options of {@link openConnectWidget}.
 *
 * @example
 * ```ts
 * const options: ConnectWidgetOptions = {
 *   token: await browser.getToken(),
 *   getToken: () => browser.getToken(),
 *   onEvent: (event) => console.log(event.type),
 * };
 * ```
 */
export interface ConnectWidgetOptions {
  /** A widget token: the base64 `{token, widgetUrl}` string, or `{ token, expiresAt }` as your token route answers. */
  token: WidgetTokenValue;
  onEvent?: ((event: ConnectWidgetEvent) => void) | undefined;
  /** Called when the dialog closes (the widget's close button, Escape, or `close()`). */
  onClose?: (() => void) | undefined;
  /**
   * Fetches a new widget token. Given, the widget refreshes its token about 60 s before expiry and when the
   * page asks for a token after the current one went stale, without reloading the iframe. A token with less than
   * 2 min left is refreshed halfway through what is left, and this timed refresh never comes sooner than 10 s after
   * a token arrived (a nearly expired token costs a `getToken` call every 10 s, not a loop). A token whose `exp` is
   * already past on this clock (it runs ahead of the server's) is given the documented 20 minutes.
   */
  getToken?: (() => WidgetTokenValue | Promise<WidgetTokenValue>) | undefined;
  /** Called when `getToken` fails. Default: `console.error`. */
  onError?: ((error: unknown) => void) | undefined;
  /** Where the `<dialog>` is appended. Default `document.body`. */
  container?: HTMLElement | undefined;
  /** A class for the `<dialog>`, to style it. */
  className?: string | undefined;
  /** The iframe's accessible title. Default `"Connect a data source"`. */
  title?: string | undefined;
}

/**
 * A mounted connect widget.
 *
 * @example
 * ```ts
 * const widget = openConnectWidget({ token, onEvent });
 * button.onclick = () => widget.open();
 * // later, with a fresh token from your server:
 * widget.updateToken(newToken);
 * widget.destroy();
 * ```
 */
export interface ConnectWidget {
  readonly dialog: HTMLDialogElement;
  readonly iframe: HTMLIFrameElement;
  /** The widget page's origin: the only one messages are accepted from and tokens are posted to. */
  readonly origin: string;
  readonly isOpen: boolean;
  /** Shows the dialog (`showModal()`, or the `open` attribute where that is missing). */
  open(): void;
  close(): void;
  /** Sends a new token to the widget page without reloading it. */
  updateToken(token: WidgetTokenValue): void;
  /** Removes the listeners, the timer and the dialog. */
  destroy(): void;
}

const REFRESH_EARLY_MS = 60_000;
// The least wait before a scheduled refresh: a short-lived or expired token would otherwise give a 0 ms timer,
// and the refresh, answered by an equally short token, another one, calling getToken in a tight loop.
const MIN_REFRESH_MS = 10_000;
// setTimeout fires at once for delays beyond a signed 32-bit integer.
const MAX_TIMER_MS = 2_147_483_647;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Maps one message from the widget page to a {@link ConnectWidgetEvent}; `undefined` for anything without a
 * string `type` (the protocol's strings are handled by the widget itself).
 *
 * @example
 * ```ts
 * parseConnectWidgetEvent({ type: "sourceCreated", data: { sourceId: "…", sourceName: "Stripe" } });
 * // { type: "connector.created", connectorId: "…", name: "Stripe", raw: {…} }
 * ```
 */
export function parseConnectWidgetEvent(raw: unknown): ConnectWidgetEvent | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const message = raw as { type?: unknown; message?: unknown; data?: unknown; error?: unknown };
  if (typeof message.type !== "string") return undefined;
  const data = (message.data !== null && typeof message.data === "object" ? message.data : {}) as Record<string, unknown>;
  if (message.type === "end_user_action_result") {
    if (message.message === "source_created" || message.message === "source_updated") {
      // data is a SourceRead: {id, name, source_template, replication_config, created_at, updated_at}.
      const connectorId = text(data.id) ?? text(data.sourceId);
      if (connectorId === undefined) return { type: "unknown", raw };
      const type = message.message === "source_created" ? "connector.created" : "connector.updated";
      return { type, connectorId, name: text(data.name) ?? text(data.sourceName), raw };
    }
    if (message.message === "source_create_error" || message.message === "source_update_error") {
      return { type: "connector.error", error: message.error, raw };
    }
    return { type: "unknown", raw };
  }
  if (message.type === "sourceCreated" || message.type === "sourceUpdated") {
    const connectorId = text(data.sourceId) ?? text(data.id);
    if (connectorId === undefined) return { type: "unknown", raw };
    const type = message.type === "sourceCreated" ? "connector.created" : "connector.updated";
    return { type, connectorId, name: text(data.sourceName) ?? text(data.name), raw };
  }
  return { type: "unknown", raw };
}

/**
 * Mounts the connect widget: appends a `<dialog>` whose iframe shows the token's `widgetUrl`, answers the page's
 * `"auth_token_request"` with `{ scopedAuthToken }` (posted to the page's origin only), closes on `"CLOSE_DIALOG"`,
 * and reports typed events. Messages from any other origin, or from a window other than its iframe, are ignored.
 * A dependency-free replacement for `@airbyte-embedded/airbyte-embedded-widget`.
 *
 * @example
 * ```ts
 * import { openConnectWidget } from "@airbyte-agents/core/browser";
 *
 * const getToken = () => fetch("/api/airbyte/token", { method: "POST" }).then((r) => r.json());
 * const widget = openConnectWidget({
 *   token: await getToken(),
 *   getToken,
 *   onEvent: (event) => {
 *     if (event.type === "connector.created") console.log("connected", event.connectorId);
 *   },
 * });
 * widget.open();
 * ```
 */
export function openConnectWidget(options: ConnectWidgetOptions): ConnectWidget {
  let state = parseWidgetTokenValue(options?.token, Date.now());
  if (state.widgetUrl === undefined) {
    throw new TokenError("openConnectWidget needs a widget token (base64 {token, widgetUrl}), not a plain scoped token", {
      code: "token_invalid",
    });
  }
  const widgetUrl = state.widgetUrl;
  const origin = new URL(widgetUrl).origin;
  const container = options.container ?? globalThis.document?.body;
  if (!container) throw new TypeError("openConnectWidget: no document.body; pass the container option");
  const doc = container.ownerDocument;
  const win = doc.defaultView ?? (globalThis as unknown as Window);
  const report = options.onError ?? ((error: unknown) => console.error("[airbyte] connect widget: token refresh failed", error));

  const dialog = doc.createElement("dialog");
  dialog.setAttribute("data-airbyte-connect-widget", "");
  if (options.className) dialog.className = options.className;
  else dialog.style.cssText = "padding:0;border:0;border-radius:12px;width:min(92vw,640px);height:min(90vh,760px);overflow:hidden";
  const iframe = doc.createElement("iframe");
  iframe.title = options.title ?? "Connect a data source";
  iframe.style.cssText = "border:0;width:100%;height:100%;display:block";
  iframe.src = widgetUrl;
  dialog.appendChild(iframe);
  container.appendChild(dialog);

  let destroyed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<void> | undefined;

  // Always addressed to the widget page's origin, so a token never reaches a page the iframe navigated to.
  const postToken = () => {
    if (!destroyed) iframe.contentWindow?.postMessage({ scopedAuthToken: state.bearer }, origin);
  };

  const apply = (value: WidgetTokenValue) => {
    const next = parseWidgetTokenValue(value, Date.now());
    state = { ...next, widgetUrl: next.widgetUrl ?? widgetUrl };
    postToken();
    schedule();
  };

  const refresh = (): Promise<void> => {
    const getToken = options.getToken;
    if (!getToken || destroyed) return Promise.resolve();
    refreshing ??= (async () => {
      try {
        const value = await getToken();
        if (!destroyed) apply(value);
      } catch (error) {
        report(error);
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  function schedule() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!options.getToken || destroyed) return;
    // 60 s before expiry; with less than 2 min left, halfway through what is left; never within 10 s.
    const left = state.expiresAt - Date.now();
    const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_REFRESH_MS, left / 2, left - REFRESH_EARLY_MS));
    timer = setTimeout(() => {
      timer = undefined;
      void refresh();
    }, delay);
  }

  const onMessage = (event: MessageEvent) => {
    if (destroyed) return;
    // The protocol's rule (api-notes §7 step 6): the widget page's origin, or the iframe's own window. A message
    // with a source must come from this iframe: another widget's on the page shares the origin (maybe not the
    // workspace) and must not close this one or reach its onEvent.
    const source = event.source;
    const fromWidget = source != null ? source === iframe.contentWindow : event.origin === origin;
    if (!fromWidget) return;
    const data: unknown = event.data;
    if (data === "auth_token_request") {
      const stale = state.expiresAt - REFRESH_EARLY_MS <= Date.now();
      if (stale && options.getToken) void refresh().then(postToken);
      else postToken();
      return;
    }
    if (data === "CLOSE_DIALOG") {
      widget.close();
      return;
    }
    const mapped = parseConnectWidgetEvent(data);
    if (mapped) options.onEvent?.(mapped);
  };
  const onClose = () => options.onClose?.();
  win.addEventListener("message", onMessage);
  dialog.addEventListener("close", onClose);
  schedule();

  const widget: ConnectWidget = {
    dialog,
    iframe,
    origin,
    get isOpen() {
      return !destroyed && dialog.hasAttribute("open");
    },
    open() {
      if (destroyed) throw new Error("openConnectWidget: this widget was destroyed; open a new one");
      if (dialog.hasAttribute("open")) return;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    },
    close() {
      if (destroyed || !dialog.hasAttribute("open")) return;
      if (typeof dialog.close === "function") dialog.close();
      else {
        dialog.removeAttribute("open");
        onClose();
      }
    },
    updateToken(token) {
      if (destroyed) return;
      apply(token);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      win.removeEventListener("message", onMessage);
      dialog.removeEventListener("close", onClose);
      if (dialog.hasAttribute("open")) {
        if (typeof dialog.close === "function") dialog.close();
        else dialog.removeAttribute("open");
      }
      dialog.remove();
    },
  };
  return widget;
}
