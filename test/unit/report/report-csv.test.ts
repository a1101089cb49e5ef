import { describe, expect, it } from 'vitest';
import { buildAssessmentReport } from '../../../shared/assessment/report';
import { csvCell, csvDocument, reportCsv } from '../../../shared/assessment/report-csv';
import { messageText } from '../../../shared/assessment/report-html';
import { createTranslator } from '../../../shared/i18n/translator';
import { parseCsv } from './csv-parser';
import { assessment, generatedAt, history, hostileRoomName, profiles } from './fixture';

const report = buildAssessmentReport({ assessment, history, profiles, generatedAt });
const en = createTranslator('en');
const ru = createTranslator('ru');

function rowsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return parseCsv(csv.slice(1));
}

const find = (rows: string[][], section: string, item: string) => rows.filter((row) => row[0] === section && row[1] === item);

describe('the tiny RFC 4180 reader the tests use', () => {
  it('reads quoted commas, quotes and line breaks, and rejects bare LF', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\r\nlines",\r\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\r\nlines', '']]);
    expect(() => parseCsv('a\nb\r\n')).toThrow('bare LF');
    expect(() => parseCsv('"a"b\r\n')).toThrow('closing quote');
  });
});

describe('CSV cells and documents', () => {
  it('quote only what needs quoting and double the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell(1.25)).toBe('1.25');
    expect(csvCell(null)).toBe('');
    expect(csvDocument([['a', 1], ['б', null]])).toBe('\uFEFFa,1\r\nб,\r\n');
  });
});

describe('the assessment report as CSV', () => {
  const rows = rowsOf(reportCsv(report, en));

  it('has the columns section, item, value, unit, status on every row', () => {
    expect(rows[0]).toEqual(['Section', 'Item', 'Value', 'Unit', 'Status']);
    for (const row of rows) expect(row).toHaveLength(5);
  });

  it('keeps commas, quotes and line breaks inside their cells', () => {
    expect(find(rows, '1. Objective and purpose', 'Room')).toEqual([['1. Objective and purpose', 'Room', hostileRoomName, '', '']]);
    expect(find(rows, '1. Objective and purpose', 'Organisation')[0]![2]).toBe('Ministry of Roads, "North" region');
    const webinar = find(rows, 'Readiness per event type', 'Webinar (presenter)');
    expect(webinar).toEqual([
      [
        'Readiness per event type',
        'Webinar (presenter)',
        'Upload is 1.5 Mbps; sending 720p video needs 2.6 Mbps.\nThe round trip to the probe takes 120 ms; calls need less than 100 ms.',
        '',
        'Not ready',
      ],
    ]);
  });

  it('gives the scores with every part and its weight', () => {
    expect(find(rows, '2. Evaluation framework', 'Overall score')).toEqual([['2. Evaluation framework', 'Overall score', '62', 'points of 100', '']]);
    const connectivity = rows.filter((row) => row[0] === 'Connectivity and bandwidth');
    expect(connectivity.map((row) => row[2])).toEqual(['72', '88', '40', '60', '35', '100', '25']);
    expect(connectivity[1]![1]).toBe(en('assessment.parts.connectivity.mos', { mos: 3.94, zeroAt: 2.4, fullAt: 4.2 }));
    expect(connectivity[2]![1]).toBe(`Weight of: ${connectivity[1]![1]}`);
    expect(connectivity[2]![3]).toBe('%');
    expect(find(rows, 'Content distribution and delivery', 'Area score')).toEqual([['Content distribution and delivery', 'Area score', '', 'points of 100', '']]);
  });

  it('lists every recommendation once with its priority, and the capacity and key metrics', () => {
    const recommendations = rows.filter((row) => /^R\d+$/.test(row[1]!));
    expect(recommendations.map((row) => `${row[1]} ${row[4]}`)).toEqual(['R1 Must', 'R2 Should', 'R3 Could', 'R4 Must', 'R5 Should', 'R6 Must', 'R7 Should', 'R8 Should']);
    for (const item of report.recommendations) expect(rows.filter((row) => row[2]!.startsWith(messageText(en, item.message)))).toHaveLength(1);
    expect(find(rows, '6. Contingency and Plan B', 'R6')[0]![2]).toContain('\nPlan B playbooks to rehearse: Internet link down or degraded, Power cut, my-own-playbook');
    expect(find(rows, '3. Capacity evaluation', 'Measured upload')).toEqual([['3. Capacity evaluation', 'Measured upload', '1.5', 'Mbps', '']]);
    expect(find(rows, '3. Capacity evaluation', 'Remote video streams at 720p')[0]![2]).toBe('7');
    expect(find(rows, 'Key measurements', 'Network to the probe — Upload')).toEqual([['Key measurements', 'Network to the probe — Upload', '1.5', 'Mbps', 'Fail']]);
    expect(find(rows, 'Key measurements', 'Microphone: Boundary mic, "USB" — Clipped samples')[0]![2]).toBe('0.02');
    expect(rows.filter((row) => row[0] === 'A. Annex: measurement history')).toHaveLength(4 * 6);
    expect(find(rows, '9. Summary', 'Recommendations').map((row) => `${row[2]} ${row[4]}`)).toEqual(['3 Must', '4 Should', '1 Could']);
  });

  it('is in Russian for a Russian reader, numbers still machine-readable', () => {
    const russian = rowsOf(reportCsv(report, ru));
    expect(russian[0]).toEqual(['Раздел', 'Пункт', 'Значение', 'Единица', 'Статус']);
    expect(find(russian, '3. Оценка вместимости', 'Измеренная входящая скорость')).toEqual([['3. Оценка вместимости', 'Измеренная входящая скорость', '20.25', 'Мбит/с', '']]);
    expect(russian.length).toBe(rows.length);
  });
});
