import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Visible text that is not language and so is allowed to be written straight into a component (the scheme hint of the update feed field). */
const notLanguage = new Set(['RoomReady', '×', '→', '↳', '…', 'p', 'dBFS', 'https://']);

/** Props a person reads or hears. */
const visibleProps = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription']);

const hasLetters = (text: string) => /\p{L}/u.test(text);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** Texts with letters that a component puts on screen without going through t(). */
export function untranslatedTexts(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    if (!hasLetters(trimmed) || notLanguage.has(trimmed)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push(`${file}:${line + 1}: ${trimmed}`);
  };
  /** Strings a JSX expression shows as they are: literals, both branches of `?:`, the right of `&&`/`||`/`??`, template text. */
  const shown = (expression: ts.Expression | undefined): void => {
    if (!expression) return;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) report(expression, expression.text);
    else if (ts.isTemplateExpression(expression)) {
      report(expression, [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(' '));
      expression.templateSpans.forEach((span) => shown(span.expression));
    } else if (ts.isParenthesizedExpression(expression)) shown(expression.expression);
    else if (ts.isConditionalExpression(expression)) {
      shown(expression.whenTrue);
      shown(expression.whenFalse);
    } else if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expression.operatorToken.kind)) {
      shown(expression.right);
      if (expression.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) shown(expression.left);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) shown(node.expression);
    else if (ts.isJsxAttribute(node) && visibleProps.has(node.name.getText(sourceFile)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer)) shown(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('visible text in components', () => {
  it('goes through t()', () => {
    const found = tsxFiles('renderer/src').flatMap((file) => untranslatedTexts(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds literal text, literal expressions and literal props, and lets translations and symbols through', () => {
    const sample = `
      const A = () => (
        <div title="Close" aria-label={t('x.y')}>
          <button>Save</button>
          <span>{'Cancel'}</span>
          <span>{busy ? 'Wait' : t('a.b')}</span>
          <input placeholder={\`Search \${what}\`} />
          <span>×</span> {t('a.c')} → {' '}
          <span className="badge">{t('a.d')}</span>
        </div>
      );`;
    expect(untranslatedTexts('a.tsx', sample).map((line) => line.replace(/^a\.tsx:\d+: /, ''))).toEqual(['Close', 'Save', 'Cancel', 'Wait', 'Search']);
  });
});
