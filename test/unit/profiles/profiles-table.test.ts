import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/database';
import { createProfilesTable } from '../../../electron/services/db/profiles';
import { builtInProfiles, type Profile } from '../../../shared/profiles/profile';
import { useTempFolder } from '../db/temp-files';

const temp = useTempFolder();
const webinar = builtInProfiles[1]!;
const own = (id: string, en: string): Profile => ({ ...webinar, id, name: { en, ru: `${en} (ru)` } });

function open() {
  const db = temp.track(openDatabase(temp.path('roomready.sqlite')));
  return { db, table: createProfilesTable(db) };
}

describe('profiles table', () => {
  it('lists the built-ins unedited on a new database', () => {
    const { table } = open();
    expect(table.entries()).toEqual(builtInProfiles.map((profile) => ({ profile, builtIn: true, modified: false })));
    expect(table.find('webinar')).toEqual(webinar);
    expect(table.find('no-such')).toBeUndefined();
  });

  it('keeps an edit of a built-in over it, across reopening, until reset', () => {
    const first = open();
    const edited: Profile = { ...webinar, network: { ...webinar.network, maxRttMs: { warn: 120, fail: 250 } } };
    expect(first.table.save(edited, 1000)).toEqual({ profile: edited, builtIn: true, modified: true });
    first.db.close();

    const { table } = open();
    expect(table.find('webinar')?.network.maxRttMs).toEqual({ warn: 120, fail: 250 });
    const entries = table.entries();
    expect(entries.map((entry) => [entry.profile.id, entry.modified])).toEqual([
      ['web-meeting', false],
      ['webinar', true],
      ['hybrid-seminar', false],
      ['multi-day-seminar', false],
      ['training', false],
    ]);
    expect(table.remove('webinar')).toBe('reset');
    expect(table.find('webinar')).toEqual(webinar);
    expect(table.remove('webinar')).toBe('missing');
  });

  it('lists user profiles after the built-ins, by name, and deletes them', () => {
    const { table } = open();
    table.save(own('zulu', 'Zulu room'), 1);
    table.save(own('alpha', 'alpha room'), 2);
    expect(table.entries().slice(5).map((entry) => [entry.profile.id, entry.builtIn, entry.modified])).toEqual([
      ['alpha', false, false],
      ['zulu', false, false],
    ]);
    expect(table.remove('zulu')).toBe('deleted');
    expect(table.remove('zulu')).toBe('missing');
    expect(table.entries().length).toBe(6);
  });

  it('overwrites a user profile saved again under its id', () => {
    const { table } = open();
    table.save(own('town-hall', 'Town hall'), 1);
    table.save(own('town-hall', 'Town hall 2'), 2);
    expect(table.entries().filter((entry) => entry.profile.id === 'town-hall').map((entry) => entry.profile.name.en)).toEqual(['Town hall 2']);
  });

  it('skips stored rows that no longer validate; a built-in falls back to its code', () => {
    const { db, table } = open();
    table.save(own('good', 'Good'), 1);
    const insert = db.prepare('INSERT INTO profiles (id, name, built_in, definition, updated_at) VALUES (?, ?, ?, ?, 1)');
    insert.run('broken', 'Broken', 0, JSON.stringify({ ...own('broken', 'Broken'), network: { maxRttMs: 'fast' } }));
    insert.run('web-meeting', 'Web meeting', 1, JSON.stringify({ id: 'web-meeting', name: { en: 'Edited' } }));
    insert.run('moved', 'Moved', 0, JSON.stringify(own('elsewhere', 'Moved')));
    expect(table.entries().map((entry) => entry.profile.id)).toEqual(['web-meeting', 'webinar', 'hybrid-seminar', 'multi-day-seminar', 'training', 'good']);
    expect(table.entries()[0]).toEqual({ profile: builtInProfiles[0], builtIn: true, modified: false });
    expect(table.find('broken')).toBeUndefined();
    expect(table.find('web-meeting')).toEqual(builtInProfiles[0]);
  });

  it('saves many in one transaction: nothing when one of them fails', () => {
    const { db, table } = open();
    const invalid = { ...own('bad', 'Bad'), network: { ...webinar.network, receiveStreams: 500 } };
    expect(() => table.saveMany([own('one', 'One'), invalid, own('two', 'Two')], 5)).toThrow();
    expect(db.prepare('SELECT COUNT(*) AS n FROM profiles').get()).toEqual({ n: 0 });
    expect(table.saveMany([own('one', 'One'), { ...webinar, name: { en: 'Webinar+', ru: 'Вебинар+' } }], 6).map((entry) => [entry.profile.id, entry.builtIn, entry.modified])).toEqual([
      ['one', false, false],
      ['webinar', true, true],
    ]);
    expect(db.prepare('SELECT id, built_in, updated_at FROM profiles ORDER BY id').all()).toEqual([
      { id: 'one', built_in: 0, updated_at: 6 },
      { id: 'webinar', built_in: 1, updated_at: 6 },
    ]);
  });

  it('stores definitions a second connection reads the same way', () => {
    const { table } = open();
    table.save(own('shared', 'Shared'), 1);
    const other = temp.track(new Database(temp.path('roomready.sqlite'), { readonly: true }));
    const row = other.prepare('SELECT definition FROM profiles WHERE id = ?').get('shared') as { definition: string };
    expect(JSON.parse(row.definition)).toEqual(own('shared', 'Shared'));
  });
});
