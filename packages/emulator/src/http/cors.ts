import type { MiddlewareHandler } from "hono";
import type { EmulatorContext, Env } from "../context.js";

// Minting endpoints take secrets or application tokens: a browser must never be able to call them (contract §7).
const NEVER_CORS = /^\/api\/v1\/account\/applications\/(token|scoped-token|widget-token)$/;
const EXPOSED = "x-request-id, retry-after, content-disposition, content-type";

/**
 * CORS answered only for origins that a widget token named (contract §10 U2): an authenticated response gets
 * `Access-Control-Allow-Origin` only when the token's `allowed_origin` is the request's `Origin`; auth failures
 * from a known origin stay readable so the browser client can refresh its token.
 */
export function corsMiddleware(ctx: EmulatorContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const known = origin !== undefined && ctx.store.allowedOrigins.has(origin) && !NEVER_CORS.test(c.req.path);
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      if (!known) return c.body(null, 204);
      return c.body(null, 204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": c.req.header("access-control-request-headers") ?? "authorization, content-type",
        "access-control-max-age": "600",
        vary: "Origin",
      });
    }
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
