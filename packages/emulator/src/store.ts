import type { Role } from "./options.js";

/** An organization (api-notes §12); `created_at` is Unix seconds there. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  created_at: number;
}

export interface Application {
  clientId: string;
  clientSecret: string;
  /** organization id -> role, in the order given (the first is the default organization). */
  memberships: Map<string, Role>;
}

export interface Workspace {
  id: string;
  name: string;
  organization_id: string;
  status: "active" | "inactive";
  cache_enabled: boolean | null;
  tombstone: boolean;
  created_at: string;
  updated_at: string;
  region_id: string;
  icon_storage_id: string | null;
}

export interface SourceTemplate {
  id: string;
  /** null for the global templates every organization sees. */
  organization_id: string | null;
  name: string;
  connector_name: string;
  actor_definition_id: string;
  partial_default_config: Record<string, unknown>;
  customization: Record<string, unknown> | null;
  tags: string[];
  mode: "DIRECT" | "REPLICATION" | "MULTI";
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RequestedEntity {
  entity: string;
  modes?: string[];
}

export interface Connector {
  id: string;
  workspace_id: string;
  name: string;
  template_id: string;
  /** The catalog name, e.g. `github`. */
  connector_name: string;
  /** Stored, never echoed back. */
  credentials: Record<string, unknown>;
  replication_config: Record<string, unknown>;
  environment: Record<string, unknown>;
  entities: RequestedEntity[] | null;
  created_at: string;
  updated_at: string;
}

/** What writes did to an entity's generated records: later reads see these. */
export interface RecordOverlay {
  created: Record<string, unknown>[];
  updated: Map<string, Record<string, unknown>>;
  deleted: Set<string>;
}

export interface OAuthCredential {
  id: string;
  organization_id: string;
  connector_definition_id: string;
  configuration: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface Workflow {
  id: string;
  name: string;
  workspace_id: string;
  tasks: unknown[];
  created_at: string;
  updated_at: string;
}

export interface Automation {
  id: string;
  workflow_id: string;
  workspace_id: string;
  enabled: boolean;
  trigger_type: "schedule" | "manual" | "webhook";
  cron_expression: string | null;
  timezone: string;
  completion_webhook_url: string | null;
  trigger_webhook_url: string | null;
  created_at: string;
  updated_at: string;
}

/** A connection template (T2): how an organization's connectors replicate to a destination. */
export interface ConnectionTemplate {
  id: string;
  organization_id: string;
  data_hosting_type: "user_hosted" | "airbyte_hosted";
  destination_name: string;
  /** user_hosted only; airbyte_hosted templates write to Airbyte-managed S3. */
  destination_definition_id: string | null;
  /** Stored, never echoed back unredacted. user_hosted only. */
  destination_config: Record<string, unknown> | null;
  /** A Quartz cron expression, or null for no schedule. */
  cron_expression: string | null;
  non_breaking_changes_preference: "ignore" | "disable" | "propagate_columns" | "propagate_fully";
  sync_on_create: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OAuthSession {
  id: string;
  principal: {
    clientId: string;
    organizationId: string;
    workspaceId?: string;
    workspaceName?: string;
    kind: "application" | "scoped" | "widget";
  };
  request: Record<string, unknown>;
  redirect_url: string;
}

export interface Upload {
  organization_id: string;
  contentType: string | null;
  bytes: Uint8Array | null;
}

/** All state of one emulator instance. Plain maps; `createStore()` again is a full reset. */
export interface Store {
  organizations: Map<string, Organization>;
  applications: Map<string, Application>;
  workspaces: Map<string, Workspace>;
  templates: Map<string, SourceTemplate>;
  /** Connection templates (T2), keyed by id; each belongs to one organization. */
  connectionTemplates: Map<string, ConnectionTemplate>;
  connectors: Map<string, Connector>;
  overlays: Map<string, RecordOverlay>;
  oauthCredentials: Map<string, OAuthCredential>;
  workflows: Map<string, Workflow>;
  automations: Map<string, Automation>;
  uploads: Map<string, Upload>;
  /** Runs started through an automation's trigger webhook. */
  automationRuns: { run_id: string; automation_id: string; workflow_id: string; triggered_at: string }[];
  /** Pending OAuth consents (C10), keyed by session id. */
  oauthSessions: Map<string, OAuthSession>;
  /** Origins named by a widget token: only these get CORS answers (api-notes §10 U2). */
  allowedOrigins: Set<string>;
}

export function createStore(): Store {
  return {
    organizations: new Map(),
    applications: new Map(),
    workspaces: new Map(),
    templates: new Map(),
    connectionTemplates: new Map(),
    connectors: new Map(),
    overlays: new Map(),
    oauthCredentials: new Map(),
    workflows: new Map(),
    automations: new Map(),
    uploads: new Map(),
    automationRuns: [],
    oauthSessions: new Map(),
    allowedOrigins: new Set(),
  };
}

/** The overlay of writes for one connector's entity, created on first use. */
export function overlayFor(store: Store, connectorId: string, entity: string): RecordOverlay {
  const key = `${connectorId}:${entity}`;
  let overlay = store.overlays.get(key);
  if (!overlay) {
    overlay = { created: [], updated: new Map(), deleted: new Set() };
    store.overlays.set(key, overlay);
  }
  return overlay;
}

/** Live (not soft-deleted) workspace of an organization by exact, case-sensitive name (api-notes §10 U10). */
export function findWorkspaceByName(store: Store, organizationId: string, name: string): Workspace | undefined {
  for (const ws of store.workspaces.values()) {
    if (ws.organization_id === organizationId && ws.name === name && !ws.tombstone) return ws;
  }
  return undefined;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
