import { historyMetrics } from '../preflight/run-metrics';
import { metricUnits, playbookName, profileName, type AssessmentReport } from './report';
import { messageText, recommendationLabel, sectionHeading, sectionOfGroup } from './report-html';
import type { Translate } from '../i18n/translator';

/** One CSV cell: text, a number (written with a dot, as spreadsheets and scripts read it), or empty. */
export type CsvCell = string | number | null;

/** A cell quoted as RFC 4180 asks: in quotes when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as an RFC 4180 document: CRLF line ends, and a UTF-8 byte order mark first so that
 * Excel reads Cyrillic instead of guessing a legacy code page.
 */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const isoDate = (ms: number) => new Date(ms).toISOString();

/**
 * The report as CSV rows `section,item,value,unit,status`: scores with their parts and weights,
 * verdicts, capacity, equipment, recommendations, key measurements, history and answers.
 * Words are in the translator's language; numbers and dates (ISO 8601) stay machine-readable.
 */
export function reportCsv(report: AssessmentReport, translate: Translate): string {
  const t = translate;
  const language = t.language;
  const rows: CsvCell[][] = [['section', 'item', 'value', 'unit', 'status'].map((column) => t(`report.csv.${column}`))];
  const add = (section: string, item: string, value: CsvCell, unit = '', status = '') => rows.push([section, item, value, unit, status]);
  const unitName = (unit: string) => (unit === 'none' ? '' : t(`report.unitNames.${unit}`));
  const status = (value: string | null) => (value === null ? '' : t(`report.status.${value}`));
  const checkStatus = (value: string | null) => (value === null ? '' : t(`report.checkStatus.${value}`));

  const objective = sectionHeading(t, 'objective');
  add(objective, t('report.objective.room'), report.room.name);
  add(objective, t('report.objective.organisation'), report.room.organisation);
  add(objective, t('report.objective.location'), [report.room.city, report.room.country].filter((part) => part.trim()).join(', '));
  add(objective, t('report.objective.seats'), report.room.capacity);
  add(objective, t('report.objective.assessedAt'), isoDate(report.assessment.assessedAt));
  add(objective, t('report.objective.assessor'), report.assessment.assessor);
  if (report.run) {
    add(objective, t('report.objective.run'), isoDate(report.run.startedAt), '', status(report.run.verdict));
    add(objective, t('report.history.profile'), profileName(report, report.run.profileId, language));
  } else add(objective, t('report.objective.run'), t('report.objective.noRun'));
  add(objective, t('report.objective.generatedAt'), isoDate(report.generatedAt));

  const framework = sectionHeading(t, 'framework');
  add(framework, t('report.framework.overall'), report.overall, unitName('score'));
  for (const area of report.areas) {
    const areaName = t(`assessment.areas.${area.area}`);
    add(areaName, t('report.framework.areaScore'), area.score, unitName('score'));
    for (const part of area.parts) {
      const partText = messageText(t, { key: `assessment.parts.${part.key}`, values: part.values });
      add(areaName, partText, part.score, unitName('score'));
      add(areaName, t('report.csv.weightOf', { part: partText }), part.weight * 100, unitName('percent'));
    }
  }

  const readiness = t('report.subsections.readiness');
  for (const verdict of report.verdicts) {
    add(readiness, profileName(report, verdict.profile, language), verdict.reasons.map((reason) => messageText(t, reason)).join('\n'), '', status(verdict.status));
  }

  const measurements = t('report.subsections.measurements');
  for (const check of report.measurements) {
    const checkName = check.deviceLabel ? `${t(`report.kinds.${check.kind}`)}: ${check.deviceLabel}` : t(`report.kinds.${check.kind}`);
    add(measurements, checkName, messageText(t, check.summary), '', checkStatus(check.status));
    for (const metric of check.metrics) {
      const value = typeof metric.value === 'boolean' ? t(metric.value ? 'report.values.yes' : 'report.values.no') : metric.value;
      add(measurements, `${checkName} — ${t(`report.metrics.${metric.id}`)}`, value, unitName(metric.unit), checkStatus(metric.status));
    }
  }

  const capacity = sectionHeading(t, 'capacity');
  const c = report.capacity;
  add(capacity, t('report.capacity.seats'), c.seats);
  add(capacity, t('report.capacity.onSite'), c.onSite);
  add(capacity, t('report.capacity.remote'), c.remote);
  add(capacity, t('report.capacity.download'), c.downloadMbps, unitName('mbps'));
  add(capacity, t('report.capacity.upload'), c.uploadMbps, unitName('mbps'));
  add(capacity, t('report.capacity.send'), c.sendHeight, unitName('px'));
  for (const rung of c.receiveStreams) add(capacity, t('report.capacity.receiveAt', { height: rung.height }), rung.streams, unitName('count'));
  for (const finding of c.findings) add(capacity, t('report.capacity.findings'), messageText(t, finding));

  const equipment = sectionHeading(t, 'equipment');
  for (const row of report.equipment) {
    row.needs.forEach((need, index) => {
      const profile = report.profiles[index];
      if (need && profile) add(equipment, `${t(`profiles.equipment.${row.item}`)} — ${profile.name[language]}`, t(`report.equipment.needs.${need}`));
    });
  }

  for (const item of report.recommendations) {
    const playbooks = item.playbooks.map((playbook) => playbookName(playbook, language));
    const text = playbooks.length ? `${messageText(t, item.message)}\n${t('report.recommendations.playbooks')} ${playbooks.join(', ')}` : messageText(t, item.message);
    add(sectionHeading(t, sectionOfGroup[item.group]), recommendationLabel(t, item.number), text, '', t(`assessment.priorities.${item.priority}`));
  }

  const summary = sectionHeading(t, 'summary');
  for (const verdict of ['pass', 'warn', 'fail'] as const) add(summary, t('report.csv.verdictCount'), report.summary.verdictCounts[verdict], unitName('count'), status(verdict));
  for (const priority of ['must', 'should', 'could'] as const) {
    add(summary, t('report.csv.recommendationCount'), report.summary.priorityCounts[priority], unitName('count'), t(`assessment.priorities.${priority}`));
  }

  const history = sectionHeading(t, 'history');
  for (const point of report.history) {
    for (const metric of historyMetrics) {
      add(history, `${isoDate(point.startedAt)} — ${t(`report.metrics.${metric}`)}`, point.values[metric], unitName(metricUnits[metric] ?? 'none'), checkStatus(point.verdict));
    }
  }

  const answers = sectionHeading(t, 'answers');
  for (const [field, value] of Object.entries(report.answers)) {
    add(answers, t(`report.answers.fields.${field}`), typeof value === 'string' ? t(`report.answers.values.${value}`) : value);
  }
  return csvDocument(rows);
}
