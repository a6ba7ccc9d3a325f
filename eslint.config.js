import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'docs/api/**', 'coverage/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Plain JavaScript scripts (benchmarks) run on Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    // CommonJS consumers of the built package (test/package/loaders.mjs runs them under each supported loader).
    files: ['test/package/loaders/*.cjs', 'test/package/loaders/*.cts'],
    languageOptions: { globals: { require: 'readonly', console: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The optimizer is pure: it may import only its own files, the dependency-free error module, internal/parse.ts and zod.
    files: ['src/optimizer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['eventemitter3', 'ws', 'ofetch', 'p-limit', 'p-retry', 'node:*'],
              message: 'optimizer/ is pure: no I/O or transport deps.',
            },
            // From any depth (../transport from optimizer/x.ts, ../../transport from optimizer/routing/x.ts, ...).
            {
              regex:
                '^(\\.\\./)+(transport|resources|workflows|testing|client|cli|report|webhooks|redis|config|events)(/|\\.|$)',
              message: 'optimizer/ must not import other layers.',
            },
          ],
        },
      ],
    },
  },
);
