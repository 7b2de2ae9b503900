import { defineConfig } from "vitest/config";

// scripts/test.mjs runs the suite on the machine's Node and on Node 22; `ai` declares Node >= 22, so its adapter's
// tests are left out of the run on an older Node (TOOLS_TEST_SKIP_AI_SDK=1).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: process.env.TOOLS_TEST_SKIP_AI_SDK === "1" ? ["test/ai-sdk.test.ts"] : [],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
