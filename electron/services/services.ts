import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { builtInTemplates } from '../../shared/runofshow/builtins/index';
import { templateSchema } from '../../shared/runofshow/template';
import { settingsSchema, type Settings } from '../../shared/settings/settings';
import { createAssessmentsTable, type AssessmentsTable } from './db/assessments';
import { openDatabase } from './db/database';
import { createPreflightRunsTable, type PreflightRunsTable } from './db/preflight-runs';
import { createProfilesTable, type ProfilesTable } from './db/profiles';
import { createRoomDevicesTable, type RoomDevicesTable } from './db/room-devices';
import { createRoomsTable, type RoomsTable } from './db/rooms';
import { createRunsTable, type RunsTable } from './db/runs';
import { createTemplatesTable, type TemplatesTable } from './db/templates';
import { createSettingsTable, type SettingsTable } from './db/settings';
import { EventBus } from './event-bus';
import { createLiveServices, type LiveServices } from './live/live-services';

/** Everything the Electron main process, the web host and the CLI share. */
export interface Services {
  mode: 'electron' | 'web';
  dataDir: string;
  databaseFile: string;
  db: Database.Database;
  rooms: RoomsTable;
  roomDevices: RoomDevicesTable;
  preflightRuns: PreflightRunsTable;
  assessments: AssessmentsTable;
  profiles: ProfilesTable;
  templates: TemplatesTable;
  runs: RunsTable;
  settings: SettingsTable;
  events: EventBus;
  /** Events, their quality log, incidents, drills and the live monitor. */
  live: LiveServices;
  readSettings(): Settings;
  close(): void;
}

/** The database file's name inside the data directory. */
export const databaseFileName = 'roomready.sqlite';

/** Opens the database in `dataDir` (migrating it) and builds the services on it. */
export function createServices(options: { dataDir: string; mode: Services['mode'] }): Services {
  const databaseFile = join(options.dataDir, databaseFileName);
  const db = openDatabase(databaseFile);
  const settings = createSettingsTable(db);
  const templates = createTemplatesTable(db);
  // Validating the built-ins costs start-up time: only those not stored yet are parsed.
  const missing = builtInTemplates.filter((template) => !templates.has(template.id, template.version ?? 1));
  if (missing.length > 0) templates.seedBuiltIns(missing.map((template) => templateSchema.parse(template)), Date.now());
  const profiles = createProfilesTable(db);
  const runs = createRunsTable(db);
  const bus = new EventBus();
  // Stored values that no longer validate (hand edits, older versions) fall back to defaults.
  const readSettings = (): Settings => {
    const stored = settings.getAll();
    const parsed = settingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : settingsSchema.parse({});
  };
  const live = createLiveServices({ db, profiles, runs, templates, bus, retentionDays: () => readSettings().liveRetentionDays });
  return {
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile,
    db,
    rooms: createRoomsTable(db),
    roomDevices: createRoomDevicesTable(db),
    preflightRuns: createPreflightRunsTable(db),
    assessments: createAssessmentsTable(db),
    profiles,
    templates,
    runs,
    settings,
    events: bus,
    live,
    readSettings,
    // Buffered samples are written before the database closes.
    close: () => {
      live.hub.close();
      db.close();
    },
  };
}
