import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Folders are process boundaries (STYLE.md rule 1): these lists keep each side to what it may use.
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'better-sqlite3', 'ws', 'electron', 'electron-updater', 'playwright-core'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='sendSync']", message: 'No synchronous IPC.' }],
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
