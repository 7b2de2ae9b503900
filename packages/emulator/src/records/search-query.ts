// `api_search` query strings written as field clauses, the Stripe Search Query Language
// (`email:'ada@example.com' AND metadata['plan']:'pro'`, `amount>1000`, `name~'ada'`, `-status:'canceled'`). A
// query whose every clause names a field of the record is filtered by those clauses; anything else (GitHub's
// `repo:o/r is:open`, free text) is left to the substring match the caller falls back to.
import type { RecordSchema } from "../catalog/types.js";

type Op = ":" | "~" | ">" | "<" | ">=" | "<=";

interface Clause {
  negated: boolean;
  path: string[];
  op: Op;
  value: string;
  /** The value was quoted: compared as text, never as null or a number. */
  quoted: boolean;
}

export type RecordTest = (record: Record<string, unknown>) => boolean;

const CLAUSE =
  /^\s*(-)?([A-Za-z_][\w.]*)(?:\[\s*(?:'([^']*)'|"([^"]*)")\s*\])?\s*(>=|<=|:|~|>|<)\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^\s'"]+))/;
const JOIN = /^\s+(AND|OR)\s+/i;

/** The clauses of a query, and how they join; undefined when the text is not made of clauses only. */
function parse(query: string): { clauses: Clause[]; join: "and" | "or" } | undefined {
  const clauses: Clause[] = [];
  let join: "and" | "or" | undefined;
  let rest = query;
  for (;;) {
    const match = CLAUSE.exec(rest);
    if (!match) return undefined;
    const [whole, minus, field, key1, key2, op, single, double, bare] = match;
    const key = key1 ?? key2;
    const quoted = single !== undefined || double !== undefined;
    const raw = single ?? double ?? bare ?? "";
    clauses.push({
      negated: minus === "-",
      path: [...(field as string).split("."), ...(key === undefined ? [] : [key])],
      op: op as Op,
      value: quoted ? raw.replace(/\\(.)/g, "$1") : raw,
      quoted,
    });
    rest = rest.slice(whole.length);
    if (rest.trim() === "") break;
    const joined = JOIN.exec(rest);
    if (!joined) return undefined;
    const word = (joined[1] as string).toLowerCase() as "and" | "or";
    // Stripe refuses a query that mixes AND and OR; so does this reading (it falls back to the substring match).
    if (join !== undefined && join !== word) return undefined;
    join = word;
    rest = rest.slice(joined[0].length);
  }
  return { clauses, join: join ?? "and" };
}

function valueAt(record: unknown, path: readonly string[]): unknown {
  let current = record;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A number for comparisons: numbers, numeric text, or a date (compared as Unix seconds, as Stripe's `created`). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.floor(t / 1000);
}

function holds(clause: Clause, record: Record<string, unknown>): boolean {
  const actual = valueAt(record, clause.path);
  const { op, value } = clause;
  if (op === ":") {
    if (!clause.quoted && value === "null") return actual === null || actual === undefined;
    if (actual === null || actual === undefined || typeof actual === "object") return false;
    if (typeof actual === "number") return numberOf(value) === actual;
    return String(actual).toLowerCase() === value.toLowerCase();
  }
  if (op === "~") return typeof actual === "string" && actual.toLowerCase().includes(value.toLowerCase());
  const a = numberOf(actual);
  const b = numberOf(value);
  if (a === undefined || b === undefined) return false;
  return op === ">" ? a > b : op === "<" ? a < b : op === ">=" ? a >= b : a <= b;
}

/**
 * The record test for a field-clause query, when every clause names a field the schema has (a `metadata['key']`
 * clause needs `metadata`); undefined otherwise, for the caller's substring match.
 */
export function clauseTest(query: string, schema: RecordSchema): RecordTest | undefined {
  const parsed = parse(query);
  const props = schema.properties ?? {};
  if (!parsed?.clauses.every((c) => (c.path[0] as string) in props)) return undefined;
  const { clauses, join } = parsed;
  return (record) => {
    const results = clauses.map((c) => holds(c, record) !== c.negated);
    return join === "and" ? results.every(Boolean) : results.some(Boolean);
  };
}
