import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/runofshow/import-error';
import { templateSchema, type Template, type TemplateInput } from '../../../shared/runofshow/template';
import { parseTemplateMarkdown, serializeTemplateMarkdown, slugify } from '../../../shared/runofshow/template-markdown';

const template = (input: TemplateInput): Template => templateSchema.parse(input);
const lines = (...text: string[]) => `${text.join('\n')}\n`;

function problemsOf(result: ImportResult) {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('template');
  return result.ok ? [] : result.problems;
}

function templateOf(result: ImportResult): Template {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.template;
}

const roomCheck = template({
  kind: 'checklist',
  id: 'pre-event-room-check',
  version: 3,
  language: 'en',
  name: 'Pre-event room check',
  description: [
    'Walk the room an hour before doors open.',
    '',
    '# This line is not a heading',
    '- [ ] nor is this a step',
    'Severity: nor a playbook field',
    '<!-- nor a comment -->',
    '\\\\server\\share holds the slides',
    '',
    '',
    '  Indented text stays as written.',
  ].join('\n'),
  steps: [
    { key: 'open-the-meeting-room', title: 'Open the meeting room', owner: 'Host', dueOffsetMinutes: -30, required: false, details: 'Unlock the door.\n\nSwitch on the lights.\n  Then the projector.' },
    { key: 'test-the-mic', title: 'Test the mic', dueOffsetMinutes: -24 * 60, evidence: 'recording, 10 s, from the back row' },
    { key: 'test-the-mic-2', title: 'Test the mic', owner: 'Smith, John', dueOffsetMinutes: 5 },
    { key: 'hdmi', title: 'Check the HDMI cable (the long one)', dueOffsetMinutes: 0 },
    { key: 'spare-batteries', title: 'Spare batteries (optional)' },
    { key: 'test-the-mic-3', title: 'Test the mic', dueOffsetMinutes: -90 },
  ],
});

const russianChecklist = template({
  kind: 'checklist',
  id: 'proverka-zala',
  language: 'ru',
  name: 'Проверка зала',
  description: 'Пройти по залу за час до начала.',
  steps: [
    { key: 'otkryt-zal', title: 'Открыть зал', owner: 'Администратор', dueOffsetMinutes: -60, evidence: 'фото зала' },
    { key: 'proverit-mikrofony', title: 'Проверить микрофоны', details: 'С каждого места.', required: false },
  ],
});

const conference = template({
  kind: 'run_of_show',
  id: 'annual-conference',
  version: 2,
  language: 'en',
  name: 'Annual conference',
  description: 'Two days, hybrid.',
  days: [
    {
      key: 'opening-day',
      title: 'Opening day',
      startMinutes: 9 * 60 + 30,
      segments: [
        {
          key: 'welcome-and-agenda',
          title: 'Welcome and agenda',
          durationMinutes: 15,
          presenter: 'Chair',
          cues: ['Start recording', 'Lights up'],
          steps: [{ key: 'mics-on', title: 'Switch the microphones on', owner: 'Technician', details: 'All four channels.' }],
        },
        { key: 'keynote', title: 'Keynote (remote)', durationMinutes: 45, presenter: 'Dr. Ivanova', steps: [{ key: 'check-remote-link', title: 'Check the remote link', dueOffsetMinutes: -10 }] },
        { key: 'coffee', title: 'Coffee', durationMinutes: 7.5 },
      ],
    },
    {
      key: 'day-2',
      title: 'Day 2',
      startMinutes: 8 * 60,
      segments: [
        { key: 'welcome-and-agenda-2', title: 'Welcome and agenda', durationMinutes: 10, cues: [''] },
        { key: 'closing', title: 'Closing', durationMinutes: 90, steps: [{ key: 'mics-on-day-2', title: 'Switch the microphones on' }] },
      ],
    },
  ],
});

const russianConference = template({
  kind: 'run_of_show',
  id: 'forum',
  language: 'ru',
  name: 'Форум «Цифровой регион»',
  days: [
    { key: 'den-1', title: 'День 1', segments: [{ key: 'otkrytie', title: 'Открытие', durationMinutes: 20, presenter: 'Модератор', cues: ['Включить запись'] }] },
    {
      key: 'den-2',
      title: 'Заключительный день',
      startMinutes: 10 * 60,
      segments: [{ key: 'itogi', title: 'Итоги', durationMinutes: 30, steps: [{ key: 'razdat-ankety', title: 'Раздать анкеты', owner: 'Волонтёры' }] }],
    },
  ],
});

const linkLost = template({
  kind: 'playbook',
  id: 'link-lost',
  language: 'en',
  name: 'Remote site link lost',
  description: 'When the far room drops out of the call.',
  trigger: 'The remote site freezes or drops out',
  severity: 'critical',
  triggers: ['link-lost', 'rtt-high'],
  script: 'We have lost our colleagues for a moment.\n\n# Please bear with us.\n- [ ] (not a step)',
  contacts: [
    { role: 'Venue IT', name: 'Anna Petrova', phone: '+7 900 000-00-00' },
    { role: 'Producer', name: 'Smith, John' },
    { role: 'Remote site', phone: '+44 20 0000 0000' },
    { role: 'Duty manager' },
  ],
  steps: [
    { key: 'call-the-remote-site', title: 'Call the remote site', owner: 'Technician', dueOffsetMinutes: 2 },
    { key: 'switch', title: 'Switch to the backup link', details: 'Router B, port 4.', evidence: 'screenshot of the link status' },
  ],
});

const russianPlaybook = template({
  kind: 'playbook',
  id: 'net-zvuka',
  language: 'ru',
  name: 'Нет звука из зала',
  trigger: 'Удалённые участники не слышат зал',
  severity: 'high',
  steps: [{ key: 'proverit-pult', title: 'Проверить пульт' }],
});

describe('serializeTemplateMarkdown', () => {
  it.each([
    ['an English checklist with tricky text', roomCheck],
    ['a Russian checklist', russianChecklist],
    ['a 2-day run of show', conference],
    ['a Russian 2-day run of show', russianConference],
    ['an English playbook with contacts and a script', linkLost],
    ['a Russian playbook', russianPlaybook],
  ])('round-trips %s', (_name, original) => {
    const markdown = serializeTemplateMarkdown(original);
    expect(parseTemplateMarkdown(markdown)).toEqual({ ok: true, template: original });
    expect(serializeTemplateMarkdown(templateOf(parseTemplateMarkdown(markdown)))).toBe(markdown);
  });

  it('writes the documented form, with {#key} only where the title would not give the key', () => {
    expect(serializeTemplateMarkdown(conference)).toBe(
      lines(
        '# Annual conference',
        '<!-- roomready id=annual-conference kind=run_of_show language=en version=2 -->',
        '',
        'Two days, hybrid.',
        '',
        '## Day 1: Opening day (starts 09:30)',
        '',
        '### Welcome and agenda (15 min) — presenter: Chair',
        '',
        '> cue: Start recording',
        '> cue: Lights up',
        '',
        '- [ ] Switch the microphones on (owner: Technician) {#mics-on}',
        '  All four channels.',
        '',
        '### Keynote (remote) (45 min) — presenter: Dr. Ivanova {#keynote}',
        '',
        '- [ ] Check the remote link (due: T-10 min) {#check-remote-link}',
        '',
        '### Coffee (7.5 min)',
        '',
        '## Day 2 (starts 08:00)',
        '',
        '### Welcome and agenda (10 min)',
        '',
        '> cue:',
        '',
        '### Closing (90 min)',
        '',
        '- [ ] Switch the microphones on {#mics-on-day-2}',
      ),
    );
    expect(serializeTemplateMarkdown(linkLost)).toBe(
      lines(
        '# Remote site link lost',
        '<!-- roomready id=link-lost kind=playbook language=en version=1 -->',
        '',
        'Trigger: The remote site freezes or drops out',
        'Severity: critical',
        'Triggers: link-lost, rtt-high',
        '',
        'When the far room drops out of the call.',
        '',
        '## Script',
        '',
        'We have lost our colleagues for a moment.',
        '',
        '\\# Please bear with us.',
        '\\- [ ] (not a step)',
        '',
        '## Contacts',
        '',
        '- Venue IT: Anna Petrova, +7 900 000-00-00',
        '- Producer: Smith, John,',
        '- Remote site: , +44 20 0000 0000',
        '- Duty manager',
        '',
        '## Steps',
        '',
        '- [ ] Call the remote site (owner: Technician, due: T+2 min)',
        '- [ ] Switch to the backup link (evidence: screenshot of the link status) {#switch}',
        '  Router B, port 4.',
      ),
    );
  });
});

describe('parseTemplateMarkdown', () => {
  it('reads a hand-written checklist: defaults, details, [x], other bullets and due forms', () => {
    const result = parseTemplateMarkdown(
      lines(
        '<!-- roomready id=pre-event-room-check language=en version=3 -->',
        '# Pre-event room check',
        '<!-- a note to myself: ask about the projector -->',
        'Walk the room before doors open.',
        '',
        '- [ ] Open the meeting room (owner: Host, due: T-30, optional)',
        '    Unlock the door.',
        '',
        '    Switch on the lights.',
        '- [x] Test the mic (Evidence: recording, due: T-24 h)',
        '* [ ] Check the HDMI cable (due: T+5 min)',
        '1. [ ] Check the HDMI cable (due: T-1 h 30 min)',
        '- [ ] Count the chairs (due: T0)',
        '- [ ] Water for the panel (due: T − 2 d, required)',
      ),
    );
    expect(templateOf(result)).toEqual({
      format: 'roomready.template',
      formatVersion: 1,
      kind: 'checklist',
      id: 'pre-event-room-check',
      version: 3,
      language: 'en',
      name: 'Pre-event room check',
      description: 'Walk the room before doors open.',
      steps: [
        { key: 'open-the-meeting-room', title: 'Open the meeting room', details: 'Unlock the door.\n\nSwitch on the lights.', owner: 'Host', required: false, dueOffsetMinutes: -30, evidence: '' },
        { key: 'test-the-mic', title: 'Test the mic', details: '', owner: '', required: true, dueOffsetMinutes: -1440, evidence: 'recording' },
        { key: 'check-the-hdmi-cable', title: 'Check the HDMI cable', details: '', owner: '', required: true, dueOffsetMinutes: 5, evidence: '' },
        { key: 'check-the-hdmi-cable-2', title: 'Check the HDMI cable', details: '', owner: '', required: true, dueOffsetMinutes: -90, evidence: '' },
        { key: 'count-the-chairs', title: 'Count the chairs', details: '', owner: '', required: true, dueOffsetMinutes: 0, evidence: '' },
        { key: 'water-for-the-panel', title: 'Water for the panel', details: '', owner: '', required: true, dueOffsetMinutes: -2880, evidence: '' },
      ],
    });
  });

  it('takes the id from a Cyrillic name and detects Russian', () => {
    const parsed = templateOf(parseTemplateMarkdown(lines('# Проверка зала перед мероприятием', '', '- [ ] Открыть зал (owner: Администратор)')));
    expect(parsed).toMatchObject({ id: 'proverka-zala-pered-meropriyatiem', language: 'ru', kind: 'checklist' });
    expect(parsed.kind === 'checklist' && parsed.steps[0]?.key).toBe('otkryt-zal');
    expect(templateOf(parseTemplateMarkdown(lines('# Room check', '', '- [ ] Open the room'))).language).toBe('en');
  });

  it('reads a one-day run of show written without a day heading', () => {
    const parsed = templateOf(
      parseTemplateMarkdown(
        lines(
          '# Webinar',
          '<!-- roomready kind=run_of_show -->',
          '',
          '### Welcome (5 min) — presenter: Host',
          '> cue: Start recording',
          '> Unmute the panel',
          '- [ ] Admit the panellists (due: T-15)',
          '### Talk (1 h 30 min)',
          '### Q&A (1.5 h) {#questions}',
        ),
      ),
    );
    expect(parsed).toEqual(
      template({
        kind: 'run_of_show',
        id: 'webinar',
        language: 'en',
        name: 'Webinar',
        days: [
          {
            key: 'day-1',
            title: 'Day 1',
            startMinutes: 540,
            segments: [
              {
                key: 'welcome',
                title: 'Welcome',
                durationMinutes: 5,
                presenter: 'Host',
                cues: ['Start recording', 'Unmute the panel'],
                steps: [{ key: 'admit-the-panellists', title: 'Admit the panellists', dueOffsetMinutes: -15 }],
              },
              { key: 'talk', title: 'Talk', durationMinutes: 90 },
              { key: 'questions', title: 'Q&A', durationMinutes: 90 },
            ],
          },
        ],
      }),
    );
  });

  it('reads a hand-written playbook', () => {
    const parsed = templateOf(
      parseTemplateMarkdown(
        lines(
          '# Projector failed',
          '<!-- roomready kind=playbook -->',
          'trigger: The screen goes black',
          'SEVERITY: Medium',
          '',
          '## Script',
          'Bear with us while we switch screens.',
          '## Contacts',
          '- AV desk: Pavel, 1234',
          '## Steps',
          '- [ ] Switch to the spare projector',
        ),
      ),
    );
    expect(parsed).toEqual(
      template({
        kind: 'playbook',
        id: 'projector-failed',
        language: 'en',
        name: 'Projector failed',
        trigger: 'The screen goes black',
        severity: 'medium',
        script: 'Bear with us while we switch screens.',
        contacts: [{ role: 'AV desk', name: 'Pavel', phone: '1234' }],
        steps: [{ key: 'switch-to-the-spare-projector', title: 'Switch to the spare projector' }],
      }),
    );
  });

  it('slugifies titles for keys: transliterated, ASCII, at most 64 characters', () => {
    expect(slugify('Проверка связи — шаг №2')).toBe('proverka-svyazi-shag-no2');
    expect(slugify('Café & Crème: Ёлка, щи, Юла')).toBe('cafe-creme-elka-shchi-yula');
    expect(slugify('!!!')).toBe('');
    expect(slugify('a'.repeat(70))).toHaveLength(64);
  });
});

describe('parseTemplateMarkdown problems', () => {
  it('reports a file with no name heading', () => {
    expect(problemsOf(parseTemplateMarkdown(lines('Pre-event room check', '', '- [ ] Open the room')))).toEqual([
      { line: 1, field: 'name', message: "Line 1: the file must start with the template's name as a heading, e.g. '# Pre-event room check'." },
    ]);
  });

  it('reports content before the name heading', () => {
    expect(problemsOf(parseTemplateMarkdown(lines('Notes for Tuesday', 'more notes', '# Room check', '- [ ] Open the room')))).toEqual([
      { line: 1, field: null, message: "Line 1: 'Notes for Tuesday' comes before the name heading on line 3; move it below the name or delete it." },
    ]);
  });

  it('reports a segment without a duration', () => {
    const text = lines('# Show', '<!-- roomready kind=run_of_show -->', '', '## Day 1: Opening', '', '### Welcome', '- [ ] Greet the guests');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      {
        line: 6,
        field: 'days.0.segments.0.durationMinutes',
        message: "Line 6: the segment 'Welcome' has no duration; add it at the end of the heading in parentheses, e.g. '### Welcome (15 min)'.",
      },
    ]);
  });

  it('reports duration text it cannot read, suggesting the form', () => {
    const text = lines('# Show', '<!-- roomready kind=run_of_show -->', '### Welcome (15)', '### Talk (a quarter hour)', '### Panel (30 mins)');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 3, field: 'days.0.segments.0.durationMinutes', message: "Line 3: '15' is not a duration; write it as (15 min)." },
      { line: 4, field: 'days.0.segments.1.durationMinutes', message: "Line 4: 'a quarter hour' is not a duration; write it as (15 min)." },
    ]);
  });

  it('reports a step before any segment in a run of show', () => {
    const text = lines('# Show', '<!-- roomready kind=run_of_show -->', '', '- [ ] Open the room', '  Early.', '', '### Welcome (15 min)', '- [ ] Greet the guests');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 4, field: null, message: "Line 4: a step must be under a segment; add a segment heading above it, e.g. '### Welcome (15 min)'." },
    ]);
  });

  it('reports an unknown severity', () => {
    const text = lines('# Link lost', '<!-- roomready kind=playbook -->', 'Trigger: The remote site drops out', 'Severity: huge', '', '## Steps', '- [ ] Call the site');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 4, field: 'severity', message: "Line 4: 'huge' is not a severity; use low, medium, high or critical." },
    ]);
  });

  it('reports due times it cannot read, and ones out of range', () => {
    const text = lines('# Room check', '', '- [ ] Open the room (owner: Host, due: tomorrow)', '- [ ] Book the room (due: T-30 d)');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      {
        line: 3,
        field: 'steps.0.dueOffsetMinutes',
        message: "Line 3: 'tomorrow' is not a due time; write it relative to the event start, e.g. 'due: T-30 min' or 'due: T+5 min'.",
      },
      { line: 4, field: 'steps.1.dueOffsetMinutes', message: "Line 4: the step's due time must be at least -20160 minutes (got -43200)." },
    ]);
  });

  it('reports unknown and bad settings in the roomready comment', () => {
    const text = lines('# Room check', '<!-- roomready kind=checklist colour=blue language=fr version=two -->', '', '- [ ] Open the room');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 2, field: null, message: "Line 2: 'colour' is not a roomready setting; use id, kind, language or version." },
      { line: 2, field: 'version', message: "Line 2: 'two' is not a version number; write a whole number, e.g. version=1." },
      { line: 2, field: 'language', message: 'Line 2: the language must be one of "en", "ru" (got "fr").' },
    ]);
  });

  it('reports an unknown kind once, reading the document by its shape', () => {
    const text = lines('# Show', '<!-- roomready kind=agenda -->', '### Welcome (15 min)');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 2, field: 'kind', message: "Line 2: 'agenda' is not a template kind; use checklist, run_of_show or playbook." },
    ]);
  });

  it('reports a day with no segments', () => {
    const text = lines('# Show', '<!-- roomready kind=run_of_show -->', '## Day 1: Opening', '### Welcome (15 min)', '', '## Day 2: Workshops (starts 10:00)', '', '## Day 3: Closing', '### Goodbye (5 min)');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      {
        line: 6,
        field: 'days.1.segments',
        message: "Line 6: the day 'Workshops' has no segments; add at least one under its heading, e.g. '### Welcome (15 min)'.",
      },
    ]);
  });

  it('reports text that fits nowhere and bullets that are not steps', () => {
    const text = lines(
      '# Show',
      '<!-- roomready kind=run_of_show -->',
      '## Day 1: Opening',
      'Doors at 8.',
      '### Welcome (15 min)',
      'Remember the badges.',
      '- Greet the guests',
      '- [ ] Count the guests',
      '  at the door',
    );
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 4, field: null, message: "Line 4: 'Doors at 8.' fits nowhere: a day holds only segments; start one with a heading such as '### Welcome (15 min)'." },
      {
        line: 6,
        field: null,
        message:
          "Line 6: 'Remember the badges.' fits nowhere: a segment holds cues ('> cue: …') and steps ('- [ ] …'); indent a line under a step to make it the step's details.",
      },
      { line: 7, field: null, message: "Line 7: a step is written '- [ ] Greet the guests'; add '[ ]' after the dash." },
    ]);
  });

  it('reports a step without a title and details it does not know', () => {
    const text = lines('# Room check', '', '- [ ] (owner: Host)', '- [ ] Mic check (owner: Host, colour: red)', '- [ ]');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 3, field: 'steps.0.title', message: "Line 3: a step needs a title after '- [ ]'." },
      { line: 4, field: null, message: "Line 4: 'colour: red' is not a step detail; use owner: …, due: …, evidence: … or optional." },
      { line: 5, field: 'steps.2.title', message: "Line 5: a step needs a title after '- [ ]'." },
    ]);
  });

  it('reports a detail given twice and a contact without a role', () => {
    const text = lines(
      '# Link lost',
      '<!-- roomready kind=playbook -->',
      'Trigger: The remote site drops out',
      'Severity: high',
      '## Contacts',
      '- : Anna, 1234',
      '## Steps',
      '- [ ] Call the site (due: T+1, owner: Host, due: T+2)',
    );
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 6, field: 'contacts.0.role', message: "Line 6: a contact needs a role before ':', e.g. '- Venue IT: Anna Petrova, +7 900 000-00-00'." },
      { line: 8, field: 'steps.0.dueOffsetMinutes', message: 'Line 8: the step gives due twice; keep one.' },
    ]);
  });

  it('reports playbook sections it does not know and missing playbook fields', () => {
    const text = lines('# Link lost', '<!-- roomready kind=playbook -->', '', '## Notes', 'Call Anna.', '## Steps', '- [ ] Call the site');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 1, field: 'trigger', message: "Line 1: the playbook needs a trigger; add a line 'Trigger: …' under the name saying what the failure looks like." },
      { line: 1, field: 'severity', message: "Line 1: the playbook needs a severity; add a line 'Severity: high' (low, medium, high or critical) under the name." },
      { line: 4, field: null, message: "Line 4: '## Notes' is not a playbook section; use '## Script', '## Contacts' or '## Steps'." },
    ]);
  });

  it('reports a repeated explicit key at the repeat', () => {
    const text = lines('# Room check', '', '- [ ] Open the room {#open}', '- [ ] Open the windows {#open}');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 4, field: 'steps.1.key', message: "Line 4: the step key 'open' is already used on line 3; give this step a different {#key}." },
    ]);
  });

  it('reports schema limits against the line that broke them', () => {
    const text = lines('# Show', '<!-- roomready kind=run_of_show -->', '## Day 1 (starts 25:00)', `### ${'Long '.repeat(41)}(2000 min)`, '- [ ] Fix it {#Fix It}');
    expect(problemsOf(parseTemplateMarkdown(text))).toEqual([
      { line: 3, field: 'days.0.startMinutes', message: "Line 3: '25:00' is not a time of day; write the start as (starts 09:00)." },
      { line: 4, field: 'days.0.segments.0.title', message: "Line 4: the segment's title is too long: at most 200 characters (it has 204)." },
      { line: 4, field: 'days.0.segments.0.durationMinutes', message: "Line 4: the segment's duration must be at most 1440 minutes (got 2000)." },
      {
        line: 5,
        field: 'days.0.segments.0.steps.0.key',
        message: 'Line 5: the step\'s key must be a key of lowercase letters, digits and dashes, at most 64 characters (e.g. "open-room") (got "Fix It").',
      },
    ]);
  });

  it('refuses an empty file', () => {
    expect(problemsOf(parseTemplateMarkdown('\n\n'))).toEqual([
      { line: null, field: null, message: "The file is empty; start it with the template's name as a heading, e.g. '# Pre-event room check'." },
    ]);
  });

  it('never returns a template alongside problems, even when the rest is valid', () => {
    const text = lines('# Room check', 'Intro.', '', '- [ ] Open the room', 'stray line between steps', '- [ ] Close the room');
    const result = parseTemplateMarkdown(text);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 5,
          field: null,
          message:
            "Line 5: 'stray line between steps' fits nowhere: the description goes right under the name, and a line indented under a step becomes its details.",
        },
      ],
    });
  });
});
