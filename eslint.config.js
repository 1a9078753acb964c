// Lint rules: typescript-eslint's recommended set, plus the house rule that the engine stays pure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-cli/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'test/golden/',
      'test/golden-*/**/*.json',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The engine imports no Node built-ins.',
            },
            {
              group: ['react', 'react-dom', 'cytoscape', 'zustand', 'comlink'],
              message: 'The engine knows nothing of the UI.',
            },
            {
              group: ['**/ui/**', '**/worker/**', '**/cli/**'],
              message: 'The engine imports nothing from ui/, worker/ or cli/.',
            },
          ],
        },
      ],
    },
  },
);
