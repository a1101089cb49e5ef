import type { Run } from './run';
import { plannedSegmentStarts, runningMsBetween } from './run-clock';
import { applyAction, flatSegments, initialRunState, validateAction, type RunState, type TimedAction } from './run-state';
import { stepsInOrder, type Template } from './template';

const minuteMs = 60_000;

/** The columns of the run log, in order. */
export const runLogColumns = [
  'record',
  'day',
  'segment',
  'title',
  'who',
  'planned_start',
  'actual_start',
  'planned_minutes',
  'actual_minutes',
  'over_minutes',
  'required',
  'due',
  'state',
  'at',
  'person',
  'details',
] as const;

type Column = (typeof runLogColumns)[number];
type Row = Partial<Record<Column, string>>;

/**
 * The log of a run as CSV (RFC 4180: CRLF line ends, including after the last row; a field is
 * quoted when it holds a comma, a quote or a line break, and quotes are doubled). One header row
 * with the columns of `runLogColumns`, then, in this order:
 *
 * 1. One `run` row: title = run title; planned_start; actual_start (blank before start);
 *    planned_minutes = sum of the segments' planned minutes (run of show only); actual_minutes =
 *    time the run ran without its pauses, and over_minutes = actual − planned (both only once
 *    finished); state = planned | running | paused | finished.
 * 2. For a run of show, one `segment` row per segment in run order, each followed by its `step`
 *    rows; for a checklist or playbook, the `step` rows alone.
 *    - `segment`: day = day title; segment and title = segment title; who = presenter;
 *      planned_start; actual_start (blank if not reached); planned_minutes; actual_minutes (time
 *      until the next segment started or the run finished, without pauses, 1 decimal) and
 *      over_minutes (actual − planned, signed: + over, − under, 1 decimal), both blank while the
 *      segment is running or was never reached.
 *    - `step`: day and segment = titles of the step's day and segment (blank for checklists and
 *      playbooks); title = step title; who = owner; required = yes | no; due = "T-60 min",
 *      "T+15 min" relative to the event start (blank when the step has none); state = its latest
 *      state (pending if never acted on); at, person and details (= the note) of the latest step action.
 * 3. One `action` row per recorded action, in log order: title = action type; day and segment =
 *    the segment current once the action took effect (blank when none); state = applied | ignored;
 *    at; person; details = what the action carried (step key and state, note, timer, message,
 *    child run) followed, for an ignored action, by "ignored: " and the reason.
 *
 * Times are UTC ISO 8601 (`2025-03-01T09:00:00.000Z`). Spreadsheet formula injection is defused:
 * a field starting with = + - @, a tab or a carriage return gets a leading single quote, unless the
 * whole field is a plain number such as "-2.5".
 */
export function runLogCsv(template: Template, run: Pick<Run, 'title' | 'plannedStart' | 'actions'>, state: RunState): string {
  const rows: Row[] = [runRow(template, run, state)];
  const flat = flatSegments(template);
  const plannedStarts = plannedSegmentStarts(template, run.plannedStart);
  const steps = stepsInOrder(template);

  const stepRow = ({ step, dayKey, segmentKey }: (typeof steps)[number]): Row => {
    const record = state.steps[step.key];
    const place = flat.find((entry) => entry.segment.key === segmentKey && entry.day.key === dayKey);
    return {
      record: 'step',
      day: place?.day.title ?? '',
      segment: place?.segment.title ?? '',
      title: step.title,
      who: step.owner,
      required: step.required ? 'yes' : 'no',
      due: step.dueOffsetMinutes === null ? '' : `T${step.dueOffsetMinutes < 0 ? '-' : '+'}${Math.abs(step.dueOffsetMinutes)} min`,
      state: record?.state ?? 'pending',
      at: record === undefined ? '' : iso(record.at),
      person: record?.person ?? '',
      details: record?.note ?? '',
    };
  };

  if (template.kind === 'run_of_show') {
    for (const { day, segment, index } of flat) {
      const actualStart = state.segmentStarts[index];
      const actualEnd = state.segmentStarts[index + 1] ?? (index === state.segmentIndex ? state.finishedAt : null) ?? null;
      const actualMinutes = actualStart === undefined || actualEnd === null ? null : runningMsBetween(state.pauses, actualStart, actualEnd) / minuteMs;
      rows.push({
        record: 'segment',
        day: day.title,
        segment: segment.title,
        title: segment.title,
        who: segment.presenter,
        planned_start: iso(plannedStarts[index]),
        actual_start: iso(actualStart),
        planned_minutes: String(segment.durationMinutes),
        actual_minutes: actualMinutes === null ? '' : oneDecimal(actualMinutes),
        over_minutes: actualMinutes === null ? '' : signedOneDecimal(actualMinutes - segment.durationMinutes),
      });
      for (const entry of steps) if (entry.segmentKey === segment.key && entry.dayKey === day.key) rows.push(stepRow(entry));
    }
  } else {
    for (const entry of steps) rows.push(stepRow(entry));
  }

  let replay = initialRunState();
  for (const action of run.actions) {
    const reason = validateAction(template, replay, action);
    replay = applyAction(template, replay, action);
    const current = replay.segmentIndex === null ? undefined : flat[replay.segmentIndex];
    const details = actionDetails(action);
    rows.push({
      record: 'action',
      day: current?.day.title ?? '',
      segment: current?.segment.title ?? '',
      title: action.type,
      state: reason === null ? 'applied' : 'ignored',
      at: iso(action.at),
      person: action.person,
      details: reason === null ? details : [details, `ignored: ${reason}`].filter(Boolean).join('; '),
    });
  }

  const lines = [runLogColumns.join(','), ...rows.map((row) => runLogColumns.map((column) => csvField(row[column] ?? '')).join(','))];
  return lines.map((line) => `${line}\r\n`).join('');
}

function runRow(template: Template, run: Pick<Run, 'title' | 'plannedStart'>, state: RunState): Row {
  const plannedMinutes = template.kind === 'run_of_show' ? flatSegments(template).reduce((sum, { segment }) => sum + segment.durationMinutes, 0) : null;
  const actualMinutes =
    state.startedAt === null || state.finishedAt === null ? null : runningMsBetween(state.pauses, state.startedAt, state.finishedAt) / minuteMs;
  return {
    record: 'run',
    title: run.title,
    planned_start: iso(run.plannedStart),
    actual_start: iso(state.startedAt ?? undefined),
    planned_minutes: plannedMinutes === null ? '' : String(plannedMinutes),
    actual_minutes: actualMinutes === null ? '' : oneDecimal(actualMinutes),
    over_minutes: actualMinutes === null || plannedMinutes === null ? '' : signedOneDecimal(actualMinutes - plannedMinutes),
    state: state.status,
  };
}

function actionDetails(action: TimedAction): string {
  switch (action.type) {
    case 'step':
      return `${action.stepKey}: ${action.state}${action.note === '' ? '' : `; ${action.note}`}`;
    case 'note':
      return action.stepKey === null ? action.note : `${action.stepKey}: ${action.note}`;
    case 'speaker-timer':
      return action.minutes === 0 ? 'cleared' : `${action.minutes} min${action.speaker === '' ? '' : ` for ${action.speaker}`}`;
    case 'presenter-message':
      return action.text === '' ? 'cleared' : action.text;
    case 'playbook-opened':
      return `playbook run ${action.childRunId}`;
    case 'start':
    case 'next-segment':
    case 'pause':
    case 'resume':
    case 'finish':
      return '';
  }
}

/** UTC ISO 8601, or blank for a missing or impossible time (a corrupted log must not throw). */
function iso(ms: number | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** Rounds half away from zero, so +x and −x print alike, and never prints "-0.0". */
function oneDecimal(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  return `${value < 0 && tenths !== 0 ? '-' : ''}${(tenths / 10).toFixed(1)}`;
}

function signedOneDecimal(value: number): string {
  const text = oneDecimal(value);
  return text === '0.0' || text.startsWith('-') ? text : `+${text}`;
}

const plainNumber = /^[-+]?\d+(\.\d+)?$/;
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field: formula-guarded, then quoted when it must be (RFC 4180). */
export function csvField(value: string): string {
  const guarded = formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
