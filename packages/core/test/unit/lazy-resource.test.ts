import { describe, expect, it } from "vitest";
import { isAirbyteError } from "../../src/errors/brand";
import { AirbyteError } from "../../src/errors/classes";
import { lazyResource } from "../../src/resources/lazy";

class Pages {
  readonly seen: unknown[] = [];
  async get(id: string): Promise<string> {
    this.seen.push(id);
    return `page ${id}`;
  }
  async *iterate(count: number): AsyncGenerator<number> {
    if (count < 0) throw new RangeError("count must not be negative");
    for (let i = 0; i < count; i++) yield i;
  }
}

describe("lazyResource", () => {
  it("loads the resource on the first call only, once for concurrent calls, and forwards arguments and this", async () => {
    let loads = 0;
    const real = new Pages();
    const pages = lazyResource<Pages>(
      async () => {
        loads++;
        return real;
      },
      { get: "async", iterate: "iterator" },
    );
    expect(loads).toBe(0);
    const answers = await Promise.all([pages.get("a"), pages.get("b")]);
    expect(answers).toEqual(["page a", "page b"]);
    expect(real.seen).toEqual(["a", "b"]);
    const items: number[] = [];
    for await (const item of pages.iterate(3)) items.push(item);
    expect(items).toEqual([0, 1, 2]);
    expect(loads).toBe(1);
  });

  it("runs an iterator's checks on the first next(), as the async generator itself does", async () => {
    const pages = lazyResource<Pages>(async () => new Pages(), { get: "async", iterate: "iterator" });
    const iterator = pages.iterate(-1); // nothing thrown yet
    await expect(iterator.next()).rejects.toThrow(RangeError);
  });

  it("tries a failed load again on the next call", async () => {
    let attempt = 0;
    const pages = lazyResource<Pages>(
      async () => {
        attempt++;
        if (attempt === 1) throw new TypeError("Failed to fetch dynamically imported module");
        return new Pages();
      },
      { get: "async", iterate: "iterator" },
    );
    await expect(pages.get("x")).rejects.toThrow("Failed to fetch dynamically imported module");
    await expect(pages.get("x")).resolves.toBe("page x");
    expect(attempt).toBe(2);
  });
});

describe("isAirbyteError, in a module of its own", () => {
  it("recognises the errors of the classes module by the shared registry symbol", () => {
    expect(isAirbyteError(new AirbyteError("boom", { code: "server_error" }))).toBe(true);
    expect(isAirbyteError(new Error("boom"))).toBe(false);
    expect(isAirbyteError({ [Symbol.for("airbyte-agents.error")]: true })).toBe(true);
  });
});
