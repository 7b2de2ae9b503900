// Chaos (issue 11, "Hardening", Tests): mixed reads and writes against the in-process emulator at 20% 5xx,
// 5% dropped connections, 5% 429 and 5% after-write faults (the write is applied, then answered 5xx).
// What must hold: no write is applied twice, every write that failed but was applied says so
// (`mayHaveSucceeded: true`, `retryable: false`), every read succeeds with enough retries, deletes retried after
// a lost answer succeed, and the run ends within its deadline.
// Quick mode by default (600 operations, concurrency 20); `RELIABILITY_FULL=1` runs 5,000.
import { describe, expect, it } from "vitest";
import { type AirbyteError, isAirbyteError } from "../../src/index";
import { useEmulator } from "../helpers/emulator";

const FULL = process.env.RELIABILITY_FULL === "1";
const OPS = FULL ? 5_000 : 600;
const CONCURRENCY = 20;
/** The run's deadline: the operations under faults, not the setup or the count afterwards. */
const DEADLINE_MS = FULL ? 300_000 : 40_000;
const SEED = 11;

const FAULTS = {
  seed: SEED,
  errorRate: 0.2,
  dropRate: 0.05,
  rateLimitRate: 0.05,
  retryAfterSeconds: 0,
  afterWriteRate: 0.05,
};

// Few generated records, so counting every Stripe customer afterwards is a handful of pages.
const h = useEmulator({ recordsPerEntity: 3 });

/** mulberry32: the operation mix is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = "list" | "get" | "execute-list" | "customer-create" | "connector-create" | "connector-delete";

interface WriteOutcome {
  kind: "customer-create" | "connector-create";
  marker: string;
  error?: AirbyteError | unknown;
}

const stripeInput = (name: string) => ({
  connectorType: "Stripe",
  name,
  credentials: { api_key: "sk_test_chaos_0123456789" },
  replicationConfig: { account_id: "acct_chaos" },
});

describe(`chaos: ${OPS} mixed operations at concurrency ${CONCURRENCY} under 20% 5xx, 5% drops, 5% 429, 5% after-write`, () => {
  it(
    "applies no write twice, flags every failed-but-applied write, answers every read, and ends within the deadline",
    async () => {
      h.emu.reset();
      h.emu.setFaults(undefined);
      const client = h.client({ maxRetries: 10 });
      const ws = client.workspace();
      const stripeId = (await ws.connectors.list()).find((c) => c.name === "Stripe")?.id as string;
      expect(stripeId).toBeDefined();
      const stripe = ws.connector({ connectorId: stripeId });

      // Connectors to delete under faults, created before the faults start.
      const random = prng(SEED);
      const kinds: Kind[] = Array.from({ length: OPS }, () => {
        const r = random();
        if (r < 0.2) return "list";
        if (r < 0.35) return "get";
        if (r < 0.5) return "execute-list";
        if (r < 0.75) return "customer-create";
        if (r < 0.9) return "connector-create";
        return "connector-delete";
      });
      const toDelete: string[] = [];
      const deleteCount = kinds.filter((k) => k === "connector-delete").length;
      for (let i = 0; i < deleteCount; i++) toDelete.push((await ws.connectors.create(stripeInput(`chaos-delete-${i}`))).id);

      const run = `${Date.now().toString(36)}`;
      const writes: WriteOutcome[] = [];
      const readFailures: unknown[] = [];
      const deleteFailures: unknown[] = [];
      let deletesAlreadyGone = 0;
      let next = 0;
      let deleteNext = 0;

      const one = async (index: number): Promise<void> => {
        const kind = kinds[index] as Kind;
        switch (kind) {
          case "list":
          case "get":
          case "execute-list":
            try {
              if (kind === "list") await ws.connectors.list();
              else if (kind === "get") await ws.connectors.get(stripeId);
              else await stripe.execute("customers", "list", { limit: 2 });
            } catch (error) {
              readFailures.push(error);
            }
            return;
          case "customer-create":
          case "connector-create": {
            const marker = `chaos-${run}-${index}`;
            const outcome: WriteOutcome = { kind, marker };
            writes.push(outcome);
            try {
              if (kind === "customer-create") await stripe.execute("customers", "create", { email: `${marker}@example.com` });
              else await ws.connectors.create(stripeInput(marker));
            } catch (error) {
              outcome.error = error;
            }
            return;
          }
          case "connector-delete": {
            const id = toDelete[deleteNext++] as string;
            try {
              const { jobId } = await ws.connectors.delete(id);
              if (jobId === null) deletesAlreadyGone++;
            } catch (error) {
              deleteFailures.push(error);
            }
            return;
          }
        }
      };

      const before = (await h.control("/_emulator/stats")) as { faults: Record<string, number> };
      expect(before.faults).toEqual({});
      h.emu.setFaults(FAULTS);
      const started = Date.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < OPS) await one(next++);
        }),
      );
      const elapsedMs = Date.now() - started;
      const stats = (await h.control("/_emulator/stats")) as { requests: number; faults: Record<string, number> };
      h.emu.setFaults(undefined);

      // With the faults cleared: how many records each marker left in the store.
      const applied = new Map<string, number>();
      const bump = (marker: string) => applied.set(marker, (applied.get(marker) ?? 0) + 1);
      for await (const customer of stripe.paginate<{ email?: string }>("customers", "list", { limit: 100 })) {
        const email = customer.email ?? "";
        if (email.startsWith(`chaos-${run}-`)) bump(email.replace(/@example\.com$/, ""));
      }
      const connectors = await ws.connectors.list();
      for (const c of connectors) if (c.name.startsWith(`chaos-${run}-`)) bump(c.name);

      const failed = writes.filter((w) => w.error !== undefined);
      const flagged = failed.filter((w) => isAirbyteError(w.error) && w.error.mayHaveSucceeded === true);
      const unflagged = failed.filter((w) => !flagged.includes(w));
      const duplicated = [...applied.entries()].filter(([, count]) => count > 1);
      const appliedButFailed = failed.filter((w) => (applied.get(w.marker) ?? 0) > 0);
      const succeededNotApplied = writes.filter((w) => w.error === undefined && applied.get(w.marker) !== 1);
      const faultsInjected = Object.values(stats.faults).reduce((sum, n) => sum + n, 0);

      console.log(
        `[chaos] mode=${FULL ? "full" : "quick"} ops=${OPS} concurrency=${CONCURRENCY} elapsedMs=${elapsedMs} deadlineMs=${DEADLINE_MS}` +
          ` serverRequests=${stats.requests} faultsInjected=${faultsInjected} faults=${JSON.stringify(stats.faults)}` +
          ` reads=${kinds.filter((k) => k === "list" || k === "get" || k === "execute-list").length} readFailures=${readFailures.length}` +
          ` writes=${writes.length} failedWrites=${failed.length} flagged=${flagged.length} unflagged=${unflagged.length}` +
          ` appliedButFailed=${appliedButFailed.length} duplicated=${duplicated.length}` +
          ` deletes=${deleteCount} deleteFailures=${deleteFailures.length} deletesAlreadyGone=${deletesAlreadyGone}`,
      );

      // The faults did happen, of every kind asked for, and some writes were applied and then failed.
      expect(stats.faults.drop ?? 0).toBeGreaterThan(0);
      expect(stats.faults["429"] ?? 0).toBeGreaterThan(0);
      expect(Object.keys(stats.faults).some((k) => k.startsWith("after-write-"))).toBe(true);
      expect(appliedButFailed.length).toBeGreaterThan(0);

      // 0 duplicated writes.
      expect(duplicated).toEqual([]);
      // Every write that failed but was applied is flagged; a failed write without the flag was never applied.
      for (const w of appliedButFailed) {
        expect(isAirbyteError(w.error) && w.error.mayHaveSucceeded, `${w.kind} ${w.marker}: ${String(w.error)}`).toBe(true);
      }
      expect(unflagged.filter((w) => (applied.get(w.marker) ?? 0) > 0)).toEqual([]);
      // A flagged error is never retryable, and says so in its message.
      for (const w of flagged) {
        const error = w.error as AirbyteError;
        expect(error.retryable).toBe(false);
        expect(error.message).toContain("mayHaveSucceeded");
      }
      // Every write reported as done is in the store exactly once.
      expect(succeededNotApplied.map((w) => w.marker)).toEqual([]);
      // Every read succeeded; every delete succeeded (a retry that found the connector gone included).
      expect(readFailures.map(String)).toEqual([]);
      expect(deleteFailures.map(String)).toEqual([]);
      const remaining = new Set(connectors.map((c) => c.id));
      expect(toDelete.filter((id) => remaining.has(id))).toEqual([]);
      expect(elapsedMs).toBeLessThan(DEADLINE_MS);
    },
    DEADLINE_MS + 60_000,
  );
});
