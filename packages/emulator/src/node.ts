import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createEmulatorApp, type EmulatorApp } from "./app.js";
import type { EmulatorOptions } from "./options.js";
import type { EmulatorControl } from "./routes/control.js";

/**
 * Options of {@link createEmulator}: the app's options plus where to listen.
 *
 * @example
 * ```ts
 * const emu = await createEmulator({ port: 0, control: true, tokenTtlSeconds: 5 });
 * ```
 */
export interface CreateEmulatorOptions extends EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  hostname?: string;
}

/**
 * A running emulator: its URL, the demo credentials, the control surface, and `close()`.
 *
 * @example
 * ```ts
 * const emu: RunningEmulator = await createEmulator();
 * console.log(emu.url, emu.clientId);
 * await emu.close();
 * ```
 */
export interface RunningEmulator extends EmulatorControl {
  url: string;
  clientId: string;
  clientSecret: string;
  app: EmulatorApp;
  close(): Promise<void>;
}

/**
 * Starts the emulator on a local port (Node). Ideal for vitest: one per test file, port 0.
 *
 * @example
 * ```ts
 * const emu = await createEmulator({ control: true, tokenTtlSeconds: 5 });
 * const client = createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret });
 * // ...
 * await emu.close();
 * ```
 */
export async function createEmulator(options: CreateEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, hostname = "127.0.0.1", ...rest } = options;
  const app = createEmulatorApp(rest);
  const sockets = new Set<import("node:net").Socket>();
  const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => resolve({ server, address: info }));
    server.once("error", reject);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const host = address.address.includes(":") ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    app,
    reset: app.control.reset,
    advanceClock: app.control.advanceClock,
    setFaults: app.control.setFaults,
    stats: app.control.stats,
    requests: app.control.requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
