import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openDatabase } from '../../../../electron/services/db/database';
import { createProfilesTable } from '../../../../electron/services/db/profiles';
import { createRunsTable, type RunsTable } from '../../../../electron/services/db/runs';
import { createTemplatesTable, type TemplatesTable } from '../../../../electron/services/db/templates';
import { EventBus } from '../../../../electron/services/event-bus';
import { createLiveServices, type LiveServices } from '../../../../electron/services/live/live-services';
import type { SystemReading, SystemSampler } from '../../../../electron/services/live/system-sampler';
import type { EventPayloads } from '../../../../shared/api/contract';
import { eventInputSchema, type LiveEvent, type LiveSample, type MonitorStatus } from '../../../../shared/live/live';
import { builtInTemplates } from '../../../../shared/runofshow/builtins/index';
import { templateSchema } from '../../../../shared/runofshow/template';
import { useTempFolder } from '../../db/temp-files';
import { sample, second, t0 } from '../samples';

export { second, t0 };

/** A healthy second from the monitor: the healthy stored second without the host's own figures. */
export function liveSample(index: number, overrides: Partial<LiveSample> = {}): LiveSample {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the host's figures are what is left out
  const { cpuPercent, memoryPercent, interfacesChanged, drill, ...monitored } = sample(index);
  return { ...monitored, ...overrides };
}

/** Seconds `from`…`to - 1` from the monitor, each shaped by `overrides`. */
export function liveSamples(from: number, to: number, overrides: Partial<LiveSample> = {}): LiveSample[] {
  return Array.from({ length: to - from }, (_, offset) => liveSample(from + offset, overrides));
}

/** The host figures every test second gets: 12.5 % CPU, 50 % memory. */
export const hostReading = { cpuPercent: 12.5, memoryPercent: 50 };

/** A system sampler with fixed figures; `changeAt` marks seconds whose interfaces changed. */
export function fakeSystem(changeAt: readonly number[] = []): SystemSampler & { started: () => boolean } {
  let running = false;
  const readingAt = (at: number): SystemReading => ({ at, ...hostReading, interfacesChanged: changeAt.includes(at) });
  return {
    start: () => void (running = true),
    stop: () => void (running = false),
    tick: () => readingAt(Math.floor(Date.now() / 1000) * 1000),
    readingAt,
    changedBetween: (after, upTo) => changeAt.some((at) => at > after && at <= upTo),
    started: () => running,
  };
}

/** Live services on one database, with what they emitted. */
export interface LiveMachine {
  db: Database.Database;
  live: LiveServices;
  runs: RunsTable;
  templates: TemplatesTable;
  bus: EventBus;
  emitted: MonitorStatus[];
  changedEvents: EventPayloads['events:changed'][];
  createEvent(fields?: Partial<LiveEvent>): LiveEvent;
}

/** How a test machine is opened. */
export interface LiveMachineOptions {
  file?: string;
  now?: () => number;
  retentionDays?: number;
  flushEveryMs?: number;
  maxPendingSamples?: number;
  system?: SystemSampler;
}

/** A database in a temp folder with the live services on it, a clock the test sets, and the events they emitted. */
export function useLive(): { temp: ReturnType<typeof useTempFolder>; open(options?: LiveMachineOptions): LiveMachine; closeAll(): void } {
  const temp = useTempFolder();
  const open: { live: LiveServices; db: Database.Database }[] = [];
  const fixture = {
    temp,
    /** Builds the services on a fresh database (or on `file`). */
    open(options: LiveMachineOptions = {}): LiveMachine {
      const db: Database.Database = temp.track(openDatabase(options.file ?? temp.path('roomready.sqlite')));
      const templates: TemplatesTable = createTemplatesTable(db);
      templates.seedBuiltIns(builtInTemplates.map((template) => templateSchema.parse(template)), 1);
      const runs: RunsTable = createRunsTable(db);
      const bus = new EventBus();
      const emitted: MonitorStatus[] = [];
      const changedEvents: EventPayloads['events:changed'][] = [];
      bus.subscribe((name, payload) => {
        if (name === 'live:changed') emitted.push(payload as MonitorStatus);
        if (name === 'events:changed') changedEvents.push(payload as EventPayloads['events:changed']);
      });
      const live = createLiveServices({
        db,
        profiles: createProfilesTable(db),
        runs,
        templates,
        bus,
        retentionDays: () => options.retentionDays ?? 30,
        now: options.now,
        system: options.system ?? fakeSystem(),
        flushEveryMs: options.flushEveryMs ?? 60_000,
        maxPendingSamples: options.maxPendingSamples,
        compactEveryMs: 0,
      });
      open.push({ live, db });
      const createEvent = (fields: Partial<LiveEvent> = {}): LiveEvent =>
        live.events.insert(eventInputSchema.parse({ title: 'Annual meeting', profileId: 'web-meeting', plannedStart: t0, plannedEnd: t0 + 3_600_000, ...fields }), t0);
      return { db, live, runs, templates, bus, emitted, changedEvents, createEvent };
    },
    /** Closes every hub opened (writing what they buffered). */
    closeAll() {
      for (const { live, db } of open.splice(0)) if (db.open) live.hub.close();
    },
  };
  // Registered after the temp folder's hook, so it runs first: hubs write before their databases close.
  afterEach(() => fixture.closeAll());
  return fixture;
}
