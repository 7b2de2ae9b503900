// Per-call overhead over a fixed loopback server (fixed-server.mjs, in a child process): raw fetch, ofetch, ky and
// our client make the same execute call, each client in processes of its own taking turns (client-process.mjs):
// interleaved rounds (each client does a batch, the order rotating every round) after a warm-up; each process's
// figure is the median of its batches' per-call means, each client's the median over its processes.
import { createClient } from "@airbyte-agents/core";
import { startChild } from "./child.mjs";
import { measureInProcesses } from "./client-process.mjs";
import { ratioInterval } from "./stats.mjs";

// Each row a client of call-clients.mjs, under the name the report has always used.
const ROWS = [
  "raw fetch",
  "raw fetch + AbortSignal",
  "raw fetch, redirect manual",
  "ofetch",
  "ofetch, 300 s timeout",
  "ofetch, our fetch settings",
  "ky",
  "ours",
];

/**
 * Starts the fixed loopback server in a child process and calls `fn(target, fixed)` with the target every client
 * factory of call-clients.mjs reads (URL, credentials, a bearer, the headers ours sends); stops the server after.
 */
export async function withFixedTarget(fn) {
  const fixed = await startChild("fixed");
  try {
    const minted = await fetch(`${fixed.url}/api/v1/account/applications/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: fixed.clientId, client_secret: fixed.clientSecret }),
    });
    const token = JSON.parse(await minted.text()).access_token;
    const target = {
      url: `${fixed.url}/api/v1/integrations/connectors/${fixed.connectorId}/execute`,
      baseUrl: fixed.url,
      connectorId: fixed.connectorId,
      clientId: fixed.clientId,
      clientSecret: fixed.clientSecret,
      token,
      ourHeaders: await headersOurClientSends(fixed, token),
      records: fixed.records,
    };
    return await fn(target, fixed);
  } finally {
    await fixed.stop();
  }
}

export function measureOverhead({ rounds, batch, warmup, processes = 1 }) {
  return withFixedTarget(async (target, fixed) => {
    const measured = await measureInProcesses(Object.fromEntries(ROWS.map((name) => [name, { client: name }])), target, {
      rounds,
      batch,
      warmup,
      processes,
    });
    const per = Object.fromEntries(
      ROWS.map((n) => [
        n,
        {
          medianMsPerCall: round3(measured[n].medianWall),
          minMsPerCall: round3(Math.min(...measured[n].wall)),
          maxMsPerCall: round3(Math.max(...measured[n].wall)),
          cpuMsPerCall: round3(measured[n].medianCpu),
          msPerCallByProcess: measured[n].byProcess.map((r) => round3(r.wall)),
        },
      ]),
    );
    const ratio = (a, b) => Math.round((per[a].medianMsPerCall / per[b].medianMsPerCall) * 1000) / 1000;
    const cpuRatio = (a, b) => Math.round((per[a].cpuMsPerCall / per[b].cpuMsPerCall) * 1000) / 1000;
    // How far the headline ratios can be trusted: resampled over each client's processes (stats.mjs).
    const interval = (a, b, figure) =>
      ratioInterval(
        measured[a].byProcess.map((r) => r[figure]),
        measured[b].byProcess.map((r) => r[figure]),
      )?.map(round3);
    return {
      server: "fixed loopback node:http server in a child process, constant bodies",
      isolation: `each client in ${processes} process(es) of its own, forked, importing only its library; one process runs at a time`,
      processesPerClient: processes,
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
      intervals: {
        how: "90 % interval of each ratio of medians, resampling each client's per-process figures (percentile bootstrap, stats.mjs ratioInterval)",
        oursOverOfetch: interval("ours", "ofetch", "wall"),
        oursOverRawFetch: interval("ours", "raw fetch", "wall"),
        oursOverOfetchSameSettings: interval("ours", "ofetch, our fetch settings", "wall"),
        cpuOursOverOfetch: interval("ours", "ofetch", "cpu"),
      },
      targets: { oursOverOfetch: 1.05, oursOverRawFetch: 1.15 },
    };
  });
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
