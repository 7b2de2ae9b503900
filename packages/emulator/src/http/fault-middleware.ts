import type { MiddlewareHandler } from "hono";
import type { EmulatorContext, Env } from "../context.js";
import type { FaultDecision } from "../faults.js";

/** Thrown to make the server close the connection without answering. */
export class DropConnection extends Error {}

/**
 * Injects the configured faults into API requests. Mounted after CORS, authentication and validation, so a fault
 * answers only a request the API would have accepted and carries the CORS headers its caller's origin earned.
 */
export function faultMiddleware(ctx: EmulatorContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const decision = ctx.faults.decide(c.req.method, c.req.path);
    if (!decision) return next();
    if (decision.delayMs) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    if (decision.afterWrite) {
      await next();
      // The write happened; the caller only sees a failure (contract: faults after a write was applied).
      if (decision.drop) drop(c.env);
      c.res = faultResponse(decision);
      return;
    }
    if (decision.drop) drop(c.env);
    if (decision.status) return faultResponse(decision);
    return next();
  };
}

/** Closes the socket when running on Node (`@hono/node-server` passes it as env); elsewhere the caller's fetch rejects. */
function drop(env: unknown): never {
  const incoming = (env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming;
  incoming?.socket?.destroy();
  throw new DropConnection("connection dropped");
}

function faultResponse(decision: FaultDecision): Response {
  const status = decision.status ?? 500;
  const message =
    status === 429
      ? "Rate limit exceeded"
      : status === 504
        ? "Gateway Timeout"
        : status === 503
          ? "Service Unavailable"
          : status === 502
            ? "Bad Gateway"
            : "Internal Server Error";
  const code = status === 429 ? "rate_limited" : "server_error";
  const headers = new Headers({ "content-type": "application/json" });
  if (decision.retryAfter !== undefined) headers.set("retry-after", decision.retryAfter);
  return new Response(JSON.stringify({ message, errors: [{ field: null, message, error_code: code, details: null }] }), {
    status,
    headers,
  });
}
