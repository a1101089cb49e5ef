import type Database from 'better-sqlite3';
import { drillKinds, type Drill, type DrillKind } from '../../../shared/live/live';

/** Drills of events, with the reaction times of the incident each caused. */
export interface DrillsTable {
  insert(eventId: number, kind: DrillKind, startedAt: number): Drill;
  get(id: number): Drill | undefined;
  /** The event's drill still running, if any. */
  running(eventId: number): Drill | undefined;
  /** The event's drills, oldest first. */
  listForEvent(eventId: number): Drill[];
  /** Ends the drill at `at` unless it already ended. */
  end(id: number, at: number): Drill | undefined;
  /** Links the drill to the incident it caused, unless it already has one. */
  setIncident(id: number, incidentId: number): Drill | undefined;
}

interface DrillRow {
  id: number;
  event_id: number;
  kind: string;
  started_at: number;
  ended_at: number | null;
  incident_id: number | null;
  acknowledged_at: number | null;
  playbook_opened_at: number | null;
  incident_ended_at: number | null;
}

// The times come from the incident: a reaction to the drill's banner is a reaction to its incident.
const select = `
  SELECT drills.id, drills.event_id, drills.kind, drills.started_at, drills.ended_at, drills.incident_id,
         incidents.acknowledged_at, incidents.playbook_opened_at, incidents.ended_at AS incident_ended_at
  FROM drills LEFT JOIN incidents ON incidents.id = drills.incident_id`;

const since = (start: number, at: number | null) => (at === null ? null : Math.max(0, at - start));

function toDrill(row: DrillRow): Drill {
  return {
    id: row.id,
    eventId: row.event_id,
    kind: (drillKinds as readonly string[]).includes(row.kind) ? (row.kind as DrillKind) : 'link-down',
    startedAt: row.started_at,
    endedAt: row.ended_at,
    timeToNoticeMs: since(row.started_at, row.acknowledged_at),
    timeToPlaybookMs: since(row.started_at, row.playbook_opened_at),
    timeToRecoverMs: since(row.started_at, row.incident_ended_at),
    incidentId: row.incident_id,
  };
}

/** Prepares the drill statements once on `db`. */
export function createDrillsTable(db: Database.Database): DrillsTable {
  const insertDrill = db.prepare<[{ eventId: number; kind: DrillKind; startedAt: number }], { id: number }>(
    'INSERT INTO drills (event_id, kind, started_at) VALUES (:eventId, :kind, :startedAt) RETURNING id',
  );
  const getDrill = db.prepare<[number], DrillRow>(`${select} WHERE drills.id = ?`);
  const runningDrill = db.prepare<[number], DrillRow>(`${select} WHERE drills.event_id = ? AND drills.ended_at IS NULL ORDER BY drills.id DESC LIMIT 1`);
  const listDrills = db.prepare<[number], DrillRow>(`${select} WHERE drills.event_id = ? ORDER BY drills.started_at, drills.id`);
  const endDrill = db.prepare<[{ id: number; at: number }]>('UPDATE drills SET ended_at = coalesce(ended_at, max(:at, started_at)) WHERE id = :id');
  const setIncidentOf = db.prepare<[{ id: number; incidentId: number }]>('UPDATE drills SET incident_id = coalesce(incident_id, :incidentId) WHERE id = :id');

  const get = (id: number) => {
    const row = getDrill.get(id);
    return row && toDrill(row);
  };

  return {
    insert: (eventId, kind, startedAt) => {
      const row = insertDrill.get({ eventId, kind, startedAt });
      if (!row) throw new Error('INSERT … RETURNING returned no row.');
      const drill = get(row.id);
      if (!drill) throw new Error('The drill just stored cannot be read.');
      return drill;
    },
    get,
    running: (eventId) => {
      const row = runningDrill.get(eventId);
      return row && toDrill(row);
    },
    listForEvent: (eventId) => listDrills.all(eventId).map(toDrill),
    end: (id, at) => {
      endDrill.run({ id, at });
      return get(id);
    },
    setIncident: (id, incidentId) => {
      setIncidentOf.run({ id, incidentId });
      return get(id);
    },
  };
}
