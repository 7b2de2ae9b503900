// Airtable's `filterByFormula`: a formula evaluated per record, the record kept when the result is truthy
// (`{Status} = 'Done'`, `AND({Count} > 2, NOT({Name} = BLANK()))`, `FIND('acme', LOWER({Company}))`,
// `IS_AFTER(CREATED_TIME(), '2024-01-01')`, `OR(RECORD_ID() = 'rec1', RECORD_ID() = 'rec2')`). `{Field}` (or a bare
// one-word name) reads the record's `fields`; `RECORD_ID()` and `CREATED_TIME()` its id and creation time. A field
// the record's `fields` does not hold, a function not evaluated here, or text that is not a formula is unknown and
// never drops a record (three-valued.ts).
import { numberOf, type RecordTest } from "./search-query.js";
import { allOf, anyOf, kept, not, type Truth } from "./three-valued.js";
import { isEmptyValue } from "./value-match.js";

type Rec = Record<string, unknown>;

/** A formula value; `undefined` is unknown. */
type Val = string | number | boolean | null | unknown[] | undefined;

type Expr =
  | { kind: "literal"; value: string | number }
  | { kind: "field"; name: string }
  | { kind: "call"; name: string; args: Expr[] }
  | { kind: "binary"; op: string; left: Expr; right: Expr };

const TOKEN = /\s*(?:(\{[^}]*\})|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\d+(?:\.\d+)?)|(!=|<=|>=|[=<>&+\-*/(),])|([A-Za-z_][\w]*))/y;

type Token = { kind: "field" | "string" | "number" | "symbol" | "word"; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (text.slice(TOKEN.lastIndex).trim() !== "") {
    const m = TOKEN.exec(text);
    if (!m) throw new Error("not a formula");
    const [, field, single, double, number, symbol, word] = m;
    if (field !== undefined) tokens.push({ kind: "field", text: field.slice(1, -1) });
    else if (single !== undefined || double !== undefined)
      tokens.push({ kind: "string", text: (single ?? double ?? "").replace(/\\(.)/g, "$1") });
    else if (number !== undefined) tokens.push({ kind: "number", text: number });
    else if (symbol !== undefined) tokens.push({ kind: "symbol", text: symbol });
    else tokens.push({ kind: "word", text: word ?? "" });
  }
  return tokens;
}

// Binary operators by precedence, loosest first.
const LEVELS = [["=", "!=", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"]];

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.level(0);
    if (this.at < this.tokens.length) throw new Error("trailing text");
    return expr;
  }
  private isSymbol(text: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === "symbol" && t.text === text;
  }
  private level(n: number): Expr {
    const ops = LEVELS[n];
    if (!ops) return this.primary();
    let left = this.level(n + 1);
    for (;;) {
      const t = this.tokens[this.at];
      if (t?.kind !== "symbol" || !ops.includes(t.text)) return left;
      this.at++;
      left = { kind: "binary", op: t.text, left, right: this.level(n + 1) };
    }
  }
  private primary(): Expr {
    const t = this.tokens[this.at++];
    if (!t) throw new Error("unexpected end");
    if (t.kind === "field") return { kind: "field", name: t.text };
    if (t.kind === "string") return { kind: "literal", value: t.text };
    if (t.kind === "number") return { kind: "literal", value: Number(t.text) };
    if (t.kind === "symbol" && t.text === "(") {
      const inner = this.level(0);
      if (!this.isSymbol(")")) throw new Error("missing )");
      this.at++;
      return inner;
    }
    if (t.kind === "symbol" && t.text === "-")
      return { kind: "binary", op: "-", left: { kind: "literal", value: 0 }, right: this.primary() };
    if (t.kind !== "word") throw new Error(`unexpected ${t.text}`);
    if (!this.isSymbol("(")) return { kind: "field", name: t.text };
    this.at++;
    const args: Expr[] = [];
    if (!this.isSymbol(")")) {
      args.push(this.level(0));
      while (this.isSymbol(",")) {
        this.at++;
        args.push(this.level(0));
      }
    }
    if (!this.isSymbol(")")) throw new Error("missing )");
    this.at++;
    return { kind: "call", name: t.text.toUpperCase(), args };
  }
}

/** Airtable's truthiness: empty text, 0, blank and an empty list are false. */
function truthOf(value: Val): Truth {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== "" && value !== 0 && value !== false;
}

/** Text as formulas see a value: a list (a linked or multiple-select field) joined by commas, blank as "". */
function textOf(value: Val): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "";
  if (Array.isArray(value))
    return value.map((v) => (v !== null && typeof v === "object" ? String((v as Rec).name ?? (v as Rec).id ?? "") : String(v))).join(", ");
  return String(value);
}

/** `=` as Airtable compares: blank equals empty text or an empty list, numbers by value, text exactly. */
function equal(a: Val, b: Val): Truth {
  if (a === undefined || b === undefined) return undefined;
  if (isEmptyValue(a) || isEmptyValue(b)) return isEmptyValue(a) && isEmptyValue(b);
  if (typeof a === "number" || typeof b === "number") {
    const x = numberOf(a);
    const y = numberOf(b);
    return x !== undefined && y !== undefined && x === y;
  }
  return textOf(a) === textOf(b);
}

function compare(op: string, a: Val, b: Val): Truth {
  if (op === "=") return equal(a, b);
  if (op === "!=") return not(equal(a, b));
  if (a === undefined || b === undefined) return undefined;
  const x = numberOf(typeof a === "boolean" ? Number(a) : a);
  const y = numberOf(typeof b === "boolean" ? Number(b) : b);
  if (x === undefined || y === undefined) return false;
  return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
}

function arithmetic(op: string, a: Val, b: Val): Val {
  if (op === "&") {
    const x = textOf(a);
    const y = textOf(b);
    return x === undefined || y === undefined ? undefined : x + y;
  }
  const x = numberOf(a);
  const y = numberOf(b);
  if (x === undefined || y === undefined) return undefined;
  return op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : y === 0 ? undefined : x / y;
}

/** A cell as formulas read it: a collaborator or attachment object by its name (else email, id), a list as is. */
function fieldValue(cell: unknown): Val {
  if (cell === undefined || cell === null) return null;
  if (Array.isArray(cell) || typeof cell !== "object") return cell as Val;
  const o = cell as Rec;
  return String(o.name ?? o.email ?? o.id ?? o.filename ?? "");
}

class Evaluator {
  constructor(private readonly record: Rec) {}

  value(expr: Expr): Val {
    switch (expr.kind) {
      case "literal":
        return expr.value;
      case "field": {
        const fields = this.record.fields;
        if (fields === null || typeof fields !== "object" || !(expr.name in fields)) return undefined;
        return fieldValue((fields as Rec)[expr.name]);
      }
      case "binary": {
        const a = this.value(expr.left);
        const b = this.value(expr.right);
        return ["=", "!=", "<", ">", "<=", ">="].includes(expr.op) ? compare(expr.op, a, b) : arithmetic(expr.op, a, b);
      }
      case "call":
        return this.call(expr.name, expr.args);
    }
  }

  private text(expr: Expr | undefined): string | undefined {
    return expr === undefined ? undefined : textOf(this.value(expr));
  }

  private call(name: string, args: Expr[]): Val {
    const truths = () => args.map((a) => truthOf(this.value(a)));
    switch (name) {
      case "AND":
        return allOf(truths());
      case "OR":
        return anyOf(truths());
      case "NOT":
        return args.length === 1 ? not(truths()[0]) : undefined;
      case "TRUE":
        return true;
      case "FALSE":
        return false;
      case "BLANK":
        return null;
      case "IF": {
        const condition = truthOf(args[0] ? this.value(args[0]) : undefined);
        if (condition === undefined) return undefined;
        const chosen = condition ? args[1] : args[2];
        return chosen === undefined ? null : this.value(chosen);
      }
      case "RECORD_ID":
        return typeof this.record.id === "string" ? this.record.id : undefined;
      case "CREATED_TIME":
        return typeof this.record.createdTime === "string" ? this.record.createdTime : null;
      case "LOWER":
      case "UPPER":
      case "TRIM":
      case "LEN": {
        const s = this.text(args[0]);
        if (s === undefined) return undefined;
        return name === "LOWER" ? s.toLowerCase() : name === "UPPER" ? s.toUpperCase() : name === "TRIM" ? s.trim() : s.length;
      }
      case "FIND":
      case "SEARCH": {
        // The 1-based position of the first text in the second, 0 when absent (FIND is case-sensitive, SEARCH not).
        const needle = this.text(args[0]);
        const haystack = this.text(args[1]);
        if (needle === undefined || haystack === undefined) return undefined;
        const at = name === "FIND" ? haystack.indexOf(needle) : haystack.toLowerCase().indexOf(needle.toLowerCase());
        return at + 1;
      }
      case "IS_BEFORE":
      case "IS_AFTER":
      case "IS_SAME": {
        const [first, second] = args;
        if (!first || !second) return undefined;
        const x = this.value(first);
        const y = this.value(second);
        if (x === undefined || y === undefined) return undefined;
        // A blank or a text that is no date is not before, after or the same as anything.
        const a = numberOf(x);
        const b = numberOf(y);
        if (a === undefined || b === undefined) return false;
        return name === "IS_BEFORE" ? a < b : name === "IS_AFTER" ? a > b : a === b;
      }
      case "ARRAYJOIN":
        return args[0] ? textOf(this.value(args[0])) : undefined;
      default:
        return undefined;
    }
  }
}

/** The record test of a `filterByFormula`; undefined when the text is not a formula. */
export function airtableFormulaTest(formula: string): RecordTest | undefined {
  let expr: Expr;
  try {
    expr = new Parser(tokenize(formula)).parse();
  } catch {
    return undefined;
  }
  return (record) => kept(truthOf(new Evaluator(record).value(expr)));
}
