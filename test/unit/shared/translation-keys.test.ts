import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';

/** Where code can name a translation key: the screens, the shared model, the CLI and the host's services. */
const roots = ['renderer/src', 'shared', 'electron'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' && dir === 'shared' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function lookup(path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), en);
}

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keys(child as object, `${prefix}${key}.`),
  );
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const sections = new Set(Object.keys(en));
const isKeyLike = (text: string) => /^[a-zA-Z]+(?:\.[\w-]+)+$/.test(text) && sections.has(text.split('.')[0]!);

/** Keys written out in full, and the static heads of keys built in template literals (`errors.${code}` gives `errors.`). */
export function collectKeyUsage(sources: { file: string; text: string }[]) {
  const literals = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const match of text.matchAll(/['"]([a-zA-Z]+(?:\.[\w-]+)+)['"]/g)) if (isKeyLike(match[1]!)) literals.set(match[1]!, file);
    for (const match of text.matchAll(/`((?:[^`\\$]|\\.|\$(?!\{))*)(\$\{)?/g)) {
      const head = match[1]!;
      if (!match[2]) {
        if (isKeyLike(head)) literals.set(head, file);
        continue;
      }
      // Only a head that is a whole key path up to a dot counts: `rooms.form.${name}`, not `badge-${status}`.
      if (/^[a-zA-Z]+(?:\.[\w-]+)*\.$/.test(head) && sections.has(head.split('.')[0]!)) prefixes.set(head, file);
    }
  }
  return { literals, prefixes };
}

function isUsed(key: string, usage: ReturnType<typeof collectKeyUsage>): boolean {
  const base = key.replace(pluralSuffix, '');
  return usage.literals.has(base) || [...usage.prefixes.keys()].some((prefix) => base.startsWith(prefix));
}

const usage = collectKeyUsage(roots.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(file, 'utf8') })));

describe('translation keys used in the code', () => {
  it('every literal key exists as a string in the translations', () => {
    const missing = [...usage.literals]
      .filter(([key]) => typeof lookup(key) !== 'string' && !keys(en).some((known) => known.replace(pluralSuffix, '') === key))
      .map(([key, file]) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('every key in the translations is reachable from the code', () => {
    const unused = keys(en).filter((key) => !isUsed(key, usage));
    expect(unused).toEqual([]);
  });

  it('counts a key as used only through a literal or a prefix ending at a dot', () => {
    const sample = collectKeyUsage([
      { file: 'a.tsx', text: "t('rooms.title'); t(`errors.${code}`); t(`preflight.steps.${step}`, {}); `badge-${status}`; `rooms.cap${x}`" },
    ]);
    expect([...sample.literals.keys()]).toEqual(['rooms.title']);
    expect([...sample.prefixes.keys()].sort()).toEqual(['errors.', 'preflight.steps.']);
    expect(isUsed('errors.not_found', sample)).toBe(true);
    expect(isUsed('preflight.steps.camera', sample)).toBe(true);
    expect(isUsed('rooms.capacityValue', sample)).toBe(false);
    expect(isUsed('rooms.intro', sample)).toBe(false);
  });
});
