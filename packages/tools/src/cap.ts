// The output cap: a result the model reads is at most `maxChars` characters of JSON. A list keeps as many whole
// records as fit, with a note saying how many were cut and how to page on; anything else is cut as text.
import { recordsKeyOf } from "@airbyte-agents/core";
import type { ToolSuccess } from "./types";

/**
 * The default output cap, in characters of JSON: the Python SDK's `DEFAULT_MAX_OUTPUT_CHARS`.
 *
 * @example
 * ```ts
 * connectorTools(ws, "github", { maxOutputChars: 20_000 });
 * ```
 */
export const DEFAULT_MAX_OUTPUT_CHARS = 100_000;

/**
 * The records of a result and how to put a shorter list back in its place, or undefined when it holds no list.
 * With the action's paging rule, a page that is one record (`pageIsRecord`: Amazon Seller Partner's financial
 * events, one object of event lists) holds no list to cut, even when it has a single list of its own.
 *
 * @example
 * ```ts
 * const list = recordsOf({ data: [{ id: 1 }, { id: 2 }], meta: {} });
 * list?.rebuild(list.records.slice(0, 1)); // { data: [{ id: 1 }], meta: {} }
 * recordsOf({ RefundEventList: [{}, {}] }, { pageIsRecord: true }); // undefined
 * ```
 */
export function recordsOf(
  data: unknown,
  paging?: { pageIsRecord?: true | undefined },
): { records: unknown[]; rebuild(kept: unknown[]): unknown } | undefined {
  if (paging?.pageIsRecord) return undefined;
  // Core's rule, as paginate() reads a page: the array itself, a search result's `data`, or a wrapper's one list.
  const key = recordsKeyOf(data);
  if (key === undefined) return undefined;
  if (key === null) return { records: data as unknown[], rebuild: (kept) => kept };
  const object = data as Record<string, unknown>;
  return { records: object[key] as unknown[], rebuild: (kept) => ({ ...object, [key]: kept }) };
}

/**
 * How a tool's input names things, for the notes: the generic tool nests parameters under `params` and takes
 * `select_fields`; a per-action tool takes its parameters at the top level under tool-safe keys (`page_size` for
 * `page[size]`), and no selection.
 *
 * @example
 * ```ts
 * const perAction: InputForm = { param: (name) => (name === "page[size]" ? "page_size" : name), selectFields: false };
 * ```
 */
export interface InputForm {
  param(name: string): string;
  selectFields: boolean;
}

/** The generic tool's input form: `{ entity, action, params, select_fields }`. */
export const GENERIC_FORM: InputForm = { param: (name) => `params.${name}`, selectFields: true };

/**
 * What the cap needs to say how to go on after a cut list.
 *
 * @example
 * ```ts
 * const context: CapContext = { build: (shown) => ({ ok: true, data: rows.slice(0, shown) }), resumesAfterShown: () => false, pageSizeParam: "limit" };
 * ```
 */
export interface CapContext {
  /** The result with `shown` of the records, its `nextPage` computed for that many. */
  build(shown: number): ToolSuccess;
  /** Whether the next page's parameters resume right after the last record shown. */
  resumesAfterShown(shown: number): boolean;
  pageSizeParam: string | undefined;
}

const format = (n: number) => n.toLocaleString("en-US");

function listNote(
  shown: number,
  total: number,
  chars: number,
  max: number,
  context: CapContext,
  form: InputForm,
  hasNext: boolean,
): string {
  const head = `Output cap: ${format(shown)} of ${format(total)} records shown (the whole result was ${format(chars)} characters; the cap is ${format(max)}).`;
  const orSelect = form.selectFields ? " or select_fields" : "";
  const smaller = context.pageSizeParam
    ? ` pass a smaller ${form.param(context.pageSizeParam)} (${Math.max(1, shown)} fits)${orSelect}`
    : form.selectFields
      ? " pass select_fields to return fewer fields"
      : undefined;
  if (context.resumesAfterShown(shown) && hasNext) {
    return `${head} nextPage.params continues right after the last record shown.${smaller ? ` For smaller pages,${smaller}.` : ""}`;
  }
  const rest = total - shown;
  const reach = smaller
    ? `to read them, call again with the same arguments and${smaller}`
    : "this tool has no page size or field selection to reach them, so narrow the call if its parameters allow";
  return `${head} The other ${format(rest)} records of this page are not in this result${hasNext ? ", and nextPage.params starts after them" : ""}: ${reach}.`;
}

/**
 * Cuts a successful result to `maxChars` characters of JSON (see the file's comment). `context` is absent for a
 * result that is not a page of records; `form` is how the tool's input names parameters, for the notes (default: the
 * generic tool's `params.<name>` and `select_fields`).
 *
 * @example
 * ```ts
 * const capped = capResult({ ok: true, data: rows }, 20_000, undefined);
 * if (capped.truncated) console.log(capped.truncated.note);
 * ```
 */
export function capResult(
  full: ToolSuccess,
  maxChars: number,
  context: CapContext | undefined,
  form: InputForm = GENERIC_FORM,
): ToolSuccess {
  const text = JSON.stringify(full);
  if (text === undefined || text.length <= maxChars) return full;
  const list = recordsOf(full.data);
  if (list && context && list.records.length > 0) {
    const total = list.records.length;
    // Whole records, as many as fit with the note: sizes from one stringify per record, then one check of the result.
    const sizes = list.records.map((record) => (JSON.stringify(record) ?? "null").length + 1);
    const attempt = (shown: number) => {
      const result = context.build(shown);
      const note = listNote(shown, total, text.length, maxChars, context, form, result.nextPage !== undefined);
      return { ...result, truncated: { totalChars: text.length, maxChars, recordsShown: shown, recordsTotal: total, note } };
    };
    const envelope = JSON.stringify(attempt(0)).length;
    let shown = 0;
    let length = envelope;
    while (shown < total && length + (sizes[shown] as number) <= maxChars) length += sizes[shown++] as number;
    for (; shown >= 0; shown--) {
      const result = attempt(shown);
      if (JSON.stringify(result).length <= maxChars) return result;
    }
  }
  // Not a list, or even an empty list does not fit: the first characters of the JSON, as text.
  const note = `Output cap: the result was ${format(text.length)} characters of JSON and the cap is ${format(maxChars)}; partial holds its first characters (incomplete JSON). ${form.selectFields ? "Pass select_fields to return fewer fields, or narrow" : "Narrow"} the call.`;
  const { data: _data, nextPage, ...rest } = full;
  const shell: ToolSuccess = { ...rest, data: null, truncated: { totalChars: text.length, maxChars, note }, partial: "" };
  if (nextPage) shell.nextPage = nextPage;
  const room = Math.max(0, maxChars - JSON.stringify(shell).length - 16);
  // Escaping can grow the text inside the JSON string: cut until the whole fits.
  let partial = text.slice(0, room);
  while (partial.length > 0 && JSON.stringify({ ...shell, partial }).length > maxChars)
    partial = partial.slice(0, Math.floor(partial.length * 0.9));
  return { ...shell, partial };
}
