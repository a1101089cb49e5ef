/** Seeded random numbers in [0, 1): test signals are the same on every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gaussian noise of standard deviation `sigma`, by Box–Muller. */
export function gaussianNoise(sigma: number, length: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const noise = new Float32Array(length);
  for (let i = 0; i < length; i += 2) {
    // 1 − u keeps the logarithm away from zero.
    const radius = sigma * Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    noise[i] = radius * Math.cos(angle);
    if (i + 1 < length) noise[i + 1] = radius * Math.sin(angle);
  }
  return noise;
}
