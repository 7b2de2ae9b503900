import { describe, expect, it } from "vitest";
import { useEmulator } from "./helpers/emulator.js";

const h = useEmulator();

describe("harness", () => {
  it("mints a token and lists the demo connectors, both conforming to the OpenAPI document", async () => {
    const connectors = await h.demoConnectors();
    expect(Object.keys(connectors).sort()).toEqual(["github", "linear", "stripe", "zendesk-support"]);
  });
});
