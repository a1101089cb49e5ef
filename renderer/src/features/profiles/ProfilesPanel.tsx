import { useEffect, useId, useRef, useState, type ChangeEvent, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import type { Profile, ProfileEntry } from '../../../../shared/profiles/profile';
import { parseProfilesJson, serializeProfilesJson } from '../../../../shared/profiles/profile-file';
import type { ImportProblem } from '../../../../shared/runofshow/import-error';
import { downloadText } from '../templates/download';
import { ApiErrorDetails } from '../templates/TemplateEditor';
import { copyId, isProfileId } from '../../../../shared/profiles/profile-draft';
import { ProfileEditor } from './ProfileEditor';
import { useProfiles } from './store';

type Open = { mode: 'closed' } | { mode: 'edit'; entry: ProfileEntry } | { mode: 'duplicate'; entry: ProfileEntry };
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

const mimeType = 'application/json';

/** Lists the requirement profiles; edits, copies, removes, exports and imports them. Loads and follows the list itself. */
export function ProfilesPanel() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const entries = useProfiles((state) => state.entries);
  const status = useProfiles((state) => state.status);
  const loadError = useProfiles((state) => state.error);
  const { load, save, duplicate, remove, importProfiles } = useProfiles.getState();
  const [open, setOpen] = useState<Open>({ mode: 'closed' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [importFocused, setImportFocused] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => void load(), [load]);

  const show = (next: Open, button: HTMLElement) => {
    opener.current = button;
    setNotice(null);
    setOpen(next);
  };
  const close = () => {
    setOpen({ mode: 'closed' });
    if (opener.current?.isConnected) opener.current.focus();
  };
  const nameOf = (profile: Profile) => profile.name[language];

  const onRemove = async (entry: ProfileEntry) => {
    const question = entry.builtIn ? t('profiles.confirmReset', { name: nameOf(entry.profile) }) : t('profiles.confirmRemove', { name: nameOf(entry.profile) });
    if (!window.confirm(question)) return;
    const result = await remove(entry.profile.id);
    if (!result.ok) setNotice({ kind: 'error', error: result.error });
    else setNotice({ kind: 'status', text: t(entry.builtIn ? 'profiles.wasReset' : 'profiles.removed', { name: nameOf(entry.profile) }) });
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once so choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
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
          <input
            id={importId}
            type="file"
            accept=".json,application/json"
            style={visuallyHidden}
            aria-describedby={`${importId}-hint`}
            onChange={(event) => void onImport(event)}
            onFocus={() => setImportFocused(true)}
            onBlur={() => setImportFocused(false)}
          />
          <label htmlFor={importId} style={importFocused ? { ...importLabelStyle, outline: '3px solid var(--focus)', outlineOffset: 2 } : importLabelStyle}>
            {t('profiles.import')}
          </label>
        </div>
      </div>
      <p className="intro">{t('profiles.intro')}</p>
      <p className="hint" id={`${importId}-hint`}>
        {t('profiles.importHint')}
      </p>
      <p role="status" className="notice">
        {notice?.kind === 'status' && notice.text}
      </p>
      <div role="alert">
        {notice?.kind === 'import-failed' && (
          <div className="panel">
            <p className="form-error">{t('profiles.importFailed', { file: notice.file })}</p>
            <ul>
              {notice.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </div>
        )}
        {notice?.kind === 'error' && <ApiErrorDetails error={notice.error} />}
      </div>
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
      {status === 'error' && loadError && <p role="alert">{t(`errors.${loadError.code}`)}</p>}
      {entries.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('profiles.columns.name')}</th>
              <th scope="col">{t('profiles.columns.id')}</th>
              <th scope="col">{t('profiles.columns.origin')}</th>
              <th scope="col">{t('profiles.columns.actions')}</th>
            </tr>
          </thead>
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
                    <button type="button" aria-label={`${t('profiles.edit')}: ${name}`} onClick={(event) => show({ mode: 'edit', entry }, event.currentTarget)}>
                      {t('profiles.edit')}
                    </button>
                    <button type="button" aria-label={`${t('profiles.duplicate')}: ${name}`} onClick={(event) => show({ mode: 'duplicate', entry }, event.currentTarget)}>
                      {t('profiles.duplicate')}
                    </button>
                    <button
                      type="button"
                      aria-label={`${t('profiles.export')}: ${name}`}
                      onClick={() => downloadText(`profile-${entry.profile.id}.json`, serializeProfilesJson([entry.profile]), mimeType)}
                    >
                      {t('profiles.export')}
                    </button>
                    {(entry.modified || !entry.builtIn) && (
                      <button type="button" aria-label={`${t(entry.builtIn ? 'profiles.reset' : 'profiles.remove')}: ${name}`} onClick={() => void onRemove(entry)}>
                        {t(entry.builtIn ? 'profiles.reset' : 'profiles.remove')}
                      </button>
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
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const idInput = useRef<HTMLInputElement>(null);

  useEffect(() => idInput.current?.focus(), []);

  const idProblem = !isProfileId(newId) ? 'profiles.validation.id' : props.takenIds.includes(newId) ? 'profiles.errors.idTaken' : null;
  const nameProblem = (lang: 'en' | 'ru') => (name[lang].trim() === '' ? 'profiles.validation.required' : null);
  const valid = !idProblem && !nameProblem('en') && !nameProblem('ru');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setSaving(true);
    const result = await props.onDuplicate(source.id, newId, { en: name.en.trim(), ru: name.ru.trim() });
    setSaving(false);
    if (result.ok) props.onDone(result.value);
    else setError(result.error);
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
      {error && (
        <div role="alert">
          <ApiErrorDetails error={error} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!valid || saving}>
          {t('profiles.duplicateSave')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('profiles.cancel')}
        </button>
      </div>
    </form>
  );
}
