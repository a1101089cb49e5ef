import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtInProfiles, type Profile, type ProfileEntry } from '../../../shared/profiles/profile';
import { useMachine, valueOfCall } from '../support/handler-harness';


// Registered before the machine opens, so the services start at the fixed time too.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000);
});

const machine = useMachine({ folderPrefix: 'roomready-profile-handlers-' });
const { call, events, crashes } = machine;

const webinar = builtInProfiles[1]!;
const townHall: Profile = { ...webinar, id: 'town-hall', name: { en: 'Town hall', ru: 'Общее собрание' } };
const ids = async () => (await valueOfCall<ProfileEntry[]>(call('profiles:list'))).map((entry) => entry.profile.id);

afterEach(() => {
  vi.useRealTimers();
  expect(crashes).toEqual([]);
});

describe('profiles:save', () => {
  it('saves a user profile, announces it and lists it after the built-ins', async () => {
    expect(await call('profiles:save', { profile: townHall })).toEqual({ ok: true, value: { profile: townHall, builtIn: false, modified: false } });
    expect(events).toEqual([['profiles:changed', { ids: ['town-hall'] }]]);
    expect(await ids()).toEqual(['web-meeting', 'webinar', 'hybrid-seminar', 'multi-day-seminar', 'training', 'town-hall']);
    expect(machine.services.profiles.find('town-hall')).toEqual(townHall);
  });

  it('keeps an edit of a built-in as modified', async () => {
    const edited = { ...webinar, devices: { ...webinar.devices, camera: { ...webinar.devices.camera, minFps: { warn: 30, fail: 20 } } } };
    expect(await valueOfCall<ProfileEntry>(call('profiles:save', { profile: edited }))).toEqual({ profile: edited, builtIn: true, modified: true });
    expect(machine.services.profiles.find('webinar')?.devices.camera.minFps).toEqual({ warn: 30, fail: 20 });
  });

  it('refuses an invalid profile with the field at fault and announces nothing', async () => {
    const result = await call('profiles:save', { profile: { ...townHall, network: { ...townHall.network, maxJitterMs: { warn: 'x', fail: 60 } } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_argument', issues: [{ path: 'profile.network.maxJitterMs.warn' }] } });
    expect(events).toEqual([]);
  });
});

describe('profiles:duplicate', () => {
  it('copies a built-in under a new id and name', async () => {
    const entry = await valueOfCall<ProfileEntry>(call('profiles:duplicate', { id: 'webinar', newId: 'webinar-720', name: { en: 'Webinar 720', ru: 'Вебинар 720' } }));
    expect(entry).toEqual({ profile: { ...webinar, id: 'webinar-720', name: { en: 'Webinar 720', ru: 'Вебинар 720' } }, builtIn: false, modified: false });
    expect(events).toEqual([['profiles:changed', { ids: ['webinar-720'] }]]);
  });

  it('answers conflict when the new id is taken (by a built-in or a user profile)', async () => {
    await valueOfCall(call('profiles:save', { profile: townHall }));
    events.length = 0;
    for (const newId of ['training', 'town-hall']) {
      expect(await call('profiles:duplicate', { id: 'webinar', newId, name: townHall.name })).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: `A profile with the id "${newId}" already exists; choose another id for the copy.`,
          issues: [{ path: 'newId', message: 'profiles.errors.idTaken' }],
        },
      });
    }
    expect(events).toEqual([]);
    expect(machine.services.profiles.find('town-hall')).toEqual(townHall);
  });

  it('answers not_found for an unknown source', async () => {
    expect(await call('profiles:duplicate', { id: 'nope', newId: 'copy', name: townHall.name })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(events).toEqual([]);
  });
});

describe('profiles:remove', () => {
  it('deletes a user profile and resets an edited built-in', async () => {
    await valueOfCall(call('profiles:save', { profile: townHall }));
    await valueOfCall(call('profiles:save', { profile: { ...webinar, name: { en: 'Edited', ru: 'Изменён' } } }));
    events.length = 0;
    expect(await call('profiles:remove', { id: 'town-hall' })).toEqual({ ok: true, value: { id: 'town-hall' } });
    expect(await call('profiles:remove', { id: 'webinar' })).toEqual({ ok: true, value: { id: 'webinar' } });
    expect(events).toEqual([
      ['profiles:changed', { ids: ['town-hall'] }],
      ['profiles:changed', { ids: ['webinar'] }],
    ]);
    expect(await ids()).toEqual(builtInProfiles.map((profile) => profile.id));
    expect(machine.services.profiles.find('webinar')).toEqual(webinar);
  });

  it('answers not_found for a built-in without an edit, and for an unknown id', async () => {
    expect(await call('profiles:remove', { id: 'webinar' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: '"webinar" is a built-in profile as RoomReady ships it; there is no edit to reset.' },
    });
    expect(await call('profiles:remove', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(events).toEqual([]);
  });
});

describe('profiles:import', () => {
  it('saves every profile and announces them in one event', async () => {
    const second = { ...townHall, id: 'second', name: { en: 'Second', ru: 'Второй' } };
    const entries = await valueOfCall<ProfileEntry[]>(call('profiles:import', { profiles: [townHall, second, webinar] }));
    expect(entries.map((entry) => [entry.profile.id, entry.builtIn, entry.modified])).toEqual([
      ['town-hall', false, false],
      ['second', false, false],
      ['webinar', true, true],
    ]);
    expect(events).toEqual([['profiles:changed', { ids: ['town-hall', 'second', 'webinar'] }]]);
  });

  it('imports nothing when one profile is invalid or two share an id', async () => {
    const invalid = { ...townHall, id: 'bad', network: { ...townHall.network, sendHeight: 700 } };
    expect(await call('profiles:import', { profiles: [townHall, invalid] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'profiles.1.network.sendHeight' }] },
    });
    expect(await call('profiles:import', { profiles: [townHall, townHall] })).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'Each profile in one import needs its own id; repeated: town-hall. Nothing was imported.' },
    });
    expect(await ids()).toEqual(builtInProfiles.map((profile) => profile.id));
    expect(events).toEqual([]);
  });
});
