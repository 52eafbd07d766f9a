// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer rule (house-style.md): code is sorted by where it runs, and no
 * layer imports one it must not. `shared/` runs anywhere; `renderer/` is the
 * browser; `feed/` (the reference feed server) and `web/` (the web kiosk
 * server) are plain Node; `electron/` is the main process and preload, which
 * may embed the Node layers (the demo feed runs in-process) but never the
 * renderer.
 */
const node = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'worker_threads', 'stream', 'events', 'util'];
const banned = (groups, message) => ({ group: groups, message });

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the module that holds the thing.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(['shared/**/*.ts'], [
    banned(['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'echarts', 'echarts/*', 'socket.io', 'socket.io-client', ...node], 'shared/ runs anywhere: no Electron, React, Node, DOM or transport imports.'),
    banned(['**/renderer/**', '**/electron/**', '**/feed/**'], 'shared/ imports nothing above it.'),
  ]),
  layer(['renderer/**/*.{ts,tsx}'], [
    banned(['electron', 'electron/*', 'socket.io', ...node], 'renderer/ is the browser: no Electron or Node.'),
    banned(['**/electron/**', '**/feed/**'], 'renderer/ imports shared/, never electron/ or feed/.'),
  ]),
  layer(['electron/**/*.ts'], [
    banned(['react', 'react-dom', 'react-dom/*', 'zustand', 'echarts', 'echarts/*', 'socket.io-client'], 'electron/ is the main process: no React or renderer libraries.'),
    banned(['**/renderer/**'], 'electron/ imports shared/ and the Node layers, never renderer/.'),
  ]),
  layer(['web/**/*.ts'], [
    banned(['electron', 'electron/*', 'react', 'react-dom', 'zustand', 'echarts', 'echarts/*'], 'web/ is plain Node: no Electron or React.'),
    banned(['**/renderer/**', '**/electron/**'], 'web/ serves the built renderer; it imports shared/ and feed/, never renderer/ or electron/ source.'),
  ]),
  layer(['feed/**/*.ts'], [
    banned(['electron', 'electron/*', 'react', 'react-dom', 'zustand', 'echarts', 'echarts/*'], 'feed/ is plain Node: no Electron or React.'),
    banned(['**/renderer/**', '**/electron/**'], 'feed/ imports shared/, never renderer/ or electron/.'),
  ]),
  {
    // Tests and tools may reach across layers to drive the whole.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
