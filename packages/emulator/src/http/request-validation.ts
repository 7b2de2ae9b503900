import type { MiddlewareHandler } from "hono";
import { type EmulatorContext, type Env, jsonBody } from "../context.js";
import { unprocessable } from "./errors.js";
import { type PolicyTable, policyOf } from "./route-policy.js";

/**
 * Checks the query and body of every API request by its route's policy, before faults and the handler: a repeated
 * scalar query parameter is a 422 naming it, and the parsed body (after the policy's `prepare`) must satisfy the
 * operation's request schema. The checked body is left in `c.var.body` for the handler.
 */
export function requestValidationMiddleware(ctx: EmulatorContext, table: PolicyTable): MiddlewareHandler<Env> {
  return async (c, next) => {
    const route = policyOf(c, table);
    if (!route) return next();
    const { query, body } = route.policy;
    const repeated = (query ?? []).map((name) => ({ name, count: c.req.queries(name)?.length ?? 0 })).filter((q) => q.count > 1);
    if (repeated.length > 0) {
      // The parameter is a scalar in the OpenAPI document: reading one of several values would hide a caller's bug.
      throw unprocessable(
        repeated.map((q) => ({
          field: `query.${q.name}`,
          message: `Input should be a single value, got ${q.count} values`,
          code: "single_value_expected",
        })),
      );
    }
    if (body) {
      const parsed = await jsonBody(c);
      const prepared = body.prepare ? body.prepare(parsed) : parsed;
      if (body.schema) ctx.validator.schema(body.schema(prepared), prepared);
      else ctx.validator.body(route.key, prepared);
      c.set("body", prepared);
    }
    await next();
  };
}
