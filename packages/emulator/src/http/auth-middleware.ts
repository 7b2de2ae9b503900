import type { Context, MiddlewareHandler } from "hono";
import { bearerToken, type Principal } from "../auth.js";
import type { EmulatorContext, Env } from "../context.js";
import { forbidden } from "./errors.js";
import { type PolicyTable, policyOf } from "./route-policy.js";

/** Verifies the bearer token against the route's accepted token kinds; throws the 401/403 the hosted API gives. */
async function authenticate(ctx: EmulatorContext, c: Context<Env>, allowed: readonly Principal["kind"][]): Promise<Principal> {
  const principal = await ctx.signer.verify(bearerToken(c.req.header("authorization")));
  // Recorded before the checks below, so the request log and CORS know who was refused.
  c.set("principal", principal);
  const application = ctx.store.applications.get(principal.clientId);
  if (!application?.memberships.has(principal.organizationId)) {
    throw forbidden("The application no longer has access to this organization", "organization_access_revoked");
  }
  const orgHeader = c.req.header("x-organization-id");
  if (orgHeader && orgHeader !== principal.organizationId) {
    throw forbidden("The token was issued for another organization than X-Organization-Id", "organization_mismatch");
  }
  if (!allowed.includes(principal.kind)) {
    throw forbidden(`This endpoint does not accept a ${principal.kind} token`, "token_scope");
  }
  const origin = c.req.header("origin");
  // The widget page is served by the emulator itself (as app.airbyte.ai serves the hosted one), so its own
  // origin is as welcome as the token's allowed origin.
  const ownOrigin = ctx.options.publicUrl ? new URL(ctx.options.publicUrl).origin : new URL(c.req.url).origin;
  if (principal.kind === "widget" && origin !== undefined && origin !== principal.allowedOrigin && origin !== ownOrigin) {
    throw forbidden("This widget token is not valid for this origin", "origin_not_allowed");
  }
  if (principal.workspaceId) {
    const ws = ctx.store.workspaces.get(principal.workspaceId);
    if (!ws || ws.tombstone) throw forbidden("The token's workspace no longer exists", "workspace_deleted");
  }
  return principal;
}

/** Authenticates every API request by its route's policy before faults fire, so a fault answer knows its caller (CORS). */
export function authMiddleware(ctx: EmulatorContext, table: PolicyTable): MiddlewareHandler<Env> {
  return async (c, next) => {
    const route = policyOf(c, table);
    if (route && route.policy.auth !== "none") await authenticate(ctx, c, route.policy.auth);
    await next();
  };
}
