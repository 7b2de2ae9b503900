// Search boxes written as `qualifier:value` terms and free words: GitHub search (`repo:o/r is:open is:issue
// label:bug author:x state:closed fix crash`), Gmail's `q` (`from:ada subject:invoice is:unread`), Sentry's
// `is:unresolved`. Every term must hold. A qualifier naming no field of the record is ignored, and so are the scope
// qualifiers (`repo:`, `org:`, `user:`, `in:`, `sort:`): the emulator's records already belong to the connection.
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath, fieldSchema, firstFieldPath, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { type Bound, containsText, sameValue, withinBound } from "./value-match.js";

interface Term {
  negated: boolean;
  /** Lower-cased qualifier, or undefined for a free word. */
  key?: string;
  value: string;
}

const ALTERNATIVES = /(^|\s|\()OR(\s|\)|$)|[{}]/;
const TERM = /(-)?(?:([A-Za-z][\w.-]*):(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|(\S+))/g;

export function parseTerms(text: string): Term[] {
  const terms: Term[] = [];
  let not = false;
  for (const m of text.matchAll(TERM)) {
    const [, minus, key, dq, sq, bare, phrase, word] = m;
    const value = dq ?? sq ?? bare ?? phrase ?? word ?? "";
    // `AND` joins terms in GitHub and Gmail, as a space does; `NOT` negates the next term, as `-` does (OR queries
    // are not read: see ALTERNATIVES).
    if (key === undefined && phrase === undefined && (value === "AND" || value === "NOT")) {
      not = value === "NOT";
      continue;
    }
    terms.push({ negated: (minus === "-") !== not, ...(key === undefined ? {} : { key: key.toLowerCase() }), value });
    not = false;
  }
  return terms;
}

const SCOPE = new Set([
  "repo",
  "org",
  "user",
  "owner",
  "in",
  "sort",
  "order",
  "fork",
  "archived",
  "project",
  "newer_than",
  "older_than",
  "has",
  "no",
]);
/** Qualifiers that name a field under another name: GitHub's `author` is the issue's `user`. */
const ALIASES: Record<string, string[]> = {
  author: ["user.login", "author.login", "author", "user"],
  assignee: ["assignee.login", "assignees.login", "assignee"],
  label: ["labels.name", "labels", "labelIds", "label_ids"],
  created: ["created_at", "createdAt", "created", "internalDate"],
  updated: ["updated_at", "updatedAt", "updated"],
  closed: ["closed_at", "closedAt"],
  merged: ["merged_at", "mergedAt"],
  from: ["from", "sender"],
  to: ["to", "recipient"],
  subject: ["subject", "title"],
};
const RECORD_DATE = ["internalDate", "date", "created_at", "createdAt", "created"];
const STATE_FIELDS = ["state", "status"];
/** The `is:` words that name a state, for a state field whose schema lists no values. */
const STATE_WORDS = new Set(["open", "closed", "merged", "draft", "unresolved", "resolved", "ignored", "archived", "active"]);
/** Gmail's `is:unread` and friends are labels on the message. */
const LABEL_STATES = new Set(["unread", "read", "starred", "important", "sent", "draft", "spam", "trash", "inbox"]);

/** `>2024-01-01`, `<=5`, `2024-01-01..2024-02-01`: a bounded value; a plain one is compared by equality. */
function boundsOf(value: string): [Bound, number][] | undefined {
  // The first `..` after at least one character, with something after it (a regex `^(.+?)\.\.(.+)$` says the same
  // and backtracks quadratically on a long value).
  const dots = value.indexOf("..", 1);
  if (dots > 0 && dots + 2 < value.length) {
    const [from, to] = [value.slice(0, dots), value.slice(dots + 2)];
    const low = from === "*" ? undefined : numberOf(from);
    const high = to === "*" ? undefined : numberOf(to);
    if (low === undefined && high === undefined) return undefined;
    return [
      ...(low === undefined ? [] : [[">=", low] as [Bound, number]]),
      ...(high === undefined ? [] : [["<=", high] as [Bound, number]]),
    ];
  }
  const op = /^(>=|<=|>|<)(.+)$/.exec(value);
  const limit = op ? numberOf(op[2]) : undefined;
  return op && limit !== undefined ? [[op[1] as Bound, limit]] : undefined;
}

function on(path: string[] | undefined, holds: (actual: unknown) => boolean): RecordTest | undefined {
  return path && ((r) => valuesAt(r, path).some(holds));
}

function isTest(value: string, schema: RecordSchema): RecordTest | undefined {
  const word = value.toLowerCase();
  if (word === "issue" || word === "pr" || word === "pull-request") {
    const pr = fieldPath(schema, "pull_request");
    if (!pr) return undefined;
    const isPr = (r: Record<string, unknown>) => valuesAt(r, pr).some((v) => v !== null && v !== undefined);
    return word === "issue" ? (r) => !isPr(r) : isPr;
  }
  const labels = firstFieldPath(schema, ["labelIds", "label_ids"]);
  if (labels && LABEL_STATES.has(word)) {
    if (word === "read") return (r) => !valuesAt(r, labels).some((v) => sameValue(v, "UNREAD"));
    return on(labels, (v) => sameValue(v, word));
  }
  // `is:locked`, `is:draft`, `is:private`: a boolean field of that name; `is:public` is not private.
  const flag = firstFieldPath(schema, [word, `is_${word}`]);
  if (flag && isBoolean(fieldSchema(schema, flag))) return on(flag, (v) => v === true);
  const hidden = word === "public" ? firstFieldPath(schema, ["private", "is_private"]) : undefined;
  if (hidden && isBoolean(fieldSchema(schema, hidden))) return on(hidden, (v) => v === false);
  // A state word (`is:open`, `is:unresolved`): one of the state field's values, where its schema lists them.
  const state = firstFieldPath(schema, STATE_FIELDS);
  const values = state ? fieldSchema(schema, state)?.enum : undefined;
  if (!state || (values ? !values.some((v) => sameValue(v, word)) : !STATE_WORDS.has(word))) return undefined;
  return on(state, (v) => sameValue(v, word));
}

function isBoolean(schema: RecordSchema | undefined): boolean {
  return [schema?.type ?? []].flat().includes("boolean");
}

function qualifierTest(term: Term & { key: string }, schema: RecordSchema): RecordTest | undefined {
  if (SCOPE.has(term.key)) return undefined;
  if (term.key === "is" || term.key === "type") return isTest(term.value, schema);
  if (term.key === "after" || term.key === "before" || term.key === "since" || term.key === "until") {
    const limit = numberOf(term.value.replaceAll("/", "-"));
    const bound: Bound = term.key === "after" ? ">" : term.key === "since" ? ">=" : term.key === "before" ? "<" : "<=";
    return limit === undefined ? undefined : on(firstFieldPath(schema, RECORD_DATE), (v) => withinBound(dateOrMs(v), bound, limit));
  }
  const path = firstFieldPath(schema, ALIASES[term.key] ?? [term.key]);
  const bounds = boundsOf(term.value);
  if (bounds) return on(path, (v) => bounds.every(([bound, limit]) => withinBound(v, bound, limit)));
  // `created:2024-01-15` names a day: the record's date starts with it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(term.value)) return on(path, (v) => typeof v === "string" && v.startsWith(term.value));
  return on(path, (v) => sameValue(v, term.value));
}

/** Gmail's `internalDate` is milliseconds as text; other dates are ISO text or Unix seconds. */
function dateOrMs(value: unknown): unknown {
  const n = typeof value === "string" && /^\d{13}$/.test(value) ? Number(value) : undefined;
  return n === undefined ? value : Math.floor(n / 1000);
}

/**
 * The record test of a qualifier search; free words match records whose text contains them when `freeText`
 * (a search box), and are ignored otherwise. Undefined when no term can be read.
 */
export function qualifierSearchTest(text: string, schema: RecordSchema, freeText: boolean): RecordTest | undefined {
  // `label:bug OR label:docs`, Gmail's `{a b}` and `(a OR b)`: alternatives are not read, so the query is left
  // unread rather than made to require every alternative.
  if (ALTERNATIVES.test(text)) return undefined;
  const tests: RecordTest[] = [];
  for (const term of parseTerms(text)) {
    const test =
      term.key === undefined
        ? freeText
          ? (r: Record<string, unknown>) => containsText(r, term.value)
          : undefined
        : qualifierTest(term as Term & { key: string }, schema);
    if (test) tests.push(term.negated ? (r) => !test(r) : test);
  }
  return tests.length === 0 ? undefined : (r) => tests.every((t) => t(r));
}
