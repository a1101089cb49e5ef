import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answerValues, assessmentAnswersSchema, type Answer, type AssessmentAnswers } from '../../../../shared/assessment/assessment';
import { formatDateTime } from '../../../../shared/i18n/translator';
import type { PreflightRun } from '../../../../shared/preflight/run';
import type { Language } from '../../../../shared/settings/settings';

type AnswerField = { [K in keyof AssessmentAnswers]: AssessmentAnswers[K] extends Answer ? K : never }[keyof AssessmentAnswers];
type HeadcountField = 'onSiteParticipants' | 'remoteParticipants';

/** The yes/no questions, grouped as a technician walks the room. */
const questionGroups: { group: 'connectivity' | 'power' | 'space' | 'platform' | 'security'; fields: AnswerField[] }[] = [
  { group: 'connectivity', fields: ['wiredLink', 'backupLink', 'qos'] },
  { group: 'power', fields: ['upsPower', 'updatesCurrent', 'planBRehearsed'] },
  { group: 'space', fields: ['acousticTreatment', 'controllableLighting', 'secondDisplay'] },
  { group: 'platform', fields: ['scalablePlatform'] },
  { group: 'security', fields: ['passcodes', 'waitingRoom', 'recordingConsent'] },
];
const headcountFields: HeadcountField[] = ['onSiteParticipants', 'remoteParticipants'];
const maxHeadcount = 100_000;

/** What the questionnaire submits. */
export interface QuestionnaireSubmission {
  assessor: string;
  answers: AssessmentAnswers;
  preflightRunId?: number;
}

/** An empty questionnaire: every question unanswered. */
export const blankAnswers: AssessmentAnswers = assessmentAnswersSchema.parse({});

function parseHeadcount(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return value <= maxHeadcount ? value : 'invalid';
}

/** The answers no measurement can give, the assessor's name and the run to assess from. */
export function Questionnaire(props: {
  initial: AssessmentAnswers;
  assessor: string;
  runs: readonly PreflightRun[];
  busy: boolean;
  onSubmit: (submission: QuestionnaireSubmission) => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  const [answers, setAnswers] = useState<AssessmentAnswers>(props.initial);
  const [headcounts, setHeadcounts] = useState<Record<HeadcountField, string>>({
    onSiteParticipants: props.initial.onSiteParticipants === null ? '' : String(props.initial.onSiteParticipants),
    remoteParticipants: props.initial.remoteParticipants === null ? '' : String(props.initial.remoteParticipants),
  });
  const [assessor, setAssessor] = useState(props.assessor);
  const [runId, setRunId] = useState('');
  const [tried, setTried] = useState(false);

  const parsedHeadcounts = Object.fromEntries(headcountFields.map((field) => [field, parseHeadcount(headcounts[field])])) as Record<HeadcountField, number | null | 'invalid'>;
  const invalid = headcountFields.filter((field) => parsedHeadcounts[field] === 'invalid');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (invalid.length > 0) {
      document.getElementById(`${ids}-${invalid[0]}`)?.focus();
      return;
    }
    const complete = assessmentAnswersSchema.parse({
      ...answers,
      onSiteParticipants: parsedHeadcounts.onSiteParticipants,
      remoteParticipants: parsedHeadcounts.remoteParticipants,
    });
    props.onSubmit({ assessor: assessor.trim(), answers: complete, ...(runId ? { preflightRunId: Number(runId) } : {}) });
  };

  return (
    <form className="panel questionnaire" aria-labelledby={`${ids}-title`} onSubmit={submit} noValidate>
      <h2 id={`${ids}-title`}>{t('reports.questionnaire.title')}</h2>
      <p className="hint">{t('reports.questionnaire.intro')}</p>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${ids}-assessor`}>{t('reports.questionnaire.assessor')}</label>
          <input id={`${ids}-assessor`} value={assessor} maxLength={200} autoComplete="name" onChange={(event) => setAssessor(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-run`}>{t('reports.questionnaire.run')}</label>
          <select id={`${ids}-run`} value={runId} onChange={(event) => setRunId(event.target.value)}>
            <option value="">{t('reports.questionnaire.latestRun')}</option>
            {props.runs.map((run) => (
              <option key={run.id} value={run.id}>
                {t('reports.runLabel', { date: formatDateTime(language, run.startedAt), id: run.id })}
              </option>
            ))}
          </select>
        </div>
        {headcountFields.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${ids}-${field}`}>{t(`reports.questions.${field}`)}</label>
            <input
              id={`${ids}-${field}`}
              inputMode="numeric"
              value={headcounts[field]}
              aria-invalid={tried && parsedHeadcounts[field] === 'invalid'}
              aria-describedby={`${ids}-${field}-error`}
              onChange={(event) => setHeadcounts((current) => ({ ...current, [field]: event.target.value }))}
            />
            <p className="field-error" id={`${ids}-${field}-error`}>
              {tried && parsedHeadcounts[field] === 'invalid' ? t('reports.questionnaire.headcountInvalid') : ''}
            </p>
          </div>
        ))}
      </div>
      {questionGroups.map(({ group, fields }) => (
        <fieldset key={group} className="question-group">
          <legend>{t(`reports.questionGroups.${group}`)}</legend>
          {fields.map((field) => (
            <div key={field} role="radiogroup" aria-labelledby={`${ids}-${field}-label`} className="question">
              <span id={`${ids}-${field}-label`} className="question-text">
                {t(`reports.questions.${field}`)}
              </span>
              <span className="answers">
                {answerValues.map((value) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name={`${ids}-${field}`}
                      value={value}
                      checked={answers[field] === value}
                      onChange={() => setAnswers((current) => ({ ...current, [field]: value }))}
                    />{' '}
                    {t(`reports.answers.${value}`)}
                  </label>
                ))}
              </span>
            </div>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`${ids}-notes`}>{t('reports.questionnaire.notes')}</label>
        <textarea id={`${ids}-notes`} rows={3} maxLength={2000} value={answers.notes} onChange={(event) => setAnswers((current) => ({ ...current, notes: event.target.value }))} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {t('reports.questionnaire.assess')}
        </button>
      </div>
    </form>
  );
}
