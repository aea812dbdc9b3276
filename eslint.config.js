import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is a plain library: it runs in tests, the bench and the browser preview,
    // so it must never depend on Electron or React.
    files: ['src/core/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'src/core and src/shared must not import electron.' },
          { name: 'react', message: 'src/core and src/shared must not import react.' },
          { name: 'react-dom', message: 'src/core and src/shared must not import react.' },
        ],
        patterns: [
          { group: ['electron/*', 'react/*', 'react-dom/*', '@mantine/*'], message: 'src/core and src/shared must not import UI or Electron code.' },
          { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The core stands alone.' },
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../core/**', '../../core/**', '../../../core/**', 'node:*', 'electron'], message: 'The renderer talks to the core only through the contract.' },
        ],
      }],
    },
  },
);
