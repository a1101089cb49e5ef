import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessmentsTable, type AssessmentsTable } from '../../../electron/services/db/assessments';
import { openDatabase } from '../../../electron/services/db/database';
import { createRoomsTable } from '../../../electron/services/db/rooms';
import { roomInputSchema } from '../../../shared/rooms/room';
import { useTempFolder } from '../db/temp-files';
import { assessedRoom, assessmentOf, uid } from './fixtures';

describe('assessments table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let table: AssessmentsTable;
  let roomId: number;
  let roomUid: string;

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    table = createAssessmentsTable(db);
    const room = createRoomsTable(db).insert(roomInputSchema.parse({ name: 'Main Hall' }), 1);
    roomId = room.id;
    roomUid = room.uid;
  });

  it('stores an assessment whole and reads it back equal', () => {
    const assessment = assessmentOf(uid(1), assessedRoom(roomUid), 1_000, { roomId });
    table.insert(assessment, null);
    expect(table.get(uid(1))).toEqual(assessment);
    expect(table.get(uid(2))).toBeUndefined();
  });

  it('keeps an assessment without a run as run null', () => {
    table.insert(assessmentOf(uid(1), assessedRoom(roomUid), 1_000, { roomId, run: null }), null);
    expect(table.get(uid(1))?.run).toBeNull();
  });

  it('lists a room’s assessments newest first, and only its own', () => {
    for (const [n, at] of [[1, 1_000], [2, 3_000], [3, 2_000]] as const) table.insert(assessmentOf(uid(n), assessedRoom(roomUid), at, { roomId }), null);
    table.insert(assessmentOf(uid(9), assessedRoom(uid(500)), 9_000, { origin: 'imported' }), 5);

    expect(table.listForRoom(roomId).map((assessment) => assessment.uid)).toEqual([uid(2), uid(3), uid(1)]);
    expect(table.listForRoomUids([uid(500)]).map((assessment) => assessment.uid)).toEqual([uid(9)]);
    expect(table.listForRoomUids([roomUid, uid(500)])).toHaveLength(4);
  });

  it('finds what an import compares with: by assessment uid or by room uid', () => {
    table.insert(assessmentOf(uid(1), assessedRoom(roomUid), 1_000, { roomId }), null);
    table.insert(assessmentOf(uid(2), assessedRoom(uid(500)), 2_000, { origin: 'imported' }), 5);
    table.insert(assessmentOf(uid(3), assessedRoom(uid(600)), 3_000, { origin: 'imported' }), 5);

    expect(table.listMatching([uid(1)], [uid(600)]).map((assessment) => assessment.uid)).toEqual([uid(3), uid(1)]);
    expect(table.listMatching([], [])).toEqual([]);
  });

  it('gives the latest assessment of each room, local and imported', () => {
    table.insert(assessmentOf(uid(1), assessedRoom(roomUid), 1_000, { roomId }), null);
    table.insert(assessmentOf(uid(2), assessedRoom(roomUid), 4_000, { roomId }), null);
    table.insert(assessmentOf(uid(3), assessedRoom(uid(500), 'Remote Hall'), 2_000, { origin: 'imported' }), 5);
    table.insert(assessmentOf(uid(4), assessedRoom(uid(500), 'Remote Hall (old name)'), 1_500, { origin: 'imported' }), 5);

    const latest = table.latestPerRoom();
    expect(latest.map((head) => [head.uid, head.room.name, head.origin]).sort()).toEqual([
      [uid(2), 'Main Hall', 'local'],
      [uid(3), 'Remote Hall', 'imported'],
    ]);
    expect(latest.find((head) => head.uid === uid(2))?.result.overall).toBe(80);
  });
});
