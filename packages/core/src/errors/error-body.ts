import { formatJsonPath } from "./format";

/**
 * One problem the server reported about one field of the request.
 *
 * @example
 * ```ts
 * const problem: FieldError = { field: "body.allowed_origin", message: "field required", code: "value_error.missing" };
 * ```
 */
export interface FieldError {
  field?: string;
  message: string;
  code?: string;
}

/**
 * What {@link parseErrorBody} found in an error response: the server's message and code when it
 * sent them, the per-field errors, and the body itself (JSON-decoded when it was JSON text).
 *
 * @example
 * ```ts
 * const { message, code, fieldErrors } = parseErrorBody(await response.text());
 * ```
 */
export interface ParsedErrorBody {
  message?: string;
  code?: string;
  fieldErrors: FieldError[];
  body: unknown;
}

const MAX_TEXT_LENGTH = 300;
const MAX_LISTED_FIELDS = 3;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function decode(body: unknown): unknown {
  if (typeof body !== "string") return body;
  const trimmed = body.trim();
  if (trimmed === "") return undefined;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Not JSON after all: a proxy or a crashed server answered; report the text.
    }
  }
  return body;
}

// The text of an HTML page's first <title>. The regex is tried once, where indexOf found the tag (sticky): tried from
// every position, it went over the page again from each `<title` it met (quadratic on a hostile page of them).
function titleOf(body: string): string | undefined {
  const at = body.toLowerCase().indexOf("<title");
  const title = /<title[^>]*>([^<]*)<\/title>/iy;
  title.lastIndex = at;
  return at < 0 ? undefined : title.exec(body)?.[1];
}

// Proxies and gateways answer 502/504 with whole HTML pages; the title is the useful part.
function summarizeText(body: string): string | undefined {
  const title = titleOf(body);
  const plain = /<html|<!doctype/i.test(body) ? (title ?? "") : body;
  const collapsed = plain.replace(/\s+/g, " ").trim();
  if (collapsed === "") return undefined;
  return collapsed.length > MAX_TEXT_LENGTH ? `${collapsed.slice(0, MAX_TEXT_LENGTH)}…` : collapsed;
}

// Covers ApiErrorResponse items ({field, message, error_code}), FastAPI items ({loc, msg, type})
// and the Python SDK's reading order (userPresentableMessage | message | error), api-notes §6.
function toFieldError(item: unknown): FieldError | undefined {
  const plain = text(item);
  if (plain !== undefined) return { message: plain };
  const entry = record(item);
  if (entry === undefined) return undefined;
  const message = text(entry.userPresentableMessage) ?? text(entry.message) ?? text(entry.msg) ?? text(entry.error) ?? text(entry.detail);
  const code = text(entry.error_code) ?? text(entry.code) ?? text(entry.type);
  const field = text(entry.field) ?? (Array.isArray(entry.loc) ? formatJsonPath(entry.loc) : undefined);
  if (message === undefined && code === undefined) return undefined;
  const result: FieldError = { message: message ?? code ?? "" };
  if (field !== undefined && field !== "") result.field = field;
  if (code !== undefined) result.code = code;
  return result;
}

function listFields(fieldErrors: readonly FieldError[]): string | undefined {
  if (fieldErrors.length === 0) return undefined;
  const listed = fieldErrors
    .slice(0, MAX_LISTED_FIELDS)
    .map((error) => (error.field === undefined ? error.message : `${error.field}: ${error.message}`))
    .join("; ");
  const more = fieldErrors.length - MAX_LISTED_FIELDS;
  return more > 0 ? `${listed} (and ${more} more)` : listed;
}

/**
 * Reads every error body shape the API and its proxies produce (api-notes §6): `ApiErrorResponse`
 * `{message, errors[]}`, FastAPI `{detail}` as text or a list, `{errors:[{userPresentableMessage}]}`,
 * `{message}` or `{error}`, and plain text or HTML. It never throws.
 *
 * @example
 * ```ts
 * parseErrorBody({ detail: [{ loc: ["body", "allowed_origin"], msg: "field required", type: "value_error.missing" }] });
 * // { message: "body.allowed_origin: field required", fieldErrors: [...], body: {...} }
 * ```
 */
export function parseErrorBody(raw: unknown): ParsedErrorBody {
  const body = decode(raw);
  if (typeof body === "string") {
    const message = summarizeText(body);
    return message === undefined ? { fieldErrors: [], body } : { message, fieldErrors: [], body };
  }
  const object = record(body);
  const list = Array.isArray(body)
    ? body
    : Array.isArray(object?.errors)
      ? object.errors
      : Array.isArray(object?.detail)
        ? object.detail
        : [];
  const fieldErrors = list.map(toFieldError).filter((error) => error !== undefined);
  const nested = record(object?.error);
  const message =
    text(object?.message) ??
    text(object?.error) ??
    text(nested?.message) ??
    text(object?.detail) ??
    text(object?.title) ??
    listFields(fieldErrors);
  const code =
    list.map((item) => text(record(item)?.error_code)).find((value) => value !== undefined) ??
    text(object?.error_code) ??
    text(object?.code) ??
    text(nested?.code);
  const parsed: ParsedErrorBody = { fieldErrors, body };
  if (message !== undefined) parsed.message = message;
  if (code !== undefined) parsed.code = code;
  return parsed;
}
