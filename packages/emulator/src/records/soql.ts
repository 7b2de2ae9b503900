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

// The clauses after the SELECT list, in the order SOQL and GAQL allow them.
const CLAUSES = ["FROM", "WHERE", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET", "PARAMETERS"] as const;
type Clause = (typeof CLAUSES)[number];
// A clause keyword between whitespace. One whitespace character before it, not a run, and the parts trimmed after:
// the single regex this replaces (`SELECT\s+(...)\s+FROM ... (?:\s+WHERE\s+(...))? ...`, lazy groups between
// runs of whitespace) took 24 s on a query of 4,000 tabs.
const KEYWORD = /\s(FROM|WHERE|GROUP\s+BY|ORDER\s+BY|LIMIT|OFFSET|PARAMETERS)(?=\s)/gi;
const SELECT_START = /^\s*SELECT\s/i;

/**
 * A SELECT's list and clauses, split at its keywords: each clause runs to the next keyword of a later clause, so a
 * keyword out of order (a FROM in a WHERE's subquery) or inside a quoted string stays in the text of the clause it
 * is in. Undefined when the text has no FROM or a clause is empty.
 */
function clausesOf(text: string): { list: string; clauses: Map<Clause, string> } | undefined {
  const start = SELECT_START.exec(text);
  if (!start) return undefined;
  let body = text.trimEnd();
  if (body.endsWith(";")) body = body.slice(0, -1);
  const clauses = new Map<Clause, string>();
  let list: string | undefined;
  let open: { rank: number; from: number } = { rank: -1, from: start[0].length };
  const close = (at: number) => {
    const part = body.slice(open.from, at).trim();
    if (open.rank === -1) list = part;
    else clauses.set(CLAUSES[open.rank] as Clause, part);
  };
  let quoted = false;
  let scanned = 0;
  for (const match of body.matchAll(KEYWORD)) {
    // Whether the keyword sits inside a '...' string: the quotes since the last keyword, `\'` escaped.
    for (; scanned < match.index; scanned++) {
      if (body[scanned] === "\\") scanned++;
      else if (body[scanned] === "'") quoted = !quoted;
    }
    if (quoted) continue;
    const rank = CLAUSES.indexOf((match[1] as string).toUpperCase().replace(/\s+/, " ") as Clause);
    // The list ends at FROM only; every later clause at a keyword of a clause after the open one.
    if (open.rank === -1 ? rank !== 0 : rank <= open.rank) continue;
    close(match.index);
    open = { rank, from: match.index + match[0].length };
  }
  close(body.length);
  if (!list || !clauses.has("FROM") || [...clauses.values()].some((part) => part === "")) return undefined;
  return { list, clauses };
}

export function isSelectQuery(text: string): boolean {
  return /^\s*SELECT\s[\s\S]+\sFROM\s/i.test(text);
}

/** The reading of a SELECT query; undefined when the text is not one. */
export function parseSelect(text: string, schema: RecordSchema): SelectQuery | undefined {
  const split = clausesOf(text);
  if (!split) return undefined;
  const { list, clauses } = split;
  // FROM names one object; LIMIT and OFFSET take a number (anything else is not a query the emulator reads).
  if (/\s/.test(clauses.get("FROM") ?? "")) return undefined;
  if ([clauses.get("LIMIT"), clauses.get("OFFSET")].some((n) => n !== undefined && !/^\d+$/.test(n))) return undefined;
  const where = clauses.get("WHERE");
  const orderBy = clauses.get("ORDER BY");
  const limit = clauses.get("LIMIT");
  const fields = list
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
