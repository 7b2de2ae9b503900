import { originProblem } from "../auth/origin";
import { scopedExpiry } from "../auth/scoped-expiry";
import { decodeWidgetToken } from "../auth/widget-token";
import { checkArgument, checkCallOptions } from "../input/call-options";
import { describeValue } from "../input/describe";
import { invalidInput, requireText } from "../input/invalid-input";
import { widgetTokenFieldProblem } from "../input/widget-token-fields";
import type { CallOptions } from "../transport/transport";
import { API, type ResourceContext } from "./context";

// Decoding lives with the browser-side token code, which must not import this module's minting calls.
export { decodeWidgetToken };

/**
 * A minted token and when it expires.
 *
 * @example
 * ```ts
 * const { token, expiresAt } = await airbyte.tokens.scoped({ workspaceName: "acme" });
 * ```
 */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Input of {@link Tokens.widget}. `allowedOrigin` is the exact browser origin that will use the token.
 *
 * @example
 * ```ts
 * const input: WidgetTokenInput = { workspaceName: user.tenantId, allowedOrigin: "https://app.example.com" };
 * ```
 */
export interface WidgetTokenInput {
  workspaceName: string;
  allowedOrigin: string;
  regionId?: string;
  sourceTemplateTags?: string[];
  sourceTemplateTagsMode?: "any" | "all";
  connectionTemplateTags?: string[];
  connectionTemplateTagsMode?: "any" | "all";
}

/**
 * A widget token: the opaque `token` to hand to the browser, plus what it decodes to.
 *
 * @example
 * ```ts
 * const widget = await airbyte.tokens.widget({ workspaceName: "acme", allowedOrigin: "http://localhost:5173" });
 * return Response.json({ token: widget.token, expiresAt: widget.expiresAt });
 * ```
 */
export interface WidgetToken extends IssuedToken {
  widgetUrl: string;
  workspaceId: string | undefined;
}

/**
 * The workspace a scoped token is bound to.
 *
 * @example
 * ```ts
 * const info: ScopedTokenInfo = await airbyte.tokens.info(scopedToken);
 * ```
 */
export interface ScopedTokenInfo {
  organizationId: string;
  workspaceId: string;
  workspaceName: string;
}

/**
 * Token minting: application, scoped and widget tokens (api-notes §2). Needs the client credentials.
 *
 * @example
 * ```ts
 * const scoped = await airbyte.tokens.scoped({ workspaceName: "acme" });
 * ```
 */
export class Tokens {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /**
   * The application token the client uses, from the cache when it is still fresh.
   *
   * @example
   * ```ts
   * const { token, expiresAt } = await airbyte.tokens.application();
   * ```
   */
  async application(options: CallOptions = {}): Promise<IssuedToken> {
    checkCallOptions("tokens.application", options);
    const token = await this.#ctx.appToken.get(options.signal);
    const entry = await this.#ctx.appToken.peek();
    return { token, expiresAt: new Date(entry?.token === token ? entry.expiresAt : scopedExpiry(token, Date.now())) };
  }

  /**
   * A scoped token for one workspace (creating the workspace if it is new). Safe to give to end users.
   *
   * @example
   * ```ts
   * const { token } = await airbyte.tokens.scoped({ workspaceName: "acme" });
   * ```
   */
  async scoped(input: { workspaceName: string; regionId?: string }, options: CallOptions = {}): Promise<IssuedToken> {
    checkCallOptions("tokens.scoped", options);
    checkArgument("tokens.scoped", "input", input, false);
    if (input.regionId !== undefined) requireText("tokens.scoped", "regionId", input.regionId);
    requireText("tokens.scoped", "workspaceName", input?.workspaceName);
    const token = await this.#ctx.scopedToken(input.workspaceName).get(options.signal);
    return { token, expiresAt: new Date(scopedExpiry(token, Date.now())) };
  }

  /**
   * Which workspace a scoped token belongs to (api-notes §3 A3).
   *
   * @example
   * ```ts
   * const { workspaceName } = await airbyte.tokens.info(token);
   * ```
   */
  async info(scopedToken: string, options: CallOptions = {}): Promise<ScopedTokenInfo> {
    checkCallOptions("tokens.info", options);
    requireText("tokens.info", "scopedToken", scopedToken);
    const { data } = await this.#ctx.transport.request(
      {
        method: "GET",
        path: `${API}/account/applications/scoped-token/info`,
        schema: "ScopedTokenInfoGetResponse",
        reads: { workspace_id: "string" },
        auth: { get: async () => scopedToken, invalidate: () => undefined },
      },
      options,
    );
    return { organizationId: data.organization_id, workspaceId: data.workspace_id, workspaceName: data.workspace_name };
  }

  /**
   * A widget token for a browser at `allowedOrigin` (api-notes §7). The origin is checked here first:
   * scheme, host and optional port only.
   *
   * @example
   * ```ts
   * const widget = await airbyte.tokens.widget({ workspaceName: "acme", allowedOrigin: "https://app.example.com" });
   * ```
   */
  async widget(input: WidgetTokenInput, options: CallOptions = {}): Promise<WidgetToken> {
    checkCallOptions("tokens.widget", options);
    checkArgument("tokens.widget", "input", input, false);
    const bad = widgetTokenFieldProblem(input as unknown as Record<string, unknown>);
    if (bad)
      throw invalidInput("tokens.widget", [{ path: bad.field, message: `expected ${bad.expected}, got ${describeValue(bad.value)}` }]);
    requireText("tokens.widget", "workspaceName", input?.workspaceName);
    requireText("tokens.widget", "allowedOrigin", input.allowedOrigin);
    const problem = originProblem(input.allowedOrigin);
    if (problem)
      throw invalidInput("tokens.widget", [
        { path: "allowedOrigin", message: `${JSON.stringify(input.allowedOrigin)} is not a valid origin: ${problem}` },
      ]);
    const body: Record<string, unknown> = { workspace_name: input.workspaceName, allowed_origin: input.allowedOrigin };
    if (input.regionId !== undefined) body.region_id = input.regionId;
    if (input.sourceTemplateTags !== undefined) body.selected_source_template_tags = input.sourceTemplateTags;
    if (input.sourceTemplateTagsMode !== undefined) body.selected_source_template_tags_mode = input.sourceTemplateTagsMode;
    if (input.connectionTemplateTags !== undefined) body.selected_connection_template_tags = input.connectionTemplateTags;
    if (input.connectionTemplateTagsMode !== undefined) body.selected_connection_template_tags_mode = input.connectionTemplateTagsMode;
    const mintedAt = Date.now();
    const { data } = await this.#ctx.transport.request(
      {
        method: "POST",
        path: `${API}/account/applications/widget-token`,
        body,
        schema: "WidgetTokenCreateResponse",
        reads: { token: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    const decoded = decodeWidgetToken(data.token);
    return {
      token: data.token,
      widgetUrl: decoded.widgetUrl,
      workspaceId: new URL(decoded.widgetUrl).searchParams.get("workspaceId") ?? undefined,
      expiresAt: new Date(scopedExpiry(decoded.token, mintedAt)),
    };
  }
}
