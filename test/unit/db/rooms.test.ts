import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createRoomsTable, type RoomsTable } from '../../../electron/services/db/rooms';
import { ApiFailure } from '../../../shared/api/result';
import { roomInputSchema, type RoomInput } from '../../../shared/rooms/room';
import { useTempFolder } from './temp-files';

const input = (fields: Partial<RoomInput> & { name: string }): RoomInput => roomInputSchema.parse(fields);

function failureOf(action: () => unknown): ApiFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('Expected an ApiFailure.');
}

function count(db: Database.Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('rooms table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let rooms: RoomsTable;

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    rooms = createRoomsTable(db);
  });

  it('inserts a room and reads it back', () => {
    const room = rooms.insert(
      input({ name: 'Main Hall', organisation: 'CAREC Institute', country: 'KZ', city: 'Almaty', capacity: 40, notes: 'PTZ camera' }),
      1_000,
    );

    expect(room).toEqual({
      id: expect.any(Number),
      uid: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Main Hall',
      organisation: 'CAREC Institute',
      country: 'KZ',
      city: 'Almaty',
      capacity: 40,
      notes: 'PTZ camera',
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(rooms.get(room.id)).toEqual(room);
    expect(rooms.get(room.id + 1)).toBeUndefined();
    expect(rooms.getByUid(room.uid)).toEqual(room);
    expect(rooms.getByUid('0'.repeat(32))).toBeUndefined();
  });

  it('gives every new room its own uid, kept when the room is renamed', () => {
    const first = rooms.insert(input({ name: 'Main Hall' }), 1);
    const second = rooms.insert(input({ name: 'Annex' }), 1);
    expect(first.uid).not.toBe(second.uid);
    expect(rooms.update(first.id, input({ name: 'Great Hall' }), 2).uid).toBe(first.uid);
  });

  it('keeps an unknown capacity as null', () => {
    const room = rooms.insert(input({ name: 'Annex' }), 1);
    expect(rooms.get(room.id)?.capacity).toBeNull();
  });

  it('lists rooms by name regardless of letter case, Latin and Cyrillic', () => {
    for (const name of ['Beta', 'alpha', 'Charlie', 'Вега', 'альфа']) rooms.insert(input({ name }), 1);
    expect(rooms.list().map((room) => room.name)).toEqual(['alpha', 'Beta', 'Charlie', 'альфа', 'Вега']);
  });

  it('refuses a second room with the same name in another letter case', () => {
    rooms.insert(input({ name: 'Main Hall' }), 1);

    const failure = failureOf(() => rooms.insert(input({ name: 'MAIN hall' }), 2));

    expect(failure.code).toBe('conflict');
    expect(failure.message).toBe('A room named "MAIN hall" already exists. Choose another name.');
    expect(failure.issues).toEqual([{ path: 'name', message: 'validation.nameTaken' }]);
    expect(rooms.list()).toHaveLength(1);
  });

  it('compares Cyrillic names without letter case too', () => {
    rooms.insert(input({ name: 'Зал заседаний' }), 1);
    expect(failureOf(() => rooms.insert(input({ name: 'ЗАЛ ЗАСЕДАНИЙ' }), 2)).code).toBe('conflict');
  });

  it('updates a room, keeping createdAt and moving updatedAt', () => {
    const room = rooms.insert(input({ name: 'Main Hall', capacity: 40 }), 1_000);

    const updated = rooms.update(room.id, input({ name: 'Main hall', city: 'Tashkent', capacity: 60 }), 2_000);

    expect(updated).toEqual({ ...room, name: 'Main hall', city: 'Tashkent', capacity: 60, createdAt: 1_000, updatedAt: 2_000 });
    expect(rooms.get(room.id)).toEqual(updated);
  });

  it('refuses to rename a room to another room’s name', () => {
    rooms.insert(input({ name: 'Main Hall' }), 1);
    const annex = rooms.insert(input({ name: 'Annex' }), 1);

    const failure = failureOf(() => rooms.update(annex.id, input({ name: 'main hall' }), 2));

    expect(failure.code).toBe('conflict');
    expect(failure.issues).toEqual([{ path: 'name', message: 'validation.nameTaken' }]);
    expect(rooms.get(annex.id)?.name).toBe('Annex');
  });

  it('reports an update of a deleted room as not found', () => {
    const room = rooms.insert(input({ name: 'Main Hall' }), 1);
    rooms.remove(room.id);

    expect(failureOf(() => rooms.update(room.id, input({ name: 'Main Hall' }), 2)).code).toBe('not_found');
  });

  it('removes a room once', () => {
    const room = rooms.insert(input({ name: 'Main Hall' }), 1);

    expect(rooms.remove(room.id)).toBe(true);
    expect(rooms.get(room.id)).toBeUndefined();
    expect(rooms.remove(room.id)).toBe(false);
  });

  it('removes what was recorded only for a room, and unlinks its events', () => {
    const room = rooms.insert(input({ name: 'Main Hall' }), 1);
    const other = rooms.insert(input({ name: 'Annex' }), 1);
    for (const roomId of [room.id, other.id]) {
      db.prepare(
        `INSERT INTO room_devices (room_id, kind, device_key, label, first_seen_at, last_seen_at)
         VALUES (?, 'videoinput', 'cam-1', 'USB camera', 1, 1)`,
      ).run(roomId);
      const run = db
        .prepare(`INSERT INTO preflight_runs (room_id, started_at, status, source) VALUES (?, 1, 'pass', 'app')`)
        .run(roomId);
      db.prepare(`INSERT INTO check_results (run_id, component, check_key, status) VALUES (?, 'camera', 'camera:1', 'pass')`).run(
        run.lastInsertRowid,
      );
    }
    db.prepare(`INSERT INTO events (room_id, title, planned_start, planned_end, created_at) VALUES (?, 'Seminar', 1, 2, 1)`).run(
      room.id,
    );

    rooms.remove(room.id);

    expect(count(db, 'room_devices')).toBe(1);
    expect(count(db, 'preflight_runs')).toBe(1);
    expect(count(db, 'check_results')).toBe(1);
    expect(db.prepare('SELECT room_id FROM events').pluck().all()).toEqual([null]);
  });
});
