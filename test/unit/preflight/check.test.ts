import { describe, expect, it } from 'vitest';
import { checkSchema, combineFindings, roundMetric, statusAbove, statusBelow, worstStatus, type Finding } from '../../../shared/preflight/check';

const problem = (status: Finding['status'], name: string): Finding => ({
  status,
  summary: { key: `checks.test.${name}`, values: { name } },
  advice: { key: `advice.test.${name}` },
});

const passSummary = { key: 'checks.test.ok', values: { level: 1 } };

describe('worstStatus', () => {
  it('is pass for no statuses', () => {
    expect(worstStatus([])).toBe('pass');
  });

  it('ranks fail over warn over pass whatever the order', () => {
    expect(worstStatus(['pass', 'pass'])).toBe('pass');
    expect(worstStatus(['pass', 'warn', 'pass'])).toBe('warn');
    expect(worstStatus(['warn', 'fail', 'pass'])).toBe('fail');
    expect(worstStatus(['fail', 'warn'])).toBe('fail');
  });
});

describe('statusBelow (a value that must not fall below the band)', () => {
  const band = { warn: 20, fail: 10 };

  it('passes at and above the warn limit: exactly at the limit is not beyond it', () => {
    expect(statusBelow(100, band)).toBe('pass');
    expect(statusBelow(20, band)).toBe('pass');
  });

  it('warns below the warn limit down to and including the fail limit', () => {
    expect(statusBelow(19.999, band)).toBe('warn');
    expect(statusBelow(10, band)).toBe('warn');
  });

  it('fails below the fail limit', () => {
    expect(statusBelow(9.999, band)).toBe('fail');
    expect(statusBelow(-Infinity, band)).toBe('fail');
  });
});

describe('statusAbove (a value that must not rise above the band)', () => {
  const band = { warn: -50, fail: -35 };

  it('passes at and below the warn limit: exactly at the limit is not beyond it', () => {
    expect(statusAbove(-90, band)).toBe('pass');
    expect(statusAbove(-50, band)).toBe('pass');
  });

  it('warns above the warn limit up to and including the fail limit', () => {
    expect(statusAbove(-49.999, band)).toBe('warn');
    expect(statusAbove(-35, band)).toBe('warn');
  });

  it('fails above the fail limit', () => {
    expect(statusAbove(-34.999, band)).toBe('fail');
    expect(statusAbove(0, band)).toBe('fail');
  });

  it('treats any amount above a zero warn limit as a warning', () => {
    expect(statusAbove(0, { warn: 0, fail: 0.01 })).toBe('pass');
    expect(statusAbove(1e-9, { warn: 0, fail: 0.01 })).toBe('warn');
  });
});

describe('combineFindings', () => {
  it('gives the pass summary and no advice when every finding passes', () => {
    expect(combineFindings([problem('pass', 'a'), problem('pass', 'b')], passSummary)).toEqual({ status: 'pass', summary: passSummary, advice: [] });
  });

  it('gives the pass summary for no findings at all', () => {
    expect(combineFindings([], passSummary)).toEqual({ status: 'pass', summary: passSummary, advice: [] });
  });

  it('takes the status and summary of the first worst finding', () => {
    const result = combineFindings([problem('warn', 'a'), problem('fail', 'b'), problem('fail', 'c'), problem('pass', 'd')], passSummary);
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'checks.test.b', values: { name: 'b' } });
  });

  it('lists the advice of every non-pass finding, worst first, keeping order within a status', () => {
    const result = combineFindings(
      [problem('warn', 'w1'), problem('pass', 'p'), problem('fail', 'f1'), problem('warn', 'w2'), problem('fail', 'f2')],
      passSummary,
    );
    expect(result.advice).toEqual([{ key: 'advice.test.f1' }, { key: 'advice.test.f2' }, { key: 'advice.test.w1' }, { key: 'advice.test.w2' }]);
  });

  it('gives advice with the same key once, at the place of its worst finding', () => {
    const shared = (status: Finding['status'], name: string): Finding => ({ ...problem(status, name), advice: { key: 'advice.test.shared' } });
    const result = combineFindings([shared('warn', 'a'), problem('warn', 'b'), shared('fail', 'c')], passSummary);
    expect(result).toEqual({
      status: 'fail',
      summary: { key: 'checks.test.c', values: { name: 'c' } },
      advice: [{ key: 'advice.test.shared' }, { key: 'advice.test.b' }],
    });
  });

  it('leaves the findings it was given untouched', () => {
    const findings = [problem('warn', 'a'), problem('fail', 'b')];
    const before = structuredClone(findings);
    combineFindings(findings, passSummary);
    expect(findings).toEqual(before);
  });
});

describe('roundMetric', () => {
  it('rounds to three decimals by default', () => {
    expect(roundMetric(1.23456)).toBe(1.235);
    expect(roundMetric(-20.0004)).toBe(-20);
  });

  it('rounds to the digits asked for', () => {
    expect(roundMetric(0.0123456, 6)).toBe(0.012346);
    expect(roundMetric(29.97, 1)).toBe(30);
    expect(roundMetric(1234.5, 0)).toBe(1235);
  });

  it('passes non-finite values through unchanged', () => {
    expect(roundMetric(Infinity)).toBe(Infinity);
    expect(roundMetric(-Infinity)).toBe(-Infinity);
    expect(roundMetric(NaN)).toBeNaN();
  });
});

describe('checkSchema', () => {
  const valid = {
    id: 'camera:usb',
    kind: 'camera',
    deviceLabel: 'USB camera',
    status: 'warn',
    summary: { key: 'checks.camera.lowFps', values: { fps: 12 } },
    metrics: { fps: 12, heard: true, resolutions: '720p', missing: null },
    advice: [{ key: 'advice.camera.lowFps' }],
  };

  it('accepts a finished check', () => {
    expect(checkSchema.parse(valid)).toEqual(valid);
  });

  it('accepts the network kinds and a metric that is a list of short names', () => {
    const network = { ...valid, kind: 'network', metrics: { candidateTypes: ['host', 'relay-udp', 'srflx'] } };
    expect(checkSchema.parse(network)).toEqual(network);
    expect(['sfu', 'reachability'].map((kind) => checkSchema.safeParse({ ...valid, kind }).success)).toEqual([true, true]);
  });

  it('refuses a list metric with a long entry or more than 20 entries', () => {
    expect(checkSchema.safeParse({ ...valid, metrics: { names: ['x'.repeat(41)] } }).success).toBe(false);
    expect(checkSchema.safeParse({ ...valid, metrics: { names: Array.from({ length: 21 }, () => 'x') } }).success).toBe(false);
    expect(checkSchema.safeParse({ ...valid, metrics: { names: [1] } }).success).toBe(false);
  });

  it('refuses an unknown kind or status and an empty message key', () => {
    expect(checkSchema.safeParse({ ...valid, kind: 'bandwidth' }).success).toBe(false);
    expect(checkSchema.safeParse({ ...valid, status: 'skipped' }).success).toBe(false);
    expect(checkSchema.safeParse({ ...valid, summary: { key: '' } }).success).toBe(false);
  });
});
