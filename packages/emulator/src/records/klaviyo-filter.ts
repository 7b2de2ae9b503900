// Klaviyo's JSON:API `filter` param: `equals(email,"a@b.com")`, `greater-than(datetime,2024-01-01T00:00:00Z)`,
// `any(status,["a","b"])`, `contains(name,"x")`, `has(field)`, nested in `and(...)`, `or(...)`, `not(...)`; filters
// joined by commas at the top are AND'ed. A field is the record's (`id`) or, as JSON:API keeps them, under
// `attributes` (`name`, `created`). A field the record does not have (the campaigns default
// `equals(messages.channel,'email')`) or an operator not read here is unknown and never drops a record
// (three-valued.ts); text that is not this syntax is no filter at all.
import type { RecordSchema } from "../catalog/types.js";
import { fieldPath, valuesAt } from "./field-path.js";
import { numberOf, type RecordTest } from "./search-query.js";
import { allOf, anyOf, kept, not, type Truth } from "./three-valued.js";
import { type Bound, containsText, isEmptyValue, sameValue, withinBound } from "./value-match.js";

type Value = string | number | boolean | null | Value[];
type Node = { call: string; args: (Node | Value)[] } | { field: string };

/** A recursive descent reader of the filter text; throws on text that is not the syntax. */
class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  private skip(): void {
    while (/\s/.test(this.text[this.at] ?? "")) this.at++;
  }
  private eat(char: string): boolean {
    this.skip();
    if (this.text[this.at] !== char) return false;
    this.at++;
    return true;
  }
  private expect(char: string): void {
    if (!this.eat(char)) throw new Error(`expected ${char} at ${this.at}`);
  }

  /** The top level: calls separated by commas. */
  top(): Node[] {
    const calls = [this.call()];
    while (this.eat(",")) calls.push(this.call());
    this.skip();
    if (this.at < this.text.length) throw new Error("trailing text");
    return calls;
  }
  private call(): Node & { call: string } {
    this.skip();
    const name = /^[a-z][a-z-]*/i.exec(this.text.slice(this.at))?.[0];
    if (!name) throw new Error("expected an operator");
    this.at += name.length;
    this.expect("(");
    const args: (Node | Value)[] = [];
    if (!this.eat(")")) {
      do args.push(this.arg(args.length === 0 && !/^(and|or|not)$/i.test(name)));
      while (this.eat(","));
      this.expect(")");
    }
    return { call: name.toLowerCase(), args };
  }
  /** An argument: a nested call, the field (first argument of a comparison), or a value. */
  private arg(isField: boolean): Node | Value {
    this.skip();
    const rest = this.text.slice(this.at);
    if (isField) {
      const field = /^[A-Za-z_$][\w.$-]*/.exec(rest)?.[0];
      if (!field) throw new Error("expected a field");
      this.at += field.length;
      return { field };
    }
    if (/^[a-z][a-z-]*\s*\(/i.test(rest)) return this.call();
    return this.value();
  }
  private value(): Value {
    this.skip();
    const rest = this.text.slice(this.at);
    if (this.eat("[")) {
      const items: Value[] = [];
      if (!this.eat("]")) {
        do items.push(this.value());
        while (this.eat(","));
        this.expect("]");
      }
      return items;
    }
    const quoted = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/.exec(rest);
    if (quoted) {
      this.at += quoted[0].length;
      return (quoted[1] ?? quoted[2] ?? "").replace(/\\(.)/g, "$1");
    }
    // A bare value: a number, true/false/null, or a datetime (`2024-01-01T00:00:00Z`).
    const bare = /^[^\s,()[\]"']+/.exec(rest)?.[0];
    if (!bare) throw new Error("expected a value");
    this.at += bare.length;
    if (/^(true|false)$/i.test(bare)) return bare.toLowerCase() === "true";
    if (/^null$/i.test(bare)) return null;
    const n = Number(bare);
    return Number.isFinite(n) ? n : bare;
  }
}

const BOUNDS: Record<string, Bound> = {
  "greater-than": ">",
  "greater-or-equal": ">=",
  "less-than": "<",
  "less-or-equal": "<=",
};

/** One comparison over the values of a field in a record (several when the path crosses a list). */
function comparison(op: string, actuals: unknown[], args: (Node | Value)[]): Truth {
  const expected = args[1] as Value | undefined;
  const some = (test: (a: unknown) => boolean) => actuals.some(test);
  switch (op) {
    case "equals":
      return some((a) => sameValue(a, expected));
    case "any":
      return Array.isArray(expected) ? some((a) => sameValue(a, expected)) : undefined;
    case "has":
      return !actuals.every(isEmptyValue);
    case "contains":
      return some((a) => (Array.isArray(a) ? sameValue(a, expected) : containsText(a, String(expected))));
    case "contains-any":
      return Array.isArray(expected) ? some((a) => expected.some((e) => containsText(a, String(e)))) : undefined;
    case "contains-all":
      return Array.isArray(expected) ? expected.every((e) => some((a) => containsText(a, String(e)))) : undefined;
    case "starts-with":
      return some((a) => typeof a === "string" && a.toLowerCase().startsWith(String(expected).toLowerCase()));
    case "ends-with":
      return some((a) => typeof a === "string" && a.toLowerCase().endsWith(String(expected).toLowerCase()));
  }
  const bound = BOUNDS[op];
  const limit = numberOf(expected);
  if (bound === undefined || limit === undefined) return undefined;
  return some((a) => withinBound(a, bound, limit));
}

/** The path of a Klaviyo field: the record's own, else under JSON:API `attributes`. */
function pathOf(field: string, schema: RecordSchema): string[] | undefined {
  return fieldPath(schema, field) ?? fieldPath(schema, `attributes.${field}`);
}

function truth(node: Node | Value, record: Record<string, unknown>, schema: RecordSchema): Truth {
  if (node === null || typeof node !== "object" || Array.isArray(node) || !("call" in node)) return undefined;
  const parts = () => node.args.map((a) => truth(a, record, schema));
  if (node.call === "and") return allOf(parts());
  if (node.call === "or") return anyOf(parts());
  if (node.call === "not") return node.args.length === 1 ? not(parts()[0]) : undefined;
  const field = node.args[0];
  if (field === null || typeof field !== "object" || Array.isArray(field) || !("field" in field)) return undefined;
  const path = pathOf(field.field, schema);
  return path ? comparison(node.call, valuesAt(record, path), node.args) : undefined;
}

/** Whether any comparison in a call names a field of the record (else the filter can only be unknown). */
function namesAField(node: Node | Value, schema: RecordSchema): boolean {
  if (node === null || typeof node !== "object" || Array.isArray(node) || !("call" in node)) return false;
  const [field] = node.args;
  if (field !== null && typeof field === "object" && !Array.isArray(field) && "field" in field)
    return pathOf(field.field, schema) !== undefined;
  return node.args.some((a) => namesAField(a, schema));
}

/** The record test of a Klaviyo filter; undefined when the text is not that syntax or names no field of the record. */
export function klaviyoFilterTest(text: string, schema: RecordSchema): RecordTest | undefined {
  let calls: Node[];
  try {
    calls = new Reader(text).top();
  } catch {
    return undefined;
  }
  if (!calls.some((c) => namesAField(c, schema))) return undefined;
  return (record) => kept(allOf(calls.map((c) => truth(c, record, schema))));
}
