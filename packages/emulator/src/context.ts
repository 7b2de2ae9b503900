import type { Context } from "hono";
import type { Principal, TokenSigner } from "./auth.js";
import type { CatalogIndex } from "./catalog/catalog.js";
import type { Clock } from "./clock.js";
import type { FaultInjector } from "./faults.js";
import { badRequest, forbidden, notFound, unprocessable } from "./http/errors.js";
import type { MatchedPolicy } from "./http/route-policy.js";
import type { RequestValidator } from "./http/validate.js";
import type { ResolvedOptions, Role } from "./options.js";
import type { Application, Store, Workspace } from "./store.js";

/** Counters served by `GET /_emulator/stats`. */
export interface Stats {
  requests: number;
  routes: Record<string, number>;
  statuses: Record<string, number>;
  tokenMints: { application: number; scoped: number; widget: number };
}

/** Everything a route needs: state, clock, catalog, signer. One per emulator instance, nothing global. */
export interface EmulatorContext {
  options: ResolvedOptions;
  store: Store;
  clock: Clock;
  catalog: CatalogIndex;
  signer: TokenSigner;
  faults: FaultInjector;
  validator: RequestValidator;
  stats: Stats;
  nextId(): string;
  /** A stable id for a name (catalog-derived objects keep their ids across resets). */
  idFor(name: string): string;
  nowIso(): string;
  /** Reseeds ids and state (used by `reset`). */
  reseed(): void;
}

export type Env = {
  Variables: {
    /** Set by the auth middleware once the token verified (even if a later check refused it). */
    principal?: Principal;
    requestId: string;
    /** The route's policy: undefined until looked up, null for a request no policy covers. */
    route?: MatchedPolicy | null;
    /** The parsed, prepared and validated JSON body. */
    body?: unknown;
  };
};

export function createStats(): Stats {
  return { requests: 0, routes: {}, statuses: {}, tokenMints: { application: 0, scoped: 0, widget: 0 } };
}

/** The principal the route's auth middleware verified; only routes whose policy takes a token may ask for it. */
export function principalOf(c: Context<Env>): Principal {
  const principal = c.get("principal");
  if (!principal) throw new Error(`${c.req.method} ${c.req.path}: no principal (the route's policy takes no token)`);
  return principal;
}

/** The request body the validation middleware parsed and checked against the route's policy (undefined if none was sent). */
export function bodyOf(c: Context<Env>): unknown {
  return c.get("body");
}

export function roleOf(ctx: EmulatorContext, principal: Principal): Role | undefined {
  return ctx.store.applications.get(principal.clientId)?.memberships.get(principal.organizationId);
}

/** Picks the organization for an application: the header, or its only one; several and no header is a 400 (api-notes §9.1). */
export function resolveOrganization(application: Application, header: string | undefined): string {
  if (header) {
    if (!application.memberships.has(header))
      throw forbidden("The application is not a member of this organization", "organization_forbidden");
    return header;
  }
  const ids = [...application.memberships.keys()];
  if (ids.length > 1) {
    throw badRequest(
      "Your credentials belong to several organizations: specify target organization with the X-Organization-Id header",
      "organization_required",
    );
  }
  return ids[0] as string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A path or query id typed `format: uuid` in the OpenAPI document: anything else is a 422. */
export function requireUuid(value: string | undefined, field: string): string {
  if (value === undefined || !UUID.test(value)) {
    throw unprocessable([{ field, message: "Input should be a valid UUID", code: "uuid_parsing" }]);
  }
  return value.toLowerCase();
}

/** A workspace the principal may see: same organization, not deleted, and inside a scoped token's workspace. */
export function visibleWorkspace(ctx: EmulatorContext, principal: Principal, workspaceId: string): Workspace {
  const ws = ctx.store.workspaces.get(workspaceId);
  if (!ws || ws.tombstone || ws.organization_id !== principal.organizationId)
    throw notFound(`Workspace ${workspaceId} not found`, "workspace_not_found");
  if (principal.workspaceId && principal.workspaceId !== ws.id)
    throw forbidden("The token is scoped to another workspace", "workspace_scope");
  return ws;
}

/** Parses a JSON body; malformed JSON is the 422 FastAPI gives. */
export async function jsonBody(c: Context<Env>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw unprocessable([{ field: "body", message: "JSON decode error", code: "json_invalid" }]);
  }
}
