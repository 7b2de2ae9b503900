// The token path. A mint happens inside another call's token step (a cache that has no token asks for one), so it
// must not come back through that call's pipeline: it plans and sends its own attempts, with the client's limits
// and retry policy, and decides only between a retry and a failure. No token source, no refusal to replay, no
// caller's options beyond its signal. Whatever fails here ends the call that needed the token.

import { createAttemptEnv, sendAttempt } from "./attempt";
import { attemptError, retryOrFail } from "./decide";
import type { RequestInfo } from "./hooks";
import { attemptSignal, planCall } from "./plan";
import type { Reads, SchemaName, SchemaOutput } from "./schemas";
import type { Transport } from "./transport";

/**
 * A token request: a POST that writes nothing, so it is safe to repeat on a 5xx or a dropped connection.
 *
 * @example
 * ```ts
 * const spec: MintSpec<"TokenResponse"> = {
 *   path: "/api/v1/account/applications/token",
 *   body: { client_id, client_secret },
 *   schema: "TokenResponse",
 *   reads: { access_token: "string", expires_in: "number" },
 * };
 * ```
 */
export interface MintSpec<S extends SchemaName> {
  path: string;
  body: Record<string, unknown>;
  schema: S;
  reads: Reads;
}

/**
 * Sends a token request on its own path: attempts under the client's timeout, deadline and retry policy, `onRequest`
 * / `onResponse` / `onRetry` / `onError` as for any request. `bearer` is the token that authorizes the mint, when
 * it needs one (a scoped token is minted with the application token); the caller fetched it and handles its
 * refusal.
 *
 * @example
 * ```ts
 * const data = await mint(transport, spec); // { access_token, expires_in, ... }
 * ```
 */
export async function mint<S extends SchemaName>(
  transport: Transport,
  spec: MintSpec<S>,
  options: { bearer?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<SchemaOutput<S>> {
  const { config } = transport;
  // Built per mint, not kept on the transport: a mint is rare (once per token's life), and the transport's type
  // stays free of ofetch's (it is part of the public declarations).
  const env = createAttemptEnv(config);
  const request = { ...spec, method: "POST", idempotent: true } as const;
  const { plan, retry } = planCall(env, request, { signal: options.signal });
  for (let attempt = 0; ; attempt++) {
    const signal = attemptSignal(config, plan, retry);
    let info: RequestInfo = { ...plan.base, attempt, headers: {} };
    try {
      const response = await sendAttempt<SchemaOutput<S>>(env, request, plan, options.bearer, signal, info, (sent) => {
        info = sent;
      });
      return response.data;
    } catch (thrown) {
      await retryOrFail(config, retry, attempt, attemptError(thrown, plan, signal), info);
    } finally {
      signal.cleanup();
    }
  }
}
