// Short-lived tokens (issue 11, "Hardening", Tests): with a 5 s token TTL, 60 s of steady calls (one every
// 250 ms, 240 calls) on a simulated clock: 0 failed calls, no 401 reaches the server (the client refreshes before
// expiry instead of waiting for a refusal), and about one mint per token life: at least ceil(60/5) - 1, at most
// ceil(60/(5 - 1)) + 1. The upper bound allows for the server's whole-second JWT `exp` (`iat` is floored, so a
// token minted at x.75 s dies 0.75 s early) and for the "never less than 1 s before expiry". The clock is a fake `Date`
// (vi.useFakeTimers({ toFake: ["Date"] })) installed before the client is built: the client's token cache and
// transport and the in-process emulator (whose clock is `Date.now() + offset`) all read it. Real timers stay
// real, so sockets and the transport's per-attempt timers work as usual.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useEmulator } from "../helpers/emulator";

const TTL_SECONDS = 5;
const RUN_MS = 60_000;
const STEP_MS = 250;
const CALLS = RUN_MS / STEP_MS;
const MIN_MINTS = Math.ceil(RUN_MS / 1000 / TTL_SECONDS) - 1;
const MAX_MINTS = Math.ceil(RUN_MS / 1000 / (TTL_SECONDS - 1)) + 1;
// On a whole second: the emulator's JWT `iat` is whole seconds, so the run starts where both clocks agree.
const START = Date.UTC(2026, 0, 1, 0, 0, 0);

const h = useEmulator({ tokenTtlSeconds: TTL_SECONDS, scopedTokenTtlSeconds: TTL_SECONDS });

interface Stats {
  statuses: Record<string, number>;
  routes: Record<string, number>;
  tokenMints: { application: number; scoped: number; widget: number };
}
const stats = () => h.emu.stats() as unknown as Stats;

beforeEach(() => {
  h.emu.reset();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

/** One call every STEP_MS of simulated time for RUN_MS; returns the failures. */
async function steady(call: () => Promise<unknown>): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (let i = 0; i < CALLS; i++) {
    vi.setSystemTime(START + i * STEP_MS);
    try {
      await call();
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}

describe(`tokens of ${TTL_SECONDS} s over ${RUN_MS / 1000} s of steady calls (${CALLS} calls, one every ${STEP_MS} ms)`, () => {
  it(`application token: 0 failed calls, ${MIN_MINTS} to ${MAX_MINTS} mints, no 401`, async () => {
    // maxRetries 0: a refused token would show as a failure or a replay, never hidden behind a retry.
    const ws = h.client({ maxRetries: 0 }).workspace();
    const failures = await steady(() => ws.connectors.list());
    const s = stats();
    console.log(
      `[token-ttl] application: calls=${CALLS} failures=${failures.length} mints=${s.tokenMints.application} bounds=${MIN_MINTS}..${MAX_MINTS} status401=${s.statuses["401"] ?? 0}`,
    );
    expect(failures.map(String)).toEqual([]);
    expect(s.statuses["200"] ?? 0).toBeGreaterThanOrEqual(CALLS);
    expect(s.tokenMints.application).toBeGreaterThanOrEqual(MIN_MINTS);
    expect(s.tokenMints.application).toBeLessThanOrEqual(MAX_MINTS);
    expect(s.statuses["401"] ?? 0).toBe(0);
  });

  it(`scoped workspace token: 0 failed calls, ${MIN_MINTS} to ${MAX_MINTS} scoped mints, no 401`, async () => {
    const ws = h.client({ maxRetries: 0 }).workspace("ttl-scoped", { scopedToken: true });
    const failures = await steady(() => ws.connectors.list());
    const s = stats();
    console.log(
      `[token-ttl] scoped: calls=${CALLS} failures=${failures.length} scopedMints=${s.tokenMints.scoped} applicationMints=${s.tokenMints.application} bounds=${MIN_MINTS}..${MAX_MINTS} status401=${s.statuses["401"] ?? 0}`,
    );
    expect(failures.map(String)).toEqual([]);
    expect(s.statuses["200"] ?? 0).toBeGreaterThanOrEqual(CALLS);
    expect(s.tokenMints.scoped).toBeGreaterThanOrEqual(MIN_MINTS);
    expect(s.tokenMints.scoped).toBeLessThanOrEqual(MAX_MINTS);
    // The application token that mints the scoped ones is itself a 5 s token: at most one per scoped mint.
    expect(s.tokenMints.application).toBeLessThanOrEqual(s.tokenMints.scoped + 1);
    expect(s.statuses["401"] ?? 0).toBe(0);
  });
});
