import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformEndpoint } from '../../../../shared/network/platform-endpoints';
import type { ProbeHostStatus } from '../../../../shared/probe/hosting';
import type { IceServer, Settings } from '../../../../shared/settings/settings';
import { api } from '../../api/api';
import { useSettings } from './store';

/** Endpoints as people edit them: one "platform host port protocol" per line. */
function endpointsToText(endpoints: readonly PlatformEndpoint[]): string {
  return endpoints.map((endpoint) => `${endpoint.platform} ${endpoint.host} ${endpoint.port} ${endpoint.protocol}`).join('\n');
}

function textToEndpoints(text: string): unknown[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [platform, host, port, protocol] = line.split(/\s+/);
      return { platform, host, port: Number(port), protocol };
    });
}

type Draft = Pick<Settings, 'probeUrl' | 'probeToken' | 'sfuUrl' | 'relayOnly' | 'iceServers' | 'probeHosting'> & { endpoints: string };

function draftOf(settings: Settings): Draft {
  const { probeUrl, probeToken, sfuUrl, relayOnly, iceServers, probeHosting } = settings;
  return { probeUrl, probeToken, sfuUrl, relayOnly, iceServers, probeHosting, endpoints: endpointsToText(settings.platformEndpoints) };
}

/** Where the network tests go (probe, STUN/TURN, SFU, platforms) and "Host a probe". */
export function NetworkSettings() {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [hosting, setHosting] = useState<ProbeHostStatus | null>(null);

  useEffect(() => {
    void api.request['probe:status'](undefined).then((result) => result.ok && setHosting(result.value));
    return api.on['probe:changed'](setHosting);
  }, []);

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const changeServer = (index: number, patch: Partial<IceServer>) =>
    change('iceServers', draft.iceServers.map((server, at) => (at === index ? { ...server, ...patch } : server)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { endpoints, ...rest } = draft;
    const result = await useSettings.getState().save({ ...rest, probeUrl: rest.probeUrl.trim(), sfuUrl: rest.sfuUrl.trim(), platformEndpoints: textToEndpoints(endpoints) as PlatformEndpoint[] });
    if (!result.ok) {
      setErrors(Object.fromEntries((result.error.issues ?? []).map((issue) => [String(issue.path).split('.')[0] ?? '', issue.message])));
      setNotice(t(`errors.${result.error.code}`));
      return;
    }
    setErrors({});
    // The page may reach only the probe and SFU it was loaded for (Content-Security-Policy).
    if (result.value.probeUrl !== settings.probeUrl || result.value.sfuUrl !== settings.sfuUrl) window.location.reload();
    else setNotice(t('settings.saved'));
  };

  // A field in error is marked and points at its message, so the red border is never the only sign.
  const validity = (field: string, hintId?: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': [hintId, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined,
  });

  const error = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`${field}-error`}>
        {t(errors[field].startsWith('validation.') ? errors[field] : 'validation.invalid')}
      </p>
    ) : null;

  return (
    <form className="panel" aria-labelledby="network-settings-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="network-settings-title">{t('settings.network.title')}</h2>
      <p className="hint">{t('settings.network.intro')}</p>
      <div className="field">
        <label htmlFor="probe-url">{t('settings.network.probeUrl')}</label>
        <input id="probe-url" type="url" value={draft.probeUrl} placeholder={t('settings.network.probeUrlExample')} {...validity('probeUrl')} onChange={(event) => change('probeUrl', event.target.value)} />
        {error('probeUrl')}
      </div>
      <div className="field">
        <label htmlFor="probe-token">{t('settings.network.probeToken')}</label>
        <input id="probe-token" type="password" autoComplete="off" value={draft.probeToken} onChange={(event) => change('probeToken', event.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('settings.network.iceServers')}</legend>
        <p className="hint">{t('settings.network.iceServersHint')}</p>
        {draft.iceServers.map((server, index) => (
          <div className="ice-server" key={index}>
            <input aria-label={t('settings.network.iceUrl')} type="text" value={server.urls} placeholder={t('settings.network.iceUrlExample')} onChange={(event) => changeServer(index, { urls: event.target.value })} />
            <input aria-label={t('settings.network.iceUser')} type="text" autoComplete="off" value={server.username} onChange={(event) => changeServer(index, { username: event.target.value })} />
            <input aria-label={t('settings.network.icePassword')} type="password" autoComplete="off" value={server.credential} onChange={(event) => changeServer(index, { credential: event.target.value })} />
            <button type="button" onClick={() => change('iceServers', draft.iceServers.filter((_, at) => at !== index))}>
              {t('settings.network.remove')}
            </button>
          </div>
        ))}
        {error('iceServers')}
        <button type="button" onClick={() => change('iceServers', [...draft.iceServers, { urls: '', username: '', credential: '' }])} disabled={draft.iceServers.length >= 8}>
          {t('settings.network.addServer')}
        </button>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={draft.relayOnly} onChange={(event) => change('relayOnly', event.target.checked)} /> {t('settings.network.relayOnly')}
      </label>
      <div className="field">
        <label htmlFor="sfu-url">{t('settings.network.sfuUrl')}</label>
        <input id="sfu-url" type="url" value={draft.sfuUrl} placeholder="https://" {...validity('sfuUrl', 'sfu-url-hint')} onChange={(event) => change('sfuUrl', event.target.value)} />
        <p className="hint" id="sfu-url-hint">
          {t('settings.network.sfuUrlHint')}
        </p>
        {error('sfuUrl')}
      </div>
      <div className="field">
        <label htmlFor="platform-endpoints">{t('settings.network.endpoints')}</label>
        <textarea id="platform-endpoints" rows={6} value={draft.endpoints} {...validity('platformEndpoints', 'platform-endpoints-hint')} onChange={(event) => change('endpoints', event.target.value)} />
        <p className="hint" id="platform-endpoints-hint">
          {t('settings.network.endpointsHint')}
        </p>
        {error('platformEndpoints')}
      </div>
      <fieldset className="field">
        <legend>{t('settings.network.hosting')}</legend>
        <label className="check">
          <input type="checkbox" checked={draft.probeHosting.enabled} onChange={(event) => change('probeHosting', { ...draft.probeHosting, enabled: event.target.checked })} />{' '}
          {t('settings.network.hostProbe')}
        </label>
        <label>
          <span>{t('settings.network.hostAddress')}</span>
          <input type="text" value={draft.probeHosting.host} {...validity('probeHosting')} onChange={(event) => change('probeHosting', { ...draft.probeHosting, host: event.target.value })} />
        </label>
        <label>
          <span>{t('settings.network.hostPort')}</span>
          <input type="number" min={1} max={65535} value={draft.probeHosting.port} {...validity('probeHosting')} onChange={(event) => change('probeHosting', { ...draft.probeHosting, port: Number(event.target.value) })} />
        </label>
        {error('probeHosting')}
        {hosting && (
          <p className="hint" aria-live="polite">
            {hosting.state === 'running' && (
              <>
                {t('settings.network.hostRunning')}{' '}
                {hosting.shareUrls.map((url, index) => (
                  <span key={url}>
                    {index > 0 && ' · '}
                    <code>{url}</code>
                  </span>
                ))}
              </>
            )}
            {hosting.state === 'failed' && t('settings.network.hostFailed', { message: hosting.error ?? '' })}
            {hosting.state === 'off' && t('settings.network.hostOff')}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {t('settings.network.save')}
        </button>
      </div>
      <p aria-live="polite" className="notice">
        {notice}
      </p>
    </form>
  );
}
