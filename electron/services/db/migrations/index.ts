import type Database from 'better-sqlite3';
import { migration as initial } from './001-initial';
import { migration as assessments } from './002-assessments';
import { migration as liveLog } from './003-live-log';

/**
 * One step of the schema. `up` runs inside the single transaction that applies every pending
 * migration and then sets `user_version`, so it must not BEGIN/COMMIT, VACUUM or switch
 * `foreign_keys` (SQLite ignores that pragma inside a transaction).
 */
export interface Migration {
  /** The `user_version` the database has once this step has run; 1, 2, 3… with no gaps. */
  readonly version: number;
  up(db: Database.Database): void;
}

/**
 * Every migration, oldest first. Append only: a released migration is never edited, because
 * databases already past it would not run it again.
 */
export const allMigrations: readonly Migration[] = [initial, assessments, liveLog];
