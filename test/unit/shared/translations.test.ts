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

describe('translations', () => {
  it('have the same keys in English and Russian', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('keep the same placeholders and are never left empty or untranslated', () => {
    const lookup = (tree: object, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
    for (const key of keys(en)) {
      const english = lookup(en, key);
      const russian = lookup(ru, key);
      expect(russian.trim(), key).not.toBe('');
      expect(placeholders(russian), key).toEqual(placeholders(english));
      if (/[a-z]{4}/i.test(english) && !key.startsWith('languages.') && key !== 'app.name') expect(russian, key).not.toBe(english);
    }
  });
});
