/** A 32-bit string hash (cyrb53 folded to 32 bits) so every seed, id and record index maps to a stable number. */
export function hashString(input: string): number {
  let h1 = 0xdeadbeef ^ input.length;
  let h2 = 0x41c6ce57 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** A seeded PRNG (mulberry32): the same seed always yields the same sequence, on every runtime. */
export function createRandom(seed: string | number): () => number {
  let state = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID drawn from a seeded PRNG, so ids are reproducible across runs with one seed. */
export function uuidFrom(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++)
    hex.push(
      Math.floor(random() * 256)
        .toString(16)
        .padStart(2, "0"),
    );
  hex[6] = `4${(hex[6] as string)[1]}`;
  hex[8] = ((Number.parseInt(hex[8] as string, 16) & 0x3f) | 0x80).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A UUID derived from a name alone: the same name gives the same id whatever else happened before. */
export function uuidFor(name: string): string {
  return uuidFrom(createRandom(name));
}

/**
 * A seeded mulberry32 stream as a class: record generation draws tens of numbers per record, and a method on one
 * monomorphic object is cheaper than a fresh closure per record. Same algorithm as createRandom.
 */
export class Stream {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Restarts the stream from another seed (one object per record, reseeded per field, instead of one per field). */
  reseed(seed: number): void {
    this.state = seed >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }
}

// Seed keys repeat for every record of an entity: hash each once. Bounded so a long-lived emulator cannot grow it.
const seedHashes = new Map<string, number>();

/** The seed of record `index` under `seedKey`: one string hash per key (cached) and an integer mix per index. */
export function recordSeed(seedKey: string, index: number): number {
  let base = seedHashes.get(seedKey);
  if (base === undefined) {
    if (seedHashes.size >= 4096) seedHashes.clear();
    base = hashString(seedKey);
    seedHashes.set(seedKey, base);
  }
  return mixSeed(base, index + 1);
}

/** murmur3's finaliser over (seed, salt): neighbouring salts (indexes, field names' hashes) give unrelated seeds. */
export function mixSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
