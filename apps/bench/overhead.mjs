// Per-call overhead over a fixed loopback server (fixed-server.mjs, in a child process): raw fetch, ofetch, ky and
// our client make the same execute call; rounds interleave them (each client does a batch, the order rotating every
// round) after a warm-up, and each client's figure is the median of its per-round mean.
import { createClient } from "@airbyte-agents/core";
import ky from "ky";
import { ofetch } from "ofetch";
import { startChild } from "./child.mjs";
import { median } from "./stats.mjs";

export async function measureOverhead({ rounds, batch, warmup }) {
  const fixed = await startChild("fixed");
  try {
    const url = `${fixed.url}/api/v1/integrations/connectors/${fixed.connectorId}/execute`;
    const body = { entity: "customers", action: "list", params: { limit: 5 } };
    const token = JSON.parse(
      await (
        await fetch(`${fixed.url}/api/v1/account/applications/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ client_id: fixed.clientId, client_secret: fixed.clientSecret }),
        })
      ).text(),
    ).access_token;
    const headers = { authorization: `Bearer ${token}` };
    const client = createClient({ baseUrl: fixed.url, clientId: fixed.clientId, clientSecret: fixed.clientSecret, logLevel: "off" });
    const handle = client.workspace().connector({ connectorId: fixed.connectorId });
    const ourHeaders = await headersOurClientSends(fixed, token);
    // A bare POST with `JSON.parse`, plus whatever `extra` fetch init is being timed.
    const rawFetch = async (extra) => {
      const r = await fetch(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
        ...extra,
      });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return JSON.parse(await r.text()).result;
    };
    const clients = {
      "raw fetch": () => rawFetch({}),
      // What each of our two fetch settings costs by itself in the runtime's fetch: a per-attempt AbortSignal (our
      // timeout) and redirect: "manual" (credentials never follow a redirect). ofetch without a timeout sets neither.
      "raw fetch + AbortSignal": () => rawFetch({ signal: new AbortController().signal }),
      "raw fetch, redirect manual": () => rawFetch({ redirect: "manual" }),
      ofetch: async () => (await ofetch(url, { method: "POST", headers, body })).result,
      // Ours always runs each attempt under a timeout (300 s for execute); ofetch does the same with `timeout`.
      "ofetch, 300 s timeout": async () => (await ofetch(url, { method: "POST", headers, body, timeout: 300_000 })).result,
      // ofetch sending exactly what ours sends and reading it as ours does: our headers, redirect: "manual", each
      // call under its own AbortController with a 300 s timer (created and cleared per call, as ours does per
      // attempt), the body parsed with plain JSON.parse. Ours over this row is the cost of the SDK's own code; this
      // row over "ofetch" is the cost of those settings (JSON.parse instead of destr making it cheaper).
      "ofetch, our fetch settings": async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 300_000);
        try {
          return (
            await ofetch(url, {
              method: "POST",
              headers: ourHeaders,
              body,
              signal: controller.signal,
              redirect: "manual",
              parseResponse: JSON.parse,
            })
          ).result;
        } finally {
          clearTimeout(timer);
        }
      },
      ky: async () => (await ky.post(url, { headers, json: body, retry: 0 }).json()).result,
      ours: async () => (await handle.execute("customers", "list", { limit: 5 })).data,
    };
    const names = Object.keys(clients);
    // Every client must get the five records (our client's validation passed).
    for (const name of names) {
      const records = await clients[name]();
      if (!Array.isArray(records) || records.length !== fixed.records) throw new Error(`${name}: expected ${fixed.records} records`);
    }
    for (const name of names) for (let i = 0; i < warmup; i++) await clients[name]();
    const perRound = Object.fromEntries(names.map((n) => [n, { wall: [], cpu: [] }]));
    for (let round = 0; round < rounds; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        const fn = clients[name];
        const cpu = process.cpuUsage();
        const start = performance.now();
        for (let i = 0; i < batch; i++) await fn();
        const wall = performance.now() - start;
        const used = process.cpuUsage(cpu);
        perRound[name].wall.push(wall / batch);
        perRound[name].cpu.push((used.user + used.system) / 1000 / batch);
      }
    }
    const per = Object.fromEntries(
      names.map((n) => [
        n,
        {
          medianMsPerCall: round3(median(perRound[n].wall)),
          minMsPerCall: round3(Math.min(...perRound[n].wall)),
          maxMsPerCall: round3(Math.max(...perRound[n].wall)),
          cpuMsPerCall: round3(median(perRound[n].cpu)),
        },
      ]),
    );
    const ratio = (a, b) => Math.round((per[a].medianMsPerCall / per[b].medianMsPerCall) * 1000) / 1000;
    const cpuRatio = (a, b) => Math.round((per[a].cpuMsPerCall / per[b].cpuMsPerCall) * 1000) / 1000;
    return {
      server: "fixed loopback node:http server in a child process, constant bodies",
      executeResponseBytes: fixed.executeBytes,
      recordsPerCall: fixed.records,
      rounds,
      batch,
      warmup,
      callsPerClient: rounds * batch,
      clients: per,
      ratios: {
        oursOverOfetch: ratio("ours", "ofetch"),
        oursOverOfetchWithTimeout: ratio("ours", "ofetch, 300 s timeout"),
        oursOverRawFetch: ratio("ours", "raw fetch"),
        oursOverOfetchSameSettings: ratio("ours", "ofetch, our fetch settings"),
        ourSettingsOverOfetch: ratio("ofetch, our fetch settings", "ofetch"),
        kyOverOfetch: ratio("ky", "ofetch"),
        signalOverRawFetch: ratio("raw fetch + AbortSignal", "raw fetch"),
        redirectManualOverRawFetch: ratio("raw fetch, redirect manual", "raw fetch"),
        cpuSignalOverRawFetch: cpuRatio("raw fetch + AbortSignal", "raw fetch"),
        cpuRedirectManualOverRawFetch: cpuRatio("raw fetch, redirect manual", "raw fetch"),
        cpuOursOverOfetch: cpuRatio("ours", "ofetch"),
        cpuOursOverOfetchWithTimeout: cpuRatio("ours", "ofetch, 300 s timeout"),
        cpuOursOverRawFetch: cpuRatio("ours", "raw fetch"),
        cpuOursOverOfetchSameSettings: cpuRatio("ours", "ofetch, our fetch settings"),
      },
      targets: { oursOverOfetch: 1.05, oursOverRawFetch: 1.15 },
    };
  } finally {
    await fixed.stop();
  }
}

/**
 * The headers our client sends on an execute, read from a client of its own through the `onRequest` hook (whose
 * payload is redacted), with the bearer put back: the "ofetch, our fetch settings" row sends the same set.
 */
async function headersOurClientSends(fixed, token) {
  let seen;
  const probe = createClient({
    baseUrl: fixed.url,
    clientId: fixed.clientId,
    clientSecret: fixed.clientSecret,
    logLevel: "off",
    hooks: {
      onRequest: (info) => {
        if (info.path.endsWith("/execute")) seen = info.headers;
      },
    },
  });
  await probe.workspace().connector({ connectorId: fixed.connectorId }).execute("customers", "list", { limit: 5 });
  if (!seen?.authorization) throw new Error("the probe client's onRequest hook did not see the execute headers");
  return { ...seen, authorization: `Bearer ${token}` };
}

function round3(n) {
  return Math.round(n * 1000) / 1000;
}
