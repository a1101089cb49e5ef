import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keys(child as object, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** The plural forms each language needs (CLDR categories, as Intl.PluralRules gives them). */
const pluralForms: Record<'en' | 'ru', string[]> = {
  en: [...new Set(new Intl.PluralRules('en').resolvedOptions().pluralCategories)].sort(),
  ru: [...new Set(new Intl.PluralRules('ru').resolvedOptions().pluralCategories)].sort(),
};
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Keys with their plural forms folded together: `summary_one`, `summary_other` become `summary` → [one, other]. */
function grouped(tree: object): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys(tree)) {
    const form = pluralSuffix.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    groups.set(base, [...(groups.get(base) ?? []), ...(form ? [form] : [])].sort());
  }
  return groups;
}

const lookup = (tree: object, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;

describe('translations', () => {
  it('use the plural forms each language has', () => {
    expect(pluralForms.en).toEqual(['one', 'other']);
    expect(pluralForms.ru).toEqual(['few', 'many', 'one', 'other']);
  });

  it('have the same keys in English and Russian, with every plural form each language needs', () => {
    const english = grouped(en);
    const russian = grouped(ru);
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [base, forms] of english) {
      if (forms.length === 0) {
        expect(russian.get(base), base).toEqual([]);
        continue;
      }
      expect(forms, `${base} (en)`).toEqual(pluralForms.en);
      expect(russian.get(base), `${base} (ru)`).toEqual(pluralForms.ru);
    }
  });

  it('keep the same placeholders and are never left empty or untranslated', () => {
    for (const [base, forms] of grouped(en)) {
      const englishKey = forms.length ? `${base}_other` : base;
      const english = lookup(en, englishKey);
      const russianKeys = forms.length ? pluralForms.ru.map((form) => `${base}_${form}`) : [base];
      if (forms.length) expect(placeholders(english), `${englishKey} needs {{count}}`).toContain('count');
      for (const key of russianKeys) {
        const russian = lookup(ru, key);
        expect(russian.trim(), key).not.toBe('');
        expect(placeholders(russian), key).toEqual(placeholders(english));
        if (/[a-z]{4}/i.test(english) && !key.startsWith('languages.') && key !== 'app.name') expect(russian, key).not.toBe(english);
      }
    }
  });

  it('pick the right plural form through i18next', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ru: { translation: ru } }, lng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('rooms.capacityValue', { count: 1 })).toBe('1 seat');
    expect(i18n.t('templates.summary', { kind: 'Checklist', count: 3 })).toBe('Checklist, 3 steps');
    const russian = i18n.getFixedT('ru');
    expect([1, 3, 5, 21, 112].map((count) => russian('rooms.capacityValue', { count }))).toEqual(['1 место', '3 места', '5 мест', '21 место', '112 мест']);
    expect([1, 2, 11].map((count) => russian('templates.summary', { kind: 'Чек-лист', count }))).toEqual(['Чек-лист, 1 шаг', 'Чек-лист, 2 шага', 'Чек-лист, 11 шагов']);
  });
});
