import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic" },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    environmentOptions: {
      // happy-dom 21 applies the same-origin policy to fetch (the page is http://localhost:3000, the emulator is on
      // 127.0.0.1:<port 0>). These tests drive a server-style client over real HTTP; CORS itself is the core and
      // emulator browser tests' subject, in a real browser.
      happyDOM: { settings: { fetch: { disableSameOriginPolicy: true } } },
    },
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.tsx"],
      tsconfig: "./tsconfig.test.json",
    },
  },
});
