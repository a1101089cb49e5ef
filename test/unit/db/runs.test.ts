import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createRunsTable, type RunsTable } from '../../../electron/services/db/runs';
import { createTemplatesTable } from '../../../electron/services/db/templates';
import type { RunAction } from '../../../shared/runofshow/run';
import { templateSchema } from '../../../shared/runofshow/template';
import { useTempFolder } from './temp-files';

function count(db: Database.Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

const webinar = templateSchema.parse({
  id: 'webinar',
  kind: 'run_of_show',
  language: 'en',
  name: 'Webinar',
  days: [
    {
      key: 'day-1',
      title: 'Day one',
      segments: [
        { key: 'welcome', title: 'Welcome', durationMinutes: 10, steps: [{ key: 'start-recording', title: 'Start recording' }] },
        { key: 'talk', title: 'Talk', durationMinutes: 40 },
      ],
    },
  ],
});

const playbook = templateSchema.parse({
  id: 'plan-b-link-down',
  kind: 'playbook',
  language: 'en',
  name: 'The link is down',
  trigger: 'The call drops',
  severity: 'critical',
  steps: [{ key: 'switch-to-lte', title: 'Switch to the LTE router' }],
});

describe('runs table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let runs: RunsTable;

  const newRun = (fields: { title?: string; parentRunId?: number | null; templateId?: string; templateVersion?: number } = {}) => ({
    templateId: 'webinar',
    templateVersion: 1,
    parentRunId: null,
    title: 'Spring webinar',
    plannedStart: 1_700_000_000_000,
    ...fields,
  });

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    const templates = createTemplatesTable(db);
    templates.seedBuiltIns([webinar, playbook], 1);
    templates.saveNewVersion({ ...webinar, name: 'Webinar, revised' }, 2);
    runs = createRunsTable(db);
  });

  it('creates a run without actions and reads it back exactly', () => {
    const created = runs.create(newRun({ templateVersion: 2 }), 5_000);

    expect(created).toEqual({ ...newRun({ templateVersion: 2 }), id: expect.any(Number), createdAt: 5_000, actions: [] });
    expect(runs.get(created.id)).toEqual(created);
    expect(runs.get(created.id + 1)).toBeUndefined();
  });

  it('lists runs newest first, up to the limit, children included', () => {
    const older = runs.create(newRun({ title: 'Older' }), 1_000);
    const newer = runs.create(newRun({ title: 'Newer' }), 3_000);
    const child = runs.create(newRun({ title: 'Link down', templateId: 'plan-b-link-down', parentRunId: newer.id }), 3_000);
    const middle = runs.create(newRun({ title: 'Middle' }), 2_000);

    // Same creation time: the later insert comes first.
    expect(runs.list(10).map((run) => run.title)).toEqual(['Link down', 'Newer', 'Middle', 'Older']);
    expect(runs.list(2)).toEqual([runs.get(child.id), runs.get(newer.id)]);
    expect(runs.list(10)[0]).toMatchObject({ id: child.id, parentRunId: newer.id, templateId: 'plan-b-link-down' });
    expect(runs.list(10).map((run) => run.id)).toEqual([child.id, newer.id, middle.id, older.id]);
  });

  it('returns each appended action as recorded and reads the actions back in the order they were appended', () => {
    const run = runs.create(newRun(), 1_000);
    const actions: RunAction[] = [
      { type: 'start' },
      { type: 'step', stepKey: 'start-recording', state: 'done', note: 'Cloud recording on' },
      { type: 'note', stepKey: null, note: 'Speaker joined late' },
      { type: 'next-segment' },
    ];
    // Times out of order on purpose: the order is the order of appending, not of `at`.
    const times = [5_000, 9_000, 7_000, 8_000];

    const recorded = actions.map((action, index) => runs.append(run.id, action, index % 2 === 0 ? 'Aida' : 'Бахтияр', times[index] ?? 0));

    expect(recorded).toEqual([
      { type: 'start', id: expect.any(Number), at: 5_000, person: 'Aida' },
      { type: 'step', stepKey: 'start-recording', state: 'done', note: 'Cloud recording on', id: expect.any(Number), at: 9_000, person: 'Бахтияр' },
      { type: 'note', stepKey: null, note: 'Speaker joined late', id: expect.any(Number), at: 7_000, person: 'Aida' },
      { type: 'next-segment', id: expect.any(Number), at: 8_000, person: 'Бахтияр' },
    ]);
    expect(new Set(recorded.map((action) => action.id)).size).toBe(4);
    expect(runs.get(run.id)?.actions).toEqual(recorded);
  });

  it('keeps the actions of each run to that run', () => {
    const first = runs.create(newRun({ title: 'First' }), 1_000);
    const second = runs.create(newRun({ title: 'Second' }), 2_000);

    const started = runs.append(first.id, { type: 'start' }, 'Aida', 3_000);
    const alsoStarted = runs.append(second.id, { type: 'start' }, 'Aida', 4_000);

    expect(runs.get(first.id)?.actions).toEqual([started]);
    expect(runs.get(second.id)?.actions).toEqual([alsoStarted]);
    expect(runs.list(10).map((run) => run.actions)).toEqual([[alsoStarted], [started]]);
  });

  it('skips a stored action that no longer matches the action schema, keeping the rest', () => {
    const run = runs.create(newRun(), 1_000);
    const start = runs.append(run.id, { type: 'start' }, 'Aida', 2_000);
    const insertRaw = db.prepare('INSERT INTO run_actions (run_id, at, person, action) VALUES (?, ?, ?, ?)');
    insertRaw.run(run.id, 3_000, 'Aida', JSON.stringify({ type: 'teleport' }));
    insertRaw.run(run.id, 3_500, 'Aida', JSON.stringify({ type: 'speaker-timer', minutes: -5 }));
    insertRaw.run(run.id, 3_700, 'Aida', JSON.stringify({ type: 'start', extra: true }));
    // Written before `note` had a default: still valid, read with the default filled in.
    const old = insertRaw.run(run.id, 4_000, 'Aida', JSON.stringify({ type: 'step', stepKey: 'start-recording', state: 'skipped' }));
    const finish = runs.append(run.id, { type: 'finish' }, 'Aida', 5_000);

    expect(runs.get(run.id)?.actions).toEqual([
      start,
      { type: 'step', stepKey: 'start-recording', state: 'skipped', note: '', id: Number(old.lastInsertRowid), at: 4_000, person: 'Aida' },
      finish,
    ]);
    expect(count(db, 'run_actions')).toBe(6);
  });

  it('deletes the actions and the Plan B runs of a run deleted with it, and nothing else', () => {
    const kept = runs.create(newRun({ title: 'Kept' }), 1_000);
    const doomed = runs.create(newRun({ title: 'Doomed' }), 2_000);
    const child = runs.create(newRun({ title: 'Link down', templateId: 'plan-b-link-down', parentRunId: doomed.id }), 3_000);
    const keptAction = runs.append(kept.id, { type: 'start' }, 'Aida', 4_000);
    runs.append(doomed.id, { type: 'start' }, 'Aida', 4_000);
    runs.append(doomed.id, { type: 'playbook-opened', childRunId: child.id }, 'Aida', 4_500);
    runs.append(child.id, { type: 'start' }, 'Aida', 4_500);

    db.prepare('DELETE FROM checklist_runs WHERE id = ?').run(doomed.id);

    expect(runs.get(doomed.id)).toBeUndefined();
    expect(runs.get(child.id)).toBeUndefined();
    expect(runs.list(10)).toEqual([{ ...kept, actions: [keptAction] }]);
    expect(count(db, 'run_actions')).toBe(1);
  });

  it('refuses a run of a template version that does not exist, storing nothing', () => {
    const refuse = (fields: Parameters<typeof newRun>[0]) => {
      try {
        runs.create(newRun(fields), 1_000);
      } catch (error) {
        return error;
      }
      throw new Error('create was not refused');
    };

    for (const fields of [{ templateVersion: 3 }, { templateId: 'no-such-template' }]) {
      const error = refuse(fields);
      expect(error).toBeInstanceOf(Database.SqliteError);
      expect(error).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    }
    expect(count(db, 'checklist_runs')).toBe(0);
  });

  it('refuses an action for a run that does not exist and a Plan B run whose parent does not exist', () => {
    expect(() => runs.append(42, { type: 'start' }, 'Aida', 1_000)).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
    expect(() => runs.create(newRun({ templateId: 'plan-b-link-down', parentRunId: 42 }), 1_000)).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
    );
    expect(count(db, 'run_actions')).toBe(0);
    expect(count(db, 'checklist_runs')).toBe(0);
  });
});
