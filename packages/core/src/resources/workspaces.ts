import { checkArgument, checkCallOptions } from "../input/call-options";
import { invalidInput, requireText, requireUuid } from "../input/invalid-input";
import { checkOption, isBoolean, oneOf } from "../input/values";
import { startDeadline } from "../transport/call-deadline";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import { API, type ResourceContext } from "./context";

/**
 * A workspace: the unit that isolates one tenant's connectors and data.
 *
 * @example
 * ```ts
 * const ws: WorkspaceInfo = await airbyte.workspaces.get(id);
 * ```
 */
export interface WorkspaceInfo {
  id: string;
  name: string;
  organizationId: string;
  status: "active" | "inactive" | (string & {});
  cacheEnabled: boolean | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Filters and paging of `workspaces.list()`.
 *
 * @example
 * ```ts
 * await airbyte.workspaces.list({ nameContains: "acme", status: "active", limit: 50 });
 * ```
 */
export interface ListWorkspacesInput {
  nameContains?: string;
  status?: "active" | "inactive";
  /** Page size, 1-100 (default 20). */
  limit?: number;
  cursor?: string;
}

function toWorkspace(w: {
  id: string;
  name: string;
  organization_id: string;
  status: string;
  cache_enabled?: boolean | null;
  created_at: string;
  updated_at: string;
}): WorkspaceInfo {
  return {
    id: w.id,
    name: w.name,
    organizationId: w.organization_id,
    status: w.status,
    cacheEnabled: w.cache_enabled ?? null,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
}

/**
 * Workspace administration (api-notes §3 W1-W5). Needs an application token.
 *
 * @example
 * ```ts
 * for await (const ws of airbyte.workspaces.iterate()) console.log(ws.name);
 * ```
 */
export class Workspaces {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /**
   * One page of workspaces, and the cursor of the next page (`null` on the last).
   *
   * @example
   * ```ts
   * const { data, nextCursor } = await airbyte.workspaces.list({ limit: 100 });
   * ```
   */
  async list(input: ListWorkspacesInput = {}, options: CallOptions = {}): Promise<{ data: WorkspaceInfo[]; nextCursor: string | null }> {
    checkCallOptions("workspaces.list", options);
    checkArgument("workspaces.list", "input", input);
    if (input.nameContains !== undefined) requireText("workspaces.list", "nameContains", input.nameContains);
    if (input.cursor !== undefined) requireText("workspaces.list", "cursor", input.cursor);
    if (input.limit !== undefined && (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > 100)) {
      throw invalidInput("workspaces.list", [{ path: "limit", message: `expected an integer from 1 to 100, got ${input.limit}` }]);
    }
    if (input.status !== undefined && input.status !== "active" && input.status !== "inactive") {
      throw invalidInput("workspaces.list", [
        { path: "status", message: `expected "active" or "inactive", got ${JSON.stringify(input.status)}` },
      ]);
    }
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/workspaces`,
        query: { name_contains: input.nameContains, status: input.status, limit: input.limit, cursor: input.cursor },
        schema: "WorkspaceListResponse",
        reads: { data: "array", "data[].id": "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    // `next` is a URL (api-notes §3 W1); its `cursor` parameter is what the next call needs.
    const nextCursor = data.next ? (new URL(data.next, "http://x").searchParams.get("cursor") ?? null) : null;
    return { data: data.data.map(toWorkspace), nextCursor };
  }

  /**
   * Iterates every workspace across pages.
   *
   * @example
   * ```ts
   * for await (const ws of airbyte.workspaces.iterate({ status: "active" })) console.log(ws.id);
   * ```
   */
  async *iterate(input: Omit<ListWorkspacesInput, "cursor"> = {}, options: CallOptions = {}): AsyncGenerator<WorkspaceInfo> {
    checkCallOptions("workspaces.iterate", options);
    checkArgument("workspaces.iterate", "input", input);
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.list({ ...input, ...(cursor ? { cursor } : {}) }, options);
      yield* page.data;
      if (!page.nextCursor || seen.has(page.nextCursor)) return;
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  /**
   * Finds a workspace by exact, case-sensitive name (as the Python SDK does), or undefined.
   *
   * @example
   * ```ts
   * const acme = await airbyte.workspaces.findByName("acme");
   * ```
   */
  async findByName(name: string, options: CallOptions = {}): Promise<WorkspaceInfo | undefined> {
    checkCallOptions("workspaces.findByName", options);
    requireText("workspaces.findByName", "name", name);
    // Every page of the search counts against one deadline.
    const call = startDeadline(this.#ctx.transport.config, options);
    for await (const ws of this.iterate({ nameContains: name, limit: 100 }, call)) if (ws.name === name) return ws;
    return undefined;
  }

  /**
   * Counts workspaces by status.
   *
   * @example
   * ```ts
   * const { active, total } = await airbyte.workspaces.stats();
   * ```
   */
  async stats(options: CallOptions = {}): Promise<{ active: number; inactive: number; total: number }> {
    checkCallOptions("workspaces.stats", options);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/workspaces/stats`,
        schema: "WorkspaceStatsResponse",
        reads: { active_count: "number", inactive_count: "number", total_count: "number" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return { active: data.active_count, inactive: data.inactive_count, total: data.total_count };
  }

  /**
   * Gets a workspace by id.
   *
   * @example
   * ```ts
   * const ws = await airbyte.workspaces.get(id);
   * ```
   */
  async get(workspaceId: string, options: CallOptions = {}): Promise<WorkspaceInfo> {
    checkCallOptions("workspaces.get", options);
    requireUuid("workspaces.get", "workspaceId", workspaceId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/workspaces/${workspaceId}`,
        schema: "WorkspaceGetResponse",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return toWorkspace(data);
  }

  /**
   * Renames a workspace, (de)activates it, or toggles its cache. Renaming breaks name-keyed calls: keep ids.
   *
   * @example
   * ```ts
   * await airbyte.workspaces.update(id, { status: "inactive" });
   * ```
   */
  async update(
    workspaceId: string,
    input: { name?: string; status?: "active" | "inactive"; cacheEnabled?: boolean },
    options: CallOptions = {},
  ): Promise<WorkspaceInfo> {
    checkCallOptions("workspaces.update", options);
    checkArgument("workspaces.update", "input", input, false);
    checkOption("workspaces.update", input as Record<string, unknown>, "status", '"active" or "inactive"', oneOf(["active", "inactive"]));
    checkOption("workspaces.update", input as Record<string, unknown>, "cacheEnabled", "a boolean", isBoolean);
    requireUuid("workspaces.update", "workspaceId", workspaceId);
    if (input.name !== undefined) requireText("workspaces.update", "name", input.name);
    const body: Record<string, unknown> = {};
    if (input.name !== undefined) body.name = input.name;
    if (input.status !== undefined) body.status = input.status;
    if (input.cacheEnabled !== undefined) body.cache_enabled = input.cacheEnabled;
    const { data } = await this.#ctx.transport.request(
      {
        method: "PUT",
        path: path`/api/v1/workspaces/${workspaceId}`,
        body,
        schema: "WorkspaceUpdateResponse",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return toWorkspace(data);
  }

  /**
   * Deletes a workspace (soft delete; it disappears from lists). `deletedAt` is `null` when a retry found it
   * already gone (an earlier attempt, whose answer was lost, deleted it).
   *
   * @example
   * ```ts
   * const { deletedAt } = await airbyte.workspaces.delete(id);
   * ```
   */
  async delete(workspaceId: string, options: CallOptions = {}): Promise<{ id: string; deletedAt: string | null }> {
    checkCallOptions("workspaces.delete", options);
    requireUuid("workspaces.delete", "workspaceId", workspaceId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "DELETE",
        path: path`/api/v1/workspaces/${workspaceId}`,
        schema: "WorkspaceDeleteResponse",
        reads: { id: "string", deleted_at: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return data === null ? { id: workspaceId, deletedAt: null } : { id: data.id, deletedAt: data.deleted_at };
  }
}
