// SOQL as Salesforce's `q` takes it (`SELECT Id, Name FROM Account WHERE Name LIKE 'Acme%' ORDER BY Name LIMIT 10`),
// and Google Ads' GAQL, its look-alike: the WHERE narrows, the SELECT list projects, ORDER BY sorts, LIMIT caps the
// page. GROUP BY and OFFSET are read past and not applied.
import type { RecordSchema } from "../catalog/types.js";
import { comparisonTest, parseComparisons } from "./comparison-query.js";
import { fieldPath } from "./field-path.js";
import type { RecordTest } from "./search-query.js";
import { parseSortText, type SortKey } from "./sort-keys.js";

export interface SelectQuery {
  /** The records the WHERE keeps; undefined when it has none, or none the emulator can read. */
  test?: RecordTest;
  /** The selected fields the record has, as dot paths for select_fields; undefined when none is one. */
  fields?: string[];
  limit?: number;
  /** The ORDER BY keys that name fields of the record (`Name DESC NULLS LAST, CreatedDate`). */
  order?: SortKey[];
}

const SELECT =
  /^\s*SELECT\s+([\s\S]+?)\s+FROM\s+\S+(?:\s+WHERE\s+([\s\S]+?))?(?:\s+GROUP\s+BY\s+[\s\S]+?)?(?:\s+ORDER\s+BY\s+([\s\S]+?))?(?:\s+LIMIT\s+(\d+))?(?:\s+OFFSET\s+\d+)?(?:\s+PARAMETERS\s+[\s\S]+)?\s*;?\s*$/i;

export function isSelectQuery(text: string): boolean {
  return /^\s*SELECT\s[\s\S]+\sFROM\s/i.test(text);
}

/** The reading of a SELECT query; undefined when the text is not one. */
export function parseSelect(text: string, schema: RecordSchema): SelectQuery | undefined {
  const match = SELECT.exec(text);
  if (!match) return undefined;
  const [, list, where, orderBy, limit] = match;
  const fields = (list ?? "")
    .split(",")
    .map((f) => f.trim())
    .flatMap((f) => {
      const path = /^[\w.]+$/.test(f) ? fieldPath(schema, f) : undefined;
      return path ? [path.join(".")] : [];
    });
  const tree = where === undefined ? undefined : parseComparisons(where);
  const test = tree && comparisonTest(tree, schema);
  // Salesforce answers each record's `attributes` whatever was selected.
  const attributes = fieldPath(schema, "attributes");
  const order = orderBy === undefined ? [] : parseSortText(orderBy, schema);
  return {
    ...(order.length > 0 ? { order } : {}),
    ...(test ? { test } : {}),
    ...(fields.length > 0 ? { fields: attributes ? [...fields, attributes.join(".")] : fields } : {}),
    ...(limit === undefined ? {} : { limit: Number(limit) }),
  };
}
