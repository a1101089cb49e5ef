import { useEffect, useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import { areaIds, type BundleImportSummary, type ComparisonRow } from '../../../../shared/assessment/assessment';
import { comparisonCsv, sortComparison, type ComparisonColumn } from '../../../../shared/assessment/comparison';
import { createTranslator, formatDateTime, localizeValues } from '../../../../shared/i18n/translator';
import type { Language } from '../../../../shared/settings/settings';
import { navigate } from '../../app/navigation';
import { ImportFileButton } from '../../ui/ImportFileButton';
import { SpokenAs } from '../../ui/SpokenAs';
import { StatusBadge } from '../preflight/StatusBadge';
import { downloadText } from '../../app/download';
import { downloadExportedFile } from './exported-file';
import { ReportError } from './ReportError';
import { useReports } from './store';

/** Columns a person can sort by: the shared comparison's, plus the city (sorted here). */
type SortColumn = ComparisonColumn | 'city';
type Direction = 'asc' | 'desc';
type Notice = { kind: 'status'; text: string } | { kind: 'imported'; summary: BundleImportSummary } | { kind: 'error'; error: ApiError } | null;

const collators = new Map<string, Intl.Collator>();

function sortRows(rows: readonly ComparisonRow[], column: SortColumn, direction: Direction, language: Language): ComparisonRow[] {
  if (column !== 'city') return sortComparison(rows, column, direction);
  const collator = collators.get(language) ?? new Intl.Collator(language, { sensitivity: 'base' });
  collators.set(language, collator);
  const sign = direction === 'asc' ? 1 : -1;
  // Rooms with no city go last either way, as the shared sort puts missing values last.
  return [...rows].sort((a, b) => {
    if (!a.room.city || !b.room.city) return Number(!a.room.city) - Number(!b.room.city);
    return sign * collator.compare(a.room.city, b.room.city);
  });
}

function openRow(row: ComparisonRow) {
  if (row.roomId !== null) navigate('reports', 'room', row.roomId);
  else if (row.assessmentUid) navigate('reports', 'assessment', row.assessmentUid);
}

/** Every room, local and imported, by area score and verdict: sortable, exportable as CSV, and the bundle exchange. */
export function ComparisonPanel() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const rows = useReports((state) => state.comparison);
  const entries = useReports((state) => state.profiles);
  const status = useReports((state) => state.comparisonStatus);
  const loadError = useReports((state) => state.comparisonError);
  const [sort, setSort] = useState<{ column: SortColumn; direction: Direction }>({ column: 'room', direction: 'asc' });
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => void useReports.getState().loadComparison(), []);

  const profiles = useMemo(() => entries.map((entry) => entry.profile), [entries]);
  const sorted = useMemo(() => sortRows(rows, sort.column, sort.direction, language), [rows, sort, language]);
  const exportable = rows.filter((row) => row.roomId !== null && row.assessmentUid !== null).map((row) => row.roomId as number);
  const chosenIds = exportable.filter((id) => chosen.has(id));

  const columns: { column: SortColumn; label: string }[] = [
    { column: 'room', label: t('reports.columns.room') },
    { column: 'organisation', label: t('reports.columns.organisation') },
    { column: 'city', label: t('reports.columns.city') },
    { column: 'assessedAt', label: t('reports.columns.assessedAt') },
    { column: 'overall', label: t('reports.columns.overall') },
    ...areaIds.map((area) => ({ column: area, label: t(`reports.areas.${area}`) })),
    ...profiles.map((profile) => ({ column: `verdict:${profile.id}` as const, label: profile.name[language] })),
  ];

  const onSort = (column: SortColumn) =>
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc' }));

  const toggle = (roomId: number, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(roomId);
      else next.delete(roomId);
      return next;
    });

  const onExportCsv = () => {
    const csv = comparisonCsv(sorted, profiles, createTranslator(language));
    downloadText(`roomready-rooms-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv');
    setNotice({ kind: 'status', text: t('reports.comparison.csvExported', { count: sorted.length }) });
  };

  const onExportBundle = async () => {
    setBusy(true);
    const result = await useReports.getState().exportBundle(chosenIds);
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: 'error', error: result.error });
      return;
    }
    downloadExportedFile(result.value);
    setNotice({ kind: 'status', text: t('reports.bundle.exported', { count: chosenIds.length, file: result.value.fileName }) });
  };

  // Importing the same file twice is allowed (and changes nothing): ImportFileButton reports every choice.
  const onImport = async (file: File) => {
    setBusy(true);
    const result = await useReports.getState().importBundle(await file.text());
    setBusy(false);
    setNotice(result.ok ? { kind: 'imported', summary: result.value } : { kind: 'error', error: result.error });
  };

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, row: ComparisonRow) => {
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.preventDefault();
    openRow(row);
  };

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, row: ComparisonRow) => {
    // The checkbox and the link do their own thing.
    if ((event.target as HTMLElement).closest('input, a, button, label')) return;
    openRow(row);
  };

  const importId = `${ids}-import`;
  const allChosen = exportable.length > 0 && chosenIds.length === exportable.length;
  return (
    <section aria-labelledby={`${ids}-title`}>
      <div className="screen-header">
        <h2 id={`${ids}-title`}>{t('reports.comparison.title')}</h2>
        <div className="actions">
          <button type="button" onClick={onExportCsv} disabled={rows.length === 0}>
            {t('reports.comparison.exportCsv')}
          </button>
          <button type="button" onClick={() => void onExportBundle()} disabled={busy || chosenIds.length === 0}>
            {t('reports.bundle.export', { count: chosenIds.length })}
          </button>
          <ImportFileButton
            id={importId}
            accept=".json,application/json"
            describedBy={`${importId}-hint`}
            label={t('reports.bundle.import')}
            disabled={busy}
            onFile={(file) => void onImport(file)}
          />
        </div>
      </div>
      <p className="hint" id={`${importId}-hint`}>
        {t('reports.bundle.importHint')}
      </p>
      <div role="status" className="notice">
        {notice?.kind === 'status' && notice.text}
        {notice?.kind === 'imported' && <ImportSummary summary={notice.summary} />}
      </div>
      <div role="alert">{notice?.kind === 'error' && <ReportError error={notice.error} />}</div>
      {status === 'loading' && <p>{t('reports.loading')}</p>}
      {status === 'error' && loadError && <ReportError error={loadError} />}
      {status === 'ready' && rows.length === 0 && <p className="empty">{t('reports.comparison.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table comparison-table">
            <caption className="sr-only">{t('reports.comparison.caption')}</caption>
            <thead>
              <tr>
                {columns.map(({ column, label }) => {
                  const active = sort.column === column;
                  return (
                    <th key={column} scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <button type="button" className="sort-button" onClick={() => onSort(column)}>
                        {label}
                        <span aria-hidden="true" className="sort-mark">
                          {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('reports.bundle.chooseAll')}
                    checked={allChosen}
                    disabled={exportable.length === 0}
                    onChange={(event) => setChosen(event.target.checked ? new Set(exportable) : new Set())}
                  />
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.roomUid} tabIndex={0} className="clickable-row" onClick={(event) => onRowClick(event, row)} onKeyDown={(event) => onRowKey(event, row)}>
                  <th scope="row">
                    <a href={row.roomId !== null ? `#/reports/room/${row.roomId}` : `#/reports/assessment/${row.assessmentUid ?? ''}`}>{row.room.name}</a>
                    {row.origin === 'imported' && (
                      <>
                        {' '}
                        <span className="badge">{t('reports.comparison.imported')}</span>
                      </>
                    )}
                  </th>
                  <td>{row.room.organisation}</td>
                  <td>{row.room.city}</td>
                  <td>{row.assessedAt === null ? t('reports.comparison.notAssessed') : formatDateTime(language, row.assessedAt)}</td>
                  <td>
                    <Score value={row.overall} />
                  </td>
                  {areaIds.map((area) => (
                    <td key={area}>
                      <Score value={row.scores[area]} />
                    </td>
                  ))}
                  {profiles.map((profile) => {
                    const verdict = row.verdicts[profile.id];
                    return <td key={profile.id}>{verdict ? <StatusBadge status={verdict} /> : <Missing />}</td>;
                  })}
                  <td>
                    {row.roomId !== null && row.assessmentUid !== null && (
                      <input
                        type="checkbox"
                        aria-label={t('reports.bundle.choose', { name: row.room.name })}
                        checked={chosen.has(row.roomId)}
                        onChange={(event) => toggle(row.roomId as number, event.target.checked)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Score({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return value === null ? <Missing /> : <SpokenAs spoken={t('reports.scoreOf', { score: value })}>{value}</SpokenAs>;
}

function Missing() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t('reports.notMeasured')}</span>
    </>
  );
}

function ImportSummary({ summary }: { summary: BundleImportSummary }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <>
      <p className="summary-line">
        {t('reports.bundle.imported', {
          roomsAdded: summary.roomsAdded,
          roomsMatched: summary.roomsMatched,
          assessmentsAdded: summary.assessmentsAdded,
          assessmentsUnchanged: summary.assessmentsUnchanged,
        })}
      </p>
      {summary.conflicts.length === 0 ? (
        <p className="summary-line">{t('reports.bundle.noConflicts')}</p>
      ) : (
        <>
          <p className="summary-line">{t('reports.bundle.conflicts', { count: summary.conflicts.length })}</p>
          <ul>
            {summary.conflicts.map((conflict) => (
              <li key={`${conflict.kind}:${conflict.uid}`}>
                {t(`reports.bundle.conflictKinds.${conflict.kind}`)}: {t(conflict.message.key, localizeValues(language, conflict.message.values))}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
