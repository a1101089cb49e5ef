import { describe, expect, it } from 'vitest';
import { buildAssessmentReport, reportJson } from '../../../shared/assessment/report';
import { assessment, assessedRun, generatedAt, history, profiles } from './fixture';

describe('the assessment report as JSON', () => {
  it('round-trips exactly and is pretty', () => {
    const report = buildAssessmentReport({ assessment, history, profiles, generatedAt });
    const json = reportJson(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json).toContain('\n  "schema": "roomready-assessment-report",\n  "version": 1,');
    expect(report.generatedAt).toBe(generatedAt);
  });

  it('drops anything named like a secret', () => {
    const network = assessedRun.checks.find((check) => check.kind === 'network')!;
    const leaky = { ...network, metrics: { ...network.metrics, turnPassword: 'hunter2', apiToken: 'abc', rttMs: 99 } };
    const run = { ...assessedRun, checks: [leaky] };
    const report = buildAssessmentReport({ assessment: { ...assessment, run }, history: [], profiles, generatedAt });
    // Smuggle secrets in at every depth the data could carry them.
    const smuggled = { ...report, credentials: { user: 'u' }, room: { ...report.room, token: 't' } } as typeof report;
    const json = reportJson(smuggled);
    expect(json).not.toMatch(/hunter2|"abc"|token|password|credential/i);
    expect(JSON.parse(json).measurements[0].metrics.find((metric: { id: string }) => metric.id === 'rttMs').value).toBe(99);
  });
});
