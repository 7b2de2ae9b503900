// What getToken() may return, read by parseWidgetTokenValue (pure logic, no HTTP).
import { describe, expect, it } from "vitest";
import { parseWidgetTokenValue } from "../../src/auth/widget-token";

const NOW = Date.parse("2026-12-03T12:00:00Z");
// An opaque inner token (no JWT exp): the expiry must come from `expiresAt`.
const widgetToken = btoa(JSON.stringify({ token: "opaque-scoped-token", widgetUrl: "https://app.airbyte.ai/widget?workspaceId=w1" }));

describe("parseWidgetTokenValue: expiresAt", () => {
  const expiresAt = (value: unknown) => parseWidgetTokenValue({ token: widgetToken, expiresAt: value }, NOW).expiresAt;
  const in10Min = NOW + 10 * 60_000;

  it("reads an ISO string, a Date and epoch milliseconds", () => {
    expect(expiresAt(new Date(in10Min).toISOString())).toBe(in10Min);
    expect(expiresAt(new Date(in10Min))).toBe(in10Min);
    expect(expiresAt(in10Min)).toBe(in10Min);
  });

  it("reads epoch seconds (a JWT's exp, most token APIs' expires_at) as seconds, not as a date in 1970", () => {
    expect(expiresAt(Math.floor(in10Min / 1000))).toBe(Math.floor(in10Min / 1000) * 1000);
  });

  it("gives 20 minutes for an expiry already past, missing or unreadable", () => {
    for (const value of [NOW - 1000, undefined, "not a date", Number.NaN]) expect(expiresAt(value)).toBe(NOW + 20 * 60_000);
  });
});
