// Aborting a wait on something shared (a token mint, the widget token's workspace) rejects with the SDK's typed
// AbortError, as every other aborted call does, not the signal's raw DOMException.
import { describe, expect, it } from "vitest";
import { createWidgetClient } from "../../src/browser";
import { createClient, isAbortError, isAirbyteError, TimeoutError } from "../../src/index";
import { abortable } from "../../src/transport/abortable";

const never = <T>() => new Promise<T>(() => undefined);

describe("abortable", () => {
  it("rejects with a typed AbortError carrying the signal's reason, before and during the wait", async () => {
    const before = new AbortController();
    before.abort();
    const during = new AbortController();
    const waiting = abortable(never(), during.signal).catch((e: unknown) => e);
    during.abort("user left");
    for (const error of [await abortable(never(), before.signal).catch((e: unknown) => e), await waiting]) {
      expect(isAbortError(error)).toBe(true);
      expect(isAirbyteError(error)).toBe(true);
    }
    expect(((await waiting) as Error).cause).toBe("user left");
  });

  it("passes an SDK error given as the reason (a deadline's TimeoutError) as it is", async () => {
    const controller = new AbortController();
    const reason = new TimeoutError("deadline", { code: "deadline_exceeded" });
    controller.abort(reason);
    await expect(abortable(never(), controller.signal)).rejects.toBe(reason);
  });

  it("widget client: token(), info() and a first connectors.list() waiting for getToken", async () => {
    const browser = createWidgetClient({ getToken: () => never<string>(), fetch: async () => new Response("{}") });
    const controller = new AbortController();
    const waits = [
      browser.token({ signal: controller.signal }),
      browser.info({ signal: controller.signal }),
      browser.connectors.list({}, { signal: controller.signal }),
    ];
    const settled = waits.map((p) => p.catch((e: unknown) => e));
    controller.abort();
    for (const error of await Promise.all(settled)) expect(isAbortError(error)).toBe(true);
  });

  it("server client: tokens.application() and tokens.scoped() aborted while a mint is in flight", async () => {
    const airbyte = createClient({
      baseUrl: "https://api.example.test",
      clientId: "id",
      clientSecret: "secret-123456",
      fetch: () => never<Response>(),
      logLevel: "off",
    });
    const controller = new AbortController();
    const waits = [
      airbyte.tokens.application({ signal: controller.signal }),
      airbyte.tokens.scoped({ workspaceName: "a" }, { signal: controller.signal }),
    ];
    const settled = waits.map((p) => p.catch((e: unknown) => e));
    controller.abort();
    for (const error of await Promise.all(settled)) expect(isAbortError(error)).toBe(true);
  });
});
