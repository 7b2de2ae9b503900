// Scalar fields of generated records: for each field role (field-roles.ts), a generator of the value and a writer of
// the same value's JSON, both compiled once per schema field. The writer draws the same numbers in the same order as
// the generator, and writes pre-encoded bytes where the value is one of a fixed list (words, enums, a person's
// names), or writes the characters straight into the buffer (ids, hex, dates, numbered strings): building a string
// only to copy it out again character by character was most of the cost of a page of records.
import type { Stream } from "../random.js";
import type { DateRole, ObjectContext, Role } from "./field-roles.js";
import { terminalStatesOf, tokensOf } from "./field-roles.js";
import { isoText, writeIso } from "./iso-time.js";
import { type JsonOut, type Piece, pieceOf } from "./json-out.js";
import { BASE_TIME, DAY, endedBy, type Scope } from "./scope.js";
import * as words from "./vocabulary.js";

export type Gen = (r: Stream, scope: Scope) => unknown;
/** Writes a value's JSON into `out`. */
export type Write = (r: Stream, scope: Scope, out: JsonOut) => void;

/** A scalar field: its value, and a writer of `JSON.stringify(value)` drawing the same numbers. */
export interface Scalar {
  value: Gen;
  write: Write;
  /** A nullable scalar's writer once its null draw came out non-null: an object draws that null itself (one call less). */
  orNull?: Write;
}

/** How often a nullable field is null when nothing else decides it. */
export const NULL_RATE = 0.1;
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

const encoder = new TextEncoder();
/** `JSON.stringify(value)`, prepared. */
const json = (value: unknown): Piece => pieceOf(JSON.stringify(value));
/** The JSON of a string without its closing quote (`"abc`), to write more characters after it. */
const opening = (text: string): Piece => pieceOf(JSON.stringify(text).slice(0, -1));
/** The JSON of a string without its opening quote (`abc"`). */
const closing = (text: string): Piece => pieceOf(JSON.stringify(text).slice(1));
const NULL = json(null);
const TRUE = json(true);
const FALSE = json(false);
const QUOTE = closing("");

/** A scalar whose value is drawn, then written as JSON.stringify writes it (a value is never undefined here). */
function drawn(value: Gen): Scalar {
  return {
    value,
    write: (r, s, out) => {
      if (!out.value(value(r, s))) out.piece(NULL);
    },
  };
}

/** One of `items`, uniformly; the writer copies the chosen item's pre-encoded JSON. */
function choice(items: readonly unknown[]): Scalar {
  const n = items.length;
  let encoded: Piece[];
  try {
    encoded = items.map(json);
  } catch {
    // An enum value too long to be a piece (none is, in the 51 specs): drawn and written as any value.
    return drawn((r) => items[r.below(n)]);
  }
  return {
    value: (r) => items[r.below(n)],
    write: (r, _s, out) => out.piece(encoded[r.below(n)] as Piece),
  };
}

/** Two draws from lists of `a` and `b` items, in that order, naming one of `a * b` texts. */
function pair(a: number, b: number, text: (i: number, j: number) => string): Scalar {
  const texts = Array.from({ length: a * b }, (_, k) => text(Math.floor(k / b), k % b));
  const encoded = texts.map(json);
  return {
    value: (r) => {
      const i = r.below(a);
      return texts[i * b + r.below(b)];
    },
    write: (r, _s, out) => {
      const i = r.below(a);
      out.piece(encoded[i * b + r.below(b)] as Piece);
    },
  };
}

/** `${prefix}${n}${suffix}` for a drawn non-negative integer n, its digits written without a string. */
function numbered(prefix: string, draw: (r: Stream, s: Scope) => number, suffix = ""): Scalar {
  const open = opening(prefix);
  const close = closing(suffix);
  return {
    value: (r, s) => `${prefix}${draw(r, s)}${suffix}`,
    write: (r, s, out) => {
      out.piece(open);
      out.digits(draw(r, s));
      out.piece(close);
    },
  };
}

/** A value of the object's person (first and last name from `scope.person`), from a table made once. */
function personal(text: (first: string, last: string, i: number, j: number) => string): Scalar {
  const nf = words.FIRST_NAMES.length;
  const nl = words.LAST_NAMES.length;
  const texts = Array.from({ length: nf * nl }, (_, k) => {
    const i = Math.floor(k / nl);
    const j = k % nl;
    return text(words.FIRST_NAMES[i] as string, words.LAST_NAMES[j] as string, i, j);
  });
  const encoded = texts.map(json);
  const at = (s: Scope) => (s.person % nf) * nl + ((s.person >>> 8) % nl);
  return { value: (_r, s) => texts[at(s)], write: (_r, s, out) => out.piece(encoded[at(s)] as Piece) };
}

/** A nullable scalar: null now and then (the draw comes first), else the scalar. */
function orNull(scalar: Scalar, nullable: boolean): Scalar {
  if (!nullable) return scalar;
  const { value, write } = scalar;
  return {
    value: (r, s) => (r.next() < NULL_RATE ? null : value(r, s)),
    write: (r, s, out) => (r.next() < NULL_RATE ? out.piece(NULL) : write(r, s, out)),
    orNull: write,
  };
}

export const NULL_SCALAR: Scalar = { value: () => null, write: (_r, _s, out) => out.piece(NULL) };

/** A field with an enum: one of its non-null values (null too, now and then, when nullable). */
export function enumScalar(values: readonly unknown[], nullable: boolean): Scalar {
  const choices = values.filter((v) => v !== null);
  return orNull(choices.length === 0 ? NULL_SCALAR : choice(choices), nullable);
}

// --- Characters written straight into the buffer. Two-character chunks from tables: Number#toString(radix) and
// padStart were a tenth of generation time.

const ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
const ALNUM2 = Array.from({ length: 1296 }, (_, i) => `${ALNUM[Math.floor(i / 36)]}${ALNUM[i % 36]}`);
const ALNUM2_CODES = encoder.encode(ALNUM2.join(""));
const ALNUM2_UPPER_CODES = encoder.encode(ALNUM2.join("").toUpperCase());
const HEX = "0123456789abcdef";
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const HEX_CODES = encoder.encode(HEX);

/** 12 base-36 characters from two draws. */
const base36 = (r: Stream) => {
  const a = r.u32();
  const b = r.u32();
  return `${ALNUM2[a % 1296]}${ALNUM2[Math.floor(a / 1296) % 1296]}${ALNUM2[Math.floor(a / 1679616) % 1296]}${ALNUM2[b % 1296]}${ALNUM2[Math.floor(b / 1296) % 1296]}${ALNUM2[Math.floor(b / 1679616) % 1296]}`;
};

/** base36's characters, written. */
function writeBase36(r: Stream, out: JsonOut, codes: Uint8Array): void {
  const a = r.u32();
  const b = r.u32();
  out.reserve(12);
  const bytes = out.bytes;
  let at = out.length;
  for (const chunk of [a % 1296, Math.floor(a / 1296) % 1296, Math.floor(a / 1679616) % 1296]) {
    bytes[at++] = codes[2 * chunk] as number;
    bytes[at++] = codes[2 * chunk + 1] as number;
  }
  for (const chunk of [b % 1296, Math.floor(b / 1296) % 1296, Math.floor(b / 1679616) % 1296]) {
    bytes[at++] = codes[2 * chunk] as number;
    bytes[at++] = codes[2 * chunk + 1] as number;
  }
  out.length = at;
}

/** 8 hex characters from one draw. */
const hex32 = (r: Stream) => {
  const a = r.u32();
  return `${HEX2[a >>> 24]}${HEX2[(a >>> 16) & 255]}${HEX2[(a >>> 8) & 255]}${HEX2[a & 255]}`;
};

/** The low `nibbles` hex digits of `value`, most significant first (hex32 of a draw is 8 of them). */
function writeHex(out: JsonOut, value: number, nibbles: number): void {
  out.reserve(nibbles);
  const bytes = out.bytes;
  let at = out.length;
  for (let shift = (nibbles - 1) * 4; shift >= 0; shift -= 4) bytes[at++] = HEX_CODES[(value >>> shift) & 15] as number;
  out.length = at;
}

/** `${prefix}` and `draws` hex32 values. */
function hexes(prefix: string, draws: number): Scalar {
  const open = opening(prefix);
  return {
    value: (r) => {
      let text = prefix;
      for (let i = 0; i < draws; i++) text += hex32(r);
      return text;
    },
    write: (r, _s, out) => {
      out.piece(open);
      for (let i = 0; i < draws; i++) writeHex(out, r.u32(), 8);
      out.piece(QUOTE);
    },
  };
}

/** `${prefix}` and base36's 12 characters (upper-cased when `upper`), then `repeat - 1` more of them. */
function base36s(prefix: string, repeat: number, upper = false): Scalar {
  const open = opening(prefix);
  const codes = upper ? ALNUM2_UPPER_CODES : ALNUM2_CODES;
  return {
    value: (r) => {
      let text = "";
      for (let i = 0; i < repeat; i++) text += base36(r);
      return prefix + (upper ? text.toUpperCase() : text);
    },
    write: (r, _s, out) => {
      out.piece(open);
      for (let i = 0; i < repeat; i++) writeBase36(r, out, codes);
      out.piece(QUOTE);
    },
  };
}

const UUID: Scalar = {
  value: (r) => {
    const a = hex32(r);
    const b = hex32(r);
    const c = hex32(r);
    const d = hex32(r);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
  },
  write: (r, _s, out) => {
    const a = r.u32();
    const b = r.u32();
    const c = r.u32();
    const d = r.u32();
    out.piece(QUOTE);
    writeHex(out, a, 8);
    out.raw("-");
    writeHex(out, b >>> 16, 4);
    out.raw("-4");
    writeHex(out, b, 3);
    out.raw("-a");
    writeHex(out, c >>> 16, 3);
    out.raw("-");
    writeHex(out, c, 4);
    writeHex(out, d, 8);
    out.piece(QUOTE);
  },
};

// --- Dates

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

function dateScalar(instant: (r: Stream, s: Scope) => number | null, type: string, format: string | undefined, tokens: readonly string[]) {
  if (type === "integer" || type === "number") {
    const scale = tokens.includes("ms") || tokens.includes("millis") ? 1 : 1000;
    return drawn((r, s) => {
      const t = instant(r, s);
      return t === null ? null : Math.floor(t / scale);
    });
  }
  const dateOnly = format === "date" || (format === undefined && tokens[tokens.length - 1] === "date");
  return {
    value: (r: Stream, s: Scope) => {
      const t = instant(r, s);
      return t === null ? null : dateOnly ? isoText(t).slice(0, 10) : isoText(t);
    },
    write: (r: Stream, s: Scope, out: JsonOut) => {
      const t = instant(r, s);
      if (t === null) out.piece(NULL);
      else writeIso(out, t, dateOnly);
    },
  };
}

/** A scalar field of `type` in the role its name, format and siblings give it. */
export function scalarOf(
  role: Role,
  type: string,
  format: string | undefined,
  name: string,
  context: ObjectContext,
  nullable: boolean,
): Scalar {
  const tokens = tokensOf(name);
  if (role.kind === "date") {
    const inner = dateScalar(instantGen(role.when, tokens, nullable, context), type, format, tokens);
    // Terminal dates decide their own nulls from the state; other dates are null now and then.
    return role.when === "terminal" ? inner : orNull(inner, nullable);
  }
  if (role.kind === "stateReason") {
    // Why a record ended: set on ended records only (GitHub state_reason on closed issues, Shopify cancel_reason).
    const cancel = tokens.some((t) => t.startsWith("cancel"));
    const base = cancel ? ["customer", "fraud", "inventory", "other"] : ["completed", "not_planned"];
    const reasons = context.camel ? upper(base) : base;
    const states = cancel ? new Set(["canceled", "cancelled"]) : CLOSED_STATES;
    const otherwise = nullable ? null : cancel ? "other" : context.camel ? "REOPENED" : "reopened";
    const reason = choice(reasons);
    const otherBytes = json(otherwise);
    return {
      value: (r, s) => (endedBy(s, states) ? reason.value(r, s) : otherwise),
      write: (r, s, out) => (endedBy(s, states) ? reason.write(r, s, out) : out.piece(otherBytes)),
    };
  }
  return orNull(roleScalar(role, type, name, tokens, context), nullable);
}

const upper = (items: readonly string[]) => items.map((v) => v.toUpperCase());
const lower = (items: readonly string[]) => items.map((v) => v.toLowerCase());
const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const FIRST_LOWER = lower(words.FIRST_NAMES);
const LAST_LOWER = lower(words.LAST_NAMES).map((v) => v.replace(/[^a-z]/g, ""));
const PHONES = Array.from({ length: 100 }, (_, i) => `+1-555-01${String(i).padStart(2, "0")}`);

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

/** Draws `items.length`'s index, then writes `${before[i]}${n}${after}` for a number drawn after it. */
function pickThenNumber(before: readonly string[], draw: (r: Stream) => number, after: string): Scalar {
  const n = before.length;
  const open = before.map(opening);
  const close = closing(after);
  return {
    value: (r) => {
      const i = r.below(n);
      return `${before[i]}${draw(r)}${after}`;
    },
    write: (r, _s, out) => {
      const i = r.below(n);
      out.piece(open[i] as Piece);
      out.digits(draw(r));
      out.piece(close);
    },
  };
}

function roleScalar(role: Role, type: string, name: string, tokens: readonly string[], context: ObjectContext): Scalar {
  const integer = type === "integer";
  const graphql = context.camel;
  switch (role.kind) {
    case "boolean": {
      const truth = role.truth;
      return { value: (r) => r.next() < truth, write: (r, _s, out) => out.piece(r.next() < truth ? TRUE : FALSE) };
    }
    case "state":
      return choice(graphql ? upper(role.values) : role.values);
    case "email":
      return personal((_f, _l, i, j) => `${FIRST_LOWER[i]}.${LAST_LOWER[j]}@example.com`);
    case "url": {
      const segment = segmentOf(tokens, context);
      const image = /avatar|photo|picture|icon|logo|thumbnail|image/.test(name.toLowerCase()) ? ".png" : "";
      return numbered(`https://example.com/${segment}/`, (_r, s) => s.index + 1, image);
    }
    case "uuid":
      return UUID;
    case "id":
      return base36s(`${idPrefixOf(tokens, context)}_`, 1);
    case "gid":
      return drawn((r) => `12${String(r.u32()).padStart(10, "0")}${String(r.below(10_000)).padStart(4, "0")}`);
    case "sid": {
      const rest = tokens.filter((t) => t !== "sid");
      const word = rest[0] ?? tokensOf(context.owner)[0] ?? "sid";
      return hexes((SID_PREFIX[word] ?? word.slice(0, 2)).toUpperCase().padEnd(2, "X"), 4);
    }
    case "nodeId":
      return base36s("I_kwDO", 1, true);
    case "hex":
      return hexes("", 5);
    case "firstName":
      return personal((f) => f);
    case "lastName":
      return personal((_f, l) => l);
    case "personName":
      return personal((f, l) => `${f} ${l}`);
    case "login":
      return personal((_f, _l, i, j) => `${FIRST_LOWER[i]}-${LAST_LOWER[j]}`);
    case "thingName":
      return pair(words.WORDS.length, words.WORDS.length, (i, j) => `${cap(words.WORDS[i] as string)} ${cap(words.WORDS[j] as string)}`);
    case "company":
      return choice(words.COMPANIES);
    case "jobTitle":
      return choice(words.JOB_TITLES);
    case "title":
      return choice(words.TITLES);
    case "text": {
      const one = choice(words.SENTENCES);
      const n = words.SENTENCES.length;
      const two = pair(n, n, (i, j) => `${words.SENTENCES[i]} ${words.SENTENCES[j]}`);
      return {
        value: (r, s) => (r.next() < 0.5 ? one.value(r, s) : two.value(r, s)),
        write: (r, s, out) => (r.next() < 0.5 ? one.write(r, s, out) : two.write(r, s, out)),
      };
    }
    case "html":
      return choice(words.SENTENCES.map((s) => `<p>${s}</p>`));
    case "phone":
      return choice(PHONES);
    case "city":
      return choice(words.CITIES);
    case "region":
      return choice(words.US_STATES);
    case "country":
      return choice(words.COUNTRIES);
    case "countryName":
      return choice(words.COUNTRY_NAMES);
    case "postalCode":
      return numbered("", (r) => 10_000 + r.below(90_000));
    case "street": {
      // The number is drawn before the street.
      const streets = words.STREETS.map((street) => closing(` ${street}`));
      const n = streets.length;
      return {
        value: (r) => {
          const number = 1 + r.below(999);
          return `${number} ${words.STREETS[r.below(n)]}`;
        },
        write: (r, _s, out) => {
          out.piece(QUOTE);
          out.digits(1 + r.below(999));
          out.piece(streets[r.below(n)] as Piece);
        },
      };
    }
    case "street2":
      return numbered("Suite ", (r) => 100 + r.below(900));
    case "currency":
      return choice(context.stripe ? words.CURRENCIES : upper(words.CURRENCIES));
    case "timezone":
      return choice(words.TIMEZONES);
    case "language":
      return choice(words.LANGUAGES);
    case "color":
      return {
        value: (r) => (r.u32() & 0xffffff).toString(16).padStart(6, "0"),
        write: (r, _s, out) => {
          out.piece(QUOTE);
          writeHex(out, r.u32(), 6);
          out.piece(QUOTE);
        },
      };
    case "ip":
      return numbered("203.0.113.", (r) => 1 + r.below(254));
    case "domain":
      return choice(words.WORDS.map((w) => `${w}.example.com`));
    case "path": {
      // The extension is drawn before the word; the record's number sits between them.
      const ne = words.EXTENSIONS.length;
      const nw = words.WORDS.length;
      const open = words.WORDS.map((w) => opening(`${w}-`));
      const close = words.EXTENSIONS.map((e) => closing(`.${e}`));
      return {
        value: (r, s) => {
          const ext = r.below(ne);
          return `${words.WORDS[r.below(nw)]}-${s.index + 1}.${words.EXTENSIONS[ext]}`;
        },
        write: (r, s, out) => {
          const ext = r.below(ne);
          out.piece(open[r.below(nw)] as Piece);
          out.digits(s.index + 1);
          out.piece(close[ext] as Piece);
        },
      };
    }
    case "mimeType":
      return choice(words.MIME_TYPES);
    case "secret":
      return base36s("sk_test_", 2);
    case "token":
      return hexes("", 4);
    case "version":
      return type === "string" ? drawn((r) => `${1 + r.below(3)}.${r.below(10)}.${r.below(10)}`) : drawn((r) => 1 + r.below(20));
    case "sku":
      return numbered("SKU-", (r) => 10_000 + r.below(90_000));
    case "slug":
      return pair(words.WORDS.length, words.WORDS.length, (i, j) => `${words.WORDS[i]}-${words.WORDS[j]}`);
    case "kind":
      return choice(graphql ? upper(words.KINDS) : words.KINDS);
    case "priority":
      return type === "string" ? choice(words.PRIORITIES) : drawn((r) => 1 + r.below(4));
    case "moneyString":
      return drawn((r) => (Math.round(r.next() * r.next() * 500_000) / 100).toFixed(2));
    case "countString":
      return numbered("", (r) => r.below(5));
    case "code":
      return pickThenNumber(upper(words.WORDS), (r) => 10 + r.below(90), "");
    case "numberString":
      return numbered("", (_r, s) => 1001 + s.index);
    case "key":
      return numbered("PRJ-", (_r, s) => s.index + 1);
    case "direction":
      return choice(graphql ? upper(words.DIRECTIONS) : words.DIRECTIONS);
    case "workflowStep":
      return choice(words.WORKFLOW_STEPS);
    case "word":
      return choice(words.WORDS);
    // Numbers: integers stay integers; floats get the precision their field would show.
    case "count":
      return drawn((r) => Math.floor(r.next() * r.next() * 200));
    case "money":
      // Skewed towards small amounts, as real payments are; integers are minor units (cents), floats major ones.
      return integer
        ? drawn((r) => 100 + Math.floor(r.next() * r.next() * 250_000))
        : drawn((r) => Math.round(r.next() * r.next() * 250_000) / 100);
    case "percent":
      return integer ? drawn((r) => r.below(101)) : drawn((r) => Math.round(r.next() * 10_000) / 100);
    case "ratio":
      return integer ? drawn((r) => r.below(101)) : drawn((r) => Math.round(r.next() * 10_000) / 10_000);
    case "sequence":
      return drawn((_r, s) => s.index + 1);
    case "intId":
      return drawn((r) => 10_000_000 + r.below(90_000_000));
    case "bytes":
      return drawn((r) => 1024 + r.below(2_000_000));
    case "pixels":
      return drawn((r) => 64 + r.below(1937));
    case "position":
      return drawn((r) => r.below(100));
    case "duration": {
      const scale = tokens.includes("ms") || tokens.includes("millis") || tokens.includes("milliseconds") ? 1000 : 1;
      return drawn((r) => (30 + r.below(86_400)) * scale);
    }
    case "year":
      return drawn((r) => 2015 + r.below(12));
    case "month":
      return drawn((r) => 1 + r.below(12));
    case "day":
      return drawn((r) => 1 + r.below(28));
    case "hour":
      return drawn((r) => r.below(24));
    case "minute":
      return drawn((r) => r.below(60));
    case "latitude":
      return drawn((r) => Math.round((r.next() * 180 - 90) * 1e6) / 1e6);
    case "longitude":
      return drawn((r) => Math.round((r.next() * 360 - 180) * 1e6) / 1e6);
    case "number":
      return drawn((r) => Math.round(r.next() * 100_000) / 100);
    default:
      return choice(words.WORDS);
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
