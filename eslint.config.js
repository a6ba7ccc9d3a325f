import { posix } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layering of src/, enforced: each area lists the areas it may import (its own files always). ARCHITECTURE.md
// explains the layers; a new import across areas is a decision, made here.
const LAYERS = {
  errors: [],
  limits: [],
  regions: [],
  internal: ['errors'],
  events: ['errors'],
  optimizer: ['errors', 'internal', 'limits'],
  transport: ['config', 'errors', 'events', 'internal'],
  config: ['errors', 'internal', 'regions', 'transport'],
  resources: ['errors', 'events', 'internal', 'limits', 'transport'],
  client: ['config', 'errors', 'events', 'resources', 'transport'],
  webhooks: ['errors', 'internal', 'optimizer', 'resources', 'transport'],
  workflows: ['client', 'errors', 'events', 'internal', 'optimizer', 'resources', 'webhooks'],
  // internal: the shared run-time check of options (internal/options.ts), as every other area that takes options.
  report: ['client', 'errors', 'internal', 'optimizer', 'resources', 'workflows'],
  redis: ['errors', 'events', 'internal', 'transport', 'webhooks', 'workflows'],
  testing: ['internal', 'limits', 'optimizer'],
  mcp: ['client', 'errors', 'internal', 'optimizer', 'report', 'resources', 'workflows'],
  cli: ['client', 'errors', 'internal', 'mcp', 'optimizer', 'report', 'testing', 'workflows'],
  index: [
    'client',
    'config',
    'errors',
    'events',
    'internal',
    'limits',
    'optimizer',
    'regions',
    'report',
    'resources',
    'transport',
    'webhooks',
    'workflows',
  ],
};
// Areas that are one file: the file's path under src/, without .ts (the client's four sit in client/).
const FILE_AREAS = {
  limits: 'limits',
  regions: 'client/regions',
  events: 'client/events',
  config: 'client/config',
  client: 'client/client',
  index: 'index',
};
const pathOf = (area) => FILE_AREAS[area] ?? area;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The relative specifier from a file area's folder to an area (`./config`, `../errors`). */
const specifierFrom = (area, target) => {
  const spec = posix.relative(posix.dirname(pathOf(area)), pathOf(target));
  return spec.startsWith('.') ? spec : `./${spec}`;
};

/** no-restricted-imports configs: per area and folder depth, the relative specifiers that reach a forbidden area. */
function layeringRules(extraPatterns = {}) {
  const areas = Object.keys(LAYERS);
  return areas.flatMap((area) => {
    const forbidden = areas.filter((a) => a !== area && !LAYERS[area].includes(a));
    const depths = area in FILE_AREAS ? [-1] : [0, 1, 2, 3, 4];
    return depths.map((depth) => {
      const files = depth < 0 ? [`src/${pathOf(area)}.ts`] : [`src/${area}/${'*/'.repeat(depth)}*.ts`];
      const toSrc = '../'.repeat(depth + 1);
      const targets =
        depth < 0
          ? forbidden.map((a) => escape(specifierFrom(area, a)))
          : forbidden.map((a) => escape(toSrc + pathOf(a)));
      const pattern = {
        regex: `^(${targets.join('|')})(/|\\.|$)`,
        message: `${area} may import only ${LAYERS[area].join(', ') || 'nothing of src/'} (ARCHITECTURE.md).`,
      };
      return {
        files,
        rules: { 'no-restricted-imports': ['error', { patterns: [...(extraPatterns[area] ?? []), pattern] }] },
      };
    });
  });
}

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
  // The optimizer is pure: besides the layering, no I/O or transport packages.
  ...layeringRules({
    optimizer: [
      {
        group: ['eventemitter3', 'ws', 'ofetch', 'p-limit', 'p-retry', 'node:*'],
        message: 'optimizer/ is pure: no I/O or transport deps.',
      },
    ],
  }),
  {
    // Type-aware: a promise that is neither awaited nor handled loses its error (src/ only, where it matters).
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // A function over 80 lines does more than one job; one that must stay long says why in a comment.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
);
