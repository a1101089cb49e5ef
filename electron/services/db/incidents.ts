import type Database from 'better-sqlite3';
import { incidentRules, severities, type Incident, type IncidentRule, type Severity } from '../../../shared/live/live';

/** What opens an incident: a rule on the samples, or a person. */
export interface IncidentOpening {
  rule: IncidentRule;
  severity: Severity;
  startedAt: number;
  manual: boolean;
  drill: boolean;
  snapshot: Incident['snapshot'];
  note: string;
}

/** Incidents of events. */
export interface IncidentsTable {
  insert(eventId: number, opening: IncidentOpening): Incident;
  get(id: number): Incident | undefined;
  /** The event's incidents, oldest first. */
  listForEvent(eventId: number): Incident[];
  /** The event's incidents still open. */
  listOpen(eventId: number): Incident[];
  /** Incidents overlapping [from, to], oldest first. */
  listInRange(eventId: number, from: number, to: number): Incident[];
  /** Ends the incident at `at` unless it already ended; the incident as it is now. */
  end(id: number, at: number): Incident | undefined;
  /** The first reaction to its banner; later ones change nothing. */
  acknowledge(id: number, at: number): Incident | undefined;
  /** The Plan B run opened for it (the first reaction too, if nobody reacted before). */
  setPlaybook(id: number, runId: number, at: number): Incident | undefined;
  setNote(id: number, note: string): Incident | undefined;
}

interface IncidentRow {
  id: number;
  event_id: number;
  rule: string;
  severity: string;
  started_at: number;
  ended_at: number | null;
  acknowledged_at: number | null;
  manual: number;
  drill: number;
  playbook_run_id: number | null;
  playbook_opened_at: number | null;
  snapshot: string;
  note: string;
}

const columns = 'id, event_id, rule, severity, started_at, ended_at, acknowledged_at, manual, drill, playbook_run_id, playbook_opened_at, snapshot, note';

const isRule = (value: string): value is IncidentRule => (incidentRules as readonly string[]).includes(value);
const isSeverity = (value: string): value is Severity => (severities as readonly string[]).includes(value);

function toIncident(row: IncidentRow): Incident {
  const snapshot: unknown = JSON.parse(row.snapshot);
  return {
    id: row.id,
    eventId: row.event_id,
    // The column is free text so a rule added later needs no table rebuild; one this build does not know reads as manual.
    rule: isRule(row.rule) ? row.rule : 'manual',
    severity: isSeverity(row.severity) ? row.severity : 'warn',
    startedAt: row.started_at,
    endedAt: row.ended_at,
    acknowledgedAt: row.acknowledged_at,
    manual: row.manual === 1,
    drill: row.drill === 1,
    playbookRunId: row.playbook_run_id,
    playbookOpenedAt: row.playbook_opened_at,
    snapshot: snapshot !== null && typeof snapshot === 'object' && !Array.isArray(snapshot) ? (snapshot as Incident['snapshot']) : {},
    note: row.note,
  };
}

/** Prepares the incident statements once on `db`. */
export function createIncidentsTable(db: Database.Database): IncidentsTable {
  const insertIncident = db.prepare<[Omit<IncidentOpening, 'manual' | 'drill' | 'snapshot'> & { eventId: number; manual: number; drill: number; snapshot: string }], IncidentRow>(
    `INSERT INTO incidents (event_id, rule, severity, started_at, manual, drill, snapshot, note)
     VALUES (:eventId, :rule, :severity, :startedAt, :manual, :drill, :snapshot, :note)
     RETURNING ${columns}`,
  );
  const getIncident = db.prepare<[number], IncidentRow>(`SELECT ${columns} FROM incidents WHERE id = ?`);
  const listAll = db.prepare<[number], IncidentRow>(`SELECT ${columns} FROM incidents WHERE event_id = ? ORDER BY started_at, id`);
  const listOpen = db.prepare<[number], IncidentRow>(`SELECT ${columns} FROM incidents WHERE event_id = ? AND ended_at IS NULL ORDER BY started_at, id`);
  const listRange = db.prepare<[{ eventId: number; from: number; to: number }], IncidentRow>(
    `SELECT ${columns} FROM incidents WHERE event_id = :eventId AND started_at <= :to AND (ended_at IS NULL OR ended_at >= :from) ORDER BY started_at, id`,
  );
  const endIncident = db.prepare<[{ id: number; at: number }], IncidentRow>(
    `UPDATE incidents SET ended_at = coalesce(ended_at, max(:at, started_at)) WHERE id = :id RETURNING ${columns}`,
  );
  const acknowledgeIncident = db.prepare<[{ id: number; at: number }], IncidentRow>(
    `UPDATE incidents SET acknowledged_at = coalesce(acknowledged_at, :at) WHERE id = :id RETURNING ${columns}`,
  );
  const setPlaybookRun = db.prepare<[{ id: number; runId: number; at: number }], IncidentRow>(
    `UPDATE incidents SET playbook_run_id = :runId, playbook_opened_at = :at, acknowledged_at = coalesce(acknowledged_at, :at)
     WHERE id = :id RETURNING ${columns}`,
  );
  const setNoteOf = db.prepare<[{ id: number; note: string }], IncidentRow>(`UPDATE incidents SET note = :note WHERE id = :id RETURNING ${columns}`);

  const one = (row: IncidentRow | undefined) => row && toIncident(row);

  return {
    insert: (eventId, opening) => {
      const row = insertIncident.get({
        ...opening,
        manual: opening.manual ? 1 : 0,
        drill: opening.drill ? 1 : 0,
        snapshot: JSON.stringify(opening.snapshot),
        eventId,
      });
      if (!row) throw new Error('INSERT … RETURNING returned no row.');
      return toIncident(row);
    },
    get: (id) => one(getIncident.get(id)),
    listForEvent: (eventId) => listAll.all(eventId).map(toIncident),
    listOpen: (eventId) => listOpen.all(eventId).map(toIncident),
    listInRange: (eventId, from, to) => listRange.all({ eventId, from, to }).map(toIncident),
    end: (id, at) => one(endIncident.get({ id, at })),
    acknowledge: (id, at) => one(acknowledgeIncident.get({ id, at })),
    setPlaybook: (id, runId, at) => one(setPlaybookRun.get({ id, runId, at })),
    setNote: (id, note) => one(setNoteOf.get({ id, note })),
  };
}
