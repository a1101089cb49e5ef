import { describe, expect, it } from 'vitest';
import { timelineBucketMs } from '../../../../electron/services/handlers/live';
import type { ExportedFile } from '../../../../shared/assessment/assessment';
import type { EventSummary, Incident, LiveEvent, StoredSample, Timeline } from '../../../../shared/live/live';
import type { RunWithTemplate } from '../../../../shared/runofshow/run';
import { stepsInOrder } from '../../../../shared/runofshow/template';
import { useMachines, valueOf } from '../../support/handler-harness';
import { sample } from '../samples';
import { second, t0 } from './fixtures';

const printed: string[] = [];
const api = useMachines({
  folderPrefix: 'roomready-live-queries-',
  printer: () => ({
    pdf: (html: string) => {
      printed.push(html);
      return Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    },
  }),
});

async function machineWithEvent(fields: Record<string, unknown> = {}) {
  const machine = api.open();
  const event = valueOf<LiveEvent>(await machine.call('events:create', { title: 'Annual Meeting 2025', profileId: 'web-meeting', plannedStart: t0, plannedEnd: t0 + 3_600_000, ...fields }));
  const store = (samples: StoredSample[]) => machine.services.live.samples.insertMany(event.id, samples);
  return { ...machine, event, store };
}

describe('live:timeline', () => {
  it('sizes buckets at least a second, else the range over the points, rounded up', () => {
    expect(timelineBucketMs(0, 999_000, 1000)).toBe(1000);
    expect(timelineBucketMs(0, 9000, 5)).toBe(1800);
    expect(timelineBucketMs(0, 3 * 86_400_000, 1000)).toBe(259_200);
    expect(timelineBucketMs(0, 10_001, 10)).toBe(1001);
  });

  it('gives min, mean and max per bucket over a known sequence, with empty buckets as gaps', async () => {
    const { call, event, store } = await machineWithEvent();
    // RTT 10, 20, …, 200 ms at seconds 0–19; no fps measured; second 5 has no RTT either.
    store(Array.from({ length: 20 }, (_, index) => sample(index, { rttMs: index === 5 ? null : (index + 1) * 10, fps: null })));

    const timeline = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, from: second(0), to: second(19), points: 10 }));

    expect(timeline.bucketMs).toBe(1900);
    expect(timeline.at).toEqual(Array.from({ length: 11 }, (_, index) => t0 + index * 1900));
    expect(timeline.series.rttMs.min).toEqual([10, 30, 50, 70, 90, 110, 130, 150, 170, 190, 200]);
    expect(timeline.series.rttMs.mean).toEqual([15, 35, 50, 75, 95, 115, 135, 155, 175, 190, 200]);
    expect(timeline.series.rttMs.max).toEqual([20, 40, 50, 80, 100, 120, 140, 160, 180, 190, 200]);
    expect(timeline.series.fps.mean).toEqual(new Array(11).fill(null));

    const wide = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, from: second(-10), to: second(19), points: 10 }));
    expect(wide.bucketMs).toBe(2900);
    expect(wide.at).toHaveLength(11);
    expect(wide.series.rttMs.max).toEqual([null, null, null, 20, 50, 80, 110, 140, 170, 190, 200]);
  });

  it('covers the whole event by default and reads compacted minutes beside seconds, the mean weighted by seconds', async () => {
    const { call, event, store, services } = await machineWithEvent();
    // Minute 0: 60 seconds of RTT 0…59 (mean 29.5), compacted; then seconds 60–63 at 100 ms, stored.
    store(Array.from({ length: 60 }, (_, index) => sample(index, { rttMs: index })));
    expect(services.live.samples.compactBefore(event.id, second(60))).toBe(60);
    store(Array.from({ length: 4 }, (_, index) => sample(60 + index, { rttMs: 100 })));

    const timeline = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, points: 10 }));

    expect([timeline.from, timeline.to]).toEqual([second(0), second(63)]);
    expect(timeline.bucketMs).toBe(6300);
    expect(timeline.series.rttMs.min[0]).toBe(0);
    expect(timeline.series.rttMs.max[0]).toBe(59);
    expect(timeline.series.rttMs.mean[0]).toBeCloseTo(29.5, 10);
    expect(timeline.series.rttMs.mean.slice(1, 9)).toEqual([null, null, null, null, null, null, null, null]);
    expect(timeline.series.rttMs.mean.slice(9)).toEqual([100, 100]);

    const fine = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, from: second(0), to: second(63), points: 5000 }));
    expect(fine.bucketMs).toBe(1000);
    expect(fine.at).toHaveLength(64);
    const whole = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, from: second(0), to: second(639), points: 10 }));
    expect(whole.bucketMs).toBe(63_900);
    // (29.5 × 60 + 100 × 4) / 64
    expect(whole.series.rttMs.mean[0]).toBeCloseTo((29.5 * 60 + 400) / 64, 10);
    expect(whole.series.rttMs.min[0]).toBe(0);
    expect(whole.series.rttMs.max[0]).toBe(100);
  });

  it('reads buckets of a minute or more from the minutes written with the seconds', async () => {
    const { call, event, store } = await machineWithEvent();
    // 20 minutes; every second of minute m has RTT m ms.
    store(Array.from({ length: 1200 }, (_, index) => sample(index, { rttMs: Math.floor(index / 60) })));

    const timeline = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, from: second(0), to: second(1200), points: 10 }));

    expect(timeline.bucketMs).toBe(120_000);
    expect(timeline.series.rttMs.min).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, null]);
    expect(timeline.series.rttMs.mean).toEqual([0.5, 2.5, 4.5, 6.5, 8.5, 10.5, 12.5, 14.5, 16.5, 18.5, null]);
    expect(timeline.series.rttMs.max).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, null]);
  });

  it('marks incidents and the run of show’s actions in the range', async () => {
    const { call, event, services } = await machineWithEvent();
    const run = services.runs.create({ templateId: 'web-meeting', templateVersion: 1, parentRunId: null, title: 'Meeting', plannedStart: t0 }, t0);
    services.db.prepare('UPDATE events SET run_id = ? WHERE id = ?').run(run.id, event.id);
    services.runs.append(run.id, { type: 'start' }, 'Olga', second(2));
    services.runs.append(run.id, { type: 'step', stepKey: 'admit-participants', state: 'done', note: '' }, 'Olga', second(4));
    services.runs.append(run.id, { type: 'next-segment' }, 'Olga', second(100));
    const inside = services.live.incidents.insert(event.id, { rule: 'rtt-high', severity: 'warn', startedAt: second(3), manual: false, drill: true, snapshot: {}, note: '' });
    services.live.incidents.insert(event.id, { rule: 'manual', severity: 'info', startedAt: second(50), manual: true, drill: false, snapshot: {}, note: '' });

    const timeline = valueOf<Timeline>(await call('live:timeline', { eventId: event.id, from: second(0), to: second(10), points: 10 }));

    expect(timeline.incidents).toEqual([{ id: inside.id, rule: 'rtt-high', severity: 'warn', startedAt: second(3), endedAt: null, drill: true }]);
    expect(timeline.actions).toEqual([
      { at: second(2), runId: run.id, label: 'start' },
      { at: second(4), runId: run.id, label: 'Admit participants and fix their names: done' },
    ]);
  });
});

describe('live:summary and live:export', () => {
  it('gives MOS band shares, metric figures, incident durations, checklist completion and plan against actual', async () => {
    const { call, event, store, services } = await machineWithEvent();
    const run = services.runs.create({ templateId: 'web-meeting', templateVersion: 1, parentRunId: null, title: 'Meeting', plannedStart: t0 }, t0);
    services.db.prepare('UPDATE events SET run_id = ? WHERE id = ?').run(run.id, event.id);
    services.runs.append(run.id, { type: 'start' }, '', t0);
    services.runs.append(run.id, { type: 'step', stepKey: 'admit-participants', state: 'done', note: '' }, '', t0 + 60_000);
    services.runs.append(run.id, { type: 'next-segment' }, '', t0 + 12 * 60_000);
    services.runs.append(run.id, { type: 'finish' }, '', t0 + 60 * 60_000);
    // 100 seconds: RTT 1…100 ms; MOS 60 × 4.4, 25 × 3.5, 10 × 2.8, 5 × 2.0; no camera.
    const mosOf = (index: number) => (index < 60 ? 4.4 : index < 85 ? 3.5 : index < 95 ? 2.8 : 2.0);
    store(Array.from({ length: 100 }, (_, index) => sample(index, { rttMs: index + 1, mos: mosOf(index), fps: null })));
    const ended = services.live.incidents.insert(event.id, { rule: 'loss-high', severity: 'critical', startedAt: second(10), manual: false, drill: false, snapshot: {}, note: '' });
    services.live.incidents.end(ended.id, second(25));
    services.live.incidents.insert(event.id, { rule: 'manual', severity: 'warn', startedAt: second(90), manual: true, drill: false, snapshot: {}, note: 'Echo' });

    const summary = valueOf<EventSummary>(await call('live:summary', { eventId: event.id }));

    expect(summary.samples).toBe(100);
    expect(summary.mosBands).toEqual({ excellent: 0.6, good: 0.25, fair: 0.1, poor: 0.05, bad: 0 });
    // Mean, min and max exact; the p95 is the top of the 2 % RTT bin holding the 95th second (95 ms).
    expect(summary.metrics.rttMs).toMatchObject({ mean: 50.5, min: 1, max: 100 });
    expect(summary.metrics.rttMs!.p95).toBeGreaterThanOrEqual(95);
    expect(summary.metrics.rttMs!.p95).toBeLessThan(95 * 1.02);
    expect(summary.metrics.mos).toMatchObject({ min: 2, max: 4.4, p95: 4.4 });
    expect(summary.metrics.fps).toBeNull();
    expect(summary.incidents.map((incident) => [incident.rule, incident.durationMs, incident.timeToRecoverMs])).toEqual([
      ['loss-high', 15_000, 15_000],
      ['manual', null, null],
    ]);
    const template = services.templates.get('web-meeting', 1)!;
    expect(summary.checklist).toEqual({ steps: stepsInOrder(template).length, done: 1, skipped: 0 });
    expect(summary.runOfShow?.[0]).toEqual({ title: 'Doors open and tech check', plannedStart: t0, plannedMinutes: 10, actualStart: t0, actualMinutes: 12 });
    expect(summary.runOfShow?.[1]).toMatchObject({ plannedStart: t0 + 10 * 60_000, actualStart: t0 + 12 * 60_000, actualMinutes: 48 });
    expect(summary.drills).toEqual([]);

    // Seconds 90–109: 90–99 were stored already and count once; 100–109 are new, with RTT 200 ms.
    store(Array.from({ length: 20 }, (_, index) => sample(90 + index, { rttMs: 200, mos: 1.5, fps: null })));
    const more = valueOf<EventSummary>(await call('live:summary', { eventId: event.id }));
    expect(more.samples).toBe(110);
    expect(more.mosBands.bad).toBeCloseTo(10 / 110, 12);
    expect(more.metrics.rttMs).toMatchObject({ mean: (5050 + 2000) / 110, min: 1, max: 200 });

    const json = valueOf<ExportedFile>(await call('live:export', { eventId: event.id, format: 'json', language: 'en' }));
    expect(json.fileName).toMatch(/^roomready-event-annual-meeting-2025-2025-03-0[45]\.json$/);
    expect(JSON.parse(json.data)).toMatchObject({ format: 'roomready.event-report' });
    const csv = valueOf<ExportedFile>(await call('live:export', { eventId: event.id, format: 'csv', language: 'ru' }));
    expect(csv).toMatchObject({ mimeType: 'text/csv; charset=utf-8', encoding: 'utf8' });
    const pdf = valueOf<ExportedFile>(await call('live:export', { eventId: event.id, format: 'pdf', language: 'en' }));
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64', data: 'JVBERg==' });
    expect(printed.at(-1)).toContain('Annual Meeting 2025');
  });
});

describe('incidents', () => {
  it('opens the playbook nested in the event’s run, and on its own when the event has none', async () => {
    const { call, event, services } = await machineWithEvent();
    const show = valueOf<RunWithTemplate>(await call('runs:start', { templateId: 'web-meeting', title: 'Meeting', plannedStart: t0 }));
    valueOf(await call('runs:act', { runId: show.id, action: { type: 'start' } }));
    services.db.prepare('UPDATE events SET run_id = ? WHERE id = ?').run(show.id, event.id);
    const incident = services.live.incidents.insert(event.id, { rule: 'link-lost', severity: 'critical', startedAt: Date.now(), manual: false, drill: false, snapshot: {}, note: '' });

    const opened = valueOf<Incident>(await call('incidents:playbook', { id: incident.id, templateId: 'plan-b-link-down' }));

    expect(opened.playbookRunId).not.toBeNull();
    expect(opened.acknowledgedAt).toBe(opened.playbookOpenedAt);
    const nested = valueOf<RunWithTemplate>(await call('runs:get', { id: opened.playbookRunId }));
    expect(nested.parentRunId).toBe(show.id);
    expect(nested.actions.map((action) => action.type)).toEqual(['start']);
    expect(valueOf<Incident>(await call('incidents:playbook', { id: incident.id, templateId: 'plan-b-link-down' })).playbookRunId).toBe(opened.playbookRunId);

    const other = await machineWithEvent();
    const lone = other.services.live.incidents.insert(other.event.id, { rule: 'loss-high', severity: 'warn', startedAt: Date.now(), manual: false, drill: false, snapshot: {}, note: '' });
    const standalone = valueOf<Incident>(await other.call('incidents:playbook', { id: lone.id, templateId: 'plan-b-link-down' }));
    const run = valueOf<RunWithTemplate>(await other.call('runs:get', { id: standalone.playbookRunId }));
    expect(run.parentRunId).toBeNull();
    expect(run.title).toContain(`#${lone.id} loss-high, Annual Meeting 2025`);
    expect(run.actions.map((action) => action.type)).toEqual(['start']);
  });

  it('opens, notes and closes manual incidents; rule incidents are not closed by hand', async () => {
    const { call, event, services } = await machineWithEvent();
    const manual = valueOf<Incident>(await call('incidents:open', { eventId: event.id, note: 'Speaker cannot hear the room' }));
    expect(manual).toMatchObject({ rule: 'manual', severity: 'warn', manual: true, endedAt: null, note: 'Speaker cannot hear the room' });
    expect(valueOf<Incident>(await call('incidents:note', { id: manual.id, note: 'Fixed the mixer' })).note).toBe('Fixed the mixer');
    expect(valueOf<Incident>(await call('incidents:close', { id: manual.id })).endedAt).not.toBeNull();

    const rule = services.live.incidents.insert(event.id, { rule: 'rtt-high', severity: 'warn', startedAt: 1, manual: false, drill: false, snapshot: {}, note: '' });
    const refused = await call('incidents:close', { id: rule.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const acknowledged = valueOf<Incident>(await call('incidents:acknowledge', { id: rule.id }));
    const again = valueOf<Incident>(await call('incidents:acknowledge', { id: rule.id }));
    expect(again.acknowledgedAt).toBe(acknowledged.acknowledgedAt);
    expect(api.crashes).toEqual([]);
  });

  it('refuses an event with an unknown profile, and deletes an event with its log', async () => {
    const { call, event, store, services } = await machineWithEvent();
    expect(await call('events:create', { title: 'X', profileId: 'nope', plannedStart: 1, plannedEnd: 2 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    store([sample(0)]);
    valueOf(await call('live:start', { eventId: event.id }));
    valueOf(await call('live:samples', { eventId: event.id, samples: [{ at: second(1), rttMs: 20 }] }));
    valueOf(await call('events:delete', { id: event.id }));
    expect(services.db.prepare('SELECT count(*) FROM quality_samples').pluck().get()).toBe(0);
    expect(await call('events:get', { id: event.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
