// The clients the per-call figures compare, each built by a factory that imports only its own library: a client is
// measured in a process of its own (client-process.mjs), so nothing but what it runs is loaded there.
//
// Every factory gets the same `ctx` and returns a function doing one execute (Stripe customers list, limit 5):
//   ctx.fetch          the fetch to use: the runtime's (loopback server) or stubFetch() (no network)
//   ctx.stubbed        true with stubFetch(): the libraries are handed it; otherwise each uses its default fetch
//   ctx.url            the execute URL;  ctx.baseUrl, ctx.connectorId, ctx.clientId, ctx.clientSecret
//   ctx.token          a bearer for the clients that send their own
//   ctx.ourHeaders     the headers our client sends (read from its onRequest hook by the parent), bearer included
//   ctx.core           a folder with a build of @airbyte-agents/core (its index.js), or undefined for the installed one
import path from "node:path";
import { pathToFileURL } from "node:url";

const BODY = { entity: "customers", action: "list", params: { limit: 5 } };

/** A POST with a bearer and `JSON.parse`, plus the `extra` fetch init being timed. */
const rawFetch = (extra) => (ctx) => async () => {
  const r = await ctx.fetch(ctx.url, {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.token}`, "content-type": "application/json" },
    body: JSON.stringify(BODY),
    ...extra(),
  });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return JSON.parse(await r.text()).result;
};

/** ofetch as a user has it (its default export), or made on the stub fetch. */
async function ofetchOn(ctx) {
  const { createFetch, ofetch } = await import("ofetch");
  return ctx.stubbed ? createFetch({ fetch: ctx.fetch }) : ofetch;
}

const ofetchWith = (options) => async (ctx) => {
  const $fetch = await ofetchOn(ctx);
  const headers = { authorization: `Bearer ${ctx.token}` };
  return async () => (await $fetch(ctx.url, { method: "POST", headers, body: BODY, ...options })).result;
};

export const CLIENTS = {
  "raw fetch": rawFetch(() => ({})),
  // What each of our two fetch settings costs by itself in the runtime's fetch: a per-attempt AbortSignal (our
  // timeout) and redirect: "manual" (credentials never follow a redirect). ofetch without a timeout sets neither.
  "raw fetch + AbortSignal": rawFetch(() => ({ signal: new AbortController().signal })),
  "raw fetch, redirect manual": rawFetch(() => ({ redirect: "manual" })),
  ofetch: ofetchWith({}),
  // Ours always runs each attempt under a timeout (300 s for execute); ofetch does the same with `timeout`.
  "ofetch, 300 s timeout": ofetchWith({ timeout: 300_000 }),
  // ofetch sending exactly what ours sends and reading it as ours does: our headers, redirect: "manual", each call
  // under its own AbortController with a 300 s timer (created and cleared per call, as ours does per attempt), the
  // body parsed with plain JSON.parse. Ours over this row is the cost of the SDK's own code; this row over "ofetch"
  // is the cost of those settings (JSON.parse instead of destr making it cheaper).
  "ofetch, our fetch settings": async (ctx) => {
    const $fetch = await ofetchOn(ctx);
    return async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 300_000);
      try {
        const options = { method: "POST", headers: ctx.ourHeaders, body: BODY, signal: controller.signal, redirect: "manual" };
        return (await $fetch(ctx.url, { ...options, parseResponse: JSON.parse })).result;
      } finally {
        clearTimeout(timer);
      }
    };
  },
  ky: async (ctx) => {
    const { default: ky } = await import("ky");
    const client = ctx.stubbed ? ky.create({ fetch: ctx.fetch, retry: 0 }) : ky.create({ retry: 0 });
    const headers = { authorization: `Bearer ${ctx.token}` };
    return async () => (await client.post(ctx.url, { headers, json: BODY }).json()).result;
  },
  ours: async (ctx) => {
    const entry = ctx.core ? pathToFileURL(path.resolve(ctx.core, "index.js")).href : "@airbyte-agents/core";
    const { createClient } = await import(entry);
    const { baseUrl, clientId, clientSecret, connectorId } = ctx;
    const client = createClient({ baseUrl, clientId, clientSecret, logLevel: "off", ...(ctx.stubbed ? { fetch: ctx.fetch } : {}) });
    const handle = client.workspace().connector({ connectorId });
    return async () => (await handle.execute("customers", "list", { limit: 5 })).data;
  },
};

// Five Stripe-like customers in the execute envelope, and a token that stays valid for the whole run.
const STUB_EXECUTE = JSON.stringify({
  result: Array.from({ length: 5 }, (_, i) => ({
    id: `cus_${i}`,
    object: "customer",
    email: `c${i}@example.com`,
    name: "Customer",
    created: 1,
  })),
  connector_metadata: { has_more: true },
  execution_metadata: {},
});

/** A fetch that answers a constant Response at once: no network, so only each library's own work is left. */
export function stubFetch() {
  const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 6 * 3600 })).toString("base64url");
  const token = JSON.stringify({ access_token: `eyJhbGciOiJub25lIn0.${payload}.signature`, expires_in: 21600, token_type: "Bearer" });
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = url.endsWith("/applications/token") ? token : STUB_EXECUTE;
    return new Response(body, { headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } });
  };
}

/** What stubFetch serves, as the ctx fields the factories read (the stub ignores the host and the bearer). */
export const STUB_TARGET = {
  baseUrl: "http://stub.local",
  url: "http://stub.local/api/v1/integrations/connectors/0afbebfc-3d87-49f9-89b5-80a2e69df480/execute",
  connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df480",
  clientId: "id",
  clientSecret: "secret",
  token: "t",
  records: 5,
};
