import type Database from 'better-sqlite3';
import { createDrillsTable, type DrillsTable } from '../db/drills';
import { createLiveEventsTable, type LiveEventsTable } from '../db/events';
import { createIncidentsTable, type IncidentsTable } from '../db/incidents';
import { createSamplesTable, type SamplesTable } from '../db/samples';
import { createMonitorHub, type MonitorHub, type MonitorHubOptions } from './monitor-hub';

/** Events, their quality log, incidents and drills, and the hub that monitors them live. */
export interface LiveServices {
  events: LiveEventsTable;
  samples: SamplesTable;
  incidents: IncidentsTable;
  drills: DrillsTable;
  hub: MonitorHub;
}

/** Prepares the live tables on `db` and starts the hub (which compacts old seconds at once). */
export function createLiveServices(
  options: { db: Database.Database } & Pick<MonitorHubOptions, 'profiles' | 'runs' | 'templates' | 'bus' | 'retentionDays'> & Partial<MonitorHubOptions>,
): LiveServices {
  const events = createLiveEventsTable(options.db);
  const samples = createSamplesTable(options.db);
  const incidents = createIncidentsTable(options.db);
  const drills = createDrillsTable(options.db);
  const hub = createMonitorHub({ ...options, events, samples, incidents, drills });
  return { events, samples, incidents, drills, hub };
}
