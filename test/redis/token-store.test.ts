import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenesysClient, ValidationError } from '../../src/index.js';
import { RedisTokenStore } from '../../src/redis/index.js';
import { startEmulator } from '../../src/testing/index.js';
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

const token = (ttlMs = 60_000) => ({
  accessToken: `tok-${randomBytes(8).toString('hex')}`,
  issuedAt: Date.now(),
  expiresAt: Date.now() + ttlMs,
});

describe('RedisTokenStore options', () => {
  it('refuses to store tokens in clear text unless told so, and names each bad option', () => {
    const redis = conn.clients.ioredis;
    const fields = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => i.path);
      }
      throw new Error('did not throw');
    };
    expect(fields(() => new RedisTokenStore({ redis }))).toEqual(['encryptionKey']);
    expect(fields(() => new RedisTokenStore({ redis, encryptionKey: 'c2hvcnQ=' }))).toEqual(['encryptionKey']);
    expect(fields(() => new RedisTokenStore({ redis, encryptionKey: randomBytes(32), plaintext: true }))).toEqual([
      'plaintext',
    ]);
    expect(fields(() => new RedisTokenStore({ redis: {} as never, plaintext: true }))).toEqual(['redis']);
    expect(fields(() => new RedisTokenStore({ redis, plaintext: true, commandTimeoutMs: 0 }))).toEqual([
      'commandTimeoutMs',
    ]);
  });
});

describe.each(['ioredis', 'node-redis'] as const)('RedisTokenStore with %s', (flavour) => {
  const redis = () => conn.clients[flavour];

  it('stores the token encrypted (AES-256-GCM) with a TTL at its expiry, and reads it back', async () => {
    const key = randomBytes(32);
    const store = new RedisTokenStore({
      redis: redis(),
      encryptionKey: key.toString('base64'),
      prefix: `t-${flavour}-1:`,
    });
    const t = token(30_000);
    await store.set('https://login.example|client-a', t);
    expect(await store.get('https://login.example|client-a')).toEqual(t);
    const keys = await conn.clients.ioredis.keys(`t-${flavour}-1:token:*`);
    expect(keys).toHaveLength(1);
    const raw = (await conn.clients.ioredis.get(keys[0]!))!;
    expect(raw.startsWith('g1:')).toBe(true);
    expect(raw).not.toContain(t.accessToken);
    const pttl = await conn.clients.ioredis.pttl(keys[0]!);
    expect(pttl).toBeGreaterThan(25_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
    // The same key as hex reads it; another key refuses it, naming the option.
    expect(
      await new RedisTokenStore({ redis: redis(), encryptionKey: key.toString('hex'), prefix: `t-${flavour}-1:` }).get(
        'https://login.example|client-a',
      ),
    ).toEqual(t);
    const other = new RedisTokenStore({ redis: redis(), encryptionKey: randomBytes(32), prefix: `t-${flavour}-1:` });
    await expect(other.get('https://login.example|client-a')).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'encryptionKey' }],
    });
    await store.delete('https://login.example|client-a');
    expect(await store.get('https://login.example|client-a')).toBeUndefined();
  });

  it('plaintext and encrypted stores of one client are refused, never mixed: neither reads nor replaces the other', async () => {
    const plain = new RedisTokenStore({ redis: redis(), plaintext: true, prefix: `t-${flavour}-2:` });
    const encrypted = new RedisTokenStore({
      redis: redis(),
      encryptionKey: randomBytes(32),
      prefix: `t-${flavour}-2:`,
    });
    const t = token();
    await plain.set('k', t);
    expect(await plain.get('k')).toEqual(t);
    await expect(encrypted.get('k')).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'encryptionKey' }],
    });
    await expect(encrypted.set('k', token())).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ path: 'encryptionKey' }],
    });
    expect(await plain.get('k')).toEqual(t); // not replaced
    await plain.delete('k');
    await encrypted.set('k', t);
    await expect(plain.get('k')).rejects.toMatchObject({ name: 'ValidationError', issues: [{ path: 'plaintext' }] });
    await expect(plain.set('k', token())).rejects.toMatchObject({ issues: [{ path: 'plaintext' }] });
    const keys = await conn.clients.ioredis.keys(`t-${flavour}-2:token:*`);
    expect((await conn.clients.ioredis.get(keys[0]!))!.startsWith('g1:')).toBe(true); // never rewritten in clear text
  });

  it('a client configured plaintext among encrypted ones goes on alone and says so; the shared value stays encrypted', async () => {
    const emu = await startEmulator({ org: { users: 5, skills: 3, queues: 1 } });
    try {
      const prefix = `t-${flavour}-mix:`;
      const options = {
        clientId: emu.clientId,
        clientSecret: emu.clientSecret,
        apiBaseUrl: emu.baseUrl,
        loginBaseUrl: emu.baseUrl,
      };
      const encrypted = new GenesysClient({
        ...options,
        tokenStore: new RedisTokenStore({ redis: redis(), encryptionKey: randomBytes(32), prefix }),
      });
      await encrypted.routing.skills.list({ pageSize: 1 }).first();
      const plain = new GenesysClient({
        ...options,
        tokenStore: new RedisTokenStore({ redis: redis(), plaintext: true, prefix }),
      });
      const events: { state: string; reason?: string | undefined }[] = [];
      plain.on('sharedState', (e) => events.push(e));
      await plain.routing.skills.list({ pageSize: 1 }).first();
      expect(events[0]).toMatchObject({
        state: 'fallback',
        reason: expect.stringContaining('disagree on how to store it'),
      });
      const keys = await conn.clients.ioredis.keys(`${prefix}token:*`);
      expect(keys).toHaveLength(1);
      expect((await conn.clients.ioredis.get(keys[0]!))!.startsWith('g1:')).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('the right encryption key with a wrong client secret never uses the shared token', async () => {
    const emu = await startEmulator({ org: { users: 5, skills: 3, queues: 1 } });
    try {
      const encryptionKey = randomBytes(32);
      const store = () => new RedisTokenStore({ redis: redis(), encryptionKey, prefix: `t-${flavour}-wrong:` });
      const base = { clientId: emu.clientId, apiBaseUrl: emu.baseUrl, loginBaseUrl: emu.baseUrl };
      await new GenesysClient({ ...base, clientSecret: emu.clientSecret, tokenStore: store() }).routing.skills
        .list({ pageSize: 1 })
        .first();
      emu.resetStats();
      const wrong = new GenesysClient({
        ...base,
        clientSecret: `${emu.clientSecret}-wrong`,
        tokenStore: store(),
        maxRetries: 0,
      });
      await expect(wrong.routing.skills.list({ pageSize: 1 }).first()).rejects.toMatchObject({
        name: 'AuthenticationError',
      });
      expect(emu.stats.requestLog.filter((r) => r.path.startsWith('/api/v2'))).toHaveLength(0);
    } finally {
      await emu.close();
    }
  });

  it('lock: one holder at a time, released only by its owner, expiring on its own', async () => {
    const store = new RedisTokenStore({ redis: redis(), plaintext: true, prefix: `t-${flavour}-3:` });
    const release = await store.lock('k', 10_000);
    expect(release).toBeTypeOf('function');
    expect(await store.lock('k', 10_000)).toBeUndefined();
    await release!();
    const again = await store.lock('k', 150);
    expect(again).toBeTypeOf('function');
    await new Promise((r) => setTimeout(r, 250));
    const third = await store.lock('k', 10_000);
    expect(third).toBeTypeOf('function');
    await again!(); // the expired owner's release must not free the new holder's lock
    expect(await store.lock('k', 10_000)).toBeUndefined();
    await third!();
  });

  it('clients sharing the store ask the token endpoint once between them', async () => {
    const emu = await startEmulator({ org: { users: 5, skills: 3, queues: 1 } });
    try {
      const encryptionKey = randomBytes(32);
      const clients = Array.from(
        { length: 6 },
        () =>
          new GenesysClient({
            clientId: emu.clientId,
            clientSecret: emu.clientSecret,
            apiBaseUrl: emu.baseUrl,
            loginBaseUrl: emu.baseUrl,
            tokenStore: new RedisTokenStore({ redis: redis(), encryptionKey, prefix: `t-${flavour}-4:` }),
          }),
      );
      await Promise.all(clients.map((c) => c.routing.skills.list({ pageSize: 1 }).first()));
      expect(emu.stats.byRoute['POST /oauth/token']?.count).toBe(1);
    } finally {
      await emu.close();
    }
  });
});
