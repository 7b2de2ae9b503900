import type { Principal } from "../auth.js";
import type { CatalogAuthScheme, CatalogConnector } from "../catalog/types.js";
import { type EmulatorContext, requireUuid } from "../context.js";
import { badRequest, forbidden, notFound, unprocessable } from "../http/errors.js";
import type { Connector, SourceTemplate } from "../store.js";
import { templatesVisibleTo } from "./templates.js";

/** A connector the principal may touch: its organization's, and inside a scoped token's workspace (api-notes §10 U1). */
export function visibleConnector(ctx: EmulatorContext, principal: Principal, rawId: string): Connector {
  const id = requireUuid(rawId, "path.id");
  const connector = ctx.store.connectors.get(id);
  const ws = connector ? ctx.store.workspaces.get(connector.workspace_id) : undefined;
  if (!connector || !ws || ws.tombstone || ws.organization_id !== principal.organizationId) {
    throw notFound(`Connector ${id} not found`, "connector_not_found");
  }
  if (principal.workspaceId && principal.workspaceId !== ws.id)
    throw forbidden("The token is scoped to another workspace", "workspace_scope");
  return connector;
}

export function catalogEntryOf(ctx: EmulatorContext, connector: Connector): CatalogConnector {
  return ctx.catalog.byName(connector.connector_name) as CatalogConnector;
}

interface TemplateSelector {
  definition_id?: string | null;
  connector_type?: string | null;
  source_template_id?: string | null;
}

/** Resolves exactly one of definition_id | connector_type | source_template_id to a template (api-notes §4.1). */
export function resolveTemplate(ctx: EmulatorContext, organizationId: string, body: TemplateSelector): SourceTemplate {
  const given = [body.definition_id, body.connector_type, body.source_template_id].filter((v) => v !== undefined && v !== null);
  if (given.length !== 1) {
    const message =
      given.length === 0
        ? "Value error, One of connector_type, definition_id, or source_template_id must be provided"
        : "Value error, Only one of connector_type, definition_id, or source_template_id may be provided";
    throw unprocessable([{ field: "body", message, code: "value_error" }]);
  }
  const visible = templatesVisibleTo(ctx, organizationId);
  if (body.source_template_id) {
    const id = requireUuid(body.source_template_id, "body.source_template_id");
    const template = visible.find((t) => t.id === id);
    if (!template) throw notFound(`Source template ${id} not found`, "source_template_not_found");
    return template;
  }
  let definition: CatalogConnector | undefined;
  if (body.definition_id) {
    definition = ctx.catalog.byDefinitionId(requireUuid(body.definition_id, "body.definition_id"));
    if (!definition) throw notFound(`Source definition ${body.definition_id} not found`, "definition_not_found");
  } else {
    // connector_type is the display name, case-insensitive; the snake_case slug is a 404 (api-notes §9.5).
    definition = ctx.catalog.byDisplayName(String(body.connector_type));
    if (!definition)
      throw notFound(
        `Connector type '${body.connector_type}' not found. Use the display name, e.g. 'Facebook Marketing'`,
        "connector_type_not_found",
      );
  }
  const own = visible.filter((t) => t.organization_id === organizationId && t.actor_definition_id === definition.definitionId);
  if (own.length > 1) {
    throw badRequest(
      `Multiple source templates exist for ${definition.displayName}: specify source_template_id`,
      "source_template_ambiguous",
      "body.source_template_id",
    );
  }
  return own[0] ?? (visible.find((t) => t.organization_id === null && t.actor_definition_id === definition.definitionId) as SourceTemplate);
}

/** Required replication settings must be present (GitHub's `repositories`), and not at the top level (api-notes §9.6). */
export function validateReplicationConfig(
  definition: CatalogConnector,
  config: Record<string, unknown> | null | undefined,
  topLevel?: Record<string, unknown>,
): void {
  const spec = definition.replicationConfig;
  if (!spec) return;
  const items: { field: string; message: string; code: string }[] = [];
  if (topLevel) {
    for (const key of Object.keys(spec.properties)) {
      if (key in topLevel)
        items.push({
          field: `body.${key}`,
          message: `Extra inputs are not permitted: '${key}' belongs under replication_config`,
          code: "extra_forbidden",
        });
    }
  }
  for (const key of spec.required) {
    const value = config?.[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
      items.push({ field: `body.replication_config.${key}`, message: `required property '${key}' not found`, code: "missing" });
    }
  }
  if (items.length > 0) throw unprocessable(items);
}

const present = (value: unknown) => value !== undefined && value !== null && value !== "";

/** Whether credentials in the auth-config form satisfy a scheme: every required key is given. */
function matchesAuthForm(scheme: CatalogAuthScheme, credentials: Record<string, unknown>): boolean {
  return scheme.required.every((k) => present(credentials[k]));
}

/**
 * Whether credentials in the replication form satisfy a scheme (GitHub's `{option_title: "PAT Credentials",
 * personal_access_token}`): every required auth key is given under its replication name, and the constants
 * the form carries (`option_title`), when sent, are the scheme's own, which tells PAT from OAuth.
 */
function matchesReplicationForm(scheme: CatalogAuthScheme, credentials: Record<string, unknown>): boolean {
  const form = scheme.replication;
  if (!form) return false;
  const byAuthKey = new Map(Object.entries(form.keys).map(([replicationKey, authKey]) => [authKey, replicationKey]));
  const required = scheme.required.every((k) => {
    const replicationKey = byAuthKey.get(k);
    return replicationKey !== undefined && present(credentials[replicationKey]);
  });
  if (!required) return false;
  const constants = Object.entries(form.constants ?? {});
  if (constants.some(([k, v]) => credentials[k] !== undefined && credentials[k] !== v)) return false;
  // A form that maps nothing the auth form lacks would match any credentials: require one mapped key given.
  return Object.keys(form.keys).some((k) => present(credentials[k]));
}

/** The first auth scheme the credentials satisfy, in either form, or a message naming the keys given and the schemes available. */
export function matchAuthScheme(definition: CatalogConnector, credentials: Record<string, unknown>): string | undefined {
  if (definition.auth.length === 0) return undefined;
  const keys = Object.keys(credentials);
  const ok = definition.auth.some((scheme) => matchesAuthForm(scheme, credentials) || matchesReplicationForm(scheme, credentials));
  if (ok) return undefined;
  const schemes = definition.auth.map((s) => `${s.title} (${s.required.join(", ")})`).join("; ");
  return `Credentials do not match any auth scheme. Provided keys: [${keys.map((k) => `'${k}'`).join(", ")}]. Available schemes: ${schemes}`;
}
