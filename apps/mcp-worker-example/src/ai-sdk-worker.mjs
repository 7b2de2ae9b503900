// The AI SDK adapter of @airbyte-agents/tools in a Cloudflare Worker, with nothing from Node (no nodejs_compat).
// A test fixture, not a deployable agent: the "model" is scripted (the AI SDK's own MockLanguageModelV4 from ai/test),
// so the run needs no provider key and its steps are known. In a real Worker, pass a provider's model (e.g.
// openai("gpt-5") from @ai-sdk/openai) instead and keep the rest.
//
// POST /agent with JSON `{ framework: "ai-sdk", prompt, call? }`: generateText with a scripted model whose first step
// calls the Stripe tool with `call` (default: list 3 customers) and whose second step answers with text. Answers the
// steps' tool calls and results, the tool results the model was shown in its second step, and `navigator.userAgent`
// as the isolate sees it. src/agent-worker.mjs adds "openai-agents" (which needs nodejs_compat).
//
// Credentials from `env`: AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_BASE_URL; AIRBYTE_WORKSPACE (default
// "default"). Never expose this without authenticating the caller in front of it: the tools act with your credentials.
import { createClient } from "@airbyte-agents/core";
import { connectorTools } from "@airbyte-agents/tools";
import { toAiSdkTools } from "@airbyte-agents/tools/ai-sdk";
import { generateText, stepCountIs } from "ai";
import { MockLanguageModelV4 } from "ai/test";

const LIST = { entity: "customers", action: "list", params: { limit: 3 } };

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/** A model that plays a script, one step per call; `doGenerateCalls` records every prompt it was given. */
function scriptedModel(script) {
  let call = 0;
  return new MockLanguageModelV4({
    doGenerate: async () => {
      const step = script[call++];
      if (!step) throw new Error("the script ran out");
      if ("text" in step) {
        return { content: [{ type: "text", text: step.text }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
      }
      return {
        content: [{ type: "tool-call", toolCallId: `call_${call}`, toolName: step.toolName, input: JSON.stringify(step.input) }],
        finishReason: { unified: "tool-calls", raw: undefined },
        usage,
        warnings: [],
      };
    },
  });
}

/** The tool results the model was shown in one prompt. */
const shownToolResults = (prompt) =>
  prompt
    .filter((message) => message.role === "tool")
    .flatMap((message) => message.content)
    .filter((part) => part.type === "tool-result")
    .map((part) => ({ toolName: part.toolName, output: part.output }));

export async function aiSdk(ws, prompt, call) {
  const tools = toAiSdkTools(await connectorTools(ws, "stripe"));
  const model = scriptedModel([{ toolName: "stripe", input: call }, { text: "Here are your customers." }]);
  const result = await generateText({ model, tools, stopWhen: stepCountIs(4), prompt });
  return {
    text: result.text,
    tools: Object.keys(tools),
    steps: result.steps.map((step) => ({
      toolCalls: step.toolCalls.map((c) => ({ toolName: c.toolName, input: c.input })),
      toolResults: step.toolResults.map((r) => ({ toolName: r.toolName, output: r.output })),
    })),
    modelCalls: model.doGenerateCalls.length,
    secondStepSaw: model.doGenerateCalls[1] ? shownToolResults(model.doGenerateCalls[1].prompt) : null,
  };
}

/** The fetch handler, answering the frameworks given (name → run(ws, prompt, call)). */
export function agentWorker(frameworks) {
  return {
    /**
     * @param {Request} request
     * @param {{ AIRBYTE_CLIENT_ID: string, AIRBYTE_CLIENT_SECRET: string, AIRBYTE_BASE_URL?: string, AIRBYTE_WORKSPACE?: string }} env
     */
    async fetch(request, env) {
      const url = new URL(request.url);
      if (url.pathname !== "/agent") return new Response("Not found", { status: 404 });
      if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { allow: "POST" } });
      const body = await request.json().catch(() => null);
      const framework = body?.framework;
      if (!Object.hasOwn(frameworks, framework)) {
        return Response.json({ error: `framework must be one of: ${Object.keys(frameworks).join(", ")}` }, { status: 400 });
      }
      const ws = createClient({
        baseUrl: env.AIRBYTE_BASE_URL,
        clientId: env.AIRBYTE_CLIENT_ID,
        clientSecret: env.AIRBYTE_CLIENT_SECRET,
      }).workspace(env.AIRBYTE_WORKSPACE ?? "default");
      const call = body.call ?? LIST;
      const result = await frameworks[framework](ws, String(body.prompt ?? ""), call);
      return Response.json({ framework, userAgent: navigator.userAgent, ...result });
    },
  };
}

export default agentWorker({ "ai-sdk": aiSdk });
