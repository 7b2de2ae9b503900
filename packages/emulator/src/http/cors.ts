import type { MiddlewareHandler } from "hono";
import type { EmulatorContext, Env } from "../context.js";
import { type PolicyTable, policyOf } from "./route-policy.js";

const EXPOSED = "x-request-id, retry-after, content-disposition, content-type";

/**
 * CORS answered only for origins that a widget token named (api-notes §10 U2): an authenticated response gets
 * `Access-Control-Allow-Origin` only when the token's `allowed_origin` is the request's `Origin`; auth failures
 * from a known origin stay readable so the browser client can refresh its token. Routes whose policy says
 * `cors: false` (token minting takes secrets or application tokens, api-notes §7) never answer CORS.
 *
 * Mounted before authentication and faults, so it sees the final answer of both: an injected 503 or 429 to an
 * authenticated caller from its allowed origin is readable by browser code, not a bare "Failed to fetch".
 */
export function corsMiddleware(ctx: EmulatorContext, table: PolicyTable): MiddlewareHandler<Env> {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const requestedMethod = c.req.header("access-control-request-method");
    if (c.req.method === "OPTIONS" && requestedMethod) {
      // A preflight matches no handler (none is registered for OPTIONS): look its route up by the method it announces.
      const policy = table[`${requestedMethod.toUpperCase()} ${c.req.path}`];
      if (origin === undefined || !ctx.store.allowedOrigins.has(origin) || policy?.cors === false) return c.body(null, 204);
      return c.body(null, 204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": c.req.header("access-control-request-headers") ?? "authorization, content-type",
        "access-control-max-age": "600",
        vary: "Origin",
      });
    }
    const known = origin !== undefined && ctx.store.allowedOrigins.has(origin) && policyOf(c, table)?.policy.cors !== false;
    await next();
    if (!known) return;
    const principal = c.get("principal");
    const allowed = principal ? principal.allowedOrigin === origin : c.res.status === 401 || c.res.status === 403;
    if (allowed) {
      c.res.headers.set("access-control-allow-origin", origin);
      c.res.headers.set("access-control-expose-headers", EXPOSED);
      c.res.headers.append("vary", "Origin");
    }
  };
}
