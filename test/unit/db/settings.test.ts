import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createSettingsTable, type SettingsTable } from '../../../electron/services/db/settings';
import { useTempFolder } from './temp-files';

describe('settings table', () => {
  const temp = useTempFolder();
  let db: Database.Database;
  let settings: SettingsTable;

  beforeEach(() => {
    db = temp.track(openDatabase(temp.path('roomready.sqlite')));
    settings = createSettingsTable(db);
  });

  it('round-trips JSON values', () => {
    settings.setMany([
      ['language', 'ru'],
      ['thresholds', { rttMs: [150, 300], mos: 3.6, enabled: true, note: null }],
      ['volume', 0.75],
    ]);

    expect(settings.getAll()).toEqual({
      language: 'ru',
      thresholds: { rttMs: [150, 300], mos: 3.6, enabled: true, note: null },
      volume: 0.75,
    });
    expect(settings.get('thresholds')).toEqual({ rttMs: [150, 300], mos: 3.6, enabled: true, note: null });
    expect(settings.get('missing')).toBeUndefined();
  });

  it('replaces existing values, and removes a key set to undefined', () => {
    settings.setMany([
      ['language', 'ru'],
      ['updateFeedUrl', 'https://updates.example.org/'],
    ]);

    settings.setMany([
      ['language', 'en'],
      ['updateFeedUrl', undefined],
    ]);

    expect(settings.getAll()).toEqual({ language: 'en' });
  });

  it('writes all entries or none', () => {
    settings.setMany([['language', 'ru']]);

    expect(() =>
      settings.setMany([
        ['language', 'en'],
        ['broken', 10n], // JSON.stringify throws on BigInt
      ]),
    ).toThrow();

    expect(settings.getAll()).toEqual({ language: 'ru' });
  });

  it('skips a stored value that is not valid JSON', () => {
    settings.setMany([['language', 'ru']]);
    // A hand-edited file can bypass the json_valid() check.
    db.pragma('ignore_check_constraints = ON');
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('updateFeedUrl', '{not json');
    db.pragma('ignore_check_constraints = OFF');

    expect(settings.getAll()).toEqual({ language: 'ru' });
    expect(settings.get('updateFeedUrl')).toBeUndefined();
  });

  it('keeps a "__proto__" key as plain data', () => {
    settings.setMany([['__proto__', { polluted: true }]]);

    const all = settings.getAll();

    expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
    expect(Object.keys(all)).toEqual(['__proto__']);
    expect((all as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('removes a key', () => {
    settings.setMany([['language', 'ru']]);

    expect(settings.remove('language')).toBe(true);
    expect(settings.remove('language')).toBe(false);
    expect(settings.getAll()).toEqual({});
  });

  it('refuses to store a value that is not JSON at the database level', () => {
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('x', '{not json')).toThrow(/CHECK/);
  });
});
