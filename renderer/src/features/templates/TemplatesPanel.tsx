import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template, TemplateSummary } from '../../../../shared/runofshow/template';
import { parseTemplateJson, serializeTemplateJson } from '../../../../shared/runofshow/template-json';
import { parseTemplateMarkdown, serializeTemplateMarkdown } from '../../../../shared/runofshow/template-markdown';
import { downloadText } from '../../app/download';
import { LoadError } from '../../ui/ApiErrorDetails';
import { ColumnHeaders } from '../../ui/ColumnHeaders';
import { RowActionButton } from '../../ui/RowActionButton';
import { ImportFileButton } from '../../ui/ImportFileButton';
import { PanelNoticeArea, type PanelNotice } from '../../ui/PanelNotice';
import { useFocusReturn } from '../../ui/use-focus-return';
import { templateFileName, templateMimeTypes, type TemplateFileFormat } from './template-files';
import { TemplateEditor } from './TemplateEditor';
import { useTemplates } from './store';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; template: Template };

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
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const focus = useFocusReturn();

  useEffect(() => void load(), [load]);

  const openEditor = (next: Editing, button: HTMLElement) => {
    focus.openedBy(button);
    setNotice(null);
    setEditing(next);
  };

  const closeEditor = () => {
    setEditing({ mode: 'closed' });
    focus.returnFocus();
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

  const onImport = async (file: File) => {
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
          <ImportFileButton id={importId} accept=".json,.md" describedBy={`${importId}-hint`} label={t('templates.import')} onFile={(file) => void onImport(file)} />
        </div>
      </div>
      <p className="hint" id={`${importId}-hint`}>
        {t('templates.importHint')}
      </p>
      <PanelNoticeArea notice={notice} importFailed={(file) => t('templates.importFailed', { file })} />
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
      <LoadError status={status} error={loadError} />
      {list.length > 0 && (
        <table className="data-table">
          <ColumnHeaders labels={[t('runOfShow.columns.name'), t('runOfShow.columns.kind'), t('runOfShow.columns.language'), t('runOfShow.columns.actions')]} />
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
                  <RowActionButton label={t('templates.edit')} row={summary.name} onClick={(event) => void onEdit(summary, event.currentTarget)} />
                  <RowActionButton label={t('templates.duplicate')} row={summary.name} onClick={() => void onDuplicate(summary)} />
                  <RowActionButton label={t('templates.exportJson')} row={summary.name} onClick={() => void onExport(summary, 'json')} />
                  <RowActionButton label={t('templates.exportMarkdown')} row={summary.name} onClick={() => void onExport(summary, 'md')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
