import type { Context, Hono } from "hono";
import type { EmulatorContext, Env } from "../context.js";
import { jsonBody } from "../context.js";
import type { FaultConfig } from "../faults.js";
import { notFound, unprocessable } from "../http/errors.js";
import { redactConfig } from "./connectors.js";

/**
 * What the control API and the in-process handle can do.
 *
 * @example
 * ```ts
 * emu.advanceClock(901);
 * console.log(emu.stats().tokenMints);
 * ```
 */
export interface EmulatorControl {
  /** Back to the seeded state: store, stats, faults (to the configured ones) and clock. */
  reset(): void;
  advanceClock(seconds: number): number;
  setFaults(config: FaultConfig | undefined): void;
  stats(): Record<string, unknown>;
  /** The recent request log (method, path, route, status, auth kind, selected headers; never credentials). */
  requests(): RequestLogEntry[];
}

/**
 * One entry of the request log: never a credential.
 *
 * @example
 * ```ts
 * const last: RequestLogEntry | undefined = emu.requests().at(-1);
 * ```
 */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  route: string;
  status: number;
  auth: string;
  userAgent: string | null;
  organizationHeader: string | null;
  /** The query string, every value of every parameter. */
  query: Record<string, string[]>;
  /** For execute requests: the entity, action and params the client sent. */
  execute: { entity: string; action: string; params: Record<string, unknown> } | null;
  requestId: string;
}

/** `/_emulator/*`: reset, stats, faults, clock, request log and a credential-free view of state. Off unless `control`. */
export function registerControlRoutes(app: Hono<Env>, ctx: EmulatorContext, control: EmulatorControl): void {
  app.post("/_emulator/reset", (c) => {
    control.reset();
    return c.json({ ok: true });
  });
  app.get("/_emulator/stats", (c) => c.json(control.stats()));
  app.get("/_emulator/requests", (c) => c.json({ data: control.requests() }));
  app.get("/_emulator/faults", (c) => c.json({ config: ctx.faults.config() ?? null, counts: ctx.faults.counts() }));
  const setFaults = async (c: Context<Env>) => {
    const body = (await jsonBody(c)) as FaultConfig | undefined;
    if (!body || typeof body !== "object")
      throw unprocessable([{ field: "body", message: "Expected a fault configuration object", code: "value_error" }]);
    control.setFaults(body);
    return c.json({ config: ctx.faults.config() ?? null });
  };
  app.put("/_emulator/faults", setFaults);
  app.post("/_emulator/faults", setFaults);
  app.delete("/_emulator/faults", (c) => {
    control.setFaults(undefined);
    return c.json({ config: null });
  });
  app.get("/_emulator/clock", (c) => c.json({ now: new Date(ctx.clock.now()).toISOString(), offset_ms: ctx.clock.offsetMs() }));
  app.post("/_emulator/clock", async (c) => {
    const body = ((await jsonBody(c)) ?? {}) as { advanceSeconds?: unknown; set?: unknown };
    if (body.advanceSeconds !== undefined) {
      if (typeof body.advanceSeconds !== "number" || !Number.isFinite(body.advanceSeconds)) {
        throw unprocessable([{ field: "body.advanceSeconds", message: "Input should be a number", code: "float_type" }]);
      }
      control.advanceClock(body.advanceSeconds);
    } else if (body.set !== undefined) {
      const at = Date.parse(String(body.set));
      if (Number.isNaN(at))
        throw unprocessable([{ field: "body.set", message: "Input should be an ISO date-time", code: "datetime_parsing" }]);
      ctx.clock.set(at);
    } else {
      throw unprocessable([{ field: "body", message: "Give advanceSeconds or set", code: "missing" }]);
    }
    return c.json({ now: new Date(ctx.clock.now()).toISOString(), offset_ms: ctx.clock.offsetMs() });
  });
  app.get("/_emulator/state", (c) => {
    const workspaces = [...ctx.store.workspaces.values()].map((ws) => ({
      id: ws.id,
      name: ws.name,
      organization_id: ws.organization_id,
      status: ws.status,
      tombstone: ws.tombstone,
    }));
    const connectors = [...ctx.store.connectors.values()].map((x) => ({
      id: x.id,
      name: x.name,
      workspace_id: x.workspace_id,
      connector_name: x.connector_name,
      // Keys only: the values are secrets, and the control API is no exception.
      credential_keys: Object.keys(x.credentials).sort(),
      replication_config: redactConfig(x.replication_config),
    }));
    return c.json({ organizations: [...ctx.store.organizations.values()], workspaces, connectors });
  });
  app.all("/_emulator/*", () => {
    throw notFound("Unknown control endpoint", "not_found");
  });
}
