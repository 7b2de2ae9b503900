// admin.uploadWorkspaceIcon's PUT goes to presigned storage, off baseUrl, so it cannot use the transport: it must
// still time out and fail with the SDK's typed errors.
import { describe, expect, it } from "vitest";
import { isAbortError, isConnectionError, isTimeoutError } from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const h = useEmulator();
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
const hanging: typeof fetch = (input, init) =>
  String(input).includes("/_uploads/")
    ? new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)))
    : fetch(input, init);

describe("admin.uploadWorkspaceIcon", () => {
  it("uploads and returns the storage id", async () => {
    await expect(h.client().admin.uploadWorkspaceIcon(png())).resolves.toMatch(/\S/);
  });

  it("a stalled upload ends with a TimeoutError after the call's timeout", async () => {
    const client = h.client({ fetch: hanging });
    await expect(rejection(client.admin.uploadWorkspaceIcon(png(), { timeout: 300 })).then(isTimeoutError)).resolves.toBe(true);
  });

  it("the caller's signal aborts it with an AbortError", async () => {
    const controller = new AbortController();
    const call = h.client({ fetch: hanging }).admin.uploadWorkspaceIcon(png(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(isAbortError(await rejection(call))).toBe(true);
  });

  it("a network failure is a ConnectionError", async () => {
    const failing: typeof fetch = (input, init) =>
      String(input).includes("/_uploads/") ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init);
    expect(isConnectionError(await rejection(h.client({ fetch: failing }).admin.uploadWorkspaceIcon(png())))).toBe(true);
  });
});
