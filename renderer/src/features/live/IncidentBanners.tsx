import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/live/live';
import { useFormat } from '../../i18n/use-format';
import { playbooksForRule } from './playbooks';
import { useLive } from './store';
import { formatDuration } from '../../ui/duration';
import { useNow } from '../run-of-show/use-now';

/** A banner for each open incident: what, since when, its Plan B playbooks and "Acknowledge". */
export function IncidentBanners() {
  const { t } = useTranslation();
  const open = useLive((state) => state.status?.openIncidents ?? []);
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="open-incidents-title" className="incident-banners">
      <h2 id="open-incidents-title">{t('live.incidents.openTitle')}</h2>
      {open.map((incident) => (
        <IncidentBanner key={incident.id} incident={incident} />
      ))}
    </section>
  );
}

function IncidentBanner({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const playbooks = useLive((state) => state.playbooks);
  const format = useFormat();
  const now = useNow(1000);
  const offered = playbooksForRule(incident.rule, playbooks, i18n.language);
  const { acknowledge, openPlaybook, closeIncident } = useLive.getState();
  const titleId = `incident-${incident.id}-title`;
  return (
    <article className={`incident-banner severity-${incident.severity}${incident.drill ? ' is-drill' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {incident.drill && <span className="badge drill-badge">{t('live.drills.badge')}</span>} {t(`incidents.rules.${incident.rule}`)}
        <span className="badge badge-severity">{t(`incidents.severities.${incident.severity}`)}</span>
      </h3>
      <p>
        {t('live.incidents.since', { time: format.time(incident.startedAt), elapsed: formatDuration(now - incident.startedAt) })}
        {incident.acknowledgedAt !== null && ` · ${t('live.incidents.acknowledgedAt', { time: format.time(incident.acknowledgedAt) })}`}
      </p>
      {incident.note && <p className="incident-note">{incident.note}</p>}
      <div className="actions">
        {incident.playbookRunId !== null ? (
          <a className="button-link" href={`#/run-of-show/run/${incident.playbookRunId}`}>
            {t('live.incidents.goToPlaybook')}
          </a>
        ) : (
          offered.map((playbook) => (
            <button key={playbook.id} type="button" className="primary" onClick={() => void openPlaybook(incident.id, playbook.id)}>
              {t('live.incidents.openPlaybook', { name: playbook.name })}
            </button>
          ))
        )}
        {incident.acknowledgedAt === null && (
          <button type="button" onClick={() => void acknowledge(incident.id)}>
            {t('live.incidents.acknowledge')}
          </button>
        )}
        {incident.manual && (
          <button type="button" onClick={() => void closeIncident(incident.id)}>
            {t('live.incidents.close')}
          </button>
        )}
      </div>
    </article>
  );
}
