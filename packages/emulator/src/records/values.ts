// Record values from a compact JSON schema, through generators compiled once per schema object: the schema walk, the
// field-name reading and the word-list choices happen on first use, and each record after that is a run of small
// closures drawing from one seeded stream. The catalog's schemas are long-lived objects, so a WeakMap keyed by them
// caches the compiled tree without keeping anything alive.
import type { RecordSchema } from "../catalog/types.js";
import { hashString, mixSeed, recordSeed, Stream } from "../random.js";
import {
  booleanRole,
  contextOf,
  dateRoleOf,
  isMainState,
  numberRole,
  type ObjectContext,
  stringRole,
  terminalStatesOf,
  tokensOf,
} from "./field-roles.js";
import { type JsonOut, type Piece, pieceOf } from "./json-out.js";
import { openShapeOf } from "./open-objects.js";
import { enumScalar, type Gen, NULL_RATE, NULL_SCALAR, scalarOf, type Write } from "./scalars.js";
import { BASE_TIME, endedBy, HOUR, type Scope } from "./scope.js";

export { BASE_TIME };

const MAX_DEPTH = 4;
/** Nullable sub-objects and lists (a discount, a shipping address, a milestone) are absent far more often in real data. */
const CONTAINER_NULL_RATE = 0.4;
/** Words that make a field part of how a record ended: closed_by, merged_by, canceled_by. */
const TERMINAL_WORDS = new Set(["closed", "merged", "canceled", "cancelled", "resolved", "solved", "completed", "archived", "deleted"]);

type RecordGen = (seed: number, index: number) => unknown;

/**
 * One compiled schema node. `value` builds the value; `write` writes the same value as JSON drawing the same
 * numbers, so a page of records goes out without building objects only to stringify them.
 */
interface Node {
  value: Gen;
  write: Write;
  /** Objects only: the JSON with some top-level fields' values replaced or added (a record's key fields). */
  writeWith?: (r: Stream, scope: Scope, out: JsonOut, overrides: Overrides) => void;
  /** Objects only: whether these overrides keep JSON.stringify's key order (an array-index key would go first). */
  accepts?: (overrides: Overrides) => boolean;
}

/** Top-level fields a record carries in place of (or after) the generated ones, in assignment order. */
export interface Overrides {
  keys: readonly string[];
  values: readonly unknown[];
}

interface CompiledRecord {
  value: RecordGen;
  /** Writes the record's JSON with overrides; false (nothing written) when the schema's value is no plain object. */
  write: (seed: number, index: number, overrides: Overrides, out: JsonOut) => boolean;
  writes: (overrideKeys: readonly string[]) => boolean;
}

const compiled = new WeakMap<RecordSchema, CompiledRecord>();

function compiledOf(schema: RecordSchema): CompiledRecord {
  let gen = compiled.get(schema);
  if (!gen) {
    gen = compileRecord(schema);
    compiled.set(schema, gen);
  }
  return gen;
}

/** The value for record `index` of a schema: the same for the same seed key and index, on every call and runtime. */
export function valueAt(schema: RecordSchema, seedKey: string, index: number): unknown {
  return compiledOf(schema).value(recordSeed(seedKey, index), index);
}

/**
 * Writes `JSON.stringify` of object record `index` of a schema, with `overrides` assigned to it (its id fields), into
 * `out` without building it. False, with nothing written, when the schema's value is not a plain object or an
 * override would reorder its keys.
 */
export function writeAt(schema: RecordSchema, seedKey: string, index: number, overrides: Overrides, out: JsonOut): boolean {
  return compiledOf(schema).write(recordSeed(seedKey, index), index, overrides, out);
}

/** Whether writeAt writes records of a schema with overrides of these keys (else it writes nothing). */
export function writesAt(schema: RecordSchema, overrideKeys: readonly string[]): boolean {
  return compiledOf(schema).writes(overrideKeys);
}

function compileRecord(schema: RecordSchema): CompiledRecord {
  const node = compile(schema, "", contextOf("", []), 0);
  const scopeOf = (seed: number, index: number, r: Stream): Scope => {
    // Newest first, about an hour apart: a page of records reads as recent activity, 100,000 reach back ~11 years.
    const created = BASE_TIME - index * HOUR - r.below(HOUR);
    return {
      index,
      created,
      updated: created + r.next() * (BASE_TIME - created),
      state: undefined,
      person: r.u32(),
      ended: undefined,
      seed,
    };
  };
  const { writeWith, accepts } = node;
  return {
    value: (seed, index) => {
      const r = new Stream(seed);
      return node.value(r, scopeOf(seed, index, r));
    },
    writes: (keys) => !!writeWith && !!accepts?.({ keys, values: [] }),
    write: (seed, index, overrides, out) => {
      if (!writeWith || !accepts?.(overrides)) return false;
      const r = new Stream(seed);
      writeWith(r, scopeOf(seed, index, r), out, overrides);
      return true;
    },
  };
}

function typesOf(schema: RecordSchema): string[] {
  if (schema.type !== undefined) return [schema.type].flat();
  if (schema.properties) return ["object"];
  if (schema.items) return ["array"];
  return ["string"];
}

const NULL_BYTES = pieceOf("null");

function compile(schema: RecordSchema, name: string, context: ObjectContext, depth: number): Node {
  // An open object the catalog marked (Notion page properties, Airtable fields) takes its vendor's shape, never null.
  const open = openShapeOf(schema);
  if (open) return open;
  const types = typesOf(schema);
  const nullable = types.includes("null") || (schema.enum?.includes(null) ?? false);
  const type = types.find((t) => t !== "null");
  if (type === undefined && !schema.enum) return NULL_SCALAR;
  if (schema.enum && schema.enum.length > 0) return enumScalar(schema.enum, nullable);
  switch (type) {
    case "object":
      return containerOrNull(objectNode(schema, name, depth), name, nullable, context);
    case "array":
      return containerOrNull(arrayNode(schema, name, context, depth), name, nullable, context);
    case "integer":
    case "number":
      return scalarOf(numberRole(name, type === "integer", context), type, schema.format, name, context, nullable);
    case "boolean":
      return scalarOf(booleanRole(name), type, schema.format, name, context, nullable);
    default:
      return scalarOf(stringRole(name, schema.format, context), "string", schema.format, name, context, nullable);
  }
}

/** A nullable object or list: null often, and a terminal one (`closed_by`, `merged_by`) only on an ended record. */
function containerOrNull(node: Node, name: string, nullable: boolean, context: ObjectContext): Node {
  // Every issue has a state (Linear `state`, Jira `status`): a record's main state object is never left out.
  if (!nullable || isMainState(name)) return node;
  const tokens = tokensOf(name);
  const value = node.value;
  const write = node.write;
  if (tokens.some((t) => TERMINAL_WORDS.has(t))) {
    const states = terminalStatesOf(tokens, context.lifecycle);
    return {
      value: (r, s) => (endedBy(s, states) ? value(r, s) : null),
      write: (r, s, out) => (endedBy(s, states) ? write(r, s, out) : out.piece(NULL_BYTES)),
    };
  }
  return {
    value: (r, s) => (r.next() < CONTAINER_NULL_RATE ? null : value(r, s)),
    write: (r, s, out) => (r.next() < CONTAINER_NULL_RATE ? out.piece(NULL_BYTES) : write(r, s, out)),
  };
}

/** Does an object's own data need its own times and person (dates, a state, or person fields among its keys)? */
function needsScope(keys: readonly string[], context: ObjectContext): boolean {
  return context.person || keys.some((k) => isMainState(k) || dateRoleOf(tokensOf(k), "string", context) !== undefined);
}

/** A key JSON.stringify writes before the others, whatever the insertion order (an array index: "0", "200"). */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 4294967295;
const EMPTY_OBJECT = pieceOf("{}");
const CLOSE_OBJECT = pieceOf("}");

function objectNode(schema: RecordSchema, name: string, depth: number): Node {
  // Past the depth limit an object keeps only what its schema requires, so it still validates (Shopify refund
  // transactions need their `id`) without the record growing without bound.
  const all = schema.properties ?? {};
  const properties = depth >= MAX_DEPTH ? Object.fromEntries(Object.entries(all).filter(([key]) => schema.required?.includes(key))) : all;
  const keys = Object.keys(properties);
  const count = keys.length;
  const position = new Map(keys.map((key, i) => [key, i]));
  // Overrides of keys the object lacks are appended, which keeps JSON's order unless one is an array index.
  const accepts = (overrides: Overrides) => overrides.keys.every((key) => position.has(key) || !isIndexKey(key));
  if (count === 0) {
    return {
      value: () => ({}),
      write: (_r, _s, out) => out.piece(EMPTY_OBJECT),
      accepts,
      writeWith: (_r, _s, out, overrides) => {
        let first = true;
        for (let k = 0; k < overrides.keys.length; k++) {
          const start = out.length;
          out.raw(`${first ? "{" : ","}${JSON.stringify(overrides.keys[k])}:`);
          if (out.value(overrides.values[k])) first = false;
          else out.length = start;
        }
        out.piece(first ? EMPTY_OBJECT : CLOSE_OBJECT);
      },
    };
  }
  const context = contextOf(name, keys);
  const fields = keys.map((key) => compile(properties[key] as RecordSchema, key, context, depth + 1));
  const values = fields.map((f) => f.value);
  const writes = fields.map((f) => f.write);
  const orNulls = fields.map((f) => (f as { orNull?: Write }).orNull);
  // The main state is drawn first so terminal dates and reasons can follow it; it must be a scalar to count.
  const main = keys.findIndex((k) => isMainState(k) && typesOf(properties[k] as RecordSchema).some((t) => t === "string"));
  const ownScope = depth > 0 && needsScope(keys, context);
  // `__proto__` as a plain assignment would set the prototype; such a schema is vanishingly rare, so it takes the slow path.
  const plain = !keys.includes("__proto__");
  // Records start as a copy of a template with every key (made by JSON.parse, so its properties sit in the object):
  // filling existing slots skips a shape change per key, and JSON.stringify of such objects is about a third faster.
  const template: Record<string, unknown> = plain ? JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) : {};
  // Each field draws from its own seed (the object's seed and the field's name), so a field's value does not depend on
  // which other fields a schema lists: the list, get and context-store schemas of an entity agree on shared fields.
  // Nor on the order fields are drawn in, which lets `write` draw them in JSON's order.
  const salts = keys.map(hashString);
  // JSON.stringify's key order: array-index keys first, ascending, then the others as inserted.
  const probe: Record<string, unknown> = {};
  for (const key of keys) Object.defineProperty(probe, key, { value: 0, enumerable: true, writable: true, configurable: true });
  const order = Object.keys(probe).map((key) => position.get(key) as number);
  const firstKey = keys.map((key) => pieceOf(`{${JSON.stringify(key)}:`));
  const nextKey = keys.map((key) => pieceOf(`,${JSON.stringify(key)}:`));

  const scopeFor = (r: Stream, parent: Scope, base: number): Scope => {
    if (!ownScope) return parent;
    const created = parent.created + r.next() * (parent.updated - parent.created);
    return {
      index: parent.index,
      created,
      updated: created + r.next() * (BASE_TIME - created),
      state: undefined,
      person: r.u32(),
      ended: undefined,
      seed: base,
    };
  };
  const drawMain = (r: Stream, s: Scope, base: number): unknown => {
    r.reseed(mixSeed(base, salts[main] as number));
    const mainValue = (values[main] as Gen)(r, s);
    s.state = typeof mainValue === "string" ? mainValue.toLowerCase() : undefined;
    return mainValue;
  };

  const value: Gen = (r, parent) => {
    const base = r.u32();
    const s = scopeFor(r, parent, base);
    const mainValue = main >= 0 ? drawMain(r, s, base) : undefined;
    const out: Record<string, unknown> = { ...template };
    for (let i = 0; i < count; i++) {
      let value = mainValue;
      if (i !== main) {
        r.reseed(mixSeed(base, salts[i] as number));
        value = (values[i] as Gen)(r, s);
      }
      if (plain) out[keys[i] as string] = value;
      else Object.defineProperty(out, keys[i] as string, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  // The JSON form. Overrides are assigned after generation, as generateRecord does: a listed key keeps its place (and
  // is not drawn: each field has its own seed, so the others are the same), a new one goes last.
  const write = (r: Stream, parent: Scope, out: JsonOut, overrides?: Overrides): void => {
    const base = r.u32();
    const s = scopeFor(r, parent, base);
    const mainValue = main >= 0 ? drawMain(r, s, base) : undefined;
    // Overrides are one or two keys (a record's ids): a scan of them per field beats building lookup arrays per record.
    const overrideKeys = overrides?.keys;
    let first = true;
    for (let j = 0; j < count; j++) {
      const i = order[j] as number;
      const start = out.length;
      out.piece(first ? (firstKey[i] as Piece) : (nextKey[i] as Piece));
      let written = true;
      const k = overrideKeys ? overrideKeys.indexOf(keys[i] as string) : -1;
      if (k >= 0) written = out.value((overrides as Overrides).values[k]);
      else if (i === main) written = out.value(mainValue);
      else {
        // Generated values are never undefined: the field writes itself.
        r.reseed(mixSeed(base, salts[i] as number));
        const inner = orNulls[i];
        if (inner === undefined) (writes[i] as Write)(r, s, out);
        else if (r.next() < NULL_RATE) out.piece(NULL_BYTES);
        else inner(r, s, out);
      }
      // JSON.stringify leaves out a key whose value is undefined (an override's): take the key back.
      if (written) first = false;
      else out.length = start;
    }
    if (overrides) {
      for (let k = 0; k < overrides.keys.length; k++) {
        const key = overrides.keys[k] as string;
        if (position.has(key)) continue;
        const start = out.length;
        out.raw(`${first ? "{" : ","}${JSON.stringify(key)}:`);
        if (out.value(overrides.values[k])) first = false;
        else out.length = start;
      }
    }
    out.piece(first ? EMPTY_OBJECT : CLOSE_OBJECT);
  };

  // Called with three arguments, `write` writes no overrides: no wrapper closure per nested object.
  return { value, write, writeWith: write, accepts };
}

const OPEN_LIST = pieceOf("[");
const COMMA = pieceOf(",");
const CLOSE_LIST = pieceOf("]");
const EMPTY_LIST = pieceOf("[]");

function arrayNode(schema: RecordSchema, name: string, context: ObjectContext, depth: number): Node {
  if (depth >= MAX_DEPTH || !schema.items) return { value: () => [], write: (_r, _s, out) => out.piece(EMPTY_LIST) };
  const item = compile(schema.items, name, context, depth + 1);
  const value = item.value;
  return {
    value: (r, s) => {
      const length = r.below(3);
      const base = r.u32();
      const out = new Array<unknown>(length);
      for (let i = 0; i < length; i++) {
        r.reseed(mixSeed(base, i + 1));
        out[i] = value(r, s);
      }
      return out;
    },
    write: (r, s, out) => {
      const length = r.below(3);
      const base = r.u32();
      out.piece(OPEN_LIST);
      for (let i = 0; i < length; i++) {
        if (i > 0) out.piece(COMMA);
        r.reseed(mixSeed(base, i + 1));
        item.write(r, s, out);
      }
      out.piece(CLOSE_LIST);
    },
  };
}
