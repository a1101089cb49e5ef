import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, latestSchemaVersion, openDatabase } from '../../../electron/services/db/database';
import type { Migration } from '../../../electron/services/db/migrations/index';
import { fileHash, useTempFolder } from './temp-files';

const expectedTables = [
  'check_results',
  'checklist_runs',
  'checklist_templates',
  'drills',
  'event_summaries',
  'events',
  'incidents',
  'preflight_runs',
  'profiles',
  'quality_minutes',
  'quality_samples',
  'room_assessments',
  'room_devices',
  'rooms',
  'run_actions',
  'settings',
];

const createNotes: Migration = {
  version: 1,
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT'),
};
const addNoteTag: Migration = {
  version: 2,
  up: (db) => db.exec("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none'"),
};

interface TableListRow {
  schema: string;
  name: string;
  type: string;
  wr: number;
  strict: number;
}

function userTables(db: Database.Database): TableListRow[] {
  return (db.pragma('table_list') as TableListRow[]).filter(
    (table) => table.schema === 'main' && table.type === 'table' && !table.name.startsWith('sqlite_'),
  );
}

function userVersionOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function openError(open: () => unknown): DatabaseOpenError {
  try {
    open();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('Expected openDatabase to throw a DatabaseOpenError.');
}

describe('openDatabase', () => {
  const temp = useTempFolder();

  describe('a new database', () => {
    it('creates its folder and the latest schema, with WAL, foreign keys and a busy timeout', () => {
      const file = temp.path('nested', 'folder', 'roomready.sqlite');
      const db = temp.track(openDatabase(file));

      expect(latestSchemaVersion).toBeGreaterThanOrEqual(1);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    });

    it('has every table the product stores, all STRICT', () => {
      const db = temp.track(openDatabase(temp.path('roomready.sqlite')));
      const tables = userTables(db);

      expect(tables.map((table) => table.name).sort()).toEqual(expectedTables);
      expect(tables.filter((table) => table.strict !== 1).map((table) => table.name)).toEqual([]);
      expect(tables.find((table) => table.name === 'quality_samples')?.wr).toBe(1);
    });

    it('indexes every foreign key (its columns lead some index)', () => {
      const db = temp.track(openDatabase(temp.path('roomready.sqlite')));
      const unindexed: string[] = [];
      for (const { name: table } of userTables(db)) {
        const keys = db.pragma(`foreign_key_list(${table})`) as { id: number; seq: number; from: string }[];
        const indexes = (db.pragma(`index_list(${table})`) as { name: string }[]).map((index) =>
          (db.pragma(`index_info(${index.name})`) as { seqno: number; name: string }[])
            .sort((a, b) => a.seqno - b.seqno)
            .map((column) => column.name),
        );
        // An INTEGER PRIMARY KEY is the rowid: the table's own b-tree is keyed by it, with no index listed.
        const columns = db.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[];
        const keyColumns = columns.filter((column) => column.pk > 0);
        if (keyColumns.length === 1 && keyColumns[0]!.type === 'INTEGER') indexes.push([keyColumns[0]!.name]);
        for (const id of new Set(keys.map((key) => key.id))) {
          const from = keys
            .filter((key) => key.id === id)
            .sort((a, b) => a.seq - b.seq)
            .map((key) => key.from);
          const covered = indexes.some((columns) => from.every((column, i) => columns[i] === column));
          if (!covered) unindexed.push(`${table}(${from.join(', ')})`);
        }
      }
      expect(unindexed).toEqual([]);
    });

    it('indexes quality samples by (event_id, at)', () => {
      const db = temp.track(openDatabase(temp.path('roomready.sqlite')));
      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM quality_samples WHERE event_id = 1 AND at BETWEEN 0 AND 10')
        .all() as { detail: string }[];
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/SEARCH quality_samples USING PRIMARY KEY \(event_id=\? AND at>\? AND at<\?\)/);
    });

    it('takes no backup when there was nothing to back up', () => {
      temp.track(openDatabase(temp.path('roomready.sqlite')));
      expect(readdirSync(temp.path()).filter((name) => name.endsWith('.bak'))).toEqual([]);
    });

    it('reopens an up-to-date database without changing it', () => {
      const file = temp.path('roomready.sqlite');
      openDatabase(file).close();
      const before = fileHash(file);
      temp.track(openDatabase(file)).close();
      expect(fileHash(file)).toBe(before);
      expect(readdirSync(temp.path()).filter((name) => name.endsWith('.bak'))).toEqual([]);
    });
  });

  describe('an older database', () => {
    it('is backed up, then migrated with its data kept', () => {
      const file = temp.path('roomready.sqlite');
      const v1 = openDatabase(file, [createNotes]);
      expect(v1.pragma('user_version', { simple: true })).toBe(1);
      v1.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
      v1.close();

      const v2 = temp.track(openDatabase(file, [createNotes, addNoteTag]));

      expect(v2.pragma('user_version', { simple: true })).toBe(2);
      expect(v2.prepare('SELECT body, tag FROM notes').all()).toEqual([{ body: 'kept', tag: 'none' }]);
      const backup = temp.track(new Database(`${file}.v1.bak`, { readonly: true, fileMustExist: true }));
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('SELECT * FROM notes').all()).toEqual([{ id: 1, body: 'kept' }]);
    });

    it('never overwrites an existing backup of the same version', () => {
      const file = temp.path('roomready.sqlite');
      const earlierBackup = `${file}.v1.bak`;
      writeFileSync(earlierBackup, 'an older backup');
      openDatabase(file, [createNotes]).close();

      temp.track(openDatabase(file, [createNotes, addNoteTag]));

      expect(readFileSync(earlierBackup, 'utf8')).toBe('an older backup');
      const backups = readdirSync(temp.path()).filter((name) => /^roomready\.sqlite\.v1\..+\.bak$/.test(name));
      expect(backups).toHaveLength(1);
      expect(userVersionOf(temp.path(backups[0] ?? ''))).toBe(1);
    });

    it('is left at its version, without partial tables, when a migration fails', () => {
      const file = temp.path('roomready.sqlite');
      const v1 = openDatabase(file, [createNotes]);
      v1.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
      v1.close();
      const failure = new Error('migration 3 failed');
      const createsTable: Migration = { version: 2, up: (db) => db.exec('CREATE TABLE partial (id INTEGER) STRICT') };
      const throws: Migration = {
        version: 3,
        up: (db) => {
          db.exec("INSERT INTO notes (body) VALUES ('half-done')");
          throw failure;
        },
      };

      expect(() => openDatabase(file, [createNotes, createsTable, throws])).toThrow(failure);

      const after = temp.track(new Database(file, { readonly: true }));
      expect(after.pragma('user_version', { simple: true })).toBe(1);
      expect(after.prepare("SELECT name FROM sqlite_schema WHERE name = 'partial'").all()).toEqual([]);
      expect(after.prepare('SELECT body FROM notes').pluck().all()).toEqual(['kept']);
    });

    it('refuses a migration list with gaps', () => {
      expect(() => openDatabase(temp.path('roomready.sqlite'), [addNoteTag])).toThrow(/expected 1/);
      expect(existsSync(temp.path('roomready.sqlite'))).toBe(false);
    });
  });

  describe('a database it must not open', () => {
    it('refuses one written by a newer version and leaves it untouched', () => {
      const file = temp.path('roomready.sqlite');
      const db = openDatabase(file);
      db.pragma(`user_version = ${latestSchemaVersion + 1}`);
      db.close();
      const before = fileHash(file);

      const error = openError(() => openDatabase(file));

      expect(error.code).toBe('too_new');
      expect(error.message).toContain(file);
      expect(error.message).toContain(`schema ${latestSchemaVersion + 1}, this version knows ${latestSchemaVersion}`);
      expect(fileHash(file)).toBe(before);
      expect(userVersionOf(file)).toBe(latestSchemaVersion + 1);
    });

    it('refuses a file that is not a database and leaves it untouched', () => {
      const file = temp.path('roomready.sqlite');
      writeFileSync(file, randomBytes(16 * 1024));
      const before = fileHash(file);

      const error = openError(() => openDatabase(file));

      expect(error.code).toBe('corrupt');
      expect(error.message).toContain(file);
      expect(fileHash(file)).toBe(before);
    });

    it('refuses a database with a damaged page and leaves it untouched', () => {
      const file = temp.path('roomready.sqlite');
      const pageSize = 4096;
      const source = new Database(file);
      source.pragma(`page_size = ${pageSize}`);
      source.pragma('user_version = 1');
      source.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const insert = source.prepare('INSERT INTO filler (body) VALUES (?)');
      for (let i = 0; i < 200; i += 1) insert.run('x'.repeat(500));
      const pageCount = source.pragma('page_count', { simple: true }) as number;
      source.close();
      expect(pageCount).toBeGreaterThan(10);

      const bytes = readFileSync(file);
      const middlePage = Math.floor(pageCount / 2); // 0-based; page 0 holds the header and schema
      bytes.fill(0xff, middlePage * pageSize, (middlePage + 1) * pageSize);
      writeFileSync(file, bytes);
      const before = fileHash(file);

      const error = openError(() => openDatabase(file, [createNotes]));

      expect(error.code).toBe('corrupt');
      expect(error.message).toContain('left untouched');
      expect(fileHash(file)).toBe(before);
    });

    it('reports a data folder that cannot be created as unwritable', () => {
      const blocker = temp.path('a-file');
      writeFileSync(blocker, 'not a folder');

      const error = openError(() => openDatabase(temp.path('a-file', 'data', 'roomready.sqlite')));

      expect(error.code).toBe('unwritable');
      expect(error.message).toContain(temp.path('a-file', 'data'));
    });
  });
});
