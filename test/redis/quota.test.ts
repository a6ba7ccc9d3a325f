import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenesysClient, type SharedStateEvent } from '../../src/index.js';
import { RedisQuota, RedisTokenStore } from '../../src/redis/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
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

const clientOn = (emu: Emulator, extra: object) =>
  new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
    ...extra,
  });

describe.each(['ioredis', 'node-redis'] as const)('RedisQuota with %s', (flavour) => {
  it('a shared blockedUntil 20 days ahead (tampered state) is ignored and reported, never waited for', async () => {
    const emu = await startEmulator({ org: { users: 5, skills: 3, queues: 1 } });
    try {
      const prefix = `q-${flavour}-${randomBytes(4).toString('hex')}:`;
      const client = clientOn(emu, {
        maxRetryAfterMs: 5_000,
        quota: new RedisQuota({ redis: conn.clients[flavour], prefix }),
      });
      await client.request({ method: 'GET', path: '/api/v2/routing/skills' });
      const [key] = await conn.clients.ioredis.keys(`${prefix}quota:*`);
      const { time } = { time: await conn.clients.ioredis.time() };
      await conn.clients.ioredis.hset(key!, 'blockedUntil', String(Number(time[0]) * 1000 + 20 * 86_400_000));
      const events: SharedStateEvent[] = [];
      client.on('sharedState', (e) => events.push(e));
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 5 }, () => client.request({ method: 'GET', path: '/api/v2/routing/skills' })),
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(events[0]).toMatchObject({
        component: 'quota',
        state: 'fallback',
        reason: expect.stringContaining('outside 1..5000'),
      });
    } finally {
      await emu.close();
    }
  });

  it('clients with their own RedisQuota (as separate processes would) share one budget: no 429', async () => {
    const emu = await startEmulator({
      org: { users: 5, skills: 3, queues: 1 },
      rateLimit: { requests: 30, windowSeconds: 2 },
    });
    try {
      const prefix = `q-${flavour}-${randomBytes(4).toString('hex')}:`;
      const clients = Array.from({ length: 4 }, () =>
        clientOn(emu, { quota: new RedisQuota({ redis: conn.clients[flavour], prefix }) }),
      );
      const statuses: number[] = [];
      for (const c of clients) c.on('response', (e) => statuses.push(e.status));
      await Promise.all(
        clients.flatMap((c) =>
          Array.from({ length: 20 }, () => c.request({ method: 'GET', path: '/api/v2/routing/skills' })),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(80);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('a 429 seen by one process pauses every process; then exactly one probe goes before the others', async () => {
    const prefix = `q-${flavour}-${randomBytes(4).toString('hex')}:`;
    const context = { key: 'https://login.example|shared-client', headroom: 0, onSharedState: () => undefined };
    const a = new RedisQuota({ redis: conn.clients[flavour], prefix }).gate(context);
    const b = new RedisQuota({ redis: conn.clients[flavour], prefix }).gate(context);
    // First use: the very first request goes alone.
    const first = await a.take();
    expect(first.probe).toBe(true);
    a.observe({ allowed: 100, count: 1, resetSeconds: 60 }, 60_000, first);
    a.release(first);
    await b.waitForGate();
    const plain = await b.take();
    expect(plain.probe).toBe(false);
    b.release(plain);
    const started = Date.now();
    a.block(400);
    await new Promise((r) => setTimeout(r, 50));
    const probe = await b.take();
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(probe.probe).toBe(true);
    let aGot = 0;
    const aWaits = a.take().then((t) => {
      aGot = Date.now();
      return t;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(aGot).toBe(0);
    const back = Date.now();
    b.observe({ allowed: 100, count: 1, resetSeconds: 60 }, 60_000, probe);
    b.release(probe);
    const afterProbe = await aWaits;
    expect(afterProbe.probe).toBe(false);
    expect(aGot).toBeGreaterThanOrEqual(back);
    a.release(afterProbe);
  });
});

describe('Redis down', () => {
  it('the client falls back to its own limiter and a memory token, says so once per component, and keeps working', async () => {
    const emu = await startEmulator({ org: { users: 5, skills: 3, queues: 1 } });
    // Nothing listens on this port: every command fails (the offline queue is off, so it fails at once).
    const dead = new Redis({
      port: 1,
      host: '127.0.0.1',
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on('error', () => undefined);
    try {
      const client = clientOn(emu, {
        tokenStore: new RedisTokenStore({ redis: dead, encryptionKey: randomBytes(32), commandTimeoutMs: 300 }),
        quota: new RedisQuota({ redis: dead, commandTimeoutMs: 300 }),
      });
      const events: SharedStateEvent[] = [];
      client.on('sharedState', (e) => events.push(e));
      for (let i = 0; i < 5; i++) await client.request({ method: 'GET', path: '/api/v2/routing/skills' });
      expect(emu.stats.byRoute['POST /oauth/token']?.count).toBe(1);
      expect(events.map((e) => `${e.component}:${e.state}`).sort()).toEqual(['quota:fallback', 'tokenStore:fallback']);
      expect(events.every((e) => typeof e.reason === 'string' && e.reason.length > 0)).toBe(true);
    } finally {
      dead.disconnect();
      await emu.close();
    }
  });
});
