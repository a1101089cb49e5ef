import { expect } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';
import type { Message } from '../../../shared/preflight/check';

/** The text under a dotted key of a translation tree, or undefined. */
export function lookupTranslation(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** Every key of the messages has text in English and in Russian. */
export function expectInBothLanguages(keys: readonly string[]): void {
  for (const key of keys) {
    expect(lookupTranslation(en, key), `en ${key}`).toEqual(expect.stringMatching(/\S/));
    expect(lookupTranslation(ru, key), `ru ${key}`).toEqual(expect.stringMatching(/\S/));
  }
}

/** Every placeholder a message's text uses, in either language, has a value in the message. */
export function expectPlaceholdersFilled(messages: readonly Message[]): void {
  for (const message of messages) {
    for (const [language, tree] of [['en', en], ['ru', ru]] as const) {
      const text = lookupTranslation(tree, message.key) as string;
      const placeholders = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');
      const missing = placeholders.filter((name) => message.values?.[name] === undefined);
      expect(missing, `${language} ${message.key}`).toEqual([]);
    }
  }
}
