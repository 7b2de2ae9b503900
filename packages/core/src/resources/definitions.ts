import { checkArgument, checkCallOptions } from "../input/call-options";
import { requireText, requireUuid } from "../input/invalid-input";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import { API, type ResourceContext } from "./context";

/**
 * One connector type in the catalog. `definitionId` is what `connectors.create({ definitionId })` takes.
 *
 * @example
 * ```ts
 * const [github]: Definition[] = await airbyte.definitions.list({ name: "github" });
 * ```
 */
export interface Definition {
  definitionId: string;
  name: string;
  iconUrl: string | null;
  supportLevel: string | null;
  dockerRepository: string | null;
}

/**
 * A definition with its configuration spec (JSON Schema) and example questions.
 *
 * @example
 * ```ts
 * const { spec } = await airbyte.definitions.get(definitionId);
 * ```
 */
export interface DefinitionDetail extends Definition {
  spec: { connectionSpecification: Record<string, unknown>; documentationUrl: string | null; advancedAuth: unknown };
  exampleQuestions: { direct: string[]; search: string[] };
}

/**
 * The source connector catalog (api-notes §3 D1-D2).
 *
 * @example
 * ```ts
 * const all = await airbyte.definitions.list();
 * ```
 */
export class Definitions {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /**
   * Lists source definitions; `name` matches case-insensitively anywhere in the name.
   *
   * @example
   * ```ts
   * const matches = await airbyte.definitions.list({ name: "zendesk" });
   * ```
   */
  async list(filter: { name?: string } = {}, options: CallOptions = {}): Promise<Definition[]> {
    checkCallOptions("definitions.list", options);
    checkArgument("definitions.list", "filter", filter);
    if (filter.name !== undefined) requireText("definitions.list", "name", filter.name);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/integrations/definitions/sources`,
        query: { name: filter.name },
        schema: "SourceDefinitionListResponse",
        reads: { definitions: "array" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return data.definitions.filter((d) => typeof d.sourceDefinitionId === "string").map(toDefinition);
  }

  /**
   * Gets one definition with its spec.
   *
   * @example
   * ```ts
   * const github = await airbyte.definitions.get("ef69ef6e-aa7f-4af1-a01d-ef775033524e");
   * ```
   */
  async get(definitionId: string, options: CallOptions = {}): Promise<DefinitionDetail> {
    checkCallOptions("definitions.get", options);
    requireUuid("definitions.get", "definitionId", definitionId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/integrations/definitions/sources/${definitionId}`,
        schema: "SourceDefinitionResponse",
        reads: { id: "string", "definition.spec.connectionSpecification": "object" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return {
      ...toDefinition({ ...data.definition, sourceDefinitionId: data.definition.sourceDefinitionId ?? data.id }),
      spec: {
        connectionSpecification: data.definition.spec.connectionSpecification as Record<string, unknown>,
        documentationUrl: data.definition.spec.documentationUrl ?? null,
        advancedAuth: data.definition.spec.advanced_auth ?? null,
      },
      exampleQuestions: { direct: data.example_questions?.direct ?? [], search: data.example_questions?.search ?? [] },
    };
  }
}

function toDefinition(d: {
  sourceDefinitionId?: string | null | undefined;
  name: string;
  iconUrl?: string | null | undefined;
  supportLevel?: string | null | undefined;
  dockerRepository?: string | null | undefined;
}): Definition {
  return {
    definitionId: d.sourceDefinitionId as string,
    name: d.name,
    iconUrl: d.iconUrl ?? null,
    supportLevel: d.supportLevel ?? null,
    dockerRepository: d.dockerRepository ?? null,
  };
}
