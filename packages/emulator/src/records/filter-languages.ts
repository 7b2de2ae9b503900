// The filter params written in a vendor's own filter language, told apart by name and declared shape: Notion's
// `filter` object (a body param whose schema has `property`), Gong's `filter` object (`{fromDateTime, callIds}`),
// Klaviyo's `filter` text (`equals(name,"x")`), Airtable's `filterByFormula` and ClickUp's `custom_fields` list.
import type { CatalogParam, RecordSchema } from "../catalog/types.js";
import { airtableFormulaTest } from "./airtable-formula.js";
import { customFieldsTest } from "./clickup-custom-fields.js";
import { gongFilterTest, isGongFilterSchema } from "./gong-filter.js";
import { klaviyoFilterTest } from "./klaviyo-filter.js";
import { notionFilterTest } from "./notion-filter.js";
import type { RecordTest } from "./search-query.js";

type Language = "notion" | "gong" | "klaviyo" | "airtable" | "clickup";

function languageOf(param: CatalogParam): Language | undefined {
  if (param.name === "filterByFormula") return "airtable";
  if (param.name === "custom_fields" && param.type === "array") return "clickup";
  if (param.name !== "filter") return undefined;
  if (param.type === "string") return "klaviyo";
  if (param.schema?.properties && "property" in param.schema.properties) return "notion";
  return isGongFilterSchema(param.schema) ? "gong" : undefined;
}

/** Whether a param carries one of these filter languages. */
export function isFilterLanguageParam(param: CatalogParam): boolean {
  return languageOf(param) !== undefined;
}

/** The record test a filter-language param sends; undefined for another param or a value not in its language. */
export function filterLanguageTest(param: CatalogParam, value: unknown, schema: RecordSchema): RecordTest | undefined {
  const language = languageOf(param);
  if (language === "notion") return notionFilterTest(value, schema);
  if (language === "gong") return gongFilterTest(value, schema);
  if (language === "clickup") return customFieldsTest(value);
  if (typeof value !== "string" || value.trim() === "") return undefined;
  if (language === "klaviyo") return klaviyoFilterTest(value, schema);
  return language === "airtable" ? airtableFormulaTest(value) : undefined;
}
