import { ApiFailure } from '../../../shared/api/result';
import { applyDrill, drillRule } from '../../../shared/live/drill';
import type { Drill, DrillKind, Incident, IncidentRule, LiveEvent, LiveSample, MonitorStatus, StorageStatus, StoredSample } from '../../../shared/live/live';
import { endAll, initialRuleState, sampleRules, stepRules, type ClosedIncident, type OpenedIncident, type RuleState, type SampleRule } from '../../../shared/live/rules';
import { builtInProfiles, type NetworkLimits } from '../../../shared/profiles/profile';
import { deriveRunState } from '../../../shared/runofshow/run-state';
import type { DrillsTable } from '../db/drills';
import type { LiveEventsTable } from '../db/events';
import type { IncidentsTable } from '../db/incidents';
import type { ProfilesTable } from '../db/profiles';
import type { RunsTable } from '../db/runs';
import type { SamplesTable } from '../db/samples';
import type { TemplatesTable } from '../db/templates';
import type Database from 'better-sqlite3';
import type { EventBus } from '../event-bus';
import { createSampleWriter, isStorageError, type SampleWriter } from './sample-writer';
import { createSystemSampler, type SystemSampler } from './system-sampler';

/** Live monitoring of every event being watched: samples in, incidents and drills out. */
export interface MonitorHub {
  /** Starts (or resumes) monitoring; the first start is the event's actual start. */
  start(eventId: number): MonitorStatus;
  /** Writes what is buffered, closes open rule incidents and any drill, and stops. */
  stop(eventId: number): MonitorStatus;
  /** Adds the host's figures and any drill to the monitor's seconds, runs the rules and queues them for the disk. */
  ingest(eventId: number, samples: readonly LiveSample[]): MonitorStatus;
  status(eventId: number): MonitorStatus;
  /** Injects a simulated failure; one drill at a time per event. */
  startDrill(eventId: number, kind: DrillKind): Drill;
  /** Ends the running drill; its incident closes by the rules once samples are clean again. */
  stopDrill(eventId: number): Drill;
  /** Tells the renderer an incident changed outside the hub (acknowledged, playbook, note, opened or closed by hand). */
  changed(eventId: number): void;
  /** Writes the event's buffered samples and forgets it without ending it (before the event is deleted). */
  discard(eventId: number): void;
  /** Compacts seconds older than the retention into minutes, one transaction per event; seconds compacted. */
  compact(): number;
  /** Writes every monitor's buffer now; resolves nothing, returns each event's storage status. */
  flushAll(): Map<number, StorageStatus>;
  /** Writes what is buffered and stops every timer; events stay monitoring and resume on the next start. */
  close(): void;
}

/** What the hub works on. */
export interface MonitorHubOptions {
  db: Database.Database;
  events: LiveEventsTable;
  samples: SamplesTable;
  incidents: IncidentsTable;
  drills: DrillsTable;
  profiles: Pick<ProfilesTable, 'find'>;
  runs: Pick<RunsTable, 'get'>;
  templates: Pick<TemplatesTable, 'get'>;
  bus: EventBus;
  /** Seconds older than this many days are compacted (the liveRetentionDays setting). */
  retentionDays: () => number;
  system?: SystemSampler;
  now?: () => number;
  flushEveryMs?: number;
  maxPendingSamples?: number;
  /** Compacts at start and then this often; 0 turns the timer off (tests call compact()). */
  compactEveryMs?: number;
}

/** An incident a rule opened; `storedId` is set inside the transaction that stores it. */
interface RuleIncident {
  incident: Incident;
  storedId: number | null;
}

interface Monitor {
  event: LiveEvent;
  writer: SampleWriter;
  rules: RuleState;
  open: Map<IncidentRule, RuleIncident>;
  drill: Drill | null;
  lastSampleAt: number | null;
  lastEmitAt: number;
  emitTimer: ReturnType<typeof setTimeout> | null;
}

const dayMs = 86_400_000;
const minuteMs = 60_000;
const hourMs = 3_600_000;
const emitEveryMs = 1000;

/** The hub that serves `live:*` and `drills:*`. */
export function createMonitorHub(options: MonitorHubOptions): MonitorHub {
  const now = options.now ?? Date.now;
  const system = options.system ?? createSystemSampler();
  const monitors = new Map<number, Monitor>();
  // Incidents opened but not yet stored (the disk refused them) show with ids below zero.
  let provisionalIds = 0;

  const requireEvent = (eventId: number): LiveEvent => {
    const event = options.events.get(eventId);
    if (!event) throw new ApiFailure('not_found', `Event ${eventId} does not exist. It may have been deleted; reload the list.`);
    return event;
  };

  const storageFailure = (error: unknown): never => {
    if (isStorageError(error)) {
      throw new ApiFailure('storage', `RoomReady could not write to its database (${(error as { code: string }).code}). Free some disk space or make the data folder writable, then try again.`);
    }
    throw error;
  };

  const limitsOf = (event: LiveEvent): NetworkLimits => (options.profiles.find(event.profileId) ?? builtInProfiles[0]!).network;

  // A segment is live while the event's run of show runs (not paused) inside one of its segments.
  const liveSegmentOf = (event: LiveEvent): boolean => {
    if (event.runId === null) return false;
    const run = options.runs.get(event.runId);
    const template = run && options.templates.get(run.templateId, run.templateVersion);
    if (!run || !template) return false;
    const state = deriveRunState(template, run.actions);
    return state.status === 'running' && state.segmentIndex !== null;
  };

  const statusOf = (eventId: number): MonitorStatus => {
    const monitor = monitors.get(eventId);
    const stored = options.incidents.listOpen(eventId);
    const unstored = monitor ? [...monitor.open.values()].filter((entry) => entry.incident.id < 0).map((entry) => entry.incident) : [];
    return {
      eventId,
      monitoring: monitor !== undefined,
      storage: monitor ? monitor.writer.status() : { ok: true, pending: 0, message: null },
      drill: monitor?.drill ?? options.drills.running(eventId) ?? null,
      openIncidents: [...stored, ...unstored].sort((a, b) => a.startedAt - b.startedAt),
      lastSampleAt: monitor?.lastSampleAt ?? options.samples.bounds(eventId)?.last ?? null,
    };
  };

  // At most one live:changed a second per event: the first at once, the rest folded into one after.
  const emitChanged = (monitor: Monitor) => {
    if (monitor.emitTimer !== null) return;
    const wait = monitor.lastEmitAt + emitEveryMs - Date.now();
    const emit = () => {
      monitor.emitTimer = null;
      monitor.lastEmitAt = Date.now();
      options.bus.emit('live:changed', statusOf(monitor.event.id));
    };
    if (wait <= 0) emit();
    else {
      monitor.emitTimer = setTimeout(emit, wait);
      monitor.emitTimer.unref();
    }
  };

  const openMonitor = (event: LiveEvent): Monitor => {
    const rules = initialRuleState();
    const open = new Map<IncidentRule, RuleIncident>();
    // Incidents a rule opened before a restart stay with their rule, so they close when the metrics recover.
    for (const incident of options.incidents.listOpen(event.id)) {
      if (incident.manual || !(sampleRules as readonly string[]).includes(incident.rule)) continue;
      const rule = incident.rule as SampleRule;
      rules.rules[rule] = { ...rules.rules[rule], open: true };
      open.set(rule, { incident, storedId: incident.id });
    }
    const running = options.drills.running(event.id) ?? null;
    const monitor: Monitor = {
      event,
      rules,
      open,
      drill: running,
      lastSampleAt: options.samples.bounds(event.id)?.last ?? null,
      lastEmitAt: 0,
      emitTimer: null,
      writer: createSampleWriter({
        db: options.db,
        samples: options.samples,
        eventId: event.id,
        flushEveryMs: options.flushEveryMs,
        maxPendingSamples: options.maxPendingSamples,
        onStatus: () => emitChanged(monitor),
      }),
    };
    if (monitors.size === 0) system.start();
    monitors.set(event.id, monitor);
    return monitor;
  };

  // An event left monitoring (the host stopped or was killed mid-event) resumes on its next request.
  const monitorOf = (eventId: number): Monitor | undefined => {
    const existing = monitors.get(eventId);
    if (existing) return existing;
    const event = requireEvent(eventId);
    return event.startedAt !== null && event.endedAt === null ? openMonitor(event) : undefined;
  };

  const closeMonitor = (monitor: Monitor) => {
    monitor.writer.close();
    if (monitor.emitTimer !== null) clearTimeout(monitor.emitTimer);
    monitors.delete(monitor.event.id);
    if (monitors.size === 0) system.stop();
  };

  const queueOpened = (monitor: Monitor, opened: OpenedIncident, drill: boolean) => {
    const entry: RuleIncident = {
      incident: {
        id: --provisionalIds,
        eventId: monitor.event.id,
        rule: opened.rule,
        severity: opened.severity,
        startedAt: opened.startedAt,
        endedAt: null,
        acknowledgedAt: null,
        manual: false,
        drill,
        playbookRunId: null,
        playbookOpenedAt: null,
        snapshot: opened.snapshot,
        note: '',
      },
      storedId: null,
    };
    monitor.open.set(opened.rule, entry);
    const linkTo = drill && monitor.drill && monitor.drill.incidentId === null && drillRule(monitor.drill.kind) === opened.rule ? monitor.drill : null;
    monitor.writer.enqueue(() => {
      const { rule, severity, startedAt, snapshot } = entry.incident;
      const stored = options.incidents.insert(monitor.event.id, { rule, severity, startedAt, snapshot, manual: false, drill, note: '' });
      entry.storedId = stored.id;
      const linked = linkTo ? options.drills.setIncident(linkTo.id, stored.id) : undefined;
      return () => {
        entry.incident = { ...stored, endedAt: entry.incident.endedAt };
        if (linked && monitor.drill?.id === linked.id) monitor.drill = linked;
      };
    });
  };

  const queueClosed = (monitor: Monitor, closed: ClosedIncident) => {
    const entry = monitor.open.get(closed.rule);
    if (!entry) return;
    monitor.open.delete(closed.rule);
    entry.incident = { ...entry.incident, endedAt: closed.endedAt };
    monitor.writer.enqueue(() => {
      if (entry.storedId !== null) options.incidents.end(entry.storedId, closed.endedAt);
    });
  };

  const systemFigures = (monitor: Monitor, sample: LiveSample): StoredSample => {
    const reading = system.readingAt(sample.at);
    return {
      ...sample,
      cpuPercent: reading?.cpuPercent ?? null,
      memoryPercent: reading?.memoryPercent ?? null,
      interfacesChanged: system.changedBetween(monitor.lastSampleAt ?? sample.at - 1000, sample.at),
      drill: false,
    };
  };

  const ingest = (monitor: Monitor, incoming: readonly LiveSample[]) => {
    const context = { limits: limitsOf(monitor.event), liveSegment: liveSegmentOf(monitor.event) };
    let batch: StoredSample[] = [];
    let incidentsChanged = false;
    for (const sample of [...incoming].sort((a, b) => a.at - b.at)) {
      // Seconds already taken (a batch sent twice after a lost reply) are not counted again.
      if (monitor.lastSampleAt !== null && sample.at <= monitor.lastSampleAt) continue;
      let stored = systemFigures(monitor, sample);
      if (monitor.drill) stored = applyDrill(monitor.drill.kind, stored);
      const step = stepRules(monitor.rules, stored, context);
      monitor.rules = step.state;
      monitor.lastSampleAt = stored.at;
      batch.push(stored);
      if (step.opened.length === 0 && step.closed.length === 0) continue;
      // Incident writes land after the seconds that caused them.
      monitor.writer.add(batch);
      batch = [];
      for (const closed of step.closed) queueClosed(monitor, closed);
      for (const opened of step.opened) queueOpened(monitor, opened, stored.drill);
      incidentsChanged = true;
    }
    monitor.writer.add(batch);
    // Incidents are written at once: a new banner carries an id to acknowledge, and a closed one goes.
    if (incidentsChanged) monitor.writer.flush();
    emitChanged(monitor);
  };

  const retentionCutoff = () => {
    const days = options.retentionDays();
    return Math.floor((now() - days * dayMs) / minuteMs) * minuteMs;
  };

  const compact = (): number => {
    const cutoff = retentionCutoff();
    let compacted = 0;
    for (const eventId of options.samples.eventsWithSamplesBefore(cutoff)) {
      try {
        compacted += options.samples.compactBefore(eventId, cutoff);
      } catch (error) {
        // A full disk cannot take the minutes either; the seconds stay until the next hour.
        if (!isStorageError(error)) throw error;
      }
    }
    return compacted;
  };

  compact();
  const compactEveryMs = options.compactEveryMs ?? hourMs;
  const compactTimer = compactEveryMs > 0 ? setInterval(compact, compactEveryMs) : null;
  compactTimer?.unref();

  const changed = (eventId: number) => {
    const monitor = monitors.get(eventId);
    if (monitor) emitChanged(monitor);
    else options.bus.emit('live:changed', statusOf(eventId));
  };

  return {
    start: (eventId) => {
      requireEvent(eventId);
      try {
        options.events.markStarted(eventId, now());
      } catch (error) {
        storageFailure(error);
      }
      if (!monitors.has(eventId)) openMonitor(requireEvent(eventId));
      options.bus.emit('events:changed', { id: eventId });
      changed(eventId);
      return statusOf(eventId);
    },
    stop: (eventId) => {
      requireEvent(eventId);
      const monitor = monitorOf(eventId);
      const at = now();
      if (monitor) {
        for (const closed of endAll(monitor.rules, at)) queueClosed(monitor, closed);
        const drill = monitor.drill;
        if (drill) monitor.writer.enqueue(() => void options.drills.end(drill.id, at));
        monitor.drill = null;
        monitor.writer.enqueue(() => options.events.markEnded(eventId, at));
        const written = monitor.writer.flush();
        closeMonitor(monitor);
        if (!written.ok) {
          throw new ApiFailure('storage', `Monitoring stopped, but ${written.pending} seconds could not be written: ${written.message ?? ''}`);
        }
      }
      options.bus.emit('events:changed', { id: eventId });
      options.bus.emit('live:changed', statusOf(eventId));
      return statusOf(eventId);
    },
    ingest: (eventId, samples) => {
      const monitor = monitorOf(eventId);
      if (!monitor) throw new ApiFailure('conflict', `Event ${eventId} is not being monitored. Start monitoring first.`);
      ingest(monitor, samples);
      return statusOf(eventId);
    },
    status: (eventId) => {
      monitorOf(eventId);
      return statusOf(eventId);
    },
    startDrill: (eventId, kind) => {
      const monitor = monitorOf(eventId);
      if (!monitor) throw new ApiFailure('conflict', `Event ${eventId} is not being monitored. Start monitoring, then the drill.`);
      if (monitor.drill) throw new ApiFailure('conflict', `A ${monitor.drill.kind} drill is already running. Stop it before starting another.`);
      let drill: Drill;
      try {
        // Samples queued before the drill were measured before it: they must not look like its effect.
        monitor.writer.flush();
        drill = options.drills.insert(eventId, kind, now());
      } catch (error) {
        return storageFailure(error);
      }
      monitor.drill = drill;
      changed(eventId);
      return drill;
    },
    stopDrill: (eventId) => {
      const monitor = monitorOf(eventId);
      const running = monitor?.drill ?? options.drills.running(eventId);
      if (!running) throw new ApiFailure('conflict', 'No drill is running.');
      let ended: Drill | undefined;
      try {
        ended = options.drills.end(running.id, now());
      } catch (error) {
        return storageFailure(error);
      }
      if (monitor) monitor.drill = null;
      changed(eventId);
      if (!ended) throw new ApiFailure('not_found', `Drill ${running.id} no longer exists.`);
      return ended;
    },
    changed,
    discard: (eventId) => {
      const monitor = monitors.get(eventId);
      if (monitor) closeMonitor(monitor);
    },
    compact,
    flushAll: () => new Map([...monitors.values()].map((monitor) => [monitor.event.id, monitor.writer.flush()])),
    close: () => {
      if (compactTimer) clearInterval(compactTimer);
      for (const monitor of [...monitors.values()]) closeMonitor(monitor);
    },
  };
}
