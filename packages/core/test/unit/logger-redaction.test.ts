import { describe, expect, it, vi } from "vitest";
import { createClient } from "../../src/index";
import { createSecretRegistry, redactText } from "../../src/redact";
import { createLevelLogger } from "../../src/transport/logger";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe("createLevelLogger redaction", () => {
  it("logging a quoted sensitive key=value does not throw", () => {
    const logger = createLevelLogger(quiet, "warn", redactText);
    expect(() => logger.warn("hook failed", { error: 'Error: upstream said "api_key=abc123"' })).not.toThrow();
  });

  it("a hook that throws does not break the request", async () => {
    const fetch = vi.fn(async (input: unknown) =>
      String(input).includes("/token")
        ? Response.json({ access_token: "app-token-abcdefgh", token_type: "Bearer", expires_in: 900 })
        : Response.json({ data: [], next: null }),
    );
    const client = createClient({
      baseUrl: "https://api.test",
      clientId: "id",
      clientSecret: "secret-abcdefgh",
      fetch: fetch as never,
      validation: "off",
      logger: quiet,
      hooks: {
        onRequest: () => {
          throw new Error('could not parse "token=abc123"');
        },
      },
    });
    expect(
      await client.workspaces.list().then(
        () => "ok",
        (e: Error) => `${e.name}: ${e.message}`,
      ),
    ).toBe("ok");
  });

  it("a registered secret with a quote, backslash or newline is redacted in log data", () => {
    const secrets = createSecretRegistry();
    const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const pwd = 'pa"ss\\w0rd-long';
    secrets.add(pem);
    secrets.add(pwd);
    const lines: [string, { error: string }][] = [];
    const logger = createLevelLogger(
      { ...quiet, warn: (m: string, d?: unknown) => void lines.push([m, d as { error: string }]) },
      "warn",
      secrets.redact,
    );
    logger.warn("hook failed", { error: `Error: could not use ${pem} or ${pwd}` });
    expect(lines[0]![1].error).not.toContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    expect(lines[0]![1].error).not.toContain(pwd);
  });

  it("never throws, even when the redactor does", () => {
    const lines: string[] = [];
    const logger = createLevelLogger({ ...quiet, warn: (m: string) => void lines.push(m) }, "warn", () => {
      throw new Error("boom");
    });
    expect(() => logger.warn("hook failed", { error: "x" })).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("hook failed");
  });

  it("calls a logger that throws once per message, and does not throw itself", () => {
    let calls = 0;
    const throwing = () => {
      calls++;
      throw new Error("logger down");
    };
    const logger = createLevelLogger({ ...quiet, warn: throwing }, "warn", (text) => text);
    expect(() => logger.warn("hook failed", { error: "x" })).not.toThrow();
    expect(calls).toBe(1);
  });
});
