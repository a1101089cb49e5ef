import { flatSegments, type RunState } from './run-state';
import { stepsInOrder, type Template } from './template';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** The clock of the current segment of a run of show. */
export interface SegmentClock {
  /** Flat index over all days' segments. */
  index: number;
  title: string;
  presenter: string;
  plannedMs: number;
  /** Time the segment has run, not counting pauses. */
  elapsedMs: number;
  /** Planned − elapsed; negative when over. */
  remainingMs: number;
  /** How far past its planned duration the segment is; 0 while within it. */
  overMs: number;
  isOver: boolean;
  /** The next segment's title (on the next day after a day's last); null on the last segment. */
  nextTitle: string | null;
  /** The first cue of the next segment; null when it has none or there is no next segment. */
  nextCue: string | null;
  day: { index: number; title: string };
}

/** Steps of the template by the state they are in. */
export interface StepCounts {
  total: number;
  done: number;
  skipped: number;
  failed: number;
  /** Steps never acted on or set back to pending. */
  pending: number;
  /** Required steps that are pending. */
  requiredPending: number;
}

/** Every clock of a run at one instant. Durations in ms; times in ms since epoch. */
export interface RunClock {
  /** Planned start − now; negative when the start is late. Only meaningful while planned. */
  countdownToStartMs: number;
  /** From the start to now (or to the finish), not counting pauses; 0 before the start. */
  eventElapsedMs: number;
  paused: boolean;
  /** The current segment; null before the start and for checklists and playbooks. */
  segment: SegmentClock | null;
  schedule: {
    /** When the programme is planned to end (see `plannedSegmentStarts`); null for checklists and playbooks. */
    plannedEndMs: number | null;
    /** Actual − planned start of the current segment: positive when late, negative when early. */
    driftMs: number | null;
  };
  /** The speaker's slot timer, stopped by pauses like every clock; null when none is set. */
  speaker: { speaker: string; remainingMs: number; isOver: boolean } | null;
  steps: StepCounts;
}

/**
 * The planned start of each day of a run of show. `plannedStart` is the first day's start; day d
 * starts d calendar days later at its own `startMinutes`, i.e. at
 * plannedStart + d × 24 h + (day.startMinutes − firstDay.startMinutes) min. Days are taken as 24 h,
 * so a daylight-saving change between days shifts later days by an hour. Empty for other kinds.
 */
export function plannedDayStarts(template: Template, plannedStart: number): number[] {
  if (template.kind !== 'run_of_show') return [];
  const firstStartMinutes = template.days[0]?.startMinutes ?? 0;
  return template.days.map((day, index) => plannedStart + index * dayMs + (day.startMinutes - firstStartMinutes) * minuteMs);
}

/**
 * The planned start of each segment, by flat index: its day's planned start plus the planned
 * durations of the day's earlier segments.
 */
export function plannedSegmentStarts(template: Template, plannedStart: number): number[] {
  if (template.kind !== 'run_of_show') return [];
  const dayStarts = plannedDayStarts(template, plannedStart);
  return template.days.flatMap((day, dayIndex) => {
    let offset = dayStarts[dayIndex] ?? plannedStart;
    return day.segments.map((segment) => {
      const start = offset;
      offset += segment.durationMinutes * minuteMs;
      return start;
    });
  });
}

/**
 * When a run of show is planned to end: its last day's planned start plus that day's planned
 * durations (for a single day, plannedStart + the total duration). Null for other kinds.
 */
export function plannedEnd(template: Template, plannedStart: number): number | null {
  if (template.kind !== 'run_of_show') return null;
  const lastDayIndex = template.days.length - 1;
  const lastDay = template.days[lastDayIndex];
  const lastDayStart = plannedDayStarts(template, plannedStart)[lastDayIndex];
  if (lastDay === undefined || lastDayStart === undefined) return null;
  return lastDayStart + lastDay.segments.reduce((sum, segment) => sum + segment.durationMinutes * minuteMs, 0);
}

/** How much of [from, to] the run spent paused; an open pause runs until `to`. */
export function pausedMsBetween(pauses: RunState['pauses'], from: number, to: number): number {
  let paused = 0;
  for (const pause of pauses) {
    const start = Math.max(pause.from, from);
    const end = Math.min(pause.to ?? to, to);
    if (end > start) paused += end - start;
  }
  return paused;
}

/** Time that ran between `from` and `to`, not counting pauses; never negative. */
export function runningMsBetween(pauses: RunState['pauses'], from: number, to: number): number {
  return Math.max(0, to - from - pausedMsBetween(pauses, from, to));
}

/** Counts the template's steps by their state in the run. */
export function stepCounts(template: Template, state: RunState): StepCounts {
  const counts: StepCounts = { total: 0, done: 0, skipped: 0, failed: 0, pending: 0, requiredPending: 0 };
  for (const { step } of stepsInOrder(template)) {
    const stepState = state.steps[step.key]?.state ?? 'pending';
    counts.total += 1;
    counts[stepState] += 1;
    if (stepState === 'pending' && step.required) counts.requiredPending += 1;
  }
  return counts;
}

/**
 * Every clock of a run at `now`. Pauses stop the event, segment and speaker clocks alike; a
 * finished run's clocks are frozen at its finish time whatever `now` is.
 */
export function runClock(template: Template, state: RunState, now: number, plannedStart: number): RunClock {
  const end = state.finishedAt ?? now;
  const eventElapsedMs = state.startedAt === null ? 0 : runningMsBetween(state.pauses, state.startedAt, end);

  let segment: SegmentClock | null = null;
  let driftMs: number | null = null;
  const flat = flatSegments(template);
  const current = state.segmentIndex === null ? undefined : flat[state.segmentIndex];
  const actualStart = state.segmentIndex === null ? undefined : state.segmentStarts[state.segmentIndex];
  if (current !== undefined && actualStart !== undefined) {
    const plannedMs = current.segment.durationMinutes * minuteMs;
    const elapsedMs = runningMsBetween(state.pauses, actualStart, end);
    const next = flat[current.index + 1];
    segment = {
      index: current.index,
      title: current.segment.title,
      presenter: current.segment.presenter,
      plannedMs,
      elapsedMs,
      remainingMs: plannedMs - elapsedMs,
      overMs: Math.max(0, elapsedMs - plannedMs),
      isOver: elapsedMs > plannedMs,
      nextTitle: next?.segment.title ?? null,
      nextCue: next?.segment.cues[0] ?? null,
      day: { index: current.dayIndex, title: current.day.title },
    };
    const plannedSegmentStart = plannedSegmentStarts(template, plannedStart)[current.index];
    if (plannedSegmentStart !== undefined) driftMs = actualStart - plannedSegmentStart;
  }

  let speaker: RunClock['speaker'] = null;
  if (state.speakerTimer !== null) {
    const remainingMs = state.speakerTimer.minutes * minuteMs - runningMsBetween(state.pauses, state.speakerTimer.startedAt, end);
    speaker = { speaker: state.speakerTimer.speaker, remainingMs, isOver: remainingMs < 0 };
  }

  return {
    countdownToStartMs: plannedStart - now,
    eventElapsedMs,
    paused: state.status === 'paused',
    segment,
    schedule: { plannedEndMs: plannedEnd(template, plannedStart), driftMs },
    speaker,
    steps: stepCounts(template, state),
  };
}
