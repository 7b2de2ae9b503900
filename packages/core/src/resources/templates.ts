import { checkArgument, checkCallOptions } from "../input/call-options";
import { optionalStrings, requireObject, requireText, requireUuid } from "../input/invalid-input";
import { checkOption, isBoolean, isText, oneOf } from "../input/values";
import type * as api from "../schemas/generated/api";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import { API, type ResourceContext } from "./context";

/**
 * A source template: a connector type enabled for the organization, with default config (api-notes §3 T1).
 *
 * @example
 * ```ts
 * const templates: SourceTemplate[] = await airbyte.templates.list();
 * ```
 */
export interface SourceTemplate {
  id: string;
  name: string;
  definitionId: string;
  connectorName: string | null;
  organizationId: string | null;
  tags: string[];
  mode: string | undefined;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * A template with its configuration spec and defaults.
 *
 * @example
 * ```ts
 * const detail: SourceTemplateDetail = await airbyte.templates.get(id);
 * ```
 */
export interface SourceTemplateDetail extends Omit<SourceTemplate, "connectorName" | "organizationId"> {
  partialDefaultConfig: Record<string, unknown>;
  spec: Record<string, unknown>;
}

type ListItem = api.SourceTemplateListItem;
type Detail = api.SourceTemplateGetResponse | api.SourceTemplateCreateResponse | api.SourceTemplateUpdateResponse;

const toTemplate = (t: ListItem): SourceTemplate => ({
  id: t.id,
  name: t.name,
  definitionId: t.actor_definition_id,
  connectorName: t.connector_name ?? null,
  organizationId: t.organization_id ?? null,
  tags: t.tags ?? [],
  mode: t.mode,
  createdAt: t.created_at ?? null,
  updatedAt: t.updated_at ?? null,
});

const toDetail = (t: Detail): SourceTemplateDetail => ({
  id: t.id,
  name: t.name,
  definitionId: t.source_definition_id,
  tags: t.tags ?? [],
  mode: t.mode,
  createdAt: t.created_at ?? null,
  updatedAt: t.updated_at ?? null,
  partialDefaultConfig: t.partial_default_config,
  spec: t.user_config_spec as Record<string, unknown>,
});

/**
 * Source templates: which connector types the organization offers, with their defaults.
 *
 * @example
 * ```ts
 * const mine = await airbyte.templates.list();
 * const global = await airbyte.templates.list({ useGlobal: true });
 * ```
 */
export class Templates {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /**
   * Lists the organization's templates (or the global ones), optionally filtered by tags.
   *
   * @example
   * ```ts
   * await airbyte.templates.list({ tags: ["crm"], tagsMode: "any" });
   * ```
   */
  async list(
    filter: { useGlobal?: boolean; tags?: string[]; tagsMode?: "any" | "all" } = {},
    options: CallOptions = {},
  ): Promise<SourceTemplate[]> {
    checkCallOptions("templates.list", options);
    checkArgument("templates.list", "filter", filter);
    checkOption("templates.list", filter as Record<string, unknown>, "useGlobal", "a boolean", isBoolean);
    optionalStrings("templates.list", "tags", filter.tags);
    checkOption("templates.list", filter as Record<string, unknown>, "tagsMode", '"any" or "all"', oneOf(["any", "all"]));
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/integrations/templates/sources`,
        query: { use_global: filter.useGlobal, tags: filter.tags, tags_mode: filter.tagsMode },
        schema: "SourceTemplateListResponse",
        reads: { data: "array", "data[].id": "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return data.data.map(toTemplate);
  }

  /**
   * Gets one template with its spec.
   *
   * @example
   * ```ts
   * const template = await airbyte.templates.get(id);
   * ```
   */
  async get(templateId: string, options: CallOptions = {}): Promise<SourceTemplateDetail> {
    checkCallOptions("templates.get", options);
    requireUuid("templates.get", "templateId", templateId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/integrations/templates/sources/${templateId}`,
        schema: "SourceTemplateGetResponse",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return toDetail(data);
  }

  /**
   * Enables a connector type for the organization, with default configuration, or clones a template.
   *
   * @example
   * ```ts
   * await airbyte.templates.create({ definitionId: GITHUB, partialDefaultConfig: { start_date: "2026-01-01" } });
   * await airbyte.templates.create({ cloneOf: templateId, name: "GitHub (EU)" });
   * ```
   */
  async create(
    input:
      | { definitionId: string; partialDefaultConfig?: Record<string, unknown>; name?: string; mode?: string }
      | { cloneOf: string; name?: string; mode?: string },
    options: CallOptions = {},
  ): Promise<SourceTemplateDetail> {
    checkCallOptions("templates.create", options);
    checkArgument("templates.create", "input", input, false);
    checkOption("templates.create", input as Record<string, unknown>, "mode", "a non-empty string", isText);
    let body: Record<string, unknown>;
    if ("cloneOf" in input) {
      body = { original_source_template_id: requireUuid("templates.create", "cloneOf", input.cloneOf) };
    } else {
      requireObject("templates.create", "partialDefaultConfig", input.partialDefaultConfig);
      body = {
        actor_definition_id: requireUuid("templates.create", "definitionId", input.definitionId),
        partial_default_config: input.partialDefaultConfig ?? {},
      };
    }
    if (input.name !== undefined) body.name = requireText("templates.create", "name", input.name);
    if (input.mode !== undefined) body.mode = input.mode;
    const { data } = await this.#ctx.transport.request(
      {
        method: "POST",
        path: `${API}/integrations/templates/sources`,
        body,
        schema: "SourceTemplateCreateResponse",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return toDetail(data);
  }

  /**
   * Updates a template's name, defaults or mode.
   *
   * @example
   * ```ts
   * await airbyte.templates.update(id, { name: "GitHub (read-only)" });
   * ```
   */
  async update(
    templateId: string,
    input: { name?: string; partialDefaultConfig?: Record<string, unknown>; mode?: string },
    options: CallOptions = {},
  ): Promise<SourceTemplateDetail> {
    checkCallOptions("templates.update", options);
    checkArgument("templates.update", "input", input, false);
    checkOption("templates.update", input as Record<string, unknown>, "mode", "a non-empty string", isText);
    requireUuid("templates.update", "templateId", templateId);
    const body: Record<string, unknown> = {};
    if (input.name !== undefined) body.name = requireText("templates.update", "name", input.name);
    if (input.partialDefaultConfig !== undefined)
      body.partial_default_config = requireObject("templates.update", "partialDefaultConfig", input.partialDefaultConfig);
    if (input.mode !== undefined) body.mode = input.mode;
    const { data } = await this.#ctx.transport.request(
      {
        method: "PATCH",
        path: path`/api/v1/integrations/templates/sources/${templateId}`,
        body,
        schema: "SourceTemplateUpdateResponse",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return toDetail(data);
  }

  /**
   * Deletes (disables) a template. `deletedAt` is `null` when a retry found it already gone (an earlier
   * attempt, whose answer was lost, deleted it).
   *
   * @example
   * ```ts
   * await airbyte.templates.delete(id);
   * ```
   */
  async delete(templateId: string, options: CallOptions = {}): Promise<{ id: string; deletedAt: string | null }> {
    checkCallOptions("templates.delete", options);
    requireUuid("templates.delete", "templateId", templateId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "DELETE",
        path: path`/api/v1/integrations/templates/sources/${templateId}`,
        schema: "SourceTemplateDeleteResponse",
        reads: { id: "string", deleted_at: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return data === null ? { id: templateId, deletedAt: null } : { id: data.id, deletedAt: data.deleted_at };
  }
}
