import type { RuntimeCatalog } from "../connectors/catalog-types";
import { loadConnectorRuntime } from "../connectors/load-runtime";
import { isNotFoundError } from "../errors/guards";
import { checkArgument, checkCallOptions } from "../input/call-options";
import { invalidInput, optionalStrings, requireObject, requireText, requireUuid } from "../input/invalid-input";
import { checkOption, isBoolean } from "../input/values";
import { startDeadline } from "../transport/call-deadline";
import { path } from "../transport/path";
import { serializeBody } from "../transport/serialize";
import type { CallOptions } from "../transport/transport";
import type { Connector, ConnectorCheck, UpdateConnectorInput } from "./connector-types";
import { Connectors, connectorExtras } from "./connectors";
import type { ExecuteOptions, ExecutionResult } from "./execution-result";
import { createPageIterator, type PageIterator, pageItems } from "./page-iterator";
import { normalizePageMeta, type PageMeta } from "./pagination";
import type { WorkspaceScope } from "./workspace-scope";

/**
 * Which connector a handle points at: a slug resolved on first use (through its definition id), or an id, with
 * the connector's slug as `type` when you want the typed handle and local validation.
 *
 * @example
 * ```ts
 * ws.connector("stripe");
 * ws.connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df485" });
 * ws.connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df485", type: "stripe" });
 * ```
 */
export type ConnectorRef = string | { connectorId: string; type?: string };

/**
 * Options of `paginate()`: execute options; `startCursor`, to resume where an earlier page left off (its
 * `meta.cursor`); and, for connectors the SDK has no catalog for, the parameter that carries the cursor (default
 * `cursor`). Published connectors send their own (`starting_after` for Stripe, `after` for GitHub) without being told.
 * Where the next page starts after the last record's id, a `selectFields` or `excludeFields` that leaves `id` out
 * keeps it (see `keepCursorField`), so the listing goes on to the end.
 *
 * @example
 * ```ts
 * myCrm.paginate("contacts", "list", { limit: 50 }, { cursorParam: "page_token" });
 * stripe.paginate("customers", "list", { limit: 100 }, { startCursor: page.meta.cursor ?? undefined });
 * ```
 */
export interface PaginateOptions extends ExecuteOptions, CallOptions {
  cursorParam?: string;
  /**
   * Start at this cursor (a page's `meta.cursor`, from an earlier call or another process) instead of the first
   * page. It is sent in the parameter the connector's spec names, as the spec types it (a page number as a number):
   * a `{ connectorId }` handle learns its connector's type first (once per client).
   */
  startCursor?: string;
}

/**
 * A handle on one connector: run operations on it. Cheap to create; a slug is resolved on first use and
 * then remembered.
 *
 * @example
 * ```ts
 * const stripe = airbyte.workspace("acme").connector("stripe");
 * const { data } = await stripe.execute("customers", "list", { limit: 10 });
 * ```
 */
export class ConnectorHandle {
  readonly #scope: WorkspaceScope;
  readonly #ref: ConnectorRef;
  /** The slug the catalog is looked up by: the ref itself, or `type` next to a connector id. */
  readonly #type: string | undefined;
  #id: string | undefined;

  constructor(scope: WorkspaceScope, ref: ConnectorRef) {
    this.#scope = scope;
    if (typeof ref === "string") requireText("connector", "slug", ref);
    else {
      requireUuid("connector", "connectorId", ref?.connectorId);
      if (ref.type !== undefined) requireText("connector", "type", ref.type);
    }
    this.#ref = ref;
    this.#type = typeof ref === "string" ? ref : ref.type;
    this.#id = typeof ref === "string" ? undefined : ref.connectorId;
  }

  /**
   * The connector's slug as this handle was given it: `"stripe"` for `ws.connector("stripe")`, the `type` of
   * `ws.connector({ connectorId, type: "stripe" })`, `undefined` for `{ connectorId }` alone. It is what the handle
   * looks the connector's catalog up by (local validation, paging); a typed handle types it as its slug. A handle made
   * from a name other than a slug has that name here: the connector's real type is `(await handle.get()).connectorType`.
   *
   * @example
   * ```ts
   * ws.connector("stripe").type; // "stripe"
   * ws.connector({ connectorId, type: "github" }).type; // "github"
   * ws.connector({ connectorId }).type; // undefined
   * ```
   */
  get type(): string | undefined {
    return this.#type;
  }

  /** The connector's catalog (generated from its spec), or undefined for connectors the SDK does not know. */
  #catalog(): Promise<RuntimeCatalog | undefined> {
    const type = this.#type;
    return type === undefined ? Promise.resolve(undefined) : loadConnectorRuntime().then((runtime) => runtime.loadCatalog(type));
  }

  /**
   * The catalog of a `{ connectorId }` handle without `type`, from the kind of connector its id is: known from a
   * list or get of this client, else learned with one GET per client, whatever the number of handles (a React
   * infinite query makes one per page). Only paging asks for it, once its first page is in (the spec says whether
   * another is due): execute sends nothing extra. A type the SDK has no catalog for pages by the generic rule; a failure to learn
   * (the GET, or the catalog's chunk) is the page's own error, since a guessed rule would send the wrong cursor, and
   * is not kept: the next page asks again.
   */
  #catalogOfConnector(options: CallOptions): Promise<RuntimeCatalog | undefined> {
    const scope = this.#scope;
    const id = this.#id as string;
    const { signal, ...shared } = options;
    const learn = async () => {
      const { connectorType, definitionId } = await new Connectors(scope).get(id, shared);
      return { type: connectorType, definitionId };
    };
    return scope.ctx.connectorIds.kindOf(id, learn, signal).then(async (kind) => {
      const catalog = await (await loadConnectorRuntime()).loadCatalog(kind.type ?? "");
      return catalog?.definitionId === kind.definitionId ? catalog : undefined;
    });
  }

  /**
   * The connector's id, resolving the slug if needed (a `ConnectorResolutionError` when it matches none or several).
   *
   * @example
   * ```ts
   * const id = await ws.connector("github").id();
   * ```
   */
  async id(options: CallOptions = {}): Promise<string> {
    checkCallOptions("connector.id", options);
    if (this.#id !== undefined) return this.#id;
    // A slug is resolved once per client and workspace, whatever the number of handles and concurrent calls.
    const scope = this.#scope;
    const slug = this.#ref as string;
    const { signal, ...shared } = options;
    const id = await scope.ctx.connectorIds.resolve(
      scope.name,
      slug,
      async () => (await new Connectors(scope).resolve(slug, shared)).id,
      signal,
    );
    // A handle keeps the connector it resolved, even when another of the same type appears later; new handles ask again.
    this.#id = id;
    return id;
  }

  /**
   * A 404 for the connector's id means it is gone: what the client knew of the id is forgotten, and a handle made
   * from a slug resolves it again on its next call.
   */
  #forgetIfGone(error: unknown): never {
    if (!isNotFoundError(error)) throw error;
    // Any handle's 404 for the id also forgets the slugs resolved to it: `connector("stripe")` must not keep it.
    if (this.#id !== undefined) this.#scope.ctx.connectorIds.forgetKind(this.#id, this.#scope.name);
    if (typeof this.#ref === "string") {
      this.#id = undefined;
      this.#scope.ctx.connectorIds.forget(this.#scope.name, this.#ref);
    }
    throw error;
  }

  /**
   * Runs one operation (`entity` + `action` + `params`, api-notes §5) and returns the normalised result.
   * Reads (list, get, search, api_search, context_store_search) are retried on transient failures; writes
   * only when the server refused them with 429, unless `retryWrites` is set. For a published connector, entity,
   * action and params are checked against its spec first: a mistake is a `ValidationError` naming the field and
   * the valid choices, and nothing is sent.
   *
   * @example
   * ```ts
   * const issues = await github.execute("issues", "list", { owner: "acme", repo: "app", limit: 20 });
   * const created = await stripe.execute("customers", "create", { email: "ada@example.com" });
   * ```
   */
  async execute<T = unknown>(
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: ExecuteOptions & CallOptions = {},
  ): Promise<ExecutionResult<T>> {
    checkCallOptions("execute", options);
    checkOption("execute", options as Record<string, unknown>, "skipTruncation", "a boolean", isBoolean);
    const what = "execute";
    requireText(what, "entity", entity);
    requireText(what, "action", action);
    requireObject(what, "params", params, false);
    const selectFields = optionalStrings(what, "selectFields", options.selectFields);
    const excludeFields = optionalStrings(what, "excludeFields", options.excludeFields);
    if (action === "download")
      throw invalidInput(what, [{ path: "action", message: 'use download() for the "download" action: it streams bytes' }]);
    // A slug lookup and the execute share one deadline.
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    // Awaited only when there is something to wait for: an untyped handle with a known id goes straight to the request.
    if (this.#type !== undefined) {
      const catalog = await this.#catalog();
      if (catalog) (await loadConnectorRuntime()).validateOperation(catalog, what, entity, action, params);
    }
    // A slug is looked up before the body is built: params JSON cannot hold must fail before that lookup is sent.
    // A slug the client already resolved sends no lookup, so its params are serialized once, with the body.
    const scope = this.#scope;
    const name = scope.knownName ? scope.knownName() : scope.name;
    const lookupDue =
      this.#id === undefined && (name === undefined || scope.ctx.connectorIds.known(name, this.#ref as string) === undefined);
    if (lookupDue) serializeBody({ params }, { method: "POST", path: `/api/v1/integrations/connectors/${this.#ref}/execute` });
    const id = this.#id ?? (await this.id(call));
    const body: Record<string, unknown> = { entity, action, params };
    if (selectFields) body.select_fields = selectFields;
    if (excludeFields) body.exclude_fields = excludeFields;
    if (options.skipTruncation !== undefined) body.skip_truncation = options.skipTruncation;
    const response = await this.#scope.ctx.transport
      .request(
        {
          method: "POST",
          path: path`/api/v1/integrations/connectors/${id}/execute`,
          body,
          schema: "ConnectorExecuteResponse",
          reads: { result: "unknown" },
          auth: this.#scope.auth,
          executeAction: action,
          long: true,
        },
        call,
      )
      .catch((error: unknown) => this.#forgetIfGone(error));
    const envelope = response.data as typeof response.data & { warning?: unknown };
    const result = envelope.result;
    // Search results carry their paging in result.meta, with connector_metadata null (api-notes §5).
    const searchMeta =
      envelope.connector_metadata == null && result && typeof result === "object" && !Array.isArray(result)
        ? (result as { meta?: unknown }).meta
        : undefined;
    return {
      data: result as T,
      meta: pageMetaOf(envelope.connector_metadata ?? searchMeta ?? null, result),
      warning: envelope.warning && typeof envelope.warning === "object" ? (envelope.warning as Record<string, unknown>) : undefined,
      requestId: response.requestId,
      executionTimeMs: envelope.execution_metadata?.execution_time_ms,
    };
  }

  /**
   * Iterates every item of a paginated operation, sending each page's cursor back until the last page, in the
   * parameter the connector's spec names for it (Stripe `starting_after`, GitHub `after`, Google Drive `pageToken`).
   *
   * @example
   * ```ts
   * for await (const customer of stripe.paginate("customers", "list", { limit: 100 })) console.log(customer.id);
   * ```
   */
  paginate<T = unknown>(
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: PaginateOptions = {},
  ): PageIterator<T> {
    checkCallOptions("paginate", options);
    requireText("paginate", "entity", entity);
    requireText("paginate", "action", action);
    requireObject("paginate", "params", params, false);
    if (options.cursorParam !== undefined) requireText("paginate", "cursorParam", options.cursorParam);
    if (options.startCursor !== undefined) requireText("paginate", "startCursor", options.startCursor);
    // Checked here too, not only by each page's execute: the paging rule reads them before page one.
    optionalStrings("paginate", "selectFields", options.selectFields);
    optionalStrings("paginate", "excludeFields", options.excludeFields);
    const actionOf = (catalog: RuntimeCatalog | undefined) =>
      catalog?.entities.find((e) => e.name === entity)?.actions.find((a) => a.name === action);
    let spec = this.#catalog().then(actionOf);
    // A `{ connectorId }` handle learns its type once its first page is in, so that the spec says whether another is
    // due and its cursor follows the spec. Kept only once learned: a failure is that page's error, and iterating again asks again.
    const learnType = async (pageOptions: CallOptions) => {
      if (options.cursorParam === undefined && this.#type === undefined && !(await spec))
        spec = Promise.resolve(actionOf(await this.#catalogOfConnector(pageOptions)));
    };
    const fetchPage = async (cursor: string | undefined) => {
      // Each page is a call of its own, with its own deadline: the type lookup before or after it counts against it.
      const pageOptions = startDeadline(this.#scope.ctx.transport.config, options);
      const runtime = await loadConnectorRuntime();
      // A selection that may leave out the record field a last-id cursor reads (`id`, Typeform's `token`) needs the
      // paging rule from the first page on, which keeps that field.
      const selects = options.selectFields !== undefined || options.excludeFields !== undefined;
      if (cursor !== undefined || selects) await learnType(pageOptions);
      const known = runtime.pagingFor(await spec);
      const cursorParam = options.cursorParam ?? known?.cursorParam ?? "cursor";
      const sent = cursor === undefined ? params[cursorParam] : runtime.cursorValue(known, cursor);
      const asked = cursor === undefined ? params : { ...params, [cursorParam]: sent };
      const page = await this.execute(
        entity,
        action,
        asked,
        options.cursorParam === undefined ? runtime.keepCursorField(known, pageOptions) : pageOptions,
      );
      if (options.cursorParam !== undefined) return page;
      // Whether a next page is due is the spec's to say (Typeform's page_count, PayPal's total_pages): the generic
      // reading of the meta may see none where the spec's rule does.
      await learnType(pageOptions);
      const described = await spec;
      const paging = runtime.pagingFor(described);
      if (!paging) return page;
      // The spec says where the next page starts (meta cursor, last id, page number or offset): see next-page.ts.
      const param = described?.params?.find((p) => p.name === paging.cursorParam);
      const from = cursor === undefined ? params[paging.cursorParam] : sent;
      const items = pageItems(page.data, paging);
      const size = runtime.pageSizeAsked(paging, params, described?.params);
      const { hasNextPage, cursor: next } = runtime.nextPage(paging, param, from, items, page.meta, items.length, size);
      return { ...page, data: items, meta: { ...page.meta, hasNextPage, cursor: next } };
    };
    return createPageIterator<T>(fetchPage, options.startCursor, (why, cursor) =>
      this.#scope.ctx.logger.warn(
        why === "cursor"
          ? "pagination stopped: the connector returned a cursor it had already returned"
          : "pagination stopped: the connector answered the same page again",
        { entity, action, cursorLength: cursor.length },
      ),
    );
  }

  /**
   * Downloads a file as a byte stream (the `download` action). The API answers an unknown file with an
   * empty 200; that becomes a `NotFoundError` here instead of an empty file (api-notes §5).
   *
   * @example
   * ```ts
   * const stream = await zendesk.download("attachments", { attachment_id: "123" });
   * await stream.pipeTo(Writable.toWeb(fs.createWriteStream("file.bin")));
   * ```
   */
  async download(entity: string, params: Record<string, unknown> = {}, options: CallOptions = {}): Promise<ReadableStream<Uint8Array>> {
    checkCallOptions("download", options);
    requireText("download", "entity", entity);
    requireObject("download", "params", params, false);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    const catalog = await this.#catalog();
    if (catalog) (await loadConnectorRuntime()).validateOperation(catalog, "download", entity, "download", params);
    const id = await this.id(call);
    const requestPath = path`/api/v1/integrations/connectors/${id}/execute`;
    const response = await this.#scope.ctx.transport
      .request<null, ReadableStream<Uint8Array> | null>(
        {
          method: "POST",
          path: requestPath,
          body: { entity, action: "download", params },
          schema: null,
          auth: this.#scope.auth,
          executeAction: "download",
          long: true,
          responseType: "stream",
        },
        call,
      )
      .catch((error: unknown) => this.#forgetIfGone(error));
    return (await connectorExtras()).downloadStream(response.data, { path: requestPath, entity, params, requestId: response.requestId });
  }

  /**
   * Gets the connector.
   *
   * @example
   * ```ts
   * const { name, connectorType } = await ws.connector("github").get();
   * ```
   */
  async get(options: CallOptions = {}): Promise<Connector> {
    checkCallOptions("connector.get", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    return new Connectors(this.#scope).get(await this.id(call), call);
  }

  /**
   * Updates the connector (needs an application token).
   *
   * @example
   * ```ts
   * await ws.connector("github").update({ name: "Main GitHub" });
   * ```
   */
  async update(input: UpdateConnectorInput, options: CallOptions = {}): Promise<Connector> {
    checkCallOptions("connector.update", options);
    checkArgument("connector.update", "input", input, false);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    return new Connectors(this.#scope).update(await this.id(call), input, call);
  }

  /**
   * Deletes the connector (`jobId` is `null` when a retry found it already deleted).
   *
   * @example
   * ```ts
   * await ws.connector({ connectorId }).delete();
   * ```
   */
  async delete(options: CallOptions = {}): Promise<{ jobId: string | null }> {
    checkCallOptions("connector.delete", options);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    return new Connectors(this.#scope).delete(await this.id(call), call);
  }

  /**
   * Checks the connector's stored configuration against the source. With an application token this is the check
   * endpoint; with a scoped or widget token (which that endpoint refuses), it runs the spec's preferred check
   * operation with the smallest page instead, as the Python SDK does, and reports `succeeded` or `failed`.
   *
   * @example
   * ```ts
   * const { status, errorMessage } = await ws.connector("stripe").check();
   * ```
   */
  async check(changes: UpdateConnectorInput = {}, options: CallOptions = {}): Promise<ConnectorCheck> {
    checkCallOptions("connector.check", options);
    checkArgument("connector.check", "changes", changes);
    const call = startDeadline(this.#scope.ctx.transport.config, options);
    const id = await this.id(call);
    const catalog = this.#scope.scoped ? await this.#catalog() : undefined;
    const probe = catalog && (await loadConnectorRuntime()).checkOperation(catalog);
    if (!probe) return new Connectors(this.#scope).check({ ...changes, connectorId: id }, call);
    return (await connectorExtras()).probeCheck(id, probe, () => this.execute(probe.entity, probe.action, probe.params, call));
  }
}

/**
 * The page metadata of one result. Stripe-style metadata says only `has_more`: then the next page starts after the
 * last item's id (Stripe's `starting_after`), so that id is the cursor, for `paginate()` and every other caller alike.
 */
function pageMetaOf(raw: unknown, result: unknown): PageMeta {
  const meta = normalizePageMeta(raw);
  if (!meta.hasNextPage || meta.cursor !== null) return meta;
  const id = pageItems<{ id?: unknown }>(result).at(-1)?.id;
  return typeof id === "string" || typeof id === "number" ? { ...meta, cursor: String(id) } : meta;
}
