import type * as v from "valibot";
import { ApiError } from "../errors/classes";
import { checkArgument, checkCallOptions } from "../input/call-options";
import { invalidInput, requireText, requireUuid } from "../input/invalid-input";
import type { OrganizationSchema } from "../schemas/preview";
import { networkError } from "../transport/network-error";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import { API, type ResourceContext } from "./context";

/**
 * An organization: the container above workspaces (api-notes §12). `createdAt` is Unix seconds.
 *
 * @example
 * ```ts
 * const [org]: Organization[] = await airbyte.admin.organizations();
 * ```
 */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  createdAt: number;
}

/**
 * The caller's role in an organization.
 *
 * @example
 * ```ts
 * const { role, isAdmin } = await airbyte.admin.access(orgId);
 * ```
 */
export interface OrganizationAccess {
  role: "owner" | "admin" | "member" | "billing_admin" | (string & {});
  isAdmin: boolean;
  canManageBilling: boolean;
}

const toOrganization = (o: v.InferOutput<typeof OrganizationSchema>): Organization => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  createdAt: o.created_at,
});

/**
 * Organization and membership administration (preview: api-notes §12 paths are this project's own and may be
 * remapped when the hosted API publishes its own).
 *
 * @example
 * ```ts
 * const org = await airbyte.admin.createOrganization({ name: "Acme" });
 * const ws = await airbyte.admin.createWorkspace({ name: "acme-prod", organizationId: org.id });
 * ```
 */
export class Admin {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /**
   * Creates an organization; the caller becomes its owner.
   *
   * @example
   * ```ts
   * const org = await airbyte.admin.createOrganization({ name: "Acme" });
   * ```
   */
  async createOrganization(input: { name: string }, options: CallOptions = {}): Promise<Organization> {
    checkCallOptions("admin.createOrganization", options);
    requireText("admin.createOrganization", "name", input?.name);
    const { data } = await this.#ctx.transport.request(
      {
        method: "POST",
        path: `${API}/organizations`,
        body: { name: input.name },
        schema: "OrganizationSchema",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return toOrganization(data);
  }

  /**
   * The organizations the caller belongs to.
   *
   * @example
   * ```ts
   * const orgs = await airbyte.admin.organizations();
   * ```
   */
  async organizations(options: CallOptions = {}): Promise<Organization[]> {
    checkCallOptions("admin.organizations", options);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/organizations/mine`,
        schema: "OrganizationListSchema",
        reads: { data: "array", "data[].id": "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return data.data.map(toOrganization);
  }

  /**
   * The caller's role in an organization.
   *
   * @example
   * ```ts
   * if ((await airbyte.admin.access(orgId)).isAdmin) showAdminPanel();
   * ```
   */
  async access(organizationId: string, options: CallOptions = {}): Promise<OrganizationAccess> {
    checkCallOptions("admin.access", options);
    requireUuid("admin.access", "organizationId", organizationId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/organizations/${organizationId}/access`,
        schema: "OrganizationAccessSchema",
        reads: { role: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return { role: data.role, isAdmin: data.is_admin, canManageBilling: data.can_manage_billing };
  }

  /**
   * The WorkOS organization id linked to an organization (the `resolveWorkosOrganizationId` of the API docs'
   * organizations page), or `null` when the organization has none. The caller must belong to the organization:
   * any other id is a `PermissionDeniedError`, and an id that is not a UUID a `ValidationError` before any request.
   *
   * @example
   * ```ts
   * const workosId: string | null = await airbyte.admin.resolveWorkosOrganizationId(orgId);
   * if (workosId === null) console.log("This organization signs in without WorkOS");
   * ```
   */
  async resolveWorkosOrganizationId(organizationId: string, options: CallOptions = {}): Promise<string | null> {
    checkCallOptions("admin.resolveWorkosOrganizationId", options);
    requireUuid("admin.resolveWorkosOrganizationId", "organizationId", organizationId);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: path`/api/v1/organizations/${organizationId}/workos`,
        schema: "WorkosOrganizationSchema",
        reads: { workos_organization_id: "string?" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return data.workos_organization_id;
  }

  /**
   * Creates a workspace explicitly (owners and admins only), optionally with an uploaded icon.
   *
   * @example
   * ```ts
   * const ws = await airbyte.admin.createWorkspace({ name: "acme-prod" });
   * ```
   */
  async createWorkspace(
    input: { name: string; organizationId?: string; iconStorageId?: string },
    options: CallOptions = {},
  ): Promise<{ id: string; name: string; slug: string; organizationId: string; organizationName: string; iconUrl: string | null }> {
    checkCallOptions("admin.createWorkspace", options);
    checkArgument("admin.createWorkspace", "input", input, false);
    if (input.iconStorageId !== undefined) requireText("admin.createWorkspace", "iconStorageId", input.iconStorageId);
    requireText("admin.createWorkspace", "name", input?.name);
    if (input.organizationId !== undefined) requireUuid("admin.createWorkspace", "organizationId", input.organizationId);
    const body: Record<string, unknown> = { name: input.name };
    if (input.organizationId !== undefined) body.organization_id = input.organizationId;
    if (input.iconStorageId !== undefined) body.icon_storage_id = input.iconStorageId;
    const { data } = await this.#ctx.transport.request(
      {
        method: "POST",
        path: `${API}/workspaces`,
        body,
        schema: "CreatedWorkspaceSchema",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return {
      id: data.id,
      name: data.name,
      slug: data.slug,
      organizationId: data.organization_id,
      organizationName: data.organization_name,
      iconUrl: data.icon_url,
    };
  }

  /**
   * Uploads a workspace icon and returns the `storageId` to pass to `createWorkspace`.
   *
   * @example
   * ```ts
   * const storageId = await airbyte.admin.uploadWorkspaceIcon(new Blob([png], { type: "image/png" }));
   * ```
   */
  async uploadWorkspaceIcon(image: Blob, options: CallOptions = {}): Promise<string> {
    checkCallOptions("admin.uploadWorkspaceIcon", options);
    if (typeof Blob === "undefined" || !(image instanceof Blob))
      throw invalidInput("admin.uploadWorkspaceIcon", [{ path: "image", message: "expected a Blob (or File)" }]);
    const { data } = await this.#ctx.transport.request(
      {
        method: "POST",
        path: `${API}/workspaces/icon-upload-url`,
        schema: "IconUploadSchema",
        reads: { upload_url: "string", storage_id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    // The upload URL is off baseUrl (presigned storage), so it cannot go through the transport, which sends there
    // only; it still gets a timeout and the SDK's errors (a stalled upload must not hang, a network failure is a
    // ConnectionError). The PUT is a write: a failure after sending leaves its outcome unknown.
    const { config } = this.#ctx.transport;
    const timeoutMs = options.timeout ?? config.longTimeoutMs;
    const timer = AbortSignal.timeout(timeoutMs);
    const request = { method: "PUT", path: new URL(data.upload_url).pathname };
    let response: Response;
    try {
      response = await config.fetch(data.upload_url, {
        method: "PUT",
        body: image,
        headers: { "content-type": image.type || "application/octet-stream" },
        signal: options.signal ? AbortSignal.any([options.signal, timer]) : timer,
      });
    } catch (error) {
      const reason = options.signal?.aborted ? "aborted" : timer.aborted ? "timeout" : undefined;
      throw networkError(error, { reason, request, host: new URL(data.upload_url).host, timeoutMs, write: true, redact: config.redact });
    }
    if (!response.ok) {
      throw ApiError.from({
        status: response.status,
        body: await response.text(),
        headers: response.headers,
        ...request,
        redact: config.redact,
      });
    }
    return data.storage_id;
  }

  /**
   * The caller's default organization and workspace, and everything it can reach.
   *
   * @example
   * ```ts
   * const { organization, workspaces } = await airbyte.admin.navigationState();
   * ```
   */
  async navigationState(
    options: CallOptions = {},
  ): Promise<{ organization: Organization | null; workspaceId: string | null; organizations: Organization[]; workspaceIds: string[] }> {
    checkCallOptions("admin.navigationState", options);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/account/navigation-state`,
        schema: "NavigationStateSchema",
        reads: { organizations: "array", "organizations[].id": "string", workspaces: "array", "workspaces[].id": "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return {
      organization: data.organization ? toOrganization(data.organization) : null,
      workspaceId: data.workspace?.id ?? null,
      organizations: data.organizations.map(toOrganization),
      workspaceIds: data.workspaces.map((w) => w.id),
    };
  }
}
