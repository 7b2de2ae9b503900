import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { TokenKind } from "../auth.js";
import type { Env } from "../context.js";

/** What the body of a route must be before its handler runs. */
export interface BodyPolicy {
  /** Maps the parsed JSON before validation: deprecated aliases, or `{}` for a body the route lets you leave out. */
  prepare?: (raw: unknown) => unknown;
  /**
   * The schema the body must satisfy: by default the route's own operation in the OpenAPI document (nothing for an
   * undocumented route, whose handler checks what it reads); a function picks a component schema by the body's shape.
   */
  schema?: (body: unknown) => string;
}

/**
 * Who may call a route and what its request must look like, checked by middleware before faults and the handler,
 * so that handlers only see authenticated, well-formed requests and an injected fault already knows the caller.
 */
export interface RoutePolicy {
  /** Token kinds accepted, or "none" for the routes that take no bearer token (token minting, webhooks). */
  auth: readonly TokenKind[] | "none";
  /** Query parameters that take one value: a repeat is a 422 naming the field, never read first- or last-wins. */
  query?: readonly string[];
  body?: BodyPolicy;
  /** false: never answer CORS, whatever the origin (the token-minting endpoints, api-notes §7). */
  cors?: false;
}

/** Policies keyed by route in the OpenAPI document's spelling: "GET /api/v1/workspaces/{workspace_id}". */
export type PolicyTable = Readonly<Record<string, RoutePolicy>>;

/** "GET", "/api/v1/workspaces/:workspace_id" → "GET /api/v1/workspaces/{workspace_id}". */
export function routeKey(method: string, honoPath: string): string {
  return `${method} ${honoPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`;
}

export interface MatchedPolicy {
  key: string;
  policy: RoutePolicy;
}

/**
 * The policy of the route that will answer this request: the first matched handler (middleware is registered with
 * method ALL), exactly as Hono will dispatch, so a policy can never apply to another route than its handler's.
 */
export function policyOf(c: Context<Env>, table: PolicyTable): MatchedPolicy | undefined {
  const cached = c.get("route");
  if (cached !== undefined) return cached ?? undefined;
  const handler = handlerRoute(c);
  const key = handler ? routeKey(handler.method, handler.path) : undefined;
  const policy = key ? table[key] : undefined;
  const matched = key && policy ? { key, policy } : null;
  c.set("route", matched);
  return matched ?? undefined;
}

/**
 * The route whose handler answers the request: the first matched one that is not middleware. Not the last
 * matched: `GET /workspaces/stats` also matches `/workspaces/:workspace_id`, registered after it.
 */
export function handlerRoute(c: Context<Env>): { method: string; path: string } | undefined {
  return matchedRoutes(c).find((route) => route.method !== "ALL");
}

/**
 * Fails fast when an API route has no policy (it would run unauthenticated) or a policy names no route (a typo), and
 * when a parametrised route opts out of CORS: preflights are matched by exact path, which only static routes have.
 */
export function assertPolicyCoverage(routes: readonly { method: string; path: string }[], table: PolicyTable): void {
  const apiRoutes = new Set(routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/")).map((r) => routeKey(r.method, r.path)));
  const problems = [
    ...[...apiRoutes].filter((key) => !(key in table)).map((key) => `${key} has no policy`),
    ...Object.keys(table)
      .filter((key) => !apiRoutes.has(key))
      .map((key) => `the policy for ${key} names no route`),
    ...Object.entries(table)
      .filter(([key, policy]) => policy.cors === false && key.includes("{"))
      .map(([key]) => `${key}: cors false needs a static path`),
  ];
  if (problems.length > 0) throw new Error(`Emulator route policies: ${problems.join("; ")}`);
}
