import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/settings/settings';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';

/** The translation layer every visible string goes through. */
export const i18n: I18n = i18next.createInstance();

/** Starts the translation layer in the stored language. */
export async function initI18n(language: Language): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}
