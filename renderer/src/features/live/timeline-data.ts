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
