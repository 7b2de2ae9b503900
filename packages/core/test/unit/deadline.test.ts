import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startDeadline } from "../../src/transport/call-deadline";
import { createAttemptSignal, remainingMs, sleep } from "../../src/transport/deadline";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createAttemptSignal", () => {
  it("aborts with 'timeout' when the attempt takes too long, then holds no timer", () => {
    const attempt = createAttemptSignal({ timeoutMs: 1000, now: Date.now() });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(999);
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.reason()).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.reason()).toBe("timeout");
    expect((attempt.signal.reason as Error).name).toBe("TimeoutError");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborts with 'deadline' when the overall deadline comes first", () => {
    const now = Date.now();
    const attempt = createAttemptSignal({ timeoutMs: 1000, deadlineAt: now + 400, now });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(400);
    expect(attempt.reason()).toBe("deadline");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("reports 'deadline' when both limits fall at the same moment", () => {
    const now = Date.now();
    const attempt = createAttemptSignal({ timeoutMs: 500, deadlineAt: now + 500, now });
    vi.advanceTimersByTime(500);
    expect(attempt.reason()).toBe("deadline");
  });

  it("uses the deadline alone when there is no per-attempt timeout", () => {
    const now = Date.now();
    const attempt = createAttemptSignal({ deadlineAt: now + 250, now });
    vi.advanceTimersByTime(250);
    expect(attempt.reason()).toBe("deadline");
  });

  it("aborts at once, without a timer, when the deadline has passed", () => {
    const now = Date.now();
    const attempt = createAttemptSignal({ timeoutMs: 1000, deadlineAt: now - 1, now });
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.reason()).toBe("deadline");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("lets the caller's abort win, passing its reason through", () => {
    const caller = new AbortController();
    const attempt = createAttemptSignal({ timeoutMs: 1000, deadlineAt: Date.now() + 5000, callerSignal: caller.signal, now: Date.now() });
    vi.advanceTimersByTime(100);
    const why = new Error("user cancelled");
    caller.abort(why);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.reason()).toBe("aborted");
    expect(attempt.signal.reason).toBe(why);
    expect(vi.getTimerCount()).toBe(0);
    // A later timer cannot change the verdict.
    vi.advanceTimersByTime(10_000);
    expect(attempt.reason()).toBe("aborted");
  });

  it("aborts at once when the caller's signal is already aborted", () => {
    const caller = new AbortController();
    caller.abort("gone");
    const attempt = createAttemptSignal({ timeoutMs: 1000, callerSignal: caller.signal, now: Date.now() });
    expect(attempt.reason()).toBe("aborted");
    expect(attempt.signal.reason).toBe("gone");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives the caller a default reason when its signal aborted without one", () => {
    const caller = new AbortController();
    const attempt = createAttemptSignal({ callerSignal: caller.signal, now: Date.now() });
    caller.abort();
    expect((attempt.signal.reason as Error).name).toBe("AbortError");
  });

  it("cleanup clears the timer and removes the caller listener", () => {
    const caller = new AbortController();
    const add = vi.spyOn(caller.signal, "addEventListener");
    const remove = vi.spyOn(caller.signal, "removeEventListener");
    const attempt = createAttemptSignal({ timeoutMs: 1000, callerSignal: caller.signal, now: Date.now() });
    expect(vi.getTimerCount()).toBe(1);
    expect(add).toHaveBeenCalledTimes(1);
    attempt.cleanup();
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledWith("abort", add.mock.calls[0]?.[1]);
    caller.abort();
    vi.advanceTimersByTime(5000);
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.reason()).toBeUndefined();
    attempt.cleanup();
  });

  it("does not pile up timers or listeners over many attempts", () => {
    const caller = new AbortController();
    const add = vi.spyOn(caller.signal, "addEventListener");
    const remove = vi.spyOn(caller.signal, "removeEventListener");
    for (let i = 0; i < 50; i++) {
      createAttemptSignal({ timeoutMs: 1000, deadlineAt: Date.now() + 60_000, callerSignal: caller.signal, now: Date.now() }).cleanup();
    }
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledTimes(add.mock.calls.length);
  });

  it("creates no timer when no limit applies, or when it is too far away for setTimeout", () => {
    createAttemptSignal({ now: Date.now() });
    createAttemptSignal({ timeoutMs: Number.POSITIVE_INFINITY, now: Date.now() });
    createAttemptSignal({ timeoutMs: 3_000_000_000, now: Date.now() });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("sleep", () => {
  it("resolves after the delay and leaves no timer", async () => {
    const done = vi.fn();
    void sleep(1000).then(done);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects promptly with the signal's reason and clears its timer", async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    const why = new Error("stop");
    controller.abort(why);
    await expect(pending).rejects.toBe(why);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once for an already-aborted signal", async () => {
    const controller = new AbortController();
    controller.abort("early");
    await expect(sleep(1000, controller.signal)).rejects.toBe("early");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("removes its listener once it resolves", async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const pending = sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await pending;
    expect(remove).toHaveBeenCalledTimes(1);
  });
});

describe("remainingMs", () => {
  it("counts down to the deadline and never goes negative", () => {
    expect(remainingMs(1500, 1000)).toBe(500);
    expect(remainingMs(1000, 1500)).toBe(0);
    expect(remainingMs(undefined, 1000)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("AttemptSignal.restart", () => {
  it("starts the timeout again from now, capped by the deadline, and does nothing once fired", () => {
    const start = Date.now();
    const attempt = createAttemptSignal({ timeoutMs: 1000, deadlineAt: start + 2500, now: start });
    vi.advanceTimersByTime(900);
    attempt.restart(Date.now());
    vi.advanceTimersByTime(900);
    expect(attempt.signal.aborted).toBe(false);
    attempt.restart(Date.now());
    // 1800 ms in: 700 ms of deadline are left, less than the timeout.
    vi.advanceTimersByTime(699);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.reason()).toBe("deadline");
    attempt.restart(Date.now());
    expect(vi.getTimerCount()).toBe(0);
  });

  it("without a deadline the timeout fires a full timeout after the last restart; after cleanup a restart arms nothing", () => {
    const attempt = createAttemptSignal({ timeoutMs: 1000, now: Date.now() });
    vi.advanceTimersByTime(999);
    attempt.restart(Date.now());
    vi.advanceTimersByTime(999);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.reason()).toBe("timeout");
    const released = createAttemptSignal({ timeoutMs: 1000, now: Date.now() });
    released.cleanup();
    released.restart(Date.now());
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("startDeadline", () => {
  const config = (deadlineMs: number | undefined, now = 1_000) => ({ deadlineMs, now: () => now });

  it("starts the per-call budget, else the client's, without changing the caller's object", () => {
    const options = { deadline: 500, maxRetries: 1 };
    expect(startDeadline(config(9_000), options)).toEqual({ deadline: 500, maxRetries: 1, deadlineAt: 1_500 });
    expect(options).toEqual({ deadline: 500, maxRetries: 1 });
    expect(startDeadline(config(9_000), {})).toEqual({ deadline: 9_000, deadlineAt: 10_000 });
  });

  it("keeps an end already started, and changes nothing without a deadline", () => {
    const started = startDeadline(config(undefined, 1_000), { deadline: 500 });
    expect(startDeadline(config(undefined, 5_000), started)).toBe(started);
    const none = { maxRetries: 0 };
    expect(startDeadline(config(undefined), none)).toBe(none);
  });
});
