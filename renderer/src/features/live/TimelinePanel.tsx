import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monitorConfig, timelineMetrics, type Timeline, type TimelineMetric } from '../../../../shared/live/live';
import { useFormat } from '../../i18n/use-format';
import { useLive } from './store';
import { steppedRange, type TimeSpan, type ZoomStep } from './timeline-data';

// uPlot loads with the first timeline drawn, not with the app.
const TimelineChart = lazy(() => import('./TimelineChart'));

const stepLabels: Record<ZoomStep, string> = { in: 'live.timeline.zoomIn', out: 'live.timeline.zoomOut', earlier: 'live.timeline.earlier', later: 'live.timeline.later' };

const metricDigits: Record<TimelineMetric, number> = { rttMs: 0, jitterMs: 1, lossPercent: 1, mos: 2, micDbfs: 0, fps: 1 };

/** The event's timeline: series toggles, zoom by dragging or by buttons (the keyboard's way), reset, and the same figures as a table. */
export function TimelinePanel() {
  const { t } = useTranslation();
  const timeline = useLive((state) => state.timeline);
  const range = useLive((state) => state.range);
  const monitoring = useLive((state) => state.status?.monitoring ?? false);
  const format = useFormat();
  const [shown, setShown] = useState<TimelineMetric[]>([...timelineMetrics]);
  const [asTable, setAsTable] = useState(false);
  // The whole event's span, as the last unzoomed timeline gave it: what zooming out and moving stay inside.
  const [whole, setWhole] = useState<TimeSpan | null>(null);
  if (timeline && range === null && (whole?.from !== timeline.from || whole.to !== timeline.to)) setWhole({ from: timeline.from, to: timeline.to });

  useEffect(() => {
    if (!monitoring || range !== null) return;
    const timer = setInterval(() => void useLive.getState().loadTimeline(), monitorConfig.timelineRefreshMs);
    return () => clearInterval(timer);
  }, [monitoring, range]);

  const labels = useMemo(() => Object.fromEntries(timelineMetrics.map((metric) => [metric, t(`live.metrics.${metric}`)])) as Record<TimelineMetric, string>, [t]);
  const axisLabels = useMemo(() => Object.fromEntries(['ms', 'percent', 'mos', 'dbfs', 'fps'].map((scale) => [scale, t(`live.timeline.axes.${scale}`)])), [t]);
  const formatMoment = useCallback((ms: number, span: 'time' | 'date-time') => (span === 'time' ? format.time(ms) : format.dateTime(ms)), [format]);
  const onZoom = useCallback((zoom: { from: number; to: number }) => void useLive.getState().loadTimeline(zoom), []);
  const shownSpan: TimeSpan | null = range ?? (timeline ? { from: timeline.from, to: timeline.to } : null);
  const stepTo = (step: ZoomStep) => (shownSpan && whole ? steppedRange(step, shownSpan, whole) : null);
  const canStep = (step: ZoomStep) => {
    const next = stepTo(step);
    return shownSpan !== null && whole !== null && (next === null ? range !== null : next.from !== shownSpan.from || next.to !== shownSpan.to);
  };
  const zoom = (step: ZoomStep) => void useLive.getState().loadTimeline(stepTo(step));
  const toggle = (metric: TimelineMetric, on: boolean) => setShown((current) => timelineMetrics.filter((each) => (each === metric ? on : current.includes(each))));

  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('live.timeline.title')}</h2>
      <fieldset className="series-toggles">
        <legend>{t('live.timeline.series')}</legend>
        {timelineMetrics.map((metric) => (
          <label key={metric} className="toggle">
            <input type="checkbox" checked={shown.includes(metric)} onChange={(event) => toggle(metric, event.target.checked)} /> {labels[metric]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
          {t('live.timeline.showTable')}
        </button>
        {timeline && timeline.at.length > 0 && (
          <span role="group" aria-label={t('live.timeline.zoomControls')} className="zoom-controls">
            {(['in', 'out', 'earlier', 'later'] as const).map((step) => (
              <button key={step} type="button" disabled={!canStep(step)} onClick={() => zoom(step)}>
                {t(stepLabels[step])}
              </button>
            ))}
          </span>
        )}
        {range && (
          <button type="button" onClick={() => void useLive.getState().loadTimeline(null)}>
            {t('live.timeline.resetZoom')}
          </button>
        )}
      </div>
      {timeline && (
        <p className="hint">
          {t(range ? 'live.timeline.zoomed' : 'live.timeline.whole', { from: format.dateTime(timeline.from), to: format.dateTime(timeline.to), bucket: format.number(timeline.bucketMs / 1000, 0) })}{' '}
          {!range && t('live.timeline.dragHint')}
        </p>
      )}
      {!timeline || timeline.at.length === 0 ? (
        <p className="empty">{t('live.timeline.empty')}</p>
      ) : asTable ? (
        <TimelineTable timeline={timeline} shown={shown} labels={labels} />
      ) : (
        <Suspense fallback={<p>{t('live.timeline.loading')}</p>}>
          <TimelineChart timeline={timeline} shown={shown} labels={labels} axisLabels={axisLabels} onZoom={onZoom} timeLabel={t('live.timeline.time')} formatMoment={formatMoment} />
        </Suspense>
      )}
    </section>
  );
}

function TimelineTable({ timeline, shown, labels }: { timeline: Timeline; shown: TimelineMetric[]; labels: Record<TimelineMetric, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  return (
    // Long events scroll inside this box: it takes focus so the keyboard can scroll it too.
    <div className="table-scroll timeline-table" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="live-table">
        <caption id={captionId}>{t('live.timeline.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('live.timeline.time')}</th>
            {shown.map((metric) => (
              <th key={metric} scope="col">
                {labels[metric]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {timeline.at.map((at, index) => (
            <tr key={at}>
              <th scope="row">{format.time(at)}</th>
              {shown.map((metric) => {
                const value = timeline.series[metric].mean[index] ?? null;
                return <td key={metric}>{value === null ? t('live.tiles.none') : format.number(value, metricDigits[metric])}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {timeline.incidents.length > 0 && (
        <ul aria-label={t('live.timeline.incidentsInRange')}>
          {timeline.incidents.map((incident) => (
            <li key={incident.id}>
              {incident.drill && `${t('live.drills.badge')} `}
              {t(`incidents.rules.${incident.rule}`)}: {format.time(incident.startedAt)}
              {incident.endedAt !== null && ` – ${format.time(incident.endedAt)}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
