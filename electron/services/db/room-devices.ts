import type Database from 'better-sqlite3';
import type { DeviceKind, RoomDevice } from '../../../shared/devices/inventory';

/** The devices each room has been seen with. */
export interface RoomDevicesTable {
  /** Records devices seen now (first sighting or a newer last sighting), in one transaction. */
  recordSeen(roomId: number, devices: readonly { kind: DeviceKind; deviceKey: string; label: string }[], now: number): void;
  /** Every device the room has had, most recently seen first. */
  list(roomId: number): RoomDevice[];
}

interface RoomDeviceRow {
  kind: DeviceKind;
  device_key: string;
  label: string;
  first_seen_at: number;
  last_seen_at: number;
}

/** Prepares the room_devices statements once on `db`. */
export function createRoomDevicesTable(db: Database.Database): RoomDevicesTable {
  const upsert = db.prepare<[{ roomId: number; kind: string; deviceKey: string; label: string; now: number }]>(
    `INSERT INTO room_devices (room_id, kind, device_key, label, first_seen_at, last_seen_at)
     VALUES (:roomId, :kind, :deviceKey, :label, :now, :now)
     ON CONFLICT (room_id, kind, device_key) DO UPDATE SET label = excluded.label, last_seen_at = max(last_seen_at, excluded.last_seen_at)`,
  );
  const list = db.prepare<[number], RoomDeviceRow>(
    `SELECT kind, device_key, label, first_seen_at, last_seen_at FROM room_devices
     WHERE room_id = ? ORDER BY last_seen_at DESC, kind, label`,
  );
  const recordAll = db.transaction((roomId: number, devices: readonly { kind: DeviceKind; deviceKey: string; label: string }[], now: number) => {
    for (const device of devices) upsert.run({ roomId, ...device, now });
  });
  return {
    recordSeen: (roomId, devices, now) => recordAll(roomId, devices, now),
    list: (roomId) =>
      list.all(roomId).map((row) => ({
        kind: row.kind,
        deviceKey: row.device_key,
        label: row.label,
        firstSeenAt: row.first_seen_at,
        lastSeenAt: row.last_seen_at,
      })),
  };
}
