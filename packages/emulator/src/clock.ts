/** The emulator's clock: real time plus an offset that the control API can advance, so tests expire tokens without waiting. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
  set(epochMs: number): void;
  offsetMs(): number;
  reset(): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (epochMs) => {
      offset = epochMs - Date.now();
    },
    offsetMs: () => offset,
    reset: () => {
      offset = 0;
    },
  };
}

/** ISO-8601 UTC with microseconds, the API's timestamp format (api-notes §1). */
export function isoMicros(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
