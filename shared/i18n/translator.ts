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

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per language, options and zone: a timeline table formats hundreds of times a render. */
function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = `${language}:${timeZone ?? ''}:${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone });
    dateTimeFormats.set(cacheKey, format);
  }
  return format;
}

/** A date as people of `language` write it (e.g. `5 March 2025` / `5 марта 2025 г.`). */
export function formatDate(language: Language, ms: number, timeZone?: string): string {
  return dateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric' }, timeZone).format(ms);
}

/**
 * A date with the time of day as people of `language` write it: to the minute, or to the
 * second where moments a few seconds apart must read apart (an event report's incidents).
 */
export function formatDateTime(language: Language, ms: number, timeZone?: string, precision: 'minute' | 'second' = 'minute'): string {
  const seconds: Intl.DateTimeFormatOptions = precision === 'second' ? { second: '2-digit' } : {};
  return dateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...seconds }, timeZone).format(ms);
}

/** A time of day to the second as people of `language` write it (`2:05:09 PM` / `14:05:09`). */
export function formatTime(language: Language, ms: number, timeZone?: string): string {
  return dateTimeFormat(language, { hour: 'numeric', minute: '2-digit', second: '2-digit' }, timeZone).format(ms);
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
