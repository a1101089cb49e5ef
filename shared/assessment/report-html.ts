import type { CheckStatus, Message } from '../preflight/check';
import { formatDate, formatDateTime, formatNumber, localizeValues, type Translate } from '../i18n/translator';
import type { AreaScore, RecommendationGroup } from './assessment';
import { historyMetrics, type HistoryMetric } from '../preflight/run-metrics';
import {
  metricUnits,
  playbookName,
  profileName,
  type AssessmentReport,
  type HistoryPoint,
  type ReportMetric,
  type ReportRecommendation,
} from './report';

/** The report's major sections in print order: each starts a new page. */
export const reportSections = [
  'objective',
  'framework',
  'capacity',
  'equipment',
  'space',
  'contingency',
  'scalable',
  'security',
  'summary',
  'history',
  'answers',
] as const;

/** One major section of the report. */
export type ReportSection = (typeof reportSections)[number];

/** The section each recommendation group is printed in. */
export const sectionOfGroup: Record<RecommendationGroup, ReportSection> = {
  connectivity: 'framework',
  equipment: 'equipment',
  space: 'space',
  contingency: 'contingency',
  scalable: 'scalable',
  security: 'security',
};

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char]!);
}

// A CSS string literal that cannot end the string, the rule or the <style> element early.
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]+/g, ' ').replace(/</g, '\\3c ').replace(/>/g, '\\3e ')}"`;
}

/** A translatable message as text in the translator's language, its numbers written the local way. */
export function messageText(translate: Translate, message: Message): string {
  return translate(message.key, localizeValues(translate.language, message.values));
}

/** A section's heading with its number (1–9 for the seed's outline, A and B for the annexes). */
export function sectionHeading(translate: Translate, section: ReportSection): string {
  const index = reportSections.indexOf(section);
  const number = index < 9 ? String(index + 1) : String.fromCharCode(65 + index - 9);
  return `${number}. ${translate(`report.sections.${section}`)}`;
}

/** The report's wording of a recommendation number, e.g. R3. */
export function recommendationLabel(translate: Translate, number: number): string {
  return translate('report.recommendations.number', { number });
}

const styles = `
@page { size: A4; margin: 18mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1f2933; margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 15pt; margin: 0 0 4mm; border-bottom: 2px solid #1d4ed8; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
p { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; page-break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #cbd2d9; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
table.parts th:nth-child(n+2) { width: 20mm; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
.cover { border-bottom: 1px solid #cbd2d9; margin-bottom: 6mm; padding-bottom: 3mm; }
.meta { color: #52606d; }
.major { break-before: page; padding-top: 2mm; }
.major:first-of-type { break-before: auto; }
.score { font-size: 14pt; font-weight: 700; }
.bar { vertical-align: middle; margin-left: 3mm; }
.empty { color: #7b8794; font-style: italic; }
.status, .priority { display: inline-block; padding: 0 2mm; border-radius: 2mm; font-size: 9pt; font-weight: 600; white-space: nowrap; }
.status-pass { background: #dcfce7; color: #14532d; }
.status-warn { background: #fef3c7; color: #78350f; }
.status-fail { background: #fee2e2; color: #7f1d1d; }
.priority-must { background: #fee2e2; color: #7f1d1d; }
.priority-should { background: #fef3c7; color: #78350f; }
.priority-could { background: #e0f2fe; color: #0c4a6e; }
.rec-number { font-weight: 700; margin-right: 1.5mm; }
.recommendations li { margin-bottom: 2mm; }
.charts { display: flex; flex-wrap: wrap; gap: 4mm; }
.chart { break-inside: avoid; }
.chart figcaption { font-weight: 600; font-size: 9.5pt; }
@media print { body { padding: 0; max-width: none; } }
`;

interface Context {
  report: AssessmentReport;
  t: Translate;
}

const number = (ctx: Context, value: number, digits = 2) => formatNumber(ctx.t.language, value, digits);
const notMeasured = (ctx: Context) => `<span class="empty">${escapeHtml(ctx.t('report.notMeasured'))}</span>`;
const emptyNote = (text: string) => `<p class="empty">${escapeHtml(text)}</p>`;

// Verdicts say whether the room is ready; checks and figures say whether they are within limits.
function statusBadge(ctx: Context, status: CheckStatus | null, words: 'verdict' | 'check' = 'check'): string {
  if (status === null) return '';
  const text = words === 'verdict' ? ctx.t(`report.status.${status}`) : ctx.t(`report.checkStatus.${status}`);
  return `<span class="status status-${status}">${escapeHtml(text)}</span>`;
}

function valueWithUnit(ctx: Context, value: number | boolean | null, unit: string): string {
  if (value === null) return notMeasured(ctx);
  if (typeof value === 'boolean') return escapeHtml(ctx.t(value ? 'report.values.yes' : 'report.values.no'));
  const text = number(ctx, value);
  return escapeHtml(unit === 'none' ? text : ctx.t(`report.units.${unit}`, { value: text }));
}

function scoreBar(score: number | null): string {
  const width = score ?? 0;
  return `<svg class="bar" width="160" height="10" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="8" fill="#e4e7eb"/><rect width="${width}" height="8" fill="#1d4ed8"/></svg>`;
}

function scoreText(ctx: Context, score: number | null): string {
  return score === null ? notMeasured(ctx) : `<span class="score">${escapeHtml(ctx.t('report.scoreValue', { score }))}</span>`;
}

function sectionStart(ctx: Context, section: ReportSection): string {
  return `<section class="major" id="${section}"><h2>${escapeHtml(sectionHeading(ctx.t, section))}</h2>`;
}

function recommendationList(ctx: Context, group: RecommendationGroup): string {
  const items = ctx.report.recommendations.filter((recommendation) => recommendation.group === group);
  if (items.length === 0) return emptyNote(ctx.t('report.recommendations.none'));
  return `<ul class="recommendations">${items.map((item) => recommendationItem(ctx, item)).join('')}</ul>`;
}

function recommendationItem(ctx: Context, item: ReportRecommendation): string {
  const playbooks = item.playbooks.length
    ? `<div>${escapeHtml(ctx.t('report.recommendations.playbooks'))} ${item.playbooks
        .map((playbook) => `<strong>${escapeHtml(playbookName(playbook, ctx.t.language))}</strong>`)
        .join(', ')}</div>`
    : '';
  return (
    `<li id="r${item.number}"><span class="rec-number">${escapeHtml(recommendationLabel(ctx.t, item.number))}</span>` +
    `<span class="priority priority-${item.priority}">${escapeHtml(ctx.t(`assessment.priorities.${item.priority}`))}</span> ` +
    `${escapeHtml(messageText(ctx.t, item.message))}${playbooks}</li>`
  );
}

function definitionTable(rows: readonly [string, string][]): string {
  return `<table><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

function objective(ctx: Context): string {
  const { report, t } = ctx;
  const { room, assessment, run } = report;
  const orNone = (text: string) => (text.trim() ? escapeHtml(text) : `<span class="empty">${escapeHtml(t('report.objective.notGiven'))}</span>`);
  const location = [room.city, room.country].filter((part) => part.trim()).join(', ');
  const runText = run
    ? escapeHtml(
        t('report.objective.runValue', {
          profile: profileName(report, run.profileId, t.language),
          date: formatDateTime(t.language, run.startedAt),
          status: t(`report.status.${run.verdict}`),
        }),
      )
    : `<span class="empty">${escapeHtml(t('report.objective.noRun'))}</span>`;
  const rows: [string, string][] = [
    [t('report.objective.room'), escapeHtml(room.name)],
    [t('report.objective.organisation'), orNone(room.organisation)],
    [t('report.objective.location'), orNone(location)],
    [t('report.objective.seats'), room.capacity === null ? orNone('') : escapeHtml(number(ctx, room.capacity, 0))],
    [t('report.objective.assessedAt'), escapeHtml(formatDateTime(t.language, assessment.assessedAt))],
    [t('report.objective.assessor'), orNone(assessment.assessor)],
    [t('report.objective.run'), runText],
    [t('report.objective.origin'), escapeHtml(t(`report.objective.origins.${assessment.origin}`))],
    [t('report.objective.generatedAt'), escapeHtml(formatDateTime(t.language, report.generatedAt))],
  ];
  if (assessment.notes.trim()) rows.push([t('report.objective.notes'), escapeHtml(assessment.notes)]);
  return `${sectionStart(ctx, 'objective')}<p>${escapeHtml(t('report.objective.purpose'))}</p>${definitionTable(rows)}</section>`;
}

function areaBlock(ctx: Context, area: AreaScore): string {
  const { t } = ctx;
  const parts = area.parts.length
    ? `<table class="parts"><thead><tr><th>${escapeHtml(t('report.framework.part'))}</th><th>${escapeHtml(t('report.framework.partScore'))}</th><th>${escapeHtml(
        t('report.framework.weight'),
      )}</th></tr></thead><tbody>${area.parts
        .map(
          (part) =>
            `<tr><td>${escapeHtml(messageText(t, { key: `assessment.parts.${part.key}`, values: part.values }))}</td><td class="num">${escapeHtml(
              number(ctx, part.score, 0),
            )}</td><td class="num">${escapeHtml(t('report.units.percent', { value: number(ctx, part.weight * 100, 0) }))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : emptyNote(t('report.framework.noParts'));
  return `<h3>${escapeHtml(t(`assessment.areas.${area.area}`))}</h3><p>${scoreText(ctx, area.score)}${scoreBar(area.score)}</p>${parts}`;
}

function metricCells(ctx: Context, metric: ReportMetric): string {
  return `<td>${escapeHtml(ctx.t(`report.metrics.${metric.id}`))}</td><td class="num">${valueWithUnit(ctx, metric.value, metric.unit)}</td><td>${statusBadge(ctx, metric.status)}</td>`;
}

function readiness(ctx: Context): string {
  const { report, t } = ctx;
  if (report.verdicts.length === 0) return emptyNote(t('report.readiness.none'));
  const rows = report.verdicts
    .map((verdict) => {
      const reasons = verdict.reasons.length
        ? `<ul>${verdict.reasons.map((reason) => `<li>${escapeHtml(messageText(t, reason))}</li>`).join('')}</ul>`
        : escapeHtml(t('report.readiness.noReasons'));
      return `<tr><td>${escapeHtml(profileName(report, verdict.profile, t.language))}</td><td>${statusBadge(ctx, verdict.status, 'verdict')}</td><td>${reasons}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>${escapeHtml(t('report.readiness.eventType'))}</th><th>${escapeHtml(t('report.readiness.status'))}</th><th>${escapeHtml(
    t('report.readiness.reasons'),
  )}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function measurements(ctx: Context): string {
  const { report, t } = ctx;
  if (report.measurements.length === 0) return emptyNote(t('report.measurements.none'));
  const head = ['check', 'result', 'metric', 'value', 'status'].map((column) => `<th>${escapeHtml(t(`report.measurements.${column}`))}</th>`).join('');
  const rows = report.measurements
    .map((check) => {
      const label = `${escapeHtml(t(`report.kinds.${check.kind}`))}${check.deviceLabel ? `<br><span class="meta">${escapeHtml(check.deviceLabel)}</span>` : ''}`;
      const result = `${statusBadge(ctx, check.status)} ${escapeHtml(messageText(t, check.summary))}`;
      const span = Math.max(1, check.metrics.length);
      const first = check.metrics[0];
      const lead = `<tr><td rowspan="${span}">${label}</td><td rowspan="${span}">${result}</td>${first ? metricCells(ctx, first) : '<td></td><td></td><td></td>'}</tr>`;
      return lead + check.metrics.slice(1).map((metric) => `<tr>${metricCells(ctx, metric)}</tr>`).join('');
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function framework(ctx: Context): string {
  const { report, t } = ctx;
  return (
    `${sectionStart(ctx, 'framework')}<p>${escapeHtml(t('report.framework.intro'))}</p>` +
    `<p><strong>${escapeHtml(t('report.framework.overall'))}:</strong> ${scoreText(ctx, report.overall)}${scoreBar(report.overall)}</p>` +
    report.areas.map((area) => areaBlock(ctx, area)).join('') +
    `<h3>${escapeHtml(t('report.subsections.readiness'))}</h3>${readiness(ctx)}` +
    `<h3>${escapeHtml(t('report.subsections.measurements'))}</h3>${measurements(ctx)}` +
    `<h3>${escapeHtml(t('report.subsections.connectivity'))}</h3>${recommendationList(ctx, 'connectivity')}</section>`
  );
}

function capacity(ctx: Context): string {
  const { report, t } = ctx;
  const c = report.capacity;
  const count = (value: number | null) => (value === null ? notMeasured(ctx) : escapeHtml(number(ctx, value, 0)));
  const send =
    c.sendHeight === null ? notMeasured(ctx) : escapeHtml(c.sendHeight === 0 ? t('report.capacity.sendNone') : t('report.capacity.height', { height: c.sendHeight }));
  const receive = c.receiveStreams.length
    ? `<ul>${c.receiveStreams.map((rung) => `<li>${escapeHtml(t('report.capacity.streams', { count: rung.streams, height: rung.height }))}</li>`).join('')}</ul>`
    : notMeasured(ctx);
  const findings = c.findings.length
    ? `<ul>${c.findings.map((finding) => `<li>${escapeHtml(messageText(t, finding))}</li>`).join('')}</ul>`
    : emptyNote(t('report.capacity.noFindings'));
  return (
    `${sectionStart(ctx, 'capacity')}<p>${escapeHtml(t('report.capacity.intro'))}</p>` +
    definitionTable([
      [t('report.capacity.seats'), count(c.seats)],
      [t('report.capacity.onSite'), count(c.onSite)],
      [t('report.capacity.remote'), count(c.remote)],
      [t('report.capacity.download'), valueWithUnit(ctx, c.downloadMbps, 'mbps')],
      [t('report.capacity.upload'), valueWithUnit(ctx, c.uploadMbps, 'mbps')],
      [t('report.capacity.send'), send],
      [t('report.capacity.receive'), receive],
    ]) +
    `<h3>${escapeHtml(t('report.capacity.findings'))}</h3>${findings}</section>`
  );
}

function equipment(ctx: Context): string {
  const { report, t } = ctx;
  const table = report.equipment.length
    ? `<table><thead><tr><th>${escapeHtml(t('report.equipment.item'))}</th>${report.profiles
        .map((profile) => `<th>${escapeHtml(profile.name[t.language])}</th>`)
        .join('')}</tr></thead><tbody>${report.equipment
        .map(
          (row) =>
            `<tr><td>${escapeHtml(t(`profiles.equipment.${row.item}`))}</td>${row.needs
              .map((need) => `<td>${escapeHtml(t(`report.equipment.needs.${need ?? 'none'}`))}</td>`)
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : emptyNote(t('report.equipment.empty'));
  return (
    `${sectionStart(ctx, 'equipment')}<p>${escapeHtml(t('report.equipment.intro'))}</p>${table}` +
    `<h3>${escapeHtml(t('report.subsections.equipment'))}</h3>${recommendationList(ctx, 'equipment')}</section>`
  );
}

function groupSection(ctx: Context, section: 'space' | 'contingency' | 'scalable' | 'security'): string {
  return `${sectionStart(ctx, section)}<p>${escapeHtml(ctx.t(`report.intro.${section}`))}</p>${recommendationList(ctx, section)}</section>`;
}

function summary(ctx: Context): string {
  const { report, t } = ctx;
  const { verdictCounts, priorityCounts, must } = report.summary;
  const verdictLines = (['pass', 'warn', 'fail'] as const).map((status) => `<li>${statusBadge(ctx, status, 'verdict')} ${escapeHtml(t(`report.summary.verdicts.${status}`, { count: verdictCounts[status] }))}</li>`);
  const total = priorityCounts.must + priorityCounts.should + priorityCounts.could;
  const mustList = must.length
    ? `<p>${escapeHtml(t('report.summary.mustIntro'))}</p><ul>${must
        .map((numberOfItem) => {
          const item = report.recommendations.find((candidate) => candidate.number === numberOfItem)!;
          return `<li>${escapeHtml(t('report.summary.mustItem', { number: recommendationLabel(t, numberOfItem), section: sectionHeading(t, sectionOfGroup[item.group]) }))}</li>`;
        })
        .join('')}</ul>`
    : emptyNote(t('report.summary.noMust'));
  return (
    `${sectionStart(ctx, 'summary')}<p><strong>${escapeHtml(t('report.framework.overall'))}:</strong> ${scoreText(ctx, report.overall)}${scoreBar(report.overall)}</p>` +
    `<ul>${report.areas.map((area) => `<li>${escapeHtml(t(`assessment.areas.${area.area}`))}: ${area.score === null ? notMeasured(ctx) : escapeHtml(t('report.scoreValue', { score: area.score }))}</li>`).join('')}</ul>` +
    `<h3>${escapeHtml(t('report.subsections.readiness'))}</h3><ul>${verdictLines.join('')}</ul>` +
    `<h3>${escapeHtml(t('report.subsections.recommendations'))}</h3><p>${escapeHtml(
      t('report.summary.recommendations', { count: total, must: priorityCounts.must, should: priorityCounts.should, could: priorityCounts.could }),
    )}</p>${mustList}</section>`
  );
}

const chartSize = { width: 320, height: 130, left: 72, right: 10, top: 10, bottom: 24 };

function chart(ctx: Context, metric: HistoryMetric, points: readonly HistoryPoint[]): string {
  const { t } = ctx;
  const name = t(`report.metrics.${metric}`);
  const values = points.map((point) => point.values[metric]);
  const measured = values.filter((value): value is number => value !== null);
  const caption = `<figcaption>${escapeHtml(name)}</figcaption>`;
  if (measured.length === 0) return `<figure class="chart">${caption}${notMeasured(ctx)}</figure>`;
  const { width, height, left, right, top, bottom } = chartSize;
  const low = Math.min(0, ...measured);
  const high = Math.max(...measured, low + 1e-9);
  const x = (index: number) => left + (points.length === 1 ? (width - left - right) / 2 : (index * (width - left - right)) / (points.length - 1));
  const y = (value: number) => top + (1 - (value - low) / (high - low)) * (height - top - bottom);
  // eslint-disable-next-line no-restricted-syntax -- SVG coordinates: a machine format (a dot, no grouping) in every language.
  const coordinate = (value: number) => value.toFixed(1);
  // A run without the figure breaks the line rather than bridging it with a guess.
  const runs: string[][] = [[]];
  values.forEach((value, index) => {
    if (value === null) runs.push([]);
    else runs[runs.length - 1]!.push(`${coordinate(x(index))},${coordinate(y(value))}`);
  });
  const lines = runs
    .filter((run) => run.length > 1)
    .map((run) => `<polyline fill="none" stroke="#1d4ed8" stroke-width="1.5" points="${run.join(' ')}"/>`)
    .join('');
  const dots = values
    .map((value, index) => (value === null ? '' : `<circle cx="${coordinate(x(index))}" cy="${coordinate(y(value))}" r="2.5" fill="#1d4ed8"/>`))
    .join('');
  const unit = metricUnits[metric] ?? 'none';
  const label = (value: number) => escapeHtml(unit === 'none' ? number(ctx, value) : t(`report.units.${unit}`, { value: number(ctx, value) }));
  const axis =
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#9aa5b1"/>` +
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#9aa5b1"/>` +
    `<text x="${left - 4}" y="${top + 4}" font-size="9" text-anchor="end">${label(high)}</text>` +
    `<text x="${left - 4}" y="${height - bottom}" font-size="9" text-anchor="end">${label(low)}</text>` +
    `<text x="${left}" y="${height - 8}" font-size="9">${escapeHtml(formatDate(t.language, points[0]!.startedAt))}</text>` +
    (points.length > 1
      ? `<text x="${width - right}" y="${height - 8}" font-size="9" text-anchor="end">${escapeHtml(formatDate(t.language, points[points.length - 1]!.startedAt))}</text>`
      : '');
  const title = escapeHtml(t('report.history.chartLabel', { metric: name, count: measured.length }));
  return `<figure class="chart">${caption}<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}"><title>${title}</title>${axis}${lines}${dots}</svg></figure>`;
}

function historySection(ctx: Context): string {
  const { report, t } = ctx;
  const points = report.history;
  if (points.length === 0) return `${sectionStart(ctx, 'history')}${emptyNote(t('report.history.none'))}</section>`;
  const head = [t('report.history.date'), t('report.history.profile'), t('report.history.verdict'), ...historyMetrics.map((metric) => t(`report.metrics.${metric}`))]
    .map((text) => `<th>${escapeHtml(text)}</th>`)
    .join('');
  const rows = points
    .map(
      (point) =>
        `<tr><td>${escapeHtml(formatDateTime(t.language, point.startedAt))}</td><td>${escapeHtml(profileName(report, point.profileId, t.language))}</td><td>${statusBadge(
          ctx,
          point.verdict,
        )}</td>${historyMetrics.map((metric) => `<td class="num">${valueWithUnit(ctx, point.values[metric], metricUnits[metric] ?? 'none')}</td>`).join('')}</tr>`,
    )
    .join('');
  return (
    `${sectionStart(ctx, 'history')}<p>${escapeHtml(t('report.history.intro', { count: points.length }))}</p>` +
    `<div class="charts">${historyMetrics.map((metric) => chart(ctx, metric, points)).join('')}</div>` +
    `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function answersSection(ctx: Context): string {
  const { report, t } = ctx;
  const rows = Object.entries(report.answers).map(([field, value]): [string, string] => [
    t(`report.answers.fields.${field}`),
    value === null ? `<span class="empty">${escapeHtml(t('report.objective.notGiven'))}</span>` : escapeHtml(typeof value === 'number' ? number(ctx, value, 0) : t(`report.answers.values.${value}`)),
  ]);
  return `${sectionStart(ctx, 'answers')}<p>${escapeHtml(t('report.answers.intro'))}</p>${definitionTable(rows)}</section>`;
}

/**
 * The report as one self-contained HTML page, for the screen and for A4 print (PDF): inline CSS,
 * no scripts and no external resources, every value escaped, each major section on a new page
 * with the room and date at the top of every page.
 */
export function renderReportHtml(report: AssessmentReport, translate: Translate): string {
  const ctx: Context = { report, t: translate };
  const date = formatDate(translate.language, report.assessment.assessedAt);
  const title = translate('report.documentTitle', { room: report.room.name, date });
  const box = 'font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #52606d;';
  const pageHead = `@page { @top-left { content: ${cssString(report.room.name)}; ${box} } @top-right { content: ${cssString(date)}; ${box} } @bottom-right { content: counter(page) " / " counter(pages); ${box} } }`;
  const body = [
    `<header class="cover"><h1>${escapeHtml(translate('report.title'))}</h1><p class="meta">${escapeHtml(
      translate('report.subtitle', { room: report.room.name, organisation: report.room.organisation || '—', date }),
    )}</p></header>`,
    objective(ctx),
    framework(ctx),
    capacity(ctx),
    equipment(ctx),
    groupSection(ctx, 'space'),
    groupSection(ctx, 'contingency'),
    groupSection(ctx, 'scalable'),
    groupSection(ctx, 'security'),
    summary(ctx),
    historySection(ctx),
    answersSection(ctx),
  ].join('\n');
  return (
    `<!doctype html>\n<html lang="${translate.language}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${styles}${pageHead}</style></head><body>\n${body}\n</body></html>\n`
  );
}
