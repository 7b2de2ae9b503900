// A call made of several requests (a slug lookup then the execute, the workspace id then the workflow, the pages of a
// name search) has one deadline: each request gets what is left of it, not the whole budget again.
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../src/index";
import { rejection, useEmulator } from "../helpers/emulator";

const h = useEmulator();
const LOOKUP = { method: "GET", path: "/api/v1/integrations/connectors" };
const EXECUTE = { method: "POST", path: "/execute" };
const WORKSPACES = { method: "GET", path: "/api/v1/workspaces" };
const WORKFLOWS = { method: "GET", path: "/workflows" };

async function timed(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await rejection(call);
  return { error, ms: Date.now() - started };
}

describe("one deadline for a call of several requests", () => {
  it("a slug handle's execute: the lookup's time counts against the execute's deadline", async () => {
    h.emu.setFaults({
      queue: [
        { delayMs: 500, match: LOOKUP },
        { delayMs: 500, match: EXECUTE },
      ],
    });
    const stripe = h.client({ maxRetries: 0 }).workspace().connector("stripe");
    const { error, ms } = await timed(() => stripe.execute("customers", "list", {}, { deadline: 800 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "deadline_exceeded", timeoutMs: 800 });
    expect(ms).toBeLessThan(1000);
    h.emu.setFaults(undefined);
  });

  it("the client's default deadline is shared the same way", async () => {
    h.emu.setFaults({
      queue: [
        { delayMs: 500, match: LOOKUP },
        { delayMs: 500, match: EXECUTE },
      ],
    });
    const stripe = h.client({ maxRetries: 0, deadline: 800 }).workspace().connector("stripe");
    const { error, ms } = await timed(() => stripe.execute("customers", "list", {}));
    expect(error).toMatchObject({ name: "TimeoutError", code: "deadline_exceeded", timeoutMs: 800 });
    expect(ms).toBeLessThan(1000);
    h.emu.setFaults(undefined);
  });

  it("workflows: the workspace id lookup's time counts against the workflow call's deadline", async () => {
    h.emu.setFaults({
      queue: [
        { delayMs: 500, match: WORKSPACES },
        { delayMs: 500, match: WORKFLOWS },
      ],
    });
    const ws = h.client({ maxRetries: 0 }).workspace();
    const { error, ms } = await timed(() => ws.workflows.list({ deadline: 800 }));
    expect(error).toMatchObject({ name: "TimeoutError", code: "deadline_exceeded", timeoutMs: 800 });
    expect(ms).toBeLessThan(1000);
    h.emu.setFaults(undefined);
  });

  it("a call whose requests fit in the deadline succeeds, and a new call gets a new deadline", async () => {
    h.emu.setFaults({
      queue: [
        { delayMs: 300, match: LOOKUP },
        { delayMs: 300, match: EXECUTE },
        { delayMs: 300, match: EXECUTE },
      ],
    });
    const stripe = h.client({ maxRetries: 0 }).workspace().connector("stripe");
    await expect(stripe.execute("customers", "list", {}, { deadline: 1500 })).resolves.toBeDefined();
    await expect(stripe.execute("customers", "list", {}, { deadline: 1500 })).resolves.toBeDefined();
    h.emu.setFaults(undefined);
  });
});
