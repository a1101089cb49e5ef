import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSampleWriter } from '../../../../electron/services/live/sample-writer';
import type { StorageStatus } from '../../../../shared/live/live';
import { sample } from '../samples';
import { t0, useLive } from './fixtures';

describe('sample writer', () => {
  const fixture = useLive();

  function setUp(options: { flushEveryMs?: number; maxPendingSamples?: number } = {}) {
    const machine = fixture.open();
    const event = machine.createEvent();
    const statuses: StorageStatus[] = [];
    const writer = createSampleWriter({ db: machine.db, samples: machine.live.samples, eventId: event.id, ...options, onStatus: (status) => statuses.push(status) });
    // Another connection sees only what was committed.
    const reader = fixture.temp.track(new Database(fixture.temp.path('roomready.sqlite'), { readonly: true }));
    const committed = () => reader.prepare('SELECT count(*) FROM quality_samples WHERE event_id = ?').pluck().get(event.id) as number;
    return { ...machine, event, writer, statuses, reader, committed };
  }

  it('commits buffered seconds on its one-second timer, all of them in one transaction', async () => {
    const { writer, committed, live, event } = setUp({ flushEveryMs: 1000 });
    const started = performance.now();
    writer.add([sample(0), sample(1)]);
    writer.add([sample(2, { rttMs: 123.5, linkUp: false, interfacesChanged: true, drill: true })]);
    expect(committed()).toBe(0);

    const status = await writer.nextFlush();

    expect(performance.now() - started).toBeLessThan(2000);
    expect(status).toEqual({ ok: true, pending: 0, message: null });
    expect(committed()).toBe(3);
    expect(live.samples.list(event.id).at(-1)).toEqual(sample(2, { rttMs: 123.5, linkUp: false, interfacesChanged: true, drill: true }));
    writer.close();
  });

  it('on a full disk keeps the seconds in memory, goes on taking them, and writes the backlog once the disk has room', () => {
    const { db, writer, statuses, committed, live, event } = setUp();
    writer.add(Array.from({ length: 50 }, (_, index) => sample(index)));
    expect(writer.flush().ok).toBe(true);
    const before = live.samples.list(event.id);

    // SQLite itself answers SQLITE_FULL once the file may not grow.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    writer.add(Array.from({ length: 3000 }, (_, index) => sample(50 + index, { rttMs: 50 + index })));
    const full = writer.flush();

    expect(full.ok).toBe(false);
    expect(full.pending).toBe(3000);
    expect(full.message).toMatch(/disk is full.*3000 seconds wait in memory.*Free some disk space/);
    writer.add([sample(3050)]);
    expect(writer.flush()).toMatchObject({ ok: false, pending: 3001 });
    expect(committed()).toBe(50);

    db.pragma('max_page_count = 1073741823');
    expect(writer.flush()).toEqual({ ok: true, pending: 0, message: null });

    expect(committed()).toBe(3051);
    expect(live.samples.list(event.id, 0, before.at(-1)!.at)).toEqual(before);
    expect(live.samples.list(event.id).at(-2)?.rttMs).toBe(3049);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(statuses.map((status) => [status.ok, status.pending])).toEqual([
      [false, 3000],
      [false, 3001],
      [true, 0],
    ]);
    writer.close();
  });

  it('drops the oldest seconds past the memory limit and says so', () => {
    const { db, writer, live, event } = setUp({ maxPendingSamples: 10 });
    db.pragma('query_only = ON');
    writer.add(Array.from({ length: 15 }, (_, index) => sample(index)));
    const refused = writer.flush();

    expect(refused.ok).toBe(false);
    expect(refused.pending).toBe(10);
    expect(refused.message).toMatch(/SQLITE_READONLY.*oldest 5 were dropped/);

    db.pragma('query_only = OFF');
    expect(writer.flush().ok).toBe(true);
    expect(live.samples.list(event.id).map((stored) => (stored.at - t0) / 1000)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    writer.close();
  });

  it('runs queued writes after the seconds before them, and their follow-up only once committed', () => {
    const { db, writer, live, event } = setUp();
    const committedIds: number[] = [];
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    writer.add(Array.from({ length: 3000 }, (_, index) => sample(index)));
    writer.enqueue(() => {
      const incident = live.incidents.insert(event.id, { rule: 'loss-high', severity: 'warn', startedAt: t0, manual: false, drill: false, snapshot: {}, note: '' });
      return () => committedIds.push(incident.id);
    });

    expect(writer.flush().ok).toBe(false);
    expect(committedIds).toEqual([]);
    expect(live.incidents.listForEvent(event.id)).toEqual([]);

    db.pragma('max_page_count = 1073741823');
    expect(writer.flush().ok).toBe(true);
    expect(committedIds).toEqual([live.incidents.listForEvent(event.id)[0]?.id]);
    writer.close();
  });
});
