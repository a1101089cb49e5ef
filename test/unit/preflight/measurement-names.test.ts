import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';
import { platformIds } from '../../../shared/network/platform-endpoints';

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
