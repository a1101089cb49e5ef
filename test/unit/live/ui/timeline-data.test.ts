import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../../shared/live/live';
import { chartColumns, selectedRange, steppedRange } from '../../../../renderer/src/features/live/timeline-data';

describe('the timeline chart data', () => {
  it('gives uPlot seconds on x and the means of the shown metrics, in order', () => {
    const empty = { min: [null, null], mean: [null, null], max: [null, null] };
    const timeline = {
      from: 1_000_000,
      to: 1_002_000,
      bucketMs: 1000,
      at: [1_000_000, 1_001_000],
      series: { rttMs: { min: [10, 20], mean: [15, 25], max: [20, 30] }, jitterMs: empty, lossPercent: empty, mos: empty, micDbfs: { min: [-30, -24], mean: [-23, null], max: [-20, -22] }, fps: empty },
      incidents: [],
      actions: [],
    } satisfies Timeline;
    expect(chartColumns(timeline, ['micDbfs', 'rttMs'])).toEqual([[1000, 1001], [-23, null], [15, 25]]);
  });

  it('turns a drag in chart seconds into a whole-ms range, either way round, and ignores a tiny one', () => {
    expect(selectedRange(1_796_125_123.787, 1_796_125_138.18)).toEqual({ from: 1_796_125_123_787, to: 1_796_125_138_180 });
    expect(selectedRange(200.5, 100.25)).toEqual({ from: 100_250, to: 200_500 });
    expect(selectedRange(100, 105)).toBeNull();
    expect(selectedRange(100, 105, 1000)).toEqual({ from: 100_000, to: 105_000 });
  });

  it('moves the shown span by keyboard steps inside the whole event, and says when it is the whole event again', () => {
    const whole = { from: 1_000_000, to: 1_600_000 };
    // In: the middle half, then again; never below the 10 s a drag needs.
    expect(steppedRange('in', whole, whole)).toEqual({ from: 1_150_000, to: 1_450_000 });
    expect(steppedRange('in', { from: 1_150_000, to: 1_450_000 }, whole)).toEqual({ from: 1_225_000, to: 1_375_000 });
    expect(steppedRange('in', { from: 1_300_000, to: 1_316_000 }, whole)).toEqual({ from: 1_303_000, to: 1_313_000 });
    expect(steppedRange('in', { from: 1_300_000, to: 1_310_000 }, whole)).toEqual({ from: 1_300_000, to: 1_310_000 });
    // Out: twice the span around its middle, kept inside the event; the whole event is null.
    expect(steppedRange('out', { from: 1_225_000, to: 1_375_000 }, whole)).toEqual({ from: 1_150_000, to: 1_450_000 });
    expect(steppedRange('out', { from: 1_000_000, to: 1_100_000 }, whole)).toEqual({ from: 1_000_000, to: 1_200_000 });
    expect(steppedRange('out', { from: 1_150_000, to: 1_450_000 }, whole)).toBeNull();
    // Earlier and later: half a span, stopping at the event's ends.
    expect(steppedRange('earlier', { from: 1_225_000, to: 1_375_000 }, whole)).toEqual({ from: 1_150_000, to: 1_300_000 });
    expect(steppedRange('earlier', { from: 1_020_000, to: 1_170_000 }, whole)).toEqual({ from: 1_000_000, to: 1_150_000 });
    expect(steppedRange('later', { from: 1_225_000, to: 1_375_000 }, whole)).toEqual({ from: 1_300_000, to: 1_450_000 });
    expect(steppedRange('later', { from: 1_400_000, to: 1_550_000 }, whole)).toEqual({ from: 1_450_000, to: 1_600_000 });
  });
});
