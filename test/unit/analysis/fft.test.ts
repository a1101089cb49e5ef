import { describe, expect, it } from 'vitest';
import { fft, ifft, nextPowerOfTwo } from '../../../shared/analysis/fft';
import { createSeededRandom } from '../../support/seeded-random';

function randomComplex(length: number, seed: number): { re: Float64Array; im: Float64Array } {
  const random = createSeededRandom(seed);
  const re = new Float64Array(length);
  const im = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    re[i] = random() * 2 - 1;
    im[i] = random() * 2 - 1;
  }
  return { re, im };
}

function naiveDft(re: Float64Array, im: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * k * t) / n;
      outRe[k]! += re[t]! * Math.cos(angle) - im[t]! * Math.sin(angle);
      outIm[k]! += re[t]! * Math.sin(angle) + im[t]! * Math.cos(angle);
    }
  }
  return { re: outRe, im: outIm };
}

function maxDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  a.forEach((x, i) => (worst = Math.max(worst, Math.abs(x - b[i]!))));
  return worst;
}

describe('nextPowerOfTwo', () => {
  it('rounds up to a power of two and leaves powers of two alone', () => {
    expect([0, 1, 2, 3, 5, 1024, 1025, 48000, 2 ** 31 + 1].map(nextPowerOfTwo)).toEqual([1, 1, 2, 4, 8, 1024, 2048, 65536, 2 ** 32]);
  });
});

describe('fft', () => {
  it('turns a unit impulse into a flat spectrum', () => {
    const re = new Float64Array(64);
    const im = new Float64Array(64);
    re[0] = 1;
    fft(re, im);
    expect(re.every((x) => Math.abs(x - 1) < 1e-12)).toBe(true);
    expect(im.every((x) => Math.abs(x) < 1e-12)).toBe(true);
  });

  it('turns a delayed impulse into a flat magnitude spectrum', () => {
    const re = new Float64Array(256);
    const im = new Float64Array(256);
    re[17] = 1;
    fft(re, im);
    expect(re.every((x, k) => Math.abs(Math.hypot(x, im[k]!) - 1) < 1e-12)).toBe(true);
  });

  it('puts a cosine at bin 5 into bins 5 and N − 5 with half the length each', () => {
    const n = 128;
    const re = Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * 5 * t) / n));
    const im = new Float64Array(n);
    fft(re, im);
    re.forEach((x, k) => {
      const expected = k === 5 || k === n - 5 ? n / 2 : 0;
      expect(Math.abs(x - expected)).toBeLessThan(1e-9);
      expect(Math.abs(im[k]!)).toBeLessThan(1e-9);
    });
  });

  it('agrees with the textbook DFT', () => {
    const signal = randomComplex(64, 7);
    const expected = naiveDft(signal.re, signal.im);
    fft(signal.re, signal.im);
    expect(maxDifference(signal.re, expected.re)).toBeLessThan(1e-9);
    expect(maxDifference(signal.im, expected.im)).toBeLessThan(1e-9);
  });

  it('leaves a single sample unchanged', () => {
    const re = Float64Array.of(0.25);
    const im = Float64Array.of(-0.5);
    fft(re, im);
    expect([re[0], im[0]]).toEqual([0.25, -0.5]);
  });

  it('refuses lengths that are not a power of two, and mismatched parts', () => {
    expect(() => fft(new Float64Array(12), new Float64Array(12))).toThrow(RangeError);
    expect(() => fft(new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
    expect(() => fft(new Float64Array(8), new Float64Array(4))).toThrow(RangeError);
    expect(() => ifft(new Float64Array(3), new Float64Array(3))).toThrow(RangeError);
  });
});

describe('ifft', () => {
  it('undoes fft to within 1e-9', () => {
    const original = randomComplex(4096, 42);
    const re = original.re.slice();
    const im = original.im.slice();
    fft(re, im);
    ifft(re, im);
    expect(maxDifference(re, original.re)).toBeLessThan(1e-9);
    expect(maxDifference(im, original.im)).toBeLessThan(1e-9);
  });

  it('turns a flat spectrum back into a unit impulse', () => {
    const re = new Float64Array(32).fill(1);
    const im = new Float64Array(32);
    ifft(re, im);
    re.forEach((x, t) => expect(Math.abs(x - (t === 0 ? 1 : 0))).toBeLessThan(1e-12));
  });
});
