import type Database from 'better-sqlite3';
import type { EventInput, LiveEvent } from '../../../shared/live/live';

/** Events RoomReady monitors. Times are ms since the epoch, passed in so callers and tests control them. */
export interface LiveEventsTable {
  /** Every event, latest planned start first. */
  list(): LiveEvent[];
  get(id: number): LiveEvent | undefined;
  insert(input: EventInput, now: number): LiveEvent;
  /** Monitoring started: the first start is the event's actual start; a restart clears its end. */
  markStarted(id: number, at: number): void;
  /** Monitoring stopped at `at`. */
  markEnded(id: number, at: number): void;
  /** Events monitored when the host last stopped (started, never ended). */
  listMonitoring(): LiveEvent[];
  /** Deletes the event with its samples, incidents and drills; false if it did not exist. */
  remove(id: number): boolean;
}

interface EventRow {
  id: number;
  title: string;
  profile_id: string | null;
  room_id: number | null;
  planned_start: number;
  planned_end: number;
  run_id: number | null;
  started_at: number | null;
  ended_at: number | null;
  created_at: number;
}

const columns = 'id, title, profile_id, room_id, planned_start, planned_end, run_id, started_at, ended_at, created_at';

function toEvent(row: EventRow): LiveEvent {
  return {
    id: row.id,
    title: row.title,
    // The column allows NULL for events of older builds; '' finds no profile and so no limits.
    profileId: row.profile_id ?? '',
    roomId: row.room_id,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    runId: row.run_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    createdAt: row.created_at,
  };
}

/** Prepares the event statements once on `db`. */
export function createLiveEventsTable(db: Database.Database): LiveEventsTable {
  const listEvents = db.prepare<[], EventRow>(`SELECT ${columns} FROM events ORDER BY planned_start DESC, id DESC`);
  const getEvent = db.prepare<[number], EventRow>(`SELECT ${columns} FROM events WHERE id = ?`);
  const insertEvent = db.prepare<[EventInput & { now: number }], EventRow>(
    `INSERT INTO events (title, profile_id, room_id, planned_start, planned_end, run_id, created_at)
     VALUES (:title, :profileId, :roomId, :plannedStart, :plannedEnd, :runId, :now)
     RETURNING ${columns}`,
  );
  const setStarted = db.prepare<[{ id: number; at: number }]>('UPDATE events SET started_at = coalesce(started_at, :at), ended_at = NULL WHERE id = :id');
  const setEnded = db.prepare<[{ id: number; at: number }]>('UPDATE events SET ended_at = :at WHERE id = :id');
  const listOpen = db.prepare<[], EventRow>(`SELECT ${columns} FROM events WHERE started_at IS NOT NULL AND ended_at IS NULL ORDER BY id`);
  const deleteEvent = db.prepare<[number]>('DELETE FROM events WHERE id = ?');

  return {
    list: () => listEvents.all().map(toEvent),
    get: (id) => {
      const row = getEvent.get(id);
      return row && toEvent(row);
    },
    insert: (input, now) => {
      const row = insertEvent.get({ ...input, now });
      if (!row) throw new Error('INSERT … RETURNING returned no row.');
      return toEvent(row);
    },
    markStarted: (id, at) => void setStarted.run({ id, at }),
    markEnded: (id, at) => void setEnded.run({ id, at }),
    listMonitoring: () => listOpen.all().map(toEvent),
    remove: (id) => deleteEvent.run(id).changes > 0,
  };
}
