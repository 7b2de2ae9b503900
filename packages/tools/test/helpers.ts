import { type ClientOptions, createClient } from "@airbyte-agents/core";
import { type CreateEmulatorOptions, createEmulator, type RunningEmulator } from "@airbyte-agents/emulator";
import { afterAll, beforeAll } from "vitest";

export interface Harness {
  emu: RunningEmulator;
  /** A client on the emulator; options override. */
  client(options?: ClientOptions): ReturnType<typeof createClient>;
  /** The emulator's request log length now: pass it to `sentSince`. */
  mark(): number;
  /** The API requests logged since a mark (method and route). */
  sentSince(mark: number): { method: string; route: string; path: string; status: number }[];
}

/** One emulator per test file on 127.0.0.1 (port 0), with the control API on. */
export function useEmulator(options: CreateEmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emu = await createEmulator({ control: true, ...options });
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
      ...overrides,
    });
  harness.mark = () => harness.emu.requests().length;
  harness.sentSince = (mark) =>
    harness.emu
      .requests()
      .slice(mark)
      .filter((r) => r.path.startsWith("/api/"))
      .map((r) => ({ method: r.method, route: r.route, path: r.path, status: r.status }));
  return harness;
}

export const EXECUTE = "POST /api/v1/integrations/connectors/:id/execute";
