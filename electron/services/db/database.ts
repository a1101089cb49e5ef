import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { allMigrations, type Migration } from './migrations/index';

/** Why a database file could not be opened; `message` tells a person what to do. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'too_new' | 'corrupt' | 'unwritable',
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/** The schema version this build of RoomReady writes. */
export const latestSchemaVersion = latestVersionOf(allMigrations);

const busyTimeoutMs = 5000;

/**
 * Opens (creating if needed) the database at `file` and brings its schema up to date.
 * A damaged file or one from a newer RoomReady is refused without being modified; before an
 * existing database is upgraded, a copy is written next to it as `<file>.v<version>.bak`.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations): Database.Database {
  const latest = latestVersionOf(migrations);
  createParentDirectory(file);
  if (hasContent(file)) inspectWithoutWriting(file, latest);

  let db: Database.Database;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
  } catch (error) {
    throw asOpenError(error, file);
  }

  let version: number;
  try {
    // Read before any pragma below writes to the file: another process may have upgraded it
    // since the inspection.
    version = readUserVersion(db);
    if (version > latest) throw tooNew(file, version, latest);
    configure(db);
    if (version > 0 && version < latest) backUp(db, file, version);
  } catch (error) {
    db.close();
    throw asOpenError(error, file);
  }

  try {
    if (version < latest) migrate(db, file, migrations, latest);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function latestVersionOf(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration at position ${index} has version ${migration.version}; expected ${index + 1}.`);
    }
  });
  return migrations.length;
}

function createParentDirectory(file: string): void {
  const directory = dirname(file);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError(
      'unwritable',
      file,
      `RoomReady cannot create the folder ${directory} for its database ${file} (${describe(error)}). ` +
        'Check that this path is a folder you are allowed to write to, or choose another data folder (--data-dir).',
      { cause: error },
    );
  }
}

function hasContent(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

/**
 * Checks an existing file through a read-only connection, which never writes to the database
 * (it does not even checkpoint a leftover WAL on close), so a refused file stays byte-identical.
 */
function inspectWithoutWriting(file: string, latest: number): void {
  let reader: Database.Database;
  try {
    reader = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  } catch (error) {
    throw asOpenError(error, file);
  }
  try {
    const problems = reader.prepare('PRAGMA quick_check').pluck().all() as string[];
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw corrupt(file, problems.slice(0, 3).join('; '));
    }
    const version = readUserVersion(reader);
    if (version > latest) throw tooNew(file, version, latest);
  } catch (error) {
    throw asOpenError(error, file);
  } finally {
    reader.close();
  }
}

function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function configure(db: Database.Database): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Safe with WAL: a power cut can lose the last transactions but never corrupts the file.
  db.pragma('synchronous = NORMAL');
}

function backUp(db: Database.Database, file: string, version: number): void {
  let backup = `${file}.v${version}.bak`;
  // Never overwrite an older backup: it may be the only copy of data a later upgrade lost.
  if (existsSync(backup)) backup = `${file}.v${version}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
  try {
    db.prepare('VACUUM INTO ?').run(backup);
  } catch (error) {
    throw new DatabaseOpenError(
      'unwritable',
      file,
      `RoomReady must back up ${file} to ${backup} before upgrading it, but could not (${describe(error)}). ` +
        'Free some disk space or make the folder writable, then start RoomReady again; the database was not changed.',
      { cause: error },
    );
  }
}

function migrate(db: Database.Database, file: string, migrations: readonly Migration[], latest: number): void {
  const applyPending = db.transaction(() => {
    // Re-read under the write lock: another RoomReady process may have migrated meanwhile.
    const current = readUserVersion(db);
    if (current > latest) throw tooNew(file, current, latest);
    if (current === latest) return;
    for (const migration of migrations) {
      if (migration.version > current) migration.up(db);
    }
    db.pragma(`user_version = ${latest}`);
  });
  applyPending.immediate();
}

function tooNew(file: string, found: number, known: number): DatabaseOpenError {
  return new DatabaseOpenError(
    'too_new',
    file,
    `The database ${file} was written by a newer version of RoomReady (schema ${found}, this version knows ${known}). ` +
      'Install the newer version; the file was left untouched.',
  );
}

function corrupt(file: string, detail: string, cause?: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    'corrupt',
    file,
    `The database ${file} is damaged or is not a RoomReady database (${detail}). The file was left untouched. ` +
      `Restore a backup (${basename(file)}.v<N>.bak in the same folder, if there is one), or move the file elsewhere ` +
      'and RoomReady will start with an empty database.',
    { cause },
  );
}

/** Turns SQLite's low-level failures into errors a person can act on; anything else passes through. */
function asOpenError(error: unknown, file: string): unknown {
  if (error instanceof DatabaseOpenError || !(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return corrupt(file, error.message, error);
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_FULL' ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new DatabaseOpenError(
      'unwritable',
      file,
      `RoomReady cannot open ${file} for writing (${error.message}). ` +
        'Check that the file and its folder are writable and the disk is not full, or choose another data folder (--data-dir).',
      { cause: error },
    );
  }
  return error;
}

function describe(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}
