import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, formatTime, localizeValues } from '../../../shared/i18n/translator';
import type { Message } from '../../../shared/preflight/check';
import type { Language } from '../../../shared/settings/settings';

/**
 * Numbers, dates and times in the language on screen, through the shared translator's
 * helpers, so the app, its reports and the CLI write them one way.
 */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'en';
  return useMemo(
    () => ({
      language,
      number: (value: number, digits = 0) => formatNumber(language, value, digits),
      date: (ms: number) => formatDate(language, ms),
      dateTime: (ms: number) => formatDateTime(language, ms),
      time: (ms: number) => formatTime(language, ms),
      /** A translated message whose numbers (not its plural `count`) get the local decimal sign. */
      message: (message: Message) => t(message.key, localizeValues(language, message.values)),
    }),
    [language, t],
  );
}
