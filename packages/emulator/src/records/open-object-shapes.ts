// Which open objects get a vendor shape (see open-objects.ts): by `connector/entity`, then the field's dotted path.
import { airtableFields } from "./airtable-fields.js";
import { clickupCustomFields } from "./clickup-custom-field-values.js";
import { notionDataSourceProperties, notionPageProperties } from "./notion-properties.js";
import type { Gen } from "./scalars.js";

export const OPEN_OBJECT_SHAPES: Readonly<Record<string, Readonly<Record<string, Gen>>>> = {
  "notion/pages": { properties: notionPageProperties },
  "notion/data_sources": { properties: notionDataSourceProperties },
  "airtable/records": { fields: airtableFields },
  "clickup-api/tasks": { custom_fields: clickupCustomFields },
  "clickup-api/view_tasks": { custom_fields: clickupCustomFields },
};
