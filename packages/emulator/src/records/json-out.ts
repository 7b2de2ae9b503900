// A growable buffer of UTF-8 JSON. Generated records are written into it value by value (values.ts), and execute
// answers around them (http/json-bytes.ts), so a page of records goes out without building the records as objects,
// stringifying them, or holding a string of the whole page: all three cost more than writing the bytes.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Strings up to this long are copied character by character; longer ones go through TextEncoder. */
const SHORT = 24;
const NULL_BYTES = encoder.encode("null");

/** Constant JSON text (a key and its colon, punctuation) as bytes, for JsonOut.put. */
export function asciiBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Constant JSON (a key and its colon, a word of a generated record) prepared for JsonOut.piece: a number naming its
 * bytes in one shared pool of little-endian 32-bit words, copied four at a time. A record is mostly such pieces;
 * copying them byte by byte was a third of writing one, and reaching each through objects of its own (an object,
 * a typed array, its store) cost more than the copy: the pool is one array, and equal pieces share their words.
 * The number is `start * 4096 + words * 4 + unused`: `words` 32-bit words from `start`, the last `unused` bytes
 * of the last word not part of it. Pieces of 4,096 bytes or more are never made (a generated value is far shorter).
 */
export type Piece = number;

const MAX_PIECE_WORDS = 1023;
let pool = new Int32Array(1 << 14);
let pooled = 0;
const pieces = new Map<string, Piece>();
/** Interned texts are kept up to this many; past it new pieces still work, only unshared. */
const MAX_INTERNED = 1 << 16;

/** A Piece of JSON text (any characters; UTF-8). */
export function pieceOf(json: string): Piece {
  const known = pieces.get(json);
  if (known !== undefined) return known;
  const bytes = encoder.encode(json);
  const words = Math.ceil(bytes.length / 4);
  if (words > MAX_PIECE_WORDS) throw new RangeError(`a JSON piece of ${bytes.length} bytes is too long`);
  if (pooled + words > pool.length) {
    const grown = new Int32Array(Math.max(pool.length * 2, pooled + words));
    grown.set(pool.subarray(0, pooled));
    pool = grown;
  }
  const padded = new Uint8Array(words * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  const start = pooled;
  for (let i = 0; i < words; i++) pool[pooled++] = view.getInt32(i * 4, true);
  const piece = start * 4096 + words * 4 + (words * 4 - bytes.length);
  if (pieces.size < MAX_INTERNED) pieces.set(json, piece);
  return piece;
}

export class JsonOut {
  bytes: Uint8Array<ArrayBuffer>;
  /** A view of `bytes`, for writing four bytes per step. */
  private view: DataView;
  length = 0;

  constructor(size = 1 << 16) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.length + n, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  /**
   * A prepared piece. Its last word is written whole: the bytes past its length are scratch that the next write
   * overwrites (nothing reads past `length`).
   */
  piece(piece: Piece): void {
    const start = Math.floor(piece / 4096);
    const tail = piece - start * 4096;
    const end = start + (tail >>> 2);
    this.reserve(tail);
    const view = this.view;
    const words = pool;
    let at = this.length;
    for (let i = start; i < end; i++) {
      view.setInt32(at, words[i] as number, true);
      at += 4;
    }
    this.length = at - (tail & 3);
  }

  /** Pre-encoded bytes. */
  put(piece: Uint8Array): void {
    const n = piece.length;
    this.reserve(n);
    const bytes = this.bytes;
    const at = this.length;
    // Keys and punctuation are short: a loop beats TypedArray#set's call for them.
    if (n > 32) bytes.set(piece, at);
    else for (let i = 0; i < n; i++) bytes[at + i] = piece[i] as number;
    this.length = at + n;
  }

  /** A non-negative safe integer, digit by digit (String() and a copy cost more). */
  digits(value: number): void {
    this.reserve(16);
    const bytes = this.bytes;
    let end = this.length;
    let n = value;
    // Most numbers in records have at most ten digits (Unix times, amounts): compare instead of dividing.
    let width =
      n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : n < 1e8 ? 8 : n < 1e9 ? 9 : 10;
    for (let v = Math.floor(n / 1e10); v >= 1; v = Math.floor(v / 10)) width++;
    end += width;
    for (let at = end - 1; at >= this.length; at--) {
      bytes[at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.length = end;
  }

  /** Text that is already JSON (any characters). */
  raw(text: string): void {
    const n = text.length;
    if (n <= SHORT) {
      this.reserve(n * 3);
      const bytes = this.bytes;
      let at = this.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) {
          this.length += encoder.encodeInto(text, bytes.subarray(this.length)).written;
          return;
        }
        bytes[at++] = c;
      }
      this.length = at;
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.reserve(n * 3);
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** A string as JSON.stringify writes it. */
  string(value: string): void {
    const n = value.length;
    this.reserve(n + 2);
    const bytes = this.bytes;
    let at = this.length;
    bytes[at++] = 34;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      // Quotes, backslashes, control characters and anything beyond ASCII: JSON.stringify's own escaping.
      if (c < 0x20 || c >= 0x80 || c === 34 || c === 92) {
        this.raw(JSON.stringify(value));
        return;
      }
      bytes[at++] = c;
    }
    bytes[at++] = 34;
    this.length = at;
  }

  /**
   * Any value as JSON.stringify writes it; false (nothing written) for what JSON.stringify leaves out of an
   * object: undefined, functions, symbols.
   */
  value(value: unknown): boolean {
    switch (typeof value) {
      case "string":
        this.string(value);
        return true;
      case "number":
        if (Number.isInteger(value) && value >= 0 && value <= 1e15) this.digits(value);
        else this.raw(Number.isFinite(value) ? String(value) : "null");
        return true;
      case "boolean":
        this.raw(value ? "true" : "false");
        return true;
      case "undefined":
      case "function":
      case "symbol":
        return false;
      default: {
        if (value === null) {
          this.put(NULL_BYTES);
          return true;
        }
        const text = JSON.stringify(value);
        if (text === undefined) return false;
        this.raw(text);
        return true;
      }
    }
  }

  /** The bytes written, as text (tests, and the slow path of RawJson.toJSON). */
  text(): string {
    return decoder.decode(this.bytes.subarray(0, this.length));
  }
}
