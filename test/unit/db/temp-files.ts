import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards together with the databases opened in it. */
export function useTempFolder() {
  let folder = '';
  const opened: Database.Database[] = [];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'roomready-db-test-'));
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  return {
    /** A path inside this test's folder. */
    path: (...parts: string[]) => join(folder, ...parts),
    /** Closes `db` after the test even if an assertion fails first. */
    track: <T extends Database.Database>(db: T): T => {
      opened.push(db);
      return db;
    },
  };
}

/** The SHA-256 of a file's bytes, to prove a file was not modified. */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
