import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/api/result';
import { equipmentIds, equipmentNeeds, type EquipmentId, type EquipmentNeed } from '../../../../shared/profiles/equipment';
import type { Profile, ProfileEntry } from '../../../../shared/profiles/profile';
import { FormActions } from '../../ui/FormActions';
import { useSaveRequest } from '../../ui/use-save-request';
import { bandFields, checkDraft, draftFrom, ladderHeights, type DraftMessage, type ProfileDraft } from '../../../../shared/profiles/profile-draft';

/** Edits one profile's names, video, limits and equipment, validated as it is typed. */
export function ProfileEditor(props: { entry: ProfileEntry; onSave: (profile: Profile) => Promise<Result<ProfileEntry>>; onSaved: (entry: ProfileEntry) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const base = props.entry.profile;
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(base));
  const { error: saveError, setError: setSaveError, saving, save } = useSaveRequest(props.onSaved);
  const firstField = useRef<HTMLInputElement>(null);
  const checked = useMemo(() => checkDraft(base, draft), [base, draft]);

  useEffect(() => firstField.current?.focus(), []);

  const setField = (path: string, value: string) => {
    setSaveError(null);
    setDraft((current) => ({ ...current, fields: { ...current.fields, [path]: value } }));
  };
  const setNeed = (item: EquipmentId, need: EquipmentNeed | '') => {
    setSaveError(null);
    setDraft((current) => ({ ...current, equipment: { ...current.equipment, [item]: need } }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.profile) return;
    await save(props.onSave(checked.profile));
  };

  const fieldId = (path: string) => `${ids}-${path.replaceAll('.', '-')}`;
  const message = (error: DraftMessage | undefined) => (error ? t(`profiles.validation.${error.key}`, error.values ?? {}) : '');
  const errorOf = (path: string) => checked.errors[path];

  /** One text input with its error line; `labelledBy` names it when no <label> sits beside it. */
  const input = (path: string, options: { labelledBy?: string; type?: 'number' | 'text'; step?: string } = {}) => {
    const id = fieldId(path);
    const error = errorOf(path);
    return (
      <>
        <input
          id={id}
          ref={path === 'name.en' ? firstField : undefined}
          type={options.type ?? 'number'}
          step={options.step}
          value={draft.fields[path] ?? ''}
          aria-labelledby={options.labelledBy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setField(path, event.target.value)}
        />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {message(error)}
          </p>
        )}
      </>
    );
  };

  const titleId = `${ids}-title`;
  return (
    <form className="panel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={titleId}>{t('profiles.editTitle', { name: base.name[language] })}</h3>
      <p className="hint">{t('profiles.editHint', { id: base.id })}</p>

      <fieldset>
        <legend>{t('profiles.sections.names')}</legend>
        <div className="field-grid">
          {(['en', 'ru'] as const).map((lang) => (
            <div className="field" key={lang}>
              <label htmlFor={fieldId(`name.${lang}`)}>{t(`profiles.fields.name.${lang}`)}</label>
              {input(`name.${lang}`, { type: 'text' })}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('profiles.sections.video')}</legend>
        <div className="field-grid">
          {(['sendHeight', 'receiveHeight'] as const).map((field) => (
            <div className="field" key={field}>
              <label htmlFor={fieldId(`network.${field}`)}>{t(`profiles.fields.${field}`)}</label>
              <select id={fieldId(`network.${field}`)} value={draft.fields[`network.${field}`]} onChange={(event) => setField(`network.${field}`, event.target.value)}>
                {ladderHeights.map((height) => (
                  <option key={height} value={String(height)}>
                    {t('profiles.height', { height })}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className="field">
            <label htmlFor={fieldId('network.receiveStreams')}>{t('profiles.fields.receiveStreams')}</label>
            {input('network.receiveStreams', { step: '1' })}
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('profiles.sections.limits')}</legend>
        <p className="hint">{t('profiles.limitsHint')}</p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('profiles.columns.limit')}</th>
              <th scope="col" id={`${ids}-warn`}>
                {t('profiles.warn')}
              </th>
              <th scope="col" id={`${ids}-fail`}>
                {t('profiles.fail')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bandFields.map((band) => {
              const prefix = band.path.join('.');
              const rowId = `${ids}-${band.key}`;
              return (
                <tr key={band.key}>
                  <th scope="row" id={rowId}>
                    {t(`profiles.fields.${band.key}`)}
                  </th>
                  <td>{input(`${prefix}.warn`, { labelledBy: `${rowId} ${ids}-warn`, step: 'any' })}</td>
                  <td>{input(`${prefix}.fail`, { labelledBy: `${rowId} ${ids}-fail`, step: 'any' })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset>
        <legend>{t('profiles.sections.equipment')}</legend>
        <div className="field-grid">
          {equipmentIds.map((item) => (
            <div className="field" key={item}>
              <label htmlFor={fieldId(`equipment.${item}`)}>{t(`profiles.equipment.${item}`)}</label>
              <select id={fieldId(`equipment.${item}`)} value={draft.equipment[item]} onChange={(event) => setNeed(item, event.target.value as EquipmentNeed | '')}>
                <option value="">{t('profiles.needs.none')}</option>
                {equipmentNeeds.map((need) => (
                  <option key={need} value={need}>
                    {t(`profiles.needs.${need}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>

      <p aria-live="polite" className={checked.profile ? 'hint' : 'form-error'}>
        {checked.profile ? t('profiles.valid') : t('profiles.invalid', { count: Object.keys(checked.errors).length })}
      </p>
      <FormActions error={saveError} submitLabel={t('profiles.save')} submitDisabled={!checked.profile || saving} cancelLabel={t('profiles.cancel')} onCancel={props.onClose} />
    </form>
  );
}
