import i18next from 'i18next';
import type { Language } from '../settings/settings';
import { en } from './en';
import { ru } from './ru';

/** Turns a translation key and its values into text in one language; the language rides along. */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & { language: Language };

/**
 * A translator over the app's own strings, ready at once: the resources are inline, so nothing
 * has to load and the CLI, the host and reports can translate synchronously.
 */
export function createTranslator(language: Language): Translate {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // Callers escape for their medium (HTML, CSV); escaping here would escape twice.
    interpolation: { escapeValue: false },
  });
  const translate = (key: string, values?: Record<string, string | number>) => i18n.t(key, values ?? {});
  return Object.assign(translate, { language });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as people of `language` write it (ru: `1,5`), at most `digits` decimals; thousands grouped from 10 000 on. */
export function formatNumber(language: Language, value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const cacheKey = `${language}:${digits}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    // Grouping four digits would write video heights as "1,080p".
    format = new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0, useGrouping: 'min2' });
    numberFormats.set(cacheKey, format);
  }
  // Intl writes −0 for a tiny negative rounded away; a report should not.
  return format.format(Math.round(value * 10 ** digits) === 0 ? 0 : value);
}

/** A date as people of `language` write it (e.g. `5 March 2025` / `5 марта 2025 г.`). */
export function formatDate(language: Language, ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(ms);
}

/** A date with the time of day, to the minute, as people of `language` write it. */
export function formatDateTime(language: Language, ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}

/**
 * Values of a message made readable in `language`: numbers get the local decimal sign, except
 * `count`, which i18next needs as a number to choose the plural form.
 */
export function localizeValues(language: Language, values: Record<string, string | number> | undefined): Record<string, string | number> {
  if (!values) return {};
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === 'number' && name !== 'count' ? formatNumber(language, value, 3) : value]),
  );
}
