import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../profiles/store';
import { useRooms } from '../rooms/store';
import { DrillsPanel } from './DrillsPanel';
import { EventReport } from './EventReport';
import { useFormat } from '../../i18n/use-format';
import { IncidentBanners } from './IncidentBanners';
import { IncidentLog } from './IncidentLog';
import { LiveTiles } from './LiveTiles';
import { MonitorPanel } from './MonitorPanel';
import { useLive } from './store';
import { TimelinePanel } from './TimelinePanel';
import { shortcutKey } from '../../app/shortcut-key';

/** Asks for a note and logs a manual incident with it (Cancel logs nothing). */
function logManualIncident(prompt: string) {
  const note = window.prompt(prompt);
  if (note !== null) void useLive.getState().openManual(note);
}

/** One event: monitoring, live figures, incidents with their Plan B, drills, timeline and report. */
export function EventPage({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const event = useLive((state) => state.event);
  const status = useLive((state) => state.status);
  const sampling = useLive((state) => state.samplingEventId === eventId);
  const sender = useLive((state) => state.sender);
  const error = useLive((state) => state.error);
  const rooms = useRooms((state) => state.rooms);
  const profiles = useProfiles((state) => state.entries);
  const format = useFormat();

  useEffect(() => {
    void useLive.getState().openEvent(eventId);
    void useRooms.getState().load();
    return () => useLive.getState().closeEvent();
  }, [eventId]);

  // "I" logs an incident from anywhere on the page, as the runner's keys work, but never while typing.
  useEffect(() => {
    const onKey = (keyEvent: KeyboardEvent) => {
      const target = keyEvent.target as HTMLElement;
      if (keyEvent.ctrlKey || keyEvent.metaKey || keyEvent.altKey || target.closest('input, textarea, select, [role="dialog"]')) return;
      if (shortcutKey(keyEvent) !== 'i') return;
      keyEvent.preventDefault();
      logManualIncident(t('live.incidents.manualPrompt'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);

  if (!event) return <p>{error ? t(`errors.${error.code}`) : t('live.loading')}</p>;
  const open = status?.openIncidents ?? [];
  const profileName = profiles.find((entry) => entry.profile.id === event.profileId)?.profile.name[format.language] ?? event.profileId;
  const roomName = rooms.find((room) => room.id === event.roomId)?.name ?? t('live.events.noRoom');
  const statusText = [
    t(status?.monitoring ? (sampling ? 'live.status.sampling' : 'live.status.monitoringElsewhere') : 'live.status.notMonitoring'),
    status?.lastSampleAt ? t('live.status.lastSample', { time: format.time(status.lastSampleAt) }) : '',
    open.length > 0 ? t('live.status.openIncidents', { count: open.length }) : '',
    status?.drill ? t('live.status.drill') : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section aria-labelledby="event-title" className={`live-event${status?.drill ? ' drill-active' : ''}`}>
      <p>
        <a href="#/live-event">← {t('live.back')}</a>
      </p>
      <h1 id="event-title">{event.title}</h1>
      <p className="hint">
        {profileName} · {roomName} · {t('live.events.plannedRange', { from: format.dateTime(event.plannedStart), to: format.dateTime(event.plannedEnd) })}
        {event.startedAt !== null && ` · ${t('live.events.startedAt', { time: format.dateTime(event.startedAt) })}`}
        {event.runId !== null && (
          <>
            {' · '}
            <a href={`#/run-of-show/run/${event.runId}`}>{t('live.events.openRun')}</a>
          </>
        )}
      </p>
      <p role="status" className="live-status">
        {statusText}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {t(`errors.${error.code}`)}
        </p>
      )}
      {status?.drill && (
        <p className="drill-banner">
          <span className="badge drill-badge">{t('live.drills.badge')}</span> {t('live.drills.banner', { kind: t(`incidents.drills.${status.drill.kind}`) })}
        </p>
      )}
      {status && !status.storage.ok && (
        <p className="banner storage-banner" role="alert">
          {t('live.storage.full', { count: status.storage.pending })} {status.storage.message && <span className="hint">{status.storage.message}</span>}
        </p>
      )}
      {sender?.hostUnreachable && <p className="banner">{t('live.storage.hostUnreachable', { count: sender.queued })}</p>}
      {sender && sender.dropped > 0 && <p className="banner">{t('live.storage.dropped', { count: sender.dropped })}</p>}
      <IncidentBanners />
      <MonitorPanel profileId={event.profileId} />
      <LiveTiles />
      <IncidentLog onLogIncident={() => logManualIncident(t('live.incidents.manualPrompt'))} />
      <DrillsPanel />
      <TimelinePanel />
      <EventReport />
    </section>
  );
}
