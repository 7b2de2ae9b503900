import { createRandom } from "./random.js";

/**
 * Which requests a fault applies to: a method and a path substring or `/regex/`.
 *
 * @example
 * ```ts
 * const match: FaultMatch = { method: "POST", path: "/execute" };
 * ```
 */
export interface FaultMatch {
  method?: string;
  path?: string;
}

/**
 * One scripted fault, consumed by the next matching request (before any random fault).
 *
 * @example
 * ```ts
 * const fault: ScriptedFault = { status: 429, retryAfter: 2, times: 3 };
 * ```
 */
export interface ScriptedFault {
  /** Answer with this status (and the official error body) instead of running the handler. */
  status?: number;
  /** `Retry-After` header value, in seconds or as an HTTP date. 429s default to 1. */
  retryAfter?: number | string;
  /** Close the connection without answering. */
  drop?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Apply the request first (the write happens), then fail with `status` or `drop`. */
  afterWrite?: boolean;
  match?: FaultMatch;
  /** How many requests this fault hits. Default 1. */
  times?: number;
}

/**
 * Random (seeded) faults for reliability tests and soak runs; `queue` holds deterministic ones.
 *
 * @example
 * ```ts
 * emu.setFaults({ seed: 1, errorRate: 0.1, queue: [{ drop: true }] });
 * ```
 */
export interface FaultConfig {
  seed?: string | number;
  /** Fraction (0-1) of matching requests answered with one of `errorStatuses`. */
  errorRate?: number;
  /** Default [500, 502, 503]. */
  errorStatuses?: number[];
  /** Fraction of matching requests whose connection is dropped. */
  dropRate?: number;
  /** Fraction of matching requests delayed by `slowMs`. */
  slowRate?: number;
  slowMs?: number;
  /** Fraction of matching requests answered 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** Fraction of matching writes that are applied and then answered with a 5xx. */
  afterWriteRate?: number;
  match?: FaultMatch;
  queue?: ScriptedFault[];
}

/** The fault decided for one request. */
export interface FaultDecision {
  status?: number;
  retryAfter?: string;
  drop?: boolean;
  delayMs?: number;
  afterWrite?: boolean;
}

export interface FaultInjector {
  decide(method: string, path: string): FaultDecision | undefined;
  configure(config: FaultConfig | undefined): void;
  config(): FaultConfig | undefined;
  /** Faults injected so far, by kind. */
  counts(): Record<string, number>;
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path) {
    // `/regex/flags` only when the tail is made of real flags: "/integrations/connectors" is a plain substring.
    const regex = /^\/(.+)\/([dgimsuy]*)$/.exec(match.path);
    if (regex) {
      try {
        return new RegExp(regex[1] as string, regex[2]).test(path);
      } catch {
        // not a valid regex: fall back to the substring
      }
    }
    return path.includes(match.path);
  }
  return true;
}

export function createFaultInjector(initial: FaultConfig | undefined): FaultInjector {
  let current: FaultConfig | undefined;
  let queue: ScriptedFault[] = [];
  let random = createRandom(0);
  const counts: Record<string, number> = {};
  const count = (kind: string) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  const configure = (config: FaultConfig | undefined) => {
    current = config;
    queue = (config?.queue ?? []).map((f) => ({ ...f, times: f.times ?? 1 }));
    random = createRandom(config?.seed ?? "faults");
  };
  configure(initial);

  return {
    configure,
    config: () => (current ? { ...current, queue } : undefined),
    counts: () => ({ ...counts }),
    decide(method, path) {
      const scriptedIndex = queue.findIndex((f) => matches(f.match, method, path));
      if (scriptedIndex >= 0) {
        const fault = queue[scriptedIndex] as ScriptedFault;
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) queue.splice(scriptedIndex, 1);
        const decision: FaultDecision = {};
        if (fault.status !== undefined) decision.status = fault.status;
        if (fault.drop) decision.drop = true;
        if (fault.delayMs) decision.delayMs = fault.delayMs;
        if (fault.afterWrite) decision.afterWrite = true;
        if (fault.retryAfter !== undefined) decision.retryAfter = String(fault.retryAfter);
        else if (fault.status === 429) decision.retryAfter = "1";
        count(fault.drop ? "drop" : fault.status ? String(fault.status) : "delay");
        return decision;
      }
      const config = current;
      if (!config || !matches(config.match, method, path)) return undefined;
      const isWrite = method !== "GET" && method !== "HEAD";
      const decision: FaultDecision = {};
      if (config.slowRate && random() < config.slowRate) {
        decision.delayMs = config.slowMs ?? 1000;
        count("slow");
      }
      if (config.dropRate && random() < config.dropRate) {
        decision.drop = true;
        count("drop");
      } else if (config.rateLimitRate && random() < config.rateLimitRate) {
        decision.status = 429;
        decision.retryAfter = String(config.retryAfterSeconds ?? 1);
        count("429");
      } else if (isWrite && config.afterWriteRate && random() < config.afterWriteRate) {
        const statuses = config.errorStatuses ?? [500, 502, 503];
        decision.status = statuses[Math.floor(random() * statuses.length)] as number;
        decision.afterWrite = true;
        count(`after-write-${decision.status}`);
      } else if (config.errorRate && random() < config.errorRate) {
        const statuses = config.errorStatuses ?? [500, 502, 503];
        decision.status = statuses[Math.floor(random() * statuses.length)] as number;
        count(String(decision.status));
      }
      return Object.keys(decision).length > 0 ? decision : undefined;
    },
  };
}
