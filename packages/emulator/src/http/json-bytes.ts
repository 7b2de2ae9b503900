// JSON as bytes, built from small pieces. `c.json` makes one string of the whole answer, and a page of 100 Stripe
// customers is 229 KB: a string that size is a large-object allocation for V8 (over 128 KB), and flattening it and
// encoding it to UTF-8 cost more than stringifying did (1-2 ms a page). Here each record is stringified on its own,
// or written straight from its generator (RawJson), into one byte buffer. The bytes are exactly JSON.stringify's.
import { JsonOut } from "../records/json-out.js";

/** Objects this deep or deeper are stringified whole (the records themselves sit in arrays above this). */
const MAX_DEPTH = 6;
/** The scratch buffer is kept between answers up to this size; a larger one is let go after use. */
const KEEP_BYTES = 1 << 21;

let scratch = new JsonOut(1 << 16);

/**
 * A value that writes its own JSON (a generated record written without being built, see Dataset.writeAt). It is
 * written when jsonBytes meets it; anything else that serializes it (JSON.stringify, c.json) gets the parsed value
 * from toJSON, so it is never wrong, only slower.
 */
export class RawJson {
  constructor(readonly writeTo: (out: JsonOut) => void) {}
  toJSON(): unknown {
    const out = new JsonOut(4096);
    this.writeTo(out);
    return JSON.parse(out.text());
  }
}

const OPEN_LIST = new Uint8Array([91]);
const CLOSE_LIST = new Uint8Array([93]);
const COMMA = new Uint8Array([44]);
const OPEN_OBJECT = new Uint8Array([123]);
const CLOSE_OBJECT = new Uint8Array([125]);
const NULL = new Uint8Array([110, 117, 108, 108]);

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A value JSON.stringify leaves out of an object and writes as null in an array. */
const skipped = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

function write(out: JsonOut, value: unknown, depth: number): void {
  if (value === null || typeof value !== "object") {
    if (!out.value(value)) out.put(NULL);
    return;
  }
  if (value instanceof RawJson) {
    value.writeTo(out);
    return;
  }
  if (Array.isArray(value)) {
    out.put(OPEN_LIST);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.put(COMMA);
      const item = value[i];
      // An array's items (records, mostly) are stringified whole: one native call each.
      if (item instanceof RawJson) item.writeTo(out);
      else if (skipped(item) || !out.value(item)) out.put(NULL);
    }
    out.put(CLOSE_LIST);
    return;
  }
  // Dates, boxed primitives and anything with toJSON: JSON.stringify knows their rules.
  if (depth >= MAX_DEPTH || !isPlainObject(value) || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    if (!out.value(value)) out.put(NULL);
    return;
  }
  out.put(OPEN_OBJECT);
  let first = true;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (skipped(child)) continue;
    out.raw(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    write(out, child, depth + 1);
  }
  out.put(CLOSE_OBJECT);
}

/**
 * Whether `new Response(view)` copies the view's bytes at once, as the Fetch standard says it must ("extract a
 * body" takes a copy of a BufferSource): then an answer can hand over a view of the scratch buffer, and skip a
 * copy of its own (allocating a few hundred KB costs more than writing them on some machines). Unknown until a
 * probe has answered; until then, and wherever the probe fails, answers get their own copy.
 */
let responseCopies: boolean | undefined;
let probing = false;

function probeResponseCopy(): void {
  if (probing) return;
  probing = true;
  try {
    const bytes = new Uint8Array([1]);
    const response = new Response(bytes);
    bytes[0] = 2;
    response.arrayBuffer().then(
      (body) => {
        responseCopies = new Uint8Array(body)[0] === 1;
      },
      () => {
        responseCopies = false;
      },
    );
  } catch {
    responseCopies = false;
  }
}

function encode(value: unknown): JsonOut {
  const out = scratch;
  out.length = 0;
  write(out, value, 0);
  return out;
}

function release(out: JsonOut): void {
  if (out.bytes.length > KEEP_BYTES) scratch = new JsonOut(1 << 16);
}

/** `JSON.stringify(value)` as UTF-8 bytes (the same bytes), without building one string of the whole value. */
export function jsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const out = encode(value);
  // A copy of the exact length: the scratch buffer is reused by the next answer.
  const bytes = out.bytes.slice(0, out.length);
  release(out);
  return bytes;
}

/** jsonBytes as a Response with `init`; the bytes are copied once, by the Response where it copies (see above). */
export function jsonResponse(value: unknown, init: ResponseInit): Response {
  if (responseCopies !== true) {
    probeResponseCopy();
    return new Response(jsonBytes(value), init);
  }
  const out = encode(value);
  const response = new Response(out.bytes.subarray(0, out.length), init);
  release(out);
  return response;
}
