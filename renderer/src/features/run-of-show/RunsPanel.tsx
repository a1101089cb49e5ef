import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation';
import { useTemplates } from '../templates/store';
import { useRunOfShow } from './store';
import { ColumnHeaders } from '../../ui/ColumnHeaders';
import { useFormat } from '../../i18n/use-format';

/** A `datetime-local` input's value (a machine format the input shows in the person's own way), in local time. */
function localDateTimeValue(ms: number): string {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/** Start a run from a template, and the list of runs to open. */
export function RunsPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const runs = useRunOfShow((state) => state.runs);
  const templates = useTemplates((state) => state.list);
  const error = useRunOfShow((state) => state.error);
  const startable = templates.filter((template) => template.kind !== 'playbook');
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [plannedStart, setPlannedStart] = useState(() => localDateTimeValue(Date.now() + 15 * 60_000));

  useEffect(() => {
    void useRunOfShow.getState().loadRuns();
    void useTemplates.getState().load();
  }, []);
  const language = i18n.language;
  const chosen = templateId || startable.find((template) => template.language === language)?.id || startable[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const run = await useRunOfShow.getState().start({ templateId: chosen, title: title.trim(), plannedStart: new Date(plannedStart).getTime() });
    if (run) navigate('run-of-show', 'run', run.id);
  };

  return (
    <>
      <form className="panel controls" onSubmit={(event) => void submit(event)} aria-labelledby="start-run-title">
        <h2 id="start-run-title" className="sr-only">
          {t('runOfShow.startRun')}
        </h2>
        <label>
          <span>{t('runOfShow.template')}</span>
          <select value={chosen} onChange={(event) => setTemplateId(event.target.value)}>
            {startable.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name} ({t(`runOfShow.kinds.${template.kind}`)}, {t(`languages.${template.language}`)})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('runOfShow.runTitle')}</span>
          <input type="text" value={title} required maxLength={200} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          <span>{t('runOfShow.plannedStart')}</span>
          <input type="datetime-local" value={plannedStart} required onChange={(event) => setPlannedStart(event.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!chosen || title.trim() === ''}>
          {t('runOfShow.create')}
        </button>
      </form>
      {error && <p role="alert">{t(`errors.${error.code}`)}</p>}
      {runs.length === 0 ? (
        <p className="empty">{t('runOfShow.noRuns')}</p>
      ) : (
        <table className="data-table">
          <ColumnHeaders labels={[t('runOfShow.columns.title'), t('runOfShow.columns.template'), t('runOfShow.columns.start'), t('runOfShow.columns.status'), t('runOfShow.columns.actions')]} />
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  {run.parentRunId !== null && '↳ '}
                  {run.title}
                </th>
                <td>
                  {run.templateName} {t('runOfShow.version', { version: run.templateVersion })}
                </td>
                <td>{format.dateTime(run.plannedStart)}</td>
                <td>{t(`runOfShow.status.${run.status}`)}</td>
                <td>
                  <a className="button-link" href={`#/run-of-show/run/${run.id}`} aria-label={`${t('runOfShow.open')}: ${run.title}`}>
                    {t('runOfShow.open')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
