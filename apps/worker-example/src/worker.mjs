// A Cloudflare Worker using @airbyte-agents/core.
//
// - Credentials come from `env` (secrets/vars: AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_BASE_URL).
// - A client is created per request (cheap), but minted tokens are shared: a module-level memory store (one
//   per isolate) in front of a KV namespace (binding `TOKENS`, shared by every isolate), so most requests
//   mint nothing.
// - POST /api/airbyte/widget-token mints a widget token for your browser app (core's createWidgetTokenHandler),
//   for the origins in ALLOWED_ORIGINS (comma-separated).
// - GET /scenario runs the shared scenario inside the Worker and answers its steps as JSON.
import * as core from "@airbyte-agents/core";
import { createClient, createMemoryTokenStore, createWidgetTokenHandler } from "@airbyte-agents/core";
import { runScenario } from "../../scenario/scenario.mjs";

// One per isolate: survives across requests, never across isolates (KV does that).
const memory = createMemoryTokenStore();

/**
 * A TokenStore that reads memory first, then KV (copying a KV hit into memory), and writes both.
 * KV's `expirationTtl` must be at least 60 seconds.
 *
 * @param {import("@airbyte-agents/core").TokenStore} near
 * @param {KVNamespace} kv
 * @returns {import("@airbyte-agents/core").TokenStore}
 */
export function layeredTokenStore(near, kv) {
  return {
    async get(key) {
      const hit = await near.get(key);
      if (hit && hit.expiresAt > Date.now()) return hit;
      const stored = await kv.get(key, "json");
      if (!stored || typeof stored.token !== "string" || !(stored.expiresAt > Date.now())) return undefined;
      await near.set(key, stored, Math.max(1, Math.floor((stored.expiresAt - Date.now()) / 1000)));
      return stored;
    },
    async set(key, value, ttlSeconds) {
      await near.set(key, value, ttlSeconds);
      await kv.put(key, JSON.stringify(value), { expirationTtl: Math.max(60, Math.ceil(ttlSeconds)) });
    },
    async delete(key) {
      await near.delete?.(key);
      await kv.delete(key);
    },
  };
}

export default {
  /**
   * @param {Request} request
   * @param {{ AIRBYTE_CLIENT_ID: string, AIRBYTE_CLIENT_SECRET: string, AIRBYTE_BASE_URL?: string,
   *           ALLOWED_ORIGINS?: string, TOKENS: KVNamespace }} env
   */
  async fetch(request, env) {
    const url = new URL(request.url);
    const tokenStore = layeredTokenStore(memory, env.TOKENS);

    if (url.pathname === "/api/airbyte/widget-token") {
      const handler = createWidgetTokenHandler({
        client: createClient({ env, tokenStore }), // AIRBYTE_* read from the bindings
        allowedOrigins: (env.ALLOWED_ORIGINS ?? "").split(",").filter(Boolean),
        // Your own auth goes here: which workspace may this user reach? (null = 401)
        resolveWorkspace: (req) => req.headers.get("x-demo-workspace") ?? "default",
      });
      return handler(request);
    }

    if (url.pathname === "/scenario" && request.method === "GET") {
      const steps = await runScenario(core, {
        baseUrl: env.AIRBYTE_BASE_URL,
        clientId: env.AIRBYTE_CLIENT_ID,
        clientSecret: env.AIRBYTE_CLIENT_SECRET,
        tokenStore,
        label: "workerd",
      });
      return Response.json({ runtime: navigator.userAgent, steps }, { status: steps.every((s) => s.ok) ? 200 : 500 });
    }

    return new Response("Not found", { status: 404 });
  },
};
