// A list's own filter params applied to its records: `email` keeps the customers with that email, `state` the
// issues in that state, `created_after`/`since`/`created: {gte}` the records past that date. Only optional query and
// body params filter; path and required params name a parent (see run.ts echoFields), and page size and cursor page.
import type { CatalogAction, CatalogParam, RecordSchema } from "../catalog/types.js";
import { fieldPath, fieldSchema, firstFieldPath, nameKey, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { type Bound, NAMING_FIELDS, sameValue, withinBound } from "./value-match.js";

/**
 * Params that shape the answer rather than choose records, even where the record has a field of that name:
 * projections, sort orders, the query params list-filter.ts reads itself, Google Drive's `spaces` (a corpus, not
 * a file's field) and Slack's thread `ts` (names the thread; its replies have their own `ts`).
 */
const NOT_FILTERS =
  /^(fields|expand|include|includes|properties|properties_?with_?history|associations|select|sorts?|sort_?by|order|order_?by|direction|query|q|jql|search|text|filter|filter_?groups|spaces|ts)$/i;

/** The params of a list that may filter: optional query and body params other than the page size and cursor. */
export function filterParams(action: CatalogAction): CatalogParam[] {
  return action.params.filter(
    (p) =>
      !p.required &&
      (p.in === "query" || p.in === "body") &&
      p.name !== action.keyParam &&
      p.name !== action.cursorParam &&
      p.name !== action.limitParam &&
      !NOT_FILTERS.test(p.name),
  );
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** A list value as its items: arrays, and comma-separated text (`status=open,closed`) beside the whole text. */
function expectedValues(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value.every(isScalar) && value.length > 0 ? value : undefined;
  if (!isScalar(value)) return undefined;
  if (typeof value === "string" && value.includes(",")) return [value, ...value.split(",").map((v) => v.trim())];
  return [value];
}

/** `states` names `state`, `ids` names `id`, `statuses[]` names `status`: a plural param filters by the singular field. */
function singular(name: string): string | undefined {
  const bare = name.replace(/\[\]$/, "");
  if (/ies$/i.test(bare)) return `${bare.slice(0, -3)}y`;
  if (/(ses|xes)$/i.test(bare)) return bare.slice(0, -2);
  if (/s$/i.test(bare)) return bare.slice(0, -1);
  return undefined;
}

/**
 * Whether a field can be compared with a value sent: a scalar or a list, or an object that names itself (a
 * WooCommerce category's `id`/`name`); not an object of settings (Stripe's `automatic_tax`) or a projection.
 */
function comparable(schema: RecordSchema | undefined): boolean {
  const types = [schema?.type ?? []].flat();
  if (!types.includes("object") || types.some((t) => t !== "object" && t !== "null")) return true;
  return NAMING_FIELDS.some((f) => f in (schema?.properties ?? {}));
}

/**
 * The field an equality param names: its own name, then the forms APIs use for the same field (`states` for
 * `state`, `customer` for `customer_id`, `customer_id` for a `customer` object, `category` for `categories`).
 */
function equalityPath(schema: RecordSchema, name: string): string[] | undefined {
  const bare = name.replace(/\[\]$/, "");
  const one = singular(bare);
  const id = /^(.+?)(?:_id|Id)$/.exec(bare)?.[1];
  const many = /y$/.test(bare) ? `${bare.slice(0, -1)}ies` : `${bare}s`;
  for (const candidate of [bare, one, `${bare}_id`, many, id]) {
    const path = candidate === undefined ? undefined : fieldPath(schema, candidate);
    if (path && comparable(fieldSchema(schema, path))) return path;
  }
  return undefined;
}

/** `email=ada@example.com`: the records whose field of that name equals the value (any of the values of a list). */
export function equalityTest(param: CatalogParam, value: unknown, schema: RecordSchema): RecordTest | undefined {
  const expected = expectedValues(value);
  if (!expected) return undefined;
  const path = equalityPath(schema, param.name);
  if (!path) return undefined;
  return (record) => valuesAt(record, path).some((actual) => sameValue(actual, expected));
}

interface RangeName {
  bound: Bound;
  /** The field the bound applies to, as named (`created`, `updated_at`), or "" for the record's own date. */
  stem: string;
}

const LOWER_WORDS = new Set(["after", "since", "min", "gte", "gt", "from", "start", "oldest"]);
const UPPER_WORDS = new Set(["before", "until", "max", "lte", "lt", "to", "end", "latest"]);
const STRICT_WORDS = new Set(["after", "gt", "before", "lt"]);

/** A param name as its words: `created_at.after`, `createdAfter`, `created[gte]`, `startModifiedTime`. */
function wordsOf(name: string): string[] {
  return name
    .split(/[_.\-[\]\s]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

/** What a range param bounds: `created_after` is `created` > value, `max_price` is `price` <= value, `since` the date. */
export function rangeName(name: string): RangeName | undefined {
  const words = wordsOf(name);
  const last = words[words.length - 1] ?? "";
  const first = words[0] ?? "";
  const [word, stem] =
    words.length > 1 && (LOWER_WORDS.has(last) || UPPER_WORDS.has(last))
      ? [last, words.slice(0, -1)]
      : LOWER_WORDS.has(first) || UPPER_WORDS.has(first)
        ? [first, words.slice(1)]
        : [undefined, []];
  if (word === undefined) return undefined;
  const strict = STRICT_WORDS.has(word);
  const bound: Bound = LOWER_WORDS.has(word) ? (strict ? ">" : ">=") : strict ? "<" : "<=";
  return { bound, stem: stem.join("_") };
}

// A bare `since`/`start_date`/`fromDateTime` bounds the record's own date: its creation date, else its timestamp.
const DATE_WORDS = /^(|date|time|datetime|timestamp)$/i;
const RECORD_DATES = [
  "created_at",
  "created",
  "createdAt",
  "createdTime",
  "date_created",
  "created_on",
  "date",
  "timestamp",
  "submitted_at",
  "ts",
];

/** The date or number field a range param bounds: its own name (Zendesk's `start_time`), its stem, or the record's date. */
function rangeField(schema: RecordSchema, name: string, stem: string): string[] | undefined {
  const own = fieldPath(schema, name);
  if (own && isOrdered(fieldSchema(schema, own))) return own;
  const stems = DATE_WORDS.test(nameKey(stem))
    ? RECORD_DATES
    : [stem, `${stem}_at`, `${stem}_time`, `${stem}_date`, `${stem}_on`, `date_${stem}`];
  const path = firstFieldPath(schema, stems);
  return path && isOrdered(fieldSchema(schema, path)) ? path : undefined;
}

/** A field a range can bound: a number, or text (dates are text); not an object, list or boolean. */
function isOrdered(schema: RecordSchema | undefined): boolean {
  const types = [schema?.type ?? []].flat().filter((t) => t !== "null");
  return types.length === 0 || types.some((t) => t === "integer" || t === "number" || t === "string");
}

function boundTest(path: string[], bound: Bound, limit: unknown): RecordTest | undefined {
  const n = numberOf(limit);
  if (n === undefined) return undefined;
  return (record) => valuesAt(record, path).some((actual) => withinBound(actual, bound, n));
}

const OBJECT_BOUNDS: Record<string, Bound> = { gt: ">", gte: ">=", lt: "<", lte: "<=" };

/**
 * A range over a date or number field: `created_after`, `updated_since`, `max_price`, a bare `since`, or Stripe's
 * `created: {gte, lt}`.
 */
export function rangeTest(param: CatalogParam, value: unknown, schema: RecordSchema): RecordTest | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const path = fieldPath(schema, param.name);
    if (!path) return undefined;
    const tests = Object.entries(value as Record<string, unknown>).flatMap(([key, limit]) => {
      const bound = OBJECT_BOUNDS[key.toLowerCase()];
      const test = bound ? boundTest(path, bound, limit) : undefined;
      return test ? [test] : [];
    });
    return tests.length === 0 ? undefined : (record) => tests.every((t) => t(record));
  }
  if (!isScalar(value) || typeof value === "boolean") return undefined;
  const range = rangeName(param.name);
  const path = range ? rangeField(schema, param.name, range.stem) : undefined;
  return range && path ? boundTest(path, range.bound, value) : undefined;
}

/** The test a param applies, when it filters: by the field of its name, else as a range; undefined when neither. */
export function paramTest(param: CatalogParam, value: unknown, schema: RecordSchema): RecordTest | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  // Stripe's `created: 1700000000` is equality, `created: {gte: ...}` a range: objects go to the range reading.
  // A range-named param (`start_time`) bounds a field even where one has its name; other params match by equality.
  const isObject = typeof value === "object" && !Array.isArray(value);
  const range = isObject || rangeName(param.name) ? rangeTest(param, value, schema) : undefined;
  return range ?? (isObject ? undefined : equalityTest(param, value, schema));
}

/** Whether a param filters, and how: as a range over a date or number field, or by the field of its name. */
export function paramKind(param: CatalogParam, schema: RecordSchema): "range" | "field" | undefined {
  const range = rangeName(param.name);
  const types = [param.type ?? []].flat();
  if (types.includes("object")) {
    const path = fieldPath(schema, param.name);
    return path && isOrdered(fieldSchema(schema, path)) ? "range" : undefined;
  }
  if (range && rangeField(schema, param.name, range.stem)) return "range";
  return equalityPath(schema, param.name) ? "field" : undefined;
}
