// @vitest-environment happy-dom
// The connect widget against a simulated widget page: the page is played by MessageEvents dispatched on the
// window with the right or a wrong origin, and what the parent posts to the iframe is read from a spy.
import nodeConsole from "node:console";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConnectWidget, type ConnectWidgetEvent, isTokenError, openConnectWidget, parseConnectWidgetEvent } from "../../src/browser";

const WIDGET_ORIGIN = "https://widget.example.test";
const WIDGET_URL = `${WIDGET_ORIGIN}/quick-start/widget?workspaceId=0f5e8c1e-1111-4222-8333-944455556666&allowedOrigin=http%3A%2F%2Flocalhost%3A3000`;

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

/** A JWT shaped like the API's scoped tokens; only `exp` matters to the widget. */
function jwt(expiresInSeconds: number, id = "a"): string {
  const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
  return `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ exp, jti: id, "io.airbyte.auth.workspace_scope": { workspace_id: "w" } })}.c2ln`;
}

function widgetToken(inner: string, widgetUrl = WIDGET_URL): string {
  return btoa(JSON.stringify({ token: inner, widgetUrl }));
}

let mounted: ConnectWidget[] = [];

/** Mounts a widget and stands in for the iframe's window, whose postMessage is a spy. */
function mount(
  options: Partial<Parameters<typeof openConnectWidget>[0]> & { token?: Parameters<typeof openConnectWidget>[0]["token"] } = {},
) {
  const widget = openConnectWidget({ token: widgetToken(jwt(1200)), ...options });
  mounted.push(widget);
  const postMessage = vi.fn();
  const frameWindow = { postMessage } as unknown as Window;
  Object.defineProperty(widget.iframe, "contentWindow", { value: frameWindow, configurable: true });
  return { widget, postMessage, frameWindow };
}

/** A message from "the widget page": by default with the widget's origin. */
function fromPage(data: unknown, origin = WIDGET_ORIGIN, source: Window | null = null): void {
  window.dispatchEvent(new MessageEvent("message", { data, origin, source }));
}

beforeEach(() => {
  // happy-dom reports that it does not load iframe pages; the tests stand in for the page.
  // (happy-dom prints through the console it was created with, Node's own, not the test's global one.)
  vi.spyOn(nodeConsole, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  for (const widget of mounted) widget.destroy();
  mounted = [];
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("mounting", () => {
  it("appends a closed <dialog> holding an iframe on the decoded widgetUrl", () => {
    const { widget } = mount();
    expect(widget.dialog.tagName).toBe("DIALOG");
    expect(widget.dialog.parentElement).toBe(document.body);
    expect(widget.iframe.parentElement).toBe(widget.dialog);
    expect(widget.iframe.getAttribute("src")).toBe(WIDGET_URL);
    expect(widget.origin).toBe(WIDGET_ORIGIN);
    expect(widget.isOpen).toBe(false);
  });

  it("mounts into a given container and accepts { token, expiresAt } and base64url without padding", () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    const token = btoa(JSON.stringify({ token: jwt(600), widgetUrl: WIDGET_URL }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    const { widget } = mount({ token: { token, expiresAt: new Date(Date.now() + 600_000).toISOString() }, container });
    expect(widget.dialog.parentElement).toBe(container);
    expect(widget.iframe.getAttribute("src")).toBe(WIDGET_URL);
    container.remove();
  });

  it("open() calls showModal(), close() closes and reports it", async () => {
    const onClose = vi.fn();
    const { widget } = mount({ onClose });
    const showModal = vi.spyOn(widget.dialog, "showModal");
    widget.open();
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(widget.isOpen).toBe(true);
    widget.open(); // already open: no second showModal (it would throw in a browser)
    expect(showModal).toHaveBeenCalledTimes(1);
    widget.close();
    expect(widget.isOpen).toBe(false);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it("falls back to the open attribute where showModal is missing", () => {
    const onClose = vi.fn();
    const { widget } = mount({ onClose });
    Object.defineProperty(widget.dialog, "showModal", { value: undefined, configurable: true });
    Object.defineProperty(widget.dialog, "close", { value: undefined, configurable: true });
    widget.open();
    expect(widget.dialog.hasAttribute("open")).toBe(true);
    widget.close();
    expect(widget.dialog.hasAttribute("open")).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("refuses a plain scoped token and a widgetUrl that is not http(s)", () => {
    const plain = (() => {
      try {
        openConnectWidget({ token: jwt(600) });
      } catch (error) {
        return error;
      }
    })();
    expect(isTokenError(plain) && plain.code).toBe("token_invalid");
    expect(() => openConnectWidget({ token: widgetToken(jwt(600), "javascript:alert(1)") })).toThrow(/http\(s\)/);
    expect(() => openConnectWidget({ token: btoa(JSON.stringify({ token: jwt(600) })) })).toThrow(/widgetUrl/);
    expect(document.querySelectorAll("dialog")).toHaveLength(0);
  });
});

describe("the postMessage protocol", () => {
  it('answers "auth_token_request" with { scopedAuthToken } posted to the widget origin only', () => {
    const inner = jwt(1200);
    const { postMessage } = mount({ token: widgetToken(inner) });
    fromPage("auth_token_request");
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage).toHaveBeenCalledWith({ scopedAuthToken: inner }, WIDGET_ORIGIN);
  });

  it("ignores messages from any other origin", () => {
    const onEvent = vi.fn();
    const { widget, postMessage } = mount({ onEvent });
    widget.open();
    fromPage("auth_token_request", "https://evil.example");
    fromPage("auth_token_request", "http://localhost:3000");
    fromPage("CLOSE_DIALOG", "https://evil.example");
    fromPage({ type: "end_user_action_result", message: "source_created", data: { id: "x", name: "y" } }, "https://evil.example");
    expect(postMessage).not.toHaveBeenCalled();
    expect(onEvent).not.toHaveBeenCalled();
    expect(widget.isOpen).toBe(true);
  });

  it("accepts a message whose source is the iframe's window, and still posts the token to the widget origin", () => {
    const { postMessage, frameWindow } = mount();
    fromPage("auth_token_request", "https://elsewhere.example", frameWindow);
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage.mock.calls[0]?.[1]).toBe(WIDGET_ORIGIN);
  });

  it("a message from one widget's iframe does not close or report to another widget", () => {
    const onEventA = vi.fn();
    const onEventB = vi.fn();
    const a = mount({ onEvent: onEventA });
    const b = mount({ onEvent: onEventB });
    a.widget.open();
    b.widget.open();
    fromPage({ type: "sourceCreated", data: { sourceId: "x" } }, WIDGET_ORIGIN, a.frameWindow);
    fromPage("CLOSE_DIALOG", WIDGET_ORIGIN, a.frameWindow);
    fromPage("auth_token_request", WIDGET_ORIGIN, a.frameWindow);
    expect(onEventA).toHaveBeenCalledTimes(1);
    expect(a.widget.isOpen).toBe(false);
    expect(a.postMessage).toHaveBeenCalledTimes(1);
    expect({ bOpen: b.widget.isOpen, bEvents: onEventB.mock.calls.length, bPosts: b.postMessage.mock.calls.length }).toEqual({
      bOpen: true,
      bEvents: 0,
      bPosts: 0,
    });
  });

  it('closes on "CLOSE_DIALOG"', async () => {
    const onClose = vi.fn();
    const { widget } = mount({ onClose });
    widget.open();
    fromPage("CLOSE_DIALOG");
    expect(widget.isOpen).toBe(false);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});

describe("events", () => {
  function collect() {
    const events: ConnectWidgetEvent[] = [];
    mount({ onEvent: (event) => events.push(event) });
    return events;
  }

  it("maps end_user_action_result source_created / source_updated to connector.created / connector.updated", () => {
    const events = collect();
    const created = {
      type: "end_user_action_result",
      message: "source_created",
      data: { id: "6f1c1d4e-0000-4000-8000-000000000001", name: "Stripe", source_template: {}, created_at: "2026-05-01T00:00:00Z" },
    };
    const updated = {
      type: "end_user_action_result",
      message: "source_updated",
      data: { id: "6f1c1d4e-0000-4000-8000-000000000001", name: "Stripe 2" },
    };
    fromPage(created);
    fromPage(updated);
    expect(events).toEqual([
      { type: "connector.created", connectorId: "6f1c1d4e-0000-4000-8000-000000000001", name: "Stripe", raw: created },
      { type: "connector.updated", connectorId: "6f1c1d4e-0000-4000-8000-000000000001", name: "Stripe 2", raw: updated },
    ]);
  });

  it("maps source_create_error / source_update_error to connector.error, keeping the error", () => {
    const events = collect();
    const createError = { type: "end_user_action_result", message: "source_create_error", error: { message: "bad credentials" } };
    const updateError = { type: "end_user_action_result", message: "source_update_error", error: "nope" };
    fromPage(createError);
    fromPage(updateError);
    expect(events).toEqual([
      { type: "connector.error", error: { message: "bad credentials" }, raw: createError },
      { type: "connector.error", error: "nope", raw: updateError },
    ]);
  });

  it("maps the Lovable shape { type: 'sourceCreated', data: { sourceId, sourceName } }", () => {
    const events = collect();
    const lovable = { type: "sourceCreated", data: { sourceId: "c-42", sourceName: "HubSpot" } };
    fromPage(lovable);
    expect(events).toEqual([{ type: "connector.created", connectorId: "c-42", name: "HubSpot", raw: lovable }]);
  });

  it("passes other typed objects as unknown and ignores untyped messages", () => {
    const events = collect();
    fromPage({ type: "resize", height: 500 });
    fromPage({ type: "end_user_action_result", message: "something_new" });
    fromPage({ hello: "world" });
    fromPage("some other string");
    fromPage(42);
    expect(events).toEqual([
      { type: "unknown", raw: { type: "resize", height: 500 } },
      { type: "unknown", raw: { type: "end_user_action_result", message: "something_new" } },
    ]);
  });

  it("parseConnectWidgetEvent treats a created event without an id as unknown", () => {
    const raw = { type: "end_user_action_result", message: "source_created", data: {} };
    expect(parseConnectWidgetEvent(raw)).toEqual({ type: "unknown", raw });
    expect(parseConnectWidgetEvent("auth_token_request")).toBeUndefined();
  });
});

describe("tokens", () => {
  it("updateToken() posts the new inner token without reloading the iframe", () => {
    const { widget, postMessage } = mount();
    const src = widget.iframe.getAttribute("src");
    const next = jwt(1200, "b");
    widget.updateToken(widgetToken(next));
    expect(postMessage).toHaveBeenCalledWith({ scopedAuthToken: next }, WIDGET_ORIGIN);
    expect(widget.iframe.getAttribute("src")).toBe(src);
    postMessage.mockClear();
    fromPage("auth_token_request");
    expect(postMessage).toHaveBeenCalledWith({ scopedAuthToken: next }, WIDGET_ORIGIN);
    expect(() => widget.updateToken("not a token")).toThrow();
  });

  it("with getToken, answers a token request after expiry with a fresh token, one getToken call for concurrent requests", async () => {
    const fresh = jwt(1200, "fresh");
    let release: (value: string) => void = () => undefined;
    const getToken = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const { postMessage } = mount({ token: widgetToken(jwt(30, "stale")), getToken });
    fromPage("auth_token_request");
    fromPage("auth_token_request");
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(postMessage).not.toHaveBeenCalled();
    release(widgetToken(fresh));
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalled());
    for (const call of postMessage.mock.calls) expect(call).toEqual([{ scopedAuthToken: fresh }, WIDGET_ORIGIN]);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it("with getToken, refreshes about 60 s before expiry on its own", async () => {
    vi.useFakeTimers({ now: new Date("2026-05-01T12:00:00Z") });
    const first = jwt(300, "first");
    const second = jwt(1200, "second");
    const getToken = vi.fn(async () => ({ token: widgetToken(second), expiresAt: new Date(Date.now() + 1_200_000).toISOString() }));
    const { postMessage } = mount({ token: widgetToken(first), getToken });
    await vi.advanceTimersByTimeAsync(239_000);
    expect(getToken).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(postMessage).toHaveBeenCalledWith({ scopedAuthToken: second }, WIDGET_ORIGIN);
  });

  it("a token with less than 60 s of life does not make the widget call getToken in a tight loop", async () => {
    const getToken = vi.fn(async () => widgetToken(jwt(30)));
    mount({ token: widgetToken(jwt(30)), getToken });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(getToken.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it("refreshes a short-lived token halfway through its life, and a nearly expired one no more than every 10 s", async () => {
    vi.useFakeTimers({ now: new Date("2026-05-01T12:00:00Z") });
    const short = vi.fn(async () => widgetToken(jwt(30, "short")));
    mount({ token: widgetToken(jwt(30)), getToken: short });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(short).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(short).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(15_000); // the refreshed 30 s token: again halfway, not at once
    expect(short).toHaveBeenCalledTimes(2);

    const expired = vi.fn(async () => widgetToken(jwt(4, "nearly-expired")));
    const { postMessage } = mount({ token: widgetToken(jwt(4)), getToken: expired });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(postMessage).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(expired).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toHaveBeenCalledTimes(2);
  });

  it("a token whose exp is already past on this clock (it runs ahead) gets the documented 20 min, not a refresh every 10 s", async () => {
    vi.useFakeTimers({ now: new Date("2026-05-01T12:00:00Z") });
    const skewed = vi.fn(async () => widgetToken(jwt(-5, "skewed")));
    mount({ token: widgetToken(jwt(-5)), getToken: skewed });
    await vi.advanceTimersByTimeAsync(19 * 60_000 - 1);
    expect(skewed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(skewed).toHaveBeenCalledTimes(1);
  });

  it("reports a failing getToken to onError and keeps working", async () => {
    const onError = vi.fn();
    const stale = jwt(10, "stale");
    const { postMessage } = mount({ token: widgetToken(stale), getToken: () => Promise.reject(new Error("offline")), onError });
    fromPage("auth_token_request");
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "offline" })));
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledWith({ scopedAuthToken: stale }, WIDGET_ORIGIN));
  });
});

describe("destroy()", () => {
  it("removes the dialog and the listeners", async () => {
    vi.useFakeTimers();
    const onEvent = vi.fn();
    const getToken = vi.fn(async () => widgetToken(jwt(1200)));
    const { widget, postMessage } = mount({ token: widgetToken(jwt(120)), onEvent, getToken });
    widget.open();
    widget.destroy();
    expect(widget.dialog.isConnected).toBe(false);
    expect(document.querySelectorAll("dialog[data-airbyte-connect-widget]")).toHaveLength(0);
    fromPage("auth_token_request");
    fromPage({ type: "sourceCreated", data: { sourceId: "x" } });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(postMessage).not.toHaveBeenCalled();
    expect(onEvent).not.toHaveBeenCalled();
    expect(getToken).not.toHaveBeenCalled();
    expect(() => widget.open()).toThrow(/destroyed/);
    widget.destroy(); // idempotent
  });
});
