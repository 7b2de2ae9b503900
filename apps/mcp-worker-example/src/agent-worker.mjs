// The AI SDK and OpenAI Agents adapters of @airbyte-agents/tools in one Cloudflare Worker (see src/ai-sdk-worker.mjs
// for the AI SDK half and the request). Needs the `nodejs_compat` flag: @openai/agents' own workerd build imports
// node:async_hooks, node:events, node:crypto, node:stream, node:timers and node:process.
//
// POST /agent with JSON `{ framework: "ai-sdk" | "openai-agents", prompt, call? }`. "openai-agents" invokes the
// Stripe function tool through the SDK's own `invoke` (as its runner does) with `call` (default: list 3 customers),
// then with a write (`customers create`), which the read-only default refuses; it answers both results.
import { connectorTools } from "@airbyte-agents/tools";
import { toOpenAIAgentsTools } from "@airbyte-agents/tools/openai-agents";
import { RunContext } from "@openai/agents";
import { agentWorker, aiSdk } from "./ai-sdk-worker.mjs";

const WRITE = { entity: "customers", action: "create", params: { email: "agent-worker@example.com" } };

async function openaiAgents(ws, _prompt, call) {
  const [stripe] = toOpenAIAgentsTools(await connectorTools(ws, "stripe"));
  const invoke = async (input) => JSON.parse(String(await stripe.invoke(new RunContext({}), JSON.stringify(input))));
  return {
    tool: { type: stripe.type, name: stripe.name, strict: stripe.strict },
    list: await invoke(call),
    write: await invoke(WRITE),
  };
}

export default agentWorker({ "ai-sdk": aiSdk, "openai-agents": openaiAgents });
