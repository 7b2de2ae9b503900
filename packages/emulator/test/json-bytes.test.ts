import { describe, expect, it } from "vitest";
import { jsonBytes, jsonResponse } from "../src/http/json-bytes.js";

const text = (value: unknown) => new TextDecoder().decode(jsonBytes(value));

describe("jsonBytes: JSON.stringify's bytes, built piece by piece", () => {
  it("matches JSON.stringify on awkward values", () => {
    const nested = { a: { b: { c: { d: { e: { f: { g: { h: [1, { i: 2 }] } } } } } } } };
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      Number.NaN,
      "plain",
      'quote " backslash \\ newline \n tab \t nul \u0000 lone \ud800 emoji 😀 accents éß',
      [],
      {},
      [undefined, () => 1, Symbol("s"), null, "x"],
      { keep: 1, gone: undefined, fn: () => 1, sym: Symbol("s") },
      { 10: "ten", 2: "two", b: "b", a: "a" },
      { when: new Date(Date.UTC(2026, 0, 2)), boxed: new String("s"), n: new Number(3) },
      { custom: { toJSON: () => ({ replaced: true }) } },
      Object.assign(Object.create(null), { bare: true }),
      nested,
      { status: "success", result: Array.from({ length: 300 }, (_, i) => ({ id: `r_${i}`, text: "é".repeat(200), n: i })) },
    ];
    for (const value of values) expect(text(value)).toBe(JSON.stringify(value));
  });

  it("handles an answer larger than its scratch buffer, then a small one", () => {
    const big = { result: Array.from({ length: 2000 }, (_, i) => ({ id: i, body: "x".repeat(1500) })) };
    expect(text(big)).toBe(JSON.stringify(big));
    expect(text({ small: true })).toBe('{"small":true}');
  });

  it("returns a copy each time, not a view of a reused buffer", () => {
    const first = jsonBytes({ a: 1 });
    jsonBytes({ b: 2 });
    expect(new TextDecoder().decode(first)).toBe('{"a":1}');
  });

  it("answers a Response whose body is its own, whether or not the scratch buffer is handed over", async () => {
    const init = { status: 200, headers: { "content-type": "application/json" } };
    const first = jsonResponse({ n: 1 }, init);
    // Let the probe of whether Response copies its body answer, then answer twice before reading either.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = jsonResponse({ n: 2, pad: "x".repeat(100) }, init);
    const third = jsonResponse({ n: 3 }, init);
    expect(await first.text()).toBe('{"n":1}');
    expect(await second.text()).toBe(JSON.stringify({ n: 2, pad: "x".repeat(100) }));
    expect(await third.text()).toBe('{"n":3}');
    expect(second.headers.get("content-type")).toBe("application/json");
  });
});
