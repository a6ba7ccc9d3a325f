// `npm run test:redis`: the Redis-backed stores against a real redis-server (each file starts its own on a free
// port). Kept out of `npm test` so the default suite needs no Redis.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/redis/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two files at a time (vitest's default on 2 cores is one): most of the time is spent waiting on rate-limit
    // windows and leases, and each file starts its own redis-server; more workers gain nothing on two cores.
    maxWorkers: 2,
    setupFiles: ['test/setup.ts'],
  },
});
