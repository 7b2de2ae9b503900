// loadChunk is pure logic over a loader function: the loader here stands for `() => import(...)`, rejecting as a
// browser's dynamic import does when a chunk cannot be fetched. The real failure over a split bundle is
// test/package/chunk-load.test.ts.
import { describe, expect, it } from "vitest";
import { ConnectionError, isConnectionError } from "../../src/index";
import { loadChunk } from "../../src/load-chunk";

describe("loadChunk", () => {
  it("answers what the loader answers", async () => {
    const module = { default: 42 };
    await expect(loadChunk("connector runtime", async () => module)).resolves.toBe(module);
  });

  it("turns a failed load into a retryable ConnectionError naming the part, with the cause kept", async () => {
    const cause = new TypeError("Failed to fetch dynamically imported module: https://cdn.example.com/assets/runtime-3KD9.js");
    const error = await loadChunk("connector runtime", () => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(isConnectionError(error)).toBe(true);
    const e = error as ConnectionError;
    expect(e.code).toBe("module_load_failed");
    expect(e.retryable).toBe(true);
    expect(e.message).toContain("Could not load the SDK's connector runtime");
    expect(e.message).toContain("runtime-3KD9.js");
    expect((e.cause as Error).message).toBe(cause.message);
    expect(e.toJSON()).toMatchObject({ name: "ConnectionError", code: "module_load_failed", retryable: true });
  });

  it("remembers nothing: a later load runs the loader again", async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls === 1) throw new TypeError("network down");
      return "loaded";
    };
    await expect(loadChunk("response schemas", load)).rejects.toMatchObject({ code: "module_load_failed" });
    await expect(loadChunk("response schemas", load)).resolves.toBe("loaded");
    expect(calls).toBe(2);
  });

  it("keeps a secret in the loader's message out of the error", async () => {
    const error = (await loadChunk("response schemas", () =>
      Promise.reject(
        new Error(
          "fetch https://cdn.example.com/x.js?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ failed",
        ),
      ),
    ).catch((e: unknown) => e)) as ConnectionError;
    expect(error.message).not.toContain("eyJhbGciOiJIUzI1NiJ9");
    expect(JSON.stringify(error)).not.toContain("eyJhbGciOiJIUzI1NiJ9");
  });
});
