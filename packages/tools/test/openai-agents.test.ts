// The OpenAI Agents adapter against the emulator over HTTP: the function tools driven directly through the SDK's own
// invoke path, and one run of an Agent with a scripted model (the SDK's Model interface), whose second turn sees the
// tool's output.
import type { WorkspaceClient } from "@airbyte-agents/core";
import { Agent, type Model, type ModelRequest, type ModelResponse, RunContext, Runner, Usage } from "@openai/agents";
import { beforeAll, describe, expect, it } from "vitest";
import { connectorTools, READ_ACTIONS } from "../src/index";
import { toOpenAIAgentsTool, toOpenAIAgentsTools } from "../src/openai-agents";
import { EXECUTE, useEmulator } from "./helpers";

const h = useEmulator({ recordCounts: { "stripe.customers": 100_000 } });
let ws: WorkspaceClient;

beforeAll(() => {
  ws = h.client().workspace("default");
});

const invoke = async (tool: ReturnType<typeof toOpenAIAgentsTool>, input: unknown) =>
  JSON.parse(String(await tool.invoke(new RunContext({}), JSON.stringify(input))));

describe("the OpenAI Agents adapter", () => {
  it("is a non-strict function tool with the generated description and JSON Schema", async () => {
    const [stripe] = toOpenAIAgentsTools(await connectorTools(ws, "stripe"));
    expect(stripe).toMatchObject({ type: "function", name: "stripe", strict: false });
    expect(stripe?.description).toContain("customers");
    expect(stripe?.parameters).toMatchObject({ type: "object", required: ["entity", "action"], additionalProperties: true });
  });

  it("lists records", async () => {
    const [stripe] = toOpenAIAgentsTools(await connectorTools(ws, "stripe"));
    const result = await invoke(stripe!, { entity: "customers", action: "list", params: { limit: 4 } });
    expect(result.ok).toBe(true);
    expect(result.data).toHaveLength(4);
  });

  it("answers invalid arguments as a fixable result, with no request", async () => {
    const [stripe] = toOpenAIAgentsTools(await connectorTools(ws, "stripe"));
    const mark = h.mark();
    // limit has maximum 100 in the spec, which core checks before sending.
    const tooMany = await invoke(stripe!, { entity: "customers", action: "list", params: { limit: 1000 } });
    expect(tooMany.error).toMatchObject({ type: "invalid_arguments", issues: [{ field: "params.limit" }] });
    const wrong = await invoke(stripe!, { entity: "customers", action: "list", params: { status: "x" } });
    expect(wrong.error).toMatchObject({ type: "invalid_arguments", issues: [{ field: "params.status" }] });
    expect(h.sentSince(mark).filter((r) => r.route === EXECUTE)).toHaveLength(0);
  });

  it("refuses a write unless allowed", async () => {
    const [readOnly] = toOpenAIAgentsTools(await connectorTools(ws, "stripe"));
    const mark = h.mark();
    const refused = await invoke(readOnly!, { entity: "customers", action: "create", params: { email: "x@example.com" } });
    expect(refused.error.type).toBe("not_allowed");
    expect(h.sentSince(mark)).toEqual([]);
    const [writer] = toOpenAIAgentsTools(await connectorTools(ws, "stripe", { actions: [...READ_ACTIONS, "create"] }));
    const created = await invoke(writer!, { entity: "customers", action: "create", params: { email: "x@example.com" } });
    expect(created.ok).toBe(true);
  });

  it("asks for approval of writes when told to, and only of writes", async () => {
    const [writer] = await connectorTools(ws, "stripe", { actions: "all" });
    const tool = toOpenAIAgentsTool(writer!, { approveWrites: true });
    const context = new RunContext({});
    expect(await tool.needsApproval(context, { entity: "customers", action: "delete", params: { id: "x" } })).toBe(true);
    expect(await tool.needsApproval(context, { entity: "customers", action: "list" })).toBe(false);
    const [reader] = await connectorTools(ws, "stripe");
    expect(await toOpenAIAgentsTool(reader!, { approveWrites: true }).needsApproval(context, { entity: "customers", action: "list" })).toBe(
      false,
    );
  });

  it("holds the output cap on the 100,000-record entity", async () => {
    const [stripe] = toOpenAIAgentsTools(await connectorTools(ws, "stripe"));
    const text = String(
      await stripe!.invoke(new RunContext({}), JSON.stringify({ entity: "customers", action: "list", params: { limit: 100 } })),
    );
    expect(text.length).toBeLessThanOrEqual(100_000);
    expect(JSON.parse(text).truncated.recordsTotal).toBe(100);
  });

  it("runs in an Agent: a scripted model calls the tool and reads its output", async () => {
    const requests: ModelRequest[] = [];
    const usage = () => new Usage({ requests: 1, inputTokens: 1, outputTokens: 1, totalTokens: 2 });
    const model: Model = {
      async getResponse(request): Promise<ModelResponse> {
        requests.push(request);
        if (requests.length === 1) {
          return {
            usage: usage(),
            output: [
              {
                type: "function_call",
                callId: "call_1",
                name: "linear",
                arguments: JSON.stringify({ entity: "teams", action: "list", params: { first: 2 } }),
                status: "completed",
              },
            ],
          };
        }
        return {
          usage: usage(),
          output: [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Two teams." }] }],
        };
      },
      getStreamedResponse() {
        throw new Error("not used");
      },
    };
    const agent = new Agent({
      name: "Ops",
      instructions: "Answer from Linear.",
      model,
      tools: toOpenAIAgentsTools(await connectorTools(ws, "linear")),
    });
    const result = await new Runner({ tracingDisabled: true }).run(agent, "How many teams?");
    expect(result.finalOutput).toBe("Two teams.");
    const items = requests[1]?.input as { type: string; output?: unknown }[];
    const output = items.find((item) => item.type === "function_call_result")?.output as { text?: string } | string | undefined;
    const text = typeof output === "string" ? output : output?.text;
    expect(JSON.parse(text ?? "{}")).toMatchObject({ ok: true, data: expect.any(Array) });
  });
});
