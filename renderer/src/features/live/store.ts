import { create } from 'zustand';
import type { RequestInput, RunSummary } from '../../../../shared/api/contract';
import type { ApiError, Result } from '../../../../shared/api/result';
import type { Drill, DrillKind, EventSummary, Incident, LiveEvent, LiveSample, MonitorStatus, Timeline } from '../../../../shared/live/live';
import { api } from '../../api/api';
import { navigate } from '../../app/navigation';
import { downloadExportedFile } from '../reports/exported-file';
import { runLiveMonitor, type MonitorPart, type PartState } from './monitor';
import type { PlaybookChoice } from './playbooks';
import { createSampleSender, type SenderState } from './sample-sender';
import type { CameraLimits } from './second-aggregation';

/** What starting the monitor takes from the event page. */
export interface MonitorChoice {
  parts: Record<MonitorPart, boolean>;
  microphoneId?: string;
  cameraId?: string;
  probe: { probeUrl: string; token: string; iceServers: { urls: string; username: string; credential: string }[]; relayOnly: boolean };
  cameraLimits: CameraLimits;
}

/** A time range of the timeline being looked at closely (null: the whole event). */
export type TimelineRange = { from: number; to: number } | null;

interface LiveState {
  events: LiveEvent[];
  runs: RunSummary[];
  eventId: number | null;
  event: LiveEvent | null;
  status: MonitorStatus | null;
  incidents: Incident[];
  drills: Drill[];
  playbooks: PlaybookChoice[];
  timeline: Timeline | null;
  range: TimelineRange;
  summary: EventSummary | null;
  /**
   * The event this window is measuring and sending seconds for. It goes on while the person
   * looks at other screens (a Plan B run, say) until monitoring is stopped.
   */
  samplingEventId: number | null;
  /** The monitored camera's stream, for the preview. */
  previewStream: MediaStream | null;
  parts: Partial<Record<MonitorPart, PartState>>;
  lastSample: LiveSample | null;
  sender: SenderState | null;
  error: ApiError | null;
  loadEvents(): Promise<void>;
  createEvent(input: RequestInput<'events:create'>): Promise<Result<LiveEvent>>;
  deleteEvent(id: number): Promise<void>;
  openEvent(id: number): Promise<void>;
  closeEvent(): void;
  startMonitoring(choice: MonitorChoice): Promise<void>;
  stopMonitoring(): Promise<void>;
  refreshLog(): Promise<void>;
  loadPlaybooks(): Promise<void>;
  acknowledge(id: number): Promise<void>;
  openPlaybook(id: number, templateId: string): Promise<void>;
  openManual(note: string): Promise<void>;
  saveNote(id: number, note: string): Promise<boolean>;
  closeIncident(id: number): Promise<void>;
  startDrill(kind: DrillKind): Promise<void>;
  stopDrill(): Promise<void>;
  loadTimeline(range?: TimelineRange): Promise<void>;
  loadSummary(): Promise<void>;
  exportReport(format: 'pdf' | 'csv' | 'json', language: 'en' | 'ru'): Promise<void>;
}

let monitorAbort: AbortController | null = null;

/** Events, the open event's monitoring, incidents, drills, timeline and report; the database holds the truth. */
export const useLive = create<LiveState>((set, get) => {
  const failed = (result: Result<unknown>) => {
    if (!result.ok) set({ error: result.error });
    return !result.ok;
  };
  const replaceIncident = (incident: Incident) =>
    set((state) => ({ incidents: state.incidents.some((each) => each.id === incident.id) ? state.incidents.map((each) => (each.id === incident.id ? incident : each)) : [...state.incidents, incident] }));
  const updateIncident = async (result: Result<Incident>) => {
    if (failed(result) || !result.ok) return null;
    replaceIncident(result.value);
    await Promise.all([refreshStatus(), get().refreshLog()]);
    return result.value;
  };
  const refreshStatus = async () => {
    const eventId = get().eventId;
    if (eventId === null) return;
    const status = await api.request['live:status']({ eventId });
    if (status.ok && get().eventId === eventId) set({ status: status.value });
  };

  return {
    events: [],
    runs: [],
    eventId: null,
    event: null,
    status: null,
    incidents: [],
    drills: [],
    playbooks: [],
    timeline: null,
    range: null,
    summary: null,
    samplingEventId: null,
    previewStream: null,
    parts: {},
    lastSample: null,
    sender: null,
    error: null,
    loadEvents: async () => {
      const [events, runs] = await Promise.all([api.request['events:list'](undefined), api.request['runs:list']({ limit: 200 })]);
      set({ events: events.ok ? events.value : [], runs: runs.ok ? runs.value.filter((run) => run.parentRunId === null) : [], error: events.ok ? null : events.error });
    },
    createEvent: async (input) => {
      const result = await api.request['events:create'](input);
      if (result.ok) await get().loadEvents();
      return result;
    },
    deleteEvent: async (id) => {
      const result = await api.request['events:delete']({ id });
      if (!failed(result)) await get().loadEvents();
    },
    openEvent: async (id) => {
      const same = get().samplingEventId === id;
      set({ eventId: id, event: null, status: null, incidents: [], drills: [], timeline: null, range: null, summary: null, error: null, ...(same ? {} : { lastSample: null, parts: {} }) });
      const [event, status] = await Promise.all([api.request['events:get']({ id }), api.request['live:status']({ eventId: id })]);
      if (get().eventId !== id) return;
      if (!event.ok) {
        set({ error: event.error });
        return;
      }
      set({ event: event.value, status: status.ok ? status.value : null });
      await Promise.all([get().refreshLog(), get().loadTimeline(null), get().loadPlaybooks()]);
    },
    closeEvent: () => set({ eventId: null, event: null }),
    startMonitoring: async (choice) => {
      const eventId = get().eventId;
      if (eventId === null || get().samplingEventId === eventId) return;
      // One monitor at a time: the devices cannot be shared between two.
      monitorAbort?.abort();
      const started = await api.request['live:start']({ eventId });
      if (failed(started) || !started.ok) return;
      set({ status: started.value, samplingEventId: eventId, parts: {}, lastSample: null, sender: null, error: null });
      const abort = new AbortController();
      monitorAbort = abort;
      const sender = createSampleSender({
        send: (samples) => api.request['live:samples']({ eventId, samples }),
        onStatus: applyStatus,
        onState: (state) => abort.signal.aborted || set({ sender: state }),
      });
      void runLiveMonitor({
        ...choice,
        signal: abort.signal,
        onSample: (sample) => {
          set({ lastSample: sample });
          sender.push(sample);
        },
        onPart: (part, state) => abort.signal.aborted || set((current) => ({ parts: { ...current.parts, [part]: state } })),
        onCameraStream: (previewStream) => set({ previewStream }),
      }).finally(() => {
        if (monitorAbort !== abort) return;
        monitorAbort = null;
        set({ samplingEventId: null, previewStream: null });
      });
    },
    stopMonitoring: async () => {
      monitorAbort?.abort();
      monitorAbort = null;
      set({ samplingEventId: null, previewStream: null, sender: null });
      const eventId = get().eventId;
      if (eventId === null) return;
      const stopped = await api.request['live:stop']({ eventId });
      if (!failed(stopped) && stopped.ok) set({ status: stopped.value });
      await get().refreshLog();
    },
    refreshLog: async () => {
      const eventId = get().eventId;
      if (eventId === null) return;
      const [incidents, drills] = await Promise.all([api.request['incidents:list']({ eventId }), api.request['drills:list']({ eventId })]);
      if (get().eventId !== eventId) return;
      set({ ...(incidents.ok ? { incidents: incidents.value } : {}), ...(drills.ok ? { drills: drills.value } : {}) });
    },
    loadPlaybooks: async () => {
      const list = await api.request['templates:list'](undefined);
      if (!list.ok) return;
      const templates = await Promise.all(list.value.filter((template) => template.kind === 'playbook').map((template) => api.request['templates:get']({ id: template.id })));
      const playbooks = templates.flatMap((result) =>
        result.ok && result.value.kind === 'playbook' ? [{ id: result.value.id, name: result.value.name, language: result.value.language, triggers: result.value.triggers }] : [],
      );
      set({ playbooks });
    },
    acknowledge: async (id) => void (await updateIncident(await api.request['incidents:acknowledge']({ id }))),
    openPlaybook: async (id, templateId) => {
      const incident = await updateIncident(await api.request['incidents:playbook']({ id, templateId }));
      if (incident?.playbookRunId) navigate('run-of-show', 'run', incident.playbookRunId);
    },
    openManual: async (note) => {
      const eventId = get().eventId;
      if (eventId === null) return;
      await updateIncident(await api.request['incidents:open']({ eventId, severity: 'warn', note }));
    },
    saveNote: async (id, note) => (await updateIncident(await api.request['incidents:note']({ id, note }))) !== null,
    closeIncident: async (id) => void (await updateIncident(await api.request['incidents:close']({ id }))),
    startDrill: async (kind) => {
      const eventId = get().eventId;
      if (eventId === null) return;
      if (!failed(await api.request['drills:start']({ eventId, kind }))) await Promise.all([refreshStatus(), get().refreshLog()]);
    },
    stopDrill: async () => {
      const eventId = get().eventId;
      if (eventId === null) return;
      if (!failed(await api.request['drills:stop']({ eventId }))) await Promise.all([refreshStatus(), get().refreshLog()]);
    },
    loadTimeline: async (range) => {
      const eventId = get().eventId;
      if (eventId === null) return;
      const wanted = range === undefined ? get().range : range;
      const result = await api.request['live:timeline']({ eventId, points: 600, ...(wanted ?? {}) });
      if (get().eventId !== eventId) return;
      if (result.ok) set({ timeline: result.value, range: wanted });
      else set({ error: result.error });
    },
    loadSummary: async () => {
      const eventId = get().eventId;
      if (eventId === null) return;
      const result = await api.request['live:summary']({ eventId });
      if (!failed(result) && result.ok) set({ summary: result.value });
    },
    exportReport: async (format, language) => {
      const eventId = get().eventId;
      if (eventId === null) return;
      const result = await api.request['live:export']({ eventId, format, language });
      if (!failed(result) && result.ok) downloadExportedFile(result.value);
    },
  };
});

api.on['events:changed'](({ id }) => {
  const { eventId, loadEvents, event } = useLive.getState();
  void loadEvents();
  if (eventId === id && event) void api.request['events:get']({ id }).then((result) => result.ok && useLive.setState({ event: result.value }));
});

api.on['live:changed']((status) => applyStatus(status));

/**
 * Takes a monitoring status, from the host's announcement or a live:samples answer alike, so
 * whichever arrives first, the log is reloaded when incidents or drills moved on.
 */
function applyStatus(status: MonitorStatus): void {
  const state = useLive.getState();
  if (state.eventId !== status.eventId) return;
  const before = state.status;
  useLive.setState({ status });
  // The log changes only when an incident or drill starts or ends; reload it then, not every second.
  const key = (value: MonitorStatus | null) => JSON.stringify([value?.openIncidents.map((incident) => [incident.id, incident.acknowledgedAt, incident.playbookRunId, incident.note]), value?.drill?.id, value?.drill?.endedAt]);
  // A drill's times fill in as its incident is seen, handled and closed; follow them until they are all in.
  const drillPending = state.drills.some((drill) => drill.timeToRecoverMs === null);
  if (key(before) !== key(status) || drillPending) void state.refreshLog();
}
