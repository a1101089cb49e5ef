import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { recommendationGroups, type Assessment, type CapacityEvaluation, type Recommendation } from '../../../../shared/assessment/assessment';
import type { Message } from '../../../../shared/preflight/check';
import { formatDateTime, formatNumber, localizeValues } from '../../../../shared/i18n/translator';
import type { ProfileEntry } from '../../../../shared/profiles/profile';
import { playbookSources } from '../../../../shared/runofshow/builtins/playbooks';
import type { Language } from '../../../../shared/settings/settings';
import { StatusBadge } from '../preflight/StatusBadge';
import { groupNameKey, priorityNameKey } from '../../../../shared/assessment/recommendations';
import { meterZone, type MeterZone, type MeterZones } from '../../ui/meter-zone';

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'ru' ? 'ru' : 'en';
}

/** A translated message with its numbers written the reader's way. */
function useMessage() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (message: Message) => t(message.key, localizeValues(language, message.values));
}

// The meter paints 80 and up green, 50 to 80 amber, below 50 red; the band's word says the same.
const scoreZones: MeterZones = { low: 50, high: 80, optimum: 100 };
const scoreBands: Record<MeterZone, 'low' | 'fair' | 'good'> = { below: 'low', within: 'fair', above: 'good' };

/** A 0–100 score as a meter that also says its number and its band, or "not measured". */
export function ScoreMeter({ label, score, labelShown = true }: { label: string; score: number | null; labelShown?: boolean }) {
  const { t } = useTranslation();
  const labelClass = labelShown ? 'score-label' : 'sr-only';
  if (score === null) {
    return (
      <p className="score-line">
        <span className={labelClass}>{label}</span> <span className="score-value">{t('reports.notMeasured')}</span>
      </p>
    );
  }
  return (
    <p className="score-line">
      <span className={labelClass}>{label}</span>{' '}
      <meter min={0} max={100} {...scoreZones} value={score} aria-label={label} aria-valuetext={t('reports.scoreOf', { score })} />{' '}
      <span className="score-value">{t('reports.scoreOf', { score })}</span> <span className="score-band">{t(`reports.scoreBand.${scoreBands[meterZone(score, scoreZones)]}`)}</span>
    </p>
  );
}

/** Scores with how each was made, capacity, readiness per event type and the recommendations of one assessment. */
export const AssessmentResultView = forwardRef<HTMLHeadingElement, { assessment: Assessment; profiles: readonly ProfileEntry[] }>(function AssessmentResultView(
  { assessment, profiles },
  headingRef,
) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const { result } = assessment;
  const profileName = (id: string) => profiles.find((entry) => entry.profile.id === id)?.profile.name[language] ?? id;
  return (
    <section className="assessment-result" aria-labelledby="assessment-result-title">
      <h2 id="assessment-result-title" ref={headingRef} tabIndex={-1}>
        {t('reports.result.title')}
      </h2>
      <p className="hint">
        {t('reports.result.assessedBy', {
          date: formatDateTime(language, assessment.assessedAt),
          assessor: assessment.assessor || t('reports.result.noAssessor'),
        })}{' '}
        {assessment.run ? t('reports.result.fromRun', { id: assessment.run.id, date: formatDateTime(language, assessment.run.startedAt) }) : t('reports.result.noRun')}
      </p>
      <div className="panel">
        <ScoreMeter label={t('reports.result.overall')} score={result.overall} />
      </div>
      <div className="area-scores">
        {result.scores.map((area) => (
          <section key={area.area} className="panel area" aria-labelledby={`area-${area.area}`}>
            <h3 id={`area-${area.area}`}>{t(`reports.areas.${area.area}`)}</h3>
            <ScoreMeter label={t(`reports.areas.${area.area}`)} score={area.score} labelShown={false} />
            {area.parts.length === 0 ? (
              <p className="empty">{t('reports.result.noParts')}</p>
            ) : (
              <ul className="parts">
                {area.parts.map((part) => (
                  <li key={part.key}>
                    {t(`assessment.parts.${part.key}`, localizeValues(language, part.values))}{' '}
                    <span className="hint">
                      {t('reports.result.part', { score: formatNumber(language, part.score, 0), weight: formatNumber(language, part.weight * 100, 0) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <Capacity capacity={result.capacity} />
      <section className="panel" aria-labelledby="verdicts-title">
        <h3 id="verdicts-title">{t('reports.result.verdicts')}</h3>
        {result.verdicts.length === 0 ? (
          <p className="empty">{t('reports.result.noVerdicts')}</p>
        ) : (
          <ul className="readiness">
            {result.verdicts.map((verdict) => (
              <li key={verdict.profile}>
                <StatusBadge status={verdict.status} /> <strong>{profileName(verdict.profile)}</strong>
                {verdict.reasons.length > 0 && <>: {verdict.reasons.map(message).join(' ')}</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recommendations-title">
        <h3 id="recommendations-title">{t('reports.result.recommendations')}</h3>
        {recommendationGroups.map((group) => (
          <RecommendationGroupView key={group} group={group} items={result.recommendations.filter((item) => item.group === group)} />
        ))}
      </section>
    </section>
  );
});

function Capacity({ capacity }: { capacity: CapacityEvaluation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const count = (value: number | null) => (value === null ? t('reports.notMeasured') : formatNumber(language, value, 0));
  const mbps = (value: number | null) => (value === null ? t('reports.notMeasured') : t('reports.units.mbps', { value: formatNumber(language, value, 1) }));
  return (
    <section className="panel" aria-labelledby="capacity-title">
      <h3 id="capacity-title">{t('reports.capacity.title')}</h3>
      <dl className="facts">
        <dt>{t('reports.capacity.seats')}</dt>
        <dd>{count(capacity.seats)}</dd>
        <dt>{t('reports.capacity.onSite')}</dt>
        <dd>{count(capacity.onSite)}</dd>
        <dt>{t('reports.capacity.remote')}</dt>
        <dd>{count(capacity.remote)}</dd>
        <dt>{t('reports.capacity.download')}</dt>
        <dd>{mbps(capacity.downloadMbps)}</dd>
        <dt>{t('reports.capacity.upload')}</dt>
        <dd>{mbps(capacity.uploadMbps)}</dd>
        <dt>{t('reports.capacity.sendHeight')}</dt>
        <dd>
          {capacity.sendHeight === null
            ? t('reports.notMeasured')
            : capacity.sendHeight === 0
              ? t('reports.capacity.noVideo')
              : t('reports.capacity.height', { height: capacity.sendHeight })}
        </dd>
        <dt>{t('reports.capacity.receiveStreams')}</dt>
        <dd>
          {capacity.receiveStreams.length === 0
            ? t('reports.notMeasured')
            : capacity.receiveStreams.map((rung) => t('reports.capacity.streamsAt', { count: rung.streams, height: rung.height })).join(', ')}
        </dd>
      </dl>
      {capacity.findings.length > 0 && (
        <ul>
          {capacity.findings.map((finding, index) => (
            <li key={index}>{message(finding)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RecommendationGroupView({ group, items }: { group: Recommendation['group']; items: Recommendation[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const playbookName = (id: string) => playbookSources.find((source) => source.id === id)?.name[language] ?? id;
  return (
    <section className="panel recommendation-group" aria-labelledby={`group-${group}`}>
      <h4 id={`group-${group}`}>{t(groupNameKey(group))}</h4>
      {items.length === 0 ? (
        <p className="empty">{t('reports.result.nothingToRecommend')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.rule} data-priority={item.priority}>
              <span className={`badge priority-${item.priority}`}>{t(priorityNameKey(item.priority))}</span> {message(item.message)}
              {item.playbooks.length > 0 && (
                <span className="hint"> {t('reports.result.playbooks', { names: item.playbooks.map(playbookName).join(', ') })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
