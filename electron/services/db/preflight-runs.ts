import type Database from 'better-sqlite3';
import type { Check } from '../../../shared/preflight/check';
import type { PreflightRun, PreflightRunInput, Readiness } from '../../../shared/preflight/run';

/** Saved preflight runs and their check results. */
export interface PreflightRunsTable {
  /** Saves a finished run and all its checks in one transaction. */
  insert(run: PreflightRunInput): PreflightRun;
  /** A room's latest runs, newest first. */
  listForRoom(roomId: number, limit: number): PreflightRun[];
}

interface RunRow {
  id: number;
  room_id: number;
  profile_id: string | null;
  started_at: number;
  finished_at: number | null;
  status: PreflightRun['verdict'];
  source: PreflightRun['source'];
  summary: string;
}

interface CheckRow {
  run_id: number;
  component: Check['kind'];
  check_key: string;
  subject: string;
  status: Check['status'];
  summary: string;
  metrics: string;
  advice: string;
}

/** Prepares the preflight statements once on `db`. */
export function createPreflightRunsTable(db: Database.Database): PreflightRunsTable {
  const insertRun = db.prepare<[Omit<PreflightRunInput, 'checks' | 'readiness'> & { summary: string }], { id: number }>(
    `INSERT INTO preflight_runs (room_id, profile_id, started_at, finished_at, status, source, summary)
     VALUES (:roomId, :profileId, :startedAt, :finishedAt, :verdict, :source, :summary) RETURNING id`,
  );
  const insertCheck = db.prepare<[{ runId: number; kind: string; id: string; deviceLabel: string; status: string; summary: string; metrics: string; advice: string }]>(
    `INSERT INTO check_results (run_id, component, check_key, subject, status, summary, metrics, advice)
     VALUES (:runId, :kind, :id, :deviceLabel, :status, :summary, :metrics, :advice)`,
  );
  const listRuns = db.prepare<[number, number], RunRow>(
    `SELECT id, room_id, profile_id, started_at, finished_at, status, source, summary FROM preflight_runs
     WHERE room_id = ? AND status IN ('pass', 'warn', 'fail') ORDER BY started_at DESC, id DESC LIMIT ?`,
  );
  const listChecks = db.prepare<[number], CheckRow>(
    `SELECT run_id, component, check_key, subject, status, summary, metrics, advice FROM check_results
     WHERE run_id = ? ORDER BY id`,
  );

  const insert = db.transaction((run: PreflightRunInput): PreflightRun => {
    const row = insertRun.get({
      roomId: run.roomId,
      profileId: run.profileId,
      source: run.source,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      verdict: run.verdict,
      summary: JSON.stringify({ readiness: run.readiness }),
    });
    if (!row) throw new Error('INSERT … RETURNING returned no row.');
    for (const check of run.checks) {
      insertCheck.run({
        runId: row.id,
        kind: check.kind,
        id: check.id,
        deviceLabel: check.deviceLabel,
        status: check.status,
        summary: JSON.stringify(check.summary),
        metrics: JSON.stringify(check.metrics),
        advice: JSON.stringify(check.advice),
      });
    }
    return { ...run, id: row.id };
  });

  return {
    insert: (run) => insert(run),
    listForRoom: (roomId, limit) =>
      listRuns.all(roomId, limit).map((row) => ({
        id: row.id,
        roomId: row.room_id,
        profileId: row.profile_id ?? '',
        source: row.source,
        startedAt: row.started_at,
        finishedAt: row.finished_at ?? row.started_at,
        verdict: row.status,
        checks: listChecks.all(row.id).map(toCheck),
        readiness: (JSON.parse(row.summary) as { readiness?: Readiness[] }).readiness ?? [],
      })),
  };
}

function toCheck(row: CheckRow): Check {
  return {
    id: row.check_key,
    kind: row.component,
    deviceLabel: row.subject,
    status: row.status,
    summary: JSON.parse(row.summary) as Check['summary'],
    metrics: JSON.parse(row.metrics) as Check['metrics'],
    advice: JSON.parse(row.advice) as Check['advice'],
  };
}
