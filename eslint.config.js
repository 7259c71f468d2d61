// Lint rules that catch what the type checker does not: unsafe `any` at API edges,
// dead code, and promises that are neither awaited nor handled.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'packages/*/dist/', 'node_modules/', 'coverage/', '.data/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['sdk/**/*.ts', 'src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', { name: 'eval', message: 'StoreVoice must run under a strict CSP.' }],
      'no-new-func': 'error',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*', 'demo/**/*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // One way to call the network (issue #17.1): the dashboard goes through api/http.ts, which is
    // the SDK's ky layer.
    files: ['demo/pages/dashboard/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the API through demo/pages/dashboard/api/http.ts (the SDK\'s HTTP layer).' }] },
  },
  { files: ['**/*.mjs', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  { files: ['demo/pages/**/*.js'], languageOptions: { globals: globals.browser } },
);
