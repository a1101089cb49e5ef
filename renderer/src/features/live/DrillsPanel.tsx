import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drillKinds, type DrillKind } from '../../../../shared/live/live';
import { useFormat } from '../../i18n/use-format';
import { useLive } from './store';
import { formatDuration } from '../../ui/duration';

/** For trainers: inject a simulated failure, end it, and read how the team responded to each drill. */
export function DrillsPanel() {
  const { t } = useTranslation();
  const drill = useLive((state) => state.status?.drill ?? null);
  const drills = useLive((state) => state.drills);
  const monitoring = useLive((state) => state.status?.monitoring ?? false);
  const format = useFormat();
  const [kind, setKind] = useState<DrillKind>('link-down');
  const time = (ms: number | null) => (ms === null ? t('live.drills.notYet') : formatDuration(ms));
  return (
    <section className="panel drills-panel" aria-labelledby="drills-title">
      <h2 id="drills-title">{t('live.drills.title')}</h2>
      <p className="hint">{t('live.drills.intro')}</p>
      {drill ? (
        <div className="drill-running">
          <p>
            <span className="badge drill-badge">{t('live.drills.badge')}</span> {t('live.drills.running', { kind: t(`incidents.drills.${drill.kind}`), time: format.time(drill.startedAt) })}
          </p>
          <button type="button" onClick={() => void useLive.getState().stopDrill()}>
            {t('live.drills.stop')}
          </button>
        </div>
      ) : (
        <div className="inline-field">
          <label htmlFor="drill-kind">{t('live.drills.kind')}</label>
          <select id="drill-kind" value={kind} onChange={(event) => setKind(event.target.value as DrillKind)}>
            {drillKinds.map((each) => (
              <option key={each} value={each}>
                {t(`incidents.drills.${each}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void useLive.getState().startDrill(kind)} disabled={!monitoring}>
            {t('live.drills.start')}
          </button>
        </div>
      )}
      {!monitoring && !drill && <p className="hint">{t('live.drills.needsMonitoring')}</p>}
      {drills.length > 0 && (
        <table className="live-table drill-table">
          <caption>{t('live.drills.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('live.drills.kind')}</th>
              <th scope="col">{t('live.drills.started')}</th>
              <th scope="col">{t('live.drills.timeToNotice')}</th>
              <th scope="col">{t('live.drills.timeToPlaybook')}</th>
              <th scope="col">{t('live.drills.timeToRecover')}</th>
            </tr>
          </thead>
          <tbody>
            {drills.map((each) => (
              <tr key={each.id}>
                <th scope="row">{t(`incidents.drills.${each.kind}`)}</th>
                <td>{format.time(each.startedAt)}</td>
                <td>{time(each.timeToNoticeMs)}</td>
                <td>{time(each.timeToPlaybookMs)}</td>
                <td>{time(each.timeToRecoverMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
