// Record values from a compact JSON schema, through generators compiled once per schema object: the schema walk, the
// field-name reading and the word-list choices happen on first use, and each record after that is a run of small
// closures drawing from one seeded stream. The catalog's schemas are long-lived objects, so a WeakMap keyed by them
// caches the compiled tree without keeping anything alive.
import type { RecordSchema } from "../catalog/types.js";
import { hashString, mixSeed, recordSeed, Stream } from "../random.js";
import {
  booleanRole,
  contextOf,
  type DateRole,
  dateRoleOf,
  isMainState,
  numberRole,
  type ObjectContext,
  type Role,
  stringRole,
  terminalStatesOf,
  tokensOf,
} from "./field-roles.js";
import { asciiBytes, type JsonOut } from "./json-out.js";
import * as words from "./vocabulary.js";

/** "Now" for generated data: fixed, so a record is the same on every run and every day. Records run back from it. */
export const BASE_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_DEPTH = 4;
/** How often a nullable field is null when nothing else decides it. */
const NULL_RATE = 0.1;
/** Nullable sub-objects and lists (a discount, a shipping address, a milestone) are absent far more often in real data. */
const CONTAINER_NULL_RATE = 0.4;
/** How often a terminal date (closed_at...) is set when the object has no state to say so. */
const TERMINAL_RATE = 0.35;
/** Words that make a field part of how a record ended: closed_by, merged_by, canceled_by. */
const TERMINAL_WORDS = new Set(["closed", "merged", "canceled", "cancelled", "resolved", "solved", "completed", "archived", "deleted"]);
const CLOSED_STATES = new Set([
  "closed",
  "merged",
  "completed",
  "complete",
  "resolved",
  "solved",
  "done",
  "canceled",
  "cancelled",
  "finished",
]);

/** What the fields of one object share so they agree: created ≤ terminal ≤ updated ≤ now, one person, one state. */
interface Scope {
  index: number;
  created: number;
  updated: number;
  /** The object's main state, lower-cased, once generated. */
  state: string | undefined;
  /** One person per object: name, first_name, email and login are drawn from it. */
  person: number;
  /** Whether the object ended, when it has no state to say so: drawn once, so closed_at and cancelled_at agree. */
  ended: boolean | undefined;
  /** The object's seed, which its fields' seeds derive from. */
  seed: number;
}

const ENDED_SALT = 0x2545f491;

/** Did the object end? Its state says so when it has one; otherwise its seed decides, once, for all its fields. */
function endedBy(s: Scope, states: ReadonlySet<string>): boolean {
  if (s.state !== undefined) return states.has(s.state);
  if (s.ended === undefined) s.ended = mixSeed(s.seed, ENDED_SALT) / 4294967296 < TERMINAL_RATE;
  return s.ended;
}

type Gen = (r: Stream, scope: Scope) => unknown;
/** Writes the value as JSON into `out` (objects and lists only: a scalar is written from its value). */
type Write = (r: Stream, scope: Scope, out: JsonOut) => void;
type RecordGen = (seed: number, index: number) => unknown;

/**
 * One compiled schema node. `value` builds the value; containers also have `write`, which writes the same value as
 * JSON drawing the same numbers, so a page of records goes out without building objects only to stringify them.
 * A scalar has no `write`: its value is drawn and written (or, when undefined, left out with its key).
 */
interface Node {
  value: Gen;
  write?: Write;
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

const NULL_BYTES = asciiBytes("null");
const NULL_NODE: Node = { value: () => null };

/** Writes one node's value: a container writes itself, a scalar is drawn and written (undefined as null, in a list). */
function writeNode(node: Node, r: Stream, s: Scope, out: JsonOut): void {
  if (node.write) node.write(r, s, out);
  else if (!out.value(node.value(r, s))) out.put(NULL_BYTES);
}

function compile(schema: RecordSchema, name: string, context: ObjectContext, depth: number): Node {
  const types = typesOf(schema);
  const nullable = types.includes("null") || (schema.enum?.includes(null) ?? false);
  const type = types.find((t) => t !== "null");
  if (type === undefined && !schema.enum) return NULL_NODE;
  if (schema.enum && schema.enum.length > 0) return { value: orNull(enumGen(schema.enum), nullable) };
  switch (type) {
    case "object":
      return containerOrNull(objectNode(schema, name, depth), name, nullable, context);
    case "array":
      return containerOrNull(arrayNode(schema, name, context, depth), name, nullable, context);
    case "integer":
    case "number":
      return { value: scalarGen(numberRole(name, type === "integer", context), type, schema.format, name, context, nullable) };
    case "boolean":
      return { value: scalarGen(booleanRole(name), type, schema.format, name, context, nullable) };
    default:
      return { value: scalarGen(stringRole(name, schema.format, context), "string", schema.format, name, context, nullable) };
  }
}

/** A nullable object or list: null often, and a terminal one (`closed_by`, `merged_by`) only on an ended record. */
function containerOrNull(node: Node, name: string, nullable: boolean, context: ObjectContext): Node {
  // Every issue has a state (Linear `state`, Jira `status`): a record's main state object is never left out.
  if (!nullable || isMainState(name)) return node;
  const tokens = tokensOf(name);
  const value = node.value;
  const write = node.write as Write;
  if (tokens.some((t) => TERMINAL_WORDS.has(t))) {
    const states = terminalStatesOf(tokens, context.lifecycle);
    return {
      value: (r, s) => (endedBy(s, states) ? value(r, s) : null),
      write: (r, s, out) => (endedBy(s, states) ? write(r, s, out) : out.put(NULL_BYTES)),
    };
  }
  return {
    value: (r, s) => (r.next() < CONTAINER_NULL_RATE ? null : value(r, s)),
    write: (r, s, out) => (r.next() < CONTAINER_NULL_RATE ? out.put(NULL_BYTES) : write(r, s, out)),
  };
}

/** A nullable scalar's generator, with the one it wraps (`write` draws the null itself: one call less per field). */
type OrNull = Gen & { inner?: Gen };

function orNull(gen: Gen, nullable: boolean): Gen {
  if (!nullable) return gen;
  const wrapped: OrNull = (r, s) => (r.next() < NULL_RATE ? null : gen(r, s));
  wrapped.inner = gen;
  return wrapped;
}

function enumGen(values: readonly unknown[]): Gen {
  const choices = values.filter((v) => v !== null);
  if (choices.length === 0) return () => null;
  return (r) => choices[r.below(choices.length)];
}

/** Does an object's own data need its own times and person (dates, a state, or person fields among its keys)? */
function needsScope(keys: readonly string[], context: ObjectContext): boolean {
  return context.person || keys.some((k) => isMainState(k) || dateRoleOf(tokensOf(k), "string", context) !== undefined);
}

/** A key JSON.stringify writes before the others, whatever the insertion order (an array index: "0", "200"). */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 4294967295;
const EMPTY_OBJECT = asciiBytes("{}");
const CLOSE_OBJECT = asciiBytes("}");

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
      write: (_r, _s, out) => out.put(EMPTY_OBJECT),
      accepts,
      writeWith: (_r, _s, out, overrides) => {
        let first = true;
        for (let k = 0; k < overrides.keys.length; k++) {
          const start = out.length;
          out.raw(`${first ? "{" : ","}${JSON.stringify(overrides.keys[k])}:`);
          if (out.value(overrides.values[k])) first = false;
          else out.length = start;
        }
        out.put(first ? EMPTY_OBJECT : CLOSE_OBJECT);
      },
    };
  }
  const context = contextOf(name, keys);
  const fields = keys.map((key) => compile(properties[key] as RecordSchema, key, context, depth + 1));
  const values = fields.map((f) => f.value);
  const inners = fields.map((f) => (f.write ? undefined : (f.value as OrNull).inner));
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
  const firstKey = keys.map((key) => asciiBytes(`{${JSON.stringify(key)}:`));
  const nextKey = keys.map((key) => asciiBytes(`,${JSON.stringify(key)}:`));

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
    let replaced: unknown[] | undefined;
    let has: boolean[] | undefined;
    const base = r.u32();
    const s = scopeFor(r, parent, base);
    const mainValue = main >= 0 ? drawMain(r, s, base) : undefined;
    if (overrides) {
      replaced = new Array<unknown>(count);
      has = new Array<boolean>(count).fill(false);
      for (let k = 0; k < overrides.keys.length; k++) {
        const at = position.get(overrides.keys[k] as string);
        if (at !== undefined) {
          replaced[at] = overrides.values[k];
          has[at] = true;
        }
      }
    }
    let first = true;
    for (let j = 0; j < count; j++) {
      const i = order[j] as number;
      const field = fields[i] as Node;
      const start = out.length;
      out.put(first ? (firstKey[i] as Uint8Array) : (nextKey[i] as Uint8Array));
      let written = true;
      if (has?.[i]) written = out.value((replaced as unknown[])[i]);
      else if (i === main) written = out.value(mainValue);
      else {
        r.reseed(mixSeed(base, salts[i] as number));
        const inner = inners[i];
        if (field.write) field.write(r, s, out);
        else if (inner) written = out.value(r.next() < NULL_RATE ? null : inner(r, s));
        else written = out.value((values[i] as Gen)(r, s));
      }
      // JSON.stringify leaves out a key whose value is undefined: take the key back.
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
    out.put(first ? EMPTY_OBJECT : CLOSE_OBJECT);
  };

  return { value, write: (r, s, out) => write(r, s, out), writeWith: write, accepts };
}

const OPEN_LIST = asciiBytes("[");
const COMMA = asciiBytes(",");
const CLOSE_LIST = asciiBytes("]");
const EMPTY_LIST = asciiBytes("[]");

function arrayNode(schema: RecordSchema, name: string, context: ObjectContext, depth: number): Node {
  if (depth >= MAX_DEPTH || !schema.items) return { value: () => [], write: (_r, _s, out) => out.put(EMPTY_LIST) };
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
      out.put(OPEN_LIST);
      for (let i = 0; i < length; i++) {
        if (i > 0) out.put(COMMA);
        r.reseed(mixSeed(base, i + 1));
        writeNode(item, r, s, out);
      }
      out.put(CLOSE_LIST);
    },
  };
}

// --- Scalars

const pick = <T>(r: Stream, items: readonly T[]): T => items[r.below(items.length)] as T;
const upper = (items: readonly string[]) => items.map((v) => v.toUpperCase());
const lower = (items: readonly string[]) => items.map((v) => v.toLowerCase());
const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const FIRST_LOWER = lower(words.FIRST_NAMES);
const LAST_LOWER = lower(words.LAST_NAMES).map((v) => v.replace(/[^a-z]/g, ""));
const first = (s: Scope) => s.person % words.FIRST_NAMES.length;
const last = (s: Scope) => (s.person >>> 8) % words.LAST_NAMES.length;
// Two-character chunks looked up in tables: Number#toString(radix) and padStart were a tenth of generation time.
const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
const ALNUM2 = Array.from({ length: 1296 }, (_, i) => `${ALNUM[Math.floor(i / 36)]}${ALNUM[i % 36]}`);
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
/** 12 base-36 characters from two draws. */
const base36 = (r: Stream) => {
  const a = r.u32();
  const b = r.u32();
  return `${ALNUM2[a % 1296]}${ALNUM2[Math.floor(a / 1296) % 1296]}${ALNUM2[Math.floor(a / 1679616) % 1296]}${ALNUM2[b % 1296]}${ALNUM2[Math.floor(b / 1296) % 1296]}${ALNUM2[Math.floor(b / 1679616) % 1296]}`;
};
/** 8 hex characters from one draw. */
const hex32 = (r: Stream) => {
  const a = r.u32();
  return `${HEX2[a >>> 24]}${HEX2[(a >>> 16) & 255]}${HEX2[(a >>> 8) & 255]}${HEX2[a & 255]}`;
};

function iso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** The instant of a date field, from its role and the object's times. */
function instantGen(
  when: DateRole,
  tokens: readonly string[],
  nullable: boolean,
  context: ObjectContext,
): (r: Stream, s: Scope) => number | null {
  switch (when) {
    case "created":
      return (_r, s) => s.created;
    case "updated":
      return (_r, s) => s.updated;
    case "start":
      return (r, s) => s.created + r.next() * (s.updated - s.created);
    case "future":
      return (r, s) => s.updated + DAY + r.next() * 90 * DAY;
    case "birth":
      return (r) => BASE_TIME - (20 + r.next() * 40) * 365 * DAY;
    case "past":
      return (r, s) => s.created + r.next() * (BASE_TIME - s.created);
    case "terminal": {
      // Present when the object's state says it ended (closed_at with state closed), absent otherwise.
      const states = terminalStatesOf(tokens, context.lifecycle);
      return (r, s) => {
        if (!endedBy(s, states) && nullable) return null;
        return s.created + r.next() * (s.updated - s.created);
      };
    }
  }
}

function scalarGen(role: Role, type: string, format: string | undefined, name: string, context: ObjectContext, nullable: boolean): Gen {
  const tokens = tokensOf(name);
  if (role.kind === "date") {
    const instant = instantGen(role.when, tokens, nullable, context);
    const inner: Gen =
      type === "integer" || type === "number"
        ? tokens.includes("ms") || tokens.includes("millis")
          ? (r, s) => {
              const t = instant(r, s);
              return t === null ? null : Math.floor(t);
            }
          : (r, s) => {
              const t = instant(r, s);
              return t === null ? null : Math.floor(t / 1000);
            }
        : format === "date" || (format === undefined && tokens[tokens.length - 1] === "date")
          ? (r, s) => {
              const t = instant(r, s);
              return t === null ? null : iso(t).slice(0, 10);
            }
          : (r, s) => {
              const t = instant(r, s);
              return t === null ? null : iso(t);
            };
    // Terminal dates decide their own nulls from the state; other dates are null now and then.
    return role.when === "terminal" ? inner : orNull(inner, nullable);
  }
  if (role.kind === "stateReason") {
    // Why a record ended: set on ended records only (GitHub state_reason on closed issues, Shopify cancel_reason).
    const cancel = tokens.some((t) => t.startsWith("cancel"));
    const base = cancel ? ["customer", "fraud", "inventory", "other"] : ["completed", "not_planned"];
    const reasons = context.camel ? upper(base) : base;
    const states = cancel ? new Set(["canceled", "cancelled"]) : CLOSED_STATES;
    const otherwise = cancel ? "other" : context.camel ? "REOPENED" : "reopened";
    return (r, s) => (endedBy(s, states) ? pick(r, reasons) : nullable ? null : otherwise);
  }
  return orNull(valueGen(role, type, name, tokens, context), nullable);
}

/** A URL path segment from the field name: `labels_url` → labels, `avatar_url` → avatar, `url` → the owner or "items". */
function segmentOf(tokens: readonly string[], context: ObjectContext): string {
  const rest = tokens.filter((t) => !["url", "uri", "href", "link", "html", "api", "self"].includes(t));
  return rest.join("-") || tokensOf(context.owner).join("-") || "items";
}

function idPrefixOf(tokens: readonly string[], context: ObjectContext): string {
  const rest = tokens.filter((t) => t !== "id" && t !== "ids");
  const word = rest[0] ?? tokensOf(context.owner)[0] ?? "obj";
  return word.slice(0, 3);
}

function valueGen(role: Role, type: string, name: string, tokens: readonly string[], context: ObjectContext): Gen {
  const integer = type === "integer";
  const graphql = context.camel;
  switch (role.kind) {
    case "boolean": {
      const truth = role.truth;
      return (r) => r.next() < truth;
    }
    case "state": {
      const values = graphql ? upper(role.values) : role.values;
      return (r) => pick(r, values);
    }
    case "email":
      return (_r, s) => `${FIRST_LOWER[first(s)]}.${LAST_LOWER[last(s)]}@example.com`;
    case "url": {
      const segment = segmentOf(tokens, context);
      const image = /avatar|photo|picture|icon|logo|thumbnail|image/.test(name.toLowerCase()) ? ".png" : "";
      return (_r, s) => `https://example.com/${segment}/${s.index + 1}${image}`;
    }
    case "uuid":
      return (r) => {
        const a = hex32(r);
        const b = hex32(r);
        const c = hex32(r);
        const d = hex32(r);
        return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
      };
    case "id": {
      const prefix = idPrefixOf(tokens, context);
      return (r) => `${prefix}_${base36(r)}`;
    }
    case "gid":
      return (r) => `12${String(r.u32()).padStart(10, "0")}${String(r.below(10_000)).padStart(4, "0")}`;
    case "sid": {
      const rest = tokens.filter((t) => t !== "sid");
      const word = rest[0] ?? tokensOf(context.owner)[0] ?? "sid";
      const prefix = (SID_PREFIX[word] ?? word.slice(0, 2)).toUpperCase().padEnd(2, "X");
      return (r) => `${prefix}${hex32(r)}${hex32(r)}${hex32(r)}${hex32(r)}`;
    }
    case "nodeId":
      return (r) => `I_kwDO${base36(r).toUpperCase()}`;
    case "hex":
      return (r) => `${hex32(r)}${hex32(r)}${hex32(r)}${hex32(r)}${hex32(r)}`;
    case "firstName":
      return (_r, s) => words.FIRST_NAMES[first(s)];
    case "lastName":
      return (_r, s) => words.LAST_NAMES[last(s)];
    case "personName":
      return (_r, s) => `${words.FIRST_NAMES[first(s)]} ${words.LAST_NAMES[last(s)]}`;
    case "login":
      return (_r, s) => `${FIRST_LOWER[first(s)]}-${LAST_LOWER[last(s)]}`;
    case "thingName":
      return (r) => `${cap(pick(r, words.WORDS))} ${cap(pick(r, words.WORDS))}`;
    case "company":
      return (r) => pick(r, words.COMPANIES);
    case "jobTitle":
      return (r) => pick(r, words.JOB_TITLES);
    case "title":
      return (r) => pick(r, words.TITLES);
    case "text":
      return (r) => (r.next() < 0.5 ? pick(r, words.SENTENCES) : `${pick(r, words.SENTENCES)} ${pick(r, words.SENTENCES)}`);
    case "html":
      return (r) => `<p>${pick(r, words.SENTENCES)}</p>`;
    case "phone":
      return (r) => `+1-555-01${String(r.below(100)).padStart(2, "0")}`;
    case "city":
      return (r) => pick(r, words.CITIES);
    case "region":
      return (r) => pick(r, words.US_STATES);
    case "country":
      return (r) => pick(r, words.COUNTRIES);
    case "countryName":
      return (r) => pick(r, words.COUNTRY_NAMES);
    case "postalCode":
      return (r) => String(10_000 + r.below(90_000));
    case "street":
      return (r) => `${1 + r.below(999)} ${pick(r, words.STREETS)}`;
    case "street2":
      return (r) => `Suite ${100 + r.below(900)}`;
    case "currency": {
      const codes = context.stripe ? words.CURRENCIES : upper(words.CURRENCIES);
      return (r) => pick(r, codes);
    }
    case "timezone":
      return (r) => pick(r, words.TIMEZONES);
    case "language":
      return (r) => pick(r, words.LANGUAGES);
    case "color":
      return (r) => (r.u32() & 0xffffff).toString(16).padStart(6, "0");
    case "ip":
      return (r) => `203.0.113.${1 + r.below(254)}`;
    case "domain":
      return (r) => `${pick(r, words.WORDS)}.example.com`;
    case "path":
      return (r, s) => {
        const ext = r.below(words.EXTENSIONS.length);
        return `${pick(r, words.WORDS)}-${s.index + 1}.${words.EXTENSIONS[ext]}`;
      };
    case "mimeType":
      return (r) => pick(r, words.MIME_TYPES);
    case "secret":
      return (r) => `sk_test_${base36(r)}${base36(r)}`;
    case "token":
      return (r) => `${hex32(r)}${hex32(r)}${hex32(r)}${hex32(r)}`;
    case "version":
      return type === "string" ? (r) => `${1 + r.below(3)}.${r.below(10)}.${r.below(10)}` : (r) => 1 + r.below(20);
    case "sku":
      return (r) => `SKU-${10_000 + r.below(90_000)}`;
    case "slug":
      return (r) => `${pick(r, words.WORDS)}-${pick(r, words.WORDS)}`;
    case "kind":
      return (r) => pick(r, graphql ? upper(words.KINDS) : words.KINDS);
    case "priority":
      return type === "string" ? (r) => pick(r, words.PRIORITIES) : (r) => 1 + r.below(4);
    case "moneyString":
      return (r) => (Math.round(r.next() * r.next() * 500_000) / 100).toFixed(2);
    case "countString":
      return (r) => String(r.below(5));
    case "code":
      return (r) => `${pick(r, words.WORDS).toUpperCase()}${10 + r.below(90)}`;
    case "numberString":
      return (_r, s) => String(1001 + s.index);
    case "key":
      return (_r, s) => `PRJ-${s.index + 1}`;
    case "direction":
      return (r) => pick(r, graphql ? upper(words.DIRECTIONS) : words.DIRECTIONS);
    case "workflowStep":
      return (r) => pick(r, words.WORKFLOW_STEPS);
    case "word":
      return (r) => pick(r, words.WORDS);
    // Numbers: integers stay integers; floats get the precision their field would show.
    case "count":
      return (r) => Math.floor(r.next() * r.next() * 200);
    case "money":
      // Skewed towards small amounts, as real payments are; integers are minor units (cents), floats major ones.
      return integer ? (r) => 100 + Math.floor(r.next() * r.next() * 250_000) : (r) => Math.round(r.next() * r.next() * 250_000) / 100;
    case "percent":
      return integer ? (r) => r.below(101) : (r) => Math.round(r.next() * 10_000) / 100;
    case "ratio":
      return integer ? (r) => r.below(101) : (r) => Math.round(r.next() * 10_000) / 10_000;
    case "sequence":
      return (_r, s) => s.index + 1;
    case "intId":
      return (r) => 10_000_000 + r.below(90_000_000);
    case "bytes":
      return (r) => 1024 + r.below(2_000_000);
    case "pixels":
      return (r) => 64 + r.below(1937);
    case "position":
      return (r) => r.below(100);
    case "duration": {
      const scale = tokens.includes("ms") || tokens.includes("millis") || tokens.includes("milliseconds") ? 1000 : 1;
      return (r) => (30 + r.below(86_400)) * scale;
    }
    case "year":
      return (r) => 2015 + r.below(12);
    case "month":
      return (r) => 1 + r.below(12);
    case "day":
      return (r) => 1 + r.below(28);
    case "hour":
      return (r) => r.below(24);
    case "minute":
      return (r) => r.below(60);
    case "latitude":
      return (r) => Math.round((r.next() * 180 - 90) * 1e6) / 1e6;
    case "longitude":
      return (r) => Math.round((r.next() * 360 - 180) * 1e6) / 1e6;
    case "number":
      return (r) => Math.round(r.next() * 100_000) / 100;
    default:
      return (r) => pick(r, words.WORDS);
  }
}

/** Twilio's two-letter SID prefixes, by the resource a `*_sid` names. */
const SID_PREFIX: Record<string, string> = {
  account: "AC",
  message: "SM",
  call: "CA",
  conference: "CF",
  phone: "PN",
  recording: "RE",
  service: "MG",
  address: "AD",
};
