/**
 * An event the connect widget reports. Only `type` is relied on; `useConnectWidget()` also reads the connector id
 * out of `connector.created` / `connector.updated` events (and the raw api-notes §7 shapes
 * `end_user_action_result` + `source_created`, and `sourceCreated`).
 *
 * @example
 * ```ts
 * const onEvent = (event: ConnectWidgetEvent) => console.log(event.type);
 * ```
 */
export interface ConnectWidgetEvent {
  readonly type: string;
}

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
  onEvent?: (event: ConnectWidgetEvent) => void;
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

/** Contract §7: the documented shape, the Lovable `sourceCreated` shape, and the typed one the core widget maps both to. */
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
