import { describe, expect, it } from 'vitest';
import type { RecordedAction, RunAction } from '../../../shared/runofshow/run';
import { csvField, runLogCsv } from '../../../shared/runofshow/run-log-csv';
import { deriveRunState } from '../../../shared/runofshow/run-state';
import { templateSchema, type Template } from '../../../shared/runofshow/template';

const MIN = 60_000;
/** 2025-03-01 09:00 UTC: the planned start of every run here. */
const T0 = Date.UTC(2025, 2, 1, 9, 0);

const briefing: Template = templateSchema.parse({
  kind: 'run_of_show',
  id: 'briefing',
  language: 'en',
  name: 'Briefing',
  days: [
    {
      key: 'main',
      title: 'Main day',
      startMinutes: 9 * 60,
      segments: [
        { key: 'welcome', title: 'Welcome', durationMinutes: 5, presenter: 'Ana', steps: [{ key: 'check-mic', title: 'Check mic', owner: 'Tech', dueOffsetMinutes: -15 }] },
        { key: 'talk', title: 'Talk', durationMinutes: 10, presenter: 'Ben', steps: [{ key: 'record', title: 'Record talk', owner: 'Host', required: false }] },
      ],
    },
  ],
});

let nextId = 1;
const act = (minutes: number, action: RunAction, person = 'Ana'): RecordedAction => ({ ...action, id: nextId++, at: T0 + minutes * MIN, person });

const csvOf = (template: Template, title: string, actions: RecordedAction[]) =>
  runLogCsv(template, { title, plannedStart: T0, actions }, deriveRunState(template, actions));

const lines = (...rows: string[]) => rows.map((row) => `${row}\r\n`).join('');
const header = 'record,day,segment,title,who,planned_start,actual_start,planned_minutes,actual_minutes,over_minutes,required,due,state,at,person,details';

describe('runLogCsv', () => {
  it('writes the whole log of a finished run: run, segments with their steps, then actions', () => {
    const actions = [
      act(-20, { type: 'step', stepKey: 'check-mic', state: 'done', note: 'Mic 2, spare ready' }, 'Tom'),
      act(1, { type: 'start' }),
      act(7, { type: 'next-segment' }),
      act(10, { type: 'pause' }),
      act(12, { type: 'resume' }),
      act(12, { type: 'speaker-timer', minutes: 5, speaker: 'Ben' }),
      act(13, { type: 'resume' }),
      act(16, { type: 'finish' }),
      act(20, { type: 'note', stepKey: null, note: 'Great "Q&A"' }, 'Ben'),
    ];
    expect(csvOf(briefing, 'Board briefing', actions)).toBe(
      lines(
        header,
        'run,,,Board briefing,,2025-03-01T09:00:00.000Z,2025-03-01T09:01:00.000Z,15,13.0,-2.0,,,finished,,,',
        'segment,Main day,Welcome,Welcome,Ana,2025-03-01T09:00:00.000Z,2025-03-01T09:01:00.000Z,5,6.0,+1.0,,,,,,',
        'step,Main day,Welcome,Check mic,Tech,,,,,,yes,T-15 min,done,2025-03-01T08:40:00.000Z,Tom,"Mic 2, spare ready"',
        'segment,Main day,Talk,Talk,Ben,2025-03-01T09:05:00.000Z,2025-03-01T09:07:00.000Z,10,7.0,-3.0,,,,,,',
        'step,Main day,Talk,Record talk,Host,,,,,,no,,pending,,,',
        'action,,,step,,,,,,,,,applied,2025-03-01T08:40:00.000Z,Tom,"check-mic: done; Mic 2, spare ready"',
        'action,Main day,Welcome,start,,,,,,,,,applied,2025-03-01T09:01:00.000Z,Ana,',
        'action,Main day,Talk,next-segment,,,,,,,,,applied,2025-03-01T09:07:00.000Z,Ana,',
        'action,Main day,Talk,pause,,,,,,,,,applied,2025-03-01T09:10:00.000Z,Ana,',
        'action,Main day,Talk,resume,,,,,,,,,applied,2025-03-01T09:12:00.000Z,Ana,',
        'action,Main day,Talk,speaker-timer,,,,,,,,,applied,2025-03-01T09:12:00.000Z,Ana,5 min for Ben',
        'action,Main day,Talk,resume,,,,,,,,,ignored,2025-03-01T09:13:00.000Z,Ana,ignored: The run is not paused.',
        'action,Main day,Talk,finish,,,,,,,,,applied,2025-03-01T09:16:00.000Z,Ana,',
        'action,Main day,Talk,note,,,,,,,,,applied,2025-03-01T09:20:00.000Z,Ben,"Great ""Q&A"""',
      ),
    );
  });

  it('leaves the running segment and unreached segments without actual minutes', () => {
    const csv = csvOf(briefing, 'Live', [act(0, { type: 'start' }), act(5.25, { type: 'next-segment' })]);
    expect(csv.split('\r\n').slice(1, 6)).toEqual([
      'run,,,Live,,2025-03-01T09:00:00.000Z,2025-03-01T09:00:00.000Z,15,,,,,running,,,',
      'segment,Main day,Welcome,Welcome,Ana,2025-03-01T09:00:00.000Z,2025-03-01T09:00:00.000Z,5,5.3,+0.3,,,,,,',
      'step,Main day,Welcome,Check mic,Tech,,,,,,yes,T-15 min,pending,,,',
      'segment,Main day,Talk,Talk,Ben,2025-03-01T09:05:00.000Z,2025-03-01T09:05:15.000Z,10,,,,,,,,',
      'step,Main day,Talk,Record talk,Host,,,,,,no,,pending,,,',
    ]);
  });

  it('writes a checklist as its steps, with positive due offsets and no segments', () => {
    const checklist: Template = templateSchema.parse({
      kind: 'checklist',
      id: 'wrap-up',
      language: 'en',
      name: 'Wrap-up',
      steps: [
        { key: 'survey', title: 'Send survey', owner: 'Host', dueOffsetMinutes: 90 },
        { key: 'kickoff', title: 'Kick-off', dueOffsetMinutes: 0 },
      ],
    });
    expect(csvOf(checklist, 'After', [])).toBe(
      lines(
        header,
        'run,,,After,,2025-03-01T09:00:00.000Z,,,,,,,planned,,,',
        'step,,,Send survey,Host,,,,,,yes,T+90 min,pending,,,',
        'step,,,Kick-off,,,,,,,yes,T+0 min,pending,,,',
      ),
    );
  });

  it('quotes commas, quotes and line breaks and defuses formulas in every text field', () => {
    const hostile: Template = templateSchema.parse({
      kind: 'run_of_show',
      id: 'hostile',
      language: 'en',
      name: 'Hostile',
      days: [{ key: 'd', title: '+Day, one', segments: [{ key: 's', title: '@SUM(A1)', durationMinutes: 5, presenter: '-Ana "the host"' }] }],
    });
    const csv = csvOf(hostile, '=HYPERLINK("http://x")', [
      act(0, { type: 'start' }, '=cmd|calc'),
      act(1, { type: 'note', stepKey: null, note: 'line one\nline two' }, 'Ben'),
      act(2, { type: 'presenter-message', text: '-wrap up' }, 'Ben'),
    ]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `run,,,"'=HYPERLINK(""http://x"")",,2025-03-01T09:00:00.000Z,2025-03-01T09:00:00.000Z,5,,,,,running,,,`,
      `segment,"'+Day, one",'@SUM(A1),'@SUM(A1),"'-Ana ""the host""",2025-03-01T09:00:00.000Z,2025-03-01T09:00:00.000Z,5,,,,,,,,`,
      `action,"'+Day, one",'@SUM(A1),start,,,,,,,,,applied,2025-03-01T09:00:00.000Z,'=cmd|calc,`,
      `action,"'+Day, one",'@SUM(A1),note,,,,,,,,,applied,2025-03-01T09:01:00.000Z,Ben,"line one\nline two"`,
      `action,"'+Day, one",'@SUM(A1),presenter-message,,,,,,,,,applied,2025-03-01T09:02:00.000Z,Ben,'-wrap up`,
    ]);
  });

  it('writes a blank time for an impossible one instead of throwing', () => {
    const broken = { ...act(0, { type: 'pause' }), at: Number.NaN };
    expect(csvOf(briefing, 'Broken', [broken]).split('\r\n')[6]).toBe('action,,,pause,,,,,,,,,ignored,,Ana,ignored: The action has no valid time.');
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['one\r\ntwo', '"one\r\ntwo"'],
    ['=1+2', "'=1+2"],
    ['+33 1 23', "'+33 1 23"],
    ['-cmd', "'-cmd"],
    ['@user', "'@user"],
    ['\tTAB', "'\tTAB"],
    ['=A1,B1', `"'=A1,B1"`],
    ['-2.5', '-2.5'],
    ['+1.0', '+1.0'],
    ['T-15 min', 'T-15 min'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
