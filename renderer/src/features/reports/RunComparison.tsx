import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/i18n/translator';
import type { PreflightRun } from '../../../../shared/preflight/run';
import type { Language } from '../../../../shared/settings/settings';
import { useMetricFormat } from './HistoryPanel';
import { compareRuns } from '../../../../shared/preflight/run-metrics';
import { ColumnHeaders } from '../../ui/ColumnHeaders';

/** Two of the room's runs side by side: each key metric, the difference and which run is better. */
export function RunComparison({ runs }: { runs: readonly PreflightRun[] }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const format = useMetricFormat();
  // runs come newest first: by default the latest run (B) against the one before it (A).
  const [aId, setAId] = useState<number | null>(runs[1]?.id ?? runs[0]?.id ?? null);
  const [bId, setBId] = useState<number | null>(runs[0]?.id ?? null);
  const a = runs.find((run) => run.id === aId) ?? null;
  const b = runs.find((run) => run.id === bId) ?? null;
  const label = (run: PreflightRun) => t('reports.runLabel', { date: formatDateTime(language, run.startedAt), id: run.id });

  const picker = (which: 'a' | 'b', value: number | null, onChange: (id: number) => void) => (
    <label>
      <span>{t(`reports.compare.run.${which}`)}</span>
      <select value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {label(run)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('reports.compare.title')}</h2>
      {runs.length < 2 ? (
        <p className="empty">{t('reports.compare.needTwo')}</p>
      ) : (
        <>
          <div className="controls">
            {picker('a', aId, setAId)}
            {picker('b', bId, setBId)}
          </div>
          {a && b && (
            <table className="data-table run-comparison">
              <caption className="sr-only">{t('reports.compare.caption', { a: label(a), b: label(b) })}</caption>
              <ColumnHeaders labels={[t('reports.compare.columns.metric'), t('reports.compare.columns.a'), t('reports.compare.columns.b'), t('reports.compare.columns.difference'), t('reports.compare.columns.better')]} />
              <tbody>
                {compareRuns(a, b).map((row) => (
                  <tr key={row.metric.id}>
                    <th scope="row">{t(`reports.metrics.${row.metric.id}`)}</th>
                    <td>{row.a === null ? t('reports.notMeasured') : format(row.metric, row.a)}</td>
                    <td>{row.b === null ? t('reports.notMeasured') : format(row.metric, row.b)}</td>
                    <td>{row.difference === null ? '—' : `${row.difference > 0 ? '+' : ''}${format(row.metric, row.difference)}`}</td>
                    <td>{row.better === null ? '—' : t(`reports.compare.better.${row.better}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
