import type { FaultConfig } from "./faults.js";

/**
 * A role a caller holds in an organization (api-notes §12).
 *
 * @example
 * ```ts
 * const role: Role = "member";
 * ```
 */
export type Role = "owner" | "admin" | "member" | "billing_admin";

/**
 * An extra API application the emulator accepts, with its memberships.
 *
 * @example
 * ```ts
 * const app: ApplicationOptions = { clientId: "multi", clientSecret: "s3cret-multi", organizations: [{ name: "A", role: "owner" }, { name: "B", role: "member" }] };
 * ```
 */
export interface ApplicationOptions {
  clientId: string;
  clientSecret: string;
  /** Organizations this application belongs to. More than one makes `X-Organization-Id` required (api-notes §1). */
  organizations: {
    id?: string;
    name: string;
    role: Role;
    /** The WorkOS organization id `GET /organizations/{id}/workos` answers for this organization (preview). Default none. */
    workosOrganizationId?: string;
  }[];
}

/**
 * Options of {@link createEmulatorApp} and `createEmulator`. Every one has a working default.
 *
 * @example
 * ```ts
 * const options: EmulatorOptions = { seed: 42, control: true, recordCounts: { "stripe.customers": 100_000 } };
 * ```
 */
export interface EmulatorOptions {
  /** The demo application's client id. Default `"airbyte-demo-client"`. */
  clientId?: string;
  /** The demo application's client secret. Default `"airbyte-demo-secret"`. */
  clientSecret?: string;
  /** Lifetime of application tokens in seconds (`expires_in`). Default 900; can go down to 1. */
  tokenTtlSeconds?: number;
  /** Lifetime of scoped and widget tokens in seconds. Default 1200 (20 minutes, as the hosted API). */
  scopedTokenTtlSeconds?: number;
  /** Seed for ids and generated records: the same seed gives the same data. Default `"airbyte-agents"`. */
  seed?: string | number;
  /** Seed the demo workspace with connectors. Default true. */
  demoData?: boolean;
  /** Serve the `/_emulator/*` control endpoints. Default false. */
  control?: boolean;
  /** Faults injected at random (seeded) into API responses. Default none. */
  faults?: FaultConfig;
  /** Records per entity when an entity has no override. Default 57 (three pages of 20 and a short one). */
  recordsPerEntity?: number;
  /** Record counts for particular entities, keyed `"<connector name>.<entity>"`, e.g. `{ "stripe.customers": 100_000 }`. Generated page by page. */
  recordCounts?: Record<string, number>;
  /** Additional applications, e.g. one with two organizations or a `member` role. */
  applications?: ApplicationOptions[];
  /** The public base URL used in `widgetUrl` and `next` links. Default: the URL the request came to. */
  publicUrl?: string;
  /**
   * WorkOS organization ids keyed by organization id or name, e.g. `{ "Demo Organization": "org_01HXYZ" }`: what
   * `GET /organizations/{id}/workos` answers (preview). Organizations not named here have none (null).
   */
  workosOrganizationIds?: Record<string, string>;
}

export interface ResolvedOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  scopedTokenTtlSeconds: number;
  seed: string;
  demoData: boolean;
  control: boolean;
  faults: FaultConfig | undefined;
  recordsPerEntity: number;
  recordCounts: Record<string, number>;
  applications: ApplicationOptions[];
  publicUrl: string | undefined;
  workosOrganizationIds: Record<string, string>;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`Emulator option ${name} must be an integer >= 1, got ${value}`);
  return value;
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    clientId: options.clientId ?? "airbyte-demo-client",
    clientSecret: options.clientSecret ?? "airbyte-demo-secret",
    tokenTtlSeconds: positiveInteger("tokenTtlSeconds", options.tokenTtlSeconds, 900),
    scopedTokenTtlSeconds: positiveInteger("scopedTokenTtlSeconds", options.scopedTokenTtlSeconds, 1200),
    seed: String(options.seed ?? "airbyte-agents"),
    demoData: options.demoData ?? true,
    control: options.control ?? false,
    faults: options.faults,
    recordsPerEntity: positiveInteger("recordsPerEntity", options.recordsPerEntity, 57),
    recordCounts: options.recordCounts ?? {},
    applications: options.applications ?? [],
    publicUrl: options.publicUrl?.replace(/\/$/, ""),
    workosOrganizationIds: { ...options.workosOrganizationIds },
  };
}
