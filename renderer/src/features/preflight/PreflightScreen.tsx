import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKey, type DeviceCapabilities } from '../../../../shared/devices/inventory';
import type { PreflightRun } from '../../../../shared/preflight/run';
import { useFormat } from '../../i18n/use-format';
import { presentDevices } from '../devices/inventory';
import { useProfiles } from '../profiles/store';
import { useRooms } from '../rooms/store';
import { useSettings } from '../settings/store';
import { watchDeviceChanges } from './capture/device-watch';
import { CheckCard } from './CheckCard';
import { LevelMeter } from './LevelMeter';
import { StatusBadge } from './StatusBadge';
import { usePreflight } from './store';

/** Pick a room and an event type, run the device checks, read the verdict and the advice. */
export function PreflightScreen() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rooms = useRooms((state) => state.rooms);
  const { roomId, profileId, status, steps, run, history, error, snapshots } = usePreflight();
  const { selectRoom, selectProfile, start, cancel } = usePreflight.getState();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const probeSet = useSettings((state) => state.settings.probeUrl !== '');
  const relayOnly = useSettings((state) => state.settings.relayOnly);
  const profiles = useProfiles((state) => state.entries);

  useEffect(() => void useRooms.getState().load(), []);
  useEffect(() => void useSettings.getState().load(), []);
  useEffect(() => void useProfiles.getState().load(), []);
  useEffect(() => {
    const first = rooms[0];
    if (roomId === null && first) void selectRoom(first.id);
  }, [rooms, roomId, selectRoom]);

  const previous = run ? (history.find((other) => other.id !== run.id && other.startedAt <= run.startedAt) ?? null) : null;
  const running = status === 'running';
  const phase = steps.find((entry) => entry.state === 'running' && (entry.step === 'quiet' || entry.step === 'speech'))?.step;

  return (
    <section aria-labelledby="preflight-title">
      <h1 id="preflight-title">{t('preflight.title')}</h1>
      <p className="intro">{t('preflight.intro')}</p>
      {rooms.length === 0 ? (
        <p className="empty">{t('preflight.noRooms')}</p>
      ) : (
        <div className="panel controls">
          <label>
            <span>{t('preflight.room')}</span>
            <select value={roomId ?? ''} disabled={running} onChange={(event) => void selectRoom(Number(event.target.value))}>
              {rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('preflight.profile')}</span>
            <select value={profileId} disabled={running} onChange={(event) => selectProfile(event.target.value)}>
              {profiles.map(({ profile }) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name[language]}
                </option>
              ))}
            </select>
          </label>
          {running ? (
            <button type="button" onClick={cancel}>
              {t('preflight.cancel')}
            </button>
          ) : (
            <>
              <button type="button" className="primary" onClick={() => void start('all')} disabled={roomId === null || !probeSet}>
                {t('preflight.startAll')}
              </button>
              <button type="button" onClick={() => void start('devices')} disabled={roomId === null}>
                {t('preflight.start')}
              </button>
              <button type="button" onClick={() => void start('network')} disabled={roomId === null || !probeSet}>
                {t('preflight.startNetwork')}
              </button>
            </>
          )}
          <label className="check">
            <input type="checkbox" checked={relayOnly} disabled={running} onChange={(event) => void useSettings.getState().save({ relayOnly: event.target.checked })} />{' '}
            {t('settings.network.relayOnly')}
          </label>
        </div>
      )}
      <p className="hint">{probeSet ? t('preflight.networkIntro') : t('preflight.noProbe')}</p>
      <p role="status" className="notice">
        {status === 'cancelled' && t('preflight.cancelled')}
        {status === 'offline' && t('preflight.offline')}
        {status === 'failed' && t('preflight.failed', { message: error ?? '' })}
      </p>
      {running && <Progress />}
      {running && phase && (
        <div className="panel guidance" aria-live="polite">
          {phase === 'quiet' ? (
            <p className="prompt">{t('preflight.quietPrompt')}</p>
          ) : (
            <>
              <p className="prompt">{t('preflight.speechPrompt')}</p>
              <blockquote className="sentence">{t('preflight.sentence')}</blockquote>
            </>
          )}
        </div>
      )}
      {running && <LevelMeter />}
      {running && <CameraPreview />}
      {!running && run && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">
            {t('preflight.results')}: <StatusBadge status={run.verdict} /> {t(`preflight.verdict.${run.verdict}`)}
          </h2>
          <p className="hint">{t('preflight.savedAs', { id: run.id, time: format.dateTime(run.finishedAt) })}</p>
          <Readiness run={run} />
          <div className="checks">
            {run.checks.map((check) => (
              <CheckCard key={check.id} check={check} previous={previous} snapshot={snapshots[check.id]} />
            ))}
          </div>
        </section>
      )}
      {roomId !== null && <RoomDevices />}
    </section>
  );
}

function Progress() {
  const { t } = useTranslation();
  const steps = usePreflight((state) => state.steps);
  const networkProgress = usePreflight((state) => state.networkProgress);
  return (
    <ol className="progress" aria-label={t('preflight.running')}>
      {steps.map((entry) => (
        <li key={`${entry.step}:${entry.device ?? ''}`} data-state={entry.state}>
          {entry.state === 'done' ? '✓ ' : '… '}
          {t(`preflight.steps.${entry.step}`, { device: entry.device ?? '' })}
          {entry.state === 'running' && networkProgress?.step === entry.step && (
            <progress max={1} value={networkProgress.fraction} aria-label={t('preflight.networkProgress', { percent: Math.round(networkProgress.fraction * 100) })} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** For each event type: ready or not, and why, from this run's measurements. */
function Readiness({ run }: { run: PreflightRun }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const verdicts = run.readiness;
  const profiles = useProfiles((state) => state.entries);
  if (verdicts.length === 0) return null;
  const nameOf = (id: string) => profiles.find((entry) => entry.profile.id === id)?.profile.name[language] ?? id;
  return (
    <section className="panel" aria-labelledby="readiness-title">
      <h3 id="readiness-title">{t('preflight.readiness')}</h3>
      <ul className="readiness">
        {verdicts.map((verdict) => (
          <li key={verdict.profile}>
            <StatusBadge status={verdict.status} /> <strong>{nameOf(verdict.profile)}</strong>:{' '}
            {verdict.reasons.map(format.message).join(' ')}
            {verdict.advice.length > 0 && <span className="hint"> {verdict.advice.map(format.message).join(' ')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CameraPreview() {
  const preview = usePreflight((state) => state.preview);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = preview;
  }, [preview]);
  return preview ? <video ref={video} className="preview" autoPlay muted playsInline aria-hidden="true" /> : null;
}

/** The devices the room has had, with those missing now; kept live through hot-plug. */
function RoomDevices() {
  const { t } = useTranslation();
  const format = useFormat();
  const roomDevices = usePreflight((state) => state.roomDevices);
  const present = usePreflight((state) => state.presentDevices);

  useEffect(() => {
    const refresh = async () => {
      const devices = await presentDevices();
      usePreflight.getState().setPresentDevices(devices.filter((device) => device.label !== ''));
    };
    void refresh();
    return watchDeviceChanges(() => void refresh());
  }, []);

  if (roomDevices.length === 0) return null;
  const presentKeys = present ? new Set(present.map((device) => `${device.kind}:${deviceKey(device)}`)) : null;
  const isMissing = (kind: string, key: string) => presentKeys !== null && presentKeys.size > 0 && !presentKeys.has(`${kind}:${key}`);
  const capabilitiesOf = (kind: string, key: string) => present?.find((device) => device.kind === kind && deviceKey(device) === key)?.capabilities;
  return (
    <div className="panel">
      <h2>{t('preflight.devices')}</h2>
      <ul className="device-list">
        {roomDevices.map((device) => (
          <li key={`${device.kind}:${device.deviceKey}`} data-missing={isMissing(device.kind, device.deviceKey) || undefined}>
            <strong>{t(`preflight.kinds.${device.kind}`)}</strong> {device.label}{' '}
            <Capabilities capabilities={capabilitiesOf(device.kind, device.deviceKey)} />{' '}
            <span className="hint">{t('preflight.lastSeen', { time: format.dateTime(device.lastSeenAt) })}</span>
            {isMissing(device.kind, device.deviceKey) && <span className="badge badge-warn">{t('preflight.missingToday')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Capabilities({ capabilities }: { capabilities: DeviceCapabilities | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!capabilities) return null;
  const parts = [
    capabilities.maxWidth && capabilities.maxHeight ? `${capabilities.maxWidth}×${capabilities.maxHeight}` : null,
    capabilities.maxFrameRate ? t('preflight.capabilities.fps', { value: format.number(capabilities.maxFrameRate, 2) }) : null,
    capabilities.maxChannels ? t('preflight.capabilities.channels', { count: capabilities.maxChannels }) : null,
    capabilities.sampleRates ? t('preflight.capabilities.sampleRate', { value: format.number(capabilities.sampleRates[1] / 1000, 1) }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? <span className="capabilities">({parts.join(', ')})</span> : null;
}
