// `npm test`: every unit and integration test that guards behaviour, fast. The heavy scenarios (test/scenarios.ts)
// run with `npm run test:scenarios` (vitest.scenarios.config.ts), and the Redis tests with `npm run test:redis`.
import { defineConfig } from 'vitest/config';
import { SCENARIO_FILES, SCENARIO_GLOBS } from './test/scenarios.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Needs a redis-server: run by `npm run test:redis` (vitest.redis.config.ts).
    exclude: ['test/redis/**', '**/node_modules/**', ...SCENARIO_GLOBS, ...SCENARIO_FILES],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Worker threads rather than forked processes: no process start per worker (measured back to back on 2 cores:
    // 87.0 s with threads, 94.7 s with forks).
    pool: 'threads',
    // Most files wait on loopback HTTP and timers rather than compute: four workers keep two cores busy
    // (measured on 2 cores: 61 s with 4 workers, 136 s with the default 2).
    maxWorkers: 4,
    setupFiles: ['test/setup.ts'],
  },
});
