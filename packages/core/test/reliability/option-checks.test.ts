// Option checks that must hold before anything runs: a wrong-typed secret is never echoed in the error, and a
// baseUrl with a query or fragment is refused (the client appends API paths to it as text, so `https://host#v1`
// sent the client secret to `https://host/`).
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient, isValidationError, resetConfiguration } from "../../src/index";
import { createWidgetClient } from "../../src/widget/widget-client";

const SECRET_NUMBER = 987654321;

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

afterEach(() => resetConfiguration());

describe("secret options and headers are never echoed", () => {
  const cases: Record<string, unknown>[] = [
    { clientSecret: SECRET_NUMBER },
    { headers: { authorization: SECRET_NUMBER } },
    { headers: { "x-api-key": SECRET_NUMBER } },
    { headers: { "x-custom-key": SECRET_NUMBER } },
    { headers: SECRET_NUMBER },
  ];
  for (const bad of cases) {
    it(`createClient(${JSON.stringify(bad)}) names the type only`, () => {
      const thrown = thrownBy(() => createClient({ clientId: "id", ...bad } as never));
      expect(isValidationError(thrown)).toBe(true);
      expect((thrown as Error).message).not.toContain(String(SECRET_NUMBER));
      expect(JSON.stringify(thrown)).not.toContain(String(SECRET_NUMBER));
      expect((thrown as Error).message).toMatch(/got a number/);
    });
  }

  it("the widget client does not echo a header value either", () => {
    const thrown = thrownBy(() => createWidgetClient({ getToken: () => "t", headers: { authorization: SECRET_NUMBER } } as never));
    expect(isValidationError(thrown)).toBe(true);
    expect(JSON.stringify(thrown)).not.toContain(String(SECRET_NUMBER));
  });

  it("a non-secret option still shows its value", () => {
    const thrown = thrownBy(() => createClient({ maxRetries: -5 }));
    expect((thrown as Error).message).toContain("got -5");
  });
});

describe("baseUrl with a query or fragment is refused before any request", () => {
  for (const baseUrl of ["https://api.example.test#v1", "https://api.example.test?x=1", "https://api.example.test/?"]) {
    it(`createClient refuses ${baseUrl}`, async () => {
      const fetch = vi.fn(async () => new Response("{}", { status: 200 }));
      const thrown = thrownBy(() => createClient({ baseUrl, clientId: "id", clientSecret: "secret", fetch }));
      expect(isValidationError(thrown)).toBe(true);
      expect((thrown as Error).message).toContain('"baseUrl"');
      expect((thrown as Error).message).toMatch(/without \? or #/);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(fetch).not.toHaveBeenCalled();
    });

    it(`createWidgetClient refuses ${baseUrl}`, () => {
      const fetch = vi.fn(async () => new Response("{}", { status: 200 }));
      const thrown = thrownBy(() => createWidgetClient({ baseUrl, getToken: () => "t", fetch }));
      expect(isValidationError(thrown)).toBe(true);
      expect((thrown as Error).message).toContain('"baseUrl"');
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  it("a path prefix stays allowed", () => {
    expect(() => createClient({ baseUrl: "https://api.example.test/prefix", clientId: "id", clientSecret: "s" })).not.toThrow();
    expect(() => createWidgetClient({ baseUrl: "https://api.example.test/api/airbyte", getToken: () => "t" })).not.toThrow();
  });
});
