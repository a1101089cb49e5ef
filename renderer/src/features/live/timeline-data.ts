import type { Timeline, TimelineMetric } from '../../../../shared/live/live';

/** Line colours, distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const metricColours: Record<TimelineMetric, string> = {
  rttMs: '#0072b2',
  jitterMs: '#56b4e9',
  lossPercent: '#d55e00',
  mos: '#009e73',
  micDbfs: '#cc79a7',
  fps: '#6f5a00',
};

/** uPlot's columns: bucket starts in seconds, then each shown metric's means. */
export function chartColumns(timeline: Timeline, shown: readonly TimelineMetric[]): [number[], ...(number | null)[][]] {
  return [timeline.at.map((at) => at / 1000), ...shown.map((metric) => timeline.series[metric].mean)];
}

/** A drag-selected span in chart seconds as a whole-ms range to query, or null when it is too small to mean a zoom. */
export function selectedRange(fromSeconds: number, toSeconds: number, minimumMs = 10_000): { from: number; to: number } | null {
  const from = Math.max(0, Math.floor(Math.min(fromSeconds, toSeconds) * 1000));
  const to = Math.ceil(Math.max(fromSeconds, toSeconds) * 1000);
  return to - from >= minimumMs ? { from, to } : null;
}

/** A span of the event's timeline, ms since the epoch. */
export interface TimeSpan {
  from: number;
  to: number;
}

/** One keyboard move over the timeline, standing in for a drag across the chart. */
export type ZoomStep = 'in' | 'out' | 'earlier' | 'later';

/**
 * The span to show after one keyboard move from `shown`, inside the whole event `whole`:
 * `in` keeps the middle half (never under `minimumMs`, as a drag), `out` doubles around the
 * middle, `earlier` and `later` slide by half the span. Null means the whole event again.
 */
export function steppedRange(step: ZoomStep, shown: TimeSpan, whole: TimeSpan, minimumMs = 10_000): TimeSpan | null {
  const span = shown.to - shown.from;
  const wholeSpan = whole.to - whole.from;
  const inside = (from: number, length: number): TimeSpan | null => {
    if (length >= wholeSpan) return null;
    const start = Math.min(Math.max(whole.from, Math.round(from)), whole.to - length);
    return { from: start, to: start + length };
  };
  const middle = (shown.from + shown.to) / 2;
  switch (step) {
    case 'in': {
      const length = Math.max(minimumMs, Math.round(span / 2));
      return length >= span ? inside(shown.from, span) : inside(middle - length / 2, length);
    }
    case 'out':
      return inside(middle - span, span * 2);
    case 'earlier':
      return inside(shown.from - span / 2, span);
    case 'later':
      return inside(shown.from + span / 2, span);
  }
}
