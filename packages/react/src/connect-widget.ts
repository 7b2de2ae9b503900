/**
 * An event the connect widget reports: the same union as core's `openConnectWidget` sends, so narrowing on `type`
 * gives the fields that event carries. `useConnectWidget()` hands its `onEvent` this union whatever shape the
 * opener posted (the raw api-notes §7 `end_user_action_result` and `sourceCreated` messages are mapped to it too).
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
  | {
      readonly type: "connector.created" | "connector.updated";
      readonly connectorId: string;
      readonly name: string | undefined;
      readonly raw?: unknown;
    }
  | { readonly type: "connector.error"; readonly error: unknown; readonly raw?: unknown }
  | { readonly type: "unknown"; readonly raw: unknown };

/**
 * The options `useConnectWidget()` passes to an `openConnectWidget` function: the widget token, a way to get a
 * fresh one (for refresh while the widget is open), and the event and close handlers. Core's `openConnectWidget`
 * takes these and more.
 *
 * @example
 * ```ts
 * const options: OpenConnectWidgetOptions = { token, getToken: () => browser.getToken(), onEvent: (event) => console.log(event.type) };
 * ```
 */
export interface OpenConnectWidgetOptions {
  token: string;
  // No `| undefined`: an opener typed with plain optional properties (under exactOptionalPropertyTypes) fits too.
  getToken?: () => Promise<string>;
  /**
   * Gets what the widget posts: core's typed events, or any raw widget message with a `type`. The hook turns it
   * into a {@link ConnectWidgetEvent} for its own `onEvent`; typed this wide so that a hand-written opener with its
   * own, narrower event union still fits.
   */
  onEvent?: (event: { readonly type: string }) => void;
  onClose?: () => void;
}

/**
 * What an `openConnectWidget` function returns: the mounted widget. Every method is optional, so any widget object
 * with `open()` (and ideally `close()` or `destroy()` for unmount) fits.
 *
 * @example
 * ```ts
 * const widget: ConnectWidgetHandle = openConnectWidget({ token, onEvent });
 * widget.open?.();
 * ```
 */
export interface ConnectWidgetHandle {
  open?(): void;
  close?(): void;
  destroy?(): void;
  updateToken?(token: string): void;
}

// Declared as a method so the parameter is checked bivariantly: core's `openConnectWidget`, whose options accept
// more (a token object, a container, an error handler) and whose events are a narrower union, is still accepted.
interface OpenConnectWidgetSignature {
  open(options: OpenConnectWidgetOptions): ConnectWidgetHandle | Promise<ConnectWidgetHandle>;
}

/**
 * A function that mounts the connect widget: `openConnectWidget` from `@airbyte-agents/core/browser`, or anything
 * with its shape. Pass it to `<AirbyteProvider openConnectWidget>` or to `useConnectWidget()`.
 *
 * @example
 * ```tsx
 * import { openConnectWidget } from "@airbyte-agents/core/browser";
 * <AirbyteProvider client={browser} openConnectWidget={openConnectWidget}>...</AirbyteProvider>;
 * ```
 */
export type OpenConnectWidget = OpenConnectWidgetSignature["open"];

/** A connector the widget created or updated, read from any of the event shapes the widget may send. */
export interface WidgetConnectorChange {
  kind: "created" | "updated";
  connectorId: string | undefined;
  name: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The connector a widget event created or updated, from any of the shapes a widget may send: the typed
 * `connector.created` / `connector.updated` of core's widget, the documented `end_user_action_result` with
 * `source_created` / `source_updated` (api-notes §7), and the `sourceCreated` / `sourceUpdated` shape.
 *
 * @example
 * ```ts
 * widgetConnectorChange({ type: "sourceCreated", data: { sourceId: "c-1", sourceName: "Stripe" } });
 * // { kind: "created", connectorId: "c-1", name: "Stripe" }
 * ```
 */
export function widgetConnectorChange(event: unknown): WidgetConnectorChange | undefined {
  const e = record(event);
  if (!e) return undefined;
  const data = record(e.data);
  if (e.type === "connector.created" || e.type === "connector.updated") {
    return {
      kind: e.type === "connector.created" ? "created" : "updated",
      connectorId: text(e.connectorId) ?? text(data?.id),
      name: text(e.name) ?? text(data?.name),
    };
  }
  if (e.type === "end_user_action_result" && (e.message === "source_created" || e.message === "source_updated")) {
    return {
      kind: e.message === "source_created" ? "created" : "updated",
      connectorId: text(data?.id) ?? text(data?.sourceId),
      name: text(data?.name) ?? text(data?.sourceName),
    };
  }
  if (e.type === "sourceCreated" || e.type === "sourceUpdated") {
    return {
      kind: e.type === "sourceCreated" ? "created" : "updated",
      connectorId: text(data?.sourceId) ?? text(data?.id),
      name: text(data?.sourceName) ?? text(data?.name),
    };
  }
  return undefined;
}

/**
 * Any message a widget opener reports, as a {@link ConnectWidgetEvent}: created/updated connectors (every shape
 * `widgetConnectorChange` reads) with their id, `connector.error` (typed, or the raw `source_create_error` /
 * `source_update_error` result), and `unknown` for the rest, so a handler can always narrow on `type`.
 *
 * @example
 * ```ts
 * const event = toConnectWidgetEvent({ type: "end_user_action_result", message: "source_created", data: { id: "c-1" } });
 * if (event.type === "connector.created") console.log(event.connectorId); // "c-1"
 * ```
 */
export function toConnectWidgetEvent(raw: unknown): ConnectWidgetEvent {
  const e = record(raw);
  // An event core already typed keeps the message it was read from; a raw message is its own `raw`.
  const posted = e && typeof e.type === "string" && e.type.startsWith("connector.") && "raw" in e ? e.raw : raw;
  const change = widgetConnectorChange(raw);
  if (change?.connectorId) {
    return { type: `connector.${change.kind}`, connectorId: change.connectorId, name: change.name, raw: posted };
  }
  if (e?.type === "connector.error") return { type: "connector.error", error: e.error, raw: posted };
  if (e?.type === "end_user_action_result" && (e.message === "source_create_error" || e.message === "source_update_error")) {
    return { type: "connector.error", error: e.error, raw };
  }
  return { type: "unknown", raw: e?.type === "unknown" && "raw" in e ? e.raw : raw };
}
