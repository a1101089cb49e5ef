import { describe, expect, it } from 'vitest';
import type { RecordedAction, RunAction } from '../../../shared/runofshow/run';
import { pausedMsBetween, plannedEnd, plannedSegmentStarts, runClock } from '../../../shared/runofshow/run-clock';
import { deriveRunState } from '../../../shared/runofshow/run-state';
import { templateSchema, type Template } from '../../../shared/runofshow/template';

const SEC = 1_000;
const MIN = 60_000;
const HOUR = 60 * MIN;
/** 2025-03-01 09:00 UTC: the planned start of every run here. */
const T0 = Date.UTC(2025, 2, 1, 9, 0);

const runOfShow: Template = templateSchema.parse({
  kind: 'run_of_show',
  id: 'two-day-summit',
  language: 'en',
  name: 'Two-day summit',
  days: [
    {
      key: 'day-one',
      title: 'Day one',
      startMinutes: 9 * 60,
      segments: [
        { key: 'opening', title: 'Opening', durationMinutes: 10, presenter: 'Ana', cues: ['Walk-in music'], steps: [{ key: 'mics-on', title: 'Mics on', dueOffsetMinutes: -30 }] },
        { key: 'keynote', title: 'Keynote', durationMinutes: 30, presenter: 'Ben', cues: ['Slides on screen 2', 'Lights down'], steps: [{ key: 'slides-loaded', title: 'Slides loaded' }] },
        { key: 'panel', title: 'Panel', durationMinutes: 20, presenter: 'Chen', steps: [{ key: 'chairs', title: 'Chairs set' }] },
      ],
    },
    {
      key: 'day-two',
      title: 'Day two',
      startMinutes: 10 * 60,
      segments: [
        { key: 'workshop', title: 'Workshop', durationMinutes: 45, presenter: 'Dana', cues: ['Breakout rooms open'], steps: [{ key: 'breakouts', title: 'Breakouts ready', required: false }] },
        { key: 'closing', title: 'Closing', durationMinutes: 15 },
      ],
    },
  ],
});

const oneDay: Template = templateSchema.parse({
  kind: 'run_of_show',
  id: 'webinar',
  language: 'en',
  name: 'Webinar',
  days: [{ key: 'day', title: 'Day', startMinutes: 14 * 60, segments: [{ key: 'talk', title: 'Talk', durationMinutes: 40 }, { key: 'qa', title: 'Q&A', durationMinutes: 20 }] }],
});

const checklist: Template = templateSchema.parse({
  kind: 'checklist',
  id: 'room-check',
  language: 'en',
  name: 'Room check',
  steps: [
    { key: 'camera', title: 'Camera framed' },
    { key: 'audio', title: 'Audio loop tested' },
    { key: 'lights', title: 'Lights set', required: false },
  ],
});

let nextId = 1;
/** An action recorded `ms` after T0. */
const act = (ms: number, action: RunAction): RecordedAction => ({ ...action, id: nextId++, at: T0 + ms, person: 'Ana' });
const start: RunAction = { type: 'start' };
const next: RunAction = { type: 'next-segment' };
const pause: RunAction = { type: 'pause' };
const resume: RunAction = { type: 'resume' };
const finish: RunAction = { type: 'finish' };
const clockAt = (template: Template, actions: RecordedAction[], nowMs: number) => runClock(template, deriveRunState(template, actions), T0 + nowMs, T0);

describe('planned schedule', () => {
  it('starts each later day at its own start time on the following calendar day', () => {
    expect(plannedSegmentStarts(runOfShow, T0).map((start) => start - T0)).toEqual([0, 10 * MIN, 40 * MIN, 25 * HOUR, 25 * HOUR + 45 * MIN]);
    expect(plannedEnd(runOfShow, T0)).toBe(T0 + 26 * HOUR);
  });

  it('ends a single day at the planned start plus the total duration', () => {
    expect(plannedEnd(oneDay, T0)).toBe(T0 + 60 * MIN);
    expect(plannedEnd(checklist, T0)).toBeNull();
  });
});

describe('pausedMsBetween', () => {
  it('counts only the part of each pause inside the window, an open pause up to its end', () => {
    const pauses = [
      { from: 10, to: 20 },
      { from: 30, to: 40 },
      { from: 50, to: null },
    ];
    expect(pausedMsBetween(pauses, 15, 35)).toBe(10);
    expect(pausedMsBetween(pauses, 0, 60)).toBe(30);
    expect(pausedMsBetween(pauses, 21, 29)).toBe(0);
  });
});

describe('runClock', () => {
  it('counts down to the planned start, and past it when late', () => {
    const early = clockAt(runOfShow, [], -90 * SEC);
    expect(early).toMatchObject({ countdownToStartMs: 90 * SEC, eventElapsedMs: 0, paused: false, segment: null, speaker: null });
    expect(early.schedule).toEqual({ plannedEndMs: T0 + 26 * HOUR, driftMs: null });
    expect(clockAt(runOfShow, [], 2 * MIN).countdownToStartMs).toBe(-2 * MIN);
  });

  it('gives elapsed, remaining, drift and the next cue within the first segment', () => {
    const clock = clockAt(runOfShow, [act(2 * MIN, start)], 7 * MIN);
    expect(clock.eventElapsedMs).toBe(5 * MIN);
    expect(clock.segment).toEqual({
      index: 0,
      title: 'Opening',
      presenter: 'Ana',
      plannedMs: 10 * MIN,
      elapsedMs: 5 * MIN,
      remainingMs: 5 * MIN,
      overMs: 0,
      isOver: false,
      nextTitle: 'Keynote',
      nextCue: 'Slides on screen 2',
      day: { index: 0, title: 'Day one' },
    });
    expect(clock.schedule.driftMs).toBe(2 * MIN);
  });

  it('is not over at exactly the planned duration, and over a second later', () => {
    const actions = [act(0, start)];
    expect(clockAt(runOfShow, actions, 10 * MIN).segment).toMatchObject({ remainingMs: 0, overMs: 0, isOver: false });
    expect(clockAt(runOfShow, actions, 10 * MIN + SEC).segment).toMatchObject({ remainingMs: -SEC, overMs: SEC, isOver: true });
    expect(clockAt(runOfShow, actions, 14 * MIN).segment).toMatchObject({ elapsedMs: 14 * MIN, remainingMs: -4 * MIN, overMs: 4 * MIN, isOver: true });
  });

  describe('a pause in the middle of the keynote', () => {
    const actions = [
      act(0, start),
      act(10 * MIN, next),
      act(10 * MIN, { type: 'speaker-timer', minutes: 25, speaker: 'Ben' }),
      act(20 * MIN, pause),
      act(25 * MIN, resume),
    ];

    it('stops the event, segment and speaker clocks while paused', () => {
      for (const now of [22 * MIN, 24 * MIN + 59 * SEC]) {
        const clock = clockAt(runOfShow, actions.slice(0, 4), now);
        expect(clock.paused).toBe(true);
        expect(clock.eventElapsedMs).toBe(20 * MIN);
        expect(clock.segment).toMatchObject({ index: 1, elapsedMs: 10 * MIN, remainingMs: 20 * MIN });
        expect(clock.speaker).toEqual({ speaker: 'Ben', remainingMs: 15 * MIN, isOver: false });
      }
    });

    it('runs them again from where they stopped after the resume', () => {
      const clock = clockAt(runOfShow, actions, 30 * MIN);
      expect(clock.paused).toBe(false);
      expect(clock.eventElapsedMs).toBe(25 * MIN);
      expect(clock.segment).toMatchObject({ elapsedMs: 15 * MIN, remainingMs: 15 * MIN, isOver: false });
      expect(clock.speaker).toEqual({ speaker: 'Ben', remainingMs: 10 * MIN, isOver: false });
    });

    it('shows the speaker over once the slot is used up, pause excluded', () => {
      expect(clockAt(runOfShow, actions, 40 * MIN).speaker).toEqual({ speaker: 'Ben', remainingMs: 0, isOver: false });
      expect(clockAt(runOfShow, actions, 41 * MIN).speaker).toEqual({ speaker: 'Ben', remainingMs: -MIN, isOver: true });
    });

    it('keeps the keynote on time: its drift ignores the later pause', () => {
      expect(clockAt(runOfShow, actions, 30 * MIN).schedule.driftMs).toBe(0);
    });
  });

  it('reports an early segment with negative drift', () => {
    const clock = clockAt(runOfShow, [act(0, start), act(10 * MIN, next), act(38 * MIN, next)], 39 * MIN);
    expect(clock.segment).toMatchObject({ index: 2, title: 'Panel', elapsedMs: MIN });
    expect(clock.schedule.driftMs).toBe(-2 * MIN);
  });

  it('announces the next day and switches to it', () => {
    const lastOfDayOne = [act(0, start), act(10 * MIN, next), act(40 * MIN, next)];
    expect(clockAt(runOfShow, lastOfDayOne, 45 * MIN).segment).toMatchObject({
      index: 2,
      day: { index: 0, title: 'Day one' },
      nextTitle: 'Workshop',
      nextCue: 'Breakout rooms open',
    });
    // The evening is paused so that it counts against no segment.
    const dayTwo = [...lastOfDayOne, act(60 * MIN, pause), act(25 * HOUR + 3 * MIN, resume), act(25 * HOUR + 3 * MIN, next)];
    const clock = clockAt(runOfShow, dayTwo, 25 * HOUR + 13 * MIN);
    expect(clock.segment).toMatchObject({
      index: 3,
      title: 'Workshop',
      presenter: 'Dana',
      elapsedMs: 10 * MIN,
      remainingMs: 35 * MIN,
      day: { index: 1, title: 'Day two' },
      nextTitle: 'Closing',
      nextCue: null,
    });
    expect(clock.schedule.driftMs).toBe(3 * MIN);
    expect(clock.eventElapsedMs).toBe(60 * MIN + 10 * MIN);
  });

  it('has no next segment on the last one', () => {
    const actions = [act(0, start), act(1 * MIN, next), act(2 * MIN, next), act(3 * MIN, next), act(4 * MIN, next)];
    expect(clockAt(runOfShow, actions, 5 * MIN).segment).toMatchObject({ index: 4, title: 'Closing', presenter: '', nextTitle: null, nextCue: null });
  });

  it('freezes a finished run at its finish time', () => {
    const actions = [act(0, start), act(10 * MIN, next), act(10 * MIN, { type: 'speaker-timer', minutes: 5, speaker: 'Ben' }), act(50 * MIN, finish)];
    const atFinish = clockAt(runOfShow, actions, 50 * MIN);
    const anHourLater = clockAt(runOfShow, actions, 110 * MIN);
    expect(anHourLater).toEqual({ ...atFinish, countdownToStartMs: -110 * MIN });
    expect(anHourLater).toMatchObject({
      eventElapsedMs: 50 * MIN,
      paused: false,
      segment: { index: 1, elapsedMs: 40 * MIN, remainingMs: -10 * MIN, overMs: 10 * MIN, isOver: true },
      speaker: { speaker: 'Ben', remainingMs: -35 * MIN, isOver: true },
    });
  });

  it('freezes a run finished while paused at the pause', () => {
    const actions = [act(0, start), act(8 * MIN, pause), act(12 * MIN, finish)];
    const clock = clockAt(runOfShow, actions, 60 * MIN);
    expect(clock.paused).toBe(false);
    expect(clock.eventElapsedMs).toBe(8 * MIN);
    expect(clock.segment).toMatchObject({ elapsedMs: 8 * MIN, remainingMs: 2 * MIN });
  });

  it('counts steps by state, required ones still pending apart', () => {
    const actions = [
      act(-40 * MIN, { type: 'step', stepKey: 'mics-on', state: 'done', note: '' }),
      act(-30 * MIN, { type: 'step', stepKey: 'slides-loaded', state: 'failed', note: 'Old deck' }),
      act(-20 * MIN, { type: 'step', stepKey: 'breakouts', state: 'skipped', note: '' }),
      act(-10 * MIN, { type: 'step', stepKey: 'slides-loaded', state: 'done', note: 'New deck' }),
      act(-5 * MIN, { type: 'step', stepKey: 'mics-on', state: 'pending', note: 'Recheck' }),
    ];
    expect(clockAt(runOfShow, actions, 0).steps).toEqual({ total: 4, done: 1, skipped: 1, failed: 0, pending: 2, requiredPending: 2 });
  });

  it('gives a checklist an event clock and step counts but no segment or planned end', () => {
    const actions = [act(-50 * MIN, { type: 'step', stepKey: 'lights', state: 'done', note: '' }), act(MIN, start), act(3 * MIN, pause)];
    const clock = clockAt(checklist, actions, 10 * MIN);
    expect(clock).toEqual({
      countdownToStartMs: -10 * MIN,
      eventElapsedMs: 2 * MIN,
      paused: true,
      segment: null,
      schedule: { plannedEndMs: null, driftMs: null },
      speaker: null,
      steps: { total: 3, done: 1, skipped: 0, failed: 0, pending: 2, requiredPending: 2 },
    });
  });
});
