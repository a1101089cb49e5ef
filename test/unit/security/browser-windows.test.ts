import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Electronegativity reads only the object literal passed to `new BrowserWindow`, so it cannot
// see into webPreferencesFor() and its findings on those windows are accepted. This test is
// what makes that acceptance hold: every window, view and web contents view in electron/ gets
// its webPreferences from webPreferencesFor(), or from a literal that keeps the protections on.

const projectRoot = join(import.meta.dirname, '..', '..', '..');
const windowClasses = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);

/** A window created without the protections, with where and why. */
interface WindowProblem {
  line: number;
  problem: string;
}

interface WindowCreation {
  line: number;
  className: string;
  problems: string[];
}

function windowCreations(source: string, fileName: string): WindowCreation[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: WindowCreation[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && windowClasses.has(node.expression.text)) {
      found.push({
        line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        className: node.expression.text,
        problems: problemsOf(node.arguments?.[0]),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function problemsOf(options: ts.Expression | undefined): string[] {
  if (!options || !ts.isObjectLiteralExpression(options)) return ['options are not an object literal, so their webPreferences cannot be checked'];
  const preferences = propertyValue(options, 'webPreferences');
  if (preferences === undefined) return ['no webPreferences: Electron defaults apply'];
  if (ts.isCallExpression(preferences) && ts.isIdentifier(preferences.expression) && preferences.expression.text === 'webPreferencesFor') return [];
  if (!ts.isObjectLiteralExpression(preferences)) return ['webPreferences is neither webPreferencesFor(...) nor an object literal'];
  const problems: string[] = [];
  if (preferences.properties.some(ts.isSpreadAssignment)) problems.push('webPreferences spreads another object, which may override any setting');
  for (const name of ['sandbox', 'contextIsolation', 'webSecurity'] as const) {
    const value = propertyValue(preferences, name);
    if (name !== 'webSecurity' && value?.kind !== ts.SyntaxKind.TrueKeyword) problems.push(`${name} is not literally true`);
    if (name === 'webSecurity' && value !== undefined && value.kind !== ts.SyntaxKind.TrueKeyword) problems.push('webSecurity is not true');
  }
  for (const name of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'allowRunningInsecureContent', 'experimentalFeatures'] as const) {
    const value = propertyValue(preferences, name);
    if (value !== undefined && value.kind !== ts.SyntaxKind.FalseKeyword) problems.push(`${name} is not false`);
  }
  return problems;
}

function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name) {
      return property.initializer;
    }
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}

function problemsIn(source: string): WindowProblem[] {
  return windowCreations(source, 'snippet.ts').flatMap((creation) => creation.problems.map((problem) => ({ line: creation.line, problem })));
}

function electronSources(): string[] {
  return readdirSync(join(projectRoot, 'electron'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)));
}

describe('every Electron window keeps the protections on', () => {
  it('takes webPreferences from webPreferencesFor() or a literal with sandbox and isolation on, in all of electron/', { timeout: 20_000 }, () => {
    const creations = electronSources().flatMap((file) =>
      windowCreations(readFileSync(join(projectRoot, file), 'utf8'), file).map((creation) => ({ file, ...creation })),
    );
    // The main window must be among them, or this test would pass by finding nothing.
    expect(creations.map((creation) => creation.file)).toContain(join('electron', 'main', 'index.ts'));
    expect(creations.filter((creation) => creation.problems.length > 0)).toEqual([]);
  });
});

describe('the window check itself', () => {
  it('passes webPreferencesFor() and a literal that keeps every protection on', () => {
    expect(problemsIn('new BrowserWindow({ show: false, webPreferences: webPreferencesFor(preload) });')).toEqual([]);
    expect(problemsIn('new BrowserWindow({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });')).toEqual([]);
  });

  it('flags missing, spread, computed or weakened preferences, in windows and views alike', () => {
    expect(problemsIn('new BrowserWindow({ width: 800 });')).toEqual([{ line: 1, problem: 'no webPreferences: Electron defaults apply' }]);
    expect(problemsIn('new BrowserWindow(options);')).toEqual([{ line: 1, problem: 'options are not an object literal, so their webPreferences cannot be checked' }]);
    expect(problemsIn('new WebContentsView({ webPreferences: makePreferences() });')).toEqual([
      { line: 1, problem: 'webPreferences is neither webPreferencesFor(...) nor an object literal' },
    ]);
    expect(problemsIn('new BrowserWindow({ webPreferences: { ...webPreferencesFor(p), sandbox: true, contextIsolation: true } });')).toEqual([
      { line: 1, problem: 'webPreferences spreads another object, which may override any setting' },
    ]);
    // nodeIntegration: true is what Electronegativity itself rates only INFORMATIONAL.
    expect(problemsIn('new BrowserView({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: true, webSecurity: false } });')).toEqual([
      { line: 1, problem: 'webSecurity is not true' },
      { line: 1, problem: 'nodeIntegration is not false' },
    ]);
    expect(problemsIn('new BrowserWindow({ webPreferences: { contextIsolation: isolate } });').map((item) => item.problem)).toEqual([
      'sandbox is not literally true',
      'contextIsolation is not literally true',
    ]);
  });
});
