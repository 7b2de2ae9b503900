// Everything a list or search call sends that chooses records, read into one test: filter params by field name
// and ranges (param-filters.ts), and the query languages of `q`/`query`/`jql`/`search` and HubSpot's
// `filterGroups`. A param none of these reads is accepted and ignored: every filter only narrows the page. The
// ORDER BY of SOQL/GAQL/JQL and GitHub's `sort:` qualifier are read here too (they are part of the query text).
import type { CatalogAction, CatalogParam, RecordSchema } from "../catalog/types.js";
import { comparisonTest, parseComparisons } from "./comparison-query.js";
import { filterLanguageTest, isFilterLanguageParam } from "./filter-languages.js";
import { filterGroupsTest } from "./hubspot-search.js";
import { filterParams, paramKind, paramTest } from "./param-filters.js";
import { qualifierSearchTest } from "./qualifier-query.js";
import { clauseTest, type RecordTest } from "./search-query.js";
import { isSelectQuery, parseSelect } from "./soql.js";
import { parseSortText, type SortKey, sortKeysOf } from "./sort-keys.js";

export interface ListFilter {
  /** The records kept; undefined when the query only sorts (`ORDER BY created`). */
  keep?: RecordTest;
  /** Fields a SOQL/GAQL SELECT asks for, as select_fields would. */
  select?: string[];
  /** A query's own LIMIT. */
  limit?: number;
  /** A query's own order: ORDER BY, GitHub's `sort:created-asc`. */
  order?: SortKey[];
}

/** Params that carry a query language or search text. */
const QUERY_PARAMS = /^(q|query|jql|search|text|search_?string|search_?terms)$/i;
const HUBSPOT_GROUPS = "filterGroups";
// One whitespace before ORDER, not a run: `\s+` there rescans a long run of spaces from each of its positions.
const ORDER_BY = /(?:^|\s)ORDER\s+BY\s([\s\S]*)$/i;
// GitHub search's `sort:created-asc`, `sort:updated`, `sort:comments-desc` (descending unless it says asc).
const SORT_QUALIFIER = /(?:^|\s)sort:([\w.]+?)(?:-(asc|desc))?(?=\s|$)/i;
const SOSL_FIND = /^\s*FIND\s+\{([^}]*)\}/i;

type Reading = Omit<ListFilter, "keep"> & { keep?: RecordTest };

/**
 * A query text, by its language: SOQL/GAQL `SELECT`, SOSL `FIND {...}`, JQL, the Stripe Search Query Language,
 * comparison clauses (Drive's `name contains 'x'`), else qualifiers and free words (GitHub, Gmail). Free words
 * search the record's text only in a search box (`api_search`, an optional `q`), not in a required `q` that names
 * something else (LinkedIn's finder `q=search`).
 */
function queryReading(action: CatalogAction, param: CatalogParam, text: string, schema: RecordSchema): Reading | undefined {
  if (isSelectQuery(text)) {
    const parsed = parseSelect(text, schema);
    if (!parsed) return undefined;
    const { test, fields, limit, order } = parsed;
    return {
      ...(test ? { keep: test } : {}),
      ...(fields ? { select: fields } : {}),
      ...(limit === undefined ? {} : { limit }),
      ...(order ? { order } : {}),
    };
  }
  const sosl = SOSL_FIND.exec(text);
  // SOSL searches a record's text fields; a search record with none but its Id and `attributes` is left unfiltered.
  if (sosl) return hasTextFields(schema) ? qualifierReading(sosl[1] ?? "", schema, true) : undefined;
  if (param.name.toLowerCase() === "jql") {
    const tree = parseComparisons(text.replace(ORDER_BY, ""));
    const keep = tree && comparisonTest(tree, schema);
    const orderBy = ORDER_BY.exec(text)?.[1];
    const order = orderBy === undefined ? [] : parseSortText(orderBy, schema);
    return withOrder(keep && { keep }, order);
  }
  const stripe = clauseTest(text, schema);
  if (stripe) return { keep: stripe };
  const tree = parseComparisons(text);
  if (tree) {
    const keep = comparisonTest(tree, schema);
    return keep && { keep };
  }
  const sort = SORT_QUALIFIER.exec(text);
  const order = sort ? sortKeysOf(sort[1] ?? "", schema, sort[2]?.toLowerCase() === "asc" ? "asc" : "desc") : [];
  return withOrder(qualifierReading(text, schema, action.action === "api_search" || !param.required), order);
}

function withOrder(reading: Reading | undefined, order: SortKey[]): Reading | undefined {
  return order.length === 0 ? reading : { ...reading, order };
}

function hasTextFields(schema: RecordSchema): boolean {
  return Object.keys(schema.properties ?? {}).some((k) => !/^(id|attributes)$/i.test(k));
}

function qualifierReading(text: string, schema: RecordSchema, freeText: boolean): Reading | undefined {
  const keep = qualifierSearchTest(text, schema, freeText);
  return keep && { keep };
}

/** What one param sent reads as; undefined for a param that does not filter or a value that cannot be read. */
function paramReading(action: CatalogAction, param: CatalogParam, value: unknown, filters: Set<CatalogParam>): Reading | undefined {
  const schema = action.record;
  if (param.name === HUBSPOT_GROUPS) {
    const keep = filterGroupsTest(value, schema);
    return keep && { keep };
  }
  if (isFilterLanguageParam(param)) {
    const keep = filterLanguageTest(param, value, schema);
    return keep && { keep };
  }
  if (QUERY_PARAMS.test(param.name) && param.in !== "path") {
    if (typeof value !== "string" || value.trim() === "") return undefined;
    return queryReading(action, param, value, schema);
  }
  if (!filters.has(param)) return undefined;
  const keep = paramTest(param, value, schema);
  return keep && { keep };
}

/** The filter the params of a list or search call make, or undefined when none of them filters. */
export function listFilter(action: CatalogAction, params: Record<string, unknown>): ListFilter | undefined {
  const filters = new Set(filterParams(action));
  const tests: RecordTest[] = [];
  let select: string[] | undefined;
  let limit: number | undefined;
  let order: SortKey[] | undefined;
  for (const param of action.params) {
    const value = params[param.name];
    if (value === undefined || value === null) continue;
    const reading = paramReading(action, param, value, filters);
    if (!reading) continue;
    if (reading.keep) tests.push(reading.keep);
    select = reading.select ?? select;
    limit = reading.limit ?? limit;
    order = reading.order ?? order;
  }
  if (tests.length === 0 && select === undefined && limit === undefined && order === undefined) return undefined;
  return {
    ...(tests.length > 0 ? { keep: (record: Record<string, unknown>) => tests.every((t) => t(record)) } : {}),
    ...(select ? { select } : {}),
    ...(limit === undefined ? {} : { limit }),
    ...(order ? { order } : {}),
  };
}

/** For the README's counts: what kind of filter a param is read as, probing it with a typical value. */
export function filterKind(action: CatalogAction, param: CatalogParam): "query" | "field" | "range" | undefined {
  if (param.name === HUBSPOT_GROUPS || (QUERY_PARAMS.test(param.name) && param.in !== "path" && param.type === "string")) return "query";
  if (isFilterLanguageParam(param)) return "query";
  if (!filterParams(action).includes(param)) return undefined;
  return paramKind(param, action.record);
}
