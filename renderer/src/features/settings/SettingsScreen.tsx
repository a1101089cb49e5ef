import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeUpdateError, type UpdateStatus } from '../../../../shared/updates/update-status';
import { NetworkSettings } from './NetworkSettings';
import { useSettings } from './store';

function describeUpdates(status: UpdateStatus, t: TFunction): string {
  switch (status.state) {
    case 'disabled':
      return t(`settings.updateState.disabled.${status.reason}`);
    case 'downloading':
      return t('settings.updateState.downloading', { version: status.version, percent: Math.round(status.percent) });
    case 'available':
    case 'downloaded':
      return t(`settings.updateState.${status.state}`, { version: status.version });
    case 'error':
      return describeUpdateError(status, (key, values) => t(key, values ?? {}));
    default:
      return t(`settings.updateState.${status.state}`);
  }
}

/** Update feed, updater actions and facts about this installation (the language is in the header). */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const info = useSettings((state) => state.info);
  const updates = useSettings((state) => state.updates);
  const { save, runUpdateAction } = useSettings.getState();
  const [feed, setFeed] = useState(settings.updateFeedUrl);
  const [operator, setOperator] = useState(settings.operatorName);
  const [retention, setRetention] = useState(String(settings.liveRetentionDays));
  const [retentionError, setRetentionError] = useState('');
  const [feedError, setFeedError] = useState('');
  const [notice, setNotice] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const retentionDays = Number(retention);
    if (!/^\d+$/.test(retention.trim()) || retentionDays < 1 || retentionDays > 3650) {
      setRetentionError('live.settings.retentionRange');
      setNotice('');
      return;
    }
    setRetentionError('');
    const result = await save({ updateFeedUrl: feed.trim(), operatorName: operator.trim(), liveRetentionDays: retentionDays });
    if (result.ok) {
      setFeedError('');
      setNotice(t('settings.saved'));
    } else {
      const issue = result.error.issues?.[0];
      if (issue?.path === 'liveRetentionDays') setRetentionError('live.settings.retentionRange');
      else setFeedError(issue?.message ?? `errors.${result.error.code}`);
      setNotice('');
    }
  };

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <p role="status" className="notice">
        {notice}
      </p>
      <form className="panel" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="operator-name">{t('settings.operatorName')}</label>
          <input id="operator-name" type="text" maxLength={80} value={operator} aria-describedby="operator-name-hint" onChange={(event) => setOperator(event.target.value)} />
          <p className="hint" id="operator-name-hint">
            {t('settings.operatorNameHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="live-retention">{t('live.settings.retention')}</label>
          <input
            id="live-retention"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={retention}
            aria-invalid={retentionError ? true : undefined}
            aria-describedby={retentionError ? 'live-retention-hint live-retention-error' : 'live-retention-hint'}
            onChange={(event) => setRetention(event.target.value)}
          />
          <p className="hint" id="live-retention-hint">
            {t('live.settings.retentionHint')}
          </p>
          {retentionError && (
            <p className="field-error" id="live-retention-error">
              {t(retentionError)}
            </p>
          )}
        </div>
        <h2>{t('settings.updates')}</h2>
        <div className="field">
          <label htmlFor="update-feed">{t('settings.updateFeedUrl')}</label>
          <input
            id="update-feed"
            type="url"
            value={feed}
            placeholder="https://"
            aria-invalid={feedError ? true : undefined}
            aria-describedby={feedError ? 'update-feed-hint update-feed-error' : 'update-feed-hint'}
            onChange={(event) => setFeed(event.target.value)}
          />
          <p className="hint" id="update-feed-hint">
            {t('settings.updateFeedHint')}
          </p>
          {feedError && (
            <p className="field-error" id="update-feed-error">
              {t(feedError)}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        </div>
        {updates && <p className="update-state">{describeUpdates(updates, t)}</p>}
        {updates && updates.state !== 'disabled' && (
          <div className="actions">
            <button type="button" onClick={() => void runUpdateAction('updates:check')} disabled={updates.state === 'checking'}>
              {t('settings.checkUpdates')}
            </button>
            {updates.state === 'available' && (
              <button type="button" onClick={() => void runUpdateAction('updates:download')}>
                {t('settings.downloadUpdate')}
              </button>
            )}
            {updates.state === 'downloaded' && (
              <button type="button" className="primary" onClick={() => void runUpdateAction('updates:install')}>
                {t('settings.installUpdate')}
              </button>
            )}
          </div>
        )}
      </form>
      <NetworkSettings />
      {info && (
        <div className="panel">
          <h2>{t('settings.about')}</h2>
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.mode')}</dt>
            <dd>{t(info.mode === 'web' ? 'settings.modeWeb' : 'settings.modeElectron')}</dd>
            <dt>{t('settings.dataFile')}</dt>
            <dd>
              <code>{info.databaseFile}</code>
            </dd>
          </dl>
        </div>
      )}
    </section>
  );
}
