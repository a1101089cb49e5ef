import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../../shared/i18n/translator';
import type { PreflightRun } from '../../../../shared/preflight/run';
import type { Language } from '../../../../shared/settings/settings';
import { hasAnyValue, metricSeries, runMetrics, type RunMetric } from '../../../../shared/preflight/run-metrics';

// uPlot and its CSS load only when a room's history is first shown.
const HistoryChart = lazy(() => import('./HistoryChart'));

/** A metric's value with its unit, written the reader's way. */
export function useMetricFormat() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  return useCallback(
    (metric: RunMetric, value: number) => t(`reports.units.${metric.unit}`, { value: formatNumber(language, value, metric.digits) }),
    [t, language],
  );
}

/** A room's key metrics across its preflight runs: a chart of the chosen metric, or the same values as a table. */
export function HistoryPanel({ runs }: { runs: readonly PreflightRun[] }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const [metricId, setMetricId] = useState<RunMetric['id']>('rtt');
  const [asTable, setAsTable] = useState(false);
  const format = useMetricFormat();
  const metric = runMetrics.find((candidate) => candidate.id === metricId) ?? runMetrics[0]!;
  const series = useMemo(() => metricSeries(runs, metric), [runs, metric]);
  const formatValue = useCallback((value: number) => format(metric, value), [format, metric]);
  const formatMoment = useCallback((ms: number) => formatDateTime(language, ms), [language]);
  const label = t(`reports.metrics.${metric.id}`);

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('reports.history.title')}</h2>
      {runs.length === 0 ? (
        <p className="empty">{t('reports.history.noRuns')}</p>
      ) : (
        <>
          <div className="controls">
            <label>
              <span>{t('reports.history.metric')}</span>
              <select value={metricId} onChange={(event) => setMetricId(event.target.value as RunMetric['id'])}>
                {runMetrics.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {t(`reports.metrics.${candidate.id}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" aria-pressed={asTable} onClick={() => setAsTable((current) => !current)}>
              {t('reports.history.showTable')}
            </button>
          </div>
          <p className="hint">{t('reports.history.summary', { metric: label, count: runs.length })}</p>
          {!hasAnyValue(series) ? (
            <p className="empty">{t('reports.history.notMeasured', { metric: label })}</p>
          ) : asTable ? (
            <table className="data-table history-table">
              <caption className="sr-only">{t('reports.history.tableCaption', { metric: label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.history.run')}</th>
                  <th scope="col">{label}</th>
                </tr>
              </thead>
              <tbody>
                {series.runIds.map((runId, index) => {
                  const value = series.y[index] ?? null;
                  return (
                    <tr key={runId}>
                      <th scope="row">{t('reports.runLabel', { date: formatDateTime(language, (series.x[index] ?? 0) * 1000), id: runId })}</th>
                      <td>{value === null ? t('reports.notMeasured') : formatValue(value)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <Suspense fallback={<p>{t('reports.history.loadingChart')}</p>}>
              <HistoryChart series={series} label={label} formatValue={formatValue} formatMoment={formatMoment} />
            </Suspense>
          )}
        </>
      )}
    </section>
  );
}
