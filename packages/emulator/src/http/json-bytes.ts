// JSON as bytes, built from small pieces. `c.json` makes one string of the whole answer, and a page of 100 Stripe
// customers is 229 KB: a string that size is a large-object allocation for V8 (over 128 KB), and flattening it and
// encoding it to UTF-8 cost more than stringifying did (1-2 ms a page). Here each record is stringified on its own
// and encoded into one byte buffer, so no string ever gets that large. The bytes are exactly JSON.stringify's.

const encoder = new TextEncoder();
/** Pieces are joined into strings of about this many characters before encoding: well under V8's 128 KB limit. */
const FLUSH_AT = 32_768;
/** Objects this deep or deeper are stringified whole (the records themselves sit in arrays above this). */
const MAX_DEPTH = 6;
/** The scratch buffer is kept between answers up to this size; a larger one is let go after use. */
const KEEP_BYTES = 1 << 21;

let scratch = new Uint8Array(1 << 16);

interface Sink {
  bytes: Uint8Array;
  length: number;
  text: string;
}

function flush(sink: Sink): void {
  const text = sink.text;
  if (text.length === 0) return;
  sink.text = "";
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const need = sink.length + text.length * 3;
  if (need > sink.bytes.length) {
    const grown = new Uint8Array(Math.max(need, sink.bytes.length * 2));
    grown.set(sink.bytes.subarray(0, sink.length));
    sink.bytes = grown;
  }
  sink.length += encoder.encodeInto(text, sink.bytes.subarray(sink.length)).written;
}

function put(sink: Sink, piece: string): void {
  sink.text += piece;
  if (sink.text.length >= FLUSH_AT) flush(sink);
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A value JSON.stringify leaves out of an object and writes as null in an array. */
const skipped = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

function write(sink: Sink, value: unknown, depth: number): void {
  if (value === null || typeof value !== "object") {
    put(sink, JSON.stringify(value) ?? "null");
    return;
  }
  if (Array.isArray(value)) {
    put(sink, "[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) put(sink, ",");
      const item = value[i];
      // An array's items (records, mostly) are stringified whole: one native call each.
      put(sink, skipped(item) ? "null" : (JSON.stringify(item) ?? "null"));
    }
    put(sink, "]");
    return;
  }
  // Dates, boxed primitives and anything with toJSON: JSON.stringify knows their rules.
  if (depth >= MAX_DEPTH || !isPlainObject(value) || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    put(sink, JSON.stringify(value) ?? "null");
    return;
  }
  put(sink, "{");
  let first = true;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (skipped(child)) continue;
    put(sink, first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    write(sink, child, depth + 1);
  }
  put(sink, "}");
}

/** `JSON.stringify(value)` as UTF-8 bytes (the same bytes), without building one string of the whole value. */
export function jsonBytes(value: unknown): Uint8Array {
  const sink: Sink = { bytes: scratch, length: 0, text: "" };
  write(sink, value, 0);
  flush(sink);
  // A copy of the exact length: the scratch buffer is reused by the next answer.
  const out = sink.bytes.slice(0, sink.length);
  scratch = sink.bytes.length <= KEEP_BYTES ? sink.bytes : new Uint8Array(1 << 16);
  return out;
}
