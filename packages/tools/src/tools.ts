// The framework-neutral tools: one per connector (entity + action + params) or one per entity and action, and the
// workspace's `ask`. Each validates the model's arguments before anything is sent, runs the call through core and
// answers with a ToolResult; the adapters only wrap these.
import {
  type CallOptions,
  type CatalogAction,
  type ConnectorCatalog,
  type ConnectorHandle,
  type ConnectorSlug,
  describeConnector,
  type ExecuteOptions,
  type ExecutionResult,
  keepCursorField,
  listConnectorTypes,
  nextPageParams,
  pageItems,
  pageSizeAsked,
  type WorkspaceClient,
} from "@airbyte-agents/core";
import { type CapContext, capResult, DEFAULT_MAX_OUTPUT_CHARS, GENERIC_FORM, type InputForm, recordsOf } from "./cap";
import { actionDescription, connectorDescription, DEFAULT_MAX_DESCRIPTION_CHARS } from "./description";
import { failure, toToolFailure } from "./errors";
import { type ActionRule, allowedOperations, allows, isReadAction, READ_ACTIONS } from "./policy";
import { actionInputSchema, connectorInputSchema, toolKeys } from "./schema";
import type { AirbyteTool, ToolCallOptions, ToolFailure, ToolResult, ToolSuccess } from "./types";

/**
 * A connector handle, typed (`ws.connector("stripe")`) or not (`ws.connector({ connectorId })`).
 *
 * @example
 * ```ts
 * const handle: ConnectorLike = ws.connector("stripe");
 * ```
 */
// Not `TypedConnector<ConnectorSlug>`: a handle typed for one slug is not assignable to the handle typed for the union
// of all slugs (its execute returns that slug's records, not `never`), so `connectorTools(ws.connector("stripe"))` did
// not compile. Every typed handle is a ConnectorHandle at run time, whose type names its catalog.
export type ConnectorLike = ConnectorHandle | { readonly type: ConnectorSlug; id(options?: CallOptions): Promise<string> };

/** What the tools call on a handle, untyped (the catalog checks the arguments at run time). */
interface Untyped {
  execute(
    entity: string,
    action: string,
    params?: Record<string, unknown>,
    options?: ExecuteOptions & CallOptions,
  ): Promise<ExecutionResult>;
  download(entity: string, params?: Record<string, unknown>, options?: CallOptions): Promise<ReadableStream<Uint8Array>>;
  get(options?: CallOptions): Promise<{ definitionId: string }>;
  /** The slug a handle was built with (`ws.connector("stripe")`, `{ connectorId, type }`), if any. */
  readonly type?: string | undefined;
}

/**
 * How connector tools are built.
 *
 * @example
 * ```ts
 * await connectorTools(ws, "stripe", { actions: [...READ_ACTIONS, "customers.create"], maxOutputChars: 50_000 });
 * ```
 */
export interface ConnectorToolOptions {
  /** The connector's slug (`"stripe"`), for a handle built from a bare `{ connectorId }`; learned with one GET if absent. */
  type?: string;
  /** The actions the tools may run (default {@link READ_ACTIONS}: reads only). Writes are opt-in: `"all"`, `"create"` or `"customers.create"`. */
  actions?: ActionRule;
  /** Only these entities (default: all of the connector's). */
  entities?: readonly string[];
  /** One tool for the whole connector (default), or one tool per entity and action. */
  mode?: "connector" | "actions";
  /** The tool's name (`mode: "connector"`), or the prefix of each tool's name (`mode: "actions"`); default the slug with `_`. */
  name?: string;
  /** A first line of your own for each description (what this connector is for in your agent). */
  description?: string;
  /** The output cap, in characters of JSON (default 100,000, like the Python SDK). `Infinity` turns it off. */
  maxOutputChars?: number;
  /** The description budget of a whole-connector tool, in characters (default 8,000, about 2,000 tokens). */
  maxDescriptionChars?: number;
  /** Options for every call (timeouts, retries, headers). */
  callOptions?: CallOptions;
}

const TOOL_NAME_MAX = 64;

/** A tool name every framework accepts: letters, digits and `_` (`zendesk-support` is `zendesk_support`), at most 64 characters. */
export function toolName(...parts: string[]): string {
  const name = parts
    .join("_")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (name.length <= TOOL_NAME_MAX) return name;
  // Too long: keep the start and a short hash of the whole, so two long names stay distinct.
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `${name.slice(0, TOOL_NAME_MAX - 8)}_${hash.toString(36).slice(0, 7)}`;
}

const plainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The slug of a handle built without `type`: its definition id, looked up in the SDK's list. */
async function slugOf(handle: Untyped, options: CallOptions): Promise<string> {
  const { definitionId } = await handle.get(options);
  const known = listConnectorTypes().find((c) => c.definitionId === definitionId);
  if (!known)
    throw new TypeError(`connectorTools: the SDK has no catalog for definition ${definitionId}; pass { type } for a published connector`);
  return known.slug;
}

interface Runner {
  handle: Untyped;
  catalog: ConnectorCatalog;
  rule: ActionRule;
  entities: readonly string[] | undefined;
  maxOutputChars: number;
  callOptions: CallOptions;
}

const isWriteAction = (action: unknown) => typeof action === "string" && !isReadAction(action);

/** Checks entity and action against the catalog and the allow-list; a problem is a result, and nothing is sent. */
function checkOperation(runner: Runner, entity: unknown, action: unknown): ToolFailure | CatalogAction {
  const { catalog, rule } = runner;
  const visible = allowedOperations(catalog, "all", runner.entities);
  const allowed = allowedOperations(catalog, rule, runner.entities);
  if (typeof entity !== "string" || entity === "") {
    return failure("invalid_arguments", "entity is required", [
      { field: "entity", message: `expected one of ${allowed.map((e) => e.name).join(", ")}` },
    ]);
  }
  const found = visible.find((e) => e.name === entity);
  if (!found) {
    return failure("invalid_arguments", `${catalog.displayName} has no entity ${JSON.stringify(entity)}`, [
      { field: "entity", message: `unknown entity ${JSON.stringify(entity)}; valid: ${allowed.map((e) => e.name).join(", ")}` },
    ]);
  }
  const permitted = found.actions.filter((a) => allows(rule, entity, a.name)).map((a) => a.name);
  if (typeof action !== "string" || action === "") {
    return failure("invalid_arguments", "action is required", [
      { field: "action", message: `expected one of ${permitted.join(", ") || "(none allowed)"}` },
    ]);
  }
  const spec = found.actions.find((a) => a.name === action);
  if (!spec) {
    return failure("invalid_arguments", `${catalog.displayName} ${entity} has no action ${JSON.stringify(action)}`, [
      {
        field: "action",
        message: `unknown action ${JSON.stringify(action)} for ${entity}; valid: ${permitted.join(", ") || "(none allowed)"}`,
      },
    ]);
  }
  if (!allows(rule, entity, action)) {
    return failure(
      "not_allowed",
      `${entity}.${action} is not enabled for this tool (allowed for ${entity}: ${permitted.join(", ") || "none"}); nothing was sent`,
    );
  }
  return spec;
}

/** Reads a download's bytes up to the cap: the text when it is UTF-8, else base64. */
async function readDownload(stream: ReadableStream<Uint8Array>, maxChars: number): Promise<unknown> {
  const limit = Number.isFinite(maxChars) ? Math.max(0, Math.floor(maxChars * 0.7)) : Number.MAX_SAFE_INTEGER;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      complete = true;
      break;
    }
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) break;
  }
  if (!complete) await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, Math.max(0, bytes.length - offset));
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  // `bytes` is what `content` holds; `complete: false` says the file goes on past the cap.
  const note = complete ? undefined : `the file is larger than the ${bytes.length} bytes shown (the output cap)`;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return { encoding: "utf-8", content: text, bytes: bytes.length, complete, ...(note ? { note } : {}) };
  } catch {
    const room = Math.min(bytes.length, Math.floor((limit * 3) / 4));
    let binary = "";
    for (let i = 0; i < room; i++) binary += String.fromCharCode(bytes[i] as number);
    const cut = !complete || room < bytes.length;
    const base64Note = cut ? `the file is larger than the ${room} bytes shown (the output cap)` : undefined;
    return { encoding: "base64", content: btoa(binary), bytes: room, complete: !cut, ...(base64Note ? { note: base64Note } : {}) };
  }
}

/** Runs one validated operation and shapes its result (paging, output cap), or maps its error. */
async function run(
  runner: Runner,
  entity: string,
  spec: CatalogAction,
  params: Record<string, unknown>,
  selectFields: string[] | undefined,
  options: ToolCallOptions,
  form: InputForm,
): Promise<ToolResult> {
  const callOptions: CallOptions = { ...runner.callOptions, ...(options.signal ? { signal: options.signal } : {}) };
  const write = isWriteAction(spec.name);
  try {
    if (spec.download) {
      const data = await readDownload(await runner.handle.download(entity, params, callOptions), runner.maxOutputChars);
      return capResult({ ok: true, data }, runner.maxOutputChars, undefined, form);
    }
    // A last-id list's next page starts after the last record's id: select_fields without it still gets it.
    const selection = keepCursorField(spec.pagination, selectFields ? { selectFields } : {});
    const result = await runner.handle.execute(entity, spec.name, params, { ...callOptions, ...selection });
    const paging = spec.pagination;
    const list = recordsOf(result.data, paging);
    // The records the next page's parameters are computed from: a one-record page is its one record.
    const pageRecords = list?.records ?? (paging ? pageItems(result.data, paging) : []);
    const param = paging ? spec.params.find((p) => p.name === paging.cursorParam) : undefined;
    const sent = paging ? params[paging.cursorParam] : undefined;
    // Where the meta tells nothing of a next page (Mailchimp), a page as full as asked means another may follow.
    const asked = paging ? pageSizeAsked(paging, params, spec.params) : undefined;
    const build = (shown: number): ToolSuccess => {
      const records = pageRecords;
      const data = list && shown < records.length ? list.rebuild(records.slice(0, shown)) : result.data;
      const success: ToolSuccess = { ok: true, data };
      if (paging) {
        const next = nextPageParams(paging, param, { sent, records, shown, asked, meta: result.meta });
        if (next.params) success.nextPage = { params: next.params };
      }
      if (result.warning) success.warning = result.warning;
      return success;
    };
    const total = pageRecords.length;
    const context: CapContext | undefined = list
      ? {
          build,
          resumesAfterShown: (shown) =>
            paging
              ? nextPageParams(paging, param, { sent, records: list.records, shown, asked, meta: result.meta }).resumesAfterShown
              : false,
          pageSizeParam: paging?.pageSizeParam,
        }
      : undefined;
    return capResult(build(total), runner.maxOutputChars, context, form);
  } catch (err) {
    const mapped = toToolFailure(err, { write });
    if (!mapped) throw err;
    return mapped;
  }
}

/** The `params` argument: an object, or a JSON object in a string (some models send that); undefined is `{}`. */
function paramsFrom(value: unknown): Record<string, unknown> | ToolFailure {
  if (value === undefined || value === null) return {};
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (plainObject(parsed)) return parsed;
    } catch {
      // Falls through to the failure below.
    }
  }
  if (plainObject(value)) return value;
  return failure("invalid_arguments", "params must be an object", [
    { field: "params", message: `expected an object of the action's parameters, got ${Array.isArray(value) ? "an array" : typeof value}` },
  ]);
}

function selectFieldsFrom(value: unknown): string[] | undefined | ToolFailure {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.length > 0 ? value : undefined;
  return failure("invalid_arguments", "select_fields must be a list of field paths", [
    { field: "select_fields", message: "expected an array of strings (dot paths, e.g. id, email)" },
  ]);
}

const isFailure = (value: unknown): value is ToolFailure => plainObject(value) && value.ok === false;

function connectorTool(runner: Runner, name: string, options: ConnectorToolOptions): AirbyteTool {
  const { catalog } = runner;
  const operations = allowedOperations(catalog, runner.rule, runner.entities);
  const actions = [...new Set(operations.flatMap((e) => e.actions.map((a) => a.name)))];
  const writes = actions.filter((a) => !isReadAction(a));
  const { text } = connectorDescription({
    catalog,
    entities: operations,
    writes,
    maxChars: options.maxDescriptionChars ?? DEFAULT_MAX_DESCRIPTION_CHARS,
    preamble: options.description,
  });
  return {
    name,
    description: text,
    inputSchema: connectorInputSchema(
      operations.map((e) => e.name),
      actions,
    ),
    readOnly: writes.length === 0,
    destructive: writes.includes("delete"),
    writes: writes.length > 0,
    target: { kind: "connector", slug: catalog.slug },
    isWrite: (input) => plainObject(input) && isWriteAction(input.action),
    async execute(input, callOptions = {}) {
      if (!plainObject(input)) {
        return failure("invalid_arguments", "the tool takes an object", [
          { field: "", message: 'expected {"entity", "action", "params"}' },
        ]);
      }
      const spec = checkOperation(runner, input.entity, input.action);
      if (isFailure(spec)) return spec;
      const params = paramsFrom(input.params);
      if (isFailure(params)) return params;
      const selectFields = selectFieldsFrom(input.select_fields);
      if (isFailure(selectFields)) return selectFields;
      return run(runner, input.entity as string, spec, params, selectFields, callOptions, GENERIC_FORM);
    },
  };
}

/** An object's keys renamed by a map; keys the map lacks stay as they are. */
const renameKeys = (value: Record<string, unknown>, names: ReadonlyMap<string, string>) =>
  Object.fromEntries(Object.entries(value).map(([key, v]) => [names.get(key) ?? key, v]));

function actionTool(runner: Runner, prefix: string, entity: string, spec: CatalogAction, options: ConnectorToolOptions): AirbyteTool {
  const write = !isReadAction(spec.name);
  // The schema's keys are tool-safe forms of the parameter names (`page[cursor]` -> `page_cursor`): the call maps
  // them back, and the next page's parameters forward, so a model only ever sees the keys the schema declares.
  const toKey = toolKeys(spec);
  const toName = new Map([...toKey].map(([name, key]) => [key, name]));
  const form: InputForm = { param: (name) => toKey.get(name) ?? name, selectFields: false };
  return {
    name: toolName(prefix, entity, spec.name),
    description: actionDescription(runner.catalog, entity, spec, options.description),
    inputSchema: actionInputSchema(spec),
    readOnly: !write,
    destructive: spec.name === "delete",
    writes: write,
    target: { kind: "connector", slug: runner.catalog.slug, entity, action: spec.name },
    isWrite: () => write,
    async execute(input, callOptions = {}) {
      const params = paramsFrom(input);
      if (isFailure(params)) return params;
      const result = await run(runner, entity, spec, renameKeys(params, toName), undefined, callOptions, form);
      if (result.ok && result.nextPage) result.nextPage = { params: renameKeys(result.nextPage.params, toKey) };
      if (!result.ok && result.error.issues) {
        // The input is the parameters themselves: a refusal names the key the model sent (`page_size`).
        const field = (path: string) => (path.startsWith("params.") ? form.param(path.slice("params.".length)) : path);
        result.error.issues = result.error.issues.map((issue) => ({ ...issue, field: field(issue.field) }));
      }
      return result;
    },
  };
}

/**
 * Tools for one connector: by default one tool that takes `{ entity, action, params }`, its description generated
 * from the connector's catalog; with `mode: "actions"`, one tool per entity and action, each with the action's
 * parameters as its input schema. Reads only unless `actions` allows writes. Pass a workspace and a slug (or
 * `{ connectorId, type }`), or a handle you already hold.
 *
 * @example
 * ```ts
 * const ws = createClient().workspace("acme");
 * const [stripe] = await connectorTools(ws, "stripe");
 * const result = await stripe.execute({ entity: "customers", action: "list", params: { limit: 5 } });
 *
 * const githubTools = await connectorTools(ws.connector({ connectorId, type: "github" }), { mode: "actions" });
 * ```
 */
export async function connectorTools(
  workspace: WorkspaceClient,
  connector: string | { connectorId: string; type: string },
  options?: ConnectorToolOptions,
): Promise<AirbyteTool[]>;
export async function connectorTools(handle: ConnectorLike, options?: ConnectorToolOptions): Promise<AirbyteTool[]>;
export async function connectorTools(
  first: WorkspaceClient | ConnectorLike,
  second?: string | { connectorId: string; type: string } | ConnectorToolOptions,
  third?: ConnectorToolOptions,
): Promise<AirbyteTool[]> {
  const byRef = typeof second === "string" || (plainObject(second) && typeof second.connectorId === "string");
  const options: ConnectorToolOptions = (byRef ? third : (second as ConnectorToolOptions | undefined)) ?? {};
  let handle: Untyped;
  let slug = options.type;
  if (byRef) {
    const ref = second as string | { connectorId: string; type: string };
    handle = (first as WorkspaceClient).connector(ref as string) as unknown as Untyped;
    slug ??= typeof ref === "string" ? ref : ref.type;
  } else {
    handle = first as unknown as Untyped;
  }
  // A handle that knows its type needs no lookup; only a bare { connectorId } asks the connector.
  slug ??= handle.type ?? (await slugOf(handle, options.callOptions ?? {}));
  const catalog = await describeConnector(slug);
  return toolsFor(handle, catalog, options);
}

function toolsFor(handle: Untyped, catalog: ConnectorCatalog, options: ConnectorToolOptions): AirbyteTool[] {
  const runner: Runner = {
    handle,
    catalog,
    rule: options.actions ?? READ_ACTIONS,
    entities: options.entities,
    maxOutputChars: options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS,
    callOptions: options.callOptions ?? {},
  };
  const base = options.name ?? toolName(catalog.slug);
  if (options.mode === "actions") {
    return allowedOperations(catalog, runner.rule, runner.entities).flatMap((entity) =>
      entity.actions.map((action) => actionTool(runner, base, entity.name, action, options)),
    );
  }
  return [connectorTool(runner, toolName(base), options)];
}

/**
 * Options of the workspace's `ask` tool.
 *
 * @example
 * ```ts
 * askTool(ws, { name: "ask_crm", maxOutputChars: 20_000 });
 * ```
 */
export interface AskToolOptions {
  /** Default `airbyte_ask`. */
  name?: string;
  description?: string;
  maxOutputChars?: number;
  callOptions?: CallOptions;
}

/**
 * The workspace-level `ask` tool (preview API): a natural-language question answered across the workspace's
 * connectors, with the operations that answered it.
 *
 * @example
 * ```ts
 * const ask = askTool(ws);
 * const result = await ask.execute({ question: "How many open GitHub issues do we have?" });
 * ```
 */
export function askTool(workspace: WorkspaceClient, options: AskToolOptions = {}): AirbyteTool {
  const maxOutputChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
  return {
    name: options.name ?? "airbyte_ask",
    description:
      options.description ??
      `Ask a question in plain language across every connector of the Airbyte workspace "${workspace.name}" (for example "list my 5 most recent Stripe customers"). Answers with the answer and the operations that produced it. Reads only. Prefer a connector's own tool for exact queries.`,
    inputSchema: {
      type: "object",
      properties: { question: { type: "string", description: "The question, in plain language." } },
      required: ["question"],
      additionalProperties: false,
    },
    readOnly: true,
    destructive: false,
    writes: false,
    target: { kind: "ask" },
    isWrite: () => false,
    async execute(input, callOptions = {}) {
      const question = plainObject(input) ? input.question : undefined;
      if (typeof question !== "string" || question.trim() === "") {
        return failure("invalid_arguments", "question is required", [{ field: "question", message: "expected a non-empty string" }]);
      }
      try {
        const answer = await workspace.ask(question, {
          ...options.callOptions,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        });
        if (answer.outcome !== "success") {
          return failure("no_answer", answer.outcomeReason ?? "the workspace could not answer this question");
        }
        const results = answer.results.map(({ entity, action, params, data }) => ({ entity, action, params, data }));
        // ask takes a question, no selection: its note says only to narrow the call.
        return capResult({ ok: true, data: { answer: answer.answer, results } }, maxOutputChars, undefined, {
          param: (n) => n,
          selectFields: false,
        });
      } catch (err) {
        const mapped = toToolFailure(err, { write: false });
        if (!mapped) throw err;
        return mapped;
      }
    },
  };
}

/**
 * Options of {@link workspaceTools}: the connector options for every connector (or per slug), which connectors,
 * and the `ask` tool.
 *
 * @example
 * ```ts
 * await workspaceTools(ws, { only: ["stripe", "github"], actions: { stripe: "all" }, ask: false });
 * ```
 */
export interface WorkspaceToolOptions extends Omit<ConnectorToolOptions, "type" | "name" | "actions" | "entities"> {
  /** Only the workspace's connectors of these slugs (default: every connector the SDK has a catalog for). */
  only?: readonly string[];
  /** The allow-list, for every connector or per slug (`{ stripe: [...READ_ACTIONS, "customers.create"] }`); default reads only. */
  actions?: ActionRule | Record<string, ActionRule>;
  /** Include the workspace's `ask` tool (default true). */
  ask?: boolean | AskToolOptions;
}

/**
 * Tools for every connector of a workspace (one request: the connector list), named by slug (`stripe`,
 * `zendesk_support`; a second connector of the same type gets its name appended), plus the `ask` tool. Connectors
 * the SDK has no catalog for are left out.
 *
 * @example
 * ```ts
 * const tools = await workspaceTools(createClient().workspace("acme"));
 * console.log(tools.map((t) => t.name)); // ["github", "stripe", "linear", "zendesk_support", "airbyte_ask"]
 * ```
 */
export async function workspaceTools(workspace: WorkspaceClient, options: WorkspaceToolOptions = {}): Promise<AirbyteTool[]> {
  const known = listConnectorTypes();
  const connectors = (await workspace.connectors.list({}, options.callOptions ?? {}))
    .map((c) => ({ ...c, slug: known.find((k) => k.definitionId === c.definitionId)?.slug }))
    .filter((c): c is typeof c & { slug: string } => c.slug !== undefined && (options.only === undefined || options.only.includes(c.slug)));
  const counts = new Map<string, number>();
  for (const c of connectors) counts.set(c.slug, (counts.get(c.slug) ?? 0) + 1);
  const tools: AirbyteTool[] = [];
  const names = new Set<string>();
  const catalogs = new Map<string, Promise<ConnectorCatalog>>();
  for (const c of connectors) {
    let name = toolName(c.slug);
    if ((counts.get(c.slug) ?? 0) > 1) name = toolName(c.slug, c.name);
    while (names.has(name)) name = toolName(name, c.id.slice(0, 8));
    names.add(name);
    const rule = options.actions;
    const actions: ActionRule | undefined =
      rule === undefined || rule === "all" || Array.isArray(rule)
        ? (rule as ActionRule | undefined)
        : (rule as Record<string, ActionRule>)[c.slug];
    if (!catalogs.has(c.slug)) catalogs.set(c.slug, describeConnector(c.slug));
    const catalog = await (catalogs.get(c.slug) as Promise<ConnectorCatalog>);
    const handle = workspace.connector({ connectorId: c.id, type: c.slug }) as unknown as Untyped;
    const description =
      options.description ??
      ((counts.get(c.slug) ?? 0) > 1 ? `The ${catalog.displayName} connector named ${JSON.stringify(c.name)}.` : undefined);
    const { only: _only, ask: _ask, actions: _actions, ...shared } = options;
    tools.push(
      ...toolsFor(handle, catalog, {
        ...shared,
        name,
        ...(actions !== undefined ? { actions } : {}),
        ...(description !== undefined ? { description } : {}),
      }),
    );
  }
  if (options.ask !== false)
    tools.push(
      askTool(
        workspace,
        options.ask === true || options.ask === undefined
          ? { ...(options.callOptions ? { callOptions: options.callOptions } : {}) }
          : options.ask,
      ),
    );
  return tools;
}
