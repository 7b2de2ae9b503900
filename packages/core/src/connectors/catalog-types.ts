/**
 * One parameter of a connector action, as the runtime catalog describes it: where it goes, its JSON type, whether
 * it is required, its allowed values and the spec's description.
 *
 * @example
 * ```ts
 * const { entities } = await describeConnector("stripe");
 * const limit: CatalogParam | undefined = entities[0]?.actions[0]?.params.find((p) => p.name === "limit");
 * ```
 */
export interface CatalogParam {
  name: string;
  /** Where the connector sends it; a `header` parameter is one the caller gives (Amazon Ads' profile scope). */
  in: "path" | "query" | "header" | "body";
  /** The JSON type (`string`, `integer`, `number`, `boolean`, `array`, `object`), or `any` when the spec does not say. */
  type: string;
  required?: true;
  enum?: unknown[];
  /** For arrays: the values each item may take. */
  itemEnum?: unknown[];
  /** For numbers: the smallest and largest value the spec allows (checked before sending). */
  minimum?: number;
  maximum?: number;
  /** For strings: the fewest and most characters, and the pattern the value must match (checked before sending). */
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
}

/**
 * One action of a connector entity: its parameters and, where they apply, its paging, download and check roles.
 *
 * @example
 * ```ts
 * const list: CatalogAction | undefined = (await describeConnector("github")).entities.find((e) => e.name === "issues")?.actions[0];
 * console.log(list?.pagination?.cursorParam); // "after"
 * ```
 */
export interface CatalogAction {
  name: string;
  description?: string;
  params: CatalogParam[];
  /**
   * Present when the action pages: the parameter that carries the cursor, the page-size parameter and the meta keys.
   * `cursorFrom` says where the next cursor comes from: the meta (when absent), the last record's id (`lastId`:
   * Stripe's `starting_after`, Shopify's `since_id`), the next page number (`pageNumber`: an integer `page`) or
   * the next offset (`offset`: an integer `offset`, `start` or `startAt`). `cursorType: "integer"`: sent as a number.
   */
  pagination?: {
    cursorParam: string;
    cursorFrom?: "lastId" | "pageNumber" | "offset";
    /**
     * With `cursorFrom: "lastId"`: the record field the cursor is read from when the records have no `id`
     * (Typeform's responses continue `after` the last record's `token`). Absent: `id`.
     */
    cursorField?: string;
    /**
     * Each page is one record of the entity, not a list of them (Amazon Seller Partner's financial events: one
     * object of event lists per page): `paginate()` yields each page's object.
     */
    pageIsRecord?: true;
    cursorType?: "integer";
    pageSizeParam?: string;
    metaKeys: string[];
  };
  /** The action streams a file (use `download()`). */
  download?: true;
  /** The spec's preferred operation for a health check (`x-airbyte-preferred-for-check`). */
  check?: true;
  /** For context-store searches: the fields records carry there. */
  searchFields?: string[];
}

/**
 * A field of a credential scheme or of the replication settings.
 *
 * @example
 * ```ts
 * const [scheme] = (await describeConnector("stripe")).auth;
 * const names = scheme?.fields.map((f: ConfigField) => f.name); // ["api_key"]
 * ```
 */
export interface ConfigField {
  name: string;
  type: string;
  required?: true;
  title?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  /** A secret: mask it in a UI, never log it. */
  secret?: true;
}

/**
 * Everything the SDK knows about one connector at run time, generated from its spec: identity, entities, actions,
 * parameters with descriptions, auth schemes (with the replication form of their keys), replication settings and
 * example questions.
 *
 * @example
 * ```ts
 * const stripe: ConnectorCatalog = await describeConnector("stripe");
 * for (const entity of stripe.entities) console.log(entity.name, entity.actions.map((a) => a.name));
 * ```
 */
export interface ConnectorCatalog {
  slug: string;
  displayName: string;
  definitionId: string;
  version: string | null;
  description: string;
  docsUrl: string | null;
  exampleQuestions: { direct: string[]; search: string[] };
  auth: {
    scheme: string;
    title: string;
    fields: ConfigField[];
    /** The same credentials as the replication config names them (`credentials: { option_title, personal_access_token }`). */
    replicationForm?: { fields: Record<string, string>; constants: Record<string, unknown> };
  }[];
  replicationConfig: ConfigField[];
  entities: { name: string; actions: CatalogAction[] }[];
}

/** A parameter as a runtime catalog holds it: what validation and paging need (internal). */
export type RuntimeParam = Omit<CatalogParam, "in" | "description">;

/** An action as a runtime catalog holds it; a context-store search is only `{ name, search: true }` (internal). */
export type RuntimeAction = Omit<CatalogAction, "description" | "searchFields" | "params"> & { params?: RuntimeParam[]; search?: true };

/** A catalog without its prose: what every call needs, loaded on a connector's first use (internal). */
export type RuntimeCatalog = Omit<ConnectorCatalog, "description" | "docsUrl" | "version" | "exampleQuestions" | "auth" | "entities"> & {
  auth: Omit<ConnectorCatalog["auth"][number], "title">[];
  entities: { name: string; actions: RuntimeAction[] }[];
};

/** A catalog's prose, keyed by name: descriptions, titles and example questions, loaded by `describeConnector` (internal). */
export interface CatalogProse {
  description: string;
  docsUrl: string | null;
  version: string | null;
  exampleQuestions: { direct: string[]; search: string[] };
  auth: Record<string, { title: string; fields: Record<string, { title?: string; description?: string }> }>;
  replicationConfig: Record<string, { title?: string; description?: string }>;
  entities: Record<
    string,
    Record<
      string,
      {
        description?: string;
        params?: Record<string, { in: CatalogParam["in"]; description?: string; default?: unknown }>;
        searchFields?: string[];
      }
    >
  >;
}
