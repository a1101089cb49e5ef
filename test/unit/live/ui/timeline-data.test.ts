import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../../shared/live/live';
import { chartColumns, selectedRange } from '../../../../renderer/src/features/live/timeline-data';

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
});
