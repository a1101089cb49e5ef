/**
 * The key metrics of a preflight run that a room's history follows: where each is read from,
 * which way is better, and how runs compare on them. The Reports screen and the assessment
 * report both take them from here.
 */
import type { CheckKind } from './check';
import type { PreflightRun } from './run';

/** Which way a metric improves. */
export type Better = 'lower' | 'higher';

/** A key metric of a preflight run: where it is read from and which way is better. */
export interface RunMetric {
  /** Translation key suffix under `reports.metrics.` and the picker's value. */
  id: 'rtt' | 'jitter' | 'loss' | 'mos' | 'upload' | 'download' | 'micSnr' | 'cameraFps';
  kind: CheckKind;
  key: string;
  /** Translation key suffix under `reports.units.`. */
  unit: 'ms' | 'percent' | 'mos' | 'mbps' | 'db' | 'fps';
  better: Better;
  /** Decimal places shown. */
  digits: number;
}

/** The metrics the history chart and the run comparison show, in display order. */
export const runMetrics = [
  { id: 'rtt', kind: 'network', key: 'rttMs', unit: 'ms', better: 'lower', digits: 1 },
  { id: 'jitter', kind: 'network', key: 'jitterMs', unit: 'ms', better: 'lower', digits: 1 },
  { id: 'loss', kind: 'network', key: 'lossPercent', unit: 'percent', better: 'lower', digits: 2 },
  { id: 'mos', kind: 'network', key: 'mos', unit: 'mos', better: 'higher', digits: 2 },
  { id: 'upload', kind: 'network', key: 'uploadMbps', unit: 'mbps', better: 'higher', digits: 2 },
  { id: 'download', kind: 'network', key: 'downloadMbps', unit: 'mbps', better: 'higher', digits: 2 },
  { id: 'micSnr', kind: 'microphone', key: 'snrDb', unit: 'db', better: 'higher', digits: 1 },
  { id: 'cameraFps', kind: 'camera', key: 'fps', unit: 'fps', better: 'higher', digits: 1 },
] as const satisfies readonly RunMetric[];

/** Where a run metric is read from in its check. */
export type RunMetricKey = (typeof runMetrics)[number]['key'];

/** The network metrics the assessment report's history charts (a chart each, named `report.metrics.<key>`), in its order. */
export const historyMetrics = ['rttMs', 'lossPercent', 'jitterMs', 'mos', 'uploadMbps', 'downloadMbps'] as const satisfies readonly RunMetricKey[];

/** One metric of the report's history. */
export type HistoryMetric = (typeof historyMetrics)[number];

/** The run metric read from `key`. */
export function runMetricOf(key: RunMetricKey): RunMetric {
  const metric = runMetrics.find((candidate) => candidate.key === key);
  if (!metric) throw new Error(`No run metric reads ${key}.`);
  return metric;
}

/**
 * The metric's value in a run, or null when the run did not measure it. A room with several
 * microphones or cameras has a check for each; the first one the run lists is the one read,
 * because the preflight checks the system default device first.
 */
export function metricValue(run: PreflightRun, metric: RunMetric): number | null {
  const check = run.checks.find((candidate) => candidate.kind === metric.kind);
  const value = check?.metrics[metric.key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A metric across runs, oldest first: x in Unix seconds (what uPlot's time axis takes), y with nulls for gaps. */
export interface MetricSeries {
  runIds: number[];
  x: number[];
  y: (number | null)[];
}

/** The metric's values across `runs` (in any order), oldest first, timed by when each run started. */
export function metricSeries(runs: readonly PreflightRun[], metric: RunMetric): MetricSeries {
  const ordered = [...runs].sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
  return {
    runIds: ordered.map((run) => run.id),
    x: ordered.map((run) => run.startedAt / 1000),
    y: ordered.map((run) => metricValue(run, metric)),
  };
}

/** Whether a metric measured anywhere in `runs` (an empty chart is not worth drawing). */
export function hasAnyValue(series: MetricSeries): boolean {
  return series.y.some((value) => value !== null);
}

/** One metric of two runs side by side. */
export interface MetricDifference {
  metric: RunMetric;
  a: number | null;
  b: number | null;
  /** b − a; null when either is missing. */
  difference: number | null;
  /** Which run is better on this metric; null when either is missing. */
  better: 'a' | 'b' | 'same' | null;
}

/** Every key metric of run A and run B, the difference (B − A) and which run is better. */
export function compareRuns(a: PreflightRun, b: PreflightRun): MetricDifference[] {
  return runMetrics.map((metric) => {
    const valueA = metricValue(a, metric);
    const valueB = metricValue(b, metric);
    if (valueA === null || valueB === null) return { metric, a: valueA, b: valueB, difference: null, better: null };
    const difference = valueB - valueA;
    // Judged on the values as shown: two runs that display the same figure read as the same.
    const scale = 10 ** metric.digits;
    const shownA = Math.round(valueA * scale);
    const shownB = Math.round(valueB * scale);
    if (shownA === shownB) return { metric, a: valueA, b: valueB, difference, better: 'same' };
    const bIsHigher = shownB > shownA;
    const better = (metric.better === 'higher') === bIsHigher ? 'b' : 'a';
    return { metric, a: valueA, b: valueB, difference, better };
  });
}
