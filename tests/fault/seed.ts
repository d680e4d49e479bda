// Seeded randomness for the fault tests: a failure prints its seed, and FAULT_SEED=<n> replays it.

/** A small seeded generator (mulberry32): the same seed, the same kills. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FAULT_SEED from the environment (to replay a failure), else a fresh one. */
export function faultSeed(): number {
  const fromEnv = process.env.FAULT_SEED;
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}
