/** A compact JSON Schema as the catalog generator writes it (type, properties, items, enum, format, required). */
/**
 * The bounds the spec puts on a parameter or a request-body field, checked by execute/bounds.ts (record schemas of
 * answers do not carry them). `format` is kept on those only when checked: date-time, date, email, uri.
 */
export interface Bounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

export interface RecordSchema extends Bounds {
  type?: string | string[];
  properties?: Record<string, RecordSchema>;
  items?: RecordSchema;
  enum?: unknown[];
  format?: string;
  required?: string[];
}

export interface CatalogParam extends Bounds {
  name: string;
  in: "path" | "query" | "header" | "body";
  required: boolean;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  /** Objects and arrays: their compact schema, for nested required fields, types and enums. */
  schema?: RecordSchema;
}

export type MetaRole = "hasMore" | "done" | "cursor" | "total" | "other";

/**
 * Where the entity's records sit in what the spec's record extractor yields: `records` is an array of them
 * (the value itself when `path` is empty, else e.g. Salesforce's `searchRecords`), `record` is one (the value
 * itself, or Linear's `issue` beside `success`).
 */
export interface CatalogShape {
  kind: "records" | "record";
  path: string[];
}

export interface CatalogAction {
  action: string;
  params: CatalogParam[];
  /** The entity's record as this operation answers it (at `shape.path`). */
  record: RecordSchema;
  shape: CatalogShape;
  /** The whole extracted value, when the record sits inside it (`shape.path` not empty). */
  response?: RecordSchema;
  /** The parameter naming the record worked on (`task_gid`; GitHub's `repo` beside `owner`). */
  keyParam?: string;
  /** The operation's own cursor and page-size parameters (`starting_after`, `pageToken`; `per_page`, `first`). */
  cursorParam?: string;
  limitParam?: string;
  /**
   * The record field the cursor parameter takes, where the records have no `id` and the meta no next cursor
   * (Typeform's `after` takes a response's `token`): generated from the record's position, so a value read back
   * continues after that record.
   */
  cursorField?: string;
  /** Every `x-airbyte-meta-extractor` key, its role and the schema of its value. */
  meta?: Record<string, { role: MetaRole; schema: RecordSchema }>;
  pagination: { meta: Record<string, MetaRole>; cursorParam: string | null; limitParam: string | null } | null;
  download?: { contentType: string };
}

/** The record field the spec keys an entity by, with its type (Asana `gid`, Twilio `sid`, integer `portfolioId`). */
export interface CatalogKey {
  field: string;
  type: "integer" | "string";
  format?: "uuid";
}

export interface CatalogEntity {
  name: string;
  actions: CatalogAction[];
  key?: CatalogKey;
  /** The entity's record when no list answers it (context-store-only entities, loosely typed lists). */
  record?: RecordSchema;
  /** The fields `info.x-airbyte-context-store` lists for the entity: what context_store_search answers. */
  contextStore?: RecordSchema;
}

export interface CatalogAuthScheme {
  title: string;
  required: string[];
  properties: Record<string, { type?: string; title?: string; secret?: boolean }>;
  /**
   * The replication form of these credentials (`replication_auth_key_mapping`/`_constants`, relative to the
   * `credentials` object): key in that form -> auth-config key, and the constants that form carries.
   */
  replication?: { keys: Record<string, string>; constants?: Record<string, unknown> };
}

export interface CatalogConnector {
  name: string;
  displayName: string;
  definitionId: string;
  version: string;
  description: string;
  docsUrl: string | null;
  exampleQuestions: { direct: string[]; search: string[] };
  auth: CatalogAuthScheme[];
  /** `defaulted`: keys the platform fills itself (the spec's replication_config_constants). */
  replicationConfig: { required: string[]; properties: Record<string, Record<string, unknown>>; defaulted?: string[] } | null;
  entities: CatalogEntity[];
}

export interface Catalog {
  source: string;
  connectors: CatalogConnector[];
}
