import Database from 'better-sqlite3';
import { ApiFailure } from '../../../shared/api/result';
import type { Room, RoomInput } from '../../../shared/rooms/room';

/** Stored rooms. Times are ms since the epoch, passed in so callers and tests control them. */
export interface RoomsTable {
  /** Every room, by name (case-insensitive). */
  list(): Room[];
  get(id: number): Room | undefined;
  /** The local room with this uid (see shared/assessment bundles), if there is one. */
  getByUid(uid: string): Room | undefined;
  /** Throws ApiFailure('conflict') if another room has the same name in any letter case. */
  insert(input: RoomInput, now: number): Room;
  /** Throws ApiFailure('not_found') if the room is gone, ApiFailure('conflict') on a taken name. */
  update(id: number, input: RoomInput, now: number): Room;
  /** Deletes the room and everything recorded only for it; false if it did not exist. */
  remove(id: number): boolean;
}

interface RoomRow {
  id: number;
  uid: string;
  name: string;
  organisation: string;
  country: string;
  city: string;
  capacity: number | null;
  notes: string;
  created_at: number;
  updated_at: number;
}

const columns = 'id, uid, name, organisation, country, city, capacity, notes, created_at, updated_at';

/** The case-insensitive form of a room name that must be unique (see the rooms table). */
function roomNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Prepares the rooms statements once on `db`. */
export function createRoomsTable(db: Database.Database): RoomsTable {
  const listRooms = db.prepare<[], RoomRow>(`SELECT ${columns} FROM rooms ORDER BY name_key, id`);
  const getRoom = db.prepare<[number], RoomRow>(`SELECT ${columns} FROM rooms WHERE id = ?`);
  const insertRoom = db.prepare<[RoomParams & { now: number }], RoomRow>(
    `INSERT INTO rooms (uid, name, name_key, organisation, country, city, capacity, notes, created_at, updated_at)
     VALUES (lower(hex(randomblob(16))), :name, :nameKey, :organisation, :country, :city, :capacity, :notes, :now, :now)
     RETURNING ${columns}`,
  );
  const updateRoom = db.prepare<[RoomParams & { id: number; now: number }], RoomRow>(
    `UPDATE rooms
     SET name = :name, name_key = :nameKey, organisation = :organisation, country = :country,
         city = :city, capacity = :capacity, notes = :notes, updated_at = :now
     WHERE id = :id
     RETURNING ${columns}`,
  );
  const getRoomByUid = db.prepare<[string], RoomRow>(`SELECT ${columns} FROM rooms WHERE uid = ?`);
  const deleteRoom = db.prepare<[number]>('DELETE FROM rooms WHERE id = ?');

  return {
    list: () => listRooms.all().map(toRoom),
    get: (id) => {
      const row = getRoom.get(id);
      return row && toRoom(row);
    },
    getByUid: (uid) => {
      const row = getRoomByUid.get(uid);
      return row && toRoom(row);
    },
    insert: (input, now) => {
      const row = withNameCheck(input, () => insertRoom.get({ ...toParams(input), now }));
      if (!row) throw new Error('INSERT … RETURNING returned no row.');
      return toRoom(row);
    },
    update: (id, input, now) => {
      const row = withNameCheck(input, () => updateRoom.get({ ...toParams(input), id, now }));
      if (!row) {
        throw new ApiFailure('not_found', `Room ${id} does not exist. It may have been deleted; reload the list.`);
      }
      return toRoom(row);
    },
    remove: (id) => deleteRoom.run(id).changes > 0,
  };
}

interface RoomParams {
  name: string;
  nameKey: string;
  organisation: string;
  country: string;
  city: string;
  capacity: number | null;
  notes: string;
}

function toParams(input: RoomInput): RoomParams {
  return {
    name: input.name,
    nameKey: roomNameKey(input.name),
    organisation: input.organisation,
    country: input.country,
    city: input.city,
    capacity: input.capacity,
    notes: input.notes,
  };
}

function toRoom(row: RoomRow): Room {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    organisation: row.organisation,
    country: row.country,
    city: row.city,
    capacity: row.capacity,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// The only UNIQUE constraint on rooms besides the primary key and the generated uid is the name.
function withNameCheck<T>(input: RoomInput, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ApiFailure('conflict', `A room named "${input.name}" already exists. Choose another name.`, [
        { path: 'name', message: 'validation.nameTaken' },
      ]);
    }
    throw error;
  }
}
