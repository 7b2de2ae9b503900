import { checkArgument, checkCallOptions } from "../input/call-options";
import { invalidInput, requireObject, requireText, requireUuid } from "../input/invalid-input";
import { path } from "../transport/path";
import type { CallOptions } from "../transport/transport";
import { API, type ResourceContext } from "./context";

/**
 * Organization-level OAuth app credentials for a connector type (api-notes §3 O1-O2). The configuration is
 * write-only: the API never returns it.
 *
 * @example
 * ```ts
 * await airbyte.oauth.set({ connectorType: "HubSpot", configuration: { client_id, client_secret } });
 * ```
 */
export class OAuthCredentials {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /**
   * Creates or replaces the OAuth app credentials of one connector type.
   *
   * @example
   * ```ts
   * const { id } = await airbyte.oauth.set({ definitionId, configuration: { client_id, client_secret } });
   * ```
   */
  async set(
    input: { definitionId?: string; connectorType?: string; configuration: Record<string, unknown> },
    options: CallOptions = {},
  ): Promise<{ id: string; definitionId: string; scopeType: string; createdAt: string; updatedAt: string }> {
    checkCallOptions("oauth.set", options);
    checkArgument("oauth.set", "input", input, false);
    if ((input.definitionId === undefined) === (input.connectorType === undefined)) {
      throw invalidInput("oauth.set", [{ path: "definitionId", message: "give exactly one of definitionId or connectorType" }]);
    }
    requireObject("oauth.set", "configuration", input.configuration, false);
    const body: Record<string, unknown> = { configuration: input.configuration };
    if (input.definitionId !== undefined) body.connector_definition_id = requireUuid("oauth.set", "definitionId", input.definitionId);
    if (input.connectorType !== undefined) body.connector_type = requireText("oauth.set", "connectorType", input.connectorType);
    const { data } = await this.#ctx.transport.request(
      {
        method: "PUT",
        path: `${API}/oauth/credentials`,
        body,
        schema: "OAuthCredentialsResponse",
        reads: { id: "string" },
        auth: this.#ctx.appToken,
      },
      options,
    );
    return {
      id: data.id,
      definitionId: data.connector_definition_id,
      scopeType: data.scope_type,
      createdAt: data.created_at,
      updatedAt: data.updated_at,
    };
  }

  /**
   * Removes the OAuth app credentials of a connector type. Idempotent.
   *
   * @example
   * ```ts
   * await airbyte.oauth.delete("HubSpot");
   * ```
   */
  async delete(connectorType: string, options: CallOptions = {}): Promise<void> {
    checkCallOptions("oauth.delete", options);
    requireText("oauth.delete", "connectorType", connectorType);
    await this.#ctx.transport.request(
      { method: "DELETE", path: path`/api/v1/oauth/credentials/connector_type/${connectorType}`, schema: null, auth: this.#ctx.appToken },
      options,
    );
  }
}
