import { describe, expect, it } from 'vitest';
import { sample } from '../samples';
import { second, t0, useLive } from './fixtures';

const dayMs = 86_400_000;

describe('retention', () => {
  const fixture = useLive();

  it('compacts seconds older than the retention into minutes and deletes them, keeping the count and the summary', () => {
    const file = fixture.temp.path('roomready.sqlite');
    const first = fixture.open({ file });
    const event = first.createEvent();
    // Two old minutes with RTT 0…119 ms (minute 1 without MOS), and ten seconds from yesterday.
    first.live.samples.insertMany(event.id, Array.from({ length: 120 }, (_, index) => sample(index, { rttMs: index, mos: index < 60 ? 4 : null })));
    const recent = t0 + 30 * dayMs;
    first.live.samples.insertMany(event.id, Array.from({ length: 10 }, (_, index) => sample(0, { at: recent + index * 1000 })));
    const summary = first.live.samples.summary(event.id);
    first.live.hub.close();

    // Opening the services compacts at once: 31 days later, with 30 days kept.
    const later = fixture.open({ file, now: () => t0 + 31 * dayMs, retentionDays: 30 });

    expect(later.db.prepare('SELECT count(*) FROM quality_samples').pluck().get()).toBe(10);
    expect(later.live.samples.count(event.id)).toBe(130);
    expect(later.db.prepare('SELECT minute, samples, rtt_min, rtt_mean, rtt_max, mos_mean FROM quality_minutes WHERE minute < ? ORDER BY minute').all(recent)).toEqual([
      { minute: t0, samples: 60, rtt_min: 0, rtt_mean: 29.5, rtt_max: 59, mos_mean: 4 },
      { minute: t0 + 60_000, samples: 60, rtt_min: 60, rtt_mean: 89.5, rtt_max: 119, mos_mean: null },
    ]);
    expect(later.live.samples.bounds(event.id)).toEqual({ first: t0, last: recent + 9000 });
    // The summary covers the whole event: compaction leaves it as the seconds left it, exact.
    expect(later.live.samples.summary(event.id)).toEqual(summary);
    expect(summary).toMatchObject({ samples: 130, mosBands: { excellent: 70, good: 0, fair: 0, poor: 0, bad: 0 } });
    expect(summary.metrics.rttMs).toMatchObject({ count: 130, sum: 7140 + 400, min: 0, max: 119 });
    expect(later.live.hub.compact()).toBe(0);
  });

  it('merges a minute written in two batches, weighting the means by their seconds, and compacts it in two passes', () => {
    const { live, createEvent, db } = fixture.open({ now: () => second(45) + 30 * dayMs, retentionDays: 30 });
    const event = createEvent();
    live.samples.insertMany(event.id, Array.from({ length: 30 }, (_, index) => sample(index, { rttMs: 10 })));
    live.samples.insertMany(event.id, Array.from({ length: 31 }, (_, index) => sample(29 + index, { rttMs: 40 })));

    // Second 29 came twice: it was stored, and counted in its minute and the summary, once (as the first batch had it).
    expect(live.samples.count(event.id)).toBe(60);
    const summary = live.samples.summary(event.id);
    expect(summary.samples).toBe(60);
    expect(summary.metrics.rttMs).toMatchObject({ count: 60, sum: 30 * 10 + 30 * 40, min: 10, max: 40 });
    expect(live.samples.compactBefore(event.id, second(30))).toBe(30);
    expect(live.samples.compactBefore(event.id, second(60))).toBe(30);
    expect(live.samples.count(event.id)).toBe(60);
    expect(live.samples.summary(event.id)).toEqual(summary);

    expect(db.prepare('SELECT samples, rtt_min, rtt_mean, rtt_max FROM quality_minutes').get()).toEqual({ samples: 60, rtt_min: 10, rtt_mean: 25, rtt_max: 40 });
    expect(db.prepare('SELECT count(*) FROM quality_samples').pluck().get()).toBe(0);
  });

  it('rebuilds a damaged summary from the seconds still stored, and keeps taking seconds', () => {
    const { live, createEvent, db } = fixture.open();
    const event = createEvent();
    live.samples.insertMany(event.id, Array.from({ length: 20 }, (_, index) => sample(index, { rttMs: index })));
    db.prepare("UPDATE event_summaries SET summary = '{\"hand\":\"edited\"}' WHERE event_id = ?").run(event.id);

    expect(live.samples.summary(event.id).metrics.rttMs).toMatchObject({ count: 20, sum: 190, min: 0, max: 19 });
    live.samples.insertMany(event.id, [sample(20, { rttMs: 20 })]);
    expect(live.samples.summary(event.id).metrics.rttMs).toMatchObject({ count: 21, sum: 210, min: 0, max: 20 });
  });
});
