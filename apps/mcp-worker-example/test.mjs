// Test runner: bundles src/worker.mjs with esbuild, checks the bundle has no Node built-ins and no process/Buffer
// references, starts an emulator on 127.0.0.1:0, loads the bundle into workerd through Miniflare (credentials and
// MCP_AUTH_TOKEN as bindings) and drives it with the MCP SDK's own Client over streamable HTTP (its fetch is
// Miniflare's dispatchFetch): tools/list, tools/call on four connectors, a fixable error with no request sent, a
// refused write, the output cap on a 100,000-record entity, and a 401 without the token. A second Worker with
// MCP_ACTIONS=all writes. Then the agent Workers (build-agent.mjs) in the same emulator: the AI SDK adapter with a
// scripted model in workerd without nodejs_compat, and the OpenAI Agents adapter (with nodejs_compat, which
// @openai/agents' workerd build needs). Writes .test-results/workerd-mcp.json.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { analyseBundle, bundleCheckSteps, PLANTED_SOURCE } from "../scenario/bundle-check.mjs";
import { createSteps, report, reportCrash, userAgentStep } from "../scenario/harness.mjs";
import { buildWorker, workerBuildOptions } from "./build.mjs";
import { agentWorkerBuildOptions, buildAgentWorker } from "./build-agent.mjs";

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

  // 7. The agent Workers: the AI SDK and OpenAI Agents adapters in workerd, against the same emulator.
  const agentsStartedAt = Date.now();
  const aiBundle = await buildAgentWorker("ai-sdk-worker");
  const agentBundle = await buildAgentWorker("agent-worker");
  const aiAnalysis = await analyseBundle(agentWorkerBuildOptions("ai-sdk-worker"));
  check(
    "ai-sdk worker bundle: core, the AI SDK adapter, ai and ai/test with no Node built-in imports",
    aiAnalysis.inputs.some((f) => f.includes("packages/core/")) &&
      aiAnalysis.inputs.some((f) => /\/ai@7\./.test(f)) &&
      aiAnalysis.builtinImports.length === 0,
    aiAnalysis.builtinImports.join("; "),
  );
  // Not asserted: ai 7's own process/Buffer references (typeof-guarded, or on the AI Gateway's paths); listed in the report.
  steps.push({
    name: "ai-sdk worker bundle: process/Buffer references (informational, from ai and @ai-sdk/*)",
    ok: true,
    detail: { count: aiAnalysis.globalReferences.length, sample: aiAnalysis.globalReferences.map((r) => r.slice(0, 100)) },
  });
  const agentAnalysis = await analyseBundle(agentWorkerBuildOptions("agent-worker"));
  const ours = agentAnalysis.builtinImports.filter(
    (i) => !/node_modules\/\.pnpm\/(@openai\+|@modelcontextprotocol\+client|cross-spawn@|which@|isexe@)/.test(i),
  );
  check(
    "agent worker bundle: every Node built-in import comes from @openai/agents' graph (hence nodejs_compat), none from ours or ai",
    agentAnalysis.builtinImports.length > 0 && ours.length === 0,
    ours.join("; "),
  );
  const agentWorker = (scriptPath, compatibilityFlags) => {
    const mf = new Miniflare({
      modules: true,
      scriptPath,
      compatibilityDate: "2025-01-01",
      compatibilityFlags,
      bindings: { AIRBYTE_BASE_URL: emulator.url, AIRBYTE_CLIENT_ID: emulator.clientId, AIRBYTE_CLIENT_SECRET: emulator.clientSecret },
    });
    workers.push(mf);
    return mf;
  };
  const aiMf = agentWorker(aiBundle.outfile, []);
  const agentMf = agentWorker(agentBundle.outfile, ["nodejs_compat"]);
  const agent = async (mf, body) => {
    const response = await mf.dispatchFetch("http://worker.test/agent", { method: "POST", body: JSON.stringify(body) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`/agent answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text);
  };
  const executesOf = (at) =>
    emulator
      .requests()
      .slice(at)
      .filter((r) => r.route === EXECUTE);
  const short = (value) => JSON.stringify(value).slice(0, 400);

  const agentsAt = mark();
  at = agentsAt;
  const aiRun = await agent(aiMf, { framework: "ai-sdk", prompt: "List three Stripe customers" });
  const aiExecutes = executesOf(at);
  const [shown] = aiRun.secondStepSaw ?? [];
  check(
    "workerd (no nodejs_compat): AI SDK generateText with a scripted model sends one customers.list execute to the emulator",
    aiRun.text === "Here are your customers." &&
      aiRun.steps?.[0]?.toolCalls?.[0]?.toolName === "stripe" &&
      aiExecutes.length === 1 &&
      aiExecutes[0].execute?.entity === "customers" &&
      aiExecutes[0].execute.action === "list" &&
      aiExecutes[0].execute.params?.limit === 3,
    short({ text: aiRun.text, executes: aiExecutes.map((r) => r.execute), steps: aiRun.steps?.length }),
  );
  check(
    "workerd: the model's second step received the tool result with 3 customers and the next page",
    aiRun.modelCalls === 2 &&
      shown?.toolName === "stripe" &&
      shown.output?.type === "json" &&
      shown.output.value?.ok === true &&
      shown.output.value.data?.length === 3 &&
      shown.output.value.nextPage?.params?.starting_after === shown.output.value.data[2].id &&
      aiRun.steps[0].toolResults?.[0]?.output?.data?.length === 3,
    short({ modelCalls: aiRun.modelCalls, shown }),
  );
  at = mark();
  const aiInvalid = await agent(aiMf, {
    framework: "ai-sdk",
    prompt: "List some",
    call: { entity: "nope", action: "list", params: { limit: 3 } },
  });
  const [fixable] = aiInvalid.secondStepSaw ?? [];
  check(
    "workerd: AI SDK invalid arguments (entity nope) reach the model as a fixable error-json result, with no execute sent",
    fixable?.output?.type === "error-json" &&
      fixable.output.value?.error?.type === "invalid_arguments" &&
      fixable.output.value.error.retryable === true &&
      fixable.output.value.error.issues?.[0]?.field === "entity" &&
      /valid: .*customers/.test(fixable.output.value.error.issues[0].message) &&
      executesOf(at).length === 0,
    short({ fixable, executes: executesOf(at).length }),
  );

  at = mark();
  const oaRun = await agent(agentMf, { framework: "openai-agents", prompt: "" });
  const oaRequests = emulator.requests().slice(at);
  const oaExecutes = oaRequests.filter((r) => r.route === EXECUTE);
  check(
    "workerd (nodejs_compat): the OpenAI Agents function tool lists 3 customers through the SDK's invoke",
    oaRun.tool?.type === "function" &&
      oaRun.tool.strict === false &&
      oaRun.list?.ok === true &&
      oaRun.list.data?.length === 3 &&
      oaExecutes.length === 1 &&
      oaExecutes[0].execute?.action === "list",
    short({ tool: oaRun.tool, ok: oaRun.list?.ok, records: oaRun.list?.data?.length, executes: oaExecutes.map((r) => r.execute) }),
  );
  check(
    "workerd: the OpenAI Agents tool refuses customers create by default, with no request sent after the list",
    oaRun.write?.ok === false &&
      oaRun.write.error?.type === "not_allowed" &&
      oaRequests.at(-1)?.route === EXECUTE &&
      oaExecutes.every((r) => r.execute?.action !== "create"),
    short({ write: oaRun.write, last: oaRequests.at(-1)?.route }),
  );
  check(
    'workerd: navigator.userAgent is "Cloudflare-Workers" inside both agent Workers',
    aiRun.userAgent === "Cloudflare-Workers" && oaRun.userAgent === "Cloudflare-Workers",
    `${aiRun.userAgent}, ${oaRun.userAgent}`,
  );
  steps.push(
    await userAgentStep(emulator, "workerd: the emulator saw core on workerd from the agent Workers", /\(workerd\)$/, { since: agentsAt }),
  );
  console.log(`agent Workers: ${((Date.now() - agentsStartedAt) / 1000).toFixed(1)} s`);

  process.exitCode = report(here, RUNTIME, steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, RUNTIME, error, steps);
} finally {
  for (const mf of workers) await mf.dispose().catch(() => undefined);
  await emulator?.close();
  rmSync(tmp, { recursive: true, force: true });
}
