import { type CreateEmulatorOptions, createEmulator, type RunningEmulator } from "@airbyte-agents/emulator";
import { afterAll, beforeAll } from "vitest";
import { type ClientOptions, createClient } from "../../src/index";

/** Sentinel secret: every redaction test scans for it. */
export const SECRET = "sk_live_SENTINEL_client_secret_0123456789";

export interface CoreHarness {
  emu: RunningEmulator;
  /** A client on the emulator with the sentinel secret; options override. */
  client(options?: ClientOptions): ReturnType<typeof createClient>;
  /** GET a control endpoint of the emulator. */
  control<T = any>(path: string, init?: RequestInit): Promise<T>;
  /** The execute requests the emulator saw after the first `since` requests of its log. */
  executes(since: number): ReturnType<RunningEmulator["requests"]>;
}

const EXECUTE_ROUTE = "POST /api/v1/integrations/connectors/:id/execute";

/** One emulator per test file on 127.0.0.1 (port 0), with the control API on. */
export function useEmulator(options: CreateEmulatorOptions = {}): CoreHarness {
  const harness = {} as CoreHarness;
  beforeAll(async () => {
    harness.emu = await createEmulator({ control: true, clientSecret: SECRET, ...options });
  });
  afterAll(async () => {
    await harness.emu?.close();
  });
  harness.client = (overrides = {}) =>
    createClient({
      baseUrl: harness.emu.url,
      clientId: harness.emu.clientId,
      clientSecret: harness.emu.clientSecret,
      logLevel: "off",
      // Strict, as the README advises for tests: the default lenient check reads only the fields the SDK maps, so
      // this is what still checks every generated schema (loaded lazily) against real answers over HTTP.
      validation: "strict",
      ...overrides,
    });
  harness.executes = (since) =>
    harness.emu
      .requests()
      .slice(since)
      .filter((r) => r.route === EXECUTE_ROUTE);
  harness.control = async (path, init) => {
    const res = await fetch(`${harness.emu.url}${path}`, init);
    return (await res.json()) as never;
  };
  return harness;
}

/** Awaits a call that must fail and returns what it threw; a call that succeeds fails the test. */
export async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}
