import { csvDocument, type CsvCell } from '../assessment/report-csv';
import type { Translate } from '../i18n/translator';
import { findProfile } from '../profiles/profile';
import { drillRule } from './drill';
import {
  metricUnits,
  mosBands,
  timelineMetrics,
  type Drill,
  type EventSummary,
  type Incident,
  type IncidentRule,
  type MetricSummary,
  type MosBand,
  type SegmentPlanActual,
  type Severity,
  type TimelineMetric,
} from './live';

/** The format name and version written into every exported event report. */
export const eventReportFormat = 'roomready.event-report';
/** Bumped when the report's JSON changes incompatibly. */
export const eventReportFormatVersion = 1;

/** An incident as the report tells it: when, how long, how fast people reacted. */
export interface EventReportIncident {
  id: number;
  rule: IncidentRule;
  severity: Severity;
  startedAt: number;
  endedAt: number | null;
  /** Null while the incident is still open. */
  durationMs: number | null;
  timeToRecoverMs: number | null;
  /** Start to the first reaction to its banner. */
  timeToNoticeMs: number | null;
  /** Start to its playbook opened. */
  timeToPlaybookMs: number | null;
  manual: boolean;
  drill: boolean;
  note: string;
  snapshot: Incident['snapshot'];
}

/** A segment as planned and as it went, with how late it started. */
export interface EventReportSegment extends SegmentPlanActual {
  /** Actual − planned start: positive when late. */
  driftMs: number | null;
  /** Ran longer than planned. */
  overran: boolean;
}

/** A drill with the rule it was meant to trip. */
export interface EventReportDrill extends Drill {
  rule: IncidentRule;
}

/**
 * What an event report says, in numbers and ids only, so one report renders in any language
 * and as HTML, PDF, CSV or JSON alike.
 */
export interface EventReport {
  format: typeof eventReportFormat;
  formatVersion: typeof eventReportFormatVersion;
  generatedAt: number;
  event: {
    id: number;
    title: string;
    profileId: string;
    /** The built-in profile's name; null for a profile the user made (the id is shown instead). */
    profileName: { en: string; ru: string } | null;
    roomId: number | null;
    plannedStart: number;
    plannedEnd: number;
    startedAt: number | null;
    endedAt: number | null;
  };
  /** Seconds stored. */
  samples: number;
  mosBands: Record<MosBand, number>;
  metrics: Record<TimelineMetric, MetricSummary | null>;
  /** Oldest first. */
  incidents: EventReportIncident[];
  incidentCounts: { total: number; drills: number; open: number; bySeverity: Record<Severity, number> };
  checklist: { steps: number; done: number; skipped: number; /** Done of all, 0–1. */ completion: number } | null;
  runOfShow: EventReportSegment[] | null;
  drills: EventReportDrill[];
}

const since = (from: number, to: number | null) => (to === null ? null : to - from);

/** The report of an event's summary, as of `generatedAt`. */
export function buildEventReport(summary: EventSummary, generatedAt: number): EventReport {
  const { event } = summary;
  const incidents = [...summary.incidents]
    .sort((a, b) => a.startedAt - b.startedAt || a.id - b.id)
    .map(
      (incident): EventReportIncident => ({
        id: incident.id,
        rule: incident.rule,
        severity: incident.severity,
        startedAt: incident.startedAt,
        endedAt: incident.endedAt,
        durationMs: incident.durationMs,
        timeToRecoverMs: incident.timeToRecoverMs,
        timeToNoticeMs: since(incident.startedAt, incident.acknowledgedAt),
        timeToPlaybookMs: since(incident.startedAt, incident.playbookOpenedAt),
        manual: incident.manual,
        drill: incident.drill,
        note: incident.note,
        snapshot: incident.snapshot,
      }),
    );
  const bySeverity: Record<Severity, number> = { info: 0, warn: 0, critical: 0 };
  for (const incident of incidents) bySeverity[incident.severity] += 1;
  const profile = findProfile(event.profileId);
  return {
    format: eventReportFormat,
    formatVersion: eventReportFormatVersion,
    generatedAt,
    event: {
      id: event.id,
      title: event.title,
      profileId: event.profileId,
      profileName: profile ? { en: profile.name.en, ru: profile.name.ru } : null,
      roomId: event.roomId,
      plannedStart: event.plannedStart,
      plannedEnd: event.plannedEnd,
      startedAt: event.startedAt,
      endedAt: event.endedAt,
    },
    samples: summary.samples,
    mosBands: { ...summary.mosBands },
    metrics: { ...summary.metrics },
    incidents,
    incidentCounts: {
      total: incidents.length,
      drills: incidents.filter((incident) => incident.drill).length,
      open: incidents.filter((incident) => incident.endedAt === null).length,
      bySeverity,
    },
    checklist: summary.checklist && { ...summary.checklist, completion: summary.checklist.steps === 0 ? 0 : summary.checklist.done / summary.checklist.steps },
    runOfShow:
      summary.runOfShow &&
      summary.runOfShow.map((segment) => ({
        ...segment,
        driftMs: segment.actualStart === null ? null : segment.actualStart - segment.plannedStart,
        overran: segment.actualMinutes !== null && segment.actualMinutes > segment.plannedMinutes,
      })),
    drills: [...summary.drills].sort((a, b) => a.startedAt - b.startedAt).map((drill) => ({ ...drill, rule: drillRule(drill.kind) })),
  };
}

/** The report as pretty JSON. */
export function eventReportJson(report: EventReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The profile's name in `language`, or its id for a profile the user made. */
export function reportProfileName(report: EventReport, language: Translate['language']): string {
  return report.event.profileName?.[language] ?? report.event.profileId;
}

const isoDate = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/**
 * The report as CSV rows `section,item,value,unit`: words in the translator's language, numbers
 * and dates (ISO 8601, durations in seconds) machine-readable.
 */
export function eventReportCsv(report: EventReport, translate: Translate): string {
  const t = translate;
  const rows: CsvCell[][] = [['section', 'item', 'value', 'unit'].map((column) => t(`incidents.report.csv.${column}`))];
  const unit = (name: string) => t(`incidents.report.unitNames.${name}`);
  const add = (section: string, item: string, value: CsvCell, unitName = '') => rows.push([section, item, value, unitName]);
  const yesNo = (value: boolean) => t(value ? 'incidents.report.values.yes' : 'incidents.report.values.no');
  const section = (name: string) => t(`incidents.report.sections.${name}`);

  const event = section('event');
  add(event, t('incidents.report.event.title'), report.event.title);
  add(event, t('incidents.report.event.profile'), reportProfileName(report, t.language));
  add(event, t('incidents.report.event.plannedStart'), isoDate(report.event.plannedStart));
  add(event, t('incidents.report.event.plannedEnd'), isoDate(report.event.plannedEnd));
  add(event, t('incidents.report.event.actualStart'), isoDate(report.event.startedAt));
  add(event, t('incidents.report.event.actualEnd'), isoDate(report.event.endedAt));
  add(event, t('incidents.report.event.samples'), report.samples, unit('seconds'));
  add(event, t('incidents.report.event.generatedAt'), isoDate(report.generatedAt));

  const mos = section('mosBands');
  for (const band of mosBands) add(mos, t(`incidents.mosBands.${band}`), report.mosBands[band] * 100, unit('percent'));

  const metrics = section('metrics');
  for (const metric of timelineMetrics) {
    const figures = report.metrics[metric];
    const name = t(`incidents.report.metrics.names.${metric}`);
    for (const figure of ['mean', 'p95', 'min', 'max'] as const) {
      add(metrics, `${name} — ${t(`incidents.report.metrics.${figure}`)}`, figures?.[figure] ?? null, unit(metricUnits[metric]));
    }
  }

  const incidents = section('incidents');
  for (const incident of report.incidents) {
    const name = t('incidents.report.incidents.item', { rule: t(`incidents.rules.${incident.rule}`), id: incident.id });
    const item = (label: string) => `${name} — ${t(`incidents.report.incidents.${label}`)}`;
    add(incidents, item('severity'), t(`incidents.severities.${incident.severity}`));
    add(incidents, item('started'), isoDate(incident.startedAt));
    add(incidents, item('ended'), isoDate(incident.endedAt));
    add(incidents, item('duration'), seconds(incident.durationMs), unit('seconds'));
    add(incidents, item('timeToRecover'), seconds(incident.timeToRecoverMs), unit('seconds'));
    add(incidents, item('noticed'), seconds(incident.timeToNoticeMs), unit('seconds'));
    add(incidents, item('playbook'), seconds(incident.timeToPlaybookMs), unit('seconds'));
    add(incidents, item('manual'), yesNo(incident.manual));
    add(incidents, item('drill'), yesNo(incident.drill));
    if (incident.note.trim()) add(incidents, item('note'), incident.note);
  }

  const checklist = section('checklist');
  if (report.checklist) {
    add(checklist, t('incidents.report.checklist.steps'), report.checklist.steps, unit('count'));
    add(checklist, t('incidents.report.checklist.done'), report.checklist.done, unit('count'));
    add(checklist, t('incidents.report.checklist.skipped'), report.checklist.skipped, unit('count'));
    add(checklist, t('incidents.report.checklist.completion'), report.checklist.completion * 100, unit('percent'));
  }

  const runOfShow = section('runOfShow');
  for (const segment of report.runOfShow ?? []) {
    const item = (label: string) => `${segment.title} — ${t(`incidents.report.runOfShow.${label}`)}`;
    add(runOfShow, item('plannedStart'), isoDate(segment.plannedStart));
    add(runOfShow, item('plannedMinutes'), segment.plannedMinutes, unit('minutes'));
    add(runOfShow, item('actualStart'), isoDate(segment.actualStart));
    add(runOfShow, item('actualMinutes'), segment.actualMinutes, unit('minutes'));
    add(runOfShow, item('drift'), seconds(segment.driftMs), unit('seconds'));
  }

  const drills = section('drills');
  for (const drill of report.drills) {
    const name = t('incidents.report.drills.item', { kind: t(`incidents.drills.${drill.kind}`), id: drill.id });
    const item = (label: string) => `${name} — ${t(`incidents.report.drills.${label}`)}`;
    add(drills, item('started'), isoDate(drill.startedAt));
    add(drills, item('ended'), isoDate(drill.endedAt));
    add(drills, item('rule'), t(`incidents.rules.${drill.rule}`));
    add(drills, item('timeToNotice'), seconds(drill.timeToNoticeMs), unit('seconds'));
    add(drills, item('timeToPlaybook'), seconds(drill.timeToPlaybookMs), unit('seconds'));
    add(drills, item('timeToRecover'), seconds(drill.timeToRecoverMs), unit('seconds'));
  }
  return csvDocument(rows);
}
