// Widget events are a discriminated union: narrowing on `type` gives the fields that event carries (issue 14
// item 4). With the old `{ readonly type: string }` every property access below was a type error.
import type { ConnectWidgetEvent as CoreConnectWidgetEvent } from "@airbyte-agents/core/browser";
import { openConnectWidget } from "@airbyte-agents/core/browser";
import { describe, expectTypeOf, it } from "vitest";
import type { ConnectWidgetEvent, OpenConnectWidget, useConnectWidget } from "../src/index";

describe("ConnectWidgetEvent", () => {
  it("narrows connector.created to its connector id and name", () => {
    const onEvent = (event: ConnectWidgetEvent) => {
      if (event.type === "connector.created") {
        expectTypeOf(event.connectorId).toEqualTypeOf<string>();
        expectTypeOf(event.name).toEqualTypeOf<string | undefined>();
      }
      if (event.type === "connector.updated") expectTypeOf(event.connectorId).toEqualTypeOf<string>();
      if (event.type === "connector.error") expectTypeOf(event.error).toEqualTypeOf<unknown>();
      if (event.type === "unknown") {
        expectTypeOf(event.raw).toEqualTypeOf<unknown>();
        // @ts-expect-error an unknown event has no connector id
        void event.connectorId;
      }
    };
    expectTypeOf(onEvent).parameter(0).toHaveProperty("type");
  });

  it("lists exactly the event types the widget emits", () => {
    expectTypeOf<ConnectWidgetEvent["type"]>().toEqualTypeOf<"connector.created" | "connector.updated" | "connector.error" | "unknown">();
    // The same names core's openConnectWidget reports, so neither side can add one alone.
    expectTypeOf<CoreConnectWidgetEvent["type"]>().toEqualTypeOf<ConnectWidgetEvent["type"]>();
  });

  it("accepts core's events and opener, and types useConnectWidget's onEvent", () => {
    expectTypeOf<CoreConnectWidgetEvent>().toMatchTypeOf<ConnectWidgetEvent>();
    expectTypeOf(openConnectWidget).toMatchTypeOf<OpenConnectWidget>();
    type Options = NonNullable<Parameters<typeof useConnectWidget>[0]>;
    expectTypeOf<Parameters<NonNullable<Options["onEvent"]>>[0]>().toEqualTypeOf<ConnectWidgetEvent>();
    const created: ConnectWidgetEvent = { type: "connector.created", connectorId: "c-1", name: "GitHub" };
    // @ts-expect-error connector.created carries a connector id
    const missing: ConnectWidgetEvent = { type: "connector.created", name: "GitHub" };
    void created;
    void missing;
  });
});
