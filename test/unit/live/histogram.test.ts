import { describe, expect, it } from 'vitest';
import {
  addValue,
  binOf,
  binUpper,
  emptyAccumulator,
  emptyRunningSummary,
  mergeAccumulators,
  runningSummarySchema,
  summaryFigures,
  summaryOf,
  withSeconds,
  type MetricAccumulator,
} from '../../../shared/live/histogram';
import type { TimelineMetric } from '../../../shared/live/live';
import { createSeededRandom, normalFrom } from '../../support/seeded-random';
import { sample } from './samples';

const accumulatorOf = (metric: TimelineMetric, values: readonly number[]): MetricAccumulator => {
  const accumulator = emptyAccumulator();
  for (const value of values) addValue(accumulator, metric, value);
  return accumulator;
};

/** The textbook nearest-rank p95, to check the histogram's against. */
const exactP95 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.ceil((95 * values.length) / 100) - 1]!;

describe('bins', () => {
  it('puts linear metrics in steps of their resolution, decimals on an edge in the bin that edge opens', () => {
    expect([0, 0.05, 0.3, 1, 99.95, 100].map((value) => binOf('lossPercent', value))).toEqual([0, 0, 3, 10, 999, 1000]);
    expect([binUpper('lossPercent', 0), binUpper('lossPercent', 3), binUpper('lossPercent', 999)]).toEqual([0.1, 0.4, 100]);
    // 4.35 is 434.99999999999994 hundredths as a double.
    expect([1, 3.1, 4.35, 4.359].map((value) => binOf('mos', value))).toEqual([100, 310, 435, 435]);
    expect(binUpper('mos', 435)).toBe(4.36);
    // Negative dBFS: −30.05 lies in [−30.1, −30.0).
    expect([-30, -30.05, -0.01].map((value) => binOf('micDbfs', value))).toEqual([-300, -301, -1]);
    expect([binUpper('micDbfs', -301), binUpper('micDbfs', -300)]).toEqual([-30, -29.9]);
    expect([binOf('fps', 29.9), binUpper('fps', 299)]).toEqual([299, 30]);
  });

  it('grows RTT and jitter bins by 2 % from 0.1 ms, with everything below 0.1 ms in bin 0', () => {
    expect([0, 0.05, 0.1, 0.101, 0.102].map((value) => binOf('rttMs', value))).toEqual([0, 0, 1, 1, 2]);
    expect(binUpper('rttMs', 0)).toBe(0.1);
    expect(binUpper('rttMs', 1)).toBeCloseTo(0.102, 12);
    // 100 ms: 0.1·1.02^348 = 98.37… ≤ 100 < 0.1·1.02^349 = 100.34…
    expect(binOf('rttMs', 100)).toBe(349);
    expect(binUpper('rttMs', 348)).toBeCloseTo(98.3693, 4);
    expect(binUpper('rttMs', 349)).toBeCloseTo(100.3367, 4);
    expect(binOf('jitterMs', 100)).toBe(349);
    for (const value of [0.2, 1, 7.5, 42, 450, 59_999]) {
      const bin = binOf('rttMs', value);
      expect(binUpper('rttMs', bin - 1)).toBeLessThanOrEqual(value);
      expect(binUpper('rttMs', bin)).toBeGreaterThan(value);
      expect(binUpper('rttMs', bin) / binUpper('rttMs', bin - 1)).toBeCloseTo(1.02, 12);
    }
    // An edge opens its bin.
    expect(binOf('rttMs', binUpper('rttMs', 5))).toBe(6);
  });
});

describe('MetricAccumulator', () => {
  it('gives exact mean, min and max, and a p95 within one bin above the exact nearest-rank p95', () => {
    // 10,000 RTTs around 45 ms with a slow tail, jitters, losses, MOS, levels and frame rates.
    const random = createSeededRandom(6);
    const draws: Record<TimelineMetric, number[]> = { rttMs: [], jitterMs: [], lossPercent: [], mos: [], micDbfs: [], fps: [] };
    for (let index = 0; index < 10_000; index++) {
      draws.rttMs.push(Math.exp(Math.log(45) + 0.4 * normalFrom(random)));
      draws.jitterMs.push(random() * 12);
      draws.lossPercent.push(random() < 0.9 ? 0 : random() * 10);
      draws.mos.push(1 + random() * 3.4);
      draws.micDbfs.push(-60 + random() * 55);
      draws.fps.push(15 + random() * 15);
    }
    const bin = { lossPercent: 0.1, mos: 0.01, micDbfs: 0.1, fps: 0.1 } as const;
    for (const metric of Object.keys(draws) as TimelineMetric[]) {
      const values = draws[metric];
      const summary = summaryOf(accumulatorOf(metric, values), metric)!;
      const exact = exactP95(values);
      expect(summary.mean).toBe(values.reduce((total, value) => total + value, 0) / values.length);
      expect(summary.min).toBe(Math.min(...values));
      expect(summary.max).toBe(Math.max(...values));
      expect(summary.p95).toBeGreaterThanOrEqual(exact);
      if (metric === 'rttMs' || metric === 'jitterMs') expect(summary.p95 / exact).toBeLessThanOrEqual(1.02);
      else expect(summary.p95 - exact).toBeLessThanOrEqual(bin[metric] + 1e-9);
    }
    // The lognormal's p95 is 45·e^(1.645·0.4) ≈ 86.9 ms; 10,000 draws land within a few percent.
    expect(exactP95(draws.rttMs)).toBeGreaterThan(83);
    expect(exactP95(draws.rttMs)).toBeLessThan(91);
  });

  it('clamps the p95 to the values: one value, and 1…20 ms (rank 19)', () => {
    expect(summaryOf(accumulatorOf('rttMs', [42]), 'rttMs')).toEqual({ mean: 42, p95: 42, min: 42, max: 42 });
    const oneToTwenty = summaryOf(accumulatorOf('rttMs', Array.from({ length: 20 }, (_, index) => 20 - index)), 'rttMs')!;
    expect(oneToTwenty).toMatchObject({ mean: 10.5, min: 1, max: 20 });
    expect(oneToTwenty.p95).toBeGreaterThanOrEqual(19);
    expect(oneToTwenty.p95).toBeLessThan(19 * 1.02);
    // Loss 0 × 95 and 5 × 5 %: the 95th value is 0, its bin [0, 0.1).
    expect(summaryOf(accumulatorOf('lossPercent', [...new Array<number>(95).fill(0), 5, 5, 5, 5, 5]), 'lossPercent')!.p95).toBe(0.1);
  });

  it('is nothing without values, and leaves non-finite values out', () => {
    expect(summaryOf(emptyAccumulator(), 'mos')).toBeNull();
    expect(accumulatorOf('mos', [Number.NaN, Number.POSITIVE_INFINITY, 4])).toEqual({ count: 1, sum: 4, min: 4, max: 4, bins: { 400: 1 } });
  });

  it('merges to what adding every value to one accumulator gives', () => {
    const random = createSeededRandom(3);
    // Quarters of a millisecond: their sums are exact in any order, so the accumulators compare equal.
    const values = Array.from({ length: 3000 }, () => Math.round(random() * 4000) / 4);
    const parts = [values.slice(0, 1000), values.slice(1000, 1001), values.slice(1001)].map((part) => accumulatorOf('rttMs', part));
    const merged = parts.reduce((total, part) => mergeAccumulators(total, part), emptyAccumulator());
    expect(merged).toEqual(accumulatorOf('rttMs', values));
    expect(mergeAccumulators(parts[0]!, parts[2]!)).toEqual(mergeAccumulators(parts[2]!, parts[0]!));
    expect(parts[0]!.count).toBe(1000);
  });
});

describe('RunningSummary', () => {
  it('counts MOS bands exactly and shares the measured seconds among them (edges belong to the better band)', () => {
    // excellent: 4.0, 3.8; good: 3.79, 3.1; fair: 2.5; poor: 2.39, 1.7; bad: 1.0 — 8 measured, 2 without MOS.
    const mos = [4.0, 3.8, 3.79, 3.1, 2.5, 2.39, 1.7, 1.0, null, null];
    const summary = withSeconds(emptyRunningSummary(), mos.map((value, index) => sample(index, { mos: value, fps: null })));
    expect(summary.samples).toBe(10);
    expect(summary.mosBands).toEqual({ excellent: 2, good: 2, fair: 1, poor: 2, bad: 1 });
    const figures = summaryFigures(summary);
    expect(figures.mosBands).toEqual({ excellent: 0.25, good: 0.25, fair: 0.125, poor: 0.25, bad: 0.125 });
    expect(figures.samples).toBe(10);
    expect(figures.metrics.fps).toBeNull();
    expect(figures.metrics.rttMs).toEqual({ mean: 40, p95: 40, min: 40, max: 40 });
    expect(figures.metrics.mos!.mean).toBeCloseTo(22.28 / 8, 12);
  });

  it('is all zero without seconds or without MOS, and leaves the summary it was given as it was', () => {
    const empty = emptyRunningSummary();
    expect(summaryFigures(empty)).toEqual({
      samples: 0,
      mosBands: { excellent: 0, good: 0, fair: 0, poor: 0, bad: 0 },
      metrics: { rttMs: null, jitterMs: null, lossPercent: null, mos: null, micDbfs: null, fps: null },
    });
    const noMos = withSeconds(empty, [sample(0, { mos: null })]);
    expect(summaryFigures(noMos).mosBands).toEqual({ excellent: 0, good: 0, fair: 0, poor: 0, bad: 0 });
    expect(empty).toEqual(emptyRunningSummary());
    const once = withSeconds(noMos, [sample(1, { rttMs: 80 })]);
    expect(noMos.metrics.rttMs).toEqual({ count: 1, sum: 40, min: 40, max: 40, bins: { [binOf('rttMs', 40)]: 1 } });
    expect(once.metrics.rttMs).toMatchObject({ count: 2, sum: 120, min: 40, max: 80 });
  });

  it('gives the same figures in batches as in one, and survives its JSON', () => {
    const seconds = Array.from({ length: 300 }, (_, index) => sample(index, { rttMs: index + 1, mos: index % 3 === 0 ? 2.0 : 4.4, micDbfs: index % 7 === 0 ? null : -30 - index / 10 }));
    const whole = withSeconds(emptyRunningSummary(), seconds);
    const batched = [seconds.slice(0, 1), seconds.slice(1, 120), seconds.slice(120)].reduce(
      (summary, batch) => runningSummarySchema.parse(JSON.parse(JSON.stringify(withSeconds(summary, batch)))),
      emptyRunningSummary(),
    );
    expect(summaryFigures(batched)).toEqual(summaryFigures(whole));
    expect(summaryFigures(whole).metrics.micDbfs!.min).toBeCloseTo(-59.9, 10);
    expect(() => runningSummarySchema.parse({ ...whole, samples: -1 })).toThrow();
    expect(() => runningSummarySchema.parse({ ...whole, metrics: { rttMs: { count: 1, sum: 1, min: 1, max: 1, bins: { x: 1 } } } })).toThrow();
  });
});
