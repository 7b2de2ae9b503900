// The transport's waits between attempts, on fake timers with a stubbed fetch and an injected `random`:
// full jitter over an exponential ceiling, Retry-After in seconds or as an HTTP date, the maxRetryAfterMs cap,
// and a deadline that refuses a wait it cannot afford.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InternalServerError, RateLimitError, TimeoutError } from "../../src/errors/index";
import { createSecretRegistry, redactText } from "../../src/redact";
import type { RetryInfo } from "../../src/transport/hooks";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../../src/transport/retry";
import { createTransport, type TransportConfig } from "../../src/transport/transport";

/** A token source that always answers the same token: these tests are about the attempts, not the token. */
const FIXED_TOKEN = { get: async () => "token", invalidate: () => undefined };

const NOW = Date.parse("2030-01-01T00:00:00.000Z");

type Answer = { status: number; retryAfter?: string };

function setup(answers: Answer[], overrides: Partial<TransportConfig> & { policy?: Partial<RetryPolicy> } = {}) {
  const queue = [...answers];
  const fetch = vi.fn(async () => {
    const next = queue.shift() ?? { status: 200 };
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (next.retryAfter !== undefined) headers["retry-after"] = next.retryAfter;
    return new Response(JSON.stringify(next.status === 200 ? { ok: true } : { message: `status ${next.status}` }), {
      status: next.status,
      headers,
    });
  });
  const retries: RetryInfo[] = [];
  const { policy, ...rest } = overrides;
  const transport = createTransport({
    baseUrl: "https://api.test",
    fetch: fetch as unknown as typeof globalThis.fetch,
    timeoutMs: 30_000,
    longTimeoutMs: 300_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...policy },
    hooks: { onRetry: (info) => void retries.push(info) },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    redact: redactText,
    secrets: createSecretRegistry(),
    validation: "off",
    userAgent: undefined,
    sdkHeader: "test",
    random: () => 0.5,
    now: () => Date.now(),
    ...rest,
  });
  const read = () => transport.request({ method: "GET", path: "/api/v1/things", schema: null, auth: FIXED_TOKEN });
  return { fetch, retries, transport, read };
}

/** Lets the pending promise chain (fetch, body parsing, error mapping) run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Checks that the next attempt is sent exactly `ms` after the previous one failed, not a millisecond earlier. */
async function expectWait(fetch: { mock: { calls: unknown[] } }, ms: number): Promise<void> {
  const before = fetch.mock.calls.length;
  await vi.advanceTimersByTimeAsync(ms - 1);
  expect(fetch.mock.calls.length, `attempt ${before + 1} sent before ${ms} ms`).toBe(before);
  await vi.advanceTimersByTimeAsync(1);
  expect(fetch.mock.calls.length, `attempt ${before + 1} not sent after ${ms} ms`).toBe(before + 1);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("backoff with full jitter", () => {
  it("waits random × min(maxDelayMs, baseDelayMs · 2^attempt): 250, 500, 1000 ms with random 0.5", async () => {
    const t = setup([{ status: 503 }, { status: 503 }, { status: 502 }], { policy: { maxRetries: 3 } });
    const call = t.read();
    await settle();
    expect(t.fetch).toHaveBeenCalledTimes(1);
    await expectWait(t.fetch, 250);
    await expectWait(t.fetch, 500);
    await expectWait(t.fetch, 1000);
    await expect(call).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(t.retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [0, 250],
      [1, 500],
      [2, 1000],
    ]);
    expect(t.retries.every((r) => r.error instanceof InternalServerError)).toBe(true);
  });

  it("the ceiling stops at maxDelayMs", async () => {
    const t = setup([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }], {
      policy: { maxRetries: 4, baseDelayMs: 1000, maxDelayMs: 3000 },
    });
    const call = t.read();
    await settle();
    await expectWait(t.fetch, 500); // 0.5 × 1000
    await expectWait(t.fetch, 1000); // 0.5 × 2000
    await expectWait(t.fetch, 1500); // 0.5 × min(3000, 4000)
    await expectWait(t.fetch, 1500); // 0.5 × min(3000, 8000)
    await expect(call).resolves.toMatchObject({ status: 200 });
  });

  it("the injected random decides the point inside the window (0 → at once, 0.999 → just under the ceiling)", async () => {
    const zero = setup([{ status: 503 }], { random: () => 0 });
    const first = zero.read();
    await settle(); // a 0 ms wait: the retry is already out
    expect(zero.fetch).toHaveBeenCalledTimes(2);
    expect(zero.retries[0]!.delayMs).toBe(0);
    await expect(first).resolves.toMatchObject({ status: 200 });

    const high = setup([{ status: 503 }], { random: () => 0.999 });
    const second = high.read();
    await settle();
    await expectWait(high.fetch, 499);
    await expect(second).resolves.toMatchObject({ status: 200 });
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const t = setup([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    const call = t.read().catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await call).toBeInstanceOf(InternalServerError);
    expect(t.fetch).toHaveBeenCalledTimes(3);
    expect(t.retries.map((r) => r.delayMs)).toEqual([250, 500]);
  });
});

describe("Retry-After", () => {
  it("in seconds replaces the backoff, on 429 and on 503", async () => {
    const t = setup([
      { status: 429, retryAfter: "2" },
      { status: 503, retryAfter: "1.5" },
    ]);
    const call = t.read();
    await settle();
    await expectWait(t.fetch, 2000);
    await expectWait(t.fetch, 1500);
    await expect(call).resolves.toMatchObject({ status: 200 });
    expect(t.retries[0]!.error).toBeInstanceOf(RateLimitError);
    expect(t.retries.map((r) => r.delayMs)).toEqual([2000, 1500]);
  });

  it("as an HTTP date waits until that moment on the injected clock", async () => {
    const at = new Date(NOW + 3000).toUTCString(); // "Tue, 01 Jan 2030 00:00:03 GMT"
    const t = setup([{ status: 429, retryAfter: at }]);
    const call = t.read();
    await settle();
    await expectWait(t.fetch, 3000);
    await expect(call).resolves.toMatchObject({ status: 200 });
    expect(t.retries[0]!.delayMs).toBe(3000);
    expect((t.retries[0]!.error as RateLimitError).retryAfterMs).toBe(3000);
  });

  it("an HTTP date in the past means retry now", async () => {
    const t = setup([{ status: 429, retryAfter: new Date(NOW - 60_000).toUTCString() }]);
    const call = t.read();
    await settle();
    expect(t.fetch).toHaveBeenCalledTimes(2);
    await expect(call).resolves.toMatchObject({ status: 200 });
    expect(t.retries[0]!.delayMs).toBe(0);
  });

  it("an unreadable value falls back to the jittered backoff", async () => {
    const t = setup([{ status: 429, retryAfter: "soon" }]);
    const call = t.read();
    await settle();
    await expectWait(t.fetch, 250);
    await expect(call).resolves.toMatchObject({ status: 200 });
  });

  it("is capped at maxRetryAfterMs (default 60 s)", async () => {
    const t = setup([{ status: 429, retryAfter: "3600" }]);
    const call = t.read();
    await settle();
    await expectWait(t.fetch, 60_000);
    await expect(call).resolves.toMatchObject({ status: 200 });
    expect(t.retries[0]!.delayMs).toBe(60_000);
  });

  it("is capped at a custom maxRetryAfterMs, dates included", async () => {
    const t = setup(
      [
        { status: 429, retryAfter: "30" },
        { status: 429, retryAfter: new Date(NOW + 600_000).toUTCString() },
      ],
      { policy: { maxRetryAfterMs: 5000 } },
    );
    const call = t.read();
    await settle();
    await expectWait(t.fetch, 5000);
    await expectWait(t.fetch, 5000);
    await expect(call).resolves.toMatchObject({ status: 200 });
    expect(t.retries.map((r) => r.delayMs)).toEqual([5000, 5000]);
  });
});

describe("deadline", () => {
  it("fails with deadline_exceeded at once when the wait would pass the deadline", async () => {
    const t = setup([{ status: 503, retryAfter: "2" }], { deadlineMs: 1500 });
    const call = t.read().catch((e: unknown) => e);
    await settle();
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "deadline_exceeded", timeoutMs: 1500 });
    expect(Date.now()).toBe(NOW);
    expect(t.fetch).toHaveBeenCalledTimes(1);
    expect(t.retries).toHaveLength(0);
  });

  it("allows the waits that fit", async () => {
    const t = setup([{ status: 503 }, { status: 503 }, { status: 503 }], { policy: { maxRetries: 5 } });
    const call = t.transport
      .request({ method: "GET", path: "/x", schema: null, auth: FIXED_TOKEN }, { deadline: 1000 })
      .catch((e: unknown) => e);
    await settle();
    await expectWait(t.fetch, 250); // at 250, next wait 500 → 750 < 1000: allowed
    await expectWait(t.fetch, 500); // at 750, next wait 1000 → 1750 ≥ 1000: refused
    const error = await call;
    expect(error).toMatchObject({ name: "TimeoutError", code: "deadline_exceeded" });
    expect(Date.now()).toBe(NOW + 750);
    expect(t.fetch).toHaveBeenCalledTimes(3);
  });
});
