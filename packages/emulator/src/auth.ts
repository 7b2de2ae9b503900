import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Clock } from "./clock.js";
import { forbidden, unauthorized } from "./http/errors.js";
import type { Role } from "./options.js";

export type TokenKind = "application" | "scoped" | "widget";

/** Who is calling, as read from a verified bearer token. */
export interface Principal {
  kind: TokenKind;
  clientId: string;
  organizationId: string;
  /** For scoped and widget tokens: the one workspace they may touch (api-notes §10 U1). */
  workspaceId?: string;
  workspaceName?: string;
  allowedOrigin?: string;
}

const WORKSPACE_SCOPE_CLAIM = "io.airbyte.auth.workspace_scope";
const ISSUER = "airbyte-agents-emulator";
/** Verified tokens remembered per signer; the map is emptied when full (a test suite mints far fewer). */
const VERIFIED_CACHE_SIZE = 1024;

/** Signs and verifies the emulator's HS256 JWTs with a per-instance key and the emulator's clock. */
export interface TokenSigner {
  sign(principal: Principal, ttlSeconds: number): Promise<string>;
  verify(token: string): Promise<Principal>;
}

export function createTokenSigner(clock: Clock): TokenSigner {
  const key = new Uint8Array(32);
  crypto.getRandomValues(key);
  const verified = new Map<string, { principal: Principal; exp: number }>();
  return {
    async sign(principal, ttlSeconds) {
      const iat = Math.floor(clock.now() / 1000);
      const claims: Record<string, unknown> = { typ: principal.kind, org_id: principal.organizationId };
      if (principal.workspaceId) {
        claims.workspace_id = principal.workspaceId;
        claims[WORKSPACE_SCOPE_CLAIM] = { workspace_id: principal.workspaceId, workspace_name: principal.workspaceName };
      }
      if (principal.allowedOrigin) claims.allowed_origin = principal.allowedOrigin;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(ISSUER)
        .setSubject(principal.clientId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .setJti(crypto.randomUUID())
        .sign(key);
    },
    async verify(token) {
      // A token verified once is remembered with its expiry: the signature and claims cannot change, and jose's only
      // time check here is `exp` (expired when exp <= now, in whole seconds), redone on every use against the clock.
      const known = verified.get(token);
      if (known) {
        if (known.exp <= Math.floor(clock.now() / 1000)) throw unauthorized("Token has expired", "token_expired");
        return { ...known.principal };
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ["HS256"],
          issuer: ISSUER,
          currentDate: new Date(clock.now()),
        });
        const scope = payload[WORKSPACE_SCOPE_CLAIM] as { workspace_id?: string; workspace_name?: string } | undefined;
        const principal: Principal = {
          kind: payload.typ as TokenKind,
          clientId: String(payload.sub),
          organizationId: String(payload.org_id),
        };
        if (scope?.workspace_id) principal.workspaceId = scope.workspace_id;
        if (scope?.workspace_name) principal.workspaceName = scope.workspace_name;
        if (typeof payload.allowed_origin === "string") principal.allowedOrigin = payload.allowed_origin;
        if (typeof payload.exp === "number") {
          if (verified.size >= VERIFIED_CACHE_SIZE) verified.clear();
          verified.set(token, { principal: { ...principal }, exp: payload.exp });
        }
        return principal;
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw unauthorized("Token has expired", "token_expired");
        throw unauthorized("Invalid authentication credentials", "invalid_token");
      }
    },
  };
}

/** Reads the bearer token from an Authorization header value; a missing or malformed header is a 401. */
export function bearerToken(header: string | undefined): string {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) throw unauthorized("Not authenticated", "not_authenticated");
  return match[1];
}

/** Roles allowed to administer workspaces (api-notes §12). */
export const ADMIN_ROLES: readonly Role[] = ["owner", "admin"];

export function requireRole(role: Role | undefined, allowed: readonly Role[], what: string): void {
  if (!role || !allowed.includes(role)) {
    throw forbidden(`Your role (${role ?? "none"}) does not allow you to ${what}`, "insufficient_role");
  }
}
