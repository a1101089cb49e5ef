import { createSeededRandom } from '../../support/seeded-random';

/** Gaussian noise of standard deviation `sigma`, by Box–Muller. */
export function gaussianNoise(sigma: number, length: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
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
