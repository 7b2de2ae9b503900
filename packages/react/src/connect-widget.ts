import { parseConnectWidgetEvent } from "@airbyte-agents/core/browser";

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

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Any message a widget opener reports, as a {@link ConnectWidgetEvent}: created/updated connectors (core's typed
 * events, `end_user_action_result` with `source_created` / `source_updated`, `sourceCreated` / `sourceUpdated`) with their id, `connector.error` (typed, or the raw `source_create_error` /
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
  const type = e?.type;
  // An event core's openConnectWidget already typed keeps the message it was read from (`raw`).
  if (e && (type === "connector.created" || type === "connector.updated")) {
    const connectorId = text(e.connectorId) ?? text(record(e.data)?.id);
    if (connectorId) return { type, connectorId, name: text(e.name) ?? text(record(e.data)?.name), raw: "raw" in e ? e.raw : raw };
  }
  if (e && type === "connector.error") return { type, error: e.error, raw: "raw" in e ? e.raw : raw };
  if (e && type === "unknown" && "raw" in e) return { type, raw: e.raw };
  // The widget's own messages (another opener passes them through as they came): read by core, the one reader.
  return parseConnectWidgetEvent(raw) ?? { type: "unknown", raw };
}
