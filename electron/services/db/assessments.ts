import type Database from 'better-sqlite3';
import type { AssessedRoom, Assessment, AssessmentAnswers, AssessmentResult } from '../../../shared/assessment/assessment';
import type { PreflightRun } from '../../../shared/preflight/run';

/** An assessment without the answers and the run: what the comparison of rooms needs. */
export type AssessmentHead = Omit<Assessment, 'answers' | 'run'>;

/** Stored assessments, local and imported. JSON columns are written only from validated values. */
export interface AssessmentsTable {
  /** Stores one assessment; `importedAt` is null for the machine's own. */
  insert(assessment: Assessment, importedAt: number | null): void;
  get(uid: string): Assessment | undefined;
  /** A local room's assessments, newest first. */
  listForRoom(roomId: number): Assessment[];
  /** Every assessment of the rooms with these uids, newest first (what a bundle of them holds). */
  listForRoomUids(roomUids: readonly string[]): Assessment[];
  /** Assessments with one of these uids or of one of these rooms: all an import must compare with. */
  listMatching(uids: readonly string[], roomUids: readonly string[]): Assessment[];
  /** The latest assessment of every room uid, local and imported. */
  latestPerRoom(): AssessmentHead[];
}

interface AssessmentRow {
  uid: string;
  room_id: number | null;
  room: string;
  assessed_at: number;
  assessor: string;
  answers: string;
  run: string | null;
  result: string;
  origin: Assessment['origin'];
}

const columns = 'uid, room_id, room, assessed_at, assessor, answers, run, result, origin';
const newestFirst = 'ORDER BY assessed_at DESC, uid DESC';

/** Prepares the assessment statements once on `db`. */
export function createAssessmentsTable(db: Database.Database): AssessmentsTable {
  const insertAssessment = db.prepare<
    [{ uid: string; roomUid: string; roomId: number | null; room: string; assessedAt: number; assessor: string; answers: string; run: string | null; result: string; origin: string; importedAt: number | null }]
  >(
    `INSERT INTO room_assessments (uid, room_uid, room_id, room, assessed_at, assessor, answers, run, result, origin, imported_at)
     VALUES (:uid, :roomUid, :roomId, :room, :assessedAt, :assessor, :answers, :run, :result, :origin, :importedAt)`,
  );
  const getAssessment = db.prepare<[string], AssessmentRow>(`SELECT ${columns} FROM room_assessments WHERE uid = ?`);
  const listForRoom = db.prepare<[number], AssessmentRow>(`SELECT ${columns} FROM room_assessments WHERE room_id = ? ${newestFirst}`);
  // Lists go in as one JSON parameter: a statement prepared once cannot take a varying number of `?`.
  const listForRoomUids = db.prepare<[string], AssessmentRow>(
    `SELECT ${columns} FROM room_assessments WHERE room_uid IN (SELECT value FROM json_each(?)) ${newestFirst}`,
  );
  const listMatching = db.prepare<[string, string], AssessmentRow>(
    `SELECT ${columns} FROM room_assessments
     WHERE uid IN (SELECT value FROM json_each(?)) OR room_uid IN (SELECT value FROM json_each(?)) ${newestFirst}`,
  );
  const latestPerRoom = db.prepare<[], Omit<AssessmentRow, 'answers' | 'run'>>(
    `SELECT uid, room_id, room, assessed_at, assessor, result, origin FROM (
       SELECT *, row_number() OVER (PARTITION BY room_uid ORDER BY assessed_at DESC, uid DESC) AS rank FROM room_assessments
     ) WHERE rank = 1 ORDER BY room_uid`,
  );

  return {
    insert: (assessment, importedAt) => {
      insertAssessment.run({
        uid: assessment.uid,
        roomUid: assessment.room.uid,
        roomId: assessment.roomId,
        room: JSON.stringify(assessment.room),
        assessedAt: assessment.assessedAt,
        assessor: assessment.assessor,
        answers: JSON.stringify(assessment.answers),
        run: assessment.run === null ? null : JSON.stringify(assessment.run),
        result: JSON.stringify(assessment.result),
        origin: assessment.origin,
        importedAt,
      });
    },
    get: (uid) => {
      const row = getAssessment.get(uid);
      return row && toAssessment(row);
    },
    listForRoom: (roomId) => listForRoom.all(roomId).map(toAssessment),
    listForRoomUids: (roomUids) => listForRoomUids.all(JSON.stringify(roomUids)).map(toAssessment),
    listMatching: (uids, roomUids) => listMatching.all(JSON.stringify(uids), JSON.stringify(roomUids)).map(toAssessment),
    latestPerRoom: () => latestPerRoom.all().map(toAssessmentHead),
  };
}

function toAssessmentHead(row: Omit<AssessmentRow, 'answers' | 'run'>): AssessmentHead {
  return {
    uid: row.uid,
    roomId: row.room_id,
    room: JSON.parse(row.room) as AssessedRoom,
    assessedAt: row.assessed_at,
    assessor: row.assessor,
    result: JSON.parse(row.result) as AssessmentResult,
    origin: row.origin,
  };
}

function toAssessment(row: AssessmentRow): Assessment {
  return {
    ...toAssessmentHead(row),
    answers: JSON.parse(row.answers) as AssessmentAnswers,
    run: row.run === null ? null : (JSON.parse(row.run) as PreflightRun),
  };
}
