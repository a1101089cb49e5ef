import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, openDatabase } from '../../../electron/services/db/database';
import { migration as initial } from '../../../electron/services/db/migrations/001-initial';
import { createRoomsTable } from '../../../electron/services/db/rooms';
import { roomInputSchema } from '../../../shared/rooms/room';
import { useTempFolder } from '../db/temp-files';

const hexUid = /^[0-9a-f]{32}$/;

function tableNames(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

describe('migration 002: room uids and room_assessments', () => {
  const temp = useTempFolder();

  /** A database as RoomReady 0.1 left it: schema 1 with three rooms, one with a device and a run. */
  function version1File(): string {
    const file = temp.path('roomready.sqlite');
    const db = openDatabase(file, [initial]);
    const insert = db.prepare("INSERT INTO rooms (name, name_key, created_at, updated_at) VALUES (?, lower(?), 1, 1)");
    for (const name of ['Main Hall', 'Annex', 'Зал заседаний']) insert.run(name, name);
    db.prepare("INSERT INTO preflight_runs (room_id, started_at, status, source) VALUES (1, 5, 'pass', 'app')").run();
    db.close();
    return file;
  }

  it('gives every existing room its own uid, keeps its data and backs the file up first', () => {
    const file = version1File();
    const db = temp.track(openDatabase(file));

    const rows = db.prepare('SELECT id, name, uid FROM rooms ORDER BY id').all() as { id: number; name: string; uid: string }[];
    expect(rows.map((row) => row.name)).toEqual(['Main Hall', 'Annex', 'Зал заседаний']);
    for (const row of rows) expect(row.uid).toMatch(hexUid);
    expect(new Set(rows.map((row) => row.uid)).size).toBe(3);
    expect(db.prepare('SELECT count(*) FROM preflight_runs WHERE room_id = 1').pluck().get()).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(existsSync(`${file}.v1.bak`)).toBe(true);
    // The rooms table's own code reads the backfilled uids.
    expect(createRoomsTable(db).get(1)?.uid).toBe(rows[0]?.uid);
  });

  it('replaces the unused assessments table with a STRICT room_assessments indexed by room and time', () => {
    const db = temp.track(openDatabase(version1File()));

    expect(tableNames(db)).toContain('room_assessments');
    expect(tableNames(db)).not.toContain('assessments');
    const strict = (db.pragma('table_list') as { name: string; strict: number }[]).find((table) => table.name === 'room_assessments');
    expect(strict?.strict).toBe(1);
    const indexColumns = (index: string) => (db.pragma(`index_info(${index})`) as { name: string }[]).map((column) => column.name);
    expect(indexColumns('room_assessments_by_room')).toEqual(['room_uid', 'assessed_at']);
    expect(indexColumns('rooms_by_uid')).toEqual(['uid']);
  });

  it('refuses a second room with the same uid, and a uid that is not 32 lowercase hex digits', () => {
    const db = temp.track(openDatabase(temp.path('fresh.sqlite')));
    const rooms = createRoomsTable(db);
    const room = rooms.insert(roomInputSchema.parse({ name: 'Main Hall' }), 1);
    const insert = db.prepare("INSERT INTO rooms (uid, name, name_key, created_at, updated_at) VALUES (?, ?, ?, 1, 1)");

    expect(() => insert.run(room.uid, 'Other', 'other')).toThrow(/UNIQUE constraint failed: rooms.uid/);
    expect(() => insert.run('ABCDEF0123456789ABCDEF0123456789', 'Upper', 'upper')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('abc', 'Short', 'short')).toThrow(/CHECK constraint failed/);
  });

  it('checks room_assessments rows: JSON columns, origin, and imported_at exactly for imported ones', () => {
    const db = temp.track(openDatabase(temp.path('fresh.sqlite')));
    const insert = db.prepare(
      `INSERT INTO room_assessments (uid, room_uid, room, assessed_at, answers, run, result, origin, imported_at)
       VALUES (:uid, :roomUid, :room, 1, :answers, :run, :result, :origin, :importedAt)`,
    );
    const row = { uid: 'a'.repeat(32), roomUid: 'b'.repeat(32), room: '{}', answers: '{}', run: null, result: '{}', origin: 'local', importedAt: null };

    insert.run(row);
    expect(() => insert.run({ ...row, uid: 'c'.repeat(32), answers: '{not json' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...row, uid: 'c'.repeat(32), run: '[' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...row, uid: 'c'.repeat(32), origin: 'copied' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...row, uid: 'c'.repeat(32), origin: 'imported' })).toThrow(/CHECK constraint failed/);
    expect(() => insert.run({ ...row, uid: 'c'.repeat(32), importedAt: 5 })).toThrow(/CHECK constraint failed/);
    insert.run({ ...row, uid: 'c'.repeat(32), origin: 'imported', importedAt: 5 });
    expect(() => insert.run(row)).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
    expect(db.prepare('SELECT count(*) FROM room_assessments').pluck().get()).toBe(2);
  });

  it('keeps a deleted room’s assessments, with the room reference cleared', () => {
    const db = temp.track(openDatabase(temp.path('fresh.sqlite')));
    const rooms = createRoomsTable(db);
    const room = rooms.insert(roomInputSchema.parse({ name: 'Main Hall' }), 1);
    db.prepare(
      `INSERT INTO room_assessments (uid, room_uid, room_id, room, assessed_at, answers, result, origin)
       VALUES (?, ?, ?, '{}', 1, '{}', '{}', 'local')`,
    ).run('a'.repeat(32), room.uid, room.id);

    rooms.remove(room.id);

    expect(db.prepare('SELECT room_id, room_uid FROM room_assessments').get()).toEqual({ room_id: null, room_uid: room.uid });
  });
});
