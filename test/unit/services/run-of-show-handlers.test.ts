import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../shared/api/contract';
import { builtInTemplates } from '../../../shared/runofshow/builtins/index';
import type { RunWithTemplate } from '../../../shared/runofshow/run';
import { deriveRunState } from '../../../shared/runofshow/run-state';
import { runOfShowTemplateSchema, templateSchema, type Template, type TemplateSummary } from '../../../shared/runofshow/template';
import { useMachine, valueOfCall } from '../support/handler-harness';

const startedAt = 1_700_000_000_000;


// Registered before the machine opens, so the services start at the fixed time too.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(startedAt);
});

const machine = useMachine({ folderPrefix: 'roomready-run-of-show-handlers-' });
const { call, events, crashes } = machine;

function builtIn(id: string): Template {
  const input = builtInTemplates.find((template) => template.id === id);
  if (!input) throw new Error(`no built-in template ${id}`);
  return templateSchema.parse(input);
}

/** Two days of one segment each: the second `next-segment` after start is refused. */
const twoDayShow = runOfShowTemplateSchema.parse({
  id: 'two-day-show',
  kind: 'run_of_show',
  language: 'en',
  name: 'Two-day show',
  days: [
    { key: 'day-1', title: 'Opening day', segments: [{ key: 'welcome', title: 'Welcome', durationMinutes: 10, steps: [{ key: 'open-call', title: 'Open the call' }] }] },
    { key: 'day-2', title: 'Closing day', segments: [{ key: 'closing', title: 'Closing', durationMinutes: 5 }] },
  ],
});

const at = (offsetMs: number) => vi.setSystemTime(startedAt + offsetMs);

async function startRun(templateId: string, fields: { title?: string; parentRunId?: number } = {}): Promise<RunWithTemplate> {
  return valueOfCall<RunWithTemplate>(call('runs:start', { templateId, title: fields.title ?? 'Spring event', plannedStart: startedAt + 3_600_000, ...fields }));
}

const act = (runId: number, action: unknown) => call('runs:act', { runId, action });

afterEach(() => {
  vi.useRealTimers();
  expect(crashes).toEqual([]);
});

describe('template requests', () => {
  it('list the 30 built-in templates as soon as the services start', async () => {
    const listed = await valueOfCall<TemplateSummary[]>(call('templates:list'));

    expect(listed).toHaveLength(30);
    expect(new Set(listed.map((summary) => summary.id))).toEqual(new Set(builtInTemplates.map((template) => template.id)));
    expect(listed.every((summary) => summary.builtIn && summary.version === 1 && summary.updatedAt === startedAt)).toBe(true);
    expect(listed).toContainEqual({
      id: 'plan-b-link-down-ru',
      version: 1,
      kind: 'playbook',
      language: 'ru',
      name: 'Связь пропала или ухудшилась',
      builtIn: true,
      updatedAt: startedAt,
    });
    expect(await call('templates:get', { id: 'web-meeting' })).toEqual({ ok: true, value: builtIn('web-meeting') });
  });

  it('save an edited built-in as version 2 for new runs, while a run started from version 1 keeps version 1', async () => {
    const original = builtIn('webinar');
    const run = await startRun('webinar');

    at(60_000);
    const saved = await call('templates:save', { template: { ...original, name: 'Our webinar', description: 'With our own checks.' } });

    const edited = { ...original, name: 'Our webinar', description: 'With our own checks.', version: 2 };
    expect(saved).toEqual({ ok: true, value: edited });
    expect(await call('templates:get', { id: 'webinar' })).toEqual({ ok: true, value: edited });
    expect(await call('templates:get', { id: 'webinar', version: 1 })).toEqual({ ok: true, value: original });

    const reread = await valueOfCall<RunWithTemplate>(call('runs:get', { id: run.id }));
    expect(reread.templateVersion).toBe(1);
    expect(reread.template).toEqual(original);
    const later = await startRun('webinar', { title: 'Autumn webinar' });
    expect(later.templateVersion).toBe(2);
    expect(later.template).toEqual(edited);
    expect((await valueOfCall<RunSummary[]>(call('runs:list', {}))).map((summary) => [summary.id, summary.templateVersion, summary.templateName])).toEqual([
      [later.id, 2, 'Our webinar'],
      [run.id, 1, original.name],
    ]);
    expect((await valueOfCall<TemplateSummary[]>(call('templates:list'))).find((summary) => summary.id === 'webinar')).toEqual({
      id: 'webinar',
      version: 2,
      kind: 'run_of_show',
      language: 'en',
      name: 'Our webinar',
      builtIn: false,
      updatedAt: startedAt + 60_000,
    });
  });

  it('refuse a template whose keys repeat, saving nothing', async () => {
    const twinSteps = templateSchema.parse({
      id: 'twin-steps',
      kind: 'checklist',
      language: 'en',
      name: 'Twin steps',
      steps: [
        { key: 'check-mic', title: 'Check the microphone' },
        { key: 'check-mic', title: 'Check the microphone again' },
      ],
    });

    expect(await call('templates:save', { template: twinSteps })).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'Keys must be unique within a template: step:check-mic.',
        issues: [{ path: 'template', message: 'validation.duplicateKeys' }],
      },
    });
    expect(await call('templates:get', { id: 'twin-steps' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const show = { ...twoDayShow, id: 'webinar', days: twoDayShow.days.map((day) => ({ ...day, key: 'same-day' })) };
    expect(await call('templates:save', { template: show })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'Keys must be unique within a template: day:same-day.' },
    });
    expect(await call('templates:get', { id: 'webinar' })).toEqual({ ok: true, value: builtIn('webinar') });
  });

  it('duplicate the latest version under <id>-copy, then <id>-copy-2, each at version 1 with the new name', async () => {
    const latest = await valueOfCall<Template>(call('templates:save', { template: { ...builtIn('webinar'), description: 'Edited before copying.' } }));

    const first = await call('templates:duplicate', { id: 'webinar', name: '  Our webinar ' });
    const second = await call('templates:duplicate', { id: 'webinar', name: 'Autumn webinar' });

    expect(first).toEqual({ ok: true, value: { ...latest, id: 'webinar-copy', name: 'Our webinar', version: 1 } });
    expect(second).toEqual({ ok: true, value: { ...latest, id: 'webinar-copy-2', name: 'Autumn webinar', version: 1 } });
    expect(await call('templates:get', { id: 'webinar-copy' })).toEqual(first);
    const listed = await valueOfCall<TemplateSummary[]>(call('templates:list'));
    expect(listed.filter((summary) => summary.id.startsWith('webinar-copy')).map((summary) => [summary.id, summary.version, summary.builtIn])).toEqual([
      ['webinar-copy-2', 1, false],
      ['webinar-copy', 1, false],
    ]);
    expect(await call('templates:get', { id: 'webinar' })).toEqual({ ok: true, value: latest });
  });

  it('answer not_found for a template id or version that does not exist', async () => {
    expect(await call('templates:get', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no template "nope".' } });
    expect(await call('templates:get', { id: 'webinar', version: 9 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no template "webinar" version 9.' },
    });
    expect(await call('templates:duplicate', { id: 'nope', name: 'Copy' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no template "nope".' },
    });
    expect(await call('runs:start', { templateId: 'nope', title: 'X', plannedStart: 0 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no template "nope".' },
    });
    expect(await call('runs:list', {})).toEqual({ ok: true, value: [] });
    expect(events).toEqual([]);
  });

  it('duplicate a template with a 60-character id twice without hanging', async () => {
    // Run in a child process: the copy-id search loops forever when every candidate cuts to the
    // same 64 characters, and a synchronous loop would freeze this test runner too.
    const script = `
      const { mkdtempSync, rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const { dispatch } = await import(${JSON.stringify(new URL('../../../shared/api/dispatch.ts', import.meta.url).href)});
      const { createHandlers } = await import(${JSON.stringify(new URL('../../../electron/services/handlers/index.ts', import.meta.url).href)});
      const { noPresenterWindows } = await import(${JSON.stringify(new URL('../../../electron/services/handlers/run-of-show.ts', import.meta.url).href)});
      const { noReportPrinter } = await import(${JSON.stringify(new URL('../../../electron/services/report-printer.ts', import.meta.url).href)});
      const { createServices } = await import(${JSON.stringify(new URL('../../../electron/services/services.ts', import.meta.url).href)});
      const { webModeUpdater } = await import(${JSON.stringify(new URL('../../../electron/services/updates.ts', import.meta.url).href)});
      const dataDir = mkdtempSync(join(tmpdir(), 'roomready-long-id-'));
      const services = createServices({ dataDir, mode: 'web' });
      const handlers = createHandlers(services, webModeUpdater, noPresenterWindows, noReportPrinter);
      const call = (name, args) => dispatch(handlers, name, args, (_name, error) => { throw error; });
      const source = await call('templates:get', { id: 'web-meeting' });
      const id = 'a'.repeat(60);
      await call('templates:save', { template: { ...source.value, id } });
      const results = [await call('templates:duplicate', { id, name: 'One' }), await call('templates:duplicate', { id, name: 'Two' })];
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
      console.log(JSON.stringify(results.map((result) => (result.ok ? result.value.id : result.error))));
    `;
    const finished = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { timeout: 15_000 }).catch(
      (error: Error & { killed?: boolean }) => ({ stdout: '', stderr: error.killed ? 'timed out: templates:duplicate never returned' : error.message }),
    );

    expect(finished.stderr).toBe('');
    const ids = JSON.parse(finished.stdout) as string[];
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  }, 25_000);
});

describe('run requests', () => {
  beforeEach(async () => {
    await valueOfCall(call('templates:save', { template: twoDayShow }));
    events.length = 0;
  });

  it('start a run of show as planned, with its template version, and announce it', async () => {
    at(1_000);
    const run = await startRun('webinar', { title: 'Spring webinar' });

    expect(run).toEqual({
      id: expect.any(Number),
      templateId: 'webinar',
      templateVersion: 1,
      parentRunId: null,
      title: 'Spring webinar',
      plannedStart: startedAt + 3_600_000,
      createdAt: startedAt + 1_000,
      actions: [],
      template: builtIn('webinar'),
    });
    expect(deriveRunState(run.template, run.actions).status).toBe('planned');
    expect(await call('runs:list', {})).toEqual({
      ok: true,
      value: [
        {
          id: run.id,
          title: 'Spring webinar',
          templateId: 'webinar',
          templateVersion: 1,
          templateName: 'Webinar with two presenters (90 min)',
          kind: 'run_of_show',
          parentRunId: null,
          plannedStart: startedAt + 3_600_000,
          createdAt: startedAt + 1_000,
          status: 'planned',
        },
      ],
    });
    expect(events).toEqual([['runs:changed', { runId: run.id }]]);
  });

  it('start the clock, move to the next segment across days, and announce every accepted action', async () => {
    const run = await startRun('two-day-show');
    events.length = 0;

    at(1_000);
    const started = await valueOfCall<RunWithTemplate>(act(run.id, { type: 'start' }));
    expect(deriveRunState(started.template, started.actions)).toMatchObject({ status: 'running', segmentIndex: 0, segmentStarts: [startedAt + 1_000] });

    at(2_000);
    const moved = await valueOfCall<RunWithTemplate>(act(run.id, { type: 'next-segment' }));
    expect(deriveRunState(moved.template, moved.actions)).toMatchObject({
      status: 'running',
      segmentIndex: 1,
      segmentStarts: [startedAt + 1_000, startedAt + 2_000],
    });
    expect(moved.actions).toEqual([
      { type: 'start', id: expect.any(Number), at: startedAt + 1_000, person: '' },
      { type: 'next-segment', id: expect.any(Number), at: startedAt + 2_000, person: '' },
    ]);
    expect(await call('runs:get', { id: run.id })).toEqual({ ok: true, value: moved });
    expect((await valueOfCall<RunSummary[]>(call('runs:list', {})))[0]).toMatchObject({ id: run.id, status: 'running' });
    expect(events).toEqual([
      ['runs:changed', { runId: run.id }],
      ['runs:changed', { runId: run.id }],
    ]);
  });

  it('refuse an action the state machine refuses, with its reason, appending and announcing nothing', async () => {
    const run = await startRun('two-day-show');
    await valueOfCall(act(run.id, { type: 'start' }));
    at(1_000);
    await valueOfCall(act(run.id, { type: 'next-segment' }));
    events.length = 0;

    const refusals: [unknown, string][] = [
      [{ type: 'resume' }, 'The run is not paused.'],
      [{ type: 'start' }, 'The run has already started.'],
      [{ type: 'step', stepKey: 'no-such-step', state: 'done' }, 'This template has no step "no-such-step".'],
      [{ type: 'note', stepKey: 'no-such-step', note: 'Where is it?' }, 'This template has no step "no-such-step".'],
      [{ type: 'next-segment' }, 'This is the last segment; finish the run instead.'],
    ];
    for (const [action, message] of refusals) {
      expect(await act(run.id, action), JSON.stringify(action)).toEqual({ ok: false, error: { code: 'conflict', message } });
    }
    // The computer's clock was set back: a clock action now would make the clocks run backwards.
    at(500);
    expect(await act(run.id, { type: 'pause' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The action is dated before the run’s last clock change; the log is out of order.' },
    });

    const reread = await valueOfCall<RunWithTemplate>(call('runs:get', { id: run.id }));
    expect(reread.actions.map((action) => action.type)).toEqual(['start', 'next-segment']);
    expect(events).toEqual([]);
  });

  it('record the operator name from the settings as the person on each action', async () => {
    await valueOfCall(call('settings:update', { operatorName: '  Aida Bekova ' }));
    const run = await startRun('two-day-show');
    await valueOfCall(act(run.id, { type: 'start' }));
    await valueOfCall(call('settings:update', { operatorName: 'Бахтияр' }));
    const done = await valueOfCall<RunWithTemplate>(act(run.id, { type: 'step', stepKey: 'open-call', state: 'done', note: 'Link sent' }));

    expect(done.actions).toEqual([
      { type: 'start', id: expect.any(Number), at: startedAt, person: 'Aida Bekova' },
      { type: 'step', stepKey: 'open-call', state: 'done', note: 'Link sent', id: expect.any(Number), at: startedAt, person: 'Бахтияр' },
    ]);
    expect(deriveRunState(done.template, done.actions).steps).toEqual({
      'open-call': { state: 'done', at: startedAt, person: 'Бахтияр', note: 'Link sent' },
    });
  });

  it('open a Plan B playbook from a run: a started child run and playbook-opened on the parent', async () => {
    await valueOfCall(call('settings:update', { operatorName: 'Aida' }));
    const parent = await startRun('webinar', { title: 'Spring webinar' });
    await valueOfCall(act(parent.id, { type: 'start' }));
    events.length = 0;

    at(5_000);
    const child = await startRun('plan-b-link-down', { title: 'Link down', parentRunId: parent.id });

    expect(child).toMatchObject({ templateId: 'plan-b-link-down', templateVersion: 1, parentRunId: parent.id, title: 'Link down', createdAt: startedAt + 5_000 });
    expect(child.actions).toEqual([{ type: 'start', id: expect.any(Number), at: startedAt + 5_000, person: 'Aida' }]);
    expect(deriveRunState(child.template, child.actions).status).toBe('running');

    const parentNow = await valueOfCall<RunWithTemplate>(call('runs:get', { id: parent.id }));
    expect(parentNow.actions.slice(1)).toEqual([{ type: 'playbook-opened', childRunId: child.id, id: expect.any(Number), at: startedAt + 5_000, person: 'Aida' }]);
    expect(deriveRunState(parentNow.template, parentNow.actions)).toMatchObject({ status: 'running', childRunIds: [child.id] });
    expect(await call('runs:get', { id: child.id })).toEqual({ ok: true, value: child });

    const listed = await valueOfCall<RunSummary[]>(call('runs:list', {}));
    expect(listed.map((summary) => [summary.id, summary.parentRunId, summary.kind, summary.status])).toEqual([
      [child.id, parent.id, 'playbook', 'running'],
      [parent.id, null, 'run_of_show', 'running'],
    ]);
    expect(events).toEqual([
      ['runs:changed', { runId: parent.id }],
      ['runs:changed', { runId: child.id }],
    ]);
  });

  it('create no Plan B run when the parent cannot record that it was opened', async () => {
    const parent = await startRun('webinar');
    await valueOfCall(act(parent.id, { type: 'start' }));
    events.length = 0;
    machine.services.db.exec(`CREATE TEMP TRIGGER refuse_playbook_opened BEFORE INSERT ON run_actions
      WHEN json_extract(NEW.action, '$.type') = 'playbook-opened' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);

    expect(await call('runs:start', { templateId: 'plan-b-link-down', title: 'Link down', plannedStart: 0, parentRunId: parent.id })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(crashes).toHaveLength(1);
    crashes.length = 0;

    expect((await valueOfCall<RunSummary[]>(call('runs:list', {}))).map((summary) => summary.id)).toEqual([parent.id]);
    expect((await valueOfCall<RunWithTemplate>(call('runs:get', { id: parent.id }))).actions.map((action) => action.type)).toEqual(['start']);
    expect(events).toEqual([]);
  });

  it('refuse to open a Plan B playbook from a finished run, creating no child run', async () => {
    const parent = await startRun('webinar');
    await valueOfCall(act(parent.id, { type: 'start' }));
    await valueOfCall(act(parent.id, { type: 'finish' }));
    events.length = 0;

    expect(await call('runs:start', { templateId: 'plan-b-link-down', title: 'Link down', plannedStart: 0, parentRunId: parent.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The run has finished; only notes can be added.' },
    });
    expect((await valueOfCall<RunSummary[]>(call('runs:list', {}))).map((summary) => summary.id)).toEqual([parent.id]);
    expect((await valueOfCall<RunWithTemplate>(call('runs:get', { id: parent.id }))).actions.map((action) => action.type)).toEqual(['start', 'finish']);
    expect(events).toEqual([]);
  });

  it('answer not_found for a run that does not exist, without creating or announcing anything', async () => {
    const notFound = { ok: false, error: { code: 'not_found', message: 'Run 99 does not exist.' } };

    expect(await call('runs:get', { id: 99 })).toEqual(notFound);
    expect(await act(99, { type: 'start' })).toEqual(notFound);
    expect(await call('presenter:open', { runId: 99 })).toEqual(notFound);
    expect(await call('runs:start', { templateId: 'plan-b-link-down', title: 'Link down', plannedStart: 0, parentRunId: 99 })).toEqual(notFound);
    expect(await call('runs:list', {})).toEqual({ ok: true, value: [] });
    expect(events).toEqual([]);
  });

  it('report that the presenter window cannot open and no displays without a desktop', async () => {
    const run = await startRun('two-day-show');

    expect(await call('presenter:open', { runId: run.id })).toEqual({ ok: true, value: { opened: false } });
    expect(await call('presenter:open', { runId: run.id, displayId: 2 })).toEqual({ ok: true, value: { opened: false } });
    expect(await call('displays:list')).toEqual({ ok: true, value: [] });
  });
});
