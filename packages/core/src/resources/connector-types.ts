import type { ConnectorCredentials, ConnectorReplicationConfig, ConnectorSlug } from "../connectors/typed";
import type * as api from "../schemas/generated/api";

/**
 * A connector as listed in a workspace. `connectorType` is the display name (`"GitHub"`), `connectorName` the
 * slug (`"github"`).
 *
 * @example
 * ```ts
 * const [first]: ConnectorInfo[] = await ws.connectors.list();
 * console.log(first.name, first.connectorType, first.definitionId);
 * ```
 */
export interface ConnectorInfo {
  id: string;
  name: string;
  connectorType: string;
  connectorName: string | null;
  definitionId: string;
  sourceTemplateId: string;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * One connector in full, as create, get and update return it. Secrets in `replicationConfig` come back masked.
 *
 * @example
 * ```ts
 * const connector: Connector = await ws.connectors.get(id);
 * ```
 */
export interface Connector {
  id: string;
  name: string;
  connectorType: string;
  definitionId: string;
  sourceTemplate: { id: string; name: string; icon: string | null; mode: string | undefined; tags: string[] };
  replicationConfig: Record<string, unknown>;
  entities: { entity: string; modes?: string[] | null | undefined }[] | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * Input of `connectors.create()`: exactly one of `type` (a published connector's slug, mapped to its definition id
 * offline), `definitionId`, `connectorType` (the display name, e.g. `"Facebook Marketing"`) or `sourceTemplateId`.
 *
 * @example
 * ```ts
 * await ws.connectors.create({ type: "github", credentials: { token }, replicationConfig: { repositories: ["acme/app"] } });
 * ```
 */
export type CreateConnectorInput = TypedCreateConnectorInput<ConnectorSlug> | UntypedCreateConnectorInput;

interface CreateConnectorFields {
  name?: string;
  environment?: Record<string, unknown>;
  entities?: { entity: string; modes?: ("read" | "write" | (string & {}))[] }[];
  serverSideOAuthSecretId?: string;
}

/**
 * `connectors.create()` by slug: `credentials` take one of the connector's auth-scheme shapes and
 * `replicationConfig` its replication settings, both from its spec. `replicationConfig` is required when the spec
 * requires a setting (GitHub's `repositories`, Stripe's `account_id`), and optional otherwise (Linear, HubSpot).
 *
 * @example
 * ```ts
 * const input: TypedCreateConnectorInput<"stripe"> = { type: "stripe", credentials: { api_key: "sk_test_…" }, replicationConfig: { account_id: "acct_1" } };
 * ```
 */
export type TypedCreateConnectorInput<S extends ConnectorSlug> = {
  [T in S]: CreateConnectorFields & {
    /** A published connector's slug (`"github"`, `"zendesk-support"`), mapped to its definition id offline. */
    type: T;
    definitionId?: undefined;
    connectorType?: undefined;
    sourceTemplateId?: undefined;
    credentials?: ConnectorCredentials<T>;
  } & (Record<never, never> extends ConnectorReplicationConfig<T> // required exactly when the spec requires a setting
      ? {
          /** The connector's replication settings (its spec requires none). */
          replicationConfig?: ConnectorReplicationConfig<T>;
        }
      : {
          /** The connector's replication settings: required, since its spec requires some (GitHub's `repositories`). */
          replicationConfig: ConnectorReplicationConfig<T>;
        });
}[S];

/**
 * `connectors.create()` by definition id, display name or source template: credentials and settings untyped.
 *
 * @example
 * ```ts
 * const input: UntypedCreateConnectorInput = { connectorType: "Stripe", credentials: { api_key: "sk_test_…" } };
 * ```
 */
export interface UntypedCreateConnectorInput extends CreateConnectorFields {
  type?: undefined;
  definitionId?: string;
  connectorType?: string;
  sourceTemplateId?: string;
  credentials?: Record<string, unknown>;
  replicationConfig?: Record<string, unknown>;
}

/**
 * Input of `connectors.update()`. Omitting `entities` keeps them; `[]` clears the restriction.
 *
 * @example
 * ```ts
 * await ws.connectors.update(id, { name: "Renamed" });
 * ```
 */
export interface UpdateConnectorInput {
  name?: string;
  replicationConfig?: Record<string, unknown>;
  entities?: { entity: string; modes?: string[] }[];
}

/**
 * The outcome of a configuration check (api-notes §3 C7/C8).
 *
 * @example
 * ```ts
 * const check: ConnectorCheck = await ws.connectors.check({ definitionId, credentials });
 * if (check.status !== "succeeded") console.error(check.errorMessage);
 * ```
 */
export interface ConnectorCheck {
  id: string;
  status: string | null;
  errorMessage: string | null;
  entities: { entity: string; status: string; statusCode: number | null; errorMessage: string | null }[];
}

export function toConnectorInfo(item: api.ConnectorSourceListItem): ConnectorInfo {
  // With `validation: "warn" | "off"` an off-schema item gets here: missing fields read as undefined, never a TypeError.
  const template = (item.summarized_source_template ?? {}) as api.SummarizedSourceTemplate;
  return {
    id: item.id,
    name: item.name,
    connectorType: template.name,
    connectorName: template.connector_name ?? null,
    definitionId: template.actor_definition_id,
    sourceTemplateId: template.id,
    createdAt: item.created_at ?? null,
    updatedAt: item.updated_at ?? null,
  };
}

export function toConnector(
  body: api.ConnectorSourceCreateResponse | api.ConnectorSourceGetResponse | api.ConnectorSourceUpdateResponse,
): Connector {
  const template = (body.source_template ?? {}) as (typeof body)["source_template"];
  return {
    id: body.id,
    name: body.name,
    connectorType: template.name,
    definitionId: template.source_definition_id,
    sourceTemplate: { id: template.id, name: template.name, icon: template.icon ?? null, mode: template.mode, tags: template.tags ?? [] },
    replicationConfig: body.replication_config,
    entities: body.entities ?? null,
    createdAt: body.created_at ?? null,
    updatedAt: body.updated_at ?? null,
  };
}

export function toConnectorCheck(body: api.ConnectorSourceCheckConfigResponse): ConnectorCheck {
  return {
    id: body.id,
    status: body.status ?? null,
    errorMessage: body.error_message ?? null,
    entities: (body.entity_check_results ?? []).map((e) => ({
      entity: e.entity,
      status: e.status,
      statusCode: e.status_code ?? null,
      errorMessage: e.error_message ?? null,
    })),
  };
}
