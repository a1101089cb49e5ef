import i18next from 'i18next';
import type { Message } from '../../shared/preflight/check';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import type { Language } from '../../shared/settings/settings';

/** Words results for the terminal in the chosen language, from the app's own translations. */
export async function messageFormatter(language: Language): Promise<(message: Message) => string> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return (message) => i18n.t(message.key, message.values ?? {});
}
