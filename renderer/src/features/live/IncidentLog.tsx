import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/live/live';
import { useFormat } from '../../i18n/use-format';
import { useLive } from './store';
import { formatDuration } from '../../ui/duration';

/** Every incident of the event, oldest first, with its note editable; and a button to log one by hand. */
export function IncidentLog({ onLogIncident }: { onLogIncident: () => void }) {
  const { t } = useTranslation();
  const incidents = useLive((state) => state.incidents);
  return (
    <section className="panel" aria-labelledby="incident-log-title">
      <h2 id="incident-log-title">{t('live.incidents.logTitle')}</h2>
      <div className="actions">
        <button type="button" onClick={onLogIncident} aria-keyshortcuts="I">
          {t('live.incidents.logManual')}
        </button>
      </div>
      <p className="hint">{t('live.incidents.hotkeyHint')}</p>
      {incidents.length === 0 ? (
        <p className="empty">{t('live.incidents.none')}</p>
      ) : (
        <ol className="incident-log" aria-label={t('live.incidents.logTitle')}>
          {incidents.map((incident) => (
            <IncidentEntry key={incident.id} incident={incident} />
          ))}
        </ol>
      )}
    </section>
  );
}

function IncidentEntry({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [note, setNote] = useState(incident.note);
  const [saved, setSaved] = useState(incident.note);
  if (incident.note !== saved) {
    // Someone else changed the note (another window): show theirs.
    setSaved(incident.note);
    setNote(incident.note);
  }
  const noteId = `incident-${incident.id}-note`;
  const save = async () => {
    if (await useLive.getState().saveNote(incident.id, note)) setSaved(note.trim());
  };
  return (
    <li className={`incident-entry${incident.drill ? ' is-drill' : ''}`}>
      <p>
        {incident.drill && <span className="badge drill-badge">{t('live.drills.badge')}</span>} <strong>{t(`incidents.rules.${incident.rule}`)}</strong> · {t(`incidents.severities.${incident.severity}`)} ·{' '}
        {format.time(incident.startedAt)}
        {incident.endedAt === null ? ` · ${t('live.incidents.stillOpen')}` : ` – ${format.time(incident.endedAt)} (${formatDuration(incident.endedAt - incident.startedAt)})`}
        {incident.manual && ` · ${t('live.incidents.manual')}`}
      </p>
      <div className="inline-field note-field">
        <label htmlFor={noteId}>{t('live.incidents.note')}</label>
        <input id={noteId} type="text" maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && void save()} />
        <button type="button" onClick={() => void save()} disabled={note.trim() === saved}>
          {t('live.incidents.saveNote')}
        </button>
        {incident.manual && incident.endedAt === null && (
          <button type="button" onClick={() => void useLive.getState().closeIncident(incident.id)}>
            {t('live.incidents.close')}
          </button>
        )}
      </div>
    </li>
  );
}
