import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const sideEffects = ['pg', 'execa', 'zx', 'node:child_process', 'child_process'];
const terminal = ['ink', 'react'];
const fence = (names, message) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  {
    // Build scripts run in Node as plain JavaScript.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The domain: no processes, no database clients, no terminal UI.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/adapters/**', 'src/ui/**', 'src/commands/tui.ts'],
    rules: fence(
      [...sideEffects, ...terminal],
      'Side effects live in src/adapters/; ink and react only in src/ui/.',
    ),
  },
  {
    // The UI renders and calls actions; it never runs a command or a query itself.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/commands/tui.ts'],
    rules: fence(
      sideEffects,
      'The UI asks the runner; only src/adapters/ starts processes or talks to PostgreSQL.',
    ),
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
