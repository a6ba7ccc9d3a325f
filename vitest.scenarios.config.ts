// `npm run test:scenarios`: the heavy scenario tests listed in test/scenarios.ts (.ci/run runs them too).
import { defineConfig } from 'vitest/config';
import { SCENARIO_FILES, SCENARIO_GLOBS } from './test/scenarios.js';

export default defineConfig({
  test: {
    include: [...SCENARIO_GLOBS, ...SCENARIO_FILES],
    exclude: ['**/node_modules/**'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
