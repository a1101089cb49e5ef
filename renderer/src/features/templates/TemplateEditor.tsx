import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/api/result';
import type { ImportResult } from '../../../../shared/runofshow/import-error';
import { stepsInOrder, templateSchema, type Template } from '../../../../shared/runofshow/template';
import { parseTemplateMarkdown, serializeTemplateMarkdown } from '../../../../shared/runofshow/template-markdown';
import type { Language } from '../../../../shared/settings/settings';
import { FormActions } from '../../ui/FormActions';
import { useSaveRequest } from '../../ui/use-save-request';

/** Long enough not to re-parse on every keystroke, short enough to feel live. */
const validationDelayMs = 200;

function unusedId(base: string, takenIds: readonly string[]): string {
  const taken = new Set(takenIds);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Writes a template as Markdown, validated as it is typed, and saves it as a new version. */
export function TemplateEditor(props: {
  template: Template | null;
  /** Ids already in use, so a new template does not silently become a version of another. */
  takenIds: readonly string[];
  onSave: (template: Template) => Promise<Result<Template>>;
  onSaved: (template: Template) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const sourceRef = useRef<HTMLTextAreaElement>(null);
  const [source, setSource] = useState(() => {
    if (props.template) return serializeTemplateMarkdown(props.template);
    const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
    const skeleton = templateSchema.parse({
      kind: 'checklist',
      id: unusedId('new-template', props.takenIds),
      language,
      name: t('templates.newTitle'),
      steps: [{ key: 'step-1', title: t('runner.stepState.pending') }],
    });
    return serializeTemplateMarkdown(skeleton);
  });
  const [checked, setChecked] = useState<{ source: string; result: ImportResult }>(() => ({ source, result: parseTemplateMarkdown(source) }));
  const { error: saveError, setError: setSaveError, saving, save } = useSaveRequest(props.onSaved);

  useEffect(() => sourceRef.current?.focus(), []);

  useEffect(() => {
    if (checked.source === source) return;
    const timer = setTimeout(() => setChecked({ source, result: parseTemplateMarkdown(source) }), validationDelayMs);
    return () => clearTimeout(timer);
  }, [source, checked.source]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The debounced result may lag the text; what is saved must be exactly what is shown.
    const result = checked.source === source ? checked.result : parseTemplateMarkdown(source);
    setChecked({ source, result });
    if (!result.ok) return;
    await save(props.onSave(result.template));
  };

  const result = checked.result;
  const summary = result.ok
    ? t('templates.summary', { kind: t(`runOfShow.kinds.${result.template.kind}`), count: stepsInOrder(result.template).length })
    : '';
  const titleId = `${ids}-title`;
  const hintId = `${ids}-hint`;
  const validationId = `${ids}-validation`;
  return (
    <form className="panel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h3 id={titleId}>{props.template ? t('templates.editorTitle', { name: props.template.name }) : t('templates.newTitle')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-source`}>{t('templates.source')}</label>
        <textarea
          ref={sourceRef}
          id={`${ids}-source`}
          rows={20}
          spellCheck={false}
          style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}
          value={source}
          aria-invalid={result.ok ? undefined : true}
          aria-describedby={`${hintId} ${validationId}`}
          onChange={(event) => {
            setSource(event.target.value);
            setSaveError(null);
          }}
        />
        <p className="hint" id={hintId}>
          {t('templates.editorHint')}
        </p>
      </div>
      <div id={validationId} aria-live="polite">
        {result.ok ? (
          <p>{t('templates.valid', { summary })}</p>
        ) : (
          <>
            <p className="form-error" id={`${validationId}-problems`}>
              {t('templates.problems')}
            </p>
            <ul aria-labelledby={`${validationId}-problems`}>
              {result.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <FormActions error={saveError} submitLabel={t('templates.save')} submitDisabled={!result.ok || saving} cancelLabel={t('templates.cancel')} onCancel={props.onClose} />
    </form>
  );
}
