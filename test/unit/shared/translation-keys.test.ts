import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function lookup(path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), en);
}

describe('translation keys used in the code', () => {
  it('every literal key exists as a string in the translations', () => {
    const sections = new Set(Object.keys(en));
    const missing: string[] = [];
    for (const file of [...sourceFiles('renderer/src'), ...sourceFiles('shared'), ...sourceFiles('electron/cli')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/g)) {
        const key = match[1]!;
        if (!sections.has(key.split('.')[0]!) || key.includes('${')) continue;
        if (typeof lookup(key) !== 'string') missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
