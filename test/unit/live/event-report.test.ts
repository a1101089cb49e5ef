import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/translator';
import { buildEventReport, eventReportCsv, eventReportJson, eventReportFormat } from '../../../shared/live/event-report';
import { eventReportSections, renderEventReportHtml } from '../../../shared/live/event-report-html';
import type { EventSummary, Incident } from '../../../shared/live/live';
import { parseCsv } from '../report/csv-parser';

const MIN = 60_000;
const start = Date.UTC(2025, 2, 5, 14, 0);
const hostile = 'Board <script>alert("x")</script> & "friends"';

const incident = (fields: Partial<Incident> & Pick<Incident, 'id' | 'rule' | 'startedAt'>): EventSummary['incidents'][number] => {
  const base: Incident = {
    eventId: 7,
    severity: 'warn',
    endedAt: null,
    acknowledgedAt: null,
    manual: false,
    drill: false,
    playbookRunId: null,
    playbookOpenedAt: null,
    snapshot: {},
    note: '',
    ...fields,
  };
  const durationMs = base.endedAt === null ? null : base.endedAt - base.startedAt;
  return { ...base, durationMs, timeToRecoverMs: base.manual ? null : durationMs };
};

const summary: EventSummary = {
  event: { id: 7, title: hostile, profileId: 'webinar', roomId: 3, plannedStart: start, plannedEnd: start + 60 * MIN, runId: 12, startedAt: start - 5 * MIN, endedAt: start + 62 * MIN, createdAt: start - 86_400_000 },
  samples: 4020,
  mosBands: { excellent: 0.5, good: 0.25, fair: 0.125, poor: 0.0625, bad: 0.0625 },
  metrics: {
    rttMs: { mean: 42.5, p95: 120, min: 12, max: 800 },
    jitterMs: { mean: 4.25, p95: 12, min: 0.5, max: 70 },
    lossPercent: { mean: 0.5, p95: 2, min: 0, max: 30 },
    mos: { mean: 4.1, p95: 4.4, min: 1.2, max: 4.41 },
    micDbfs: { mean: -28, p95: -12, min: -95, max: -6 },
    fps: null,
  },
  incidents: [
    // Given out of order: the report sorts by start.
    incident({ id: 2, rule: 'loss-high', severity: 'critical', startedAt: start + 20 * MIN, endedAt: start + 20 * MIN + 45_000, drill: true, acknowledgedAt: start + 20 * MIN + 8000, playbookOpenedAt: start + 20 * MIN + 15_000, playbookRunId: 40 }),
    incident({ id: 1, rule: 'rtt-high', startedAt: start + 5 * MIN, endedAt: start + 5 * MIN + 12_000, note: 'Router <rebooted> by "IT"' }),
    incident({ id: 3, rule: 'manual', severity: 'info', startedAt: start + 40 * MIN, manual: true, note: 'Projector flickers, speaker asked, again' }),
  ],
  checklist: { steps: 12, done: 9, skipped: 2 },
  runOfShow: [
    { title: 'Welcome', plannedStart: start, plannedMinutes: 10, actualStart: start + 2 * MIN, actualMinutes: 11 },
    { title: 'Talk <b>', plannedStart: start + 10 * MIN, plannedMinutes: 20, actualStart: start + 16 * MIN, actualMinutes: 14 },
    { title: 'Q&A', plannedStart: start + 30 * MIN, plannedMinutes: 15, actualStart: null, actualMinutes: null },
  ],
  drills: [
    { id: 5, eventId: 7, kind: 'heavy-loss', startedAt: start + 20 * MIN - 3000, endedAt: start + 21 * MIN, timeToNoticeMs: 11_000, timeToPlaybookMs: 18_000, timeToRecoverMs: 48_000, incidentId: 2 },
  ],
};

const generatedAt = start + 70 * MIN;
const report = buildEventReport(summary, generatedAt);
const en = createTranslator('en');
const ru = createTranslator('ru');

describe('buildEventReport', () => {
  it('orders incidents, measures reactions from their start and counts them', () => {
    expect(report.format).toBe(eventReportFormat);
    expect(report.incidents.map((entry) => entry.id)).toEqual([1, 2, 3]);
    expect(report.incidents[1]).toMatchObject({ durationMs: 45_000, timeToRecoverMs: 45_000, timeToNoticeMs: 8000, timeToPlaybookMs: 15_000, drill: true });
    expect(report.incidents[2]).toMatchObject({ durationMs: null, timeToNoticeMs: null, manual: true });
    expect(report.incidentCounts).toEqual({ total: 3, drills: 1, open: 1, bySeverity: { info: 1, warn: 1, critical: 1 } });
  });

  it('adds checklist completion, run-of-show drift and overruns, and the rule each drill trips', () => {
    expect(report.checklist).toEqual({ steps: 12, done: 9, skipped: 2, completion: 0.75 });
    expect(report.runOfShow!.map((segment) => [segment.driftMs, segment.overran])).toEqual([
      [2 * MIN, true],
      [6 * MIN, false],
      [null, false],
    ]);
    expect(report.drills[0]).toMatchObject({ kind: 'heavy-loss', rule: 'loss-high', timeToRecoverMs: 48_000 });
    expect(report.event.profileName).toEqual({ en: 'Webinar (presenter)', ru: 'Вебинар (докладчик)' });
  });

  it('handles an event with nothing in it', () => {
    const bare = buildEventReport({ ...summary, samples: 0, incidents: [], drills: [], checklist: null, runOfShow: null, event: { ...summary.event, profileId: 'my-own' } }, generatedAt);
    expect(bare.incidentCounts.total).toBe(0);
    expect(bare.event.profileName).toBeNull();
    expect(bare.checklist).toBeNull();
    const html = renderEventReportHtml(bare, en);
    expect(html).toContain('No incidents during this event.');
    expect(html).toContain('my-own');
    expect(html).toContain('This event followed no run of show.');
  });
});

describe('eventReportJson', () => {
  it('round-trips the report', () => {
    const json = eventReportJson(report);
    expect(json.endsWith('\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(report);
  });
});

describe('renderEventReportHtml', () => {
  for (const t of [en, ru]) {
    it(`has every section heading, in order, in ${t.language}`, () => {
      const html = renderEventReportHtml(report, t);
      const positions = eventReportSections.map((section, index) => html.indexOf(`<h2>${index + 1}. ${t(`incidents.report.sections.${section}`)}</h2>`));
      expect(positions.every((position) => position > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(html).toContain(`<html lang="${t.language}">`);
      expect(html).toContain(`<h1>${t('incidents.report.title')}</h1>`);
    });
  }

  it('differs between the languages', () => {
    expect(renderEventReportHtml(report, ru)).toContain('Доля времени в каждой полосе MOS');
    expect(renderEventReportHtml(report, ru)).toContain('Учения');
    expect(renderEventReportHtml(report, en)).not.toContain('Учения');
  });

  it('is self-contained and escapes every value', () => {
    const html = renderEventReportHtml(report, en);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/src=|href=|@import|url\(/i);
    expect(html).toContain('Board &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;friends&quot;');
    expect(html).toContain('Router &lt;rebooted&gt; by &quot;IT&quot;');
    expect(html).toContain('Talk &lt;b&gt;');
    expect(html).toContain('@page { size: A4;');
  });

  it('shows the figures: MOS shares, metrics, durations, reactions, completion', () => {
    const html = renderEventReportHtml(report, en);
    // The MOS bar: excellent 50 units wide, then good from x = 50.
    expect(html).toContain('<rect x="0.000" width="50.000" height="8" fill="#15803d"/>');
    expect(html).toContain('<rect x="50.000" width="25.000" height="8" fill="#65a30d"/>');
    expect(html).toContain('<td class="num">12.5%</td>');
    expect(html).toContain('<td class="num">42.5 ms</td>');
    expect(html).toContain('<td class="num">4.41</td>');
    // Loss drill: 45 s to recover, noticed after 8 s, playbook after 15 s; drill drills 11 / 18 / 48 s.
    for (const text of ['45 s', '8 s', '15 s', '11 s', '18 s', '48 s', '12 s']) expect(html).toContain(`<td class="num">${text}</td>`);
    expect(html).toContain('<span class="badge badge-drill">Drill</span>');
    expect(html).toContain('<tr class="drill">');
    expect(html).toContain('Still open');
    expect(html).toContain('>75%<svg');
    expect(html).toContain('<td class="num over">11 min</td>');
    expect(html).toContain('<td class="num">+6 min</td>');
    // 4020 s monitored = 67 min.
    expect(html).toContain('<td>67 min</td>');
    expect(html).toContain('3 incidents, of them 1 in drills');
  });

  it('writes numbers the Russian way', () => {
    const html = renderEventReportHtml(report, ru);
    expect(html).toContain('<td class="num">12,5 %</td>');
    expect(html).toContain('<td class="num">42,5 мс</td>');
    expect(html).toContain('3 инцидента, из них на учениях — 1');
  });
});

describe('eventReportCsv', () => {
  const rowsOf = (csv: string) => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    return parseCsv(csv.slice(1));
  };
  const find = (rows: string[][], item: string) => rows.find((row) => row[1] === item);

  it('parses back to section,item,value,unit rows with machine-readable numbers', () => {
    const rows = rowsOf(eventReportCsv(report, en));
    expect(rows[0]).toEqual(['section', 'item', 'value', 'unit']);
    expect(rows.every((row) => row.length === 4)).toBe(true);
    expect(find(rows, 'Title')).toEqual(['Event', 'Title', hostile, '']);
    expect(find(rows, 'Planned start')![2]).toBe('2025-03-05T14:00:00.000Z');
    expect(find(rows, 'Excellent')).toEqual(['Share of time in each MOS band', 'Excellent', '50', 'percent']);
    expect(find(rows, 'Round-trip time — 95th percentile')).toEqual(['Link and device figures', 'Round-trip time — 95th percentile', '120', 'milliseconds']);
    expect(find(rows, 'Camera frame rate — Mean')).toEqual(['Link and device figures', 'Camera frame rate — Mean', '', 'frames per second']);
    expect(find(rows, 'High packet loss #2 — Time to recover')).toEqual(['Incidents', 'High packet loss #2 — Time to recover', '45', 'seconds']);
    expect(find(rows, 'High packet loss #2 — Drill')![2]).toBe('yes');
    expect(find(rows, 'Reported by hand #3 — Note')![2]).toBe('Projector flickers, speaker asked, again');
    expect(find(rows, 'Reported by hand #3 — Duration')![2]).toBe('');
    expect(find(rows, 'Completion')![2]).toBe('75');
    expect(find(rows, 'Talk <b> — Drift')).toEqual(['Run of show: planned against actual', 'Talk <b> — Drift', '360', 'seconds']);
    expect(find(rows, 'Drill Heavy packet loss #5 — Time to notice')![2]).toBe('11');
    expect(find(rows, 'Drill Heavy packet loss #5 — Expected incident')![2]).toBe('High packet loss');
  });

  it('is in Russian for a Russian translator', () => {
    const rows = rowsOf(eventReportCsv(report, ru));
    expect(rows[0]).toEqual(['раздел', 'пункт', 'значение', 'единица']);
    expect(find(rows, 'Большие потери пакетов №2 — Учения')![2]).toBe('да');
    expect(find(rows, 'Отлично')).toEqual(['Доля времени в каждой полосе MOS', 'Отлично', '50', 'проценты']);
  });
});
