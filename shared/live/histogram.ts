import { z } from 'zod';
import { mosBand } from '../network/mos';
import { mosBands, timelineMetrics, type EventSummary, type MetricSummary, type MosBand, type StoredSample, type TimelineMetric } from './live';

/**
 * How finely each metric's histogram resolves values. RTT and jitter bins grow by 2 % from
 * 0.1 ms (a bin [0.1·1.02^(b−1), 0.1·1.02^b), bin 0 below 0.1 ms), because 2 ms matters at 20 ms
 * and not at 2 s; the others are linear, `perUnit` bins per unit: loss 0.1 point, MOS 0.01,
 * microphone 0.1 dB, fps 0.1.
 */
export const histogramResolution: Record<TimelineMetric, { kind: 'log'; from: number; ratio: number } | { kind: 'linear'; perUnit: number }> = {
  rttMs: { kind: 'log', from: 0.1, ratio: 1.02 },
  jitterMs: { kind: 'log', from: 0.1, ratio: 1.02 },
  lossPercent: { kind: 'linear', perUnit: 10 },
  mos: { kind: 'linear', perUnit: 100 },
  micDbfs: { kind: 'linear', perUnit: 10 },
  fps: { kind: 'linear', perUnit: 10 },
};

// A value written as a decimal on an edge (4.35 is 434.99999999999994 hundredths as a double)
// must land in the bin that edge opens, not the one below it.
const edgeTolerance = 1e-9;

/** The bin of `value`: bin b holds [binUpper(b − 1), binUpper(b)). */
export function binOf(metric: TimelineMetric, value: number): number {
  const resolution = histogramResolution[metric];
  if (resolution.kind === 'linear') return Math.floor(value * resolution.perUnit + edgeTolerance);
  if (value < resolution.from) return 0;
  return 1 + Math.floor(Math.log(value / resolution.from) / Math.log(resolution.ratio) + edgeTolerance);
}

/** The upper (exclusive) edge of `bin`. */
export function binUpper(metric: TimelineMetric, bin: number): number {
  const resolution = histogramResolution[metric];
  // Dividing by the integer count keeps the edges the decimals they stand for (435 / 100 is 4.35).
  if (resolution.kind === 'linear') return (bin + 1) / resolution.perUnit;
  return resolution.from * resolution.ratio ** bin;
}

/** Running figures of one metric: exact count, sum, min and max, and how many values fell in each bin. */
export interface MetricAccumulator {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Values per bin of binOf; bins never hit are absent. */
  bins: Record<number, number>;
}

/** An accumulator of no values (its min and max are ±Infinity until a value arrives). */
export function emptyAccumulator(): MetricAccumulator {
  return { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, bins: {} };
}

/** Adds one value to `accumulator` in place; a non-finite value is not a measurement and is left out. */
export function addValue(accumulator: MetricAccumulator, metric: TimelineMetric, value: number): void {
  if (!Number.isFinite(value)) return;
  accumulator.count += 1;
  accumulator.sum += value;
  accumulator.min = Math.min(accumulator.min, value);
  accumulator.max = Math.max(accumulator.max, value);
  const bin = binOf(metric, value);
  accumulator.bins[bin] = (accumulator.bins[bin] ?? 0) + 1;
}

/** One accumulator holding the values of both, as if they had been added to one. */
export function mergeAccumulators(a: MetricAccumulator, b: MetricAccumulator): MetricAccumulator {
  const bins = { ...a.bins };
  for (const [bin, count] of Object.entries(b.bins)) bins[Number(bin)] = (bins[Number(bin)] ?? 0) + count;
  return { count: a.count + b.count, sum: a.sum + b.sum, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), bins };
}

/**
 * Mean, 95th percentile, min and max of the accumulated values; null without any. Mean, min
 * and max are exact. The p95 is the upper edge of the bin holding the nearest-rank 95th value
 * (rank ⌈0.95·n⌉), clamped to [min, max]: never below the exact nearest-rank p95 and within one
 * bin of it (2 % for RTT and jitter, one step of histogramResolution for the others).
 */
export function summaryOf(accumulator: MetricAccumulator, metric: TimelineMetric): MetricSummary | null {
  if (accumulator.count === 0) return null;
  // Integer arithmetic: 0.95·n in floating point can land just above a whole number.
  const rank = Math.max(1, Math.ceil((95 * accumulator.count) / 100));
  const bins = Object.entries(accumulator.bins)
    .map(([bin, count]) => [Number(bin), count] as const)
    .sort(([a], [b]) => a - b);
  let seen = 0;
  let p95 = accumulator.max;
  for (const [bin, count] of bins) {
    seen += count;
    if (seen >= rank) {
      p95 = binUpper(metric, bin);
      break;
    }
  }
  return { mean: accumulator.sum / accumulator.count, p95: Math.min(Math.max(p95, accumulator.min), accumulator.max), min: accumulator.min, max: accumulator.max };
}

/** An event's whole-log figures kept as seconds are stored: what live:summary reports without reading the seconds. */
export interface RunningSummary {
  /** Seconds stored for the event (compacted ones included). */
  samples: number;
  /** Seconds whose MOS fell in each band of shared/network/mos.ts. */
  mosBands: Record<MosBand, number>;
  /** Accumulators of the metrics measured at least once. */
  metrics: Partial<Record<TimelineMetric, MetricAccumulator>>;
}

const count = z.number().int().nonnegative();
const binKey = /^-?\d+$/;
// Checked by hand: z.record rebuilds the map key by key, which cost more than the rest of a
// one-second write put together (the summary is read and written once a second).
function isBinCounts(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const [bin, count] of Object.entries(value)) {
    if (!binKey.test(bin) || !Number.isInteger(count) || (count as number) <= 0) return false;
  }
  return true;
}
const accumulatorSchema = z
  .object({
    count: z.number().int().positive(),
    sum: z.number(),
    min: z.number(),
    max: z.number(),
    bins: z.custom<Record<number, number>>(isBinCounts, { message: 'bins must map whole bin numbers to positive counts' }),
  })
  .refine((accumulator) => accumulator.min <= accumulator.max, { message: 'min above max' });

/** A running summary as stored (JSON); accumulators of metrics never measured are left out, Infinity has no JSON. */
export const runningSummarySchema = z.object({
  samples: count,
  mosBands: z.object(Object.fromEntries(mosBands.map((band) => [band, count])) as Record<MosBand, typeof count>),
  metrics: z.object(Object.fromEntries(timelineMetrics.map((metric) => [metric, accumulatorSchema.optional()])) as Record<TimelineMetric, z.ZodOptional<typeof accumulatorSchema>>),
}) satisfies z.ZodType<RunningSummary>;

/** The summary of an event with nothing stored yet. */
export function emptyRunningSummary(): RunningSummary {
  return { samples: 0, mosBands: Object.fromEntries(mosBands.map((band) => [band, 0])) as Record<MosBand, number>, metrics: {} };
}

/** The summary with `seconds` (each stored for the first time) added; `summary` is left as it was. */
export function withSeconds(summary: RunningSummary, seconds: readonly StoredSample[]): RunningSummary {
  const batch = Object.fromEntries(timelineMetrics.map((metric) => [metric, emptyAccumulator()])) as Record<TimelineMetric, MetricAccumulator>;
  const bands = { ...summary.mosBands };
  for (const second of seconds) {
    for (const metric of timelineMetrics) {
      const value = second[metric];
      if (value !== null) addValue(batch[metric], metric, value);
    }
    if (second.mos !== null && Number.isFinite(second.mos)) bands[mosBand(second.mos)] += 1;
  }
  const metrics: RunningSummary['metrics'] = { ...summary.metrics };
  for (const metric of timelineMetrics) {
    if (batch[metric].count === 0) continue;
    const stored = metrics[metric];
    metrics[metric] = stored ? mergeAccumulators(stored, batch[metric]) : batch[metric];
  }
  return { samples: summary.samples + seconds.length, mosBands: bands, metrics };
}

/** The event report's log figures: seconds, MOS band shares (0–1; all zero without MOS) and per-metric figures. */
export function summaryFigures(summary: RunningSummary): Pick<EventSummary, 'samples' | 'mosBands' | 'metrics'> {
  const measured = mosBands.reduce((total, band) => total + summary.mosBands[band], 0);
  return {
    samples: summary.samples,
    mosBands: Object.fromEntries(mosBands.map((band) => [band, measured === 0 ? 0 : summary.mosBands[band] / measured])) as Record<MosBand, number>,
    metrics: Object.fromEntries(
      timelineMetrics.map((metric) => {
        const accumulator = summary.metrics[metric];
        return [metric, accumulator ? summaryOf(accumulator, metric) : null];
      }),
    ) as EventSummary['metrics'],
  };
}
