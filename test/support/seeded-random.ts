// A small seeded generator (mulberry32) so impaired-link tests drop and jitter the same packets on
// every run: a failure can be replayed, and exact counts stay stable.

/** A function returning uniform numbers in [0, 1), repeatable for a given seed. */
export type RandomSource = () => number;

/** A repeatable uniform [0, 1) source for `seed` (any 32-bit integer). */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from two uniform draws of `random`. */
export function normalFrom(random: RandomSource): number {
  const u = Math.max(random(), Number.EPSILON);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
