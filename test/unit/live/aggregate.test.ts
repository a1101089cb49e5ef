import { describe, expect, it } from 'vitest';
import { aggregateMinutes, checklistCompletion, planActual } from '../../../shared/live/aggregate';
import type { RecordedAction, RunAction } from '../../../shared/runofshow/run';
import { deriveRunState } from '../../../shared/runofshow/run-state';
import { templateSchema, type Template } from '../../../shared/runofshow/template';
import { sample, t0 } from './samples';

const MIN = 60_000;

describe('aggregateMinutes', () => {
  // Minute 0: RTT 10, 20, 60; minute 1: RTT 100, —, 200 and loss 1, 2, 4; minute 2: nothing but fps.
  const samples = [
    sample(0, { rttMs: 10, mos: 4.4 }),
    sample(1, { rttMs: 20, mos: 4.2 }),
    sample(59, { rttMs: 60, mos: 3.9 }),
    sample(60, { rttMs: 100, lossPercent: 1 }),
    sample(61, { rttMs: null, lossPercent: 2 }),
    sample(119, { rttMs: 200, lossPercent: 4 }),
    sample(120, { rttMs: null, jitterMs: null, lossPercent: null, mos: null, micDbfs: null, fps: 25 }),
    sample(150, { rttMs: null, jitterMs: null, lossPercent: null, mos: null, micDbfs: null, fps: 15 }),
  ];

  it('gives min, mean and max per minute, null where nothing was measured', () => {
    // Shuffled input: the minutes still come out in order.
    const minutes = aggregateMinutes([...samples].reverse());
    expect(minutes.map((minute) => [minute.minute - t0, minute.samples])).toEqual([
      [0, 3],
      [MIN, 3],
      [2 * MIN, 2],
    ]);
    expect(minutes[0]!.rttMs).toEqual({ min: 10, mean: 30, max: 60 });
    expect(minutes[0]!.mos!.mean).toBeCloseTo(4.1667, 4);
    expect(minutes[0]!.lossPercent).toEqual({ min: 0, mean: 0, max: 0 });
    expect(minutes[1]!.rttMs).toEqual({ min: 100, mean: 150, max: 200 });
    expect(minutes[1]!.lossPercent!.mean).toBeCloseTo(7 / 3, 10);
    expect(minutes[1]!.jitterMs).toEqual({ min: 5, mean: 5, max: 5 });
    expect(minutes[2]!.rttMs).toBeNull();
    expect(minutes[2]!.mos).toBeNull();
    expect(minutes[2]!.fps).toEqual({ min: 15, mean: 20, max: 25 });
    expect(minutes.every((minute) => minute.minute % MIN === 0)).toBe(true);
  });

  it('gives nothing for no samples', () => {
    expect(aggregateMinutes([])).toEqual([]);
  });
});

const template: Template = templateSchema.parse({
  kind: 'run_of_show',
  id: 'webinar',
  language: 'en',
  name: 'Webinar',
  days: [
    {
      key: 'day',
      title: 'Day',
      startMinutes: 14 * 60,
      segments: [
        { key: 'welcome', title: 'Welcome', durationMinutes: 10, steps: [{ key: 'mics', title: 'Mics on' }, { key: 'slides', title: 'Slides up' }] },
        { key: 'talk', title: 'Talk', durationMinutes: 20, steps: [{ key: 'timer', title: 'Timer set' }] },
        { key: 'qa', title: 'Q&A', durationMinutes: 15 },
      ],
    },
  ],
});

/** Planned start 14:00 UTC on the day of t0. */
const P = Date.UTC(2025, 2, 5, 14, 0);
let nextId = 1;
const act = (minutes: number, action: RunAction): RecordedAction => ({ ...action, id: nextId++, at: P + minutes * MIN, person: 'Ana' } as RecordedAction);

describe('planActual', () => {
  // Starts 2 min late, pauses 3 min in the welcome, which overruns to 11 min of running time.
  const actions = [
    act(2, { type: 'start' }),
    act(5, { type: 'pause' }),
    act(8, { type: 'resume' }),
    act(16, { type: 'next-segment' }),
    act(30, { type: 'next-segment' }),
  ];

  it('gives planned starts from the run’s planned start and actual minutes without pauses', () => {
    const state = deriveRunState(template, actions);
    expect(planActual(template, state, { plannedStart: P, now: P + 38 * MIN })).toEqual([
      { title: 'Welcome', plannedStart: P, plannedMinutes: 10, actualStart: P + 2 * MIN, actualMinutes: 11 },
      { title: 'Talk', plannedStart: P + 10 * MIN, plannedMinutes: 20, actualStart: P + 16 * MIN, actualMinutes: 14 },
      { title: 'Q&A', plannedStart: P + 30 * MIN, plannedMinutes: 15, actualStart: P + 30 * MIN, actualMinutes: 8 },
    ]);
  });

  it('leaves the current segment open without `now`, and a segment never reached empty', () => {
    const state = deriveRunState(template, actions.slice(0, 4));
    const rows = planActual(template, state, { plannedStart: P });
    expect(rows.map((row) => [row.actualStart, row.actualMinutes])).toEqual([
      [P + 2 * MIN, 11],
      [P + 16 * MIN, null],
      [null, null],
    ]);
  });

  it('ends the last segment at the finish, a pause at the finish not counted', () => {
    const state = deriveRunState(template, [...actions, act(40, { type: 'pause' }), act(50, { type: 'finish' })]);
    expect(planActual(template, state, { plannedStart: P })[2]).toMatchObject({ actualMinutes: 10 });
  });

  it('lays the plan from the actual start when no planned start is given', () => {
    const state = deriveRunState(template, actions);
    expect(planActual(template, state).map((row) => row.plannedStart)).toEqual([P + 2 * MIN, P + 12 * MIN, P + 32 * MIN]);
  });

  it('is empty for a template without segments', () => {
    const checklist = templateSchema.parse({ kind: 'checklist', id: 'c', language: 'en', name: 'C', steps: [{ key: 'a', title: 'A' }] });
    expect(planActual(checklist, deriveRunState(checklist, []))).toEqual([]);
  });
});

describe('checklistCompletion', () => {
  it('counts the steps of the run of show and its playbook runs together', () => {
    const playbook = templateSchema.parse({
      kind: 'playbook',
      id: 'plan-b',
      language: 'en',
      name: 'Plan B',
      trigger: 'Link lost',
      severity: 'high',
      steps: [
        { key: 'call', title: 'Call IT' },
        { key: 'backup', title: 'Switch to 4G' },
      ],
    });
    const showState = deriveRunState(template, [
      act(0, { type: 'step', stepKey: 'mics', state: 'done', note: '' }),
      act(1, { type: 'step', stepKey: 'slides', state: 'skipped', note: '' }),
    ]);
    const playbookState = deriveRunState(playbook, [act(0, { type: 'step', stepKey: 'call', state: 'done', note: '' })]);
    expect(checklistCompletion([{ template, state: showState }, { template: playbook, state: playbookState }])).toEqual({ steps: 5, done: 2, skipped: 1 });
    expect(checklistCompletion([])).toBeNull();
  });
});
