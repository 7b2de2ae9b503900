// The AI SDK adapter with the SDK's own mock language model (ai/test MockLanguageModelV4), against the emulator over
// HTTP: a scripted model asks for a list, the tool runs it, and the result reaches the model in the next step; an
// invalid call comes back as an error result the model reads (no request sent); a write is refused unless allowed.
import type { WorkspaceClient } from "@airbyte-agents/core";
import { generateText, stepCountIs, streamText } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { toAiSdkTool, toAiSdkTools } from "../src/ai-sdk";
import { connectorTools, READ_ACTIONS, workspaceTools } from "../src/index";
import { EXECUTE, useEmulator } from "./helpers";

const h = useEmulator({ recordCounts: { "stripe.customers": 100_000 } });
let ws: WorkspaceClient;

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

type Prompt = MockLanguageModelV4["doGenerateCalls"][number]["prompt"];
type Step = { toolCall: { toolName: string; input: unknown } } | { text: string };

/** A model that plays a script, one step per call, and records every prompt it was given. */
function scriptedModel(script: Step[]) {
  let call = 0;
  return new MockLanguageModelV4({
    doGenerate: async () => {
      const step = script[call++];
      if (!step) throw new Error("the script ran out");
      if ("text" in step)
        return { content: [{ type: "text", text: step.text }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] };
      return {
        content: [
          { type: "tool-call", toolCallId: `call_${call}`, toolName: step.toolCall.toolName, input: JSON.stringify(step.toolCall.input) },
        ],
        finishReason: { unified: "tool-calls", raw: undefined },
        usage,
        warnings: [],
      };
    },
  });
}

/** The tool results the model was shown in a prompt. */
function toolResults(prompt: Prompt) {
  return prompt
    .filter((message) => message.role === "tool")
    .flatMap((message) => message.content)
    .filter((part) => part.type === "tool-result") as { toolName: string; output: { type: string; value: any } }[];
}

beforeAll(() => {
  ws = h.client().workspace("default");
});

describe("the AI SDK adapter", () => {
  it("a scripted model lists customers; the result reaches the model", async () => {
    const tools = toAiSdkTools(await connectorTools(ws, "stripe"));
    const model = scriptedModel([
      { toolCall: { toolName: "stripe", input: { entity: "customers", action: "list", params: { limit: 3 } } } },
      { text: "You have customers." },
    ]);
    const mark = h.mark();
    const result = await generateText({ model, tools, stopWhen: stepCountIs(4), prompt: "List three Stripe customers" });
    expect(result.text).toBe("You have customers.");
    expect(h.sentSince(mark).filter((r) => r.route === EXECUTE)).toHaveLength(1);
    // The second call to the model carried the tool's result: the three records and the next page's params.
    const [first, second] = model.doGenerateCalls;
    expect(first?.tools?.map((t) => t.name)).toEqual(["stripe"]);
    const tool = first?.tools?.[0] as { inputSchema: { properties: Record<string, unknown> }; description: string };
    expect(tool.inputSchema.properties.entity).toMatchObject({ type: "string" });
    expect(tool.description).toContain("customers");
    const [shown] = toolResults(second!.prompt);
    expect(shown?.toolName).toBe("stripe");
    expect(shown?.output.type).toBe("json");
    expect(shown?.output.value.ok).toBe(true);
    expect(shown?.output.value.data).toHaveLength(3);
    expect(shown?.output.value.nextPage.params.starting_after).toBe(shown?.output.value.data[2].id);
  });

  it("invalid arguments come back as an error the model can fix, with no request; the fixed call runs", async () => {
    const tools = toAiSdkTools(await connectorTools(ws, "stripe"));
    const model = scriptedModel([
      { toolCall: { toolName: "stripe", input: { entity: "customer", action: "list", params: { limt: 2 } } } },
      { toolCall: { toolName: "stripe", input: { entity: "customers", action: "list", params: { limt: 2 } } } },
      { toolCall: { toolName: "stripe", input: { entity: "customers", action: "list", params: { limit: 2 } } } },
      { text: "done" },
    ]);
    const mark = h.mark();
    const executes = () => h.sentSince(mark).filter((r) => r.route === EXECUTE).length;
    await generateText({ model, tools, stopWhen: stepCountIs(6), prompt: "List two customers" });
    const [, second, third, fourth] = model.doGenerateCalls;
    const wrongEntity = toolResults(second!.prompt).at(-1)!;
    expect(wrongEntity.output.type).toBe("error-json");
    expect(wrongEntity.output.value.error).toMatchObject({ type: "invalid_arguments", retryable: true });
    expect(wrongEntity.output.value.error.issues[0]).toMatchObject({
      field: "entity",
      message: expect.stringMatching(/valid: .*customers/),
    });
    const wrongParam = toolResults(third!.prompt).at(-1)!;
    expect(wrongParam.output.value.error.issues[0]).toMatchObject({
      field: "params.limt",
      message: expect.stringMatching(/valid: limit/),
    });
    const fixed = toolResults(fourth!.prompt).at(-1)!;
    expect(fixed.output.value.ok).toBe(true);
    // Only the fixed call was sent.
    expect(executes()).toBe(1);
  });

  it("a write is refused unless allowed; allowed, it runs", async () => {
    const readOnly = toAiSdkTools(await connectorTools(ws, "stripe"));
    const model = scriptedModel([
      { toolCall: { toolName: "stripe", input: { entity: "customers", action: "delete", params: { id: "customers_2" } } } },
      { text: "I cannot delete." },
    ]);
    const mark = h.mark();
    await generateText({ model, tools: readOnly, stopWhen: stepCountIs(3), prompt: "Delete customer 2" });
    const refused = toolResults(model.doGenerateCalls[1]!.prompt).at(-1)!;
    expect(refused.output.value.error).toMatchObject({ type: "not_allowed", retryable: false });
    expect(h.sentSince(mark)).toEqual([]);

    const writer = toAiSdkTools(await connectorTools(ws, "stripe", { actions: [...READ_ACTIONS, "customers.delete"] }));
    const allowed = scriptedModel([
      { toolCall: { toolName: "stripe", input: { entity: "customers", action: "delete", params: { id: "customers_2" } } } },
      { text: "Deleted." },
    ]);
    await generateText({ model: allowed, tools: writer, stopWhen: stepCountIs(3), prompt: "Delete customer 2" });
    const deleted = toolResults(allowed.doGenerateCalls[1]!.prompt).at(-1)!;
    expect(deleted.output.value).toMatchObject({ ok: true, data: { id: "customers_2", deleted: true } });
  });

  it("the output cap holds on the 100,000-record entity as the model sees it", async () => {
    const tools = toAiSdkTools(await connectorTools(ws, "stripe"));
    const model = scriptedModel([
      { toolCall: { toolName: "stripe", input: { entity: "customers", action: "list", params: { limit: 100 } } } },
      { text: "ok" },
    ]);
    await generateText({ model, tools, stopWhen: stepCountIs(3), prompt: "All customers" });
    const shown = toolResults(model.doGenerateCalls[1]!.prompt).at(-1)!;
    expect(JSON.stringify(shown.output.value).length).toBeLessThanOrEqual(100_000);
    expect(shown.output.value.truncated.recordsTotal).toBe(100);
    expect(shown.output.value.nextPage.params.starting_after).toBe(shown.output.value.data.at(-1).id);
  });

  it("works with streamText and the workspace's tools", async () => {
    const tools = toAiSdkTools(await workspaceTools(ws));
    expect(Object.keys(tools).sort()).toEqual(["airbyte_ask", "github", "linear", "stripe", "zendesk_support"]);
    const chunks = (parts: unknown[]) =>
      new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
    let call = 0;
    const model = new MockLanguageModelV4({
      doStream: async () => {
        call++;
        return {
          stream: chunks(
            call === 1
              ? [
                  { type: "stream-start", warnings: [] },
                  {
                    type: "tool-call",
                    toolCallId: "t1",
                    toolName: "linear",
                    input: JSON.stringify({ entity: "issues", action: "list", params: { first: 2 } }),
                  },
                  { type: "finish", finishReason: { unified: "tool-calls", raw: undefined }, usage },
                ]
              : [
                  { type: "stream-start", warnings: [] },
                  { type: "text-start", id: "x" },
                  { type: "text-delta", id: "x", delta: "Two issues." },
                  { type: "text-end", id: "x" },
                  { type: "finish", finishReason: { unified: "stop", raw: undefined }, usage },
                ],
          ) as never,
        };
      },
    });
    const stream = streamText({ model, tools, stopWhen: stepCountIs(3), prompt: "Two Linear issues" });
    expect(await stream.text).toBe("Two issues.");
    const steps = await stream.steps;
    const result = steps[0]?.toolResults[0] as { output: { ok: boolean; data: unknown[] } } | undefined;
    expect(result?.output.ok).toBe(true);
    expect(result?.output.data).toHaveLength(2);
  });

  it("passes the AI SDK's abort signal to the call", async () => {
    const [stripe] = await connectorTools(ws, "stripe");
    const tool = toAiSdkTool(stripe!);
    const controller = new AbortController();
    controller.abort();
    await expect(
      tool.execute?.(
        { entity: "customers", action: "list" },
        { toolCallId: "x", messages: [], abortSignal: controller.signal, context: {} },
      ),
    ).rejects.toThrow();
  });
});
