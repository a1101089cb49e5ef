import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const guideDir = join(repo, 'docs/guide');
const roles = ['technician', 'host', 'trainer'] as const;
const translations = { en, ru } as const;
type Language = keyof typeof translations;
const languages = Object.keys(translations) as Language[];
const otherLanguage = (language: Language): Language => (language === 'en' ? 'ru' : 'en');
const screenshots = ['rooms', 'preflight-results', 'run-of-show', 'live-timeline', 'assessment-report'];

const guidePath = (language: Language, name: string) => join(guideDir, language, `${name}.md`);
const read = (path: string) => readFileSync(path, 'utf8');

function strings(tree: object): string[] {
  return Object.values(tree).flatMap((child: unknown) => (typeof child === 'string' ? [child] : strings(child as object)));
}

/** A label as a guide may write it: a trailing colon or ellipsis (the prompt's, the menu's) dropped. */
function asLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:\s*(?::|…|\.\.\.))+$/u, '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const placeholder = /\{\{\s*[\w.]+\s*\}\}/g;
const hasPlaceholder = /\{\{\s*[\w.]+\s*\}\}/;

/**
 * Whether a phrase is a label of the UI in one language: exactly a translation string, or one
 * with its {{placeholders}} filled in ("Open playbook: Power cut"). A string must keep a word of
 * four letters besides its placeholders to be filled in, so "{{value}} ms" matches nothing.
 */
function labelMatcher(tree: object): (phrase: string) => boolean {
  const all = strings(tree);
  const exact = new Set(all.map(asLabel));
  const filled = all
    .filter((text) => hasPlaceholder.test(text) && /\p{L}{4}/u.test(text.replace(placeholder, ' ')))
    .map((text) => new RegExp(`^${asLabel(text).split(placeholder).map(escapeRegExp).join('.+?')}$`, 'u'));
  return (phrase) => {
    const label = asLabel(phrase);
    return exact.has(label) || filled.some((pattern) => pattern.test(label));
  };
}

/** The **bold** phrases of a Markdown text, leaving out code blocks and `code spans`. */
function boldPhrases(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\*\*([^*\n]+?)\*\*/g)].map((match) => match[1] ?? '');
}

/** Where each relative link or image of a Markdown file points, as absolute paths. */
function linkTargets(file: string, options: { images: boolean }): string[] {
  const pattern = options.images ? /!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g : /(?<!!)\[[^\]]*\]\(([^)\s]+)[^)]*\)/g;
  return [...read(file).matchAll(pattern)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => resolve(dirname(file), target.split('#')[0] ?? ''));
}

const matchers = { en: labelMatcher(en), ru: labelMatcher(ru) };

describe('the label check itself', () => {
  it('accepts a label exactly as the UI writes it, with a trailing colon or ellipsis dropped', () => {
    expect(matchers.en('Check devices')).toBe(true);
    expect(matchers.en('Import profiles')).toBe(true);
    expect(matchers.en('Speaker (optional):')).toBe(true);
    expect(matchers.ru('Проверить устройства')).toBe(true);
  });

  it('refuses a label the UI does not have, or has in the other language only', () => {
    expect(matchers.en('Check the devices')).toBe(false);
    expect(matchers.en('check devices')).toBe(false);
    expect(matchers.en('Проверить устройства')).toBe(false);
    expect(matchers.ru('Check devices')).toBe(false);
  });

  it('fills placeholders with text but never matches on a placeholder alone', () => {
    expect(matchers.en('Open playbook: Power cut')).toBe(true);
    expect(matchers.en('Export bundle (2 rooms)')).toBe(true);
    expect(matchers.ru('Экспорт пакета (2 зала)')).toBe(true);
    expect(matchers.en('Open playbook')).toBe(false);
    expect(matchers.en('42 ms')).toBe(false);
  });

  it('finds bold phrases outside code only', () => {
    expect(boldPhrases('Press **Save**, not `**Load**`.\n```\n**Skip**\n```\n**Cancel**')).toEqual(['Save', 'Cancel']);
  });
});

describe('user guides', () => {
  describe.each(languages)('in %s', (language) => {
    const isLabel = matchers[language];
    const other = otherLanguage(language);

    it.each(roles)('has the %s guide', (role) => {
      const file = guidePath(language, role);
      expect(existsSync(file), file).toBe(true);
      expect(read(file)).toMatch(/^# \S/m);
    });

    it.each(roles)('names the UI in the %s guide exactly as the UI does, in bold', (role) => {
      const bold = boldPhrases(read(guidePath(language, role)));
      expect(bold.length, 'a guide names the buttons and fields it tells people to use').toBeGreaterThanOrEqual(10);
      expect(bold.filter((phrase) => !isLabel(phrase))).toEqual([]);
    });

    it.each(roles)('links the %s guide to its other-language version and to the index', (role) => {
      const targets = linkTargets(guidePath(language, role), { images: false });
      expect(targets).toContain(guidePath(other, role));
      expect(targets).toContain(guidePath(language, 'README'));
    });

    it.each(roles)('links the %s guide only to files that exist and to screenshots of its own language', (role) => {
      const file = guidePath(language, role);
      for (const target of linkTargets(file, { images: false })) expect(existsSync(target), target).toBe(true);
      const images = linkTargets(file, { images: true });
      expect(images.length).toBeLessThanOrEqual(2);
      const allowed = screenshots.map((name) => join(repo, 'docs/screenshots', language, `${name}.png`));
      for (const image of images) expect(allowed).toContain(image);
    });

    it('lists the three guides in its index, with the index in the other language', () => {
      const index = guidePath(language, 'README');
      expect(existsSync(index), index).toBe(true);
      const targets = linkTargets(index, { images: false });
      for (const role of roles) expect(targets).toContain(guidePath(language, role));
      expect(targets).toContain(guidePath(other, 'README'));
      expect(boldPhrases(read(index)).filter((phrase) => !isLabel(phrase))).toEqual([]);
    });

    it('documents every key of the runner in the host guide, as the runner’s own help lists them', () => {
      const guide = read(guidePath(language, 'host'));
      const helpLines = strings(translations[language].runner.keys);
      const keys = helpLines.flatMap((line) => (line.split(' — ')[0] ?? '').split(/\s+(?:or|или)\s+|\s*\/\s*/));
      expect(keys.length).toBeGreaterThanOrEqual(15);
      expect(keys.filter((key) => !guide.includes(`\`${key.trim()}\``))).toEqual([]);
    });
  });
});
