import { useTranslation } from 'react-i18next';
import type { Check } from '../../../../shared/preflight/check';
import { measurementCodeKey } from '../../../../shared/preflight/measurement-text';
import type { PreflightRun } from '../../../../shared/preflight/run';
import { useFormat } from '../../i18n/use-format';
import { StatusBadge } from './StatusBadge';

/** A measurement as a person reads it: numbers in the language on screen, yes / no, codes in words, lists joined. */
function measurementText(name: string, value: Check['metrics'][string], number: (value: number, digits: number) => string, t: (key: string) => string): string {
  if (value === null) return t('measurements.values.none');
  if (typeof value === 'number') return number(value, 3);
  if (typeof value === 'boolean') return t(value ? 'measurements.values.yes' : 'measurements.values.no');
  const word = (code: string) => {
    const key = measurementCodeKey(name, code);
    return key ? t(key) : code;
  };
  return Array.isArray(value) ? value.map(word).join(', ') : word(value);
}

/** One check: status, the sentence, what to do, the measurements and the change since last time. */
export function CheckCard({ check, previous, snapshot }: { check: Check; previous: PreflightRun | null; snapshot?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const before = previous?.checks.find((other) => other.id === check.id);
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
          <p className="summary">{format.message(check.summary)}</p>
          {check.advice.length > 0 && (
            <div className="advice">
              <h4>{t('preflight.advice')}</h4>
              <ul>
                {check.advice.map((advice) => (
                  <li key={advice.key}>{format.message(advice)}</li>
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
              <dt title={name}>{t(`measurements.names.${name}`)}</dt>
              <dd>{measurementText(name, value, format.number, t)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {previous && (
        <p className="since-last">
          {before
            ? t('preflight.sinceLast', {
                status: t(`preflight.status.${before.status}`),
                time: format.dateTime(previous.startedAt),
              })
            : t('preflight.noPrevious')}
        </p>
      )}
    </article>
  );
}
