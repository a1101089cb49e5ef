import type Database from 'better-sqlite3';
import { runActionSchema, type RecordedAction, type Run, type RunAction } from '../../../shared/runofshow/run';

/** Runs of templates and the actions taken in them. */
export interface RunsTable {
  create(run: { templateId: string; templateVersion: number; parentRunId: number | null; title: string; plannedStart: number }, now: number): Run;
  get(id: number): Run | undefined;
  /** Runs newest first (Plan B runs too), with their actions. */
  list(limit: number): Run[];
  /** Appends one action and returns it as recorded. */
  append(runId: number, action: RunAction, person: string, at: number): RecordedAction;
}

interface RunRow {
  id: number;
  template_id: string;
  template_version: number;
  parent_run_id: number | null;
  title: string;
  planned_start: number;
  created_at: number;
}

interface ActionRow {
  id: number;
  at: number;
  person: string;
  action: string;
}

/** Prepares the run statements once on `db`. */
export function createRunsTable(db: Database.Database): RunsTable {
  const insertRun = db.prepare<[{ templateId: string; templateVersion: number; parentRunId: number | null; title: string; plannedStart: number; now: number }], { id: number }>(
    `INSERT INTO checklist_runs (template_id, template_version, parent_run_id, title, planned_start, created_at)
     VALUES (:templateId, :templateVersion, :parentRunId, :title, :plannedStart, :now) RETURNING id`,
  );
  const getRun = db.prepare<[number], RunRow>('SELECT * FROM checklist_runs WHERE id = ?');
  const listRuns = db.prepare<[number], RunRow>('SELECT * FROM checklist_runs ORDER BY created_at DESC, id DESC LIMIT ?');
  const listActions = db.prepare<[number], ActionRow>('SELECT id, at, person, action FROM run_actions WHERE run_id = ? ORDER BY id');
  const insertAction = db.prepare<[{ runId: number; at: number; person: string; action: string }], { id: number }>(
    'INSERT INTO run_actions (run_id, at, person, action) VALUES (:runId, :at, :person, :action) RETURNING id',
  );

  const toRun = (row: RunRow): Run => ({
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    parentRunId: row.parent_run_id,
    title: row.title,
    plannedStart: row.planned_start,
    createdAt: row.created_at,
    actions: listActions.all(row.id).flatMap((action) => {
      // A row that no longer parses (a hand edit) is skipped rather than breaking the run.
      const parsed = runActionSchema.safeParse(JSON.parse(action.action));
      return parsed.success ? [{ ...parsed.data, id: action.id, at: action.at, person: action.person }] : [];
    }),
  });

  return {
    create: (run, now) => {
      const row = insertRun.get({ ...run, now });
      if (!row) throw new Error('INSERT … RETURNING returned no row.');
      return { ...run, id: row.id, createdAt: now, actions: [] };
    },
    get: (id) => {
      const row = getRun.get(id);
      return row && toRun(row);
    },
    list: (limit) => listRuns.all(limit).map(toRun),
    append: (runId, action, person, at) => {
      const row = insertAction.get({ runId, at, person, action: JSON.stringify(action) });
      if (!row) throw new Error('INSERT … RETURNING returned no row.');
      return { ...action, id: row.id, at, person };
    },
  };
}
