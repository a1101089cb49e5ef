import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/runofshow/import-error';
import { templateSchema, type Template, type TemplateInput } from '../../../shared/runofshow/template';
import { jsonErrorOffset } from '../../../shared/import/json-import';
import { parseTemplateJson, serializeTemplateJson } from '../../../shared/runofshow/template-json';

const template = (input: TemplateInput): Template => templateSchema.parse(input);

const checklist = template({
  kind: 'checklist',
  id: 'pre-event-room-check',
  version: 3,
  language: 'en',
  name: 'Pre-event room check',
  description: 'Walk the room an hour before doors open.\n\nTick each item as you go.',
  steps: [
    { key: 'open-room', title: 'Open the meeting room', owner: 'Host', dueOffsetMinutes: -60 },
    { key: 'test-mic', title: 'Test the ceiling microphone', details: 'Speak from each seat.', evidence: 'recording', required: false },
  ],
});

const runOfShow = template({
  kind: 'run_of_show',
  id: 'annual-conference',
  language: 'ru',
  name: 'Ежегодная конференция',
  days: [
    {
      key: 'day-1',
      title: 'Открытие',
      startMinutes: 9 * 60 + 30,
      segments: [
        { key: 'welcome', title: 'Приветствие', durationMinutes: 15, presenter: 'Председатель', cues: ['Начать запись'], steps: [{ key: 'mics-on', title: 'Включить микрофоны' }] },
        { key: 'keynote', title: 'Keynote', durationMinutes: 45 },
      ],
    },
    { key: 'day-2', title: 'Закрытие', segments: [{ key: 'wrap-up', title: 'Итоги', durationMinutes: 7.5 }] },
  ],
});

const playbook = template({
  kind: 'playbook',
  id: 'link-lost',
  language: 'en',
  name: 'Remote site link lost',
  trigger: 'The remote site freezes or drops out',
  severity: 'critical',
  script: 'We have lost the connection to our colleagues; please bear with us.',
  contacts: [{ role: 'Venue IT', name: 'Anna Petrova', phone: '+7 900 000-00-00' }],
  steps: [{ key: 'call-site', title: 'Call the remote site', owner: 'Technician', dueOffsetMinutes: 2 }],
  triggers: ['link-lost', 'rtt-high'],
});

function problemsOf(result: ImportResult) {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('template');
  return result.ok ? [] : result.problems;
}

describe('serializeTemplateJson', () => {
  it.each([
    ['checklist', checklist],
    ['run of show', runOfShow],
    ['playbook', playbook],
  ])('round-trips a %s exactly', (_kind, original) => {
    const text = serializeTemplateJson(original);
    const parsed = parseTemplateJson(text);
    expect(parsed).toEqual({ ok: true, template: original });
    if (parsed.ok) expect(serializeTemplateJson(parsed.template)).toBe(text);
  });

  it('writes a 2-space indent, a stable key order and a final newline', () => {
    const text = serializeTemplateJson(checklist);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 9)).toEqual([
      '{',
      '  "format": "roomready.template",',
      '  "formatVersion": 1,',
      '  "kind": "checklist",',
      '  "id": "pre-event-room-check",',
      '  "version": 3,',
      '  "language": "en",',
      '  "name": "Pre-event room check",',
      '  "description": "Walk the room an hour before doors open.\\n\\nTick each item as you go.",',
    ]);
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversed(child)]))
          : value;
    expect(serializeTemplateJson(reversed(checklist) as Template)).toBe(text);
  });

  it('fills defaults when a hand-written file leaves them out', () => {
    const result = parseTemplateJson('{"kind":"checklist","id":"mini","language":"en","name":"Mini","steps":[{"key":"a","title":"A"}]}');
    expect(result).toEqual({
      ok: true,
      template: {
        format: 'roomready.template',
        formatVersion: 1,
        kind: 'checklist',
        id: 'mini',
        version: 1,
        language: 'en',
        name: 'Mini',
        description: '',
        steps: [{ key: 'a', title: 'A', details: '', owner: '', required: true, dueOffsetMinutes: null, evidence: '' }],
      },
    });
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseTemplateJson(`\uFEFF${serializeTemplateJson(playbook)}`)).toEqual({ ok: true, template: playbook });
  });
});

describe('parseTemplateJson problems', () => {
  it('reports a truncated file at its end, with what is still open', () => {
    const text = ['{', '  "kind": "checklist",', '  "id": "room-check",', '  "steps": [', '    { "key": "open-room", "title": "Open the room" }'].join('\n');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      {
        line: 5,
        field: null,
        message: "Line 5, column 53: the file ends before the JSON is complete (it still needs ']}' to close what is open); restore the missing end of the file.",
      },
    ]);
  });

  it('points at a trailing comma', () => {
    const text = ['{', '  "kind": "checklist",', '  "id": "room-check",', '  "steps": [{ "key": "open-room", "title": "Open the room" }],', '}'].join('\n');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 4, field: null, message: "Line 4, column 62: there is a comma before '}'; remove the trailing comma." },
    ]);
  });

  it('points at a trailing comma in a list, which V8 reports without a position', () => {
    const text = '{\n  "triggers": ["link-lost",]\n}';
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 2, field: null, message: "Line 2, column 27: there is a comma before ']'; remove the trailing comma." },
    ]);
  });

  it('explains other syntax errors at the right line and column', () => {
    const cases: [string, string][] = [
      ['{\n  "name": "A"\n  "id": "a"\n}', 'Line 3, column 3: expected \',\' or \'}\' after the value of "name"; a comma is probably missing.'],
      ["{\n  'name': 'A'\n}", 'Line 2, column 3: property names must be in double quotes ("), not single quotes.'],
      ['{\n  "name": Room check\n}', 'Line 2, column 11: \'Room\' is not a JSON value; put text in double quotes ("Room") or use true, false or null.'],
      ['{\n  "name": "Room\ncheck"\n}', 'Line 2, column 16: a text value cannot run over a line break; add the missing closing double quote, or write the line break as \\n.'],
      ['{\n  "version": 01\n}', 'Line 2, column 15: a number cannot start with 0 (write 7, not 07).'],
      ['{\n  // a note\n  "id": "a"\n}', 'Line 2, column 3: JSON does not allow comments; remove the comment.'],
      ['{"id": "a"}\n}', 'Line 2, column 1: there is more text after the end of the JSON; remove it.'],
      ['{\n  "required": falsee\n}', 'Line 2, column 15: \'falsee\' is not a JSON value; put text in double quotes ("falsee") or use true, false or null.'],
    ];
    for (const [text, message] of cases) {
      const [problem] = problemsOf(parseTemplateJson(text));
      expect(problem?.message, text).toBe(message);
    }
  });

  it('reads both forms of V8 error position and falls back to none', () => {
    const text = '{\n  "a": 1,\n}';
    expect(jsonErrorOffset('Expected double-quoted property name in JSON at position 12', text)).toBe(12);
    expect(jsonErrorOffset('Expected double-quoted property name in JSON at position 12 (line 3 column 1)', text)).toBe(12);
    expect(jsonErrorOffset('Unexpected token in JSON (line 3 column 1)', text)).toBe(12);
    expect(jsonErrorOffset('Unexpected end of JSON input', text)).toBeNull();
  });

  it('reports a wrong type for durationMinutes at its line, with the value it got', () => {
    const text = [
      '{',
      '  "kind": "run_of_show",',
      '  "id": "conference",',
      '  "language": "en",',
      '  "name": "Conference",',
      '  "days": [',
      '    {',
      '      "key": "day-1",',
      '      "title": "Opening day",',
      '      "segments": [',
      '        { "key": "welcome", "title": "Welcome", "durationMinutes": 15 },',
      '        { "key": "keynote", "title": "Keynote", "durationMinutes": 45 },',
      '        {',
      '          "key": "panel",',
      '          "title": "Panel",',
      '          "durationMinutes": "abc"',
      '        }',
      '      ]',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      {
        line: 16,
        field: 'days.0.segments.2.durationMinutes',
        message: 'Line 16, days.0.segments.2.durationMinutes: must be a positive number of minutes (got "abc").',
      },
    ]);
  });

  it('reports a missing name against the object that lacks it', () => {
    const text = '{\n  "kind": "checklist",\n  "id": "room-check",\n  "language": "en",\n  "steps": [{ "key": "a", "title": "A" }]\n}';
    expect(problemsOf(parseTemplateJson(text))).toEqual([{ line: 1, field: 'name', message: 'Line 1, name: is missing; it must be a name of 1 to 200 characters.' }]);
  });

  it('reports an unknown kind with the kinds there are', () => {
    const text = '{\n  "kind": "agenda",\n  "id": "room-check",\n  "language": "en",\n  "name": "Room check"\n}';
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 2, field: 'kind', message: 'Line 2, kind: must be one of "checklist", "run_of_show", "playbook" (got "agenda").' },
    ]);
  });

  it('reports an extra unknown property with the fields that exist', () => {
    const text = [
      '{',
      '  "kind": "checklist",',
      '  "id": "room-check",',
      '  "language": "en",',
      '  "name": "Room check",',
      '  "colour": "blue",',
      '  "steps": [',
      '    { "key": "open-room", "title": "Open the room", "assignee": "Host" }',
      '  ]',
      '}',
    ].join('\n');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 6, field: 'colour', message: 'Line 6, colour: is not a template field; remove it or fix its spelling.' },
      {
        line: 8,
        field: 'steps.0.assignee',
        message: 'Line 8, steps.0.assignee: is not a field of a step (key, title, details, owner, required, dueOffsetMinutes, evidence); remove it or fix its spelling.',
      },
    ]);
  });

  it('refuses a newer format version with one clear problem', () => {
    const text = serializeTemplateJson(checklist).replace('"formatVersion": 1', '"formatVersion": 2');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      {
        line: 3,
        field: 'formatVersion',
        message: 'This template was written by a newer RoomReady (format 2); this version reads format 1. Update RoomReady to import it.',
      },
    ]);
  });

  it('refuses a file of another format', () => {
    const text = serializeTemplateJson(checklist).replace('"format": "roomready.template"', '"format": "acme.agenda"');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 2, field: 'format', message: 'This file is not a RoomReady template: its format is "acme.agenda", not "roomready.template". Export the template from RoomReady again.' },
    ]);
  });

  it('reports duplicate step keys at the repeat, naming the first', () => {
    const text = serializeTemplateJson(checklist).replace('"key": "test-mic"', '"key": "open-room"');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 21, field: 'steps.1.key', message: 'Line 21, steps.1.key: the step key "open-room" is already used by steps.0; give each step its own key.' },
    ]);
  });

  it('reports duplicate segment keys across days of a run of show', () => {
    const text = serializeTemplateJson(runOfShow).replace('"key": "wrap-up"', '"key": "welcome"');
    const problems = problemsOf(parseTemplateJson(text));
    expect(problems.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'days.1.segments.0.key', message: 'Line 52, days.1.segments.0.key: the segment key "welcome" is already used by days.0.segments.0; give each segment its own key.' },
    ]);
    expect(text.split('\n')[(problems[0]?.line ?? 0) - 1]).toContain('"key": "welcome"');
  });

  it('reports an empty steps list', () => {
    const text = '{\n  "kind": "checklist",\n  "id": "room-check",\n  "language": "en",\n  "name": "Room check",\n  "steps": []\n}';
    expect(problemsOf(parseTemplateJson(text))).toEqual([{ line: 6, field: 'steps', message: 'Line 6, steps: needs at least one step; add one.' }]);
  });

  it('reports a property written twice in one object, which JSON.parse would silently drop', () => {
    const text = '{\n  "kind": "checklist",\n  "id": "room-check",\n  "language": "en",\n  "name": "Room check",\n  "name": "Room check 2",\n  "steps": [{ "key": "a", "title": "A" }]\n}';
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 6, field: 'name', message: 'Line 6: "name" appears twice in the same object; JSON keeps only the last one, so delete the other.' },
    ]);
  });

  it('lists every problem in file order, not only the first', () => {
    const text = [
      '{',
      '  "kind": "playbook",',
      '  "id": "Link Lost",',
      '  "language": "fr",',
      '  "name": "",',
      '  "severity": "huge",',
      '  "steps": [{ "key": "call", "title": "Call", "dueOffsetMinutes": 1.5, "required": "yes" }],',
      '  "triggers": ["link-lost", "RTT high"]',
      '}',
    ].join('\n');
    expect(problemsOf(parseTemplateJson(text))).toEqual([
      { line: 1, field: 'trigger', message: 'Line 1, trigger: is missing; it must be text of 1 to 200 characters.' },
      { line: 3, field: 'id', message: 'Line 3, id: must be an id of lowercase letters, digits and dashes, at most 64 characters (e.g. "room-check") (got "Link Lost").' },
      { line: 4, field: 'language', message: 'Line 4, language: must be one of "en", "ru" (got "fr").' },
      { line: 5, field: 'name', message: 'Line 5, name: must be a name of 1 to 200 characters (got "").' },
      { line: 6, field: 'severity', message: 'Line 6, severity: must be one of "low", "medium", "high", "critical" (got "huge").' },
      { line: 7, field: 'steps.0.required', message: 'Line 7, steps.0.required: must be true or false (got "yes").' },
      { line: 7, field: 'steps.0.dueOffsetMinutes', message: 'Line 7, steps.0.dueOffsetMinutes: must be a whole number of minutes from the event start (e.g. -60), or null (got 1.5).' },
      {
        line: 8,
        field: 'triggers.1',
        message: 'Line 8, triggers.1: must be an incident rule id of lowercase letters, digits and dashes, at most 64 characters (e.g. "link-lost") (got "RTT high").',
      },
    ]);
  });

  it('caps the list at 50 problems', () => {
    const steps = Array.from({ length: 80 }, (_, i) => `{ "key": "s${i}", "title": "" }`).join(',\n');
    const text = `{\n"kind": "checklist",\n"id": "a",\n"language": "en",\n"name": "A",\n"steps": [\n${steps}\n]\n}`;
    const problems = problemsOf(parseTemplateJson(text));
    expect(problems).toHaveLength(50);
    expect(problems[0]).toEqual({ line: 7, field: 'steps.0.title', message: 'Line 7, steps.0.title: must be text of 1 to 200 characters (got "").' });
  });

  it('refuses an empty file and a file that is not one object', () => {
    expect(problemsOf(parseTemplateJson('  \n'))).toEqual([
      { line: null, field: null, message: 'The file is empty; export the template from RoomReady again, or paste its JSON into the file.' },
    ]);
    expect(problemsOf(parseTemplateJson('\n[1, 2]'))).toEqual([{ line: 2, field: null, message: "The file must hold one template: a JSON object that starts with '{'." }]);
  });

  it('survives a deeply nested hostile file', () => {
    const text = `{"steps": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(problemsOf(parseTemplateJson(text)).length).toBeGreaterThan(0);
  });
});
