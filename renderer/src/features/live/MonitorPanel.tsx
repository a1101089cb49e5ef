import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { watchDeviceChanges } from '../preflight/capture/device-watch';
import { useProfiles } from '../profiles/store';
import { useSettings } from '../settings/store';
import { monitorParts, type MonitorPart, type PartState } from './monitor';
import type { CameraLimits } from './second-aggregation';
import { useLive } from './store';

// The preflight's default camera limits, for an event whose profile is gone.
const fallbackCameraLimits: CameraLimits = { darkLuma: 16, brightLuma: 235, blackLuma: 16, frozenDifference: 0.1 };

/** Devices of one kind as the browser lists them now. */
function useInputs(kind: 'audioinput' | 'videoinput') {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const load = () => void navigator.mediaDevices?.enumerateDevices().then((all) => setDevices(all.filter((device) => device.kind === kind && device.deviceId)));
    load();
    return watchDeviceChanges(load);
  }, [kind]);
  return devices;
}

/** Which parts to watch, with which devices; start and stop; how each part is doing. */
export function MonitorPanel({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const eventId = useLive((state) => state.eventId);
  const sampling = useLive((state) => state.samplingEventId !== null && state.samplingEventId === state.eventId);
  const previewStream = useLive((state) => (state.samplingEventId === eventId ? state.previewStream : null));
  const monitoring = useLive((state) => state.status?.monitoring ?? false);
  const partStates = useLive((state) => state.parts);
  const settings = useSettings((state) => state.settings);
  const profile = useProfiles((state) => state.entries.find((entry) => entry.profile.id === profileId)?.profile);
  const microphones = useInputs('audioinput');
  const cameras = useInputs('videoinput');
  const video = useRef<HTMLVideoElement>(null);
  const [parts, setParts] = useState<Record<MonitorPart, boolean>>({ network: true, microphone: true, camera: true });
  const [microphoneId, setMicrophoneId] = useState('');
  const [cameraId, setCameraId] = useState('');
  const probeSet = settings.probeUrl !== '';

  useEffect(() => void useSettings.getState().load(), []);
  useEffect(() => {
    if (video.current) video.current.srcObject = previewStream;
  }, [previewStream]);
  useEffect(() => void useProfiles.getState().load(), []);

  const start = () => {
    const camera = profile?.devices.camera;
    void useLive.getState().startMonitoring({
      parts: { ...parts, network: parts.network && probeSet },
      microphoneId: microphoneId || undefined,
      cameraId: cameraId || undefined,
      probe: { probeUrl: settings.probeUrl, token: settings.probeToken, iceServers: settings.iceServers, relayOnly: settings.relayOnly },
      cameraLimits: camera ? { darkLuma: camera.darkLuma, brightLuma: camera.brightLuma, blackLuma: camera.blackLuma, frozenDifference: camera.frozenDifference } : fallbackCameraLimits,
    });
  };

  const describe = (part: MonitorPart, state: PartState | undefined): string => {
    if (!state) return t('live.monitor.partWaiting');
    if (state.state === 'running') return t('live.monitor.partRunning', { label: state.label || t(`live.monitor.parts.${part}`) });
    if (state.state === 'failed') return t(`live.monitor.failure.${state.reason}`);
    return t(`live.monitor.partState.${state.state}`);
  };

  return (
    <div className="panel" role="group" aria-labelledby="monitor-title">
      <h2 id="monitor-title">{t('live.monitor.title')}</h2>
      <fieldset className="monitor-parts" disabled={sampling}>
        <legend>{t('live.monitor.watch')}</legend>
        {monitorParts.map((part) => (
          <label key={part} className="toggle">
            <input
              type="checkbox"
              checked={parts[part] && (part !== 'network' || probeSet)}
              disabled={part === 'network' && !probeSet}
              onChange={(event) => setParts((current) => ({ ...current, [part]: event.target.checked }))}
            />{' '}
            {t(`live.monitor.parts.${part}`)}
          </label>
        ))}
        {!probeSet && <p className="hint">{t('live.monitor.noProbe')}</p>}
        <p className="hint">{t('live.monitor.heldDevices')}</p>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="monitor-microphone">{t('live.monitor.microphone')}</label>
            <select id="monitor-microphone" value={microphoneId} onChange={(event) => setMicrophoneId(event.target.value)} disabled={!parts.microphone}>
              <option value="">{t('live.monitor.defaultDevice')}</option>
              {microphones.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t('live.monitor.microphoneNumber', { number: index + 1 })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="monitor-camera">{t('live.monitor.camera')}</label>
            <select id="monitor-camera" value={cameraId} onChange={(event) => setCameraId(event.target.value)} disabled={!parts.camera}>
              <option value="">{t('live.monitor.defaultDevice')}</option>
              {cameras.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label || t('live.monitor.cameraNumber', { number: index + 1 })}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <div className="actions">
        {sampling ? (
          <button type="button" onClick={() => void useLive.getState().stopMonitoring()}>
            {t('live.monitor.stop')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={start}>
            {t(monitoring ? 'live.monitor.resume' : 'live.monitor.start')}
          </button>
        )}
      </div>
      {monitoring && !sampling && <p className="hint">{t('live.monitor.notSamplingHere')}</p>}
      {sampling && (
        <ul className="part-states">
          {monitorParts.map((part) => (
            <li key={part}>
              <strong>{t(`live.monitor.parts.${part}`)}:</strong> {describe(part, partStates[part])}
            </li>
          ))}
        </ul>
      )}
      <video ref={video} className="camera-preview" hidden={!previewStream} aria-hidden="true" muted playsInline autoPlay />
    </div>
  );
}
