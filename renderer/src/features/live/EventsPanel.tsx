import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/api/result';
import { navigate } from '../../app/navigation';
import { useProfiles } from '../profiles/store';
import { useRooms } from '../rooms/store';
import { useFormat } from '../../i18n/use-format';
import { useLive } from './store';
import { fromLocalInput, toLocalInput } from './time-input';

/** Events, latest planned first, and the form for a new one. */
export function EventsPanel() {
  const { t } = useTranslation();
  const events = useLive((state) => state.events);
  const error = useLive((state) => state.error);
  const rooms = useRooms((state) => state.rooms);
  const profiles = useProfiles((state) => state.entries);
  const format = useFormat();
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void useLive.getState().loadEvents();
    void useRooms.getState().load();
    void useProfiles.getState().load();
  }, []);

  const roomName = (id: number | null) => rooms.find((room) => room.id === id)?.name ?? t('live.events.noRoom');
  const profileName = (id: string) => profiles.find((entry) => entry.profile.id === id)?.profile.name[format.language] ?? id;
  const remove = async (id: number, title: string) => {
    if (!window.confirm(t('live.events.confirmDelete', { title }))) return;
    await useLive.getState().deleteEvent(id);
    setNotice(t('live.events.deleted', { title }));
  };

  return (
    <section aria-labelledby="live-title">
      <h1 id="live-title">{t('nav.liveEvent')}</h1>
      <p className="intro">{t('live.intro')}</p>
      <p role="status" className="notice">
        {notice}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {t(`errors.${error.code}`)}
        </p>
      )}
      <NewEventForm onCreated={(title) => setNotice(t('live.events.created', { title }))} />
      <h2>{t('live.events.title')}</h2>
      {events.length === 0 ? (
        <p className="empty">{t('live.events.none')}</p>
      ) : (
        <table className="live-table">
          <thead>
            <tr>
              <th scope="col">{t('live.events.event')}</th>
              <th scope="col">{t('live.events.type')}</th>
              <th scope="col">{t('live.events.room')}</th>
              <th scope="col">{t('live.events.planned')}</th>
              <th scope="col">{t('live.events.state')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <th scope="row">
                  <a href={`#/live-event/${event.id}`}>{event.title}</a>
                </th>
                <td>{profileName(event.profileId)}</td>
                <td>{roomName(event.roomId)}</td>
                <td>
                  {format.dateTime(event.plannedStart)} – {format.dateTime(event.plannedEnd)}
                </td>
                <td>{t(event.endedAt !== null ? 'live.events.stateEnded' : event.startedAt !== null ? 'live.events.stateStarted' : 'live.events.statePlanned')}</td>
                <td>
                  <button type="button" onClick={() => void remove(event.id, event.title)} aria-label={t('live.events.deleteNamed', { title: event.title })}>
                    {t('live.events.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewEventForm({ onCreated }: { onCreated: (title: string) => void }) {
  const { t, i18n } = useTranslation();
  const rooms = useRooms((state) => state.rooms);
  const profiles = useProfiles((state) => state.entries);
  const runs = useLive((state) => state.runs);
  const format = useFormat();
  const [title, setTitle] = useState('');
  const [profileId, setProfileId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [runId, setRunId] = useState('');
  const [start, setStart] = useState(() => toLocalInput(Math.ceil(Date.now() / 3_600_000) * 3_600_000));
  const [end, setEnd] = useState(() => toLocalInput(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 2 * 3_600_000));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState('');
  const chosenProfile = profileId || profiles[0]?.profile.id || '';

  const issue = (field: string) => issues.find((each) => each.path === field)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const plannedStart = fromLocalInput(start);
    const plannedEnd = fromLocalInput(end);
    const local: FieldIssue[] = [];
    if (!title.trim()) local.push({ path: 'title', message: 'validation.required' });
    if (plannedStart === null) local.push({ path: 'plannedStart', message: 'validation.required' });
    if (plannedEnd === null) local.push({ path: 'plannedEnd', message: 'validation.required' });
    else if (plannedStart !== null && plannedEnd <= plannedStart) local.push({ path: 'plannedEnd', message: 'validation.endBeforeStart' });
    setIssues(local);
    if (local.length > 0 || plannedStart === null || plannedEnd === null) return;
    const result = await useLive.getState().createEvent({
      title: title.trim(),
      profileId: chosenProfile,
      roomId: roomId ? Number(roomId) : null,
      plannedStart,
      plannedEnd,
      runId: runId ? Number(runId) : null,
    });
    if (!result.ok) {
      setIssues(result.error.issues ?? []);
      setFailure(result.error.issues?.length ? '' : t(`errors.${result.error.code}`));
      return;
    }
    setFailure('');
    setTitle('');
    onCreated(result.value.title);
    navigate('live-event', result.value.id);
  };

  const describedBy = (field: string) => (issue(field) ? `event-${field}-error` : undefined);
  const fieldError = (field: string) =>
    issue(field) && (
      <p className="field-error" id={`event-${field}-error`}>
        {i18n.exists(issue(field)!) ? t(issue(field)!) : t('validation.invalid')}
      </p>
    );

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-event-title">
      <h2 id="new-event-title">{t('live.events.new')}</h2>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <div className="field-grid">
        <div className="field">
          <label htmlFor="event-title">{t('live.events.eventTitle')}</label>
          <input id="event-title" type="text" maxLength={200} value={title} aria-invalid={issue('title') ? true : undefined} aria-describedby={describedBy('title')} onChange={(event) => setTitle(event.target.value)} />
          {fieldError('title')}
        </div>
        <div className="field">
          <label htmlFor="event-profile">{t('live.events.type')}</label>
          <select id="event-profile" value={chosenProfile} onChange={(event) => setProfileId(event.target.value)}>
            {profiles.map(({ profile }) => (
              <option key={profile.id} value={profile.id}>
                {profile.name[format.language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="event-room">{t('live.events.room')}</label>
          <select id="event-room" value={roomId} onChange={(event) => setRoomId(event.target.value)}>
            <option value="">{t('live.events.noRoom')}</option>
            {rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="event-start">{t('live.events.plannedStart')}</label>
          <input id="event-start" type="datetime-local" value={start} aria-invalid={issue('plannedStart') ? true : undefined} aria-describedby={describedBy('plannedStart')} onChange={(event) => setStart(event.target.value)} />
          {fieldError('plannedStart')}
        </div>
        <div className="field">
          <label htmlFor="event-end">{t('live.events.plannedEnd')}</label>
          <input
            id="event-end"
            type="datetime-local"
            value={end}
            aria-invalid={issue('plannedEnd') ? true : undefined}
            aria-describedby={describedBy('plannedEnd') ?? 'event-end-hint'}
            onChange={(event) => setEnd(event.target.value)}
          />
          <p className="hint" id="event-end-hint">
            {t('live.events.severalDays')}
          </p>
          {fieldError('plannedEnd')}
        </div>
        <div className="field">
          <label htmlFor="event-run">{t('live.events.run')}</label>
          <select id="event-run" value={runId} onChange={(event) => setRunId(event.target.value)}>
            <option value="">{t('live.events.noRun')}</option>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {run.title} ({format.dateTime(run.plannedStart)})
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('live.events.create')}
        </button>
      </div>
    </form>
  );
}
