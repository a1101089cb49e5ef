import { useTranslation } from 'react-i18next';
import type { Check } from '../../../../shared/preflight/check';
import type { PreflightRun } from '../../../../shared/preflight/run';
import { StatusBadge } from './StatusBadge';

/** One check: status, the sentence, what to do, the measurements and the change since last time. */
export function CheckCard({ check, previous, snapshot }: { check: Check; previous: PreflightRun | null; snapshot?: string }) {
  const { t, i18n } = useTranslation();
  const before = previous?.checks.find((other) => other.id === check.id);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  return (
    <article className={`check check-${check.status}`} aria-label={`${t(`preflight.checkKinds.${check.kind}`)}: ${check.deviceLabel}`}>
      <header>
        <StatusBadge status={check.status} />
        <h3>
          {t(`preflight.checkKinds.${check.kind}`)}
          {check.deviceLabel && <span className="device-label"> — {check.deviceLabel}</span>}
        </h3>
      </header>
      <div className="check-body">
        {snapshot && <img className="snapshot" src={snapshot} alt={t('preflight.snapshot')} />}
        <div>
          <p className="summary">{t(check.summary.key, check.summary.values ?? {})}</p>
          {check.advice.length > 0 && (
            <div className="advice">
              <h4>{t('preflight.advice')}</h4>
              <ul>
                {check.advice.map((advice) => (
                  <li key={advice.key}>{t(advice.key, advice.values ?? {})}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
      <details>
        <summary>{t('preflight.metrics')}</summary>
        <dl className="facts">
          {Object.entries(check.metrics).map(([name, value]) => (
            <div key={name} className="fact">
              <dt>{name}</dt>
              <dd>{typeof value === 'number' ? number.format(value) : Array.isArray(value) ? value.join(', ') : String(value)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {previous && (
        <p className="since-last">
          {before
            ? t('preflight.sinceLast', {
                status: t(`preflight.status.${before.status}`),
                time: new Date(previous.startedAt).toLocaleString(i18n.language),
              })
            : t('preflight.noPrevious')}
        </p>
      )}
    </article>
  );
}
