import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/adapters/**'],
    rules: {
      // Side effects live behind a fence: only src/adapters talks to processes and PostgreSQL.
      'no-restricted-imports': [
        'error',
        {
          paths: ['pg', 'execa', 'zx', 'node:child_process', 'child_process'].map((name) => ({
            name,
            message: 'Only src/adapters/ may import process or database clients.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/**', 'src/commands/tui.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['ink', 'react', 'pg', 'execa', 'zx', 'node:child_process'].map((name) => ({
            name,
            message: 'The domain knows nothing of the terminal UI; side effects live in src/adapters/.',
          })),
        },
      ],
    },
  },
);
