import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../../shared/assessment/assessment';
import { comparisonCsv, sortComparison, type ComparisonColumn } from '../../../shared/assessment/comparison';
import { createTranslator } from '../../../shared/i18n/translator';
import { builtInProfiles } from '../../../shared/profiles/profile';
import { parseCsv } from './csv-parser';

function row(name: string, fields: Partial<Omit<ComparisonRow, 'room'>> & { organisation?: string } = {}): ComparisonRow {
  const { organisation = '', ...rest } = fields;
  return {
    roomUid: name.padEnd(32, '0').slice(0, 32),
    roomId: 1,
    room: { uid: '0'.repeat(32), name, organisation, country: 'Kyrgyzstan', city: 'Bishkek', capacity: 20 },
    origin: 'local',
    assessmentUid: null,
    assessedAt: null,
    scores: { connectivity: null, infrastructure: null, delivery: null, collaboration: null },
    overall: null,
    verdicts: {},
    ...rest,
  };
}

const scores = (connectivity: number | null) => ({ connectivity, infrastructure: 50, delivery: null, collaboration: 10 });

const rows: ComparisonRow[] = [
  row('Room 10', { organisation: 'Ministry B', assessedAt: 300, overall: 70, scores: scores(80), verdicts: { webinar: 'warn', 'web-meeting': 'pass' } }),
  row('room 2', { organisation: '', assessedAt: null, overall: null, scores: scores(null) }),
  row('Актовый зал', { organisation: 'Агентство', assessedAt: 100, overall: 40, scores: scores(40), verdicts: { webinar: 'fail' }, origin: 'imported', roomId: null }),
  row('Room 1', { organisation: 'Ministry A', assessedAt: 200, overall: 70, scores: scores(95), verdicts: { webinar: 'pass' } }),
  row('Hall', { organisation: '  ', assessedAt: 200, overall: 55, scores: scores(null), verdicts: { 'web-meeting': 'fail' } }),
];

const names = (column: ComparisonColumn, direction: 'asc' | 'desc') => sortComparison(rows, column, direction).map((entry) => entry.room.name);

describe('sorting the comparison of rooms', () => {
  it('sorts room names the way people read them: case-insensitive, numbers by value', () => {
    expect(names('room', 'asc')).toEqual(['Актовый зал', 'Hall', 'Room 1', 'room 2', 'Room 10']);
    expect(names('room', 'desc')).toEqual(['Room 10', 'room 2', 'Room 1', 'Hall', 'Актовый зал']);
  });

  it('puts blank organisations last in both directions', () => {
    expect(names('organisation', 'asc')).toEqual(['Актовый зал', 'Room 1', 'Room 10', 'room 2', 'Hall']);
    expect(names('organisation', 'desc')).toEqual(['Room 10', 'Room 1', 'Актовый зал', 'room 2', 'Hall']);
  });

  it('sorts dates and scores with rooms never assessed last, ties in their given order', () => {
    expect(names('assessedAt', 'asc')).toEqual(['Актовый зал', 'Room 1', 'Hall', 'Room 10', 'room 2']);
    expect(names('assessedAt', 'desc')).toEqual(['Room 10', 'Room 1', 'Hall', 'Актовый зал', 'room 2']);
    expect(names('overall', 'asc')).toEqual(['Актовый зал', 'Hall', 'Room 10', 'Room 1', 'room 2']);
    expect(names('overall', 'desc')).toEqual(['Room 10', 'Room 1', 'Hall', 'Актовый зал', 'room 2']);
    expect(names('connectivity', 'asc')).toEqual(['Актовый зал', 'Room 10', 'Room 1', 'room 2', 'Hall']);
    expect(names('connectivity', 'desc')).toEqual(['Room 1', 'Room 10', 'Актовый зал', 'room 2', 'Hall']);
    expect(names('delivery', 'desc')).toEqual(['Room 10', 'room 2', 'Актовый зал', 'Room 1', 'Hall']);
  });

  it('sorts by one event type’s verdict, pass first when ascending, rooms without it last', () => {
    expect(names('verdict:webinar', 'asc')).toEqual(['Room 1', 'Room 10', 'Актовый зал', 'room 2', 'Hall']);
    expect(names('verdict:webinar', 'desc')).toEqual(['Актовый зал', 'Room 10', 'Room 1', 'room 2', 'Hall']);
    expect(names('verdict:web-meeting', 'desc')).toEqual(['Hall', 'Room 10', 'room 2', 'Актовый зал', 'Room 1']);
  });

  it('leaves the input untouched', () => {
    const before = rows.map((entry) => entry.room.name);
    sortComparison(rows, 'overall', 'desc');
    expect(rows.map((entry) => entry.room.name)).toEqual(before);
  });
});

describe('the comparison as CSV', () => {
  const profiles = builtInProfiles.slice(0, 2);

  it('has a column per area and per event type, with blanks for what is unknown', () => {
    const csv = comparisonCsv(rows, profiles, createTranslator('en'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const table = parseCsv(csv.slice(1));
    expect(table[0]).toEqual([
      'Room',
      'Organisation',
      'Country',
      'City',
      'Source',
      'Assessed',
      'Overall score',
      'Connectivity and bandwidth',
      'Infrastructure and applications',
      'Content distribution and delivery',
      'Collaboration impact',
      'Web meeting',
      'Webinar (presenter)',
    ]);
    expect(table[1]).toEqual(['Room 10', 'Ministry B', 'Kyrgyzstan', 'Bishkek', 'Assessed on this computer', '1970-01-01T00:00:00.300Z', '70', '80', '50', '', '10', 'Ready', 'Ready with warnings']);
    expect(table[2]!.slice(5, 8)).toEqual(['not assessed', '', '']);
    expect(table[3]![4]).toBe('Imported from another organisation’s bundle');
    expect(table).toHaveLength(rows.length + 1);
  });

  it('is in Russian for a Russian reader', () => {
    const table = parseCsv(comparisonCsv(rows, profiles, createTranslator('ru')).slice(1));
    expect(table[0]!.slice(0, 2)).toEqual(['Зал', 'Организация']);
    expect(table[0]!.slice(-2)).toEqual(['Веб-совещание', 'Вебинар (докладчик)']);
    expect(table[3]!.slice(0, 1).concat(table[3]!.slice(-2))).toEqual(['Актовый зал', '', 'Не готов']);
  });
});
