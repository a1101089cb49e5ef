import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createRoomDevicesTable, type RoomDevicesTable } from '../../../electron/services/db/room-devices';
import { createRoomsTable, type RoomsTable } from '../../../electron/services/db/rooms';
import { roomInputSchema } from '../../../shared/rooms/room';
import { useTempFolder } from './temp-files';

const camera = { kind: 'videoinput', deviceKey: 'Logitech BRIO', label: 'Logitech BRIO' } as const;
const microphone = { kind: 'audioinput', deviceKey: 'Jabra Speak 510', label: 'Jabra Speak 510' } as const;
const speaker = { kind: 'audiooutput', deviceKey: 'Jabra Speak 510', label: 'Jabra Speak 510' } as const;

describe('room devices table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let devices: RoomDevicesTable;
  let rooms: RoomsTable;
  let roomId: number;

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    devices = createRoomDevicesTable(db);
    rooms = createRoomsTable(db);
    roomId = rooms.insert(roomInputSchema.parse({ name: 'Main Hall' }), 1).id;
  });

  it('has no devices for a room never checked', () => {
    expect(devices.list(roomId)).toEqual([]);
  });

  it('records a first sighting as both first and last seen', () => {
    devices.recordSeen(roomId, [camera], 1_000);
    expect(devices.list(roomId)).toEqual([{ ...camera, firstSeenAt: 1_000, lastSeenAt: 1_000 }]);
  });

  it('keeps the first sighting and moves the last one and the label on a later sighting', () => {
    devices.recordSeen(roomId, [camera], 1_000);
    devices.recordSeen(roomId, [{ ...camera, label: 'Logitech BRIO 4K' }], 5_000);

    expect(devices.list(roomId)).toEqual([{ ...camera, label: 'Logitech BRIO 4K', firstSeenAt: 1_000, lastSeenAt: 5_000 }]);
  });

  it('keeps a microphone and a speaker with the same key apart', () => {
    devices.recordSeen(roomId, [microphone, speaker], 1_000);
    expect(devices.list(roomId).map((d) => d.kind).sort()).toEqual(['audioinput', 'audiooutput']);
  });

  it('lists the most recently seen devices first, then by kind and label', () => {
    const documentCamera = { kind: 'videoinput', deviceKey: 'id:abc', label: 'Document camera' } as const;
    const ceilingSpeaker = { kind: 'audiooutput', deviceKey: 'Yamaha ceiling speaker', label: 'Yamaha ceiling speaker' } as const;
    devices.recordSeen(roomId, [camera, microphone, ceilingSpeaker, documentCamera], 1_000);
    devices.recordSeen(roomId, [camera], 3_000);

    expect(devices.list(roomId).map((d) => [d.kind, d.label, d.lastSeenAt])).toEqual([
      ['videoinput', 'Logitech BRIO', 3_000],
      ['audioinput', 'Jabra Speak 510', 1_000],
      ['audiooutput', 'Yamaha ceiling speaker', 1_000],
      ['videoinput', 'Document camera', 1_000],
    ]);
  });

  it('keeps each room’s devices separate', () => {
    const annexId = rooms.insert(roomInputSchema.parse({ name: 'Annex' }), 1).id;
    devices.recordSeen(roomId, [camera], 1_000);
    devices.recordSeen(annexId, [camera], 7_000);

    expect(devices.list(roomId)).toEqual([{ ...camera, firstSeenAt: 1_000, lastSeenAt: 1_000 }]);
    expect(devices.list(annexId)).toEqual([{ ...camera, firstSeenAt: 7_000, lastSeenAt: 7_000 }]);
  });

  it('records nothing when one device of the batch cannot be stored', () => {
    const unknownKind = { kind: 'screen' as never, deviceKey: 'x', label: 'Screen' };
    expect(() => devices.recordSeen(roomId, [camera, unknownKind], 1_000)).toThrow(/CHECK constraint failed/);
    expect(devices.list(roomId)).toEqual([]);
  });

  it('refuses devices for a room that does not exist', () => {
    expect(() => devices.recordSeen(roomId + 1, [camera], 1_000)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('forgets a room’s devices when the room is deleted', () => {
    const annexId = rooms.insert(roomInputSchema.parse({ name: 'Annex' }), 1).id;
    devices.recordSeen(roomId, [camera, microphone], 1_000);
    devices.recordSeen(annexId, [speaker], 1_000);

    rooms.remove(roomId);

    expect(devices.list(roomId)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM room_devices').pluck().get()).toBe(1);
    expect(devices.list(annexId)).toEqual([{ ...speaker, firstSeenAt: 1_000, lastSeenAt: 1_000 }]);
  });
});
