import { describe, expect, it } from 'vitest';
import type { Check } from '../../../shared/preflight/check';
import type { PreflightRun } from '../../../shared/preflight/run';
import { compareRuns, hasAnyValue, historyMetrics, metricSeries, metricValue, runMetricOf, runMetrics, type RunMetric } from '../../../shared/preflight/run-metrics';

function check(kind: Check['kind'], metrics: Check['metrics'], id: string = kind): Check {
  return { id, kind, deviceLabel: '', status: 'pass', summary: { key: 'preflight.summary.ok' }, metrics, advice: [] };
}

function run(id: number, startedAt: number, checks: Check[]): PreflightRun {
  return { id, roomId: 1, profileId: 'web-meeting', source: 'app', startedAt, finishedAt: startedAt + 14_000, verdict: 'pass', checks, readiness: [] };
}

const metric = (id: RunMetric['id']): RunMetric => {
  const found = runMetrics.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no metric ${id}`);
  return found;
};

const full = (startedAt: number, id: number, network: Record<string, number>, snrDb: number, fps: number) =>
  run(id, startedAt, [
    check('microphone', { snrDb, noiseFloorDbfs: -60 }, 'mic-default'),
    check('microphone', { snrDb: 3 }, 'mic-second'),
    check('camera', { fps, height: 720 }),
    check('network', network),
  ]);

const older = full(1_700_000_000_000, 4, { rttMs: 42.5, jitterMs: 3.2, lossPercent: 0.5, mos: 4.3, uploadMbps: 9.5, downloadMbps: 48 }, 31.4, 29.9);
const newer = full(1_700_086_400_000, 7, { rttMs: 120, jitterMs: 3.2, lossPercent: 2, mos: 3.91, uploadMbps: 12.25, downloadMbps: 30 }, 25, 30);

describe('metric values of a run', () => {
  it('reads each key metric from its check and the first microphone listed', () => {
    expect(runMetrics.map((entry) => [entry.id, metricValue(older, entry)])).toEqual([
      ['rtt', 42.5],
      ['jitter', 3.2],
      ['loss', 0.5],
      ['mos', 4.3],
      ['upload', 9.5],
      ['download', 48],
      ['micSnr', 31.4],
      ['cameraFps', 29.9],
    ]);
  });

  it('gives null for a metric the run did not measure or stored as something else', () => {
    const devicesOnly = run(9, 1, [check('microphone', { snrDb: null, silent: true }), check('camera', { fps: Number.NaN })]);
    expect(metricValue(devicesOnly, metric('rtt'))).toBeNull();
    expect(metricValue(devicesOnly, metric('micSnr'))).toBeNull();
    expect(metricValue(devicesOnly, metric('cameraFps'))).toBeNull();
  });
});

describe('metric series across runs', () => {
  it('orders runs oldest first with x in Unix seconds and nulls for runs without the metric', () => {
    const devicesOnly = run(5, 1_700_040_000_000, [check('camera', { fps: 20 })]);
    // preflight:list gives newest first; the chart wants time going right.
    const series = metricSeries([newer, devicesOnly, older], metric('rtt'));
    expect(series).toEqual({ runIds: [4, 5, 7], x: [1_700_000_000, 1_700_040_000, 1_700_086_400], y: [42.5, null, 120] });
    expect(hasAnyValue(series)).toBe(true);
    expect(metricSeries([devicesOnly], metric('mos'))).toEqual({ runIds: [5], x: [1_700_040_000], y: [null] });
    expect(hasAnyValue(metricSeries([devicesOnly], metric('mos')))).toBe(false);
    expect(metricSeries([devicesOnly], metric('cameraFps')).y).toEqual([20]);
  });

  it('breaks a tie in start time by run id so the order is stable', () => {
    const a = run(2, 1000, [check('network', { rttMs: 10 })]);
    const b = run(1, 1000, [check('network', { rttMs: 20 })]);
    expect(metricSeries([a, b], metric('rtt')).y).toEqual([20, 10]);
  });
});

describe('comparing two runs', () => {
  it('gives B − A and the better run by each metric’s direction', () => {
    const rows = compareRuns(older, newer);
    const byId = Object.fromEntries(rows.map((row) => [row.metric.id, row]));
    expect(rows.map((row) => row.metric.id)).toEqual(['rtt', 'jitter', 'loss', 'mos', 'upload', 'download', 'micSnr', 'cameraFps']);
    expect(byId.rtt).toMatchObject({ a: 42.5, b: 120, difference: 77.5, better: 'a' });
    expect(byId.jitter).toMatchObject({ a: 3.2, b: 3.2, difference: 0, better: 'same' });
    expect(byId.loss).toMatchObject({ a: 0.5, b: 2, difference: 1.5, better: 'a' });
    expect(byId.mos?.difference).toBeCloseTo(-0.39, 10);
    expect(byId.mos?.better).toBe('a');
    expect(byId.upload).toMatchObject({ a: 9.5, b: 12.25, difference: 2.75, better: 'b' });
    expect(byId.download).toMatchObject({ a: 48, b: 30, difference: -18, better: 'a' });
    expect(byId.micSnr?.difference).toBeCloseTo(-6.4, 10);
    expect(byId.micSnr?.better).toBe('a');
    expect(byId.cameraFps?.difference).toBeCloseTo(0.1, 10);
    expect(byId.cameraFps?.better).toBe('b');
  });

  it('reads a lower RTT in B as B better, and runs that show the same figure as the same', () => {
    const rows = compareRuns(newer, older);
    expect(rows.find((row) => row.metric.id === 'rtt')).toMatchObject({ difference: -77.5, better: 'b' });
    const a = run(1, 0, [check('network', { mos: 4.301 })]);
    const b = run(2, 1, [check('network', { mos: 4.304 })]);
    expect(compareRuns(a, b).find((row) => row.metric.id === 'mos')?.better).toBe('same');
    const c = run(3, 2, [check('network', { mos: 4.306 })]);
    expect(compareRuns(a, c).find((row) => row.metric.id === 'mos')?.better).toBe('b');
  });

  it('leaves difference and better empty when either run lacks the metric', () => {
    const devicesOnly = run(9, 1, [check('camera', { fps: 25 })]);
    const rows = compareRuns(devicesOnly, newer);
    expect(rows.find((row) => row.metric.id === 'rtt')).toMatchObject({ a: null, b: 120, difference: null, better: null });
    expect(rows.find((row) => row.metric.id === 'cameraFps')).toMatchObject({ a: 25, b: 30, difference: 5, better: 'b' });
  });
});

describe('the report history metrics', () => {
  it('are the network run metrics, read the same way, in the report order', () => {
    expect(historyMetrics.map((key) => [runMetricOf(key).id, runMetricOf(key).kind, metricValue(newer, runMetricOf(key))])).toEqual([
      ['rtt', 'network', 120],
      ['loss', 'network', 2],
      ['jitter', 'network', 3.2],
      ['mos', 'network', 3.91],
      ['upload', 'network', 12.25],
      ['download', 'network', 30],
    ]);
  });
});
