import { describe, expect, it } from 'vitest';
import { buildAssessmentReport } from '../../../shared/assessment/report';
import { escapeHtml, messageText, renderReportHtml, reportSections, sectionHeading } from '../../../shared/assessment/report-html';
import { createTranslator } from '../../../shared/i18n/translator';
import { equipmentTable } from '../../../shared/profiles/equipment';
import { assessment, generatedAt, history, hostileRoomName, profiles } from './fixture';

const report = buildAssessmentReport({ assessment, history, profiles, generatedAt });
const en = createTranslator('en');
const ru = createTranslator('ru');
const html = { en: renderReportHtml(report, en), ru: renderReportHtml(report, ru) };

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the assessment report as HTML', () => {
  it('has every section heading, in English and in Russian', () => {
    for (const section of reportSections) {
      expect(html.en).toContain(`<h2>${escapeHtml(sectionHeading(en, section))}</h2>`);
      expect(html.ru).toContain(`<h2>${escapeHtml(sectionHeading(ru, section))}</h2>`);
    }
    const seedOutline = [
      '1. Objective and purpose',
      '2. Evaluation framework',
      '3. Capacity evaluation',
      '4. Ideal equipment by event type',
      '5. Optimising the event space',
      '6. Contingency and Plan B',
      '7. On-demand scalable infrastructure',
      '8. Data security and risks',
      '9. Summary',
    ];
    for (const heading of seedOutline) expect(html.en).toContain(`<h2>${heading}</h2>`);
    for (const heading of ['1. Цель и назначение', '2. Система оценки', '6. Действия в нештатных ситуациях и план Б', '9. Итоги']) expect(html.ru).toContain(`<h2>${heading}</h2>`);
    expect(html.en).toContain('<html lang="en">');
    expect(html.ru).toContain('<html lang="ru">');
  });

  it('keeps a room name with markup as text', () => {
    for (const page of [html.en, html.ru]) {
      expect(page).not.toMatch(/<script/i);
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Hall &quot;B&quot;, 2nd floor');
      expect(occurrences(page, escapeHtml(hostileRoomName))).toBe(3);
    }
    // The page header repeats the name in a CSS string, where it must not close the style element.
    expect(html.en).toContain('content: "\\3c script\\3e alert(\\"x\\")\\3c /script\\3e  Hall \\"B\\", 2nd floor"');
    expect(html.en.indexOf('</style>')).toBe(html.en.lastIndexOf('</style>'));
  });

  it('loads nothing from outside and runs nothing', () => {
    for (const page of [html.en, html.ru]) {
      expect(page).not.toMatch(/\s(src|href|xlink:href|action)\s*=/i);
      expect(page).not.toMatch(/url\(|@import|<iframe|<object|<embed|<link|\son[a-z]+=/i);
      expect(page.replace('http-equiv', '')).not.toMatch(/https?:/i);
      expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    }
  });

  it('shows the area scores, the overall score and how each part is computed', () => {
    expect(html.en).toContain('<span class="score">72 / 100</span>');
    expect(html.en).toContain('<span class="score">65 / 100</span>');
    expect(html.en).toContain('<span class="score">48 / 100</span>');
    expect(html.en).toContain('<span class="score">62 / 100</span>');
    expect(html.ru).toContain('<span class="score">72 из 100</span>');
    // Delivery has no score in the fixture: it says so rather than vanishing.
    expect(html.en).toMatch(/<h3>Content distribution and delivery<\/h3><p><span class="empty">not measured<\/span>/);
    expect(html.en).toContain('<rect width="72" height="8" fill="#1d4ed8"/>');
    const mosPart = escapeHtml(en('assessment.parts.connectivity.mos', { mos: 3.94, zeroAt: 2.4, fullAt: 4.2 }));
    expect(mosPart).toContain('MOS 3.94');
    expect(html.en).toContain(`<tr><td>${mosPart}</td><td class="num">88</td><td class="num">40%</td></tr>`);
    // Russian numbers have a decimal comma, in the parts' texts too.
    expect(html.ru).toContain('MOS 3,94');
    expect(html.ru).toContain('<td class="num">35 %</td>');
  });

  it('prints every recommendation exactly once, numbered, with its priority', () => {
    expect(report.recommendations.map((item) => `${item.number}:${item.rule}`)).toEqual([
      '1:connectivity.wired-link',
      '2:connectivity.qos',
      '3:equipment.camera-resolution',
      '4:space.seats',
      '5:space.backlight',
      '6:contingency.link',
      '7:scalable.overflow',
      '8:security.passcodes',
    ]);
    for (const [t, page] of [[en, html.en], [ru, html.ru]] as const) {
      for (const item of report.recommendations) {
        const text = escapeHtml(messageText(t, item.message));
        expect(text.length).toBeGreaterThan(20);
        expect(occurrences(page, text), item.rule).toBe(1);
        expect(occurrences(page, `<li id="r${item.number}">`)).toBe(1);
      }
    }
    expect(html.en).toContain('<li id="r1"><span class="rec-number">R1</span><span class="priority priority-must">Must</span>');
    expect(html.ru).toContain('<li id="r1"><span class="rec-number">Р1</span><span class="priority priority-must">Обязательно</span>');
  });

  it('names the Plan B playbooks in the report language', () => {
    expect(html.en).toContain('<strong>Internet link down or degraded</strong>, <strong>Power cut</strong>, <strong>my-own-playbook</strong>');
    expect(html.ru).toContain('<strong>Связь пропала или ухудшилась</strong>');
    expect(html.ru).not.toContain('Internet link down or degraded');
  });

  it('gives readiness per event type with its reasons', () => {
    expect(html.en).toContain('<td>Web meeting</td><td><span class="status status-pass">Ready</span></td><td>Meets every limit of this event type.</td>');
    expect(html.en).toContain(`<li>${escapeHtml(en('checks.network.lowUpload', { upload: 1.5, needed: 2.6, height: 720 }))}</li>`);
    // A profile the report does not know keeps its id.
    expect(html.en).toContain('<td>custom-lecture</td><td><span class="status status-warn">');
    expect(html.ru).toContain('<td>Вебинар (докладчик)</td><td><span class="status status-fail">Не готов</span>');
  });

  it('tabulates the key measurements, judged against the run’s profile', () => {
    // Webinar: RTT 120.4 ms is within 300 ms; it sends 720p, needing 2.5 + 0.1 Mbps, and fails below
    // 0.75 of that (1.95 Mbps): 1.5 Mbps fails; download needs 1 × 0.5 + 0.1 = 0.6 Mbps.
    expect(html.en).toContain('<td>Round-trip time</td><td class="num">120.4 ms</td><td><span class="status status-pass">Pass</span></td>');
    expect(html.en).toContain('<td>Upload</td><td class="num">1.5 Mbps</td><td><span class="status status-fail">Fail</span></td>');
    expect(html.en).toContain('<td>Download</td><td class="num">20.25 Mbps</td><td><span class="status status-pass">Pass</span></td>');
    expect(html.en).toContain('<td>Clipped samples</td><td class="num">0.02%</td>');
    expect(html.ru).toContain('<td>Исходящая скорость</td><td class="num">1,5 Мбит/с</td>');
    expect(html.en).toContain('Boundary mic, &quot;USB&quot;');
  });

  it('shows capacity, the equipment table and the summary', () => {
    expect(html.en).toContain('<th scope="row">Seats in the room</th><td>40</td>');
    expect(html.en).toContain('<li>7 streams at 720p</li>');
    expect(html.ru).toContain('<li>7 потоков 720p</li><li>33 потока 360p</li>');
    expect(report.equipment).toEqual(equipmentTable(profiles));
    expect(report.equipment.length).toBeGreaterThan(0);
    for (const row of report.equipment) expect(html.en).toContain(`<tr><td>${escapeHtml(en(`profiles.equipment.${row.item}`))}</td>`);
    expect(report.summary).toEqual({ verdictCounts: { pass: 1, warn: 1, fail: 1 }, priorityCounts: { must: 3, should: 4, could: 1 }, must: [1, 4, 6] });
    expect(html.en).toContain('8 recommendations: 3 must, 4 should, 1 could.');
    expect(html.en).toContain('<li>R6, in section 6. Contingency and Plan B</li>');
    expect(html.ru).toContain('8 рекомендаций: обязательно — 3');
  });

  it('charts each key metric across the runs, breaking the line where a run has no figure', () => {
    expect(report.history.map((point) => point.runId)).toEqual([1, 2, 3, 4]);
    expect(report.history.map((point) => point.values.rttMs)).toEqual([180, null, 95, 120.4]);
    expect(occurrences(html.en, '<figure class="chart">')).toBe(6);
    // Runs 3 and 4 join; run 1 stands alone after run 2's gap: one line per chart, four dots.
    expect(occurrences(html.en, '<polyline')).toBe(6);
    expect(occurrences(html.en, '<circle')).toBe(18);
    expect(html.en).toContain('aria-label="Round-trip time: 3 measured runs"');
    expect(html.ru).toContain('aria-label="Время приёма-передачи: 3 проверки с измерением"');
  });

  it('says what was not measured instead of leaving sections out', () => {
    const bare = buildAssessmentReport({
      assessment: { ...assessment, run: null, result: { ...assessment.result, scores: [], overall: null, verdicts: [], recommendations: [], capacity: { ...assessment.result.capacity, downloadMbps: null, uploadMbps: null, receiveStreams: [], sendHeight: null, findings: [] } } },
      history: [],
      profiles,
      generatedAt,
    });
    const page = renderReportHtml(bare, en);
    for (const section of reportSections) expect(page).toContain(`<h2>${escapeHtml(sectionHeading(en, section))}</h2>`);
    expect(page).toContain('No preflight run: nothing was measured');
    expect(page).toContain('No measurements: run a preflight');
    expect(page).toContain('No preflight runs are recorded for this room.');
    expect(occurrences(page, 'No recommendations in this area.')).toBe(6);
    expect(occurrences(page, '<span class="empty">not measured</span>')).toBeGreaterThanOrEqual(4 + 4);
  });
});
