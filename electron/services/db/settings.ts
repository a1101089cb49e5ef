import type Database from 'better-sqlite3';

/** Stored settings: one JSON value per key. Validation is the caller's (see settingsSchema). */
export interface SettingsTable {
  /** Every stored value; a value that is no longer valid JSON is left out. */
  getAll(): Record<string, unknown>;
  /** The stored value, or undefined if missing or unreadable. */
  get(key: string): unknown;
  /** Writes all entries in one transaction; an `undefined` value removes its key. */
  setMany(entries: [string, unknown][]): void;
  /** False if the key was not stored. */
  remove(key: string): boolean;
}

interface SettingRow {
  key: string;
  value: string;
}

const unreadable = Symbol('unreadable');

/** Prepares the settings statements once on `db`. */
export function createSettingsTable(db: Database.Database): SettingsTable {
  const selectAll = db.prepare<[], SettingRow>('SELECT key, value FROM settings');
  const selectOne = db.prepare<[string], SettingRow>('SELECT key, value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  const setMany = db.transaction((entries: [string, unknown][]) => {
    for (const [key, value] of entries) {
      const json = value === undefined ? undefined : JSON.stringify(value);
      if (json === undefined) deleteOne.run(key);
      else upsert.run(key, json);
    }
  });

  return {
    getAll: () => {
      const entries: [string, unknown][] = [];
      for (const row of selectAll.all()) {
        const value = parse(row.value);
        if (value !== unreadable) entries.push([row.key, value]);
      }
      // fromEntries defines own properties, so a key such as "__proto__" cannot reach the prototype.
      return Object.fromEntries(entries);
    },
    get: (key) => {
      const row = selectOne.get(key);
      if (!row) return undefined;
      const value = parse(row.value);
      return value === unreadable ? undefined : value;
    },
    setMany: (entries) => setMany(entries),
    remove: (key) => deleteOne.run(key).changes > 0,
  };
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return unreadable;
  }
}
