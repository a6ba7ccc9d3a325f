// Eight processes sharing one OAuth client against the emulator's rate limit, coordinated through Redis.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { runWorkers } from '../../bench/workers-run.js';
import { startRedis, type RedisServer } from './redis-server.js';

let server: RedisServer;
let emu: Emulator;
beforeAll(async () => {
  server = await startRedis();
  emu = await startEmulator({
    org: { users: 5, skills: 3, queues: 1 },
    rateLimit: { requests: 100, windowSeconds: 5 },
  });
});
afterAll(async () => {
  await emu?.close();
  await server?.stop();
});

describe('8 worker processes, one OAuth client, Redis', () => {
  it('stay under the limit together (<= 0.5 % answered 429) and ask for one token in total', async () => {
    const result = await runWorkers(emu, 8, {
      redisUrl: server.url,
      encryptionKey: randomBytes(32).toString('base64'),
      prefix: `workers-${Date.now()}:`,
      requests: 40,
    });
    const ok = result.workers.reduce((n, w) => n + w.ok, 0);
    expect(ok).toBe(320);
    expect(result.workers.every((w) => w.failed === 0 && w.sharedState.length === 0)).toBe(true);
    expect(result.tokenRequests).toBe(1);
    expect(result.apiRequests).toBe(320 + result.refused);
    expect(result.refused / result.apiRequests).toBeLessThanOrEqual(0.005);
  }, 120_000);
});
