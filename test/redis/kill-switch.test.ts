// RedisKillSwitch against a real redis-server, with both client flavours: engaged while the key exists, released
// by DEL, and a Redis that does not answer counts as engaged for the autopilot (isStopped), never as "go on".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisKillSwitch } from '../../src/redis/index.js';
import { isStopped } from '../../src/workflows/autopilot/kill-switch.js';
import { connectBoth, startRedis, type RedisServer } from './redis-server.js';

let server: RedisServer;
let conn: Awaited<ReturnType<typeof connectBoth>>;
beforeAll(async () => {
  server = await startRedis();
  conn = await connectBoth(server.url);
});
afterAll(async () => {
  await conn?.close();
  await server?.stop();
});

describe.each(['ioredis', 'node-redis'] as const)('RedisKillSwitch (%s)', (flavour) => {
  it('is engaged while the key exists, by any process', async () => {
    const a = new RedisKillSwitch({ redis: conn.clients[flavour], prefix: `kill-${flavour}:` });
    const b = new RedisKillSwitch({ redis: conn.clients[flavour], prefix: `kill-${flavour}:` });
    expect(await isStopped(a)).toBe(false);
    await b.engage('incident 4711');
    expect(await isStopped(a)).toBe(true);
    expect(a.describe).toBe(`redis:kill-${flavour}:autopilot:stop`);
    await b.release();
    expect(await isStopped(a)).toBe(false);
  });

  it('a bad key option is a typed error naming it', () => {
    expect(() => new RedisKillSwitch({ redis: conn.clients[flavour], key: '' })).toThrow(/key/);
  });
});

describe('RedisKillSwitch when Redis does not answer', () => {
  it('counts as engaged', async () => {
    const silent = { evalsha: () => new Promise(() => {}), eval: () => new Promise(() => {}) };
    const k = new RedisKillSwitch({ redis: silent as never, commandTimeoutMs: 50 });
    expect(await isStopped(k)).toBe(true);
  });
});
