import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Check } from '../../../shared/preflight/check';
import { captureFailed, speakerPlayed } from '../../../shared/preflight/device-verdicts';
import { builtInProfiles } from '../../../shared/profiles/profile';
import { useMachine, valueOfCall } from '../support/handler-harness';

let roomId: number;

// Registered before the machine opens, so the services start at the fixed time too.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000);
});

const machine = useMachine({ folderPrefix: 'roomready-preflight-handlers-' });
const { call, events, crashes } = machine;

const microphoneCheck: Check = {
  id: 'microphone:Desk microphone',
  kind: 'microphone',
  deviceLabel: 'Desk microphone',
  status: 'warn',
  summary: { key: 'checks.microphone.noisy', values: { noise: -45.5 } },
  metrics: { noiseFloorDbfs: -45.5, speechDbfs: -20, snrDb: 25.5, clippingRatio: 0, silent: false },
  advice: [{ key: 'advice.microphone.noisy' }],
};

const goodRun = () => ({
  roomId,
  profileId: 'webinar',
  source: 'app',
  startedAt: 1_700_000_000_000,
  finishedAt: 1_700_000_030_000,
  verdict: 'fail',
  checks: [microphoneCheck, speakerPlayed('speaker:Room', 'Room speaker', true), captureFailed('camera:Room', 'camera', 'Room camera', 'device-busy')],
});

beforeEach(async () => {
  roomId = (await valueOfCall<{ id: number }>(call('rooms:create', { name: 'Main Hall' }))).id;
  events.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('device requests', () => {
  const camera = { kind: 'videoinput', deviceKey: 'Logitech BRIO', label: 'Logitech BRIO' };
  const microphone = { kind: 'audioinput', deviceKey: 'Jabra Speak 510', label: 'Jabra Speak 510' };

  it('record the devices seen now and return the room’s whole history', async () => {
    expect(await call('devices:record', { roomId, devices: [camera, microphone] })).toEqual({
      ok: true,
      value: [
        { ...microphone, firstSeenAt: 1_000_000, lastSeenAt: 1_000_000 },
        { ...camera, firstSeenAt: 1_000_000, lastSeenAt: 1_000_000 },
      ],
    });

    vi.setSystemTime(2_000_000);
    await valueOfCall(call('devices:record', { roomId, devices: [camera] }));

    expect(await call('devices:history', { roomId })).toEqual({
      ok: true,
      value: [
        { ...camera, firstSeenAt: 1_000_000, lastSeenAt: 2_000_000 },
        { ...microphone, firstSeenAt: 1_000_000, lastSeenAt: 1_000_000 },
      ],
    });
    expect(crashes).toEqual([]);
  });

  it('answer not_found for a room that does not exist', async () => {
    expect(await call('devices:record', { roomId: roomId + 1, devices: [camera] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('devices:history', { roomId: roomId + 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('devices:history', { roomId })).toEqual({ ok: true, value: [] });
  });

  it('refuse a device of an unknown kind or without a key', async () => {
    expect(await call('devices:record', { roomId, devices: [{ ...camera, kind: 'screen' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'devices.0.kind' }] },
    });
    expect(await call('devices:record', { roomId, devices: [{ ...camera, deviceKey: '' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'devices.0.deviceKey' }] },
    });
    expect(await call('devices:history', { roomId })).toEqual({ ok: true, value: [] });
  });
});

describe('profiles:list', () => {
  it('returns the built-in profiles, none edited, on a fresh database', async () => {
    expect(await call('profiles:list')).toEqual({ ok: true, value: builtInProfiles.map((profile) => ({ profile, builtIn: true, modified: false })) });
  });
});

describe('preflight requests', () => {
  it('save a run, announce it and list it for the room', async () => {
    const saved = await valueOfCall<{ id: number; roomId: number }>(call('preflight:save', goodRun()));

    expect(saved).toEqual({ ...goodRun(), readiness: [], id: expect.any(Number) });
    expect(events).toEqual([['preflight:saved', { id: saved.id, roomId }]]);
    expect(await call('preflight:list', { roomId })).toEqual({ ok: true, value: [saved] });
    expect(crashes).toEqual([]);
  });

  it('list the newest runs first, up to the limit asked for', async () => {
    const older = await valueOfCall<{ id: number }>(call('preflight:save', goodRun()));
    const newer = await valueOfCall<{ id: number }>(call('preflight:save', { ...goodRun(), startedAt: 1_800_000_000_000, finishedAt: 1_800_000_000_001 }));

    expect((await valueOfCall<{ id: number }[]>(call('preflight:list', { roomId }))).map((run) => run.id)).toEqual([newer.id, older.id]);
    expect((await valueOfCall<{ id: number }[]>(call('preflight:list', { roomId, limit: 1 }))).map((run) => run.id)).toEqual([newer.id]);
  });

  it('accept a run judged by a user profile', async () => {
    const [webinar] = builtInProfiles.filter((profile) => profile.id === 'webinar');
    await valueOfCall(call('profiles:save', { profile: { ...webinar, id: 'town-hall', name: { en: 'Town hall', ru: 'Общее собрание' } } }));
    const saved = await valueOfCall<{ profileId: string }>(call('preflight:save', { ...goodRun(), profileId: 'town-hall' }));
    expect(saved.profileId).toBe('town-hall');
  });

  it('answer not_found for an unknown profile and save nothing', async () => {
    const result = await call('preflight:save', { ...goodRun(), profileId: 'town-hall' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no requirement profile "town-hall".' } });
    await expectNothingSaved();
  });

  it('answer not_found for an unknown room', async () => {
    expect(await call('preflight:save', { ...goodRun(), roomId: roomId + 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('preflight:list', { roomId: roomId + 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expectNothingSaved();
  });

  it('refuse a check of an unknown kind', async () => {
    const run = { ...goodRun(), checks: [microphoneCheck, { ...microphoneCheck, kind: 'bandwidth' }] };
    expect(await call('preflight:save', run)).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'checks.1.kind', message: 'validation.invalid' }] },
    });
    await expectNothingSaved();
  });

  it('refuse a run that finished before it started', async () => {
    const run = { ...goodRun(), startedAt: 2_000, finishedAt: 1_999 };
    expect(await call('preflight:save', run)).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'The arguments for preflight:save are not valid.',
        issues: [{ path: 'finishedAt', message: 'validation.invalid' }],
      },
    });
    await expectNothingSaved();
  });

  it('accept a run that finished the moment it started', async () => {
    expect(await call('preflight:save', { ...goodRun(), startedAt: 2_000, finishedAt: 2_000 })).toMatchObject({ ok: true });
  });

  it('refuse a list limit out of range', async () => {
    expect(await call('preflight:list', { roomId, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call('preflight:list', { roomId, limit: 101 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('forget a room’s runs when the room is deleted', async () => {
    await valueOfCall(call('preflight:save', goodRun()));
    await valueOfCall(call('rooms:delete', { id: roomId }));
    expect(machine.services.db.prepare('SELECT count(*) FROM preflight_runs').pluck().get()).toBe(0);
  });
});

async function expectNothingSaved() {
  expect(events).toEqual([]);
  expect(crashes).toEqual([]);
  expect(await call('preflight:list', { roomId })).toEqual({ ok: true, value: [] });
}
