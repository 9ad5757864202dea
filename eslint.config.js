import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const IPC_WRAPPERS = ['src-main/electron/ipc-main.ts', 'src-preload/index.ts'];
const ELECTRON_GLUE = ['src-main/index.ts', 'src-main/electron/**', 'src-preload/index.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Raw ipcMain/ipcRenderer only in the two wrappers; Electron itself only in the glue, so the
    // rest of src-main stays importable from plain Node (CLI, tests, benchmarks).
    files: ['src-main/**/*.ts', 'src-preload/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ELECTRON_GLUE,
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Electron APIs belong in src-main/electron/ (and the preload); keep this file runnable under plain Node.' }] }],
    },
  },
  {
    files: ELECTRON_GLUE,
    ignores: IPC_WRAPPERS,
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed wrappers in src-main/electron/ipc-main.ts and src-preload/index.ts.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
