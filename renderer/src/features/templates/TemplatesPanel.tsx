import { useEffect, useId, useRef, useState, type ChangeEvent, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import type { ImportProblem } from '../../../../shared/runofshow/import-error';
import type { Template, TemplateSummary } from '../../../../shared/runofshow/template';
import { parseTemplateJson, serializeTemplateJson } from '../../../../shared/runofshow/template-json';
import { parseTemplateMarkdown, serializeTemplateMarkdown } from '../../../../shared/runofshow/template-markdown';
import { downloadText, templateFileName, templateMimeTypes, type TemplateFileFormat } from './download';
import { ApiErrorDetails, TemplateEditor } from './TemplateEditor';
import { useTemplates } from './store';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; template: Template };
type Notice = { kind: 'status'; text: string } | { kind: 'import-failed'; file: string; problems: ImportProblem[] } | { kind: 'error'; error: ApiError };

/** Hidden from sight but not from the keyboard or screen readers, unlike `display: none`. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** The file input's label is what people see and click, so it looks like the other buttons. */
const importLabelStyle: CSSProperties = {
  display: 'inline-block',
  padding: '6px 14px',
  border: '1px solid #8a96a3',
  borderRadius: 4,
  background: '#fff',
  cursor: 'pointer',
};

const serializers: Record<TemplateFileFormat, (template: Template) => string> = {
  json: serializeTemplateJson,
  md: serializeTemplateMarkdown,
};

function parseTemplateFile(fileName: string, text: string) {
  return fileName.toLowerCase().endsWith('.json') ? parseTemplateJson(text) : parseTemplateMarkdown(text);
}

/** Lists the templates and lets a person import, export, duplicate, write and edit them. */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const ids = useId();
  const list = useTemplates((state) => state.list);
  const status = useTemplates((state) => state.status);
  const loadError = useTemplates((state) => state.error);
  const { load, get, save, duplicate } = useTemplates.getState();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [importFocused, setImportFocused] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => void load(), [load]);

  const openEditor = (next: Editing, button: HTMLElement) => {
    opener.current = button;
    setNotice(null);
    setEditing(next);
  };

  const closeEditor = () => {
    setEditing({ mode: 'closed' });
    if (opener.current?.isConnected) opener.current.focus();
  };

  const onEdit = async (summary: TemplateSummary, button: HTMLElement) => {
    const result = await get(summary.id);
    if (!result.ok) {
      setNotice({ kind: 'error', error: result.error });
      return;
    }
    openEditor({ mode: 'edit', template: result.value }, button);
  };

  const onDuplicate = async (summary: TemplateSummary) => {
    const name = window.prompt(t('templates.duplicateName'), t('templates.copyOf', { name: summary.name }))?.trim();
    if (!name) return;
    const result = await duplicate(summary.id, name);
    setNotice(result.ok ? { kind: 'status', text: t('templates.saved', { name: result.value.name, version: result.value.version }) } : { kind: 'error', error: result.error });
  };

  const onExport = async (summary: TemplateSummary, format: TemplateFileFormat) => {
    const result = await get(summary.id);
    if (!result.ok) {
      setNotice({ kind: 'error', error: result.error });
      return;
    }
    downloadText(templateFileName(result.value, format), serializers[format](result.value), templateMimeTypes[format]);
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once so choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
    const parsed = parseTemplateFile(file.name, await file.text());
    if (!parsed.ok) {
      setNotice({ kind: 'import-failed', file: file.name, problems: parsed.problems });
      return;
    }
    const result = await save(parsed.template);
    setNotice(
      result.ok
        ? { kind: 'status', text: t('templates.imported', { name: result.value.name, version: result.value.version }) }
        : { kind: 'error', error: result.error },
    );
  };

  const saved = (template: Template) => {
    setNotice({ kind: 'status', text: t('templates.saved', { name: template.name, version: template.version }) });
    closeEditor();
  };

  const importId = `${ids}-import`;
  return (
    <section aria-labelledby={`${ids}-title`}>
      <div className="screen-header">
        <h2 id={`${ids}-title`}>{t('runOfShow.tabs.templates')}</h2>
        <div className="actions">
          <button type="button" className="primary" onClick={(event) => openEditor({ mode: 'new' }, event.currentTarget)}>
            {t('templates.new')}
          </button>
          <input
            id={importId}
            type="file"
            accept=".json,.md"
            style={visuallyHidden}
            aria-describedby={`${importId}-hint`}
            onChange={(event) => void onImport(event)}
            onFocus={() => setImportFocused(true)}
            onBlur={() => setImportFocused(false)}
          />
          <label htmlFor={importId} style={importFocused ? { ...importLabelStyle, outline: '3px solid var(--focus)', outlineOffset: 2 } : importLabelStyle}>
            {t('templates.import')}
          </label>
        </div>
      </div>
      <p className="hint" id={`${importId}-hint`}>
        {t('templates.importHint')}
      </p>
      <p role="status" className="notice">
        {notice?.kind === 'status' && notice.text}
      </p>
      <div role="alert">
        {notice?.kind === 'import-failed' && (
          <div className="panel">
            <p className="form-error">{t('templates.importFailed', { file: notice.file })}</p>
            <ul>
              {notice.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </div>
        )}
        {notice?.kind === 'error' && <ApiErrorDetails error={notice.error} />}
      </div>
      {editing.mode !== 'closed' && (
        <TemplateEditor
          key={editing.mode === 'edit' ? `${editing.template.id}@${editing.template.version}` : 'new'}
          template={editing.mode === 'edit' ? editing.template : null}
          takenIds={list.map((summary) => summary.id)}
          onSave={save}
          onSaved={saved}
          onClose={closeEditor}
        />
      )}
      {status === 'error' && loadError && <p role="alert">{t(`errors.${loadError.code}`)}</p>}
      {list.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('runOfShow.columns.name')}</th>
              <th scope="col">{t('runOfShow.columns.kind')}</th>
              <th scope="col">{t('runOfShow.columns.language')}</th>
              <th scope="col">{t('runOfShow.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((summary) => (
              <tr key={summary.id}>
                <th scope="row">
                  {summary.name} <span className="hint">{t('runOfShow.version', { version: summary.version })}</span>
                  {summary.builtIn && (
                    <>
                      {' '}
                      <span className="badge">{t('runOfShow.builtIn')}</span>
                    </>
                  )}
                </th>
                <td>{t(`runOfShow.kinds.${summary.kind}`)}</td>
                <td>{t(`languages.${summary.language}`)}</td>
                <td className="row-actions">
                  <button type="button" onClick={(event) => void onEdit(summary, event.currentTarget)} aria-label={`${t('templates.edit')}: ${summary.name}`}>
                    {t('templates.edit')}
                  </button>
                  <button type="button" onClick={() => void onDuplicate(summary)} aria-label={`${t('templates.duplicate')}: ${summary.name}`}>
                    {t('templates.duplicate')}
                  </button>
                  <button type="button" onClick={() => void onExport(summary, 'json')} aria-label={`${t('templates.exportJson')}: ${summary.name}`}>
                    {t('templates.exportJson')}
                  </button>
                  <button type="button" onClick={() => void onExport(summary, 'md')} aria-label={`${t('templates.exportMarkdown')}: ${summary.name}`}>
                    {t('templates.exportMarkdown')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
