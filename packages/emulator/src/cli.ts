#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { FaultConfig } from "./faults.js";
import { createEmulator } from "./node.js";

const HELP = `airbyte-agents-emulator: a local Airbyte Agents API

Usage: airbyte-agents-emulator [options]

  --port <n>            Port to listen on (default 8787; 0 picks a free one)
  --host <addr>         Interface to bind (default 127.0.0.1)
  --client-id <id>      Demo application client id (default airbyte-demo-client)
  --client-secret <s>   Demo application client secret (default airbyte-demo-secret)
  --token-ttl <sec>     Application token lifetime in seconds (default 900)
  --scoped-token-ttl <sec>  Scoped and widget token lifetime (default 1200)
  --seed <value>        Seed for ids and generated records (default airbyte-agents)
  --no-demo             Start without the demo workspace and connectors
  --control             Serve the /_emulator control endpoints
  --faults <json|@file> Fault configuration, e.g. '{"errorRate":0.1}' or @faults.json
  --records <n>         Records per entity (default 57)
  --record-count <connector.entity=n>  Records for one entity, repeatable (e.g. stripe.customers=100000)
  --public-url <url>    Base URL used in widget and pagination links
  -h, --help            Show this help
`;

function fail(message: string): never {
  process.stderr.write(`airbyte-agents-emulator: ${message}\n\n${HELP}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "token-ttl": { type: "string" },
      "scoped-token-ttl": { type: "string" },
      seed: { type: "string" },
      "no-demo": { type: "boolean" },
      control: { type: "boolean" },
      faults: { type: "string" },
      records: { type: "string" },
      "record-count": { type: "string", multiple: true },
      "public-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
} catch (error) {
  fail((error as Error).message);
}
const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

let faults: FaultConfig | undefined;
if (typeof values.faults === "string") {
  try {
    const text = values.faults.startsWith("@") ? readFileSync(values.faults.slice(1), "utf8") : values.faults;
    faults = JSON.parse(text) as FaultConfig;
  } catch (error) {
    fail(`--faults is not valid JSON: ${(error as Error).message}`);
  }
}

const recordCounts: Record<string, number> = {};
for (const entry of (values["record-count"] as string[] | undefined) ?? []) {
  const match = /^([\w-]+\.[\w-]+)=(\d+)$/.exec(entry);
  if (!match) fail(`--record-count expects connector.entity=n, got '${entry}'`);
  recordCounts[match[1] as string] = Number(match[2]);
}

const options = {
  port: integer("port", values.port as string | undefined) ?? 8787,
  hostname: (values.host as string | undefined) ?? "127.0.0.1",
  ...(values["client-id"] ? { clientId: values["client-id"] as string } : {}),
  ...(values["client-secret"] ? { clientSecret: values["client-secret"] as string } : {}),
  ...(values["token-ttl"] ? { tokenTtlSeconds: integer("token-ttl", values["token-ttl"] as string) } : {}),
  ...(values["scoped-token-ttl"] ? { scopedTokenTtlSeconds: integer("scoped-token-ttl", values["scoped-token-ttl"] as string) } : {}),
  ...(values.seed ? { seed: values.seed as string } : {}),
  ...(values.records ? { recordsPerEntity: integer("records", values.records as string) } : {}),
  ...(values["public-url"] ? { publicUrl: values["public-url"] as string } : {}),
  demoData: !values["no-demo"],
  control: Boolean(values.control),
  recordCounts,
  faults,
};

try {
  const emu = await createEmulator(options as never);
  process.stdout.write(
    [
      `Airbyte Agents API emulator listening on ${emu.url}`,
      `  API base URL:   ${emu.url}/api/v1   (set AIRBYTE_BASE_URL=${emu.url})`,
      `  client id:      ${emu.clientId}`,
      `  client secret:  ${emu.clientSecret}   (demo credentials, for this emulator only)`,
      `  control API:    ${options.control ? `${emu.url}/_emulator` : "off (start with --control)"}`,
      "",
    ].join("\n"),
  );
  const stop = () => {
    emu.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  fail((error as Error).message);
}
