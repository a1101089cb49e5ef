import type { RecordedAction, RunAction, StepState } from './run';
import { stepsInOrder, type Day, type Segment, type Template } from './template';

/** Where a run is in its life: planned → running ⇄ paused → finished. */
export type RunStatus = 'planned' | 'running' | 'paused' | 'finished';

/** The last state a step was set to, and by whom. */
export interface StepRecord {
  state: StepState;
  at: number;
  person: string;
  note: string;
}

/** A free note, on the run or on one step. */
export interface RunNote {
  at: number;
  person: string;
  stepKey: string | null;
  note: string;
}

/** A speaker's slot timer; its clock stops while the run is paused. */
export interface SpeakerTimer {
  startedAt: number;
  minutes: number;
  speaker: string;
}

/** The state of a run after replaying its actions. Times are ms since epoch. */
export interface RunState {
  status: RunStatus;
  startedAt: number | null;
  finishedAt: number | null;
  /** Every pause in order; only the last may be open (`to: null`), and only while paused. */
  pauses: { from: number; to: number | null }[];
  /** Flat index over all days' segments; null for checklists and playbooks, or before start. */
  segmentIndex: number | null;
  /** Actual start of each segment reached, by flat index. */
  segmentStarts: number[];
  /** Only steps that were acted on, by step key; the latest action wins. */
  steps: Record<string, StepRecord>;
  notes: RunNote[];
  speakerTimer: SpeakerTimer | null;
  presenterMessage: { text: string; at: number } | null;
  /** Plan B playbook runs opened from this run, in the order they were opened. */
  childRunIds: number[];
}

/** An action to check or apply: a recorded one, or one about to be recorded. */
export type TimedAction = RunAction & { at: number; person?: string };

/** One segment of a run of show with its place in the programme. */
export interface FlatSegment {
  day: Day;
  segment: Segment;
  dayIndex: number;
  /** Index over all days' segments, the index `RunState.segmentIndex` uses. */
  index: number;
}

/** Every segment of a run of show across its days, in run order; empty for other kinds. */
export function flatSegments(template: Template): FlatSegment[] {
  if (template.kind !== 'run_of_show') return [];
  const flat: FlatSegment[] = [];
  template.days.forEach((day, dayIndex) => {
    for (const segment of day.segments) flat.push({ day, segment, dayIndex, index: flat.length });
  });
  return flat;
}

/** The state of a run before any action. */
export function initialRunState(): RunState {
  return {
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
  };
}

/**
 * The latest moment a clock changed (start, segment change, pause, resume). Clock actions dated
 * before it are refused: accepting them would make a clock run backwards.
 */
function lastClockChange(state: RunState): number | null {
  const times: number[] = [...state.segmentStarts];
  if (state.startedAt !== null) times.push(state.startedAt);
  for (const pause of state.pauses) {
    times.push(pause.from);
    if (pause.to !== null) times.push(pause.to);
  }
  return times.length === 0 ? null : Math.max(...times);
}

function hasStep(template: Template, stepKey: string): boolean {
  return stepsInOrder(template).some(({ step }) => step.key === stepKey);
}

/**
 * Whether `action` may be applied to a run in `state`: null when allowed, otherwise a plain-English
 * reason. The rules:
 * - `start` only while planned (any kind of template: it starts the event clock).
 * - `next-segment` only on a run of show, only while running (not while paused: a segment's actual
 *   start must be the moment its clock starts, so resume first), and not from the last segment
 *   (use finish).
 * - `pause` only while running; `resume` only while paused; `finish` only while running or paused.
 * - `step` only for a step key the template has; allowed before start (checklists are worked
 *   ahead of T-0) but not after finish.
 * - `note` is allowed at any time, even after finish; a note on a step needs a step the template has.
 * - `speaker-timer`, `presenter-message` and `playbook-opened` are refused after finish; a playbook
 *   run already opened from this run is refused a second time.
 * - Clock actions (start, next-segment, pause, resume, finish) dated before the last clock change
 *   are refused, and so is any action without a finite time.
 */
export function validateAction(template: Template, state: RunState, action: TimedAction): string | null {
  if (!Number.isFinite(action.at)) return 'The action has no valid time.';
  if (action.type === 'note') {
    if (action.stepKey !== null && !hasStep(template, action.stepKey)) return `This template has no step "${action.stepKey}".`;
    return null;
  }
  if (state.status === 'finished') return 'The run has finished; only notes can be added.';

  const isClockAction = ['start', 'next-segment', 'pause', 'resume', 'finish'].includes(action.type);
  const lastChange = lastClockChange(state);
  if (isClockAction && lastChange !== null && action.at < lastChange) {
    return 'The action is dated before the run’s last clock change; the log is out of order.';
  }

  switch (action.type) {
    case 'start':
      return state.status === 'planned' ? null : 'The run has already started.';
    case 'next-segment': {
      if (template.kind !== 'run_of_show') return 'Only a run of show has segments.';
      if (state.status === 'planned') return 'The run has not started yet.';
      if (state.status === 'paused') return 'The run is paused; resume it before moving to the next segment.';
      const last = flatSegments(template).length - 1;
      if (state.segmentIndex !== null && state.segmentIndex >= last) return 'This is the last segment; finish the run instead.';
      return null;
    }
    case 'pause':
      if (state.status === 'planned') return 'The run has not started yet.';
      return state.status === 'running' ? null : 'The run is already paused.';
    case 'resume':
      return state.status === 'paused' ? null : 'The run is not paused.';
    case 'finish':
      return state.status === 'planned' ? 'The run has not started yet.' : null;
    case 'step':
      return hasStep(template, action.stepKey) ? null : `This template has no step "${action.stepKey}".`;
    case 'playbook-opened':
      return state.childRunIds.includes(action.childRunId) ? `Playbook run ${action.childRunId} is already open from this run.` : null;
    case 'speaker-timer':
    case 'presenter-message':
      return null;
  }
}

/** The state after `action`; the same state, unchanged, when `validateAction` refuses it. */
export function applyAction(template: Template, state: RunState, action: TimedAction): RunState {
  if (validateAction(template, state, action) !== null) return state;
  const { at } = action;
  const person = action.person ?? '';
  switch (action.type) {
    case 'start': {
      const isRunOfShow = template.kind === 'run_of_show';
      return { ...state, status: 'running', startedAt: at, segmentIndex: isRunOfShow ? 0 : null, segmentStarts: isRunOfShow ? [at] : [] };
    }
    case 'next-segment': {
      const index = (state.segmentIndex ?? -1) + 1;
      return { ...state, segmentIndex: index, segmentStarts: [...state.segmentStarts.slice(0, index), at] };
    }
    case 'pause':
      return { ...state, status: 'paused', pauses: [...state.pauses, { from: at, to: null }] };
    case 'resume':
      return { ...state, status: 'running', pauses: closeOpenPause(state.pauses, at) };
    case 'finish':
      // An open pause is closed at the finish so that every pause has an end.
      return { ...state, status: 'finished', finishedAt: at, pauses: closeOpenPause(state.pauses, at) };
    case 'step':
      return { ...state, steps: { ...state.steps, [action.stepKey]: { state: action.state, at, person, note: action.note } } };
    case 'note':
      return { ...state, notes: [...state.notes, { at, person, stepKey: action.stepKey, note: action.note }] };
    case 'speaker-timer':
      return { ...state, speakerTimer: action.minutes === 0 ? null : { startedAt: at, minutes: action.minutes, speaker: action.speaker } };
    case 'presenter-message':
      return { ...state, presenterMessage: action.text === '' ? null : { text: action.text, at } };
    case 'playbook-opened':
      return { ...state, childRunIds: [...state.childRunIds, action.childRunId] };
  }
}

function closeOpenPause(pauses: RunState['pauses'], at: number): RunState['pauses'] {
  return pauses.map((pause) => (pause.to === null ? { from: pause.from, to: at } : pause));
}

/**
 * Replays `actions` in the order given. Actions that `validateAction` refuses are skipped, so a
 * corrupted or out-of-order log gives a consistent state instead of an error.
 */
export function deriveRunState(template: Template, actions: readonly RecordedAction[]): RunState {
  return actions.reduce((state, action) => applyAction(template, state, action), initialRunState());
}
