import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createPreflightRunsTable, type PreflightRunsTable } from '../../../electron/services/db/preflight-runs';
import { createRoomsTable, type RoomsTable } from '../../../electron/services/db/rooms';
import type { Check } from '../../../shared/preflight/check';
import type { PreflightRunInput } from '../../../shared/preflight/run';
import { roomInputSchema } from '../../../shared/rooms/room';
import { useTempFolder } from './temp-files';

function count(db: Database.Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

const cameraCheck: Check = {
  id: 'camera:Room camera',
  kind: 'camera',
  deviceLabel: 'Room camera',
  status: 'warn',
  summary: { key: 'checks.camera.lowResolution', values: { height: 360, needed: 720 } },
  metrics: { width: 640, height: 360, fps: 29.97, blackFrameRatio: 0, resolutions: '360p 240p', note: null },
  advice: [{ key: 'advice.camera.lowResolution' }, { key: 'advice.camera.dark' }],
};

const microphoneCheck: Check = {
  id: 'microphone:Желтый микрофон',
  kind: 'microphone',
  deviceLabel: 'Желтый микрофон «USB»',
  status: 'pass',
  summary: { key: 'checks.microphone.ok', values: { speech: -20.5, snr: 38.2 } },
  metrics: { rmsDbfs: -26.125, peakDbfs: -6, clippingRatio: 0.000125, silent: false },
  advice: [],
};

describe('preflight runs table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let runs: PreflightRunsTable;
  let rooms: RoomsTable;
  let roomId: number;

  const run = (fields: Partial<PreflightRunInput> = {}): PreflightRunInput => ({
    roomId,
    profileId: 'webinar',
    source: 'app',
    startedAt: 10_000,
    finishedAt: 12_500,
    verdict: 'warn',
    checks: [cameraCheck, microphoneCheck],
    readiness: [],
    ...fields,
  });

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    runs = createPreflightRunsTable(db);
    rooms = createRoomsTable(db);
    roomId = rooms.insert(roomInputSchema.parse({ name: 'Main Hall' }), 1).id;
  });

  it('saves a run with its checks and reads them back exactly', () => {
    const saved = runs.insert(run());

    expect(saved).toEqual({ ...run(), id: expect.any(Number) });
    expect(runs.listForRoom(roomId, 10)).toEqual([saved]);
    expect(count(db, 'check_results')).toBe(2);
  });

  it('keeps the readiness per event type judged when the run was made', () => {
    const readiness = [
      { profile: 'web-meeting', status: 'pass' as const, reasons: [{ key: 'readiness.pass', values: { sendHeight: 360 } }], advice: [] },
      { profile: 'webinar', status: 'fail' as const, reasons: [{ key: 'checks.network.lowUpload', values: { upload: 1.2, needed: 2.6 } }], advice: [{ key: 'advice.network.lowUpload', values: { fallback: 360 } }] },
    ];
    const saved = runs.insert(run({ readiness }));
    expect(runs.listForRoom(roomId, 1)[0]?.readiness).toEqual(readiness);
    expect(saved.readiness).toEqual(readiness);
  });

  it('keeps the checks of a run in the order they were given', () => {
    const saved = runs.insert(run({ checks: [microphoneCheck, cameraCheck] }));
    expect(runs.listForRoom(roomId, 1)[0]?.checks.map((check) => check.id)).toEqual([microphoneCheck.id, cameraCheck.id]);
    expect(saved.checks.map((check) => check.id)).toEqual([microphoneCheck.id, cameraCheck.id]);
  });

  it('saves a run without checks', () => {
    const saved = runs.insert(run({ checks: [], verdict: 'pass', source: 'cli' }));
    expect(runs.listForRoom(roomId, 10)).toEqual([{ ...run({ checks: [], verdict: 'pass', source: 'cli' }), id: saved.id }]);
  });

  it('saves nothing when one of the checks cannot be stored', () => {
    const bogus = { ...microphoneCheck, status: 'bogus' as never };

    expect(() => runs.insert(run({ checks: [cameraCheck, bogus] }))).toThrow(/CHECK constraint failed/);

    expect(count(db, 'preflight_runs')).toBe(0);
    expect(count(db, 'check_results')).toBe(0);
    expect(runs.listForRoom(roomId, 10)).toEqual([]);
  });

  it('saves nothing for a room that does not exist', () => {
    expect(() => runs.insert(run({ roomId: roomId + 1 }))).toThrow(/FOREIGN KEY constraint failed/);
    expect(count(db, 'preflight_runs')).toBe(0);
  });

  it('lists a room’s runs newest first, up to the limit', () => {
    const first = runs.insert(run({ startedAt: 1_000, finishedAt: 2_000 }));
    const third = runs.insert(run({ startedAt: 5_000, finishedAt: 6_000 }));
    const second = runs.insert(run({ startedAt: 3_000, finishedAt: 4_000 }));

    expect(runs.listForRoom(roomId, 10).map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    expect(runs.listForRoom(roomId, 2).map((r) => r.id)).toEqual([third.id, second.id]);
    expect(runs.listForRoom(roomId, 1)).toEqual([third]);
  });

  it('lists the later saved of two runs that started at the same moment first', () => {
    const earlier = runs.insert(run({ startedAt: 1_000 }));
    const later = runs.insert(run({ startedAt: 1_000 }));
    expect(runs.listForRoom(roomId, 10).map((r) => r.id)).toEqual([later.id, earlier.id]);
  });

  it('lists only the room’s own runs', () => {
    const otherId = rooms.insert(roomInputSchema.parse({ name: 'Annex' }), 1).id;
    const mine = runs.insert(run());
    const theirs = runs.insert(run({ roomId: otherId, verdict: 'fail', checks: [microphoneCheck] }));

    expect(runs.listForRoom(roomId, 10)).toEqual([mine]);
    expect(runs.listForRoom(otherId, 10)).toEqual([theirs]);
  });

  it('leaves out runs that never finished', () => {
    const finished = runs.insert(run());
    db.prepare(`INSERT INTO preflight_runs (room_id, started_at, status, source) VALUES (?, 99999, 'running', 'app')`).run(roomId);
    expect(runs.listForRoom(roomId, 10)).toEqual([finished]);
  });

  it('removes the runs and their checks with the room', () => {
    runs.insert(run());
    rooms.remove(roomId);
    expect(count(db, 'preflight_runs')).toBe(0);
    expect(count(db, 'check_results')).toBe(0);
  });
});
