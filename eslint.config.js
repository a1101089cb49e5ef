import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noSyncIpc = { selector: "CallExpression[callee.property.name='sendSync']", message: 'No synchronous IPC.' };

// Dates, times and numbers a person reads are written one way, by the translator's helpers;
// a machine format (SVG coordinates, CSV) says so in an eslint-disable-next-line with its reason.
const localeFormatting = [
  {
    selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
    message: 'Format for people with formatDate/formatDateTime/formatTime/formatNumber (shared/i18n/translator.ts; useFormat() in the renderer).',
  },
  {
    selector: ":matches(NewExpression, CallExpression)[callee.object.name='Intl'][callee.property.name=/^(NumberFormat|DateTimeFormat|RelativeTimeFormat)$/]",
    message: 'Intl formats live in shared/i18n/translator.ts: use its helpers (useFormat() in the renderer).',
  },
  { selector: "CallExpression[callee.property.name='toFixed']", message: 'Use formatNumber (useFormat().number in the renderer): toFixed writes a dot in every language.' },
];

// A click handler on an element the keyboard cannot reach is a mouse-only action.
const keyboardReachable = {
  selector:
    "JSXOpeningElement[name.name=/^[a-z]/]:not([name.name=/^(button|a|input|select|textarea|summary|label|option)$/]):has(> JSXAttribute[name.name='onClick']):not(:has(> JSXAttribute[name.name=/^(role|tabIndex)$/]))",
  message: 'onClick on an element the keyboard cannot reach: use a <button>, or give it a role, tabIndex and a key handler.',
};

// Folders are process boundaries (STYLE.md rule 1): these lists keep each side to what it may use.
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'better-sqlite3', 'ws', 'electron', 'electron-updater', 'playwright-core'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noSyncIpc],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'shared/ is pure TypeScript: no Node, Electron or database imports.' },
            { group: ['react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'shared/ must not depend on a process.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The renderer reaches the main process only through the API contract.' },
            { group: ['**/electron/**'], message: 'The renderer never imports electron/.' },
          ],
        },
      ],
    },
  },
  {
    // Later blocks replace a rule's options, so each list repeats the one before it.
    files: ['renderer/src/**/*.{ts,tsx}', 'shared/**/*-html.ts'],
    rules: { 'no-restricted-syntax': ['error', noSyncIpc, ...localeFormatting] },
  },
  {
    files: ['renderer/src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', noSyncIpc, ...localeFormatting, keyboardReachable] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'electron/ must not import the renderer.' }] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'better-sqlite3', '**/services/**', '**/main/**'], message: 'The sandboxed preload may only use electron and shared/.' }] },
      ],
    },
  },
  { files: ['test/**/*.{ts,mjs}', 'electron/build/*.mjs', 'electron/cli/*.js', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
);
