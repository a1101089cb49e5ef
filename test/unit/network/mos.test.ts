import { describe, expect, it } from 'vitest';
import { estimateMos, mosBand, mosBands } from '../../../shared/network/mos';

describe('estimateMos', () => {
  it('gives the reference answers of the simplified E-model (loss in percent)', () => {
    expect(estimateMos({ rttMs: 100, jitterMs: 10, lossPercent: 1 }).toFixed(2)).toBe('4.31');
    expect(estimateMos({ rttMs: 200, jitterMs: 30, lossPercent: 3 }).toFixed(2)).toBe('3.70');
    expect(estimateMos({ rttMs: 300, jitterMs: 50, lossPercent: 5 }).toFixed(2)).toBe('2.75');
  });

  it('computes R on both sides of the 160 ms bend exactly', () => {
    // eL = 130 ms: R = 94.768 − 130/40 − 2.5 = 89.018.
    const r1 = 89.018;
    expect(estimateMos({ rttMs: 100, jitterMs: 10, lossPercent: 1 })).toBeCloseTo(1 + 0.035 * r1 + 7e-6 * r1 * (r1 - 60) * (100 - r1), 12);
    // eL = 410 ms: R = 94.768 − 290/10 = 65.768, no loss.
    const r2 = 65.768;
    expect(estimateMos({ rttMs: 300, jitterMs: 50, lossPercent: 0 })).toBeCloseTo(1 + 0.035 * r2 + 7e-6 * r2 * (r2 - 60) * (100 - r2), 12);
    // The two branches meet at eL = 160 ms (R = 90.768): no jump.
    expect(estimateMos({ rttMs: 149.999999, jitterMs: 0, lossPercent: 0 })).toBeCloseTo(estimateMos({ rttMs: 150, jitterMs: 0, lossPercent: 0 }), 6);
  });

  it('counts loss in percent: 1 % costs 2.5 points of R, not 0.025', () => {
    const clean = estimateMos({ rttMs: 50, jitterMs: 5, lossPercent: 0 });
    const lossy = estimateMos({ rttMs: 50, jitterMs: 5, lossPercent: 1 });
    expect(clean - lossy).toBeGreaterThan(0.05);
    expect(estimateMos({ rttMs: 50, jitterMs: 5, lossPercent: 10 })).toBeLessThan(3.6);
  });

  it('gives exactly 1 when the effective latency reaches 1000 ms', () => {
    expect(estimateMos({ rttMs: 990, jitterMs: 0, lossPercent: 0 })).toBe(1);
    expect(estimateMos({ rttMs: 2000, jitterMs: 100, lossPercent: 0 })).toBe(1);
    // Just below, R = 94.768 − (999.99 − 120)/10 = 6.769: barely above 1.
    const r = 6.769;
    expect(estimateMos({ rttMs: 989.99, jitterMs: 0, lossPercent: 0 })).toBeCloseTo(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 12);
    expect(estimateMos({ rttMs: 989.99, jitterMs: 0, lossPercent: 0 })).toBeCloseTo(1.00176, 5);
  });

  it('gives exactly 1 for loss beyond R/2.5, and holds R at 6.52 up to it', () => {
    // eL = 10 ms: R = 94.518, R/2.5 = 37.8072.
    expect(estimateMos({ rttMs: 0, jitterMs: 0, lossPercent: 37.81 })).toBe(1);
    expect(estimateMos({ rttMs: 0, jitterMs: 0, lossPercent: 100 })).toBe(1);
    const floor = 6.52;
    expect(estimateMos({ rttMs: 0, jitterMs: 0, lossPercent: 37.8 })).toBeCloseTo(1 + 0.035 * floor + 7e-6 * floor * (floor - 60) * (100 - floor), 12);
  });

  it('refuses negative or non-finite inputs', () => {
    expect(() => estimateMos({ rttMs: -1, jitterMs: 0, lossPercent: 0 })).toThrow(RangeError);
    expect(() => estimateMos({ rttMs: 10, jitterMs: Number.NaN, lossPercent: 0 })).toThrow(RangeError);
    expect(() => estimateMos({ rttMs: 10, jitterMs: 0, lossPercent: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('mosBands and mosBand', () => {
  it('are contiguous, best first, ending in a band without a floor', () => {
    expect(mosBands.map((entry) => [entry.band, entry.min])).toEqual([
      ['excellent', 3.8],
      ['good', 3.1],
      ['fair', 2.4],
      ['poor', 1.7],
      ['bad', Number.NEGATIVE_INFINITY],
    ]);
  });

  it('put every boundary in the band above it and leave no gaps', () => {
    const cases: [number, string][] = [
      [5, 'excellent'],
      [4.5, 'excellent'],
      [4.05, 'excellent'],
      [3.8, 'excellent'],
      [3.7999, 'good'],
      [3.1, 'good'],
      [3.0999, 'fair'],
      [2.4, 'fair'],
      [2.3999, 'poor'],
      [1.7, 'poor'],
      [1.6999, 'bad'],
      [1, 'bad'],
      [Number.NaN, 'bad'],
    ];
    expect(cases.map(([mos]) => mosBand(mos))).toEqual(cases.map(([, band]) => band));
  });

  it('band the reference answers', () => {
    expect(mosBand(estimateMos({ rttMs: 100, jitterMs: 10, lossPercent: 1 }))).toBe('excellent');
    expect(mosBand(estimateMos({ rttMs: 200, jitterMs: 30, lossPercent: 3 }))).toBe('good');
    expect(mosBand(estimateMos({ rttMs: 300, jitterMs: 50, lossPercent: 5 }))).toBe('fair');
  });
});
