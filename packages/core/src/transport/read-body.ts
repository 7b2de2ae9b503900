import { AirbyteError } from "../errors/classes";
import { formatRequestMessage } from "../errors/format";
import { readWithin } from "./read-within";

/**
 * The default cap on a response body: generous for any page of records, small enough that a runaway
 * response cannot exhaust a Worker's 128 MB.
 *
 * @example
 * ```ts
 * createClient({ maxResponseBytes: 4 * DEFAULT_MAX_RESPONSE_BYTES }); // 256 MB for a bulk export
 * ```
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 64 * 1024 * 1024;

interface Request {
  method: string;
  path: string;
}

/**
 * The error for a body over the limit. `write`: the request was a write whose status arrived, so it may have been
 * applied (a 2xx says it was), and the error says so.
 */
function tooLarge(request: Request, status: number, limit: number, redact: (text: string) => string, write = false): AirbyteError {
  return new AirbyteError(
    formatRequestMessage(
      { ...request, status },
      `The response is larger than maxResponseBytes (${limit} bytes); ask for smaller pages or raise the option`,
    ),
    { ...request, status, code: "response_too_large", retryable: false, redact, mayHaveSucceeded: write },
  );
}

/**
 * Reads a response body to text without ever holding more than `limit` bytes: a declared
 * `Content-Length` over the limit fails before reading, and a body that grows past it (inflated, when it was
 * compressed) is cancelled. `write`: the error says the write may have been applied (see {@link tooLarge}).
 * A read that breaks rejects with the runtime's own error, for the caller to classify.
 *
 * @example
 * ```ts
 * const text = await readBodyText(response, { method: "GET", path }, DEFAULT_MAX_RESPONSE_BYTES, redact);
 * ```
 */
export async function readBodyText(
  response: { status: number; headers: Headers; body: ReadableStream<Uint8Array> | null },
  request: Request,
  limit: number,
  redact: (text: string) => string,
  write = false,
): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(request, response.status, limit, redact, write);
  }
  if (!response.body) return "";
  // Always counted as it is read: a compressed body's Content-Length is its compressed size (2 KB of gzip can
  // inflate to 2 MB), and a browser may hide Content-Encoding, so no declared length vouches for what the stream
  // holds. The bytes are decoded once, at the end: a streaming `decode(chunk, { stream: true })` took Node 24 about
  // 30 µs more per 10 KB answer than one decode of the whole (as fast as response.text()).
  const chunks: Uint8Array[] = [];
  let size = 0;
  const within = await readWithin(response.body, limit, (chunk) => {
    chunks.push(chunk);
    size += chunk.byteLength;
  });
  if (!within) throw tooLarge(request, response.status, limit, redact, write);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Parses a body read by {@link readBodyText}: `undefined` for an empty body, the JSON value, or
 * `{ text }` when the body is not JSON (an HTML error page, a truncated answer), so the caller decides
 * whether that is an error. Plain `JSON.parse`: no second scan of the text.
 *
 * @example
 * ```ts
 * const parsed = parseBody(await readBodyText(response, request, limit, redact));
 * if (parsed.kind === "text") console.warn("not JSON:", parsed.text.slice(0, 80));
 * ```
 */
export function parseBody(text: string): { kind: "empty" } | { kind: "json"; value: unknown } | { kind: "text"; text: string } {
  // A regex stops at the first non-space; trim() would copy a whole page to find out.
  if (!/\S/.test(text)) return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    return { kind: "text", text };
  }
}
