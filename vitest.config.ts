// `npm test`: every unit and integration test that guards behaviour, fast. The heavy scenarios (test/scenarios.ts)
// run with `npm run test:scenarios` (vitest.scenarios.config.ts), and the Redis tests with `npm run test:redis`.
import { defineConfig } from 'vitest/config';
import { SCENARIO_FILES, SCENARIO_GLOBS } from './test/scenarios.js';

// Needs a redis-server: run by `npm run test:redis` (vitest.redis.config.ts).
const EXCLUDE = ['test/redis/**', '**/node_modules/**', ...SCENARIO_GLOBS, ...SCENARIO_FILES];
// Files that check process-wide state another file of the worker may have set first (importing 'zod' installs
// its English locale for everyone): they get a worker of their own.
const OWN_WORKER = ['test/internal/zod-validation.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Worker threads rather than forked processes: no process start per worker (docs/testing.md has the figures).
    pool: 'threads',
    // Most files wait on loopback HTTP and timers rather than compute: four workers keep two cores busy.
    maxWorkers: 4,
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        // Test files share a worker's modules instead of importing the SDK afresh each (importing it for every
        // file took longer than the tests themselves). Per-test state stays in the tests: helpers close what they
        // start with onTestFinished, and files that capture console output register their own hooks
        // (captureCliOutput in test/cli/helpers.ts).
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...EXCLUDE, ...OWN_WORKER], isolate: false },
      },
      { extends: true, test: { name: 'own-worker', include: OWN_WORKER, exclude: EXCLUDE } },
    ],
  },
});
