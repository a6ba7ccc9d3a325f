// `npm run test:redis`: the Redis-backed stores against a real redis-server (each file starts its own on a free
// port). Kept out of `npm test` so the default suite needs no Redis.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/redis/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
