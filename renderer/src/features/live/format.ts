import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../../shared/i18n/translator';
import type { Language } from '../../../../shared/settings/settings';

/** Number and time formatting in the language on screen. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  return {
    language,
    number: (value: number, digits = 0) => formatNumber(language, value, digits),
    dateTime: (ms: number) => formatDateTime(language, ms),
    time: (ms: number) => new Date(ms).toLocaleTimeString(language),
  };
}
