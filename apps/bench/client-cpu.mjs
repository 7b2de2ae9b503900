// The clients' own CPU per call, without a network: every client's fetch is a stub that answers a constant
// Response at once, so what is left is each library's work (options, headers, timers, body reading, parsing,
// checks). Steadier than loopback timings on a busy machine, and the figure to optimize against. Interleaved
// rounds, median per call; measured, reported, never asserted.
import { createClient } from "@airbyte-agents/core";
import ky from "ky";
import { createFetch } from "ofetch";
import { median } from "./stats.mjs";

// Five Stripe-like customers in the execute envelope, and a token that stays valid for the whole run.
const EXECUTE = JSON.stringify({
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

function stubFetch() {
  const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 6 * 3600 })).toString("base64url");
  const token = JSON.stringify({ access_token: `eyJhbGciOiJub25lIn0.${payload}.signature`, expires_in: 21600, token_type: "Bearer" });
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = url.endsWith("/applications/token") ? token : EXECUTE;
    return new Response(body, { headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } });
  };
}

export async function measureClientCpu({ rounds, batch, warmup }) {
  const fetch = stubFetch();
  const url = "http://stub.local/api/v1/integrations/connectors/0afbebfc-3d87-49f9-89b5-80a2e69df480/execute";
  const body = { entity: "customers", action: "list", params: { limit: 5 } };
  const headers = { authorization: "Bearer t" };
  const $fetch = createFetch({ fetch });
  const kyStub = ky.create({ fetch, retry: 0 });
  const client = createClient({ baseUrl: "http://stub.local", clientId: "id", clientSecret: "secret", fetch, logLevel: "off" });
  const handle = client.workspace().connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df480" });
  const clients = {
    "fetch + JSON.parse": async () => JSON.parse(await (await fetch(url, { method: "POST", headers, body: JSON.stringify(body) })).text()),
    ofetch: () => $fetch(url, { method: "POST", headers, body }),
    "ofetch, 300 s timeout": () => $fetch(url, { method: "POST", headers, body, timeout: 300_000 }),
    ky: () => kyStub.post(url, { headers, json: body }).json(),
    ours: () => handle.execute("customers", "list", { limit: 5 }),
  };
  const names = Object.keys(clients);
  for (const name of names) for (let i = 0; i < warmup; i++) await clients[name]();
  const perRound = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      const cpu = process.cpuUsage();
      for (let i = 0; i < batch; i++) await clients[name]();
      const used = process.cpuUsage(cpu);
      perRound[name].push((used.user + used.system) / batch);
    }
  }
  const micros = Object.fromEntries(names.map((n) => [n, Math.round(median(perRound[n]) * 10) / 10]));
  const own = (name) => Math.round((micros[name] - micros["fetch + JSON.parse"]) * 10) / 10;
  return {
    how: "stub fetch answering a constant Response (no network); process.cpuUsage around each batch; interleaved rounds; median",
    rounds,
    batch,
    cpuMicrosPerCall: micros,
    ownMicrosPerCall: Object.fromEntries(names.filter((n) => n !== "fetch + JSON.parse").map((n) => [n, own(n)])),
  };
}
