// Which open objects get a vendor shape (see open-objects.ts): by `connector/entity`, then the field's dotted path.
import { airtableFields } from "./airtable-fields.js";
import { clickupCustomFields } from "./clickup-custom-field-values.js";
import { notionDataSourceProperties, notionPageProperties } from "./notion-properties.js";
import type { Gen } from "./scalars.js";

/** A vendor shape: what its generator makes (an object, or a list of objects), and the generator. */
export interface OpenObjectShape {
  kind: "object" | "array";
  gen: Gen;
}

export const OPEN_OBJECT_SHAPES: Readonly<Record<string, Readonly<Record<string, OpenObjectShape>>>> = {
  "notion/pages": { properties: { kind: "object", gen: notionPageProperties } },
  "notion/data_sources": { properties: { kind: "object", gen: notionDataSourceProperties } },
  "airtable/records": { fields: { kind: "object", gen: airtableFields } },
  "clickup-api/tasks": { custom_fields: { kind: "array", gen: clickupCustomFields } },
  "clickup-api/view_tasks": { custom_fields: { kind: "array", gen: clickupCustomFields } },
};
