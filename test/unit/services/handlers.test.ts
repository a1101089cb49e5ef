import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { defaultSettings } from '../../../shared/settings/settings';
import { useMachine } from '../support/handler-harness';

const machine = useMachine({ folderPrefix: 'roomready-handlers-' });
const { call, events, crashes } = machine;

describe('room requests', () => {
  it('create, update and delete a room and announce each change', async () => {
    const created = (await call('rooms:create', { name: '  Hall A ', capacity: 30 })) as Result<{ id: number; name: string }>;
    expect(created).toMatchObject({ ok: true, value: { name: 'Hall A', capacity: 30, organisation: '' } });
    const id = created.ok ? created.value.id : -1;

    expect(await call('rooms:update', { id, room: { name: 'Hall B', city: 'Bishkek' } })).toMatchObject({ ok: true, value: { name: 'Hall B', city: 'Bishkek', capacity: null } });
    expect(await call('rooms:delete', { id })).toEqual({ ok: true, value: { id } });
    expect(events).toEqual([
      ['rooms:changed', { id }],
      ['rooms:changed', { id }],
      ['rooms:changed', { id }],
    ]);
    expect(await call('rooms:list')).toEqual({ ok: true, value: [] });
  });

  it('answers not_found for a room that is gone, without a crash', async () => {
    expect(await call('rooms:get', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('rooms:delete', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(crashes).toEqual([]);
    expect(events).toEqual([]);
  });

  it('rejects malformed arguments with field issues named by i18n keys', async () => {
    const result = await call('rooms:create', { name: '', capacity: 2.5 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'The arguments for rooms:create are not valid.',
        issues: [
          { path: 'name', message: 'validation.required' },
          { path: 'capacity', message: 'validation.wholeNumber' },
        ],
      },
    });
    expect(await call('rooms:get', { id: '1' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call('rooms:list', { everything: true })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});

describe('settings requests', () => {
  it('store a change, return all settings and announce them', async () => {
    expect(await call('settings:get')).toEqual({ ok: true, value: defaultSettings });
    const updated = await call('settings:update', { language: 'ru' });
    expect(updated).toEqual({ ok: true, value: { ...defaultSettings, language: 'ru' } });
    expect(events).toEqual([['settings:changed', { ...defaultSettings, language: 'ru' }]]);

    machine.reopen();
    expect(await call('settings:get')).toEqual({ ok: true, value: { ...defaultSettings, language: 'ru' } });
  });

  it('store the network test settings, refusing addresses that are not http(s), stun: or turn:', async () => {
    const network = {
      probeUrl: 'http://10.0.0.5:4790',
      iceServers: [{ urls: 'turn:turn.example.org:443?transport=tcp', username: 'room', credential: 'secret' }],
      relayOnly: true,
      platformEndpoints: [{ platform: 'teams', host: 'teams.microsoft.com', port: 443, protocol: 'tls' }],
    };
    expect(await call('settings:update', network)).toEqual({ ok: true, value: { ...defaultSettings, ...network } });
    expect(await call('settings:update', { probeUrl: 'ftp://probe' })).toMatchObject({ ok: false, error: { issues: [{ path: 'probeUrl', message: 'validation.httpUrl' }] } });
    expect(await call('settings:update', { iceServers: [{ urls: 'http://turn' }] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'iceServers.0.urls', message: 'validation.iceUrl' }] },
    });
    expect(await call('settings:update', { probeHosting: { enabled: true, host: '127.0.0.1', port: 70_000 } })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('accept only https update feeds and known languages', async () => {
    expect(await call('settings:update', { updateFeedUrl: 'http://updates.example.org/' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'updateFeedUrl', message: 'validation.httpsUrl' }] },
    });
    expect(await call('settings:update', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call('settings:update', { updateFeedUrl: 'https://updates.example.org/roomready/' })).toMatchObject({ ok: true });
    expect(await call('settings:update', { updateFeedUrl: '' })).toMatchObject({ ok: true, value: { updateFeedUrl: '' } });
  });

  it('fall back to defaults when a stored value no longer validates', async () => {
    machine.services.settings.setMany([['language', 'klingon']]);
    expect(await call('settings:get')).toEqual({ ok: true, value: defaultSettings });
  });
});

describe('app and updates in web mode', () => {
  it('report where the data lives and that updates belong to the desktop app', async () => {
    expect(await call('app:info')).toMatchObject({ ok: true, value: { mode: 'web', dataDir: machine.dir, databaseFile: join(machine.dir, 'roomready.sqlite') } });
    expect(await call('updates:check')).toEqual({ ok: true, value: { state: 'disabled', reason: 'web-mode' } });
  });

  it('turn an unexpected crash into an internal error that hides the details', async () => {
    machine.services.db.exec('DROP TABLE settings');
    const result = await call('settings:update', { language: 'ru' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('no such table');
    expect(crashes).toHaveLength(1);
  });
});
