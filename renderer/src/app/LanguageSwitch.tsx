import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/settings/settings';
import { useSettings } from '../features/settings/store';
import { i18n } from '../i18n/i18n';

/** Switches the UI language at once and stores the choice. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.settings.language);
  const change = async (next: Language) => {
    await i18n.changeLanguage(next);
    await useSettings.getState().save({ language: next });
  };
  return (
    <label className="language-switch">
      <span>{t('settings.language')}</span>
      <select value={language} onChange={(event) => void change(event.target.value as Language)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
