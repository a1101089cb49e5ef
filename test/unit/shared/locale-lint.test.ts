import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The messages the project's own no-restricted-syntax rules give `code` as if it were the file at `filePath`. */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => `${message.line}: ${message.message.split(/[:(]/)[0]!.trim()}`);
}

// The first lint loads the whole config and its plugins: seconds on a busy machine.
describe('the lint rules for locale formatting and keyboard reach', { timeout: 60_000 }, () => {
  it('refuse hand-made dates and numbers on screen, and clicks the keyboard cannot reach', async () => {
    const component = [
      'export const A = ({ n }: { n: number }) => (',
      '  <div onClick={() => n}>',
      '    <p>{n.toFixed(1)}</p>',
      '    <p>{new Date(n).toLocaleString()} {new Date(n).toLocaleDateString("ru")} {new Date(n).toLocaleTimeString()}</p>',
      '    <p>{new Intl.NumberFormat("ru").format(n)} {Intl.DateTimeFormat("en").format(n)}</p>',
      '  </div>',
      ');',
    ].join('\n');
    expect(await restricted('renderer/src/features/sample/Sample.tsx', component)).toEqual([
      '2: onClick on an element the keyboard cannot reach',
      '3: Use formatNumber',
      '4: Format for people with formatDate/formatDateTime/formatTime/formatNumber',
      '4: Format for people with formatDate/formatDateTime/formatTime/formatNumber',
      '4: Format for people with formatDate/formatDateTime/formatTime/formatNumber',
      '5: Intl formats live in shared/i18n/translator.ts',
      '5: Intl formats live in shared/i18n/translator.ts',
    ]);
  });

  it('let through what is not display formatting and clicks that have a keyboard path', async () => {
    const component = [
      'export const B = ({ words, n }: { words: string; n: number }) => (',
      '  <ul role="listbox">',
      '    <li role="option" aria-selected onClick={() => n}>{words.toLocaleLowerCase()}</li>',
      '    <li><button type="button" onClick={() => n}>{new Intl.Collator("ru").compare(words, "а")}</button></li>',
      '    <li><table><tbody><tr tabIndex={0} onClick={() => n} onKeyDown={() => n}><td>{n}</td></tr></tbody></table></li>',
      '  </ul>',
      ');',
    ].join('\n');
    expect(await restricted('renderer/src/features/sample/Sample.tsx', component)).toEqual([]);
  });

  it('apply to the shared report renderers, not to the machine formats elsewhere in shared/', async () => {
    const code = 'export const width = (share: number) => `${(share * 100).toFixed(3)}`;\n';
    expect(await restricted('shared/live/sample-html.ts', code)).toEqual(['1: Use formatNumber']);
    expect(await restricted('shared/runofshow/sample-csv.ts', code)).toEqual([]);
  });
});
