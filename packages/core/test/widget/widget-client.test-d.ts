import { describe, expectTypeOf, it } from "vitest";
import {
  type ConnectWidgetEvent,
  createWidgetClient,
  openConnectWidget,
  type WidgetClient,
  type WidgetClientOptions,
} from "../../src/browser";
import type { WidgetTokenResponse } from "../../src/index";

const getToken = async (): Promise<WidgetTokenResponse> => ({ token: "t", expiresAt: new Date().toISOString() });

describe("the browser entry's types", () => {
  it("has no field for a client secret", () => {
    // @ts-expect-error a browser client cannot be given a client secret
    createWidgetClient({ getToken, clientSecret: "x" });
    // @ts-expect-error nor client credentials under another spelling
    createWidgetClient({ getToken, clientId: "id" });
    expectTypeOf<WidgetClientOptions>().not.toHaveProperty("clientSecret");
    expectTypeOf<WidgetClientOptions>().not.toHaveProperty("clientId");
    expectTypeOf<WidgetClientOptions>().not.toHaveProperty("tokenStore");
  });

  it("takes every token shape getToken may return", () => {
    expectTypeOf(createWidgetClient({ getToken })).toEqualTypeOf<WidgetClient>();
    createWidgetClient({ getToken: () => "eyJ.widget.token" });
    createWidgetClient({ getToken: async () => ({ token: "t" }) });
    // @ts-expect-error getToken is required
    createWidgetClient({});
  });

  it("types the widget's events as one union", () => {
    openConnectWidget({
      token: "t",
      onEvent: (event) => {
        expectTypeOf(event).toEqualTypeOf<ConnectWidgetEvent>();
        if (event.type === "connector.created") expectTypeOf(event.connectorId).toBeString();
        if (event.type === "connector.error") expectTypeOf(event).toHaveProperty("error");
      },
    });
  });
});
