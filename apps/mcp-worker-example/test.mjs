// Test runner: bundles src/worker.mjs with esbuild, checks the bundle has no Node built-ins and no process/Buffer
// references, starts an emulator on 127.0.0.1:0, loads the bundle into workerd through Miniflare (credentials and
// MCP_AUTH_TOKEN as bindings) and drives it with the MCP SDK's own Client over streamable HTTP (its fetch is
// Miniflare's dispatchFetch): tools/list, tools/call on four connectors, a fixable error with no request sent, a
// refused write, the output cap on a 100,000-record entity, and a 401 without the token. A second Worker with
// MCP_ACTIONS=all writes. Writes .test-results/workerd-mcp.json.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { bundleCheckSteps, PLANTED_SOURCE } from "../scenario/bundle-check.mjs";
import { createSteps, report, reportCrash, userAgentStep } from "../scenario/harness.mjs";
import { buildWorker, workerBuildOptions } from "./build.mjs";

const here = import.meta.dirname;
const RUNTIME = "workerd-mcp";
const TOKEN = "test-mcp-token-0123456789";
const EXECUTE = "POST /api/v1/integrations/connectors/:id/execute";
const startedAt = Date.now();
const { steps, check } = createSteps();

let emulator;
const workers = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), "airbyte-mcp-worker-"));
try {
  // workerd comes with the miniflare package (root devDependency): missing = failure, not a skip.
  const { Miniflare } = await import("miniflare");

  // 1. The bundle, and what it would need from Node (esbuild metafile + process/Buffer probe, self-tested).
  const { outfile, metafile } = await buildWorker();
  const bytes = Object.values(metafile.outputs)[0]?.bytes ?? 0;
  console.log(
    `bundled ${Object.keys(metafile.inputs).length} inputs into ${path.relative(here, outfile)} (${(bytes / 1024).toFixed(0)} KiB)`,
  );
  const planted = path.join(tmp, "planted.mjs");
  writeFileSync(planted, PLANTED_SOURCE);
  steps.push(...(await bundleCheckSteps("mcp worker bundle", workerBuildOptions(), planted)).steps);

  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true, recordCounts: { "stripe.customers": 100_000 } });
  const worker = (extra = {}) => {
    const mf = new Miniflare({
      modules: true,
      scriptPath: outfile,
      compatibilityDate: "2025-01-01",
      bindings: {
        AIRBYTE_BASE_URL: emulator.url,
        AIRBYTE_CLIENT_ID: emulator.clientId,
        AIRBYTE_CLIENT_SECRET: emulator.clientSecret,
        AIRBYTE_WORKSPACE: "default",
        MCP_AUTH_TOKEN: TOKEN,
        ...extra,
      },
    });
    workers.push(mf);
    return mf;
  };
  /** An MCP client whose requests go into the Worker. */
  const connect = async (mf) => {
    const transport = new StreamableHTTPClientTransport(new URL("http://worker.test/mcp"), {
      requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      fetch: async (url, init) => {
        // Read whole (the server answers JSON, not streams): a body the client leaves unread would break workerd's pipe.
        const response = await mf.dispatchFetch(String(url), init);
        const body = response.status === 204 ? null : await response.arrayBuffer();
        return new Response(body, { status: response.status, headers: response.headers });
      },
    });
    const client = new Client({ name: "workerd-test", version: "1.0.0" });
    await client.connect(transport);
    return client;
  };
  const parsed = (result) => JSON.parse(result.content?.[0]?.text ?? "null");
  const mark = () => emulator.requests().length;
  const executesSince = (at) =>
    emulator
      .requests()
      .slice(at)
      .filter((r) => r.route === EXECUTE).length;

  const mf = worker();

  // 2. No token, a wrong token: 401, nothing sent to Airbyte.
  const before = mark();
  const anonymous = await mf.dispatchFetch("http://worker.test/mcp", {
    method: "POST",
    body: "{}",
    headers: { "content-type": "application/json" },
  });
  const wrong = await mf.dispatchFetch("http://worker.test/mcp", { method: "POST", body: "{}", headers: { authorization: "Bearer nope" } });
  await anonymous.text();
  await wrong.text();
  check(
    "workerd: /mcp without the bearer token is a 401, and sends nothing",
    anonymous.status === 401 && wrong.status === 401 && mark() === before,
    `statuses ${anonymous.status}, ${wrong.status}; requests sent ${mark() - before}`,
  );

  // 3. tools/list and tools/call through workerd.
  const client = await connect(mf);
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  check(
    "workerd: tools/list has one tool per connector and ask",
    JSON.stringify(names) === JSON.stringify(["airbyte_ask", "github", "linear", "stripe", "zendesk_support"]),
    `tools: ${names.join(", ")}`,
  );
  const stripe = tools.find((t) => t.name === "stripe");
  check(
    "workerd: the Stripe tool is read-only, with a generated description and a JSON Schema",
    stripe?.annotations?.readOnlyHint === true && /customers/.test(stripe?.description ?? "") && stripe?.inputSchema?.type === "object",
    JSON.stringify({ annotations: stripe?.annotations, schema: stripe?.inputSchema?.type }),
  );
  const calls = [
    { name: "github", arguments: { entity: "issues", action: "list", params: { owner: "airbytehq", repo: "airbyte", per_page: 2 } } },
    { name: "stripe", arguments: { entity: "customers", action: "list", params: { limit: 2 } } },
    { name: "linear", arguments: { entity: "issues", action: "list", params: { first: 2 } } },
    { name: "zendesk_support", arguments: { entity: "tickets", action: "list", params: { per_page: 2 } } },
  ];
  for (const call of calls) {
    const result = await client.callTool(call);
    const body = parsed(result);
    check(
      `workerd: tools/call ${call.name} ${call.arguments.entity}.list returns records`,
      result.isError === false && body?.ok === true && body.data?.length === 2,
      JSON.stringify(body).slice(0, 300),
    );
  }
  const ask = await client.callTool({ name: "airbyte_ask", arguments: { question: "list my 5 most recent Stripe customers" } });
  check("workerd: tools/call airbyte_ask answers", parsed(ask)?.ok === true, JSON.stringify(parsed(ask)).slice(0, 300));

  // 4. Mistakes and refusals come back as results, with no request sent.
  let at = mark();
  const invalid = await client.callTool({ name: "stripe", arguments: { entity: "customers", action: "list", params: { limt: 5 } } });
  const invalidBody = parsed(invalid);
  check(
    "workerd: invalid arguments are a fixable error naming the field and the valid choices, with no execute sent",
    invalid.isError === true &&
      invalidBody?.error?.type === "invalid_arguments" &&
      invalidBody.error.issues?.[0]?.field === "params.limt" &&
      /valid: limit/.test(invalidBody.error.issues[0].message) &&
      executesSince(at) === 0,
    JSON.stringify(invalidBody),
  );
  at = mark();
  const refused = await client.callTool({
    name: "stripe",
    arguments: { entity: "customers", action: "delete", params: { id: "customers_1" } },
  });
  check(
    "workerd: a write is refused by the read-only default, with no execute sent",
    refused.isError === true && parsed(refused)?.error?.type === "not_allowed" && executesSince(at) === 0,
    JSON.stringify(parsed(refused)),
  );

  // 5. The output cap on the 100,000-record entity.
  const big = await client.callTool({ name: "stripe", arguments: { entity: "customers", action: "list", params: { limit: 100 } } });
  const bigText = big.content?.[0]?.text ?? "";
  const bigBody = JSON.parse(bigText || "null");
  check(
    "workerd: a 100-record page of the 100,000-record entity is cut to 100,000 characters, with a note and the next page",
    bigText.length <= 100_000 &&
      bigBody?.truncated?.recordsTotal === 100 &&
      bigBody.nextPage?.params?.starting_after === bigBody.data.at(-1).id,
    `length ${bigText.length}, truncated ${JSON.stringify(bigBody?.truncated)}`,
  );
  steps.push(await userAgentStep(emulator, "workerd: the emulator saw core on workerd", /\(workerd\)$/));
  await client.close();

  // 6. A Worker whose allow-list opens writes.
  const writer = await connect(worker({ MCP_ACTIONS: "all" }));
  const created = await writer.callTool({
    name: "stripe",
    arguments: { entity: "customers", action: "create", params: { email: "worker@example.com" } },
  });
  check(
    "workerd: with MCP_ACTIONS=all the write runs",
    parsed(created)?.ok === true && parsed(created).data?.email === "worker@example.com",
    JSON.stringify(parsed(created)).slice(0, 300),
  );
  await writer.close();

  process.exitCode = report(here, RUNTIME, steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, RUNTIME, error, steps);
} finally {
  for (const mf of workers) await mf.dispose().catch(() => undefined);
  await emulator?.close();
  rmSync(tmp, { recursive: true, force: true });
}
