import { escapeHtml } from '../assessment/report-html';
import { formatDateTime, formatNumber, type Translate } from '../i18n/translator';
import { reportProfileName, type EventReport } from './event-report';
import { metricUnits, mosBands, timelineMetrics, type MosBand } from './live';

/** The event report's sections in print order. */
export const eventReportSections = ['event', 'mosBands', 'metrics', 'incidents', 'checklist', 'runOfShow', 'drills'] as const;

/** One section of the event report. */
export type EventReportSection = (typeof eventReportSections)[number];

/** Colours of the MOS bands in the share bar, best to worst. */
export const mosBandColours: Record<MosBand, string> = {
  excellent: '#15803d',
  good: '#65a30d',
  fair: '#ca8a04',
  poor: '#ea580c',
  bad: '#b91c1c',
};

const styles = `
@page { size: A4; margin: 18mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; line-height: 1.4; color: #1f2933; margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; }
h1 { font-size: 19pt; margin: 0 0 3mm; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; border-bottom: 2px solid #1d4ed8; padding-bottom: 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
tr { break-inside: avoid; }
th, td { border: 1px solid #cbd2d9; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
section { break-inside: auto; }
.meta { color: #52606d; }
.empty { color: #7b8794; font-style: italic; }
.badge { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-size: 8.5pt; font-weight: 600; white-space: nowrap; margin-left: 1mm; }
.severity-info { background: #e0f2fe; color: #0c4a6e; }
.severity-warn { background: #fef3c7; color: #78350f; }
.severity-critical { background: #fee2e2; color: #7f1d1d; }
.badge-drill { background: #ede9fe; color: #4c1d95; }
.badge-manual { background: #e4e7eb; color: #323f4b; }
tr.drill td { background: #faf5ff; }
td.over { color: #b91c1c; font-weight: 600; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1.5mm; vertical-align: middle; }
.bar { display: block; margin: 2mm 0; }
@media print { body { padding: 0; max-width: none; } }
`;

interface Context {
  report: EventReport;
  t: Translate;
}

const minuteMs = 60_000;

const number = (ctx: Context, value: number, digits = 1) => formatNumber(ctx.t.language, value, digits);
const empty = (text: string) => `<span class="empty">${escapeHtml(text)}</span>`;
const notMeasured = (ctx: Context) => empty(ctx.t('incidents.report.notMeasured'));
const emptyNote = (text: string) => `<p class="empty">${escapeHtml(text)}</p>`;

// Reports are read after the fact, so seconds matter: incidents a few seconds apart must read apart.
function moment(ctx: Context, ms: number): string {
  return formatDateTime(ctx.t.language, ms, undefined, 'second');
}

function momentOrEmpty(ctx: Context, ms: number | null, emptyKey: string): string {
  return ms === null ? empty(ctx.t(emptyKey)) : escapeHtml(moment(ctx, ms));
}

/** A duration as people read it: seconds under two minutes, then minutes, then hours. */
function duration(ctx: Context, ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const magnitude = Math.abs(ms);
  if (magnitude < 2 * minuteMs) return sign + ctx.t('incidents.report.units.seconds', { value: number(ctx, magnitude / 1000, 0) });
  if (magnitude < 120 * minuteMs) return sign + ctx.t('incidents.report.units.minutes', { value: number(ctx, magnitude / minuteMs, 1) });
  return sign + ctx.t('incidents.report.units.hours', { value: number(ctx, magnitude / (60 * minuteMs), 1) });
}

function durationOrEmpty(ctx: Context, ms: number | null, emptyKey: string): string {
  return ms === null ? empty(ctx.t(emptyKey)) : escapeHtml(duration(ctx, ms));
}

function sectionStart(ctx: Context, section: EventReportSection): string {
  const number = eventReportSections.indexOf(section) + 1;
  return `<section id="${section}"><h2>${escapeHtml(`${number}. ${ctx.t(`incidents.report.sections.${section}`)}`)}</h2>`;
}

function head(ctx: Context, keys: readonly string[]): string {
  return `<thead><tr>${keys.map((key) => `<th>${escapeHtml(ctx.t(key))}</th>`).join('')}</tr></thead>`;
}

function definitionTable(rows: readonly [string, string][]): string {
  return `<table><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

function eventSection(ctx: Context): string {
  const { report, t } = ctx;
  const { event } = report;
  return (
    sectionStart(ctx, 'event') +
    definitionTable([
      [t('incidents.report.event.title'), escapeHtml(event.title)],
      [t('incidents.report.event.profile'), escapeHtml(reportProfileName(report, t.language))],
      [t('incidents.report.event.plannedStart'), escapeHtml(moment(ctx, event.plannedStart))],
      [t('incidents.report.event.plannedEnd'), escapeHtml(moment(ctx, event.plannedEnd))],
      [t('incidents.report.event.actualStart'), momentOrEmpty(ctx, event.startedAt, 'incidents.report.event.notStarted')],
      [t('incidents.report.event.actualEnd'), momentOrEmpty(ctx, event.endedAt, 'incidents.report.event.notEnded')],
      [t('incidents.report.event.samples'), escapeHtml(duration(ctx, report.samples * 1000))],
      [
        t('incidents.report.event.incidentCount'),
        escapeHtml(t('incidents.report.event.incidentCountValue', { count: report.incidentCounts.total, drills: report.incidentCounts.drills })),
      ],
      [t('incidents.report.event.generatedAt'), escapeHtml(moment(ctx, report.generatedAt))],
    ]) +
    '</section>'
  );
}

function mosBar(ctx: Context): string {
  let x = 0;
  const rects = mosBands
    .map((band) => {
      const width = ctx.report.mosBands[band] * 100;
      // eslint-disable-next-line no-restricted-syntax -- SVG coordinates: a machine format (a dot, no grouping) in every language.
      const rect = width > 0 ? `<rect x="${x.toFixed(3)}" width="${width.toFixed(3)}" height="8" fill="${mosBandColours[band]}"/>` : '';
      x += width;
      return rect;
    })
    .join('');
  const label = escapeHtml(ctx.t('incidents.report.mos.chartLabel'));
  return `<svg class="bar" width="600" height="24" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${label}"><title>${label}</title><rect width="100" height="8" fill="#e4e7eb"/>${rects}</svg>`;
}

function mosSection(ctx: Context): string {
  const { report, t } = ctx;
  const measured = mosBands.some((band) => report.mosBands[band] > 0);
  if (!measured) return `${sectionStart(ctx, 'mosBands')}${emptyNote(t('incidents.report.mos.none'))}</section>`;
  const rows = mosBands
    .map(
      (band) =>
        `<tr><td><span class="swatch" style="background:${mosBandColours[band]}"></span>${escapeHtml(t(`incidents.mosBands.${band}`))}</td><td class="num">${escapeHtml(
          t('incidents.report.units.percent', { value: number(ctx, report.mosBands[band] * 100, 1) }),
        )}</td></tr>`,
    )
    .join('');
  return (
    `${sectionStart(ctx, 'mosBands')}<p>${escapeHtml(t('incidents.report.mos.intro'))}</p>${mosBar(ctx)}` +
    `<table>${head(ctx, ['incidents.report.mos.band', 'incidents.report.mos.share'])}<tbody>${rows}</tbody></table></section>`
  );
}

function metricValue(ctx: Context, value: number, unit: (typeof metricUnits)[keyof typeof metricUnits]): string {
  const text = number(ctx, value, unit === 'mos' ? 2 : 1);
  return escapeHtml(unit === 'mos' ? text : ctx.t(`incidents.report.units.${unit}`, { value: text }));
}

function metricsSection(ctx: Context): string {
  const { report, t } = ctx;
  const figures = ['mean', 'p95', 'min', 'max'] as const;
  const rows = timelineMetrics
    .map((metric) => {
      const summary = report.metrics[metric];
      const name = `<td>${escapeHtml(t(`incidents.report.metrics.names.${metric}`))}</td>`;
      if (summary === null) return `<tr>${name}<td colspan="${figures.length}">${notMeasured(ctx)}</td></tr>`;
      return `<tr>${name}${figures.map((figure) => `<td class="num">${metricValue(ctx, summary[figure], metricUnits[metric])}</td>`).join('')}</tr>`;
    })
    .join('');
  return `${sectionStart(ctx, 'metrics')}<table>${head(ctx, ['incidents.report.metrics.metric', ...figures.map((figure) => `incidents.report.metrics.${figure}`)])}<tbody>${rows}</tbody></table></section>`;
}

function incidentsSection(ctx: Context): string {
  const { report, t } = ctx;
  if (report.incidents.length === 0) return `${sectionStart(ctx, 'incidents')}${emptyNote(t('incidents.report.incidents.none'))}</section>`;
  const columns = ['rule', 'started', 'duration', 'timeToRecover', 'noticed', 'playbook', 'note'].map((column) => `incidents.report.incidents.${column}`);
  const rows = report.incidents
    .map((incident) => {
      const badges =
        `<span class="badge severity-${incident.severity}">${escapeHtml(t(`incidents.severities.${incident.severity}`))}</span>` +
        (incident.drill ? `<span class="badge badge-drill">${escapeHtml(t('incidents.report.incidents.drill'))}</span>` : '') +
        (incident.manual ? `<span class="badge badge-manual">${escapeHtml(t('incidents.report.incidents.manual'))}</span>` : '');
      return (
        `<tr${incident.drill ? ' class="drill"' : ''}><td>${escapeHtml(t(`incidents.rules.${incident.rule}`))}${badges}</td>` +
        `<td>${escapeHtml(moment(ctx, incident.startedAt))}</td>` +
        `<td class="num">${durationOrEmpty(ctx, incident.durationMs, 'incidents.report.incidents.stillOpen')}</td>` +
        `<td class="num">${durationOrEmpty(ctx, incident.timeToRecoverMs, 'incidents.report.incidents.notRecovered')}</td>` +
        `<td class="num">${durationOrEmpty(ctx, incident.timeToNoticeMs, 'incidents.report.notYet')}</td>` +
        `<td class="num">${durationOrEmpty(ctx, incident.timeToPlaybookMs, 'incidents.report.notYet')}</td>` +
        `<td>${escapeHtml(incident.note)}</td></tr>`
      );
    })
    .join('');
  return `${sectionStart(ctx, 'incidents')}<p>${escapeHtml(t('incidents.report.incidents.intro'))}</p><table>${head(ctx, columns)}<tbody>${rows}</tbody></table></section>`;
}

function checklistSection(ctx: Context): string {
  const { report, t } = ctx;
  const checklist = report.checklist;
  if (checklist === null) return `${sectionStart(ctx, 'checklist')}${emptyNote(t('incidents.report.checklist.none'))}</section>`;
  const count = (value: number) => escapeHtml(number(ctx, value, 0));
  const completion = escapeHtml(t('incidents.report.units.percent', { value: number(ctx, checklist.completion * 100, 0) }));
  // eslint-disable-next-line no-restricted-syntax -- an SVG width (machine format), not text a person reads.
  const width = (checklist.completion * 100).toFixed(3);
  const bar = `<svg class="bar" width="300" height="10" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="8" fill="#e4e7eb"/><rect width="${width}" height="8" fill="#1d4ed8"/></svg>`;
  return (
    sectionStart(ctx, 'checklist') +
    definitionTable([
      [t('incidents.report.checklist.steps'), count(checklist.steps)],
      [t('incidents.report.checklist.done'), count(checklist.done)],
      [t('incidents.report.checklist.skipped'), count(checklist.skipped)],
      [t('incidents.report.checklist.completion'), completion + bar],
    ]) +
    '</section>'
  );
}

function runOfShowSection(ctx: Context): string {
  const { report, t } = ctx;
  const segments = report.runOfShow;
  if (segments === null || segments.length === 0) return `${sectionStart(ctx, 'runOfShow')}${emptyNote(t('incidents.report.runOfShow.none'))}</section>`;
  const columns = ['segment', 'plannedStart', 'plannedMinutes', 'actualStart', 'actualMinutes', 'drift'].map((column) => `incidents.report.runOfShow.${column}`);
  const minutes = (value: number) => escapeHtml(t('incidents.report.units.minutes', { value: number(ctx, value, 1) }));
  const rows = segments
    .map(
      (segment) =>
        `<tr><td>${escapeHtml(segment.title)}</td><td>${escapeHtml(moment(ctx, segment.plannedStart))}</td><td class="num">${minutes(segment.plannedMinutes)}</td>` +
        `<td>${momentOrEmpty(ctx, segment.actualStart, 'incidents.report.runOfShow.notReached')}</td>` +
        `<td class="num${segment.overran ? ' over' : ''}">${segment.actualMinutes === null ? empty(t('incidents.report.runOfShow.notEnded')) : minutes(segment.actualMinutes)}</td>` +
        `<td class="num">${segment.driftMs === null ? '' : escapeHtml(segment.driftMs > 0 ? `+${duration(ctx, segment.driftMs)}` : duration(ctx, segment.driftMs))}</td></tr>`,
    )
    .join('');
  return `${sectionStart(ctx, 'runOfShow')}<p>${escapeHtml(t('incidents.report.runOfShow.intro'))}</p><table>${head(ctx, columns)}<tbody>${rows}</tbody></table></section>`;
}

function drillsSection(ctx: Context): string {
  const { report, t } = ctx;
  if (report.drills.length === 0) return `${sectionStart(ctx, 'drills')}${emptyNote(t('incidents.report.drills.none'))}</section>`;
  const columns = ['kind', 'started', 'rule', 'timeToNotice', 'timeToPlaybook', 'timeToRecover'].map((column) => `incidents.report.drills.${column}`);
  const rows = report.drills
    .map(
      (drill) =>
        `<tr class="drill"><td>${escapeHtml(t(`incidents.drills.${drill.kind}`))}</td><td>${escapeHtml(moment(ctx, drill.startedAt))}</td><td>${escapeHtml(
          t(`incidents.rules.${drill.rule}`),
        )}</td>` +
        `<td class="num">${durationOrEmpty(ctx, drill.timeToNoticeMs, 'incidents.report.notYet')}</td>` +
        `<td class="num">${durationOrEmpty(ctx, drill.timeToPlaybookMs, 'incidents.report.notYet')}</td>` +
        `<td class="num">${durationOrEmpty(ctx, drill.timeToRecoverMs, 'incidents.report.notYet')}</td></tr>`,
    )
    .join('');
  return `${sectionStart(ctx, 'drills')}<p>${escapeHtml(t('incidents.report.drills.intro'))}</p><table>${head(ctx, columns)}<tbody>${rows}</tbody></table></section>`;
}

/**
 * The event report as one self-contained HTML page for the screen and A4 print (PDF): inline
 * CSS, no scripts or external resources, every value escaped.
 */
export function renderEventReportHtml(report: EventReport, translate: Translate): string {
  const ctx: Context = { report, t: translate };
  const title = translate('incidents.report.documentTitle', { event: report.event.title });
  const body = [
    `<header><h1>${escapeHtml(translate('incidents.report.title'))}</h1><p class="meta">${escapeHtml(
      translate('incidents.report.subtitle', { event: report.event.title, date: moment(ctx, report.generatedAt) }),
    )}</p></header>`,
    eventSection(ctx),
    mosSection(ctx),
    metricsSection(ctx),
    incidentsSection(ctx),
    checklistSection(ctx),
    runOfShowSection(ctx),
    drillsSection(ctx),
  ].join('\n');
  return (
    `<!doctype html>\n<html lang="${translate.language}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${styles}</style></head><body>\n${body}\n</body></html>\n`
  );
}
