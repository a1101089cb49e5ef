import { describe, expect, it } from 'vitest';
import type { RecordedAction, RunAction } from '../../../shared/runofshow/run';
import { applyAction, deriveRunState, flatSegments, initialRunState, validateAction, type RunState } from '../../../shared/runofshow/run-state';
import { templateSchema, type Template } from '../../../shared/runofshow/template';

const MIN = 60_000;
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
        { key: 'opening', title: 'Opening', durationMinutes: 10, presenter: 'Ana', cues: ['Walk-in music'], steps: [{ key: 'mics-on', title: 'Mics on', owner: 'Technician', dueOffsetMinutes: -30 }] },
        { key: 'keynote', title: 'Keynote', durationMinutes: 30, presenter: 'Ben', cues: ['Slides on screen 2', 'Lights down'], steps: [{ key: 'slides-loaded', title: 'Slides loaded' }] },
        { key: 'panel', title: 'Panel', durationMinutes: 20, presenter: 'Chen' },
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

const checklist: Template = templateSchema.parse({
  kind: 'checklist',
  id: 'room-check',
  language: 'en',
  name: 'Room check',
  steps: [
    { key: 'camera', title: 'Camera framed', dueOffsetMinutes: -60 },
    { key: 'audio', title: 'Audio loop tested', dueOffsetMinutes: -45 },
  ],
});

let nextId = 1;
/** An action recorded `minutes` after T0. */
const act = (minutes: number, action: RunAction, person = 'Ana'): RecordedAction => ({ ...action, id: nextId++, at: T0 + minutes * MIN, person });

const start: RunAction = { type: 'start' };
const next: RunAction = { type: 'next-segment' };
const pause: RunAction = { type: 'pause' };
const resume: RunAction = { type: 'resume' };
const finish: RunAction = { type: 'finish' };
const step = (stepKey: string, state: 'pending' | 'done' | 'skipped' | 'failed', note = ''): RunAction => ({ type: 'step', stepKey, state, note });
const note = (text: string, stepKey: string | null = null): RunAction => ({ type: 'note', stepKey, note: text });

describe('flatSegments', () => {
  it('numbers every segment across days in run order', () => {
    expect(flatSegments(runOfShow).map(({ segment, day, dayIndex, index }) => [index, dayIndex, day.key, segment.key])).toEqual([
      [0, 0, 'day-one', 'opening'],
      [1, 0, 'day-one', 'keynote'],
      [2, 0, 'day-one', 'panel'],
      [3, 1, 'day-two', 'workshop'],
      [4, 1, 'day-two', 'closing'],
    ]);
  });

  it('is empty for a checklist', () => {
    expect(flatSegments(checklist)).toEqual([]);
  });
});

describe('deriveRunState', () => {
  it('is the planned state before any action', () => {
    expect(deriveRunState(runOfShow, [])).toEqual(initialRunState());
    expect(initialRunState()).toEqual({
      status: 'planned',
      startedAt: null,
      finishedAt: null,
      pauses: [],
      segmentIndex: null,
      segmentStarts: [],
      steps: {},
      notes: [],
      speakerTimer: null,
      presenterMessage: null,
      childRunIds: [],
    });
  });

  it('starts the first segment and moves through both days', () => {
    const actions = [act(2, start), act(12, next), act(41, next), act(60, next), act(24 * 60 + 63, next)];
    expect(deriveRunState(runOfShow, actions.slice(0, 1))).toMatchObject({ status: 'running', startedAt: T0 + 2 * MIN, segmentIndex: 0, segmentStarts: [T0 + 2 * MIN] });
    const state = deriveRunState(runOfShow, actions);
    expect(state.segmentIndex).toBe(4);
    expect(state.segmentStarts).toEqual([T0 + 2 * MIN, T0 + 12 * MIN, T0 + 41 * MIN, T0 + 60 * MIN, T0 + (24 * 60 + 63) * MIN]);
    expect(flatSegments(runOfShow)[state.segmentIndex ?? -1]?.day.title).toBe('Day two');
  });

  it('records pauses and closes an open pause at the finish', () => {
    const state = deriveRunState(runOfShow, [act(0, start), act(5, pause), act(8, resume), act(20, pause), act(30, finish)]);
    expect(state).toMatchObject({
      status: 'finished',
      finishedAt: T0 + 30 * MIN,
      pauses: [
        { from: T0 + 5 * MIN, to: T0 + 8 * MIN },
        { from: T0 + 20 * MIN, to: T0 + 30 * MIN },
      ],
    });
  });

  it('lets a later step action overwrite an earlier one', () => {
    const state = deriveRunState(runOfShow, [
      act(-40, step('mics-on', 'done'), 'Tech A'),
      act(-35, step('mics-on', 'failed', 'Mic 2 dead'), 'Tech B'),
      act(-31, step('slides-loaded', 'skipped')),
    ]);
    expect(state.steps).toEqual({
      'mics-on': { state: 'failed', at: T0 - 35 * MIN, person: 'Tech B', note: 'Mic 2 dead' },
      'slides-loaded': { state: 'skipped', at: T0 - 31 * MIN, person: 'Ana', note: '' },
    });
    expect(state.status).toBe('planned');
  });

  it('keeps notes, the speaker timer, the presenter message and child runs', () => {
    const state = deriveRunState(runOfShow, [
      act(0, start),
      act(1, note('Room full')),
      act(2, note('Mic checked', 'mics-on'), 'Ben'),
      act(3, { type: 'speaker-timer', minutes: 8, speaker: 'Ana' }),
      act(4, { type: 'presenter-message', text: '5 minutes' }),
      act(5, { type: 'playbook-opened', childRunId: 42 }),
      act(6, { type: 'presenter-message', text: 'Wrap up' }),
    ]);
    expect(state.notes).toEqual([
      { at: T0 + MIN, person: 'Ana', stepKey: null, note: 'Room full' },
      { at: T0 + 2 * MIN, person: 'Ben', stepKey: 'mics-on', note: 'Mic checked' },
    ]);
    expect(state.speakerTimer).toEqual({ startedAt: T0 + 3 * MIN, minutes: 8, speaker: 'Ana' });
    expect(state.presenterMessage).toEqual({ text: 'Wrap up', at: T0 + 6 * MIN });
    expect(state.childRunIds).toEqual([42]);
  });

  it('clears the speaker timer with 0 minutes and the presenter message with empty text', () => {
    const state = deriveRunState(runOfShow, [
      act(0, start),
      act(1, { type: 'speaker-timer', minutes: 8, speaker: 'Ana' }),
      act(2, { type: 'presenter-message', text: 'Wrap up' }),
      act(3, { type: 'speaker-timer', minutes: 0, speaker: '' }),
      act(4, { type: 'presenter-message', text: '' }),
    ]);
    expect(state.speakerTimer).toBeNull();
    expect(state.presenterMessage).toBeNull();
  });

  it('skips every action validateAction refuses, giving the state of the clean log', () => {
    const clean = [act(0, start), act(10, next), act(20, pause), act(25, resume), act(40, next), act(60, finish), act(61, note('Thanks all'))];
    const corrupted = [
      act(-5, resume), // not paused
      act(-4, next), // not started
      act(-3, finish), // not started
      clean[0]!,
      act(1, start), // already started
      act(2, step('no-such-step', 'done')), // unknown step
      clean[1]!,
      clean[2]!,
      act(21, next), // paused
      act(22, pause), // already paused
      clean[3]!,
      act(24, pause), // dated before the last clock change
      clean[4]!,
      clean[5]!,
      act(60, step('mics-on', 'done')), // after finish
      act(60, { type: 'speaker-timer', minutes: 5, speaker: '' }), // after finish
      act(60, resume), // after finish
      clean[6]!,
    ];
    expect(deriveRunState(runOfShow, corrupted)).toEqual(deriveRunState(runOfShow, clean));
  });

  it('is pure: the same log gives the same state and is not changed', () => {
    const actions = Object.freeze([act(0, start), act(3, step('mics-on', 'done')), act(10, next)].map((a) => Object.freeze(a)));
    expect(deriveRunState(runOfShow, actions)).toEqual(deriveRunState(runOfShow, actions));
  });

  it('runs a checklist without segments, with steps worked before the start', () => {
    const state = deriveRunState(checklist, [act(-70, step('camera', 'done')), act(-50, step('audio', 'done')), act(0, start), act(1, next), act(5, finish)]);
    expect(state).toMatchObject({ status: 'finished', startedAt: T0, finishedAt: T0 + 5 * MIN, segmentIndex: null, segmentStarts: [] });
    expect(Object.keys(state.steps)).toEqual(['camera', 'audio']);
  });
});

describe('validateAction', () => {
  const stateAfter = (template: Template, actions: RecordedAction[]): RunState => deriveRunState(template, actions);
  const planned = initialRunState();
  const running = stateAfter(runOfShow, [act(0, start)]);
  const paused = stateAfter(runOfShow, [act(0, start), act(5, pause)]);
  const onLast = stateAfter(runOfShow, [act(0, start), act(1, next), act(2, next), act(3, next), act(4, next)]);
  const finished = stateAfter(runOfShow, [act(0, start), act(5, finish)]);
  const at = (minutes: number, action: RunAction) => ({ ...action, at: T0 + minutes * MIN });

  it.each([
    ['start while running', running, at(1, start), 'The run has already started.'],
    ['next-segment while planned', planned, at(1, next), 'The run has not started yet.'],
    ['next-segment while paused', paused, at(6, next), 'The run is paused; resume it before moving to the next segment.'],
    ['next-segment on the last segment', onLast, at(6, next), 'This is the last segment; finish the run instead.'],
    ['pause while planned', planned, at(1, pause), 'The run has not started yet.'],
    ['pause while paused', paused, at(6, pause), 'The run is already paused.'],
    ['resume while running', running, at(1, resume), 'The run is not paused.'],
    ['finish while planned', planned, at(1, finish), 'The run has not started yet.'],
    ['a step the template lacks', running, at(1, step('nope', 'done')), 'This template has no step "nope".'],
    ['a note on a step the template lacks', finished, at(9, note('hm', 'nope')), 'This template has no step "nope".'],
    ['a step after finish', finished, at(6, step('mics-on', 'done')), 'The run has finished; only notes can be added.'],
    ['a presenter message after finish', finished, at(6, { type: 'presenter-message', text: 'Hi' }), 'The run has finished; only notes can be added.'],
    ['finish after finish', finished, at(6, finish), 'The run has finished; only notes can be added.'],
    ['a pause dated before the last clock change', running, at(-1, pause), 'The action is dated before the run’s last clock change; the log is out of order.'],
    ['an action without a valid time', running, { ...pause, at: Number.NaN }, 'The action has no valid time.'],
  ])('refuses %s', (_name, state, action, reason) => {
    expect(validateAction(runOfShow, state, action)).toBe(reason);
  });

  it('refuses next-segment on a checklist', () => {
    expect(validateAction(checklist, stateAfter(checklist, [act(0, start)]), at(1, next))).toBe('Only a run of show has segments.');
  });

  it('refuses opening the same playbook run twice', () => {
    const state = stateAfter(runOfShow, [act(0, start), act(1, { type: 'playbook-opened', childRunId: 7 })]);
    expect(validateAction(runOfShow, state, at(2, { type: 'playbook-opened', childRunId: 7 }))).toBe('Playbook run 7 is already open from this run.');
    expect(validateAction(runOfShow, state, at(2, { type: 'playbook-opened', childRunId: 8 }))).toBeNull();
  });

  it.each([
    ['start while planned', planned, at(0, start)],
    ['next-segment while running', running, at(1, next)],
    ['pause while running', running, at(1, pause)],
    ['resume while paused', paused, at(6, resume)],
    ['finish while running', running, at(1, finish)],
    ['finish while paused', paused, at(6, finish)],
    ['finish on the last segment', onLast, at(6, finish)],
    ['a step before the start', planned, at(-30, step('breakouts', 'done'))],
    ['a note after finish', finished, at(9, note('Debrief at 5'))],
    ['a step note after finish', finished, at(9, note('Replace mic', 'mics-on'))],
    ['a speaker timer while paused', paused, at(6, { type: 'speaker-timer', minutes: 3, speaker: '' })],
  ])('allows %s', (_name, state, action) => {
    expect(validateAction(runOfShow, state, action)).toBeNull();
  });

  it('leaves the state untouched when applyAction is given a refused action', () => {
    expect(applyAction(runOfShow, paused, at(6, next))).toBe(paused);
  });
});
