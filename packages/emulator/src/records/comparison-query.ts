// Query languages written as `field op value` clauses joined by AND/OR: JQL (`project = KEY AND status in (Done,
// "To Do")`), a SOQL WHERE (`Name LIKE 'Acme%'`) and Google Drive's `q` (`name contains 'x' and 'root' in parents`).
// A clause naming no field of the record, or a value the emulator cannot read (`currentUser()`, `-7d`), is ignored:
// a query only ever narrows the page.
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { containsText, isEmptyValue, likeTest, sameValue, withinBound } from "./value-match.js";

type Token = { kind: "word" | "string" | "symbol"; text: string };

type Node =
  | { kind: "and" | "or"; parts: Node[] }
  | { kind: "not"; part: Node }
  | { kind: "clause"; field: string; op: string; values: (Token | undefined)[]; negated: boolean };

const TOKEN = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(!=|<>|<=|>=|!~|[=<>~(),])|([^\s=!<>~(),'"]+))/y;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (text.slice(TOKEN.lastIndex).trim() === "") break;
    const match = TOKEN.exec(text);
    if (!match) return undefined;
    const [, single, double, symbol, word] = match;
    if (single !== undefined || double !== undefined)
      tokens.push({ kind: "string", text: (single ?? double ?? "").replace(/\\(.)/g, "$1") });
    else if (symbol !== undefined) tokens.push({ kind: "symbol", text: symbol });
    else tokens.push({ kind: "word", text: word ?? "" });
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }
  private isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === "word" && t.text.toLowerCase() === word;
  }
  private isSymbol(symbol: string): boolean {
    const t = this.peek();
    return t?.kind === "symbol" && t.text === symbol;
  }
  private next(): Token {
    const t = this.tokens[this.at++];
    if (!t) throw new Error("unexpected end");
    return t;
  }

  parse(): Node {
    const node = this.or();
    if (this.at < this.tokens.length) throw new Error("trailing text");
    return node;
  }
  private or(): Node {
    const parts = [this.and()];
    while (this.isWord("or")) {
      this.at++;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Node) : { kind: "or", parts };
  }
  private and(): Node {
    const parts = [this.unary()];
    while (this.isWord("and")) {
      this.at++;
      parts.push(this.unary());
    }
    return parts.length === 1 ? (parts[0] as Node) : { kind: "and", parts };
  }
  private unary(): Node {
    if (this.isWord("not")) {
      this.at++;
      return { kind: "not", part: this.unary() };
    }
    if (this.isSymbol("(")) {
      this.at++;
      const inner = this.or();
      if (!this.isSymbol(")")) throw new Error("missing )");
      this.at++;
      return inner;
    }
    return this.clause();
  }
  /** One value: text, a word, or a function call (`currentUser()`), which reads as unknown. */
  private value(): Token | undefined {
    const t = this.next();
    if (t.kind === "symbol") throw new Error(`unexpected ${t.text}`);
    if (this.isSymbol("(")) {
      let depth = 0;
      do {
        const s = this.next();
        if (s.kind === "symbol" && s.text === "(") depth++;
        if (s.kind === "symbol" && s.text === ")") depth--;
      } while (depth > 0);
      return undefined;
    }
    return t;
  }
  private list(): (Token | undefined)[] {
    if (!this.isSymbol("(")) return [this.value()];
    this.at++;
    const values: (Token | undefined)[] = [];
    while (!this.isSymbol(")")) {
      values.push(this.value());
      if (this.isSymbol(",")) this.at++;
    }
    this.at++;
    return values;
  }
  private clause(): Node {
    // Drive's `'root' in parents`: the value comes first.
    if (this.peek()?.kind === "string" && this.isWord("in", 1)) {
      const value = this.next();
      this.at++;
      return { kind: "clause", field: this.next().text, op: "has", values: [value], negated: false };
    }
    const field = this.next();
    if (field.kind !== "word") throw new Error("expected a field");
    let negated = false;
    if (this.isWord("not")) {
      negated = true;
      this.at++;
    }
    const op = this.next();
    const word = op.text.toLowerCase();
    if (op.kind === "word" && (word === "in" || word === "includes" || word === "excludes")) {
      return { kind: "clause", field: field.text, op: "in", values: this.list(), negated: negated !== (word === "excludes") };
    }
    if (op.kind === "word" && word === "is") {
      if (this.isWord("not")) {
        negated = !negated;
        this.at++;
      }
      return { kind: "clause", field: field.text, op: "empty", values: [this.value()], negated };
    }
    if (op.kind === "word" && (word === "contains" || word === "like"))
      return { kind: "clause", field: field.text, op: word, values: [this.value()], negated };
    if (op.kind !== "symbol") throw new Error(`unknown operator ${op.text}`);
    return { kind: "clause", field: field.text, op: op.text, values: [this.value()], negated };
  }
}

/** The syntax tree of a clause query; undefined when the text is not one. */
export function parseComparisons(text: string): Node | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  try {
    return new Parser(tokens).parse();
  } catch {
    return undefined;
  }
}

/** A value as text compares with: `true`, `12` and `'12'` alike; `null`/`EMPTY` as null. */
function literal(token: Token): unknown {
  if (token.kind === "word" && /^(null|empty)$/i.test(token.text)) return null;
  return token.text;
}

// Fields that search the whole record: JQL's `text`, Drive's `fullText`.
const WHOLE_RECORD = /^(text|fulltext)$/i;

function clauseTest(node: Extract<Node, { kind: "clause" }>, schema: RecordSchema): RecordTest | undefined {
  const values = node.values.filter((v): v is Token => v !== undefined);
  if (values.length === 0 || values.length < node.values.length) return undefined;
  const whole = WHOLE_RECORD.test(node.field) && (node.op === "~" || node.op === "contains");
  const path = whole ? [] : fieldPath(schema, node.field);
  if (!path) return undefined;
  const first = literal(values[0] as Token);
  const actuals = (record: Record<string, unknown>) => (path.length === 0 ? [record] : valuesAt(record, path));
  let test: RecordTest;
  switch (node.op) {
    case "=":
    case "has":
    case "in": {
      const expected = values.map(literal);
      test = (r) => actuals(r).some((a) => sameValue(a, expected));
      break;
    }
    case "!=":
    case "<>":
      test = (r) => !actuals(r).some((a) => sameValue(a, first));
      break;
    case "~":
    case "contains":
      test = (r) => actuals(r).some((a) => containsText(a, String(first)));
      break;
    case "!~":
      test = (r) => !actuals(r).some((a) => containsText(a, String(first)));
      break;
    case "like": {
      const like = likeTest(String(first));
      test = (r) => actuals(r).some(like);
      break;
    }
    case "empty":
      if (first !== null) return undefined;
      test = (r) => actuals(r).every(isEmptyValue);
      break;
    default: {
      const limit = numberOf(first);
      if (limit === undefined) return undefined;
      const bound = node.op as ">" | ">=" | "<" | "<=";
      test = (r) => actuals(r).some((a) => withinBound(a, bound, limit));
    }
  }
  return node.negated ? (r) => !test(r) : test;
}

/**
 * A test read from a query, and whether it is exact: an AND with an ignored clause keeps more records than the
 * query would (it never drops one that matches), so it may be narrowed further but not negated.
 */
interface Reading {
  test: RecordTest;
  exact: boolean;
}

function read(node: Node, schema: RecordSchema): Reading | undefined {
  switch (node.kind) {
    case "clause": {
      const test = clauseTest(node, schema);
      return test && { test, exact: true };
    }
    case "not": {
      // The negation of an inexact test would drop records the query keeps.
      const inner = read(node.part, schema);
      return inner?.exact ? { test: (r) => !inner.test(r), exact: true } : undefined;
    }
    case "and": {
      const parts = node.parts.map((p) => read(p, schema));
      const tests = parts.filter((t): t is Reading => t !== undefined).map((t) => t.test);
      if (tests.length === 0) return undefined;
      return { test: (r) => tests.every((t) => t(r)), exact: parts.every((p) => p?.exact) };
    }
    case "or": {
      // One unreadable branch could hold for any record, so the whole OR is left unread.
      const parts = node.parts.map((p) => read(p, schema));
      if (parts.some((t) => t === undefined)) return undefined;
      const tests = (parts as Reading[]).map((t) => t.test);
      return { test: (r) => tests.some((t) => t(r)), exact: (parts as Reading[]).every((p) => p.exact) };
    }
  }
}

/** The record test of a parsed query; undefined when nothing in it can be read (every clause ignored). */
export function comparisonTest(node: Node, schema: RecordSchema): RecordTest | undefined {
  return read(node, schema)?.test;
}
