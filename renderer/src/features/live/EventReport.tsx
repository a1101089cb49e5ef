import { useTranslation } from 'react-i18next';
import { mosBands, timelineMetrics, type TimelineMetric } from '../../../../shared/live/live';
import { useFormat } from '../../i18n/use-format';
import { useLive } from './store';
import { formatDuration } from '../../ui/duration';

const metricDigits: Record<TimelineMetric, number> = { rttMs: 0, jitterMs: 1, lossPercent: 1, mos: 2, micDbfs: 0, fps: 1 };

/** The event report: time in each MOS band, metric figures, incidents, checklist, plan against actual, drills; and its export. */
export function EventReport() {
  const { t } = useTranslation();
  const summary = useLive((state) => state.summary);
  const format = useFormat();
  const { loadSummary, exportReport } = useLive.getState();
  const duration = (ms: number | null) => (ms === null ? t('live.report.open') : formatDuration(ms));
  const drillTime = (ms: number | null) => (ms === null ? t('live.drills.notYet') : formatDuration(ms));
  const percent = (share: number) => t('live.units.percent', { value: format.number(share * 100, 1) });

  return (
    <section className="panel" aria-labelledby="report-title">
      <h2 id="report-title">{t('live.report.title')}</h2>
      <div className="actions">
        <button type="button" onClick={() => void loadSummary()}>
          {t(summary ? 'live.report.refresh' : 'live.report.show')}
        </button>
        {(['pdf', 'csv', 'json'] as const).map((fileFormat) => (
          <button key={fileFormat} type="button" onClick={() => void exportReport(fileFormat, format.language)}>
            {t(`live.report.export.${fileFormat}`)}
          </button>
        ))}
      </div>
      {summary && (
        <div className="event-report">
          <p>{t('live.report.samples', { count: summary.samples })}</p>
          <h3>{t('live.report.mosBands')}</h3>
          {summary.metrics.mos === null && <p className="hint">{t('live.report.noMos')}</p>}
          <ul className="band-shares">
            {mosBands.map((band) => (
              <li key={band}>
                <span className="band-label">{t(`incidents.mosBands.${band}`)}</span>
                <span className={`band-bar band-${band}`} style={{ width: `${Math.round(summary.mosBands[band] * 100)}%` }} aria-hidden="true" />
                <span className="band-value">{percent(summary.mosBands[band])}</span>
              </li>
            ))}
          </ul>
          <h3>{t('live.report.metrics')}</h3>
          <table className="live-table">
            <thead>
              <tr>
                <th scope="col">{t('live.report.metric')}</th>
                <th scope="col">{t('live.report.mean')}</th>
                <th scope="col">{t('live.report.p95')}</th>
                <th scope="col">{t('live.report.min')}</th>
                <th scope="col">{t('live.report.max')}</th>
              </tr>
            </thead>
            <tbody>
              {timelineMetrics.map((metric) => {
                const figures = summary.metrics[metric];
                const shown = (value: number) => format.number(value, metricDigits[metric]);
                return (
                  <tr key={metric}>
                    <th scope="row">{t(`live.metrics.${metric}`)}</th>
                    {figures ? (
                      <>
                        <td>{shown(figures.mean)}</td>
                        <td>{shown(figures.p95)}</td>
                        <td>{shown(figures.min)}</td>
                        <td>{shown(figures.max)}</td>
                      </>
                    ) : (
                      <td colSpan={4}>{t('live.report.notMeasured')}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>{t('live.report.incidents')}</h3>
          {summary.incidents.length === 0 ? (
            <p className="empty">{t('live.incidents.none')}</p>
          ) : (
            <table className="live-table">
              <thead>
                <tr>
                  <th scope="col">{t('live.report.incident')}</th>
                  <th scope="col">{t('live.report.started')}</th>
                  <th scope="col">{t('live.report.duration')}</th>
                  <th scope="col">{t('live.report.timeToRecover')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.incidents.map((incident) => (
                  <tr key={incident.id}>
                    <th scope="row">
                      {incident.drill && <span className="badge drill-badge">{t('live.drills.badge')}</span>} {t(`incidents.rules.${incident.rule}`)}
                    </th>
                    <td>{format.dateTime(incident.startedAt)}</td>
                    <td>{duration(incident.durationMs)}</td>
                    <td>{duration(incident.timeToRecoverMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('live.report.checklist')}</h3>
          <p>
            {summary.checklist
              ? t('live.report.checklistDone', { done: summary.checklist.done, skipped: summary.checklist.skipped, steps: summary.checklist.steps })
              : t('live.report.noRun')}
          </p>
          {summary.runOfShow && summary.runOfShow.length > 0 && (
            <>
              <h3>{t('live.report.planActual')}</h3>
              <table className="live-table">
                <thead>
                  <tr>
                    <th scope="col">{t('live.report.segment')}</th>
                    <th scope="col">{t('live.report.plannedStart')}</th>
                    <th scope="col">{t('live.report.plannedMinutes')}</th>
                    <th scope="col">{t('live.report.actualStart')}</th>
                    <th scope="col">{t('live.report.actualMinutes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.runOfShow.map((segment, index) => (
                    <tr key={`${segment.title}-${index}`}>
                      <th scope="row">{segment.title}</th>
                      <td>{format.time(segment.plannedStart)}</td>
                      <td>{format.number(segment.plannedMinutes, 0)}</td>
                      <td>{segment.actualStart === null ? t('live.report.notStarted') : format.time(segment.actualStart)}</td>
                      <td>{segment.actualMinutes === null ? t('live.report.notStarted') : format.number(segment.actualMinutes, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {summary.drills.length > 0 && (
            <>
              <h3>{t('live.report.drills')}</h3>
              <ul>
                {summary.drills.map((drill) => (
                  <li key={drill.id}>
                    {t(`incidents.drills.${drill.kind}`)}: {t('live.report.drillTimes', { notice: drillTime(drill.timeToNoticeMs), playbook: drillTime(drill.timeToPlaybookMs), recover: drillTime(drill.timeToRecoverMs) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
