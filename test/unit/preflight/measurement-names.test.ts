import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';
import { createTranslator } from '../../../shared/i18n/translator';
import { platformIds } from '../../../shared/network/platform-endpoints';
import { measurementCodeKey, measurementCodes } from '../../../shared/preflight/measurement-text';

/** The keys of every object literal written as a check's `metrics: { … }` in the verdict code. */
function metricKeysIn(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'metrics' && ts.isObjectLiteralExpression(node.initializer)) {
        for (const property of node.initializer.properties) {
          if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && property.name) keys.add(property.name.getText(source));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

describe('the names of the measurements a check shows', () => {
  const keys = metricKeysIn('shared/preflight');
  // Reachability spreads one figure per platform into its metrics.
  for (const platform of platformIds) keys.add(platform);

  it('cover every figure the checks record, in both languages', () => {
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) {
      expect(en.measurements.names, key).toHaveProperty(key);
      expect(ru.measurements.names, key).toHaveProperty(key);
    }
  });

  it('name nothing the checks do not record', () => {
    expect(Object.keys(en.measurements.names).filter((name) => !keys.has(name))).toEqual([]);
  });
});

describe('the words for measurements recorded as codes', () => {
  const english = createTranslator('en');
  const russian = createTranslator('ru');

  it('name every code of every enumerated measurement in both languages', () => {
    for (const [name, codes] of Object.entries(measurementCodes)) {
      expect(en.measurements.names, name).toHaveProperty(name);
      for (const code of codes) {
        const key = measurementCodeKey(name, code)!;
        expect(key, `${name}: ${code}`).not.toBeNull();
        expect(english(key), key).not.toBe(key);
        expect(russian(key), key).not.toBe(english(key));
      }
    }
    expect(russian(measurementCodeKey('qualityLimitationReason', 'bandwidth')!)).toBe('пропускной способностью');
    expect(english(measurementCodeKey('mosBand', 'fair')!)).toBe('Fair');
    expect(russian(measurementCodeKey('candidateTypes', 'relay-tcp')!)).toBe('TURN-ретранслятор по TCP');
  });

  it('leave text that is no known code as it is, and codes of other measurements alone', () => {
    expect(measurementCodeKey('qualityLimitationReason', 'warp-drive')).toBeNull();
    expect(measurementCodeKey('mosBand', 'bandwidth')).toBeNull();
    expect(measurementCodeKey('deviceLabel', 'cpu')).toBeNull();
  });

  it('words only codes that exist: no label without a code', () => {
    for (const [name, labels] of Object.entries(en.measurements.codes)) {
      expect(Object.keys(labels).sort(), name).toEqual([...measurementCodes[name as keyof typeof measurementCodes]].sort());
    }
  });
});
