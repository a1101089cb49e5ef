import type { CheckStatus } from '../preflight/check';
import type { Profile } from '../profiles/profile';
import type { Translate } from '../i18n/translator';
import { areaIds, type AreaId, type ComparisonRow } from './assessment';
import { csvDocument, type CsvCell } from './report-csv';

/** A column the comparison of rooms can be sorted by; `verdict:<profile id>` is one event type's status. */
export type ComparisonColumn = 'room' | 'organisation' | 'assessedAt' | 'overall' | AreaId | `verdict:${string}`;

const statusRank: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

// Numeric collation puts "Room 2" before "Room 10"; base sensitivity ignores case and accents.
const collator = new Intl.Collator(['ru', 'en'], { numeric: true, sensitivity: 'base' });

type SortKey = string | number | null;

function sortKey(row: ComparisonRow, column: ComparisonColumn): SortKey {
  if (column === 'room') return row.room.name;
  // An organisation left blank sorts with the unknowns, not before every name.
  if (column === 'organisation') return row.room.organisation.trim() || null;
  if (column === 'assessedAt') return row.assessedAt;
  if (column === 'overall') return row.overall;
  if ((areaIds as readonly string[]).includes(column)) return row.scores[column as AreaId] ?? null;
  const status = row.verdicts[column.slice('verdict:'.length)];
  return status === undefined ? null : statusRank[status];
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return (a as number) - (b as number);
}

/**
 * The rows sorted by one column: ascending puts low scores, early dates, A and "pass" first.
 * Rows without a value come last in both directions; equal rows keep their order.
 */
export function sortComparison(rows: readonly ComparisonRow[], column: ComparisonColumn, direction: 'asc' | 'desc'): ComparisonRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: sortKey(row, column) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
    return sign * compareKeys(a.key, b.key) || a.index - b.index;
  });
  return keyed.map(({ row }) => row);
}

/**
 * The comparison as CSV (RFC 4180, CRLF, UTF-8 BOM): room, organisation, place, origin, date
 * (ISO 8601), overall and area scores, then one column per profile with the room's status.
 */
export function comparisonCsv(rows: readonly ComparisonRow[], profiles: readonly Profile[], translate: Translate): string {
  const t = translate;
  const header: CsvCell[] = [
    t('report.comparison.room'),
    t('report.comparison.organisation'),
    t('report.comparison.country'),
    t('report.comparison.city'),
    t('report.comparison.origin'),
    t('report.comparison.assessedAt'),
    t('report.comparison.overall'),
    ...areaIds.map((area) => t(`assessment.areas.${area}`)),
    ...profiles.map((profile) => profile.name[t.language]),
  ];
  const body = rows.map((row): CsvCell[] => [
    row.room.name,
    row.room.organisation,
    row.room.country,
    row.room.city,
    t(`report.objective.origins.${row.origin}`),
    row.assessedAt === null ? t('report.comparison.notAssessed') : new Date(row.assessedAt).toISOString(),
    row.overall,
    ...areaIds.map((area) => row.scores[area] ?? null),
    ...profiles.map((profile) => {
      const status = row.verdicts[profile.id];
      return status === undefined ? null : t(`report.status.${status}`);
    }),
  ]);
  return csvDocument([header, ...body]);
}
