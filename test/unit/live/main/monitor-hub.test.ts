import { describe, expect, it } from 'vitest';
import { drillLossPercent } from '../../../../shared/live/drill';
import { fakeSystem, hostReading, liveSample, liveSamples, second, t0, useLive } from './fixtures';

describe('monitor hub', () => {
  const fixture = useLive();

  it('adds the host figures, opens a loss incident on 3 of 5 seconds beyond the limit and closes it after 5 clean seconds', () => {
    let clock = second(0);
    const { live, createEvent, emitted } = fixture.open({ now: () => clock, system: fakeSystem([second(1)]) });
    const event = createEvent();
    expect(live.hub.start(event.id).monitoring).toBe(true);
    expect(live.events.get(event.id)?.startedAt).toBe(second(0));

    live.hub.ingest(event.id, liveSamples(0, 2));
    // Loss 4 % is beyond web-meeting's warn limit (1 %) but within its fail limit (5 %): a warn incident.
    const status = live.hub.ingest(event.id, [liveSample(2, { lossPercent: 4 }), liveSample(3), liveSample(4, { lossPercent: 4 }), liveSample(5, { lossPercent: 4 })]);

    expect(status.openIncidents).toHaveLength(1);
    const opened = status.openIncidents[0]!;
    expect(opened).toMatchObject({ rule: 'loss-high', severity: 'warn', startedAt: second(5), endedAt: null, drill: false, manual: false });
    expect(opened.id).toBeGreaterThan(0);
    expect(opened.snapshot).toMatchObject({ lossPercent: 4, cpuPercent: 12.5 });
    expect(live.incidents.listForEvent(event.id).map((incident) => incident.id)).toEqual([opened.id]);
    expect(emitted.at(-1)?.eventId).toBe(event.id);

    clock = second(20);
    live.hub.ingest(event.id, [liveSample(6, { lossPercent: 4 }), ...liveSamples(7, 11)]);
    expect(live.hub.status(event.id).openIncidents).toHaveLength(1);
    const closed = live.hub.ingest(event.id, [liveSample(11)]);

    expect(closed.openIncidents).toEqual([]);
    // It ended at the first of the five clean seconds: the time to recover runs from 5 s to 7 s.
    expect(live.incidents.get(opened.id)).toMatchObject({ startedAt: second(5), endedAt: second(7) });

    const stopped = live.hub.stop(event.id);
    expect(stopped.monitoring).toBe(false);
    const stored = live.samples.list(event.id);
    expect(stored).toHaveLength(12);
    expect(stored[0]).toMatchObject({ ...hostReading, interfacesChanged: false, drill: false });
    expect(stored[1]?.interfacesChanged).toBe(true);
    expect(stored.filter((sample) => sample.interfacesChanged)).toHaveLength(1);
    expect(live.events.get(event.id)?.endedAt).toBe(second(20));
  });

  it('ignores seconds it already took, refuses samples before a start, and closes open rule incidents on stop', () => {
    let clock = second(0);
    const { live, createEvent } = fixture.open({ now: () => clock });
    const event = createEvent();
    expect(() => live.hub.ingest(event.id, liveSamples(0, 1))).toThrow(/not being monitored/);
    live.hub.start(event.id);
    live.hub.ingest(event.id, liveSamples(0, 3, { linkUp: false, rttMs: null, jitterMs: null, lossPercent: null, mos: null }));
    live.hub.ingest(event.id, liveSamples(0, 3));
    expect(live.hub.status(event.id).openIncidents.map((incident) => [incident.rule, incident.severity, incident.startedAt])).toEqual([['link-lost', 'critical', second(0)]]);

    clock = second(9);
    live.hub.stop(event.id);

    expect(live.samples.count(event.id)).toBe(3);
    expect(live.incidents.listForEvent(event.id).map((incident) => incident.endedAt)).toEqual([second(9)]);
  });

  it('resumes an event left monitoring by a killed host, and closes its open incident by the rules', () => {
    const file = fixture.temp.path('resumed.sqlite');
    const first = fixture.open({ file, now: () => second(0) });
    const event = first.createEvent();
    first.live.hub.start(event.id);
    first.live.hub.ingest(event.id, liveSamples(0, 3, { micState: 'lost', micDbfs: null }));
    const incidentId = first.live.hub.status(event.id).openIncidents[0]!.id;
    // A killed host never stops its hub: what it committed is all the next one finds.
    first.live.hub.flushAll();

    const second_ = fixture.open({ file, now: () => second(30) });
    const resumed = second_.live.hub.ingest(event.id, liveSamples(3, 8));

    expect(resumed.monitoring).toBe(true);
    expect(resumed.openIncidents).toEqual([]);
    expect(second_.live.incidents.get(incidentId)).toMatchObject({ rule: 'mic-silent', severity: 'critical', endedAt: second(3) });
  });

  it('marks drill seconds and the incident they cause, and gives the drill its reaction times', () => {
    let clock = second(10);
    const { live, createEvent, runs } = fixture.open({ now: () => clock });
    const event = createEvent();
    live.hub.start(event.id);
    live.hub.ingest(event.id, liveSamples(0, 10));

    const drill = live.hub.startDrill(event.id, 'heavy-loss');
    expect(drill).toMatchObject({ kind: 'heavy-loss', startedAt: second(10), endedAt: null, incidentId: null });
    expect(() => live.hub.startDrill(event.id, 'mic-lost')).toThrow(/already running/);

    const during = live.hub.ingest(event.id, liveSamples(10, 13));
    const incident = during.openIncidents.find((open) => open.rule === 'loss-high')!;
    expect(incident).toMatchObject({ severity: 'critical', startedAt: second(12), drill: true });
    expect(during.drill?.incidentId).toBe(incident.id);

    // A trainee notices 4 s into the drill and opens the playbook 2 s later.
    live.incidents.acknowledge(incident.id, second(14));
    const run = runs.create({ templateId: 'plan-b-link-down', templateVersion: 1, parentRunId: null, title: 'Plan B', plannedStart: second(16) }, second(16));
    live.incidents.setPlaybook(incident.id, run.id, second(16));
    live.hub.ingest(event.id, liveSamples(13, 18));
    clock = second(18);
    const stopped = live.hub.stopDrill(event.id);
    expect(stopped.endedAt).toBe(second(18));

    live.hub.ingest(event.id, liveSamples(18, 25));

    const stored = live.samples.list(event.id);
    expect(stored.filter((sample) => sample.drill).map((sample) => (sample.at - t0) / 1000)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(stored.find((sample) => sample.at === second(11))?.lossPercent).toBe(drillLossPercent);
    expect(stored.find((sample) => sample.at === second(18))?.lossPercent).toBe(0);
    expect(live.drills.listForEvent(event.id)).toEqual([
      {
        id: drill.id,
        eventId: event.id,
        kind: 'heavy-loss',
        startedAt: second(10),
        endedAt: second(18),
        timeToNoticeMs: 4000,
        timeToPlaybookMs: 6000,
        // Clean from second 18: the incident ends there, 8 s after the drill began.
        timeToRecoverMs: 8000,
        incidentId: incident.id,
      },
    ]);
    expect(live.incidents.listForEvent(event.id).every((stored_) => stored_.drill)).toBe(true);
  });

  it('emits live:changed at most once a second per event', async () => {
    const { live, createEvent, emitted, bus } = fixture.open();
    const event = createEvent();
    live.hub.start(event.id);
    const before = emitted.length;
    const next = new Promise<void>((resolve) => {
      const unsubscribe = bus.subscribe((name) => {
        if (name !== 'live:changed') return;
        unsubscribe();
        resolve();
      });
    });
    for (let index = 0; index < 20; index++) live.hub.ingest(event.id, [liveSample(index)]);
    expect(emitted.length - before).toBe(0);

    await next;

    expect(emitted.length - before).toBe(1);
    expect(emitted.at(-1)?.lastSampleAt).toBe(second(19));
  });

  it('goes on monitoring on a full disk, shows the incident it could not store, and stores both once the disk has room', () => {
    const { db, live, createEvent } = fixture.open({ now: () => second(0) });
    const event = createEvent();
    live.hub.start(event.id);
    live.hub.ingest(event.id, liveSamples(0, 5));
    live.hub.flushAll();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    const full = live.hub.ingest(event.id, [...liveSamples(5, 2000), ...liveSamples(2000, 2003, { cameraState: 'lost', fps: null })]);

    expect(full.storage).toMatchObject({ ok: false, pending: 1998 });
    expect(full.storage.message).toMatch(/disk is full/);
    expect(full.openIncidents).toHaveLength(1);
    expect(full.openIncidents[0]).toMatchObject({ rule: 'camera-lost', startedAt: second(2000) });
    expect(full.openIncidents[0]!.id).toBeLessThan(0);
    expect(live.hub.ingest(event.id, [liveSample(2003, { cameraState: 'lost', fps: null })]).storage.pending).toBe(1999);

    db.pragma('max_page_count = 1073741823');
    const recovered = live.hub.flushAll().get(event.id);

    expect(recovered).toEqual({ ok: true, pending: 0, message: null });
    expect(live.samples.count(event.id)).toBe(2004);
    const stored = live.hub.status(event.id).openIncidents;
    expect(stored.map((incident) => [incident.rule, incident.startedAt])).toEqual([['camera-lost', second(2000)]]);
    expect(stored[0]!.id).toBeGreaterThan(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
