import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import type { ExportedFile } from '../../../shared/assessment/assessment';
import { createTranslator } from '../../../shared/i18n/translator';
import { checklistCompletion, planActual } from '../../../shared/live/aggregate';
import { buildEventReport, eventReportCsv, eventReportJson } from '../../../shared/live/event-report';
import { renderEventReportHtml } from '../../../shared/live/event-report-html';
import { summaryFigures } from '../../../shared/live/histogram';
import { timelineMetrics, type EventSummary, type Incident, type LiveEvent, type Timeline, type TimelineMetric } from '../../../shared/live/live';
import type { RecordedAction, RunWithTemplate } from '../../../shared/runofshow/run';
import { deriveRunState, type RunState } from '../../../shared/runofshow/run-state';
import { stepsInOrder, type Template } from '../../../shared/runofshow/template';
import { isStorageError } from '../live/sample-writer';
import type { ReportPrinter } from '../report-printer';
import type { Services } from '../services';
import { fileSlug, localDate } from './assessments';
import { noPresenterWindows, runOfShowHandlers } from './run-of-show';

type LiveHandlers = Pick<
  Handlers,
  | 'events:list'
  | 'events:create'
  | 'events:get'
  | 'events:delete'
  | 'live:start'
  | 'live:stop'
  | 'live:samples'
  | 'live:status'
  | 'live:timeline'
  | 'live:summary'
  | 'live:export'
  | 'incidents:list'
  | 'incidents:open'
  | 'incidents:acknowledge'
  | 'incidents:playbook'
  | 'incidents:note'
  | 'incidents:close'
  | 'drills:start'
  | 'drills:stop'
  | 'drills:list'
>;

/** Shortest timeline bucket: the log holds one row a second. */
const minBucketMs = 1000;

/** The bucket length of a timeline over [from, to] in about `points` buckets: never below a second. */
export function timelineBucketMs(from: number, to: number, points: number): number {
  return Math.max(minBucketMs, Math.ceil((to - from) / points));
}

/** The file name of an event's report, e.g. `roomready-event-annual-meeting-2025-03-14.pdf`. */
export function eventReportFileName(event: LiveEvent, format: 'pdf' | 'csv' | 'json'): string {
  return `roomready-event-${fileSlug(event.title)}-${localDate(event.startedAt ?? event.plannedStart)}.${format}`;
}

const mimeTypes = { pdf: 'application/pdf', json: 'application/json', csv: 'text/csv; charset=utf-8' } as const;

/** What a checklist action reads as on a timeline marker. */
function actionLabel(template: Template, action: RecordedAction): string {
  switch (action.type) {
    case 'step': {
      const step = stepsInOrder(template).find((entry) => entry.step.key === action.stepKey)?.step;
      return `${step?.title ?? action.stepKey}: ${action.state}`;
    }
    case 'note':
      return action.note;
    case 'presenter-message':
      return action.text;
    default:
      return action.type;
  }
}

const emptySeries = (count: number): Timeline['series'] =>
  Object.fromEntries(
    timelineMetrics.map((metric) => [metric, { min: new Array<number | null>(count).fill(null), mean: new Array<number | null>(count).fill(null), max: new Array<number | null>(count).fill(null) }]),
  ) as Record<TimelineMetric, Timeline['series'][TimelineMetric]>;

/** Events, their live monitoring, incidents, drills, timelines and reports. */
export function liveHandlers(services: Services, printer: ReportPrinter): LiveHandlers {
  const { live, events: bus } = services;
  const startRun = runOfShowHandlers(services, noPresenterWindows)['runs:start'];

  const requireEvent = (id: number): LiveEvent => {
    const event = live.events.get(id);
    if (!event) throw new ApiFailure('not_found', `Event ${id} does not exist. It may have been deleted; reload the list.`);
    return event;
  };
  const requireIncident = (id: number): Incident => {
    const incident = live.incidents.get(id);
    if (!incident) throw new ApiFailure('not_found', `Incident ${id} does not exist. It may have been deleted with its event.`);
    return incident;
  };
  // Writes outside the sample writer answer a full or read-only disk with advice, not a crash report.
  const writing = <T>(write: () => T): T => {
    try {
      return write();
    } catch (error) {
      if (isStorageError(error)) {
        throw new ApiFailure('storage', `RoomReady could not write to its database (${(error as { code: string }).code}). Free some disk space or make the data folder writable, then try again.`);
      }
      throw error;
    }
  };
  const changedIncident = (incident: Incident | undefined): Incident => {
    if (!incident) throw new ApiFailure('not_found', 'The incident no longer exists.');
    live.hub.changed(incident.eventId);
    return incident;
  };

  const runWithTemplate = (id: number): { run: RunWithTemplate; state: RunState } | null => {
    const run = services.runs.get(id);
    const template = run && services.templates.get(run.templateId, run.templateVersion);
    if (!run || !template) return null;
    return { run: { ...run, template }, state: deriveRunState(template, run.actions) };
  };

  /** The event's run of show, then the playbook runs opened from it or for its incidents, each once. */
  const eventRuns = (event: LiveEvent, incidents: readonly Incident[]) => {
    const main = event.runId === null ? null : runWithTemplate(event.runId);
    const ids = [...(main?.state.childRunIds ?? []), ...incidents.flatMap((incident) => (incident.playbookRunId === null ? [] : [incident.playbookRunId]))];
    const children = [...new Set(ids)].filter((id) => id !== event.runId).flatMap((id) => runWithTemplate(id) ?? []);
    return { main, all: main ? [main, ...children] : children };
  };

  const summaryOf = (event: LiveEvent): EventSummary => {
    const incidents = live.incidents.listForEvent(event.id);
    const runs = eventRuns(event, incidents);
    const main = runs.main;
    return {
      event,
      ...summaryFigures(live.samples.summary(event.id)),
      incidents: incidents.map((incident) => {
        const durationMs = incident.endedAt === null ? null : incident.endedAt - incident.startedAt;
        return { ...incident, durationMs, timeToRecoverMs: durationMs };
      }),
      checklist: checklistCompletion(runs.all.map(({ run, state }) => ({ template: run.template, state }))),
      runOfShow:
        main && main.run.template.kind === 'run_of_show'
          ? planActual(main.run.template, main.state, { plannedStart: main.run.plannedStart, now: main.state.finishedAt === null ? Date.now() : undefined })
          : null,
      drills: live.drills.listForEvent(event.id),
    };
  };

  const timelineOf = (event: LiveEvent, range: { from?: number; to?: number; points: number }): Timeline => {
    const bounds = range.from === undefined || range.to === undefined ? live.samples.bounds(event.id) : null;
    const from = range.from ?? bounds?.first ?? event.startedAt ?? event.plannedStart;
    const to = range.to ?? bounds?.last ?? Math.max(from, event.endedAt ?? Date.now());
    if (to < from) throw new ApiFailure('invalid_argument', 'The timeline ends before it starts; choose a range whose end is after its start.');
    const bucketMs = timelineBucketMs(from, to, range.points);
    const count = Math.floor((to - from) / bucketMs) + 1;
    const at = Array.from({ length: count }, (_, index) => from + index * bucketMs);
    const series = emptySeries(count);
    for (const bucket of live.samples.timeline(event.id, from, to, bucketMs)) {
      for (const metric of timelineMetrics) {
        const { min, mean, max } = bucket.values[metric];
        series[metric].min[bucket.bucket] = min;
        series[metric].mean[bucket.bucket] = mean;
        series[metric].max[bucket.bucket] = max;
      }
    }
    const incidents = live.incidents.listInRange(event.id, from, to);
    const actions = eventRuns(event, incidents).all.flatMap(({ run }) =>
      run.actions.filter((action) => action.at >= from && action.at <= to).map((action) => ({ at: action.at, runId: run.id, label: actionLabel(run.template, action) })),
    );
    return {
      from,
      to,
      bucketMs,
      at,
      series,
      incidents: incidents.map(({ id, rule, severity, startedAt, endedAt, drill }) => ({ id, rule, severity, startedAt, endedAt, drill })),
      actions: actions.sort((a, b) => a.at - b.at),
    };
  };

  return {
    'events:list': () => live.events.list(),
    'events:create': (input) => {
      if (!services.profiles.find(input.profileId)) {
        throw new ApiFailure('not_found', `There is no requirement profile "${input.profileId}". Choose one of the profiles listed.`, [{ path: 'profileId', message: 'validation.invalid' }]);
      }
      if (input.roomId !== null && !services.rooms.get(input.roomId)) {
        throw new ApiFailure('not_found', `Room ${input.roomId} does not exist. It may have been deleted; reload the list.`, [{ path: 'roomId', message: 'validation.invalid' }]);
      }
      if (input.runId !== null && !services.runs.get(input.runId)) {
        throw new ApiFailure('not_found', `Run ${input.runId} does not exist. Choose the run of show again.`, [{ path: 'runId', message: 'validation.invalid' }]);
      }
      const event = writing(() => live.events.insert(input, Date.now()));
      bus.emit('events:changed', { id: event.id });
      return event;
    },
    'events:get': ({ id }) => requireEvent(id),
    'events:delete': ({ id }) => {
      requireEvent(id);
      live.hub.discard(id);
      writing(() => live.events.remove(id));
      bus.emit('events:changed', { id });
      return { id };
    },
    'live:start': ({ eventId }) => live.hub.start(eventId),
    'live:stop': ({ eventId }) => live.hub.stop(eventId),
    'live:samples': ({ eventId, samples }) => live.hub.ingest(eventId, samples),
    'live:status': ({ eventId }) => live.hub.status(eventId),
    'live:timeline': ({ eventId, from, to, points }) => timelineOf(requireEvent(eventId), { from, to, points }),
    'live:summary': ({ eventId }) => summaryOf(requireEvent(eventId)),
    'live:export': async ({ eventId, format, language }): Promise<ExportedFile> => {
      const event = requireEvent(eventId);
      const report = buildEventReport(summaryOf(event), Date.now());
      const file = (encoding: ExportedFile['encoding'], data: string): ExportedFile => ({ fileName: eventReportFileName(event, format), mimeType: mimeTypes[format], encoding, data });
      if (format === 'json') return file('utf8', eventReportJson(report));
      const translate = createTranslator(language);
      if (format === 'csv') return file('utf8', eventReportCsv(report, translate));
      return file('base64', Buffer.from(await printer.pdf(renderEventReportHtml(report, translate))).toString('base64'));
    },
    'incidents:list': ({ eventId }) => {
      requireEvent(eventId);
      return live.incidents.listForEvent(eventId);
    },
    'incidents:open': ({ eventId, severity, note }) => {
      requireEvent(eventId);
      const drill = live.drills.running(eventId) !== undefined;
      const incident = writing(() => live.incidents.insert(eventId, { rule: 'manual', severity, startedAt: Date.now(), manual: true, drill, snapshot: {}, note }));
      return changedIncident(incident);
    },
    'incidents:acknowledge': ({ id }) => {
      requireIncident(id);
      return changedIncident(writing(() => live.incidents.acknowledge(id, Date.now())));
    },
    'incidents:playbook': async ({ id, templateId }) => {
      const incident = requireIncident(id);
      // A second click on the banner opens nothing new.
      if (incident.playbookRunId !== null) return incident;
      const event = requireEvent(incident.eventId);
      const template = services.templates.get(templateId);
      if (!template) throw new ApiFailure('not_found', `There is no playbook "${templateId}".`);
      if (template.kind !== 'playbook') throw new ApiFailure('invalid_argument', `"${template.name}" is not a Plan B playbook; choose a playbook.`);
      const now = Date.now();
      let runId: number | null = null;
      if (event.runId !== null) {
        try {
          runId = (await startRun({ templateId, title: template.name, plannedStart: now, parentRunId: event.runId })).id;
        } catch (error) {
          // The event's run has finished (or is gone): the playbook still opens, on its own.
          if (!(error instanceof ApiFailure && (error.code === 'conflict' || error.code === 'not_found'))) throw error;
        }
      }
      if (runId === null) {
        const title = `${template.name} — #${incident.id} ${incident.rule}, ${event.title}`.slice(0, 200);
        const run = await startRun({ templateId, title, plannedStart: now, parentRunId: null });
        // A nested playbook starts at once (runs:start does that); a standalone one must too, its clock is the incident's.
        writing(() => services.runs.append(run.id, { type: 'start' }, services.readSettings().operatorName, now));
        bus.emit('runs:changed', { runId: run.id });
        runId = run.id;
      }
      const openedRun = runId;
      return changedIncident(writing(() => live.incidents.setPlaybook(id, openedRun, now)));
    },
    'incidents:note': ({ id, note }) => {
      requireIncident(id);
      return changedIncident(writing(() => live.incidents.setNote(id, note)));
    },
    'incidents:close': ({ id }) => {
      const incident = requireIncident(id);
      if (!incident.manual) throw new ApiFailure('conflict', 'This incident closes by itself once the metrics are back within limits; only incidents opened by hand are closed by hand.');
      return changedIncident(writing(() => live.incidents.end(id, Date.now())));
    },
    'drills:start': ({ eventId, kind }) => {
      requireEvent(eventId);
      return live.hub.startDrill(eventId, kind);
    },
    'drills:stop': ({ eventId }) => {
      requireEvent(eventId);
      return live.hub.stopDrill(eventId);
    },
    'drills:list': ({ eventId }) => {
      requireEvent(eventId);
      return live.drills.listForEvent(eventId);
    },
  };
}
