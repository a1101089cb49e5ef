import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileEntry } from '../../../../shared/profiles/profile';
import { parseProfilesJson, serializeProfilesJson } from '../../../../shared/profiles/profile-file';
import { downloadText } from '../../app/download';
import { LoadError } from '../../ui/ApiErrorDetails';
import { ColumnHeaders } from '../../ui/ColumnHeaders';
import { RowActionButton } from '../../ui/RowActionButton';
import { FormActions } from '../../ui/FormActions';
import { ImportFileButton } from '../../ui/ImportFileButton';
import { PanelNoticeArea, type PanelNotice } from '../../ui/PanelNotice';
import { useFocusReturn } from '../../ui/use-focus-return';
import { useSaveRequest } from '../../ui/use-save-request';
import { copyId, isProfileId } from '../../../../shared/profiles/profile-draft';
import { ProfileEditor } from './ProfileEditor';
import { useProfileList, useProfiles } from './store';

type Open = { mode: 'closed' } | { mode: 'edit'; entry: ProfileEntry } | { mode: 'duplicate'; entry: ProfileEntry };

const mimeType = 'application/json';

/** Lists the requirement profiles; edits, copies, removes, exports and imports them. Loads and follows the list itself. */
export function ProfilesPanel() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const { entries, status, error: loadError } = useProfileList();
  const { save, duplicate, remove, importProfiles } = useProfiles.getState();
  const [open, setOpen] = useState<Open>({ mode: 'closed' });
  const [notice, setNotice] = useState<PanelNotice | null>(null);
  const focus = useFocusReturn();

  const show = (next: Open, button: HTMLElement) => {
    focus.openedBy(button);
    setNotice(null);
    setOpen(next);
  };
  const close = () => {
    setOpen({ mode: 'closed' });
    focus.returnFocus();
  };
  const nameOf = (profile: Profile) => profile.name[language];

  const onRemove = async (entry: ProfileEntry) => {
    const question = entry.builtIn ? t('profiles.confirmReset', { name: nameOf(entry.profile) }) : t('profiles.confirmRemove', { name: nameOf(entry.profile) });
    if (!window.confirm(question)) return;
    const result = await remove(entry.profile.id);
    if (!result.ok) setNotice({ kind: 'error', error: result.error });
    else setNotice({ kind: 'status', text: t(entry.builtIn ? 'profiles.wasReset' : 'profiles.removed', { name: nameOf(entry.profile) }) });
  };

  const onImport = async (file: File) => {
    const parsed = parseProfilesJson(await file.text());
    if (!parsed.ok) {
      setNotice({ kind: 'import-failed', file: file.name, problems: parsed.problems });
      return;
    }
    const result = await importProfiles(parsed.profiles);
    setNotice(
      result.ok
        ? { kind: 'status', text: t('profiles.imported', { count: result.value.length, names: result.value.map((entry) => nameOf(entry.profile)).join(', ') }) }
        : { kind: 'error', error: result.error },
    );
  };

  const importId = `${ids}-import`;
  return (
    <section aria-labelledby={`${ids}-title`}>
      <div className="screen-header">
        <h2 id={`${ids}-title`}>{t('profiles.title')}</h2>
        <div className="actions">
          <button type="button" disabled={entries.length === 0} onClick={() => downloadText('roomready-profiles.json', serializeProfilesJson(entries.map((entry) => entry.profile)), mimeType)}>
            {t('profiles.exportAll')}
          </button>
          <ImportFileButton id={importId} accept=".json,application/json" describedBy={`${importId}-hint`} label={t('profiles.import')} onFile={(file) => void onImport(file)} />
        </div>
      </div>
      <p className="intro">{t('profiles.intro')}</p>
      <p className="hint" id={`${importId}-hint`}>
        {t('profiles.importHint')}
      </p>
      <PanelNoticeArea notice={notice} importFailed={(file) => t('profiles.importFailed', { file })} />
      {open.mode === 'edit' && (
        <ProfileEditor
          key={open.entry.profile.id}
          entry={open.entry}
          onSave={save}
          onSaved={(entry) => {
            setNotice({ kind: 'status', text: t('profiles.saved', { name: nameOf(entry.profile) }) });
            close();
          }}
          onClose={close}
        />
      )}
      {open.mode === 'duplicate' && (
        <DuplicateForm
          key={open.entry.profile.id}
          entry={open.entry}
          takenIds={entries.map((entry) => entry.profile.id)}
          onDuplicate={duplicate}
          onDone={(entry) => {
            setNotice({ kind: 'status', text: t('profiles.duplicated', { name: nameOf(entry.profile) }) });
            close();
          }}
          onClose={close}
        />
      )}
      <LoadError status={status} error={loadError} />
      {entries.length > 0 && (
        <table className="data-table">
          <ColumnHeaders labels={[t('profiles.columns.name'), t('profiles.columns.id'), t('profiles.columns.origin'), t('profiles.columns.actions')]} />
          <tbody>
            {entries.map((entry) => {
              const name = nameOf(entry.profile);
              const origin = entry.modified ? 'edited' : entry.builtIn ? 'builtIn' : 'own';
              return (
                <tr key={entry.profile.id}>
                  <th scope="row">{name}</th>
                  <td>
                    <code>{entry.profile.id}</code>
                  </td>
                  <td>
                    <span className="badge">{t(`profiles.origin.${origin}`)}</span>
                  </td>
                  <td className="row-actions">
                    <RowActionButton label={t('profiles.edit')} row={name} onClick={(event) => show({ mode: 'edit', entry }, event.currentTarget)} />
                    <RowActionButton label={t('profiles.duplicate')} row={name} onClick={(event) => show({ mode: 'duplicate', entry }, event.currentTarget)} />
                    <RowActionButton label={t('profiles.export')} row={name} onClick={() => downloadText(`profile-${entry.profile.id}.json`, serializeProfilesJson([entry.profile]), mimeType)} />
                    {(entry.modified || !entry.builtIn) && (
                      <RowActionButton label={t(entry.builtIn ? 'profiles.reset' : 'profiles.remove')} row={name} onClick={() => void onRemove(entry)} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Asks for the copy's id and names; the id is checked against the list as it is typed. */
function DuplicateForm(props: {
  entry: ProfileEntry;
  takenIds: readonly string[];
  onDuplicate: (id: string, newId: string, name: Profile['name']) => ReturnType<ReturnType<typeof useProfiles.getState>['duplicate']>;
  onDone: (entry: ProfileEntry) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const source = props.entry.profile;
  const [newId, setNewId] = useState(() => copyId(source.id, props.takenIds));
  // Each name is suffixed in its own language, whatever language the app is shown in.
  const [name, setName] = useState(() => ({
    en: i18n.getFixedT('en')('profiles.copyName', { name: source.name.en }),
    ru: i18n.getFixedT('ru')('profiles.copyName', { name: source.name.ru }),
  }));
  const { error, setError, saving, save } = useSaveRequest(props.onDone);
  const idInput = useRef<HTMLInputElement>(null);

  useEffect(() => idInput.current?.focus(), []);

  const idProblem = !isProfileId(newId) ? 'profiles.validation.id' : props.takenIds.includes(newId) ? 'profiles.errors.idTaken' : null;
  const nameProblem = (lang: 'en' | 'ru') => (name[lang].trim() === '' ? 'profiles.validation.required' : null);
  const valid = !idProblem && !nameProblem('en') && !nameProblem('ru');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    await save(props.onDuplicate(source.id, newId, { en: name.en.trim(), ru: name.ru.trim() }));
  };

  const titleId = `${ids}-title`;
  return (
    <form className="panel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={titleId}>{t('profiles.duplicateTitle', { name: source.name[i18n.language === 'ru' ? 'ru' : 'en'] })}</h3>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${ids}-id`}>{t('profiles.fields.id')}</label>
          <input
            ref={idInput}
            id={`${ids}-id`}
            value={newId}
            aria-invalid={idProblem ? true : undefined}
            aria-describedby={idProblem ? `${ids}-id-error` : undefined}
            onChange={(event) => {
              setError(null);
              setNewId(event.target.value.trim());
            }}
          />
          {idProblem && (
            <p className="field-error" id={`${ids}-id-error`}>
              {t(idProblem)}
            </p>
          )}
        </div>
        {(['en', 'ru'] as const).map((lang) => {
          const problem = nameProblem(lang);
          return (
            <div className="field" key={lang}>
              <label htmlFor={`${ids}-${lang}`}>{t(`profiles.fields.name.${lang}`)}</label>
              <input
                id={`${ids}-${lang}`}
                value={name[lang]}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${ids}-${lang}-error` : undefined}
                onChange={(event) => {
                  setError(null);
                  const text = event.target.value;
                  setName((current) => ({ ...current, [lang]: text }));
                }}
              />
              {problem && (
                <p className="field-error" id={`${ids}-${lang}-error`}>
                  {t(problem)}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <FormActions error={error} submitLabel={t('profiles.duplicateSave')} submitDisabled={!valid || saving} cancelLabel={t('profiles.cancel')} onCancel={props.onClose} />
    </form>
  );
}
