// Secrets in headers: a header whose name says it holds a key, and any header value that is a secret the client
// knows (its client secret, a token, a credential it sent), never reach a hook payload or `client.options`.
import { describe, expect, it } from "vitest";
import type { RequestInfo } from "../../src/index";
import { useEmulator } from "../helpers/emulator";

// All lowercase letters: no pattern of the redactor would guess it is a secret; only the client's registry knows.
const CLIENT_SECRET = "correcthorsebatterystaplelongenough";
const AUTH_KEY = "k3y_Live_9f8e7d6c5b4a";
const h = useEmulator({ clientSecret: CLIENT_SECRET });

describe("header secrets", () => {
  it("hook payloads redact a key header (X-Auth-Key) and any header value that is a known secret", async () => {
    const seen: RequestInfo[] = [];
    const client = h.client({
      clientSecret: CLIENT_SECRET,
      headers: { "X-Auth-Key": AUTH_KEY },
      hooks: { onRequest: (info) => void seen.push(info) },
    });
    await client.workspace().connectors.list({}, { headers: { "X-Trace": CLIENT_SECRET } });
    expect(seen.length).toBeGreaterThan(0);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(AUTH_KEY);
    expect(text).not.toContain(CLIENT_SECRET);
    // The headers are still named, so a hook can tell what was sent.
    expect(seen.at(-1)?.headers).toMatchObject({ "x-auth-key": "[REDACTED]", "x-trace": "[REDACTED]" });
  });

  it("client.options shows which headers are set, never a secret header's value", () => {
    const client = h.client({ headers: { Authorization: "Bearer proxy-Token-123456", "X-Auth-Key": AUTH_KEY, "X-Team": "growth" } });
    const text = JSON.stringify(client.options);
    expect(text).not.toContain("proxy-Token-123456");
    expect(text).not.toContain(AUTH_KEY);
    expect(client.options.headers).toEqual({ Authorization: "[REDACTED]", "X-Auth-Key": "[REDACTED]", "X-Team": "growth" });
  });
});
