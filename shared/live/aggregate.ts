import { plannedSegmentStarts, runningMsBetween, stepCounts } from '../runofshow/run-clock';
import { flatSegments, type RunState } from '../runofshow/run-state';
import type { Template } from '../runofshow/template';
import { timelineMetrics, type EventSummary, type SegmentPlanActual, type StoredSample, type TimelineMetric } from './live';

const minuteMs = 60_000;

/** Lowest, mean and highest of the measured seconds of one metric in a span. */
export interface Spread {
  min: number;
  mean: number;
  max: number;
}

/** One minute of samples compacted: per metric its spread, null when nothing was measured. */
export interface MinuteAggregate extends Record<TimelineMetric, Spread | null> {
  /** Start of the minute, ms since the epoch (a multiple of 60 000). */
  minute: number;
  samples: number;
}

/** The spread of the measured (non-null) values; null when there are none. */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
    count += 1;
  }
  return count === 0 ? null : { min, mean: sum / count, max };
}

/** Samples compacted to one aggregate per calendar minute (UTC), oldest first. */
export function aggregateMinutes(samples: readonly StoredSample[]): MinuteAggregate[] {
  const byMinute = new Map<number, StoredSample[]>();
  for (const sample of samples) {
    const minute = Math.floor(sample.at / minuteMs) * minuteMs;
    const bucket = byMinute.get(minute);
    if (bucket) bucket.push(sample);
    else byMinute.set(minute, [sample]);
  }
  return [...byMinute.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minute, bucket]) => {
      const spreads = Object.fromEntries(timelineMetrics.map((metric) => [metric, spreadOf(bucket.map((sample) => sample[metric]))])) as Record<TimelineMetric, Spread | null>;
      return { minute, samples: bucket.length, ...spreads };
    });
}

/**
 * Each segment of a run of show as planned and as it went. Planned starts are laid from
 * `plannedStart` (the run's; the actual start when not given). A segment's actual minutes run
 * from its start to the next segment's start (or the finish, or `now` for the current one),
 * pauses not counted; null for the current segment without `now`, and for segments never reached.
 */
export function planActual(template: Template, state: RunState, options: { plannedStart?: number; now?: number } = {}): SegmentPlanActual[] {
  const plannedBase = options.plannedStart ?? state.startedAt ?? 0;
  const planned = plannedSegmentStarts(template, plannedBase);
  return flatSegments(template).map(({ segment, index }) => {
    const actualStart = state.segmentStarts[index] ?? null;
    const end = state.segmentStarts[index + 1] ?? state.finishedAt ?? options.now ?? null;
    const actualMinutes = actualStart === null || end === null ? null : runningMsBetween(state.pauses, actualStart, end) / minuteMs;
    return { title: segment.title, plannedStart: planned[index]!, plannedMinutes: segment.durationMinutes, actualStart, actualMinutes };
  });
}

/** Steps of the event's runs (its run of show and the playbooks opened from it) counted together; null without runs. */
export function checklistCompletion(runs: readonly { template: Template; state: RunState }[]): EventSummary['checklist'] {
  if (runs.length === 0) return null;
  return runs.reduce(
    (total, { template, state }) => {
      const counts = stepCounts(template, state);
      return { steps: total.steps + counts.total, done: total.done + counts.done, skipped: total.skipped + counts.skipped };
    },
    { steps: 0, done: 0, skipped: 0 },
  );
}
