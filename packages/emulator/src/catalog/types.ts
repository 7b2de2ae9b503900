/** A compact JSON Schema as the catalog generator writes it (type, properties, items, enum, format, required). */
export interface RecordSchema {
  type?: string | string[];
  properties?: Record<string, RecordSchema>;
  items?: RecordSchema;
  enum?: unknown[];
  format?: string;
  required?: string[];
}

export interface CatalogParam {
  name: string;
  in: "path" | "query" | "body";
  required: boolean;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

export type MetaRole = "hasMore" | "done" | "cursor" | "total" | "other";

export interface CatalogAction {
  action: string;
  params: CatalogParam[];
  record: RecordSchema;
  pagination: { meta: Record<string, MetaRole>; cursorParam: string | null; limitParam: string | null } | null;
  download?: { contentType: string };
}

export interface CatalogEntity {
  name: string;
  actions: CatalogAction[];
}

export interface CatalogAuthScheme {
  title: string;
  required: string[];
  properties: Record<string, { type?: string; title?: string; secret?: boolean }>;
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
